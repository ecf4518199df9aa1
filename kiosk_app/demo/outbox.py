"""What the demo month leaves in the outbox: every record as the services would have
queued it on a kiosk that worked offline, for its first sync to send."""

from __future__ import annotations

from typing import Any

from sync.protocol import OrderStatus

from ..services.journal import wire_value
from ..store.models import Client, KioskVisit, LuluApplication, Order, OrderEvent, Payment, Rating
from .month import DemoMonth

# What the outbox holds for the month, in the order the server needs them (a client
# before its orders, an order before its payments and rating), as the services write it:
# an order is created `requested` and moved along its path by transitions (the server
# refuses an order created in any other state).
_PENDING: tuple[tuple[type, str, str, str], ...] = (
    (Client, "client", "create", "created_at"),
    (LuluApplication, "lulu_application", "append", "created_at"),
    (Order, "order", "create", "created_at"),
    (OrderEvent, "order", "transition", "at"),
    (Payment, "payment", "append", "at"),
    (Rating, "rating", "append", "at"),
    (KioskVisit, "visit", "append", "started_at"),
)
_AS_PLACED: dict[str, Any] = {
    "status": OrderStatus.REQUESTED.value,
    "version": 1,
    "lulu_id": None,
    "actual_units": None,
    "cancel_reason": None,
}


def _transition(order: dict[str, Any], event: dict[str, Any]) -> dict[str, Any]:
    """An order event as the counter's transition op carries it."""
    step: dict[str, Any] = {"from": event["from_status"].value, "to": event["to_status"].value}
    if event["to_status"] is OrderStatus.ASSIGNED:
        step["lulu_id"] = str(order["lulu_id"])
    elif event["to_status"] is OrderStatus.DONE:
        step["actual_units"] = order["actual_units"]
    elif event["to_status"] is OrderStatus.CANCELLED:
        step["reason"] = order["cancel_reason"]
    return step


def pending_ops(demo: DemoMonth) -> list[dict[str, Any]]:
    orders = {row["id"]: row for row in demo.rows.get(Order, [])}
    ops = []
    for model, entity, kind, time_column in _PENDING:
        rows = demo.rows.get(model, [])
        if model is OrderEvent:
            rows = sorted(
                (row for row in rows if row["from_status"] is not None), key=lambda r: r["at"]
            )
        for row in rows:
            if model is OrderEvent:
                entity_id = row["order_id"]
                data = _transition(orders[entity_id], row)
            else:
                entity_id = row["id"]
                data = {k: wire_value(v) for k, v in row.items() if k != "search_name"}
            if model is Order:
                data.update(_AS_PLACED, updated_at=data["created_at"])
            ops.append(
                {
                    "op_id": demo.uuid(),
                    "entity": entity,
                    "entity_id": entity_id,
                    "kind": kind,
                    "base_version": None,
                    "data": data,
                    "created_at": row[time_column],
                    "attempts": 0,
                    "set_aside": False,
                }
            )
    return ops
