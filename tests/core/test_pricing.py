"""Prices in integer cents: units of the service's unit, the 50 % tax credit apart."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kiosk_app.domain.pricing import price_for, units_for_minutes


@given(minutes=st.integers(min_value=1, max_value=24 * 60), unit=st.integers(1, 120))
def test_actual_time_is_rounded_up_to_whole_units(minutes: int, unit: int) -> None:
    units = units_for_minutes(minutes, unit)
    assert (units - 1) * unit < minutes <= units * unit


def test_no_time_is_no_unit() -> None:
    assert units_for_minutes(0, 20) == 0
    assert units_for_minutes(-5, 20) == 0


def test_tax_credit_is_half_of_an_eligible_price() -> None:
    price = price_for(3, 500, tax_credit_eligible=True)
    assert (price.total_cents, price.tax_credit_cents, price.after_tax_credit_cents) == (
        1500,
        750,
        750,
    )
    odd = price_for(1, 455, tax_credit_eligible=True)
    assert odd.tax_credit_cents + odd.after_tax_credit_cents == 455
    plain = price_for(3, 500, tax_credit_eligible=False)
    assert (plain.tax_credit_cents, plain.after_tax_credit_cents) == (0, 1500)
