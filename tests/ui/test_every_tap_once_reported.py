"""Every tap counted once (issue 14), beyond the buttons that write: the double taps that
were reported (on "Next" at the consent step and at step three, the language switched
while an order is written, a partial payment, "Confirm" where "Next" was), and the tap
guard itself (a held button, a second tap within 400 ms, keys that repeat). The guard's
clock is moved by hand (tests/ui/support.py, TapClock), never slept on."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk_app.comptoir import Comptoir
from sync.protocol import PaymentMethod
from ui.widgets.buttons import TouchButton

from .conftest import MakeKiosk
from .support import LEFT, Resident, TapClock
from .tap_steps import count, double_tap, pay, shown, walk_to_review
from .test_order_flow import fill_address, walk_to_who

# --- what was reported ------------------------------------------------------------------


@pytest.mark.parametrize("gap_ms", [0, 150])
def test_a_double_tap_on_next_at_the_consent_step_stops_on_the_review(
    kiosk: Resident, comptoir: Comptoir, gap_ms: int
) -> None:
    walk_to_review(kiosk)
    ordering = kiosk.window.ordering
    assert ordering.steps[ordering.index] is ordering.consent
    double_tap(kiosk, ordering.next, gap_ms)
    assert ordering.steps[ordering.index] is ordering.review
    assert kiosk.window.current_screen is ordering
    assert count(comptoir, "SELECT count(*) FROM orders") == 0


@pytest.mark.parametrize("gap_ms", [0, 150])
def test_a_double_tap_on_next_at_step_three_does_not_skip_the_duration(
    kiosk: Resident, gap_ms: int
) -> None:
    walk_to_who(kiosk)
    ordering = kiosk.window.ordering
    kiosk.fill(ordering.who.phone.editor, "0612345678")
    kiosk.fill(ordering.who.name.editor, "Jérôme Dupré")
    kiosk.tap(ordering.next)
    kiosk.tap(ordering.when.picker.day_buttons[1])
    kiosk.tap(ordering.when.picker.window_buttons[0])
    kiosk.tap(ordering.next)
    fill_address(kiosk)
    assert ordering.step_label.text() == "Étape 3 sur 6"
    double_tap(kiosk, ordering.next, gap_ms)
    assert ordering.steps[ordering.index] is ordering.what
    assert ordering.step_label.text() == "Étape 4 sur 6"


def test_english_while_the_order_is_written_does_not_free_confirm(
    kiosk: Resident, comptoir: Comptoir
) -> None:
    window = kiosk.window
    walk_to_review(kiosk)
    kiosk.tap(window.ordering.next)
    confirm = window.ordering.next
    # The store is slow today: the order's write waits behind another on the worker.
    slow = threading.Event()
    window.tasks.run(lambda: slow.wait(10), lambda _r: None, lambda _e: None)
    kiosk.qtbot.mouseClick(confirm, LEFT, pos=confirm.rect().center())
    assert not confirm.isEnabled()
    english = window.languages["en"]  # tapped by hand: Resident.tap would wait the write
    kiosk.qtbot.mouseClick(english, LEFT, pos=english.rect().center())
    QApplication.processEvents()
    assert confirm.text() == "Confirm my order"
    assert not confirm.isEnabled()  # a second order is one tap away otherwise
    slow.set()
    window.tasks.settle()
    assert window.current_screen is window.confirmation
    assert count(comptoir, "SELECT count(*) FROM orders") == 1


def test_after_a_partial_payment_nothing_stays_armed(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    button, payments = pay(kiosk, comptoir)
    kiosk.tap(button)
    detail = kiosk.window.counter.detail
    assert payments() == 1 and comptoir.payments.balance_due(detail.order.id) == 10_00
    assert not any(b.isChecked() for b in detail.methods.values())
    assert detail.amount.text == "" and not detail.pay.isEnabled()
    # Choosing a method again brings back what is still due.
    kiosk.tap(shown(kiosk, detail.methods[PaymentMethod.CARD]))
    assert detail.amount.text == "10" and detail.pay.isEnabled()


@pytest.mark.parametrize("size", [(1024, 768), (1280, 800), (1080, 1920)])
def test_confirm_is_not_where_the_step_before_had_next(
    make_kiosk: MakeKiosk, size: tuple[int, int]
) -> None:
    """Where the finger is after "Next" on the consent step, there is no "Confirm my
    order"; nor is "Confirm" where the confirmation's "Finish" comes up."""
    kiosk = make_kiosk(size=size)
    window = kiosk.window
    walk_to_review(kiosk)
    ordering = window.ordering

    def place(button: QWidget) -> QRect:
        return QRect(button.mapTo(window, QPoint(0, 0)), button.size())

    before = place(ordering.next)
    kiosk.tap(ordering.next)
    assert ordering.steps[ordering.index] is ordering.review
    confirm = place(ordering.next)
    assert not confirm.intersects(before), (confirm, before)
    kiosk.tap(ordering.next)
    assert window.current_screen is window.confirmation
    assert not place(window.confirmation.finish).intersects(confirm)


# --- the mechanism itself ---------------------------------------------------------------


def test_a_held_button_stays_disabled_until_released_then_is_as_last_asked(
    qtbot: QtBot, tap_clock: TapClock
) -> None:
    button = TouchButton("Enregistrer")
    qtbot.addWidget(button)
    button.hold()
    button.setEnabled(True)  # a retranslate, a refresh: remembered, not applied
    assert not button.isEnabled()
    button.setEnabled(False)
    button.setEnabled(True)
    button.release()
    assert button.isEnabled()
    button.hold()
    button.setEnabled(False)
    button.release()
    assert not button.isEnabled()


@pytest.mark.parametrize(("gap_ms", "clicks"), [(0, 1), (150, 1), (399, 1), (400, 2), (900, 2)])
def test_a_second_tap_within_400_ms_is_ignored_and_keys_repeat(
    qtbot: QtBot, tap_clock: TapClock, gap_ms: int, clicks: int
) -> None:
    button, key = TouchButton("Payer"), TouchButton("e", role="key")
    taps = {button: 0, key: 0}
    for widget in taps:
        qtbot.addWidget(widget)
        widget.show()
        widget.clicked.connect(lambda _=False, w=widget: taps.__setitem__(w, taps[w] + 1))
    tap_clock.stop()
    tap_clock.advance(10_000)  # well after the last screen appeared
    for widget in taps:
        qtbot.mouseClick(widget, LEFT)
    tap_clock.advance(gap_ms)
    for widget in taps:
        qtbot.mouseClick(widget, LEFT)
    assert taps == {button: clicks, key: 2}
