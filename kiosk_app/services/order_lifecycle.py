"""Moving an order through the lifecycle: the one table of allowed steps (shared with the
server in sync.protocol), history, outbox op and audit entry in the caller's transaction."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from sync.protocol import OrderStatus

from ..clock import Clock
from ..domain import validation
from ..domain.lifecycle import ensure_allowed
from ..domain.pricing import units_for_minutes
from ..errors import NotFound, TransitionNotAllowed, ValidationError
from ..store.database import Store
from ..store.models import Lulu, Order, OrderEvent
from ..views.orders import OrderView
from .availability import busy_lulus
from .journal import audit, enqueue_op
from .order_holding import ensure_held_here
from .order_rows import order_view


class OrderLifecycle:
    """The attendant's steps on an order, each one checked against the lifecycle table.
    (Marking an order done is in `orders.py`: it may also settle the order.)"""

    _store: Store
    _clock: Clock

    # --- Moving through the lifecycle -------------------------------------------------

    def confirm(self, order_id: uuid.UUID, *, attendant_id: uuid.UUID | None) -> OrderView:
        # Only a requested order: on an assigned one, "confirmed" would drop its Lulu.
        return self._transition(
            order_id,
            OrderStatus.CONFIRMED,
            attendant_id=attendant_id,
            only_from=OrderStatus.REQUESTED,
        )

    def assign(
        self, order_id: uuid.UUID, lulu_id: uuid.UUID, *, attendant_id: uuid.UUID | None
    ) -> OrderView:
        return self._transition(
            order_id, OrderStatus.ASSIGNED, attendant_id=attendant_id, lulu_id=lulu_id
        )

    def withdraw(self, order_id: uuid.UUID, *, attendant_id: uuid.UUID | None) -> OrderView:
        """The Lulu can no longer come: back to confirmed, to assign someone else."""
        return self._transition(
            order_id,
            OrderStatus.CONFIRMED,
            attendant_id=attendant_id,
            only_from=OrderStatus.ASSIGNED,
        )

    def cancel(
        self, order_id: uuid.UUID, reason: str, *, attendant_id: uuid.UUID | None
    ) -> OrderView:
        return self._transition(
            order_id, OrderStatus.CANCELLED, attendant_id=attendant_id, reason=reason
        )

    def _transition(
        self,
        order_id: uuid.UUID,
        target: OrderStatus,
        *,
        attendant_id: uuid.UUID | None,
        lulu_id: uuid.UUID | None = None,
        actual_minutes: int | None = None,
        reason: str | None = None,
        only_from: OrderStatus | None = None,
    ) -> OrderView:
        now = self._clock()
        with self._store.write() as session:
            order = session.get(Order, order_id)
            if order is None:
                raise NotFound(entity="order")
            ensure_held_here(order)
            if only_from is not None and order.status is not only_from:
                raise TransitionNotAllowed(current=order.status.value, target=target.value)
            apply_transition(
                session,
                order,
                target,
                now=now,
                attendant_id=attendant_id,
                lulu_id=lulu_id,
                actual_minutes=actual_minutes,
                reason=reason,
            )
            return order_view(order)


def apply_transition(
    session: Session,
    order: Order,
    target: OrderStatus,
    *,
    now: datetime,
    attendant_id: uuid.UUID | None,
    lulu_id: uuid.UUID | None = None,
    tutor_id: uuid.UUID | None = None,
    actual_minutes: int | None = None,
    reason: str | None = None,
) -> None:
    """Move `order` to `target` inside the caller's transaction: checks the lifecycle
    table and the step's own data, records history, outbox op and audit entry. An
    assignment may name the tutor going along with a Lulu in training: the central
    server keeps it on the order (the association pays the tutor's time)."""
    ensure_allowed(order.status, target)
    data: dict[str, Any] = {"from": order.status.value, "to": target.value}
    if target is OrderStatus.ASSIGNED:
        lulu = session.get(Lulu, lulu_id) if lulu_id is not None else None
        if lulu is None:
            raise ValidationError({"lulu": "lulu.required"})
        clashes = busy_lulus(session, order.id, order.slot_start, order.slot_end).get(lulu.id)
        if clashes:  # never two places at once
            raise ValidationError(
                {"lulu": "lulu.busy"}, name=lulu.display_name, number=", ".join(clashes)
            )
        order.lulu_id = lulu_id
        order.tutor_id = tutor_id  # kept on the order, as on the server and every kiosk
        data["lulu_id"] = lulu_id
        if tutor_id is not None:
            data["tutor_id"] = tutor_id
    elif target is OrderStatus.CONFIRMED and order.status is OrderStatus.ASSIGNED:
        order.lulu_id = order.tutor_id = None
        data["lulu_id"] = None
    elif target is OrderStatus.DONE:
        max_minutes = 24 * 60
        if actual_minutes is None or not 1 <= actual_minutes <= max_minutes:
            raise ValidationError(
                {"actual_minutes": "actual_minutes.out_of_range"}, max=max_minutes
            )
        # The Lulu it was assigned to here: done on another kiosk's assignment of
        # another Lulu, the step is a conflict on the server (not this Lulu's work).
        if order.lulu_id is not None:
            data["lulu_id"] = order.lulu_id
        order.actual_units = units_for_minutes(actual_minutes, order.unit_minutes)
        order.actual_minutes = actual_minutes  # printed as worked, billed rounded up
        data["actual_units"] = order.actual_units
        data["actual_minutes"] = actual_minutes
    elif target is OrderStatus.PAID:
        # The done it was paid on: paid for 3 units must not land on another kiosk's
        # "done, 5 units" (the server answers conflict).
        data["actual_units"] = order.actual_units
    elif target is OrderStatus.CANCELLED:
        order.cancel_reason = validation.bounded_text(
            reason, field="reason", max_length=validation.COMMENT_MAX, required=True
        )
        data["reason"] = order.cancel_reason
    base_version = order.version
    order.status = target
    order.updated_at = now
    order.version = base_version + 1
    session.add(
        OrderEvent(
            order_id=order.id,
            from_status=OrderStatus(data["from"]),
            to_status=target,
            at=now,
            attendant_id=attendant_id,
        )
    )
    session.flush()
    enqueue_op(
        session,
        entity="order",
        entity_id=order.id,
        kind="transition",
        data=data,
        base_version=base_version,
        now=now,
    )
    audit(
        session,
        attendant_id=attendant_id,
        action=f"order.{target.value}",
        entity="order",
        entity_id=order.id,
        now=now,
        details={"from": data["from"], "to": target.value},
    )
