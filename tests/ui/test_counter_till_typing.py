"""Whatever an attendant types, or pastes, in the till's amount fields: a float that is
no amount is refused in words, any text opens exactly the amount it says or nothing, any
count closes with that amount or writes nothing, and in English the pad's decimal key
types a point."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk_app.comptoir import Comptoir
from kiosk_app.views.till import DEFAULT_THRESHOLD_CENTS, MAX_COUNTED_CENTS, MAX_FLOAT_CENTS
from sync.protocol import PaymentMethod

from .counter_support import log_in
from .support import Resident
from .till_steps import audit_actions, person, till_page, type_on_pad

CASH = PaymentMethod.CASH


def test_a_float_that_is_not_an_amount_is_refused_in_words(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    log_in(kiosk)
    page = till_page(kiosk)
    type_on_pad(kiosk, page, "5000,01")  # above the largest float
    kiosk.tap_named("Ouvrir la caisse")
    assert page.float_error.text() == "Fond de caisse entre 0 et 5000 €."
    assert comptoir.till.current() is None
    for _ in range(7):
        kiosk.tap(page.pad.erase)
    type_on_pad(kiosk, page, "0")  # an empty drawer is a float too
    kiosk.tap_named("Ouvrir la caisse")
    session = comptoir.till.current()
    assert session is not None and session.float_cents == 0


# --- Whatever lands in an amount field ---------------------------------------------------

TRICKY = (
    "150,00",
    "150.5",
    " 150 € ",
    "0",
    "0,01",
    "5000",
    "5000,01",
    "-5",
    "1e9",
    "1_000",
    "99999999",
    "12,345",
    ",5",
    "١٥٠",
    "²³",
    "💶💶",
    "150,00 💶",
    "'; DROP TABLE cash_sessions; --",
    "1 OR 1=1",
    "NaN",
    "Infinity",
    "\u00a0",
    "9" * 10_000,
)
AMOUNT_TEXT = st.one_of(
    st.sampled_from(TRICKY),
    st.from_regex(r"\A-?[0-9]{1,9}([.,][0-9]{0,3})?( ?€)?\Z"),
    st.text(alphabet="0123456789,.-e€ ", max_size=14),
    st.text(max_size=40),
)
SLOW_UI = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def euros_typed(text: str, maximum: int) -> int | None:
    """What an attendant means by `text` (as the field shows it, after its length limit),
    or None when it is no amount of 0 to `maximum` cents: an oracle written apart from
    the page's parser."""
    compact = "".join(ch for ch in text if ch not in " \u00a0€")
    match = re.fullmatch(r"([0-9]{1,7})(?:[.,]([0-9]{1,2}))?", compact, re.ASCII)
    if match is None:
        return None
    cents = int(match[1]) * 100 + int((match[2] or "0").ljust(2, "0"))
    return cents if cents <= maximum else None


def test_any_text_in_the_float_opens_exactly_that_amount_or_is_refused(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    camille = person(comptoir, "Camille")
    log_in(kiosk)
    page = till_page(kiosk)

    @SLOW_UI
    @given(text=AMOUNT_TEXT)
    def check(text: str) -> None:
        page.float_field.setText(text)  # as pasted: the pad types no such thing
        shown = page.float_field.text()
        if not shown.strip():
            assert not page.open_button.isEnabled()
            return
        kiosk.tap(page.open_button)
        session = comptoir.till.current()
        meant = euros_typed(shown, MAX_FLOAT_CENTS)
        if meant is None:
            assert session is None
            assert page.float_error.text() == "Fond de caisse entre 0 et 5000 €."
            return
        assert session is not None and session.float_cents == meant
        assert page.title.text() == "La caisse est ouverte"
        # Closed again behind the page's back (another counter), for the next example.
        comptoir.till.close({CASH: meant}, camille.id)
        kiosk.tap(kiosk.window.counter.nav["queue"])
        till_page(kiosk)
        assert page.title.text() == "La caisse est fermée"

    check()
    assert len(comptoir.till.closed()) == len(audit_actions(comptoir)) // 2


def test_any_text_in_a_count_closes_with_that_amount_or_writes_nothing(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    camille = person(comptoir, "Camille")
    comptoir.till.open(0, camille.id)
    log_in(kiosk)
    page = till_page(kiosk)
    form = page.close_form

    @SLOW_UI
    @given(text=AMOUNT_TEXT, method=st.sampled_from(list(PaymentMethod)))
    def check(text: str, method: PaymentMethod) -> None:
        closed_before = len(comptoir.till.closed())
        for row in form.rows.values():
            row.field.setText("0")
        form.rows[method].field.setText(text)
        shown = form.rows[method].field.text()
        kiosk.tap(form.close_button)
        kiosk.tap(form.confirmation.yes)
        meant = euros_typed(shown, MAX_COUNTED_CENTS)
        closed = comptoir.till.closed()
        if meant is None:
            assert form.rows[method].difference.text() == ("Montant compté entre 0 et 100000 €.")
            assert len(closed) == closed_before and comptoir.till.current() is not None
            return
        if meant > DEFAULT_THRESHOLD_CENTS:  # above 5 €: no manager, nothing written
            assert form.manager_error.text().startswith("Avec cet écart, la clôture demande")
            assert len(closed) == closed_before and comptoir.till.current() is not None
            return
        assert len(closed) == closed_before + 1
        assert closed[0].line(method).counted_cents == meant
        assert closed[0].counted_cents == meant
        comptoir.till.open(0, camille.id)  # the next example counts a new session
        kiosk.tap(kiosk.window.counter.nav["queue"])
        till_page(kiosk)

    check()
    closings = comptoir.till.closed()
    assert all(len(session.lines) == len(PaymentMethod) for session in closings)


def test_in_english_the_pad_types_a_decimal_point(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    log_in(kiosk)
    kiosk.window.set_language("en")
    page = till_page(kiosk)
    assert page.pad.keys[","].text() == "."
    assert page.pad.keys[","].accessibleName() == "Decimal mark, before the cents"
    type_on_pad(kiosk, page, "150,5")  # the decimal mark's key
    assert page.float_field.text() == "150.5"
    kiosk.tap_named("Open the till")
    session = comptoir.till.current()
    assert session is not None and session.float_cents == 150_50
    assert page.status.text().endswith("with a float of €150.50.")
