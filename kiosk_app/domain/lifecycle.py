"""The order lifecycle, from the table shared with the server (`sync.protocol`)."""

from __future__ import annotations

from sync.protocol import FINAL_STATUSES, TRANSITIONS, OrderStatus, is_allowed

from ..errors import TransitionNotAllowed

__all__ = ["FINAL_STATUSES", "TRANSITIONS", "OrderStatus", "ensure_allowed", "is_allowed"]


def ensure_allowed(current: OrderStatus, target: OrderStatus) -> None:
    if not is_allowed(current, target):
        raise TransitionNotAllowed(current=current.value, target=target.value)
