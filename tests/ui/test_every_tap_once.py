"""Every tap counted once (issue 14): each button that writes, on both faces, is tapped
twice, 0 ms apart (before the write returns) and 150 ms apart (after it returned, the
second tap landing wherever the finger is, on the same button or on what the write
brought up there), and the store holds exactly one record. The tap guard's clock is
moved by hand (tests/ui/support.py, TapClock), never slept on."""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Callable
from contextlib import closing
from typing import TypeVar

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import OnboardingStage
from sync.protocol import OrderStatus, PaymentMethod
from ui.widgets.buttons import TouchButton

from .conftest import MakeKiosk
from .counter_support import log_in, place_order
from .support import LEFT, Resident, TapClock
from .test_counter import open_row
from .test_counter_lulus import tap_row
from .test_counter_order import tap_item
from .test_order_flow import answer_when_and_where, fill_address, walk_to_who

W = TypeVar("W", bound=QWidget)
Count = Callable[[], int]
Scenario = Callable[[Resident, Comptoir], tuple[QWidget, Count]]


def count(comptoir: Comptoir, sql: str, *args: object) -> int:
    with closing(sqlite3.connect(comptoir.store.path)) as conn:
        return int(conn.execute(sql, args).fetchone()[0])


def events_to(comptoir: Comptoir, status: OrderStatus) -> Count:
    return lambda: count(
        comptoir, "SELECT count(*) FROM order_events WHERE to_status = ?", status.value
    )


def double_tap(kiosk: Resident, button: QWidget, gap_ms: int) -> None:
    """Two taps at the same point of the screen, `gap_ms` apart on the guard's clock.
    At 0 ms the first tap's write has not returned; at 150 ms it has, and the second
    tap goes to whatever is under the finger by then."""
    window, clock = kiosk.window, kiosk.taps
    assert button.isVisible() and button.isEnabled()
    point = button.mapTo(window, button.rect().center())
    clock.stop()
    clock.advance(1000)  # the first tap comes at a person's pace
    kiosk.qtbot.mouseClick(button, LEFT, pos=button.rect().center())
    if gap_ms:
        QApplication.processEvents()
        window.tasks.settle()
        clock.advance(gap_ms)
    under = window.childAt(point)
    if under is not None:
        kiosk.qtbot.mouseClick(under, LEFT, pos=under.mapFrom(window, point))
    QApplication.processEvents()
    window.tasks.settle()
    clock.step = 1000


# --- the resident's face ------------------------------------------------------------------


def walk_to_review(kiosk: Resident) -> None:
    walk_to_who(kiosk)
    ordering = kiosk.window.ordering
    kiosk.fill(ordering.who.phone.editor, "0612345678")
    kiosk.fill(ordering.who.name.editor, "Jérôme Dupré")
    kiosk.tap(ordering.next)
    answer_when_and_where(kiosk)
    kiosk.fill(ordering.what.description.editor, "Des bouteilles d'eau")
    kiosk.tap(ordering.next)
    kiosk.tap(ordering.consent.agree)


def place_at_the_kiosk(kiosk: Resident, comptoir: Comptoir) -> tuple[QWidget, Count]:
    walk_to_review(kiosk)
    kiosk.tap(kiosk.window.ordering.next)
    assert kiosk.window.ordering.next.text() == "Confirmer ma commande"
    return kiosk.window.ordering.next, lambda: count(comptoir, "SELECT count(*) FROM orders")


def done_order(comptoir: Comptoir) -> uuid.UUID:
    """A curtain hung in 55 minutes: 15 € due."""
    order = place_order(comptoir)
    lulu = comptoir.lulus.register_application(
        "Karim Benali", "07 81 22 33 44", ["bricolage"], "Le matin"
    )
    comptoir.orders.confirm(order.id, attendant_id=None)
    comptoir.orders.assign(order.id, lulu, attendant_id=None)
    comptoir.orders.mark_done(order.id, 55, attendant_id=None)
    return order.id


def rate(kiosk: Resident, comptoir: Comptoir) -> tuple[QWidget, Count]:
    done_order(comptoir)
    kiosk.tap(kiosk.window.welcome.tiles["rate"])
    screen = kiosk.window.rate
    kiosk.fill(screen.lookup.number.editor, "01-0001")
    kiosk.fill(screen.lookup.phone.editor, "0611223344")
    kiosk.tap(screen.lookup.search)
    kiosk.tap(screen.stars[4])
    return screen.send, lambda: count(comptoir, "SELECT count(*) FROM ratings")


def become_a_lulu(kiosk: Resident, comptoir: Comptoir) -> tuple[QWidget, Count]:
    kiosk.tap(kiosk.window.welcome.tiles["lulu"])
    screen = kiosk.window.become_lulu
    kiosk.fill(screen.name.editor, "Inès Moreau")
    kiosk.fill(screen.phone.editor, "0744556677")
    kiosk.tap_named("Repassage et linge")
    kiosk.fill(screen.availability.editor, "Le mercredi")
    return screen.send, lambda: count(comptoir, "SELECT count(*) FROM lulus")


def ask_for_help(kiosk: Resident, comptoir: Comptoir) -> tuple[QWidget, Count]:
    kiosk.tap(kiosk.window.welcome.tiles["order"])
    return kiosk.window.help, lambda: count(comptoir, "SELECT count(*) FROM help_requests")


# --- the counter's face -------------------------------------------------------------------


def handle_a_call_for_help(kiosk: Resident, comptoir: Comptoir) -> tuple[QWidget, Count]:
    call = comptoir.help_requests.ask()
    log_in(kiosk)
    _text, done = kiosk.window.counter.queue.help_calls.lines[call.id]
    return done, lambda: count(
        comptoir, "SELECT count(*) FROM help_requests WHERE handled_at IS NOT NULL"
    )


def on_detail(kiosk: Resident, comptoir: Comptoir, order_id: uuid.UUID) -> None:
    log_in(kiosk)
    open_row(kiosk, comptoir.orders.get(order_id).number)


def shown(kiosk: Resident, widget: W) -> W:
    kiosk.window.counter.scroll_to(widget)
    return widget


def pay(kiosk: Resident, comptoir: Comptoir) -> tuple[QWidget, Count]:
    order_id = done_order(comptoir)
    on_detail(kiosk, comptoir, order_id)
    detail = kiosk.window.counter.detail
    kiosk.tap(shown(kiosk, detail.methods[PaymentMethod.CASH]))
    kiosk.tap(shown(kiosk, detail.amount.editor))
    kiosk.erase(2)
    kiosk.type("5")
    return shown(kiosk, detail.pay), lambda: count(comptoir, "SELECT count(*) FROM payments")


def refund(kiosk: Resident, comptoir: Comptoir) -> tuple[QWidget, Count]:
    order_id = done_order(comptoir)
    comptoir.payments.record(order_id, PaymentMethod.CASH, 15_00, attendant_id=None)
    on_detail(kiosk, comptoir, order_id)
    refunds = kiosk.window.counter.detail.refunds
    kiosk.tap(shown(kiosk, next(iter(refunds.payment_buttons.values()))))
    kiosk.tap(shown(kiosk, refunds.amount.editor))
    kiosk.erase(2)
    kiosk.type("5")  # under the threshold: no manager's PIN
    kiosk.tap(shown(kiosk, refunds.refund))  # asks; "Oui" writes
    return shown(kiosk, refunds.confirmation.yes), lambda: count(
        comptoir, "SELECT count(*) FROM payments WHERE kind = 'refund'"
    )


def status_change(
    before: Callable[[Comptoir, uuid.UUID], None],
    button: Callable[[Resident], QWidget],
    status: OrderStatus,
) -> Scenario:
    def scenario(kiosk: Resident, comptoir: Comptoir) -> tuple[QWidget, Count]:
        order = place_order(comptoir)
        before(comptoir, order.id)
        on_detail(kiosk, comptoir, order.id)
        return shown(kiosk, button(kiosk)), events_to(comptoir, status)

    return scenario


def nothing(_comptoir: Comptoir, _order_id: uuid.UUID) -> None:
    """The order as placed."""


def confirmed_with_a_lulu(comptoir: Comptoir, order_id: uuid.UUID) -> None:
    comptoir.lulus.register_application("Karim Benali", "07 81 22 33 44", ["bricolage"], "Matin")
    comptoir.orders.confirm(order_id, attendant_id=None)


def assigned(comptoir: Comptoir, order_id: uuid.UUID) -> None:
    lulu = comptoir.lulus.register_application("Karim Benali", "07 81 22 33 44", ["bricolage"], "")
    comptoir.orders.confirm(order_id, attendant_id=None)
    comptoir.orders.assign(order_id, lulu, attendant_id=None)


def confirm_button(kiosk: Resident) -> QWidget:
    return kiosk.window.counter.detail.confirm


def assign_button(kiosk: Resident) -> QWidget:
    detail = kiosk.window.counter.detail
    detail.lulus.setCurrentRow(0)
    return detail.assign


def mark_done_button(kiosk: Resident) -> QWidget:
    detail = kiosk.window.counter.detail
    kiosk.fill(shown(kiosk, detail.minutes).editor, "55")
    return detail.mark_done


def cancel_button(kiosk: Resident) -> QWidget:
    detail = kiosk.window.counter.detail
    kiosk.fill(shown(kiosk, detail.reason).editor, "Erreur de saisie")
    kiosk.tap(shown(kiosk, detail.cancel))  # asks; "Oui" writes
    return shown(kiosk, detail.cancel_confirmation.yes)


def reprint(kiosk: Resident, comptoir: Comptoir) -> tuple[QWidget, Count]:
    order = place_order(comptoir)
    on_detail(kiosk, comptoir, order.id)
    return shown(kiosk, kiosk.window.counter.detail.reprint), lambda: count(
        comptoir, "SELECT count(*) FROM print_jobs"
    )


def open_till(kiosk: Resident, comptoir: Comptoir) -> tuple[QWidget, Count]:
    log_in(kiosk)
    kiosk.tap(kiosk.window.counter.nav["till"])
    page = kiosk.window.counter.till
    for key in "100":
        kiosk.tap(page.pad.keys[key])
    return page.open_button, lambda: count(comptoir, "SELECT count(*) FROM cash_sessions")


def close_till(kiosk: Resident, comptoir: Comptoir) -> tuple[QWidget, Count]:
    camille = next(a for a in comptoir.attendants.list() if a.name == "Camille")
    comptoir.till.open(100_00, camille.id)
    log_in(kiosk)
    kiosk.tap(kiosk.window.counter.nav["till"])
    page = kiosk.window.counter.till
    kiosk.tap(page.close_form.rows[PaymentMethod.CASH].field)
    for key in "100":
        kiosk.tap(page.pad.keys[key])
    for row in page.close_form.rows.values():
        if not row.field.text():
            kiosk.tap(row.field)
            kiosk.tap(page.pad.keys["0"])
    kiosk.tap(page.close_form.close_button)  # asks; "Oui" writes
    return page.close_form.confirmation.yes, lambda: count(
        comptoir, "SELECT count(*) FROM cash_sessions WHERE closed_at IS NOT NULL"
    )


def place_at_the_counter(kiosk: Resident, comptoir: Comptoir) -> tuple[QWidget, Count]:
    place_order(comptoir)
    log_in(kiosk)
    kiosk.tap_named("Nouvelle commande")
    form = kiosk.window.counter.order_form
    kiosk.fill(form.find_client, "0611")
    tap_item(kiosk, form.clients, "Odette Vidal · 06 11 22 33 44")
    kiosk.fill(form.find_service, "rideau")
    tap_item(kiosk, form.services, "Poser un rideau")
    kiosk.tap(form.picker.day_buttons[1])
    kiosk.tap(form.picker.window_buttons[0])
    return shown(kiosk, form.confirm), lambda: count(comptoir, "SELECT count(*) FROM orders")


def lulu_stage(kiosk: Resident, comptoir: Comptoir) -> tuple[QWidget, Count]:
    manager = next(a for a in comptoir.attendants.list() if a.name == "Karim")
    lulu_id = comptoir.lulus.register_application("Awa Diop", "07 81 22 33 55", ["courses"], "")
    comptoir.onboarding.move(lulu_id, OnboardingStage.FILE_IN_PROGRESS, attendant_id=manager.id)
    log_in(kiosk)
    kiosk.tap_named("Lulus")
    page = kiosk.window.counter.lulus
    tap_row(kiosk, page.list, "Awa Diop")
    button = page.profile.moves[OnboardingStage.INACTIVE]
    return shown(kiosk, button), lambda: count(
        comptoir, "SELECT count(*) FROM audit_log WHERE action = 'lulu.stage'"
    )


SCENARIOS: dict[str, Scenario] = {
    "resident: confirm my order": place_at_the_kiosk,
    "resident: send my rating": rate,
    "resident: send my application": become_a_lulu,
    "resident: ask for help": ask_for_help,
    "counter: record a payment": pay,
    "counter: refund": refund,
    "counter: open the till": open_till,
    "counter: close the till": close_till,
    "counter: place an order": place_at_the_counter,
    "counter: confirm": status_change(nothing, confirm_button, OrderStatus.CONFIRMED),
    "counter: assign": status_change(confirmed_with_a_lulu, assign_button, OrderStatus.ASSIGNED),
    "counter: mark done": status_change(assigned, mark_done_button, OrderStatus.DONE),
    "counter: cancel": status_change(nothing, cancel_button, OrderStatus.CANCELLED),
    "counter: print the ticket again": reprint,
    "counter: a Lulu's onboarding stage": lulu_stage,
    "counter: a call for help handled": handle_a_call_for_help,
}


@pytest.mark.parametrize("gap_ms", [0, 150])
@pytest.mark.parametrize("name", list(SCENARIOS))
def test_a_double_tap_on_a_writing_button_writes_once(
    kiosk: Resident, comptoir: Comptoir, attendants: None, name: str, gap_ms: int
) -> None:
    button, records = SCENARIOS[name](kiosk, comptoir)
    before = records()
    double_tap(kiosk, button, gap_ms)
    assert records() == before + 1


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
