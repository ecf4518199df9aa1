"""Whether a Lulu is free at a slot: one definition of "busy" for the suggestions, the
assignment and the edit of an order (an attendant must never send a Lulu to two places
at once)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from sync.protocol import OrderStatus

from ..store.models import Order


def overlapping(order_id: uuid.UUID, start: datetime, end: datetime) -> list[ColumnElement[bool]]:
    # Strict comparisons: a slot ending at 14:00 leaves the Lulu free for one at 14:00.
    return [
        Order.status == OrderStatus.ASSIGNED,
        Order.id != order_id,
        Order.slot_start < end,
        Order.slot_end > start,
    ]


def busy_lulus(
    session: Session, order_id: uuid.UUID, start: datetime, end: datetime
) -> dict[uuid.UUID, list[str]]:
    """Lulus with an assigned order overlapping [start, end), and those orders' numbers
    (the status-and-slot index finds them)."""
    rows = session.execute(
        select(Order.lulu_id, Order.number).where(
            Order.lulu_id.is_not(None), *overlapping(order_id, start, end)
        )
    )
    busy: dict[uuid.UUID, list[str]] = {}
    for lulu_id, number in rows:
        if lulu_id is not None:  # never, by the query: for the type checker
            busy.setdefault(lulu_id, []).append(number)
    return busy
