"""The sync suite on PostgreSQL: `kiosk-server serve --workers 2` in its own processes on
one PostgreSQL (a throwaway cluster unless one is given: benchmarks/pg.py), and kiosks
talking to it over loopback.

- push_p95_ms_500_kiosks_pg: 500 simulated kiosks (a thread and a credential each) live
  a day each: 10 orders (the client and the order), their steps to paid (confirmed,
  assigned, done, paid), a payment each, a rating for one in three, 120 visits: about
  190 operations, pushed at 11 moments as the kiosk does after its writes, each push
  followed by a pull; the push asks for the pull's first page and gets it in its
  answer, as the kiosk does (its figure includes that page). The day is compressed
  into `DAY_S` seconds for the whole fleet (each kiosk's moments at random times
  within it), which asks the server for about
  1,600 operations and 90 syncs a second (a rate that a thousand real kiosks reach
  only in bursts). Each sync pulls until the server has nothing more for the kiosk, as
  the kiosk does: its own rows of the change log and everyone's (server/readers.py).
- server_ops_per_s_pg and server_ops_ratio_vs_raw_pg: a backlog of create ops pushed in
  batches of 200 by two kiosks at once; the same rows (records, change log, applied
  ops) inserted by raw psycopg by two connections in the same run, into the same tables;
  both into new tables, before the fleet writes into the server's.
- first_pull_1m_changes_s: a new kiosk (the real client, pages of 500, each parsed)
  pulls a change log of 1,000,000 records, cut halfway (its connection closed) and
  resumed from its cursor; every record arrives exactly once. The kiosk's store is not
  written: applying is the store suite's subject, and with per-kiosk scopes a new
  kiosk pulls its own records, not the network's.
- change_log_prune_month_offline_s: benchmarks/sync_offline.py.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
import requests
from sqlalchemy import func, select, text

from kiosk_app.config import resources_dir
from server.auth import enrol as enrol_device
from server.catalogue import import_catalogue, read_catalogue
from server.database import Database
from server.models import Change, Device
from sync.client import SyncClient, SyncError
from sync.protocol import DEFAULT_PULL_LIMIT

from .measure import median_ms, note, percentile_ms, scaled
from .pg import postgres, schema
from .sync_offline import offline_month
from .sync_requests import order_ops

WORKERS = 2
DAY_S = 60.0
FULL_KIOSKS = 500
FULL_CHANGES = 1_000_000
BATCH = 200


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


def _codes(url: str, names: list[str]) -> list[str]:
    """The series codes the server gave the kiosks `names`, in that order."""
    db = Database(url)
    try:
        with db.read() as session:
            rows = session.execute(select(Device.name, Device.code)).all()
            found = {name: code for name, code in rows}
    finally:
        db.close()
    return [found[name] or "" for name in names]


def _enrol(url: str, names: list[str]) -> list[str]:
    db = Database(url)
    try:
        with db.write() as session:
            return [enrol_device(session, name, now=datetime.now(UTC)) for name in names]
    finally:
        db.close()


def _top(url: str) -> int:
    db = Database(url)
    try:
        with db.read() as session:
            return int(session.scalar(select(func.max(Change.seq))) or 0)
    finally:
        db.close()


# --- A kiosk's day ------------------------------------------------------------------------


def _op(entity: str, entity_id: str, kind: str, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "op_id": str(uuid.uuid4()),
        "entity": entity,
        "entity_id": entity_id,
        "kind": kind,
        "data": data,
    }


def _steps_to_paid(order_id: str, rated: bool) -> list[dict[str, Any]]:
    now = datetime.now(UTC).isoformat()
    steps = [
        ("requested", "confirmed", {}),
        ("confirmed", "assigned", {"lulu_id": str(uuid.uuid4())}),
        ("assigned", "done", {"actual_units": 2}),
        ("done", "paid", {}),
    ]
    ops = [
        _op("order", order_id, "transition", {"from": a, "to": b, **extra}) for a, b, extra in steps
    ]
    payment = str(uuid.uuid4())
    ops.append(
        _op(
            "payment",
            payment,
            "append",
            {"id": payment, "order_id": order_id, "method": "cash", "amount_cents": 1000}
            | {"at": now},
        )
    )
    if rated:
        rating = str(uuid.uuid4())
        ops.append(
            _op(
                "rating",
                rating,
                "append",
                {"id": rating, "order_id": order_id, "stars": 5, "comment": "", "at": now},
            )
        )
    return ops


def _visits(count: int) -> list[dict[str, Any]]:
    now = datetime.now(UTC).isoformat()
    ops = []
    for _ in range(count):
        visit = str(uuid.uuid4())
        ops.append(_op("visit", visit, "append", {"id": visit, "started_at": now, "lang": "fr"}))
    return ops


def kiosk_day(
    kiosk: int, code: str, *, orders: int = 10, visits: int = 120
) -> list[list[dict[str, Any]]]:
    """A kiosk's day as the pushes it makes: one per order placed (with the visits
    since and the previous order taken to paid), and one at closing."""
    moments: list[list[dict[str, Any]]] = []
    previous: str | None = None
    for n in range(orders):
        ops = order_ops(kiosk, n + 1, code)
        if previous is not None:
            ops += _steps_to_paid(previous, rated=n % 3 == 0)
        ops += _visits(visits // orders)
        moments.append(ops)
        previous = ops[1]["entity_id"]
    assert previous is not None
    moments.append(_steps_to_paid(previous, rated=True))
    return moments


def measure_fleet(url: str, db_url: str, kiosks: int, day_s: float) -> dict[str, Any]:
    names = [f"fleet-{n:03d}" for n in range(kiosks)]
    tokens = _enrol(db_url, names)
    cursor_at_start = _top(db_url)  # enrolled kiosks that synced the catalogue already
    days = [kiosk_day(n, code) for n, code in enumerate(_codes(db_url, names))]
    pushes: list[int] = []
    pulls: list[int] = []
    errors: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(kiosks + 1)
    rng = random.Random(15)
    schedules = [sorted(rng.uniform(0, day_s) for _ in day) for day in days]

    def kiosk(token: str, day: list[list[dict[str, Any]]], schedule: list[float]) -> None:
        client = SyncClient(url, token)
        cursor = cursor_at_start
        start.wait()
        began = time.monotonic()
        for at, ops in zip(schedule, day, strict=True):
            time.sleep(max(0.0, began + at - time.monotonic()))
            try:
                sent = time.perf_counter_ns()
                # As the kiosk does (sync/engine.py): the push brings the pull's first page.
                answer = client.push(ops, str(uuid.uuid4()), pull_from=cursor)
                pushed = time.perf_counter_ns() - sent
                bad = [r for r in answer.results if r.outcome.value != "applied"]
                if bad:
                    raise SyncError(f"{bad[0].outcome.value}: {bad[0].message}")
                asked = time.perf_counter_ns()
                page = answer.pull
                while True:
                    page = page or client.pull(cursor, DEFAULT_PULL_LIMIT)
                    cursor = page.next_cursor
                    if not page.has_more:
                        break
                    page = None
                pulled = time.perf_counter_ns() - asked
            except SyncError as error:
                with lock:
                    errors.append(f"{type(error).__name__}: {error.detail}"[:200])
                continue
            with lock:
                pushes.append(pushed)
                pulls.append(pulled)
        client.close()

    threads = [
        threading.Thread(target=kiosk, args=args, daemon=True)
        for args in zip(tokens, days, schedules, strict=True)
    ]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    ops = sum(len(moment) for day in days for moment in day)
    return {
        "push_p95_ms_500_kiosks_pg": percentile_ms(pushes, 95) if pushes else None,
        "push_median_ms_500_kiosks_pg": median_ms(pushes) if pushes else None,
        "pull_p95_ms_500_kiosks_pg": percentile_ms(pulls, 95) if pulls else None,
        "push_errors_500_kiosks_pg": len(errors),
        "push_error_examples_500_kiosks_pg": sorted(set(errors))[:3],
        "fleet_kiosks": kiosks,
        "fleet_ops": ops,
        "fleet_day_s": day_s,
        "fleet_ops_per_s": round(ops / elapsed, 1),
        "fleet_workers": WORKERS,
    }


# --- The server against raw psycopg --------------------------------------------------------


def _backlog(kiosk: int, ops: int, code: str) -> list[list[dict[str, Any]]]:
    """`ops` create ops (clients and their orders) in batches of 200."""
    flat: list[dict[str, Any]] = []
    n = 0
    while len(flat) < ops:
        n += 1
        flat += order_ops(kiosk, n, code)
    return [flat[i : i + BATCH] for i in range(0, ops, BATCH)]


def _two_at_once(work: Any, loads: list[Any]) -> float:
    threads = [threading.Thread(target=work, args=(load,)) for load in loads]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - began


def measure_ops_vs_raw(url: str, db_url: str, raw_url: str, ops: int) -> dict[str, Any]:
    per_kiosk = max(BATCH, ops // 2 // BATCH * BATCH)
    tokens = _enrol(db_url, ["backlog-a", "backlog-b"])
    codes = _codes(db_url, ["backlog-a", "backlog-b"])
    backlogs = [_backlog(90 + n, per_kiosk, codes[n]) for n in range(2)]
    failures: list[str] = []

    def push_all(load: tuple[str, list[list[dict[str, Any]]]]) -> None:
        token, batches = load
        client = SyncClient(url, token)
        for batch in batches:
            answer = client.push(batch, str(uuid.uuid4()))
            if any(r.outcome.value != "applied" for r in answer.results):
                failures.append("not applied")
        client.close()

    server_s = _two_at_once(push_all, list(zip(tokens, backlogs, strict=True)))
    # The same rows, straight into a copy of the server's tables.
    Database.open(raw_url).close()  # the same migrations, in the raw schema
    device_ids = _raw_devices(raw_url)
    now = datetime.now(UTC)

    def insert_all(load: tuple[int, list[list[dict[str, Any]]]]) -> None:
        device, batches = load
        with psycopg.connect(raw_url.replace("postgresql+psycopg", "postgresql")) as conn:
            for batch in batches:
                with conn.transaction(), conn.cursor() as cur:
                    cur.execute(
                        "INSERT INTO batches (device_id, key, body_hash, received_at) "
                        "VALUES (%s, %s, %s, %s)",
                        (device, uuid.uuid4().hex, "0" * 64, now),
                    )
                    cur.executemany(
                        "INSERT INTO records (entity, entity_id, version, data, lookup, "
                        "parent_id, updated_at) VALUES (%s, %s, 1, %s, %s, NULL, %s)",
                        [
                            (op["entity"], op["entity_id"], json.dumps(op["data"]), None, now)
                            for op in batch
                        ],
                    )
                    # The kiosk holds what it creates, and the log is for it (readers.py).
                    cur.executemany(
                        "INSERT INTO record_access (device_id, entity_id, owner, granted_at) "
                        "VALUES (%s, %s, true, %s)",
                        [(device, op["entity_id"], now) for op in batch],
                    )
                    cur.executemany(
                        "INSERT INTO changes (entity, entity_id, reader) VALUES (%s, %s, %s)",
                        [(op["entity"], op["entity_id"], device) for op in batch],
                    )
                    cur.executemany(
                        "INSERT INTO applied_ops (device_id, op_id, applied_at) "
                        "VALUES (%s, %s, %s)",
                        [(device, op["op_id"], now) for op in batch],
                    )

    raw_backlogs = [_backlog(90 + n, per_kiosk, codes[n]) for n in range(2)]
    raw_s = _two_at_once(insert_all, list(zip(device_ids, raw_backlogs, strict=True)))
    total = per_kiosk * 2
    return {
        "server_ops_per_s_pg": round(total / server_s),
        "raw_psycopg_ops_per_s_pg": round(total / raw_s),
        "server_ops_ratio_vs_raw_pg": round(server_s / raw_s, 2),
        "server_ops_pg": total,
        "server_ops_failures_pg": len(failures),
    }


def _raw_devices(raw_url: str) -> list[int]:
    _enrol(raw_url, ["raw-a", "raw-b"])
    db = Database(raw_url)
    try:
        with db.read() as session:
            return list(session.scalars(text("SELECT id FROM devices ORDER BY id")))
    finally:
        db.close()


# --- A first pull of a million changes -----------------------------------------------------

FILL_RECORDS = text(
    """
    INSERT INTO records (entity, entity_id, version, data, lookup, parent_id, updated_at)
    SELECT 'client', id, 1, json_build_object(
        'id', id, 'name', 'Client ' || i, 'phone', '+336' || lpad(i::text, 8, '0'),
        'email', NULL, 'lang', 'fr', 'street', i || ' rue des Rosiers',
        'postcode', '75004', 'city', 'Paris', 'building', '', 'floor', NULL,
        'has_lift', NULL, 'access_notes', '', 'consent_at', CAST(:at AS text),
        'created_at', CAST(:at AS text), 'updated_at', CAST(:at AS text),
        'erased_at', NULL),
        '+336' || lpad(i::text, 8, '0'), NULL, now()
    FROM (
        SELECT i, md5('bench-' || i)::uuid AS id
        FROM generate_series(1, CAST(:n AS integer)) AS i
    ) AS s
    """
)
FILL_CHANGES = text(
    "INSERT INTO changes (entity, entity_id) "
    "SELECT entity, entity_id FROM records WHERE entity = 'client' ORDER BY lookup"
)


def fill_change_log(db_url: str, count: int) -> None:
    db = Database(db_url)
    try:
        with db.write() as session:
            session.execute(FILL_RECORDS, {"n": count, "at": datetime.now(UTC).isoformat()})
            session.execute(FILL_CHANGES)
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE records"))
            conn.execute(text("VACUUM ANALYZE changes"))
    finally:
        db.close()


def measure_first_pull(url: str, db_url: str, count: int) -> dict[str, Any]:
    (token,) = _enrol(db_url, ["newcomer"])
    seen: set[int] = set()
    duplicates = pages = 0
    cursor = 0
    began = time.perf_counter()
    for leg in ("until the cut", "resumed"):
        client = SyncClient(url, token)  # a new connection: the cut lost the old one
        while True:
            page = client.pull(cursor, DEFAULT_PULL_LIMIT)
            pages += 1
            for change in page.changes:
                if change.entity.value != "client":
                    continue  # the catalogue, pulled first
                key = change.entity_id.int
                duplicates += key in seen
                seen.add(key)
            cursor = page.next_cursor  # what the kiosk stores with each page
            if not page.has_more:
                break
            if leg == "until the cut" and len(seen) >= count // 2:
                break
        client.close()
    elapsed = time.perf_counter() - began
    return {
        "first_pull_1m_changes_s": round(elapsed, 2),
        "first_pull_changes": count,
        "first_pull_pages": pages,
        "first_pull_resumed_complete": len(seen) == count and duplicates == 0,
    }


def run(*, scale: float, workdir: Path) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    with postgres() as base:
        with schema(base) as db_url, schema(base) as raw_url, pg_server(db_url) as url:
            # The server and raw psycopg each write into new tables, first: after the
            # fleet's 97,000 ops the server's tables (and PostgreSQL's autovacuum and
            # checkpoints) are not those of the raw schema (docs/BENCHMARKS.md).
            ops = scaled(20_000, scale, minimum=2 * BATCH)
            note(f"{ops:,} ops pushed, then inserted by raw psycopg")
            figures.update(measure_ops_vs_raw(url, db_url, raw_url, ops))
            kiosks = scaled(FULL_KIOSKS, scale, minimum=2)
            day_s = max(2.0, DAY_S * kiosks / FULL_KIOSKS)  # the same rate at any scale
            note(f"{kiosks} kiosks living a day in {day_s:.0f} s ({WORKERS} workers, PostgreSQL)")
            figures.update(measure_fleet(url, db_url, kiosks, day_s))
        with schema(base) as db_url, pg_server(db_url) as url:
            count = scaled(FULL_CHANGES, scale, minimum=1000)
            note(f"a change log of {count:,} records, pulled by a new kiosk (cut halfway)")
            fill_change_log(db_url, count)
            figures.update(measure_first_pull(url, db_url, count))
        with schema(base) as db_url, pg_server(db_url) as url:
            here = scaled(311, scale, minimum=20)
            elsewhere = scaled(3110, scale, minimum=30)
            note(f"a month offline ({here} orders) while {elsewhere} came from elsewhere")
            db = Database(db_url)
            try:
                figures.update(
                    offline_month(
                        url,
                        db,
                        lambda name: _enrol(db_url, [name])[0],
                        workdir,
                        orders_here=here,
                        orders_elsewhere=elsewhere,
                    )
                )
            finally:
                db.close()
    return figures
