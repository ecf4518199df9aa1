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
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import text

from server.database import Database
from sync.client import SyncClient
from sync.protocol import DEFAULT_PULL_LIMIT

from .measure import note, scaled
from .pg import postgres, schema
from .sync_fleet import measure_fleet
from .sync_offline import offline_month
from .sync_pg_server import WORKERS, device_codes, enrol_devices, pg_server
from .sync_requests import order_ops

DAY_S = 60.0
FULL_KIOSKS = 500
FULL_CHANGES = 1_000_000
BATCH = 200


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
    tokens = enrol_devices(db_url, ["backlog-a", "backlog-b"])
    codes = device_codes(db_url, ["backlog-a", "backlog-b"])
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
    enrol_devices(raw_url, ["raw-a", "raw-b"])
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
    (token,) = enrol_devices(db_url, ["newcomer"])
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
                        lambda name: enrol_devices(db_url, [name])[0],
                        workdir,
                        orders_here=here,
                        orders_elsewhere=elsewhere,
                    )
                )
            finally:
                db.close()
    return figures
