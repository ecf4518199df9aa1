"""A refund at the counter, as the attendant makes it: on a paid order it ends with a
credit note issued in the same transaction, a refund receipt and the credit note's PDF
queued, and a balance that says nothing is owed; above the threshold a manager's PIN."""

from __future__ import annotations

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import InvoiceKind, PaymentKind
from sync.protocol import OrderStatus, PaymentMethod

from .conftest import MakeKiosk
from .counter_support import log_in, place_order
from .support import Resident
from .test_counter import open_row, tap_below


def _paid(comptoir: Comptoir, cents_by: PaymentMethod = PaymentMethod.CASH) -> str:
    order = place_order(comptoir)
    lulu = comptoir.lulus.register_application(
        "Karim Benali", "07 81 22 33 44", ["bricolage"], "Le matin"
    )
    comptoir.orders.confirm(order.id, attendant_id=None)
    comptoir.orders.assign(order.id, lulu, attendant_id=None)
    comptoir.orders.mark_done(order.id, 55, attendant_id=None)  # 3 × 20 min: 15 €
    comptoir.payments.record(order.id, cents_by, 15_00, attendant_id=None)
    assert comptoir.orders.get(order.id).status is OrderStatus.PAID
    return order.number


def test_a_refund_on_a_paid_order_ends_with_a_credit_note_a_receipt_and_nothing_owed(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    number = _paid(comptoir)
    order = comptoir.orders.by_number(number)
    log_in(kiosk)
    open_row(kiosk, number)
    detail = kiosk.window.counter.detail
    assert detail.refunds.isVisible() and not detail.pay_box.isVisible()
    [button] = detail.refunds.payment_buttons.values()
    assert button.text().startswith("Espèces 15\u00a0€")
    kiosk.tap(button)
    assert detail.refunds.amount.text == "15"  # what is left of that payment
    kiosk.tap(detail.refunds.amount.editor)
    kiosk.erase(2)
    kiosk.type("5")
    tap_below(kiosk, "Rembourser")
    assert comptoir.invoices.for_order(order.id)[-1].kind is InvoiceKind.INVOICE  # asked first
    tap_below(kiosk, "Oui, rembourser")
    kiosk.qtbot.waitUntil(lambda: "Avoir" in detail.done_note.text(), timeout=3000)

    [invoice, credit_note] = comptoir.invoices.for_order(order.id)
    assert (credit_note.kind, credit_note.amount_cents) == (InvoiceKind.CREDIT_NOTE, 5_00)
    assert detail.done_note.text() == (
        f"Remboursement de 5\u00a0€ enregistré. Avoir {credit_note.number}. Reste dû : 0\u00a0€."
    )
    refund = comptoir.payments.for_order(order.id)[-1]
    assert (refund.kind, refund.method, refund.amount_cents) == (
        PaymentKind.REFUND,
        PaymentMethod.CASH,
        5_00,
    )
    assert comptoir.payments.balance_due(order.id) == 0
    assert comptoir.orders.get(order.id).status is OrderStatus.PAID
    assert [job.kind for job in comptoir.print_jobs.for_order(order.id)][-2:] == [
        "credit_note",
        "refund_receipt",
    ]
    shown = detail.money_shown.text()
    assert (
        f"Avoir {credit_note.number} : -5\u00a0€" in shown
    )  # a negative amount, as the locale writes it
    assert "Reste dû : 0\u00a0€" in shown
    assert not detail.pay_box.isVisible()  # a paid order takes no new payment
    # 10 € can still be given back from that payment.
    assert (
        next(iter(detail.refunds.payment_buttons.values())).text().startswith("Espèces 10\u00a0€")
    )
    assert invoice.number.startswith("F01-")


def test_a_refund_above_the_threshold_asks_a_managers_pin(
    make_kiosk: MakeKiosk, comptoir: Comptoir, attendants: None
) -> None:
    comptoir.settings.update(refund_approval_threshold_cents="1000")
    kiosk = make_kiosk()
    number = _paid(comptoir, PaymentMethod.CARD)
    order = comptoir.orders.by_number(number)
    log_in(kiosk)
    open_row(kiosk, number)
    refunds = kiosk.window.counter.detail.refunds
    kiosk.tap(next(iter(refunds.payment_buttons.values())))  # 15 €, above 10 €
    assert refunds.manager_box.isVisible() and not refunds.refund.isEnabled()
    kiosk.tap(next(iter(refunds.manager_buttons.values())))  # Karim, a manager
    kiosk.tap(refunds.pin)
    kiosk.type("0000")
    tap_below(kiosk, "Rembourser")
    tap_below(kiosk, "Oui, rembourser")
    detail = kiosk.window.counter.detail
    kiosk.qtbot.waitUntil(lambda: bool(detail.error.text()), timeout=3000)
    assert detail.error.text() == "Code incorrect."
    assert comptoir.invoices.for_order(order.id)[-1].kind is InvoiceKind.INVOICE  # nothing
    assert refunds.pin.text() == ""  # the PIN is kept nowhere
    kiosk.tap(refunds.pin)
    kiosk.type("2468")
    tap_below(kiosk, "Rembourser")
    tap_below(kiosk, "Oui, rembourser")
    kiosk.qtbot.waitUntil(lambda: "Avoir" in detail.done_note.text(), timeout=3000)
    assert comptoir.payments.balance_due(order.id) == 0
    assert comptoir.invoices.for_order(order.id)[-1].amount_cents == 15_00
