"""Editing an order already placed: its slot, estimated duration, description and
address details, from the counter's order detail.

One transaction writes the order row, an audit entry naming the fields changed (never
their values: an address and a description are personal) and an outbox patch carrying
only what changed, so the central server and the other kiosks follow.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from sync.protocol import Entity, OpKind, OrderStatus

from ..clock import Clock, utc_now
from ..domain import validation
from ..errors import NotFound, ValidationError
from ..store.database import Store
from ..store.models import Lulu, Order, Service
from ..views.orders import EditResult, OrderChanges, is_editable

# The suggestions' own overlap query: one definition of "busy" for the whole counter.
from .availability import busy_lulus
from .clients import address_values, check_address
from .journal import audit, enqueue_op, enqueue_print
from .order_holding import ensure_held_here
from .order_rows import order_view

EDIT_ACTION = "order.edit"
# What the paper ticket shows that an edit can change: the resident keeps the ticket to
# know when and where the Lulu comes, so a change of either prints a fresh one.
_ON_TICKET = frozenset(
    {"slot_start", "slot_end", "street", "postcode", "city", "building", "floor", "has_lift"}
)


class OrderEditService:
    def __init__(self, store: Store, *, clock: Clock = utc_now) -> None:
        self._store = store
        self._clock = clock

    def edit(
        self, order_id: uuid.UUID, changes: OrderChanges, *, attendant_id: uuid.UUID | None
    ) -> EditResult:
        """Validate every field given, then write what changed in one transaction.
        Refusals are ValidationErrors field by field (`status` when the order can no
        longer be edited, `slot` when its Lulu is busy at the new slot); nothing is
        written then."""
        now = self._clock()
        checker = validation.Checker()
        wanted: dict[str, Any] = {}
        if changes.description is not None:
            description = checker.check(
                lambda: validation.bounded_text(
                    changes.description,
                    field="description",
                    max_length=validation.DESCRIPTION_MAX,
                )
            )
            wanted["description"] = description or ""
        if changes.address is not None:
            address = check_address(checker, changes.address)
            wanted.update(address_values(address))
        with self._store.write() as session:
            order = session.get(Order, order_id)
            if order is None:
                raise NotFound(entity="order")
            ensure_held_here(order)
            if not is_editable(order.status):
                raise ValidationError({"status": "order.not_editable"})
            slot = changes.slot
            if slot is not None and slot != (order.slot_start, order.slot_end):
                # Same rules as placing (a slot unchanged is kept even once it has passed).
                checked = checker.check(lambda: validation.slot(slot[0], slot[1], now=now))
                if checked is not None:
                    wanted["slot_start"], wanted["slot_end"] = checked
            units = changes.estimated_units
            if units is not None and units != order.estimated_units:
                # Checked only when changed: a service whose maximum has come down since
                # keeps its orders editable.
                max_units = session.scalar(
                    select(Service.max_units).where(Service.id == order.service_id)
                )
                if max_units is None:
                    checker.fields["units"] = "service.unavailable"
                else:
                    checker.check(lambda: validation.units(units, max_units=max_units))
                    wanted["estimated_units"] = units
            checker.done()
            changed = {key: value for key, value in wanted.items() if getattr(order, key) != value}
            if "slot_start" in changed or "slot_end" in changed:
                start, end = wanted["slot_start"], wanted["slot_end"]
                changed.update(slot_start=start, slot_end=end)  # a slot travels whole
                _ensure_lulu_free(session, order, start, end)
            if not changed:
                return EditResult(order_view(order), (), reprinted=False)
            return self._write(session, order, changed, now=now, attendant_id=attendant_id)

    def _write(
        self,
        session: Session,
        order: Order,
        changed: dict[str, Any],
        *,
        now: datetime,
        attendant_id: uuid.UUID | None,
    ) -> EditResult:
        version = order.version  # the UPDATE below refreshes `order` in the session
        session.execute(
            update(Order)
            .where(Order.id == order.id)
            .values(**changed, updated_at=now, version=version + 1)
        )
        enqueue_op(
            session,
            entity=Entity.ORDER,
            entity_id=order.id,
            kind=OpKind.PATCH,
            data=changed,
            base_version=version,
            now=now,
        )
        audit(
            session,
            attendant_id=attendant_id,
            action=EDIT_ACTION,
            entity="order",
            entity_id=order.id,
            now=now,
            details={"fields": sorted(changed)},  # which fields, never their values
        )
        reprint = not _ON_TICKET.isdisjoint(changed)
        if reprint:
            enqueue_print(session, kind="order_ticket", order_id=order.id, lang=order.lang, now=now)
        session.flush()
        session.expire(order)
        return EditResult(order_view(order), tuple(sorted(changed)), reprinted=reprint)


def _ensure_lulu_free(session: Session, order: Order, start: datetime, end: datetime) -> None:
    """An assigned order keeps its Lulu at the new slot only if no other assigned order
    of theirs overlaps it: the attendant withdraws the Lulu first, then assigns someone
    free, rather than the core dropping the Lulu silently."""
    if order.status is not OrderStatus.ASSIGNED or order.lulu_id is None:
        return
    if order.lulu_id in busy_lulus(session, order.id, start, end):
        name = session.scalar(select(Lulu.display_name).where(Lulu.id == order.lulu_id))
        raise ValidationError({"slot": "order.lulu_busy"}, name=name or "")
