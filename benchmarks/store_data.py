"""Realistic data for the store suite, drawn from the demo files (resources/demo): the
catalogue with stable ids, people, streets, and a clock the suite moves by hand."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from kiosk_app.comptoir import Comptoir
from kiosk_app.config import resources_dir
from kiosk_app.domain.kinds import Role
from kiosk_app.services.numbers import assign_kiosk_code

# A Thursday morning in Paris, when the counter opens.
START = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)
_IDS = uuid.UUID("6d1c1f0e-5a41-4c55-9a43-0b6f8a3e2c11")


@dataclass
class SimulatedClock:
    """Time as the suite decides: orders spread over days without waiting for them."""

    now: datetime = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def stable_id(kind: str, code: str) -> uuid.UUID:
    """The same id for the same record in every store the suite builds, so the library
    and the raw sqlite3 baseline write identical rows."""
    return uuid.uuid5(_IDS, f"{kind}:{code}")


@cache
def _demo_file(name: str) -> dict[str, Any]:
    with (resources_dir() / "demo" / name).open(encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


def as_enrolled(app: Comptoir, code: str = "01") -> None:
    """The series code a central server would have given the kiosk: no order without
    one (kiosk_app/services/numbers.py)."""
    with app.store.write() as session:
        assign_kiosk_code(session, code)


def demo_catalogue() -> dict[str, Any]:
    """The demo catalogue, each record given its stable id."""
    data = _demo_file("catalogue.json")
    return {
        "categories": [
            {**c, "id": str(stable_id("category", c["code"]))} for c in data["categories"]
        ],
        "services": [{**s, "id": str(stable_id("service", s["code"]))} for s in data["services"]],
    }


def demo_people() -> dict[str, Any]:
    return _demo_file("people.json")


@dataclass(frozen=True)
class PreparedStore:
    data_dir: Path
    attendant_id: uuid.UUID


def prepare_store(data_dir: Path, *, clock: SimulatedClock) -> PreparedStore:
    """A new store as a kiosk has it on its first morning: migrated, the demo catalogue
    loaded, one attendant at the counter."""
    app = Comptoir.open(data_dir, clock=clock)
    try:
        app.catalogue.load(demo_catalogue())
        as_enrolled(app)
        attendant = app.attendants.add("Nadia Benali", Role.ATTENDANT, "482915")
    finally:
        app.close()
    return PreparedStore(data_dir, attendant.id)
