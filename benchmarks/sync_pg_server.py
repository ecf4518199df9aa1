"""The central server of the sync suite in its own process(es) (`serving`, also the
SQLite part's: benchmarks/sync.py): on PostgreSQL `kiosk-server serve --workers N`, and
its kiosks enrolled (benchmarks/sync_pg.py)."""

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

from .pg import free_port

WORKERS = 2


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
    command = ["serve", "--database-url", url, "--workers", str(workers)]
    with serving(command, start_s=60) as base:
        yield base


@contextmanager
def serving(args: list[str], *, start_s: float) -> Iterator[str]:
    """`kiosk-server ARGS --port P` in its own process(es), once it answers; its URL."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "server", *args, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_s
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
        process.wait(start_s)


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
