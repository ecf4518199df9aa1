"""Helpers shared by the core's tests: a valid order request to vary, and row counts
that tell whether a call wrote anything."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from kiosk_app.comptoir import Comptoir
from kiosk_app.services.catalogue import CatalogueService
from kiosk_app.views.clients import AddressInput
from kiosk_app.views.orders import OrderRequest
from sync.protocol import Channel


class Clock(Protocol):
    """The root conftest's FakeClock, as these tests use it."""

    now: datetime

    def __call__(self) -> datetime: ...

    def advance(self, **delta: float) -> None: ...


# Tables a rejected call must leave alone.
WRITTEN_TABLES = (
    "orders",
    "order_events",
    "clients",
    "outbox",
    "print_jobs",
    "payments",
    "ratings",
    "lulus",
    "lulu_files",
    "lulu_applications",
    "attendants",
    "audit_log",
    "handled_requests",
    "kiosk_visits",
    "invoices",
    "help_requests",
)

HOME = AddressInput(
    street="12 rue des Rosiers",
    postcode="75004",
    city="Paris",
    building="B",
    floor=5,
    has_lift=False,
    access_notes="Code 1234A, 5e gauche",
)


def service_id(app: Comptoir | CatalogueService, code: str) -> uuid.UUID:
    """The id of a demo catalogue service, by its code."""
    catalogue = app.catalogue if isinstance(app, Comptoir) else app
    return next(s.id for s in catalogue.all_services() if s.code == code)


def order_request(
    app: Comptoir | CatalogueService,
    now: datetime,
    *,
    service: str = "montee-courses",
    **changes: Any,
) -> OrderRequest:
    """A valid order from a new resident, tomorrow at 10:00 UTC; `changes` override
    any field."""
    start = now + timedelta(days=1, hours=1)
    request = OrderRequest(
        service_id=service_id(app, service),
        slot_start=start,
        slot_end=start + timedelta(hours=1),
        estimated_units=2,
        phone="06 12 34 56 78",
        address=HOME,
        channel=Channel.SELF_SERVICE,
        name="Jeanne Lefèvre",
        email="jeanne@example.fr",
        description="Six packs d'eau au 5e sans ascenseur",
        consent=True,
    )
    return replace(request, **changes)


@contextmanager
def sqlite_file(path: Path) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection to a store's file, committed and closed at the end
    (sqlite3's own context manager commits but leaves the connection open)."""
    with closing(sqlite3.connect(path)) as conn:
        yield conn
        conn.commit()


def row_counts(app: Comptoir) -> dict[str, int]:
    """Rows in every table a call can write, read straight from the SQLite file."""
    with sqlite_file(app.store.path) as conn:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in WRITTEN_TABLES
        }


def grown(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    """The tables that gained rows, with how many."""
    return {t: after[t] - before[t] for t in before if after[t] != before[t]}
