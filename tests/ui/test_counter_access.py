"""No resident path reaches the counter without a PIN: not a tile, not a key, not the
home button, not the idle countdown; and what the counter typed never outlives a lock."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from kiosk_app.comptoir import Comptoir
from kiosk_app.errors import ValidationError
from kiosk_app.views.payments import MAX_PAYMENT_CENTS
from sync.protocol import OrderStatus, PaymentMethod
from ui.attendant.amounts import actual_minutes, euros_to_cents

from .conftest import MakeKiosk
from .counter_support import log_in, place_order
from .support import Resident
from .test_bad_input import ANY_TEXT, NASTY, SETTINGS

KEYS = [
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Back, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
    *[(Qt.Key(Qt.Key.Key_F1.value + n), Qt.KeyboardModifier.NoModifier) for n in range(12)],
]


def never_at_the_counter(kiosk: Resident) -> None:
    window = kiosk.window
    assert window.current_screen not in (window.counter, window.pin_pad)
    assert window.attendant is None
    assert not window.counter.isVisible()
    shown = kiosk.screen_text()
    assert "File d’attente" not in shown and "Verrouiller" not in shown


@pytest.mark.parametrize("tile", ["order", "follow", "rate", "lulu"])
def test_no_key_tile_or_home_leads_from_a_resident_screen_to_the_counter(
    kiosk: Resident, comptoir: Comptoir, attendants: None, tile: str
) -> None:
    place_order(comptoir)
    window = kiosk.window
    kiosk.tap(window.welcome.tiles[tile])
    for key, modifiers in KEYS:
        target = QApplication.focusWidget() or window
        kiosk.qtbot.keyClick(target, key, modifiers)
        QApplication.processEvents()
        never_at_the_counter(kiosk)
    kiosk.tap_named("Accueil")
    never_at_the_counter(kiosk)
    assert window.current_screen is window.welcome
    for shortcut in (QKeySequence.StandardKey.Back, QKeySequence.StandardKey.Forward):
        for sequence in QKeySequence.keyBindings(shortcut):
            combination = sequence[0]
            kiosk.qtbot.keyClick(window, combination.key(), combination.keyboardModifiers())
            never_at_the_counter(kiosk)


def test_the_idle_countdown_and_a_lock_lead_back_to_residents_not_to_the_counter(
    make_kiosk: MakeKiosk, comptoir: Comptoir, attendants: None
) -> None:
    place_order(comptoir)
    kiosk = make_kiosk(idle_ms=200, countdown_s=1)
    window = kiosk.window
    log_in(kiosk)
    kiosk.tap_named("Verrouiller")
    never_at_the_counter(kiosk)
    # A resident starts, walks away: the countdown ends on the welcome screen.
    kiosk.tap(window.welcome.tiles["order"])
    kiosk.qtbot.waitUntil(lambda: window.current_screen is window.welcome, timeout=4000)
    never_at_the_counter(kiosk)
    # The PIN pad left alone goes back to the residents too, never on to the counter.
    window._open_pin_pad()
    kiosk.tap(window.pin_pad.title)  # the logo was held: a touch, as far as idleness goes
    kiosk.qtbot.waitUntil(lambda: window.current_screen is window.welcome, timeout=4000)
    never_at_the_counter(kiosk)


def test_a_wrong_pin_opens_nothing(kiosk: Resident, comptoir: Comptoir, attendants: None) -> None:
    window = kiosk.window
    window._open_pin_pad()
    kiosk.tap_named("Camille")
    for digit in "4321":
        kiosk.tap(window.pin_pad.keys[digit])
    kiosk.tap_named("Se connecter")
    assert window.current_screen is window.pin_pad
    kiosk.tap_named("Revenir à l’écran des habitants")
    never_at_the_counter(kiosk)


@given(typed=st.one_of(ANY_TEXT, st.from_regex(r"\d{1,7}([.,]\d{0,3})?", fullmatch=True)))
def test_an_amount_is_read_as_cents_in_range_or_refused(typed: str) -> None:
    try:
        cents = euros_to_cents(typed)
    except ValidationError as error:
        assert error.fields == {"amount": "amount.out_of_range"}
    else:
        assert 1 <= cents <= MAX_PAYMENT_CENTS
        assert euros_to_cents(f"{cents // 100},{cents % 100:02d}") == cents


def test_amounts_as_written_on_a_ticket() -> None:
    assert euros_to_cents("15") == 15_00
    assert euros_to_cents("15,5") == 15_50
    assert euros_to_cents(" 15.50 € ") == 15_50
    for refused in ("0", "15,555", "-5", "1e3", "١٥", "15,5O", *NASTY):
        with pytest.raises(ValidationError):
            euros_to_cents(refused)


@given(typed=st.one_of(ANY_TEXT, st.integers(-5, 5000).map(str)))
def test_actual_minutes_are_between_one_minute_and_a_day(typed: str) -> None:
    try:
        minutes = actual_minutes(typed)
    except ValidationError as error:
        assert error.fields == {"actual_minutes": "actual_minutes.out_of_range"}
    else:
        assert 1 <= minutes <= 24 * 60 and str(minutes) == typed.strip().lstrip("0")


@SETTINGS
@given(reason=ANY_TEXT, amount=ANY_TEXT)
def test_whatever_is_typed_in_an_order_reaches_the_store_only_when_valid(
    kiosk: Resident, comptoir: Comptoir, attendants: None, reason: str, amount: str
) -> None:
    window = kiosk.window
    if window.current_screen is not window.counter:
        log_in(kiosk)
    order = place_order(comptoir, hour=15, phone="06 11 22 33 44")
    window.counter.open_order(order)
    detail = window.counter.detail
    detail.reason.set_text(reason)
    detail.amount.set_text(amount)
    detail.methods[PaymentMethod.CHEQUE].click()
    assert detail.pay.isEnabled() is detail.amount.is_valid
    if detail.pay.isEnabled():
        # Read before the tap: once recorded, the field offers what is still due.
        typed_cents = detail.amount.value
        detail.pay.click()
        window.tasks.settle()
        # Within what is due it is taken; above, it is refused beside the field.
        taken = [p.amount_cents for p in comptoir.payments.for_order(order.id)]
        due = order.estimated_price.total_cents
        assert taken == ([typed_cents] if typed_cents <= due else [])
        if not taken:
            assert detail.amount.message.text() == "C’est plus que le montant restant dû."
    assert detail.cancel.isEnabled() is bool(reason.strip())
    if detail.cancel.isEnabled():
        detail.cancel.click()
        detail.cancel_confirmation.yes.click()
        window.tasks.settle()
    stored = comptoir.orders.get(order.id)
    if stored.status is OrderStatus.CANCELLED:
        assert stored.cancel_reason == detail.reason.value
    else:
        assert stored.cancel_reason is None
        # Nothing typed: the button stays off, unscolded; something invalid: told why.
        assert (detail.reason.message.text() != "") is (reason != "")
