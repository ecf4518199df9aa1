"""Fixtures of the central server's tests: its database on SQLite and, when
$COMPTOIR_TEST_PG_URL is set (always in CI), on a real PostgreSQL server; the app live
under uvicorn on a loopback port; an enrolled device's token."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

# The live server and database helpers are shared with the sync tests.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))

from sync_harness import LiveServer, database, pg_url

from server.database import Database
from server.scopes import DeviceKind

SERVER_KINDS = ["sqlite", *(["postgresql"] if pg_url() else [])]


@pytest.fixture(params=SERVER_KINDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    folder = tmp_path / "central"
    folder.mkdir()
    with database(request.param, folder) as opened:
        yield opened


@pytest.fixture
def live(db: Database) -> Iterator[LiveServer]:
    server = LiveServer(db).start()
    try:
        server.import_demo_catalogue(datetime.now(UTC))
        yield server
    finally:
        server.stop()


@pytest.fixture
def token(live: LiveServer) -> str:
    """A kiosk's token."""
    return live.enrol("saint-paul", datetime.now(UTC))


@pytest.fixture
def web_token(live: LiveServer) -> str:
    """The web platform's token."""
    return live.enrol("web-platform", datetime.now(UTC), kind=DeviceKind.WEB)
