"""Prices: a number of units of the service's duration unit times its unit price, in
integer cents. The 50 % tax credit for "services à la personne" is shown apart."""

from __future__ import annotations

from dataclasses import dataclass

TAX_CREDIT_RATE_PERCENT = 50


def units_for_minutes(minutes: int, unit_minutes: int) -> int:
    """Actual time rounded up to the unit: 21 minutes of a 20-minute unit bill 2 units."""
    if minutes <= 0:
        return 0
    return -(-minutes // unit_minutes)


@dataclass(frozen=True, slots=True)
class Price:
    total_cents: int
    tax_credit_eligible: bool

    @property
    def tax_credit_cents(self) -> int:
        return self.total_cents * TAX_CREDIT_RATE_PERCENT // 100 if self.tax_credit_eligible else 0

    @property
    def after_tax_credit_cents(self) -> int:
        return self.total_cents - self.tax_credit_cents


def price_for(units: int, unit_price_cents: int, *, tax_credit_eligible: bool) -> Price:
    return Price(units * unit_price_cents, tax_credit_eligible)
