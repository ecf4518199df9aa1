"""Fixtures of the sync tests: a live central server (SQLite, and PostgreSQL when
$COMPTOIR_TEST_PG_URL is set) and an enrolled kiosk over the root `comptoir` store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_harness import Kiosk, LiveServer, database, enrolled, pg_url

from kiosk_app.comptoir import Comptoir

SERVER_KINDS = ["sqlite", *(["postgresql"] if pg_url() else [])]


@pytest.fixture(params=SERVER_KINDS)
def central(request: pytest.FixtureRequest, tmp_path: Path, clock: object) -> Iterator[LiveServer]:
    """A live server holding the demo catalogue, on its own clock (real time)."""
    folder = tmp_path / "central"
    folder.mkdir()
    with database(request.param, folder) as db:
        server = LiveServer(db).start()
        try:
            from datetime import UTC, datetime

            server.import_demo_catalogue(datetime.now(UTC))
            yield server
        finally:
            server.stop()


@pytest.fixture
def kiosk(comptoir: Comptoir, central: LiveServer) -> Iterator[Kiosk]:
    """The root store enrolled on the live server and synced once (catalogue pulled)."""
    k = enrolled(comptoir, central, "saint-paul")
    k.sync()
    yield k
    k.client.close()


@pytest.fixture
def second(
    central: LiveServer,
    clock: object,
    tmp_path: Path,
    association: dict[str, str],
    demo_catalogue: dict[str, object],
) -> Iterator[Kiosk]:
    """Another kiosk of the association ("bastille": its own store, and the series the
    server gives it), enrolled on the same server with the demo catalogue, synced once."""
    app = Comptoir.open(tmp_path / "bastille", clock=clock)  # type: ignore[arg-type]
    app.catalogue.load(demo_catalogue)
    app.settings.update(**association)
    try:
        other = enrolled(app, central, "bastille")
        other.sync()
        yield other
        other.client.close()
    finally:
        app.close()


@pytest.fixture
def bastille(second: Kiosk) -> Kiosk:
    """The second kiosk, by the name the tests of converging kiosks give it."""
    return second
