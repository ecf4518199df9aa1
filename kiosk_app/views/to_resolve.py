"""What a person must settle at this counter, as the counter shows it (see
services/order_holding.py)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

NOTE_MAX = 2000  # a resolution's note: what was done


@dataclass(frozen=True, slots=True)
class ToResolveView:
    id: uuid.UUID
    order_id: uuid.UUID
    order_number: str
    reason: str
    action: str  # the message key's last part: what a person must do
    amount_cents: int
    created_at: datetime
    resolved_at: datetime | None
    note: str
