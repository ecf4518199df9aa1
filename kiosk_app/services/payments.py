"""Payments: recorded at the counter; a done order paid in full becomes `paid` in the
same transaction."""

from __future__ import annotations

import uuid

from sqlalchemy import insert, select

from sync.protocol import OrderStatus, PaymentMethod

from ..clock import Clock, utc_now
from ..domain.kinds import PaymentKind
from ..errors import NotFound, TransitionNotAllowed, ValidationError
from ..store.database import Store
from ..store.models import Order, Payment
from ..views.payments import MAX_PAYMENT_CENTS, PaymentView
from .journal import audit, enqueue_op, enqueue_print
from .refunds import write_refund
from .requests import RequestId, clean, earlier, remember
from .settlement import balance_due, paid_cents, settle_if_covered
from .till_figures import open_session_id


class PaymentService:
    def __init__(self, store: Store, *, clock: Clock = utc_now) -> None:
        self._store = store
        self._clock = clock

    def record(
        self,
        order_id: uuid.UUID,
        method: PaymentMethod,
        amount_cents: int,
        *,
        attendant_id: uuid.UUID | None,
        kind: PaymentKind = PaymentKind.PAYMENT,
        request_id: RequestId | None = None,
    ) -> PaymentView:
        """Record one payment (several may settle an order: part cash, part CESU) or a
        refund (see refunds.py for what a refund means). Paying a done order in full
        marks it paid, with its invoice. The same `request_id` again returns the first
        payment and writes nothing (a double tap, a retry: requests.py)."""
        request = clean(request_id)
        if not 1 <= amount_cents <= MAX_PAYMENT_CENTS:
            raise ValidationError({"amount": "amount.out_of_range"}, max=MAX_PAYMENT_CENTS)
        now = self._clock()
        with self._store.write() as session:
            first = earlier(session, request, "payment")
            if first is not None:
                return _view(session.get_one(Payment, first))
            order = session.get(Order, order_id)
            if order is None:
                raise NotFound(entity="order")
            already = paid_cents(session, order_id)
            if kind is PaymentKind.REFUND:
                if amount_cents > already:
                    raise ValidationError({"amount": "refund.more_than_paid"}, max=already)
                # Same rows as a refund at the counter (refunds.py): the credit note of
                # an invoiced order, its PDF, the refund receipt.
                refund, _number = write_refund(
                    session,
                    order,
                    method=method,
                    refunds=None,
                    amount_cents=amount_cents,
                    now=now,
                    attendant_id=attendant_id,
                )
                remember(session, request, "payment", refund.id, now)
                return refund
            if order.status is OrderStatus.CANCELLED:
                raise TransitionNotAllowed(current=order.status.value, target="paid")
            # Above what is due is a typo (150 € for 15 €), or change to give back:
            # refused, so the till and the invoice never disagree. A paid order owes
            # nothing: a refund on it was a credit note, not a debt.
            remaining = balance_due(session, order)
            if remaining <= 0:
                raise ValidationError({"amount": "payment.nothing_due"})
            if amount_cents > remaining:
                raise ValidationError({"amount": "payment.more_than_due"}, due=remaining)
            payment_id = uuid.uuid4()
            values = {
                "id": payment_id,
                "order_id": order_id,
                "kind": kind,
                "method": method,
                "amount_cents": amount_cents,
                "at": now,
                "attendant_id": attendant_id,
            }
            # Attached to the open till session, if any: the Z counts a session's own
            # payments, whatever the clock did (a time window would not survive a clock
            # set back, and would take in payments pulled from other kiosks). Kept out
            # of the outbox op: the server's payment record has no till.
            session_id = open_session_id(session)
            session.execute(insert(Payment).values({**values, "cash_session_id": session_id}))
            enqueue_op(
                session, entity="payment", entity_id=payment_id, kind="append", data=values, now=now
            )
            audit(
                session,
                attendant_id=attendant_id,
                action=f"payment.{kind.value}",
                entity="order",
                entity_id=order_id,
                now=now,
                details={"method": method.value, "amount_cents": amount_cents},
            )
            settle_if_covered(session, order, now=now, attendant_id=attendant_id)
            enqueue_print(session, kind="receipt", order_id=order_id, lang=order.lang, now=now)
            remember(session, request, "payment", payment_id, now)
            return PaymentView(payment_id, order_id, kind, method, amount_cents, now)

    def for_order(self, order_id: uuid.UUID) -> list[PaymentView]:
        with self._store.read() as session:
            rows = session.scalars(
                select(Payment).where(Payment.order_id == order_id).order_by(Payment.at)
            )
            return [_view(p) for p in rows]

    def balance_due(self, order_id: uuid.UUID) -> int:
        """What remains to pay on an order, in cents (never negative)."""
        with self._store.read() as session:
            order = session.get(Order, order_id)
            if order is None:
                raise NotFound(entity="order")
            return balance_due(session, order)


def _view(payment: Payment) -> PaymentView:
    return PaymentView(
        payment.id,
        payment.order_id,
        payment.kind,
        payment.method,
        payment.amount_cents,
        payment.at,
    )
