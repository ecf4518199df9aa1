"""Refunds at the counter: money given back on one of an order's payments.

What a refund means (docs/DESIGN.md, "Decisions"):
- on an invoiced (paid) order it cancels that much of the invoice: a credit note is
  issued in the same transaction, the order stays paid, and what the client owes is the
  invoice less its credit notes — so nothing is due afterwards and no new payment is
  taken (a correction of the price is a credit note and a new order, never an edit);
- on an order not invoiced yet (money paid ahead) it gives back a deposit: no credit
  note (there is no invoice to cancel), and the price is owed again as before.
Either way a refund receipt is printed (a cash refund opens the drawer, once), the
credit note's PDF is saved, and the till expects that much less of the refund's method.
Above a threshold (`refund_approval_threshold_cents`) another person, a manager, types
their PIN.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from documents.content import PaymentEntry
from sync.protocol import PaymentMethod

from ..clock import Clock, utc_now
from ..domain.kinds import InvoiceKind, PaymentKind
from ..errors import NotFound, ValidationError
from ..store.database import Store
from ..store.models import Invoice, Order, Payment, Setting
from ..views.payments import MAX_PAYMENT_CENTS, PaymentView, RefundResult
from .attendants import AttendantService
from .invoices import issue_credit_note
from .journal import audit, enqueue_op, enqueue_print
from .requests import RequestId, clean, earlier, remember
from .settlement import balance_due
from .till_figures import open_session_id

THRESHOLD_SETTING = "refund_approval_threshold_cents"
DEFAULT_THRESHOLD_CENTS = 2000
REFUND_RECEIPT = "refund_receipt"
CREDIT_NOTE_KIND = "credit_note"


def refunded_cents(session: Session, payment_id: uuid.UUID) -> int:
    total = session.scalar(
        select(func.coalesce(func.sum(Payment.amount_cents), 0)).where(
            Payment.refunds_payment_id == payment_id
        )
    )
    return int(total or 0)


def approval_threshold(session: Session) -> int:
    stored = session.get(Setting, THRESHOLD_SETTING)
    text = stored.value.strip() if stored is not None else ""
    # A setting typed wrong falls back to the default rather than waiving the check.
    return int(text) if text.isascii() and text.isdigit() else DEFAULT_THRESHOLD_CENTS


def write_refund(
    session: Session,
    order: Order,
    *,
    method: PaymentMethod,
    refunds: Payment | None,
    amount_cents: int,
    now: datetime,
    attendant_id: uuid.UUID | None,
    approved_by: uuid.UUID | None = None,
) -> tuple[PaymentView, str | None]:
    """The refund's rows, in the caller's transaction: the payment record (attached to
    the open till), its outbox op, the audit entry, the credit note of an invoiced order
    and its PDF job, the refund receipt. Returns the refund and the credit note's number."""
    refund_id = uuid.uuid4()
    values = {
        "id": refund_id,
        "order_id": order.id,
        "kind": PaymentKind.REFUND,
        "method": method,
        "amount_cents": amount_cents,
        "at": now,
        "attendant_id": attendant_id,
        "refunds_payment_id": refunds.id if refunds is not None else None,
    }
    session.execute(insert(Payment).values({**values, "cash_session_id": open_session_id(session)}))
    enqueue_op(session, entity="payment", entity_id=refund_id, kind="append", data=values, now=now)
    audit(
        session,
        attendant_id=attendant_id,
        action="payment.refund",
        entity="order",
        entity_id=order.id,
        now=now,
        details={
            "method": method.value,
            "amount_cents": amount_cents,
            "approved_by": approved_by,
        },
    )
    entry = PaymentEntry(at=now, method=method.value, kind="refund", amount_cents=amount_cents)
    credit_note_id = issue_credit_note(
        session, order, amount_cents=amount_cents, reason="refund", now=now, refund=entry
    )
    number = None
    if credit_note_id is not None:
        number = session.get_one(Invoice, credit_note_id).number
        enqueue_print(
            session,
            kind=CREDIT_NOTE_KIND,
            order_id=order.id,
            lang=order.lang,
            now=now,
            document_id=credit_note_id,
        )
    enqueue_print(session, kind=REFUND_RECEIPT, order_id=order.id, lang=order.lang, now=now)
    view = PaymentView(refund_id, order.id, PaymentKind.REFUND, method, amount_cents, now)
    return view, number


class RefundService:
    def __init__(
        self, store: Store, attendants: AttendantService, *, clock: Clock = utc_now
    ) -> None:
        self._store = store
        self._attendants = attendants
        self._clock = clock

    def refundable(self, payment_id: uuid.UUID) -> int:
        """What of a payment can still be given back, in cents."""
        with self._store.read() as session:
            payment = session.get(Payment, payment_id)
            if payment is None or payment.kind is not PaymentKind.PAYMENT:
                raise NotFound(entity="payment")
            return payment.amount_cents - refunded_cents(session, payment_id)

    def needs_approval(self, amount_cents: int) -> bool:
        with self._store.read() as session:
            return amount_cents > approval_threshold(session)

    def refund(
        self,
        payment_id: uuid.UUID,
        amount_cents: int,
        *,
        attendant_id: uuid.UUID | None,
        manager_id: uuid.UUID | None = None,
        manager_pin: str | None = None,
        request_id: RequestId | None = None,
    ) -> RefundResult:
        """Give back `amount_cents` of a payment, by the payment's own method. Above the
        threshold, `manager_pin` of `manager_id` (a manager other than the attendant)
        must be given; a wrong PIN counts toward that manager's lockout. The same
        `request_id` again returns the first refund and gives nothing back twice."""
        request = clean(request_id)
        # bool is an int to Python: True is not one cent.
        if isinstance(amount_cents, bool) or not isinstance(amount_cents, int) or amount_cents < 1:
            raise ValidationError({"amount": "amount.out_of_range"}, max=MAX_PAYMENT_CENTS)
        with self._store.read() as session:
            # Before the manager's PIN is asked again: a retry is answered, not approved.
            first = earlier(session, request, "refund")
            if first is not None:
                return _replayed(session, first)
            threshold = approval_threshold(session)
        approved_by = None
        if amount_cents > threshold:
            approved_by = self._approve(attendant_id, manager_id, manager_pin, threshold)
        now = self._clock()
        with self._store.write() as session:
            first = earlier(session, request, "refund")
            if first is not None:
                return _replayed(session, first)
            payment = session.get(Payment, payment_id)
            if payment is None or payment.kind is not PaymentKind.PAYMENT:
                raise NotFound(entity="payment")
            left = payment.amount_cents - refunded_cents(session, payment_id)
            if amount_cents > left:
                raise ValidationError({"amount": "refund.more_than_paid"}, max=left)
            order = session.get_one(Order, payment.order_id)
            view, number = write_refund(
                session,
                order,
                method=payment.method,
                refunds=payment,
                amount_cents=amount_cents,
                now=now,
                attendant_id=attendant_id,
                approved_by=approved_by,
            )
            remember(session, request, "refund", view.id, now)
            due = balance_due(session, order)
        return RefundResult(view, number, due)

    def _approve(
        self,
        attendant_id: uuid.UUID | None,
        manager_id: uuid.UUID | None,
        manager_pin: str | None,
        threshold: int,
    ) -> uuid.UUID:
        if manager_pin is None:
            raise ValidationError({"manager_id": "refund.manager_required"}, threshold=threshold)
        return self._attendants.manager_approval(manager_id, manager_pin, asked_by=attendant_id)


def _replayed(session: Session, refund_id: uuid.UUID) -> RefundResult:
    """A refund already given for this request id, as it was answered then: the credit
    note issued with it (same order, same moment) and what is due now."""
    refund = session.get_one(Payment, refund_id)
    order = session.get_one(Order, refund.order_id)
    number = session.scalar(
        select(Invoice.number).where(
            Invoice.order_id == refund.order_id,
            Invoice.kind == InvoiceKind.CREDIT_NOTE,
            Invoice.issued_at == refund.at,
        )
    )
    view = PaymentView(
        refund.id, refund.order_id, refund.kind, refund.method, refund.amount_cents, refund.at
    )
    return RefundResult(view, number, balance_due(session, order))
