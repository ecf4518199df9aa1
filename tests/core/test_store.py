"""The local store: durable connection settings, migrations that build exactly the
models' schema, a newer store refused untouched, an older one brought up to date."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from kiosk_app.comptoir import Comptoir
from kiosk_app.errors import StoreTooNew
from kiosk_app.services.catalogue import CatalogueService, load_catalogue
from kiosk_app.services.numbers import assign_kiosk_code
from kiosk_app.services.orders import OrderService
from kiosk_app.store.database import STORE_FILENAME, Store, create_store_engine
from kiosk_app.store.migrations import HEAD, MIGRATIONS_DIR
from kiosk_app.store.models import Base

from .support import Clock, order_request, sqlite_file

FIRST_REVISION = "0001"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def revision_of(path: Path) -> str:
    with sqlite_file(path) as conn:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "kiosk")
    yield opened
    opened.close()


def test_every_connection_is_durable_and_checks_foreign_keys(store: Store) -> None:
    with store.read() as reading, store.write() as writing:
        for session in (reading, writing):
            pragma = {
                name: session.execute(text(f"PRAGMA {name}")).scalar_one()
                for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
            }
            assert pragma == {
                "journal_mode": "wal",
                "synchronous": 2,  # FULL
                "foreign_keys": 1,
                "busy_timeout": 5000,
            }


def test_a_foreign_key_violation_is_refused(store: Store) -> None:
    with pytest.raises(IntegrityError), store.write() as session:
        session.execute(
            text(
                "INSERT INTO order_events (order_id, to_status, at) "
                "VALUES (:order, 'requested', '2026-11-26 09:00:00')"
            ),
            {"order": uuid.uuid4().hex},
        )


def test_a_writer_takes_the_write_lock_at_begin(store: Store) -> None:
    # BEGIN IMMEDIATE: a second writer waits (here: fails fast) before reading anything.
    with store.write() as session:
        session.execute(text("SELECT 1"))
        other = sqlite3.connect(store.path, timeout=0)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()


def test_head_constant_is_alembics_head() -> None:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert heads == [HEAD]


def test_migrations_build_exactly_the_models_schema(store: Store) -> None:
    assert revision_of(store.path) == HEAD
    with store.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "compare_type": True,
                "compare_server_default": True,
                # The FTS index and its shadow tables are made by hand in SQL.
                "include_name": lambda name, kind, _parent: (
                    not (kind == "table" and (name or "").startswith("services_fts"))
                ),
            },
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_the_search_index_and_its_triggers_exist(store: Store) -> None:
    with sqlite_file(store.path) as conn:
        names = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    assert {"services_fts", "services_fts_insert", "services_fts_update"} <= names


def test_a_store_from_a_newer_comptoir_is_refused_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "kiosk"
    Store.open(folder).close()
    with sqlite_file(folder / STORE_FILENAME) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = folder_bytes(folder)

    with pytest.raises(StoreTooNew) as raised:
        Comptoir.open(folder)

    assert raised.value.params["revision"] == "9999_from_the_future"
    assert folder_bytes(folder) == before
    assert revision_of(folder / STORE_FILENAME) == "9999_from_the_future"


def test_an_older_store_is_migrated_on_open_with_its_data(
    tmp_path: Path, clock: Clock, demo_catalogue: dict[str, Any]
) -> None:
    folder = tmp_path / "kiosk"
    folder.mkdir()
    path = folder / STORE_FILENAME
    engine = create_store_engine(path)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, FIRST_REVISION)
    engine.dispose()
    assert revision_of(path) == FIRST_REVISION

    # Data written by a Comptoir of the first schema: its catalogue, a client, an order.
    old = Store(path)
    with old.write() as session:
        load_catalogue(session, demo_catalogue)
        assign_kiosk_code(session, "01")  # as its enrolment did
    request = order_request(CatalogueService(old), clock.now)
    order = OrderService(old, clock=clock).place(request)
    old.close()
    assert revision_of(path) == FIRST_REVISION

    app = Comptoir.open(folder, clock=clock)
    try:
        assert revision_of(path) == HEAD
        kept = app.orders.get(order.id)
        assert kept.number == "01-0001"
        assert app.clients.get(order.client_id).phone == "+33612345678"
        assert len(app.catalogue.search("repassage")) > 0
        # And the store goes on: the next order takes the next number.
        assert app.orders.place(order_request(app, clock.now)).number == "01-0002"
    finally:
        app.close()
