"""A central server on loopback beside the kiosk, for `kiosk --demo`: the demo shows
sync for real. Uvicorn runs in a thread of the kiosk's process, on a port the OS picks,
over SQLite in the demo's data folder; the demo catalogue is imported and a device
enrolled, whose token the kiosk uses to join.

    local = start_local_server(data_dir / "central")
    enrol(comptoir.store, data_dir, local.url, local.token)   # sync.enrolment
    ...
    local.stop()
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import uvicorn

from .app import create_app
from .auth import enrol, replace
from .catalogue import import_catalogue, read_catalogue
from .database import Database, sqlite_url

DEMO_CATALOGUE = Path(__file__).resolve().parent.parent / "resources" / "demo" / "catalogue.json"
DEMO_DEVICE = "demo-kiosk"


class LocalServer:
    """The server app under uvicorn in a daemon thread, on 127.0.0.1 and a free port."""

    def __init__(
        self,
        db: Database,
        *,
        clock: Callable[[], datetime] | None = None,
        tls: tuple[Path, Path] | None = None,
        **app_options: Any,
    ) -> None:
        """`tls`: (certificate, key) files, to serve https; `app_options` go to
        `create_app` (rate limits, record rules)."""
        self.db = db
        self.app = create_app(db, clock=clock, **app_options)
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        self.port: int = self._socket.getsockname()[1]
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"
        self.token = ""
        config = uvicorn.Config(
            self.app,
            log_level="warning",
            lifespan="off",
            access_log=False,
            ssl_certfile=str(tls[0]) if tls else None,
            ssl_keyfile=str(tls[1]) if tls else None,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run,
            kwargs={"sockets": [self._socket]},
            name="comptoir-central",
            daemon=True,
        )

    def start(self) -> LocalServer:
        self._thread.start()
        while not self._server.started:
            if not self._thread.is_alive():
                raise RuntimeError("the local central server did not start")
            self._thread.join(0.01)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(10)
        self._socket.close()


def start_local_server(data_dir: Path) -> LocalServer:
    """Open (or create) the demo's central database in `data_dir`, import the demo
    catalogue, give the demo kiosk a new token (its code kept) and serve; `.stop()`
    stops it and closes the database."""
    data_dir.mkdir(parents=True, exist_ok=True)
    db = Database.open(sqlite_url(data_dir))
    now = datetime.now(UTC)
    with db.write() as session:
        import_catalogue(session, read_catalogue(DEMO_CATALOGUE), now=now)
        try:  # a new token each start, the same kiosk and series ("01")
            token = replace(session, DEMO_DEVICE).token
        except LookupError:
            token = enrol(session, DEMO_DEVICE, now=now)
    server = LocalServer(db)
    server.token = token
    real_stop = server.stop

    def stop() -> None:
        real_stop()
        db.close()

    server.stop = stop  # type: ignore[method-assign]
    return server.start()
