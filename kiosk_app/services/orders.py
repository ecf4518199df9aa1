"""Orders, as the counter and the touchscreen use them: `Comptoir.orders`. The work is
done in rooms of their own, whose imports run one way:

    order_rows, numbers  <-  order_placing, order_reading, order_lifecycle
    order_lifecycle, invoices  <-  settlement (paid in full: paid and invoiced)
    all of them  <-  this facade (marking done may settle the order at once)
"""

from __future__ import annotations

import uuid

from sync.protocol import OrderStatus

from ..clock import Clock, utc_now
from ..errors import NotFound
from ..store.database import Store
from ..store.models import Order
from ..views.orders import OrderView
from .order_lifecycle import OrderLifecycle, apply_transition
from .order_placing import OrderPlacing
from .order_reading import OrderReading
from .order_rows import order_view
from .settlement import settle_if_covered


class OrderService(OrderPlacing, OrderReading, OrderLifecycle):
    def __init__(self, store: Store, *, clock: Clock = utc_now) -> None:
        self._store = store
        self._clock = clock

    def mark_done(
        self, order_id: uuid.UUID, actual_minutes: int, *, attendant_id: uuid.UUID | None
    ) -> OrderView:
        """Done, with the time actually spent, rounded up to the unit: the final price.
        A client who paid ahead and is covered is settled at once (paid, invoiced)."""
        now = self._clock()
        with self._store.write() as session:
            order = session.get(Order, order_id)
            if order is None:
                raise NotFound(entity="order")
            apply_transition(
                session,
                order,
                OrderStatus.DONE,
                now=now,
                attendant_id=attendant_id,
                actual_minutes=actual_minutes,
            )
            settle_if_covered(session, order, now=now, attendant_id=attendant_id)
            return order_view(order)
