"""Every tap counted once (issue 14): each button that writes, on both faces, is tapped
twice, 0 ms apart (before the write returns) and 150 ms apart (after it returned, the
second tap landing wherever the finger is, on the same button or on what the write
brought up there), and the store holds exactly one record. The tap guard's clock is
moved by hand (tests/ui/support.py, TapClock), never slept on. The double taps that were
reported, and the guard itself, are tested in test_every_tap_once_reported.py."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QWidget

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import OnboardingStage
from sync.protocol import OrderStatus, PaymentMethod

from .counter_support import log_in, place_order
from .support import Resident
from .tap_steps import Count, count, done_order, double_tap, on_detail, pay, shown, walk_to_review
from .test_counter_lulus import tap_row
from .test_counter_order import tap_item

Scenario = Callable[[Resident, Comptoir], tuple[QWidget, Count]]


def events_to(comptoir: Comptoir, status: OrderStatus) -> Count:
    return lambda: count(
        comptoir, "SELECT count(*) FROM order_events WHERE to_status = ?", status.value
    )


# --- the resident's face ------------------------------------------------------------------


def place_at_the_kiosk(kiosk: Resident, comptoir: Comptoir) -> tuple[QWidget, Count]:
    walk_to_review(kiosk)
    kiosk.tap(kiosk.window.ordering.next)
    assert kiosk.window.ordering.next.text() == "Confirmer ma commande"
    return kiosk.window.ordering.next, lambda: count(comptoir, "SELECT count(*) FROM orders")


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
