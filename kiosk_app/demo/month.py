"""The demo month's shape and the generator its parts share: the pilot's figures (seed
article), the kiosk's hours and code, and `DemoMonth`, which draws every random choice
from one seeded generator and collects the rows to insert. The parts draw in a fixed
order (seed.py): the same `as_of` day gives the same store, row for row."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from ..clock import PARIS
from ..store.models import Service

# The demo store's series code, as a central server would have given it.
DEMO_KIOSK_CODE = "01"

# The pilot's first month (seed article).
ORDERS = 311
SERVICES_DONE = 225
LULUS_ONBOARDED = 17
LULUS_IN_PROGRESS = 15
LULU_CANDIDATES = 6
LULUS_INACTIVE = 2
KIOSK_VISITS = 3600
# How the 311 orders stand at the end of the month.
PAID = 188
CANCELLED = 31
REQUESTED = 14
CONFIRMED = 17
ASSIGNED = ORDERS - SERVICES_DONE - CANCELLED - REQUESTED - CONFIRMED  # 24
CLIENTS = 160
DAYS = 30
SEED = 20150408  # the pilot kiosk opened on 8 April 2015

OPENING, CLOSING = 9, 19  # the kiosk's hours, Paris time


@dataclass
class DemoMonth:
    """The month being drawn: its one generator, its dates, the catalogue and the names
    to draw from, and the rows drawn so far (by model, in insertion order)."""

    rng: random.Random
    as_of: date
    now: datetime
    services: list[Service]
    categories: dict[uuid.UUID, str]
    people: dict[str, Any]
    rows: dict[type, list[dict[str, Any]]] = field(default_factory=dict)

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def add(self, model: type, **values: Any) -> dict[str, Any]:
        self.rows.setdefault(model, []).append(values)
        return values

    def moment(self, day: date, *, earliest: int = OPENING, latest: int = CLOSING) -> datetime:
        """A time of the kiosk's day, in UTC."""
        minutes = self.rng.randrange(earliest * 60, latest * 60)
        local = datetime.combine(day, time(minutes // 60, minutes % 60), PARIS)
        return local.astimezone(UTC)

    def day_of_month(self) -> date:
        """A day of the month, busier on Saturdays, quiet on Sundays."""
        weights = []
        for i in range(DAYS):
            weekday = (self.as_of - timedelta(days=i)).weekday()
            weights.append(0.4 if weekday == 6 else 1.6 if weekday == 5 else 1.0)
        return self.as_of - timedelta(days=self.rng.choices(range(DAYS), weights)[0])
