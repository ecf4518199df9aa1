"""The central server of the PostgreSQL sync suite: `kiosk-server serve --workers N` in
its own processes on a database, and its kiosks enrolled (benchmarks/sync_pg.py)."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import requests
from sqlalchemy import func, select

from kiosk_app.config import resources_dir
from server.auth import enrol as enrol_device
from server.catalogue import import_catalogue, read_catalogue
from server.database import Database
from server.models import Change, Device

WORKERS = 2


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def pg_server(url: str, *, workers: int = WORKERS) -> Iterator[str]:
    """`kiosk-server serve --workers N` on `url` (migrated, with the demo catalogue)."""
    db = Database.open(url)
    try:
        with db.write() as session:
            document = read_catalogue(resources_dir() / "demo" / "catalogue.json")
            import_catalogue(session, document, now=datetime.now(UTC))
    finally:
        db.close()
    port = _free_port()
    command = [sys.executable, "-m", "server", "serve", "--database-url", url]
    process = subprocess.Popen(
        [*command, "--port", str(port), "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(base + "/sync/v1/meta", timeout=1).raise_for_status()
                break
            except requests.RequestException:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("the central server did not start") from None
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(60)


def device_codes(url: str, names: list[str]) -> list[str]:
    """The series codes the server gave the kiosks `names`, in that order."""
    db = Database(url)
    try:
        with db.read() as session:
            rows = session.execute(select(Device.name, Device.code)).all()
            found = {name: code for name, code in rows}
    finally:
        db.close()
    return [found[name] or "" for name in names]


def enrol_devices(url: str, names: list[str]) -> list[str]:
    db = Database(url)
    try:
        with db.write() as session:
            return [enrol_device(session, name, now=datetime.now(UTC)) for name in names]
    finally:
        db.close()


def log_top(url: str) -> int:
    db = Database(url)
    try:
        with db.read() as session:
            return int(session.scalar(select(func.max(Change.seq))) or 0)
    finally:
        db.close()
