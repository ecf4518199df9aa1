"""A real central server for the tests: uvicorn on a random loopback port, over SQLite
in a temporary folder or, when $COMPTOIR_TEST_PG_URL is set, over a throwaway schema of
a real PostgreSQL server. And the record-by-record comparison of a kiosk with it."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Any, Protocol

import requests
from sqlalchemy import create_engine, select, text

from kiosk_app.comptoir import Comptoir
from kiosk_app.config import resources_dir
from kiosk_app.store.models import Base, Client, Order, OutboxOp, Payment, Rating
from kiosk_app.views.clients import AddressInput
from kiosk_app.views.orders import OrderRequest
from server.auth import device_for_token
from server.auth import enrol as enrol_device
from server.catalogue import import_catalogue, read_catalogue
from server.database import Database, normalise_url, sqlite_url
from server.demo import LocalServer
from server.models import Record
from server.ownership import Access
from server.scopes import DeviceKind
from sync.client import SyncClient, load_token
from sync.engine import SyncReport, sync_once
from sync.enrolment import enrol
from sync.protocol import MERGED_INTO, Channel

PG_URL_VARIABLE = "COMPTOIR_TEST_PG_URL"


def pg_url() -> str | None:
    return os.environ.get(PG_URL_VARIABLE) or None


@contextmanager
def database_url(kind: str, folder: Path) -> Iterator[str]:
    """The URL of an empty server database of `kind` ("sqlite" or "postgresql"): a
    file in `folder`, or a throwaway schema of $COMPTOIR_TEST_PG_URL (dropped after)."""
    if kind == "sqlite":
        yield sqlite_url(folder)
        return
    base = pg_url()
    assert base, f"${PG_URL_VARIABLE} is not set"
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(normalise_url(base), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@contextmanager
def database(kind: str, folder: Path) -> Iterator[Database]:
    """A migrated, empty server database of `kind` ("sqlite" or "postgresql")."""
    with database_url(kind, folder) as url:
        db = Database.open(url)
        try:
            yield db
        finally:
            db.close()


class LiveServer(LocalServer):
    """The server app live on a loopback port (see server.demo), with helpers."""

    def enrol(self, name: str, now: datetime, *, kind: DeviceKind = DeviceKind.KIOSK) -> str:
        with self.db.write() as session:
            return enrol_device(session, name, now=now, kind=kind)

    def import_demo_catalogue(self, now: datetime) -> None:
        document = read_catalogue(resources_dir() / "demo" / "catalogue.json")
        with self.db.write() as session:
            import_catalogue(session, document, now=now)


def rate_on_page(page_url: str, stars: int, comment: str = "") -> requests.Response:
    """What a resident's browser does: open the order's page (which sets the form's
    cookie), then send its rating form with the form's token; the redirect followed."""
    browser = requests.Session()
    page = browser.get(page_url, timeout=10)
    found = re.search(r'name="form_token" value="([^"]+)"', page.text)
    form_token = found.group(1) if found else ""
    data = {"stars": str(stars), "comment": comment, "form_token": form_token}
    return browser.post(page_url + "/rating", data=data, timeout=10)


# --- Comparing a kiosk with the server, record by record ----------------------------

COMPARED: dict[str, type[Base]] = {
    "client": Client,
    "order": Order,
    "payment": Payment,
    "rating": Rating,
}
# Per-kiosk columns that the server does not keep the same way.
LOCAL_ONLY = {"search_name", "attendant_id"}


def _normal(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, str):
        try:
            if len(value) >= 19 and value[4] == "-" and value[10] == "T":
                return datetime.fromisoformat(value).isoformat()
        except ValueError:
            return value
    return value


def kiosk_rows(app: Comptoir, entity: str) -> dict[str, dict[str, Any]]:
    model = COMPARED[entity]
    with app.store.read() as session:
        rows = session.scalars(select(model)).all()
        return {
            str(row.id): {  # type: ignore[attr-defined]
                column.key: _normal(getattr(row, column.key))
                for column in model.__table__.columns
                if column.key not in LOCAL_ONLY
            }
            for row in rows
        }


def server_rows(db: Database, entity: str) -> dict[str, dict[str, Any]]:
    with db.read() as session:
        records = session.scalars(select(Record).where(Record.entity == entity)).all()
        # A client merged into another (same phone) is a pointer kept by the server
        # only: every kiosk re-points its orders and drops it.
        records = [r for r in records if not r.data.get(MERGED_INTO)]
        return {
            str(r.entity_id): {
                key: _normal(value)
                for key, value in {**r.data, "version": r.version}.items()
                if key not in LOCAL_ONLY
            }
            for r in records
        }


def readable_server_rows(db: Database, entity: str, token: str) -> dict[str, dict[str, Any]]:
    """The server's records of `entity` that the kiosk holding `token` may read
    (server/ownership.py), as that kiosk pulls them: no holder shown on its own orders."""
    rows = server_rows(db, entity)
    with db.read() as session:
        caller = device_for_token(session, token)
        assert caller is not None
        parents = {
            str(r.entity_id): r.parent_id
            for r in session.scalars(select(Record).where(Record.entity == entity))
        }
        scope = {
            key: parents[key] if entity in ("payment", "rating") else uuid.UUID(key) for key in rows
        }
        access = Access(session, [i for i in scope.values() if i is not None])
    readable = {
        key: row
        for key, row in rows.items()
        if scope[key] is None or access.may_read(caller.device_id, scope[key])
    }
    for key, row in readable.items():
        if entity == "order":
            holder = access.owner.get(uuid.UUID(key))
            row["held_by"] = None if holder == caller.device_id else row.get("held_by") or ""
    return readable


def assert_same_records(
    app: Comptoir, db: Database, *, set_aside: frozenset[str] = frozenset()
) -> None:
    """The kiosk and the server hold the same clients, orders, payments and ratings
    that this kiosk may read, field by field, and the kiosk has nothing left to send
    (but the records of ops set aside, named in `set_aside`, which only the kiosk
    holds)."""
    with app.store.read() as session:
        left = session.scalars(select(OutboxOp).where(OutboxOp.set_aside.is_(False))).all()
        assert left == [], f"{len(left)} ops still pending"
    token = load_token(app.store.path.parent)
    for entity in COMPARED:
        here, there = kiosk_rows(app, entity), readable_server_rows(db, entity, token)
        here = {key: row for key, row in here.items() if key not in set_aside}
        assert set(here) == set(there), f"{entity}: ids differ"
        for record_id, row in here.items():
            theirs = {key: there[record_id].get(key) for key in row if key != "version"}
            ours = {key: value for key, value in row.items() if key != "version"}
            if entity in ("client", "order"):
                assert row.get("version") == there[record_id].get("version"), (
                    f"{entity} {record_id} version"
                )
            differ = {key: (ours[key], theirs[key]) for key in ours if ours[key] != theirs[key]}
            assert not differ, f"{entity} {record_id}: {differ}"


# --- Orders to place ------------------------------------------------------------------

HOME = AddressInput(
    street="12 rue des Rosiers",
    postcode="75004",
    city="Paris",
    building="B",
    floor=5,
    has_lift=False,
    access_notes="Code 1234A, 5e gauche",
)


def order_request(
    app: Comptoir, now: datetime, *, service: str = "montee-courses", n: int = 0, **changes: Any
) -> OrderRequest:
    """A valid order, tomorrow; `n` varies the resident (phone and name)."""
    service_id = next(s.id for s in app.catalogue.all_services() if s.code == service)
    start = now + timedelta(days=1, hours=1)
    request = OrderRequest(
        service_id=service_id,
        slot_start=start,
        slot_end=start + timedelta(hours=1),
        estimated_units=2,
        phone=f"06 12 {n // 10000 % 100:02d} {n // 100 % 100:02d} {n % 100:02d}",
        address=HOME,
        channel=Channel.SELF_SERVICE,
        name="Jeanne Lefèvre",
        email="jeanne@example.fr",
        description="Six packs d'eau au 5e sans ascenseur",
        consent=True,
    )
    return replace(request, **changes)


class Clock(Protocol):
    """The root conftest's FakeClock, as these tests use it."""

    now: datetime

    def __call__(self) -> datetime: ...

    def advance(self, **delta: float) -> None: ...


# --- Kiosks -----------------------------------------------------------------------------


class Kiosk:
    """An enrolled kiosk: its core, its data folder and its client."""

    def __init__(self, app: Comptoir, data_dir: Path, client: SyncClient) -> None:
        self.app = app
        self.data_dir = data_dir
        self.client = client

    def sync(self) -> SyncReport:
        return sync_once(self.app.store, self.client, self.data_dir)


def enrolled(app: Comptoir, server: LiveServer, name: str) -> Kiosk:
    token = server.enrol(name, datetime.now(UTC))
    data_dir = app.store.path.parent
    client = enrol(app.store, data_dir, server.url, token)
    return Kiosk(app, data_dir, client)
