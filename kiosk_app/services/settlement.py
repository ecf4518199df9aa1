"""Settling an order: what its payments come to, and the moment a done order paid in
full becomes paid, with its invoice, in the caller's transaction."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync.protocol import OrderStatus

from ..store.models import SIGNED_AMOUNT, Order, Payment
from .invoices import credited_cents, issue_invoice
from .order_lifecycle import apply_transition
from .order_rows import order_view


def paid_cents(session: Session, order_id: uuid.UUID) -> int:
    """Net amount received for an order: payments less refunds."""
    total = session.scalar(
        select(func.coalesce(func.sum(SIGNED_AMOUNT), 0)).where(Payment.order_id == order_id)
    )
    return int(total or 0)


def settle_if_covered(
    session: Session, order: Order, *, now: datetime, attendant_id: uuid.UUID | None
) -> bool:
    """A done order whose payments cover its final price becomes paid, with its invoice,
    in the caller's transaction: after its last payment, or when it is marked done after
    the client paid ahead."""
    if order.status is not OrderStatus.DONE:
        return False
    if paid_cents(session, order.id) < order_view(order).price_due.total_cents:
        return False
    apply_transition(session, order, OrderStatus.PAID, now=now, attendant_id=attendant_id)
    # Same transaction: an order is never paid without its invoice number.
    issue_invoice(session, order, now=now)
    return True


def balance_due(session: Session, order: Order) -> int:
    """What the client still owes: the price, less what credit notes cancelled of its
    invoice, less what was paid (net of refunds); never negative, and nothing on a
    cancelled order (what was paid ahead is refunded, not owed)."""
    if order.status is OrderStatus.CANCELLED:
        return 0
    owed = order_view(order).price_due.total_cents - credited_cents(session, order.id)
    return max(0, owed - paid_cents(session, order.id))
