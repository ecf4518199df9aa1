"""The sync suite: the central server in its own process (`kiosk-server serve`, SQLite)
on loopback, and kiosks talking to it with the real client; then the same server on
PostgreSQL with two worker processes (benchmarks/sync_pg.py: a throwaway cluster is
started when none is given).

Figures: push_10k_s (a backlog of 10,000 orders pushed), empty_sync_ms (median of a
sync with nothing new), bare_http_ms (median GET of the server's meta, same run),
empty_sync_ratio_vs_bare_http, push_p95_ms_50_kiosks (50 kiosks pushing at once) with
push_errors_50_kiosks, and the sizes measured. On PostgreSQL: push_p95_ms_500_kiosks_pg,
server_ops_per_s_pg and server_ops_ratio_vs_raw_pg, first_pull_1m_changes_s,
change_log_prune_month_offline_s (see sync_pg.py for what each measures).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import requests

from kiosk_app.comptoir import Comptoir
from kiosk_app.config import resources_dir
from server.auth import Enrolled, enrol_device
from server.database import Database, sqlite_url
from sync.client import SyncClient, SyncError
from sync.engine import SyncReport, push_outbox, sync_once
from sync.enrolment import enrol

from . import sync_pg
from .measure import median_ms, note, percentile_ms, scaled
from .sync_data import clone_orders
from .sync_pg_server import serving
from .sync_requests import order_ops, order_request

TARGETS = {
    "push_10k_s": 10.0,
    "empty_sync_ms": 20.0,
    "empty_sync_ratio_vs_bare_http": 3.0,
    "push_p95_ms_50_kiosks": 200.0,
    # On PostgreSQL, two worker processes (benchmarks/sync_pg.py).
    "push_p95_ms_500_kiosks_pg": 250.0,
    "server_ops_ratio_vs_raw_pg": 4.0,
    "first_pull_1m_changes_s": 60.0,
}


def _server_cli(data_dir: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "server", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


@contextmanager
def central_server(data_dir: Path) -> Iterator[str]:
    """`kiosk-server serve` in its own process, with the demo catalogue; its URL."""
    _server_cli(data_dir, "import-catalogue", str(resources_dir() / "demo" / "catalogue.json"))
    with serving(["serve", "--data-dir", str(data_dir)], start_s=30) as url:
        yield url


def _enrol_many(server_dir: Path, names: list[str]) -> list[Enrolled]:
    """Enrol devices straight in the server's database (what `kiosk-server enrol` does,
    without starting a process for each): their tokens and series codes."""
    db = Database.open(sqlite_url(server_dir))
    try:
        with db.write() as session:
            return [enrol_device(session, name, now=datetime.now(UTC)) for name in names]
    finally:
        db.close()


def _kiosk(folder: Path, url: str, server_dir: Path, name: str) -> tuple[Comptoir, SyncClient]:
    app = Comptoir.open(folder)
    with (resources_dir() / "demo" / "catalogue.json").open(encoding="utf-8") as f:
        app.catalogue.load(json.load(f))
    token = _server_cli(server_dir, "enrol", name)
    return app, enrol(app.store, folder, url, token)


def measure_push_backlog(workdir: Path, url: str, server_dir: Path, count: int) -> dict[str, Any]:
    app, client = _kiosk(workdir / "backlog", url, server_dir, "backlog")
    try:
        first = app.orders.place(order_request(app, 0))
        clone_orders(app, first.id, count - 1)
        report = SyncReport()
        started = time.perf_counter()
        push_outbox(app.store, client, report)
        elapsed = time.perf_counter() - started
        if report.pushed.applied != count + 1:  # the orders and their one client
            raise RuntimeError(f"pushed {report.pushed}")
        sync_once(app.store, client, workdir / "backlog")  # pull it back, for the next
        return {"push_10k_s": round(elapsed, 3), "push_orders": count}
    finally:
        client.close()
        app.close()


def measure_empty_sync(workdir: Path, url: str, server_dir: Path, runs: int) -> dict[str, Any]:
    app, client = _kiosk(workdir / "idle", url, server_dir, "idle")
    data_dir = workdir / "idle"
    try:
        sync_once(app.store, client, data_dir)
        bare = requests.Session()
        bare.get(url + "/sync/v1/meta", timeout=10)
        syncs: list[int] = []
        gets: list[int] = []
        for _ in range(runs):  # interleaved, so that both see the same machine
            started = time.perf_counter_ns()
            report = sync_once(app.store, client, data_dir)
            syncs.append(time.perf_counter_ns() - started)
            if report.pulled or report.pushed.applied:
                raise RuntimeError("the idle kiosk was not idle")
            started = time.perf_counter_ns()
            bare.get(url + "/sync/v1/meta", timeout=10).raise_for_status()
            gets.append(time.perf_counter_ns() - started)
        bare.close()
        sync_ms, get_ms = median_ms(syncs), median_ms(gets)
        return {
            "empty_sync_ms": sync_ms,
            "empty_sync_p95_ms": percentile_ms(syncs, 95),
            "bare_http_ms": get_ms,
            "empty_sync_ratio_vs_bare_http": round(sync_ms / get_ms, 2),
            "empty_sync_runs": runs,
        }
    finally:
        client.close()
        app.close()


def measure_many_kiosks(url: str, server_dir: Path, kiosks: int, rounds: int) -> dict[str, Any]:
    """`kiosks` simulated kiosks (one thread and one credential each), started at the
    same instant, each sync `rounds` times in a row what placing an order leaves (a new
    client and the order); the latency of every push."""
    enrolled = _enrol_many(server_dir, [f"kiosk-{n:02d}" for n in range(kiosks)])
    latencies: list[int] = []
    errors: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(kiosks)

    def kiosk(number: int, device: Enrolled) -> None:
        client = SyncClient(url, device.token)
        batches = [order_ops(number, n, device.code or "") for n in range(rounds)]
        start.wait()
        for batch in batches:
            began = time.perf_counter_ns()
            try:
                answer = client.push(batch, str(uuid.uuid4()))
                bad = [r for r in answer.results if r.outcome.value != "applied"]
                if bad:
                    raise SyncError(f"{len(bad)} ops not applied")
            except SyncError as error:
                with lock:
                    errors.append(type(error).__name__)
                continue
            with lock:
                latencies.append(time.perf_counter_ns() - began)
        client.close()

    threads = [threading.Thread(target=kiosk, args=(n, e)) for n, e in enumerate(enrolled)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {
        "push_p95_ms_50_kiosks": percentile_ms(latencies, 95) if latencies else None,
        "push_median_ms_50_kiosks": median_ms(latencies) if latencies else None,
        "push_errors_50_kiosks": len(errors),
        "kiosks": kiosks,
        "pushes_per_kiosk": rounds,
        "ops_per_push": 2,
    }


def run(*, scale: float) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="comptoir-bench-sync-") as tmp:
        workdir = Path(tmp)
        server_dir = workdir / "central"
        with central_server(server_dir) as url:
            count = scaled(10_000, scale, minimum=50)
            note(f"pushing a backlog of {count:,} orders")
            figures.update(measure_push_backlog(workdir, url, server_dir, count))
            runs = scaled(200, scale, minimum=10)
            note(f"{runs} empty syncs, beside as many bare GETs")
            figures.update(measure_empty_sync(workdir, url, server_dir, runs))
            kiosks = scaled(50, scale, minimum=5)
            note(f"{kiosks} kiosks pushing at once")
            figures.update(
                measure_many_kiosks(url, server_dir, kiosks, rounds=scaled(10, scale, minimum=2))
            )
        figures.update(sync_pg.run(scale=scale, workdir=workdir / "pg"))
    figures["targets"] = TARGETS
    return figures
