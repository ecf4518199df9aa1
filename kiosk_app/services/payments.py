"""Payments: recorded at the counter; a done order paid in full becomes `paid` in the
same transaction."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, insert, select
from sqlalchemy.orm import Session

from sync.protocol import OrderStatus, PaymentMethod

from ..clock import Clock, utc_now
from ..errors import NotFound, TransitionNotAllowed, ValidationError
from ..store.database import Store
from ..store.models import Order, Payment, PaymentKind
from .journal import audit, enqueue_op
from .orders import apply_transition, order_view

MAX_PAYMENT_CENTS = 10_000_00  # 10,000 €: far above any service, below any typo of 100×


@dataclass(frozen=True, slots=True)
class PaymentView:
    id: uuid.UUID
    order_id: uuid.UUID
    kind: PaymentKind
    method: PaymentMethod
    amount_cents: int
    at: datetime


def paid_cents(session: Session, order_id: uuid.UUID) -> int:
    """Net amount received for an order: payments less refunds."""
    signed = case(
        (Payment.kind == PaymentKind.REFUND, -Payment.amount_cents), else_=Payment.amount_cents
    )
    total = session.scalar(
        select(func.coalesce(func.sum(signed), 0)).where(Payment.order_id == order_id)
    )
    return int(total or 0)


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
    ) -> PaymentView:
        """Record one payment (several may settle an order: part cash, part CESU) or a
        refund. Paying a done order in full marks it paid."""
        if not 1 <= amount_cents <= MAX_PAYMENT_CENTS:
            raise ValidationError({"amount": "amount.out_of_range"}, max=MAX_PAYMENT_CENTS)
        now = self._clock()
        with self._store.write() as session:
            order = session.get(Order, order_id)
            if order is None:
                raise NotFound(entity="order")
            already = paid_cents(session, order_id)
            if kind is PaymentKind.PAYMENT and order.status is OrderStatus.CANCELLED:
                raise TransitionNotAllowed(current=order.status.value, target="paid")
            if kind is PaymentKind.REFUND and amount_cents > already:
                raise ValidationError({"amount": "refund.more_than_paid"})
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
            session.execute(insert(Payment).values(values))
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
            due = order_view(order).price_due.total_cents
            if (
                kind is PaymentKind.PAYMENT
                and order.status is OrderStatus.DONE
                and already + amount_cents >= due
            ):
                apply_transition(
                    session, order, OrderStatus.PAID, now=now, attendant_id=attendant_id
                )
            return PaymentView(payment_id, order_id, kind, method, amount_cents, now)

    def for_order(self, order_id: uuid.UUID) -> list[PaymentView]:
        with self._store.read() as session:
            rows = session.scalars(
                select(Payment).where(Payment.order_id == order_id).order_by(Payment.at)
            )
            return [
                PaymentView(p.id, p.order_id, p.kind, p.method, p.amount_cents, p.at) for p in rows
            ]

    def balance_due(self, order_id: uuid.UUID) -> int:
        """What remains to pay on an order, in cents (never negative)."""
        with self._store.read() as session:
            order = session.get(Order, order_id)
            if order is None:
                raise NotFound(entity="order")
            return max(0, order_view(order).price_due.total_cents - paid_cents(session, order_id))
