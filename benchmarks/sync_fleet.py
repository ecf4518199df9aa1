"""The 500-kiosk fleet of the PostgreSQL sync suite (push_p95_ms_500_kiosks_pg): each
kiosk lives a day, pushing after its writes and pulling; see benchmarks/sync_pg.py."""

from __future__ import annotations

import random
import threading
import time
import uuid
from datetime import UTC, datetime
from typing import Any

from sync.client import SyncClient, SyncError
from sync.protocol import DEFAULT_PULL_LIMIT

from .measure import median_ms, percentile_ms
from .sync_pg_server import WORKERS, device_codes, enrol_devices, log_top
from .sync_requests import order_ops

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
    tokens = enrol_devices(db_url, names)
    cursor_at_start = log_top(db_url)  # enrolled kiosks that synced the catalogue already
    days = [kiosk_day(n, code) for n, code in enumerate(device_codes(db_url, names))]
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
