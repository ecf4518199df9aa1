"""The order lifecycle: statuses, channels, payment methods, and the one table of the
transitions the kiosk and the server both check."""

from __future__ import annotations

from enum import StrEnum


class OrderStatus(StrEnum):
    REQUESTED = "requested"
    CONFIRMED = "confirmed"
    ASSIGNED = "assigned"
    DONE = "done"
    PAID = "paid"
    CANCELLED = "cancelled"


class Channel(StrEnum):
    SELF_SERVICE = "self_service"
    COUNTER = "counter"
    WEB = "web"


class PaymentMethod(StrEnum):
    CASH = "cash"
    CARD = "card"  # on the external card terminal: the kiosk only records it
    CHEQUE = "cheque"
    CESU = "cesu"  # chèque emploi service universel (prefinanced)
    TRANSFER = "transfer"


# The one table of allowed transitions (DESIGN.md, "Order lifecycle"). `paid` and
# `cancelled` are final: they have no way out, so a final state never regresses.
TRANSITIONS: dict[OrderStatus, frozenset[OrderStatus]] = {
    OrderStatus.REQUESTED: frozenset({OrderStatus.CONFIRMED, OrderStatus.CANCELLED}),
    OrderStatus.CONFIRMED: frozenset({OrderStatus.ASSIGNED, OrderStatus.CANCELLED}),
    OrderStatus.ASSIGNED: frozenset(
        {OrderStatus.DONE, OrderStatus.CONFIRMED, OrderStatus.CANCELLED}
    ),
    OrderStatus.DONE: frozenset({OrderStatus.PAID}),
    OrderStatus.PAID: frozenset(),
    OrderStatus.CANCELLED: frozenset(),
}

FINAL_STATUSES = frozenset(s for s, targets in TRANSITIONS.items() if not targets)
# An order's slot, estimate, description and address may be edited until the Lulu starts
# the work: once done, the actual duration and the final price are recorded (and invoiced
# once paid), and a cancelled order is closed. Kiosk and server apply the same rule.
EDITABLE_STATUSES = frozenset({OrderStatus.REQUESTED, OrderStatus.CONFIRMED, OrderStatus.ASSIGNED})


def is_allowed(current: OrderStatus, target: OrderStatus) -> bool:
    """Whether the lifecycle lets an order go from `current` to `target`."""
    return target in TRANSITIONS[current]
