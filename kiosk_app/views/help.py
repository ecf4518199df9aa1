"""A resident's call for help, as the counter's queue shows it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class HelpRequestView:
    id: uuid.UUID
    asked_at: datetime
    handled_at: datetime | None
