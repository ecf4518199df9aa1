"""Reading orders: by id, by number, a resident's own (number and phone, or the phone
alone), the steps of one, and lists in the counter queue's order."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta

from sqlalchemy import select

from sync.protocol import FINAL_STATUSES, Channel, OrderStatus

from ..domain import validation
from ..errors import NotFound, ValidationError
from ..store.database import Store
from ..store.models import Client, Order, OrderEvent
from ..views.orders import OrderView, TimelineStep, normalise_order_number
from .order_queue import QUEUE_ORDER
from .order_queue import counts_query as queue_counts_query
from .order_queue import filtered as queue_filtered
from .order_rows import order_view

# "Follow my order" with the phone alone lists the orders still under way and those of
# the last weeks (a done service to rate, a cancellation to read), never a whole history.
RESIDENT_RECENT = timedelta(days=30)
RESIDENT_MAX_ORDERS = 10


class OrderReading:
    """Reading orders: one by id or number, a resident's own, their steps, the queue."""

    _store: Store
    _clock: Callable[[], datetime]
    # "Follow my order" at a kiosk that does not hold the order (DESIGN.md, "One owner
    # per order"): asks the central server with the number (or None: the phone alone)
    # and the phone, and pulls what it answers. Set by the kiosk's start-up once it is
    # enrolled (sync/lookup.py); None: this kiosk's own orders only.
    remote_lookup: Callable[[str | None, str], None] | None = None

    # --- Reading ----------------------------------------------------------------------

    def get(self, order_id: uuid.UUID) -> OrderView:
        with self._store.read() as session:
            row = session.get(Order, order_id)
            if row is None:
                raise NotFound(entity="order")
            return order_view(row)

    def by_number(self, typed_number: str) -> OrderView:
        number = normalise_order_number(typed_number)
        with self._store.read() as session:
            row = session.scalar(select(Order).where(Order.number == number)) if number else None
            if row is None:
                raise NotFound(entity="order")
            return order_view(row)

    def find_for_resident(self, typed_number: str, typed_phone: str) -> OrderView:
        """A resident's own order, by its number and the phone it was placed with. Any
        mismatch is the same "not found": the touchscreen never tells whether a number
        exists for somebody else."""
        checker = validation.Checker()
        number = normalise_order_number(typed_number)
        if number is None:
            checker.fields["number"] = "order_number.invalid"
        phone = checker.check(lambda: validation.phone(typed_phone))
        checker.done()
        assert number is not None and phone is not None
        found = self._resident_order(number, phone)
        if found is None and self.remote_lookup is not None:
            self.remote_lookup(number, phone)  # the server's answer comes by pull
            found = self._resident_order(number, phone)
        if found is None:
            raise NotFound(entity="order")
        return found

    def _resident_order(self, number: str, phone: str) -> OrderView | None:
        with self._store.read() as session:
            row = session.scalar(
                select(Order)
                .join(Client, Client.id == Order.client_id)
                .where(Order.number == number, Client.phone == phone)
            )
            return None if row is None else order_view(row)

    def for_resident_phone(self, typed_phone: str) -> list[OrderView]:
        """A resident's orders by the phone alone, newest slot first: those under way
        and those of the last RESIDENT_RECENT. The central server is asked as well
        (another kiosk may hold some); offline, this kiosk's only."""
        phone = validation.phone(typed_phone)
        if self.remote_lookup is not None:
            self.remote_lookup(None, phone)  # the server's answer comes by pull
        since = self._clock() - RESIDENT_RECENT
        with self._store.read() as session:
            rows = session.scalars(
                select(Order)
                .join(Client, Client.id == Order.client_id)
                .where(
                    Client.phone == phone,
                    Client.erased_at.is_(None),
                    Order.status.not_in(FINAL_STATUSES) | (Order.slot_start >= since),
                )
                .order_by(Order.slot_start.desc(), Order.number.desc())
                .limit(RESIDENT_MAX_ORDERS)
            )
            return [order_view(row) for row in rows]

    def last_for_phone(self, typed_phone: str) -> OrderView | None:
        """The last order placed with this phone at this kiosk ("Redo my last order"),
        or None; a phone that is not one is None too (the screen checks it first)."""
        try:
            phone = validation.phone(typed_phone)
        except ValidationError:
            return None
        with self._store.read() as session:
            row = session.scalar(
                select(Order)
                .join(Client, Client.id == Order.client_id)
                .where(Client.phone == phone, Client.erased_at.is_(None))
                .order_by(Order.created_at.desc(), Order.number.desc())
                .limit(1)
            )
            return None if row is None else order_view(row)

    def timeline(self, order_id: uuid.UUID) -> list[TimelineStep]:
        with self._store.read() as session:
            rows = session.execute(
                select(OrderEvent.to_status, OrderEvent.at)
                .where(OrderEvent.order_id == order_id)
                .order_by(OrderEvent.id)
            )
            return [TimelineStep(status, at) for status, at in rows]

    def list(
        self,
        *,
        statuses: frozenset[OrderStatus] | None = None,
        day: date | None = None,
        channel: Channel | None = None,
        offset: int = 0,
        limit: int = 100,
    ) -> list[OrderView]:
        """Orders newest first, filtered, in the counter queue's order (order_queue.py,
        which reads the queue's lines themselves a page at a time)."""
        query = queue_filtered(select(Order), statuses=statuses, day=day, channel=channel)
        query = query.order_by(*QUEUE_ORDER).offset(offset).limit(limit)
        with self._store.read() as session:
            return [order_view(row) for row in session.scalars(query)]

    def counts_by_status(
        self, *, day: date | None = None, channel: Channel | None = None
    ) -> dict[OrderStatus, int]:
        with self._store.read() as session:
            counts: dict[OrderStatus, int] = dict(
                session.execute(queue_counts_query(day, channel)).all()
            )
        return {status: counts.get(status, 0) for status in OrderStatus}
