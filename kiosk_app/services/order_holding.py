"""One owner per order, at the counter (DESIGN.md, "One owner per order").

An order another kiosk holds (`Order.held_by`, from the central server) is read-only
here: the attendant asks to take it over, and the server grants it at once. What a
person must settle (a payment the order's holder did not expect, a cancelled order
still holding money or an invoice) comes from the server as `ToResolve` items, listed
here with the sentence of what to do, and marked resolved with a note that syncs back.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.protocol import Entity, OpKind

from ..clock import Clock, utc_now
from ..domain import validation
from ..errors import NotFound, ValidationError
from ..store.database import Store
from ..store.models import Order, OutboxOp, ToResolve
from ..views.to_resolve import NOTE_MAX, ToResolveView
from .journal import audit, enqueue_op

TAKE_OVER_ACTION = "order.take_over"
RESOLVE_ACTION = "to_resolve.resolve"


def ensure_held_here(order: Order) -> None:
    """Refuse a change to an order another kiosk holds, or no kiosk yet (a web order):
    the server would refuse it."""
    if order.held_by == "":
        raise ValidationError({"status": "order.held_by_none"})
    if order.held_by is not None:
        raise ValidationError({"status": "order.held_elsewhere"}, kiosk=order.held_by)


def _view(item: ToResolve) -> ToResolveView:
    return ToResolveView(
        id=item.id,
        order_id=item.order_id,
        order_number=item.order_number,
        reason=item.reason,
        action=item.action,
        amount_cents=item.amount_cents,
        created_at=item.created_at,
        resolved_at=item.resolved_at,
        note=item.note,
    )


class OrderHoldingService:
    def __init__(self, store: Store, *, clock: Clock = utc_now) -> None:
        self._store = store
        self._clock = clock

    def holder(self, order_id: uuid.UUID) -> str | None:
        """The kiosk holding the order when it is another ("": none yet, a web order);
        None: this one."""
        with self._store.read() as session:
            order = session.get(Order, order_id)
            if order is None:
                raise NotFound(entity="order")
            return order.held_by

    def take_over_pending(self, order_id: uuid.UUID) -> bool:
        with self._store.read() as session:
            return _pending_take_over(session, order_id)

    def ask_take_over(self, order_id: uuid.UUID, *, attendant_id: uuid.UUID | None) -> bool:
        """Ask the server to hand the order over to this kiosk (granted at its next
        sync). False when there is nothing to ask: held here already, or asked and
        not sent yet (a second tap sends nothing more)."""
        now = self._clock()
        with self._store.write() as session:
            order = session.get(Order, order_id)
            if order is None:
                raise NotFound(entity="order")
            if order.held_by is None or _pending_take_over(session, order_id):
                return False
            enqueue_op(
                session,
                entity=Entity.ORDER.value,
                entity_id=order_id,
                kind=OpKind.TAKE_OVER.value,
                data={},
                now=now,
            )
            audit(
                session,
                attendant_id=attendant_id,
                action=TAKE_OVER_ACTION,
                entity="order",
                entity_id=order_id,
                now=now,
            )
            return True

    def to_resolve(self, *, include_resolved: bool = False) -> list[ToResolveView]:
        with self._store.read() as session:
            query = select(ToResolve).order_by(ToResolve.created_at, ToResolve.id)
            if not include_resolved:
                query = query.where(ToResolve.resolved_at.is_(None))
            return [_view(item) for item in session.scalars(query)]

    def resolve(
        self, item_id: uuid.UUID, note: str, *, attendant_id: uuid.UUID | None
    ) -> ToResolveView:
        """Mark an item resolved with what was done (refund given, credit note issued,
        moved to order N): kept here and sent to the server. A second time is refused."""
        text = validation.bounded_text(note, field="note", max_length=NOTE_MAX, required=True)
        now = self._clock()
        with self._store.write() as session:
            item = session.get(ToResolve, item_id)
            if item is None:
                raise NotFound(entity="to_resolve")
            if item.resolved_at is not None:
                raise ValidationError({"note": "to_resolve.already_resolved"})
            item.resolved_at = now
            item.note = text
            enqueue_op(
                session,
                entity=Entity.TO_RESOLVE.value,
                entity_id=item_id,
                kind=OpKind.PATCH.value,
                data={"resolved_at": now, "note": text},
                now=now,
            )
            audit(
                session,
                attendant_id=attendant_id,
                action=RESOLVE_ACTION,
                entity="to_resolve",
                entity_id=item_id,
                now=now,
            )
            session.flush()
            return _view(item)


def _pending_take_over(session: Session, order_id: uuid.UUID) -> bool:
    found = session.scalar(
        select(OutboxOp.seq).where(
            OutboxOp.entity_id == order_id,
            OutboxOp.kind == OpKind.TAKE_OVER.value,
            OutboxOp.set_aside.is_(False),
        )
    )
    return found is not None
