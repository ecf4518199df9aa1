"""The store suite: placing orders durably, searching a large catalogue, and opening a
large store in a fresh process; each beside a raw sqlite3 baseline where one makes sense.

Figures (ms): place_order_median_ms, place_order_p95_ms, place_order_sqlite3_median_ms,
place_order_ratio_vs_sqlite3, search_p50_ms, search_p95_ms, open_100k_ms,
open_100k_sqlite3_ms, with the sizes measured and the targets of the issue.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from contextlib import closing
from pathlib import Path
from typing import Any

from kiosk_app.comptoir import Comptoir
from kiosk_app.store.database import STORE_FILENAME

from .measure import median_ms, note, percentile_ms, scaled
from .store_baseline import RawPlacer
from .store_data import SimulatedClock, prepare_store
from .store_open import measure_open
from .store_orders import planned_orders
from .store_search import measure_search

TARGETS = {
    "place_order_median_ms": 1.0,
    "place_order_ratio_vs_sqlite3": 6.0,
    "search_p95_ms": 5.0,
    "open_100k_ms": 100.0,
}


# What placing an order writes: both runs must end with the same counts in each.
_PLACED_TABLES = ("orders", "order_events", "clients", "outbox", "print_jobs", "audit_log")


def _row_counts(data_dir: Path) -> dict[str, int]:
    with closing(sqlite3.connect(data_dir / STORE_FILENAME)) as conn:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in _PLACED_TABLES
        }


def measure_place(workdir: Path, *, count: int) -> dict[str, Any]:
    """`count` orders through OrderService.place, each its own durable transaction, and
    the same orders through raw sqlite3 into another file, interleaved one by one so that
    both meet the same moments of a noisy machine."""
    clock = SimulatedClock()
    ours = prepare_store(workdir / "place", clock=clock)
    raw = prepare_store(workdir / "place-sqlite3", clock=clock)
    app = Comptoir.open(ours.data_dir, clock=clock)
    placer = RawPlacer(raw.data_dir / STORE_FILENAME, attendant_id=raw.attendant_id)
    ours_ns: list[int] = []
    raw_ns: list[int] = []
    try:
        services = app.catalogue.all_services()
        for planned in planned_orders(count, services):
            clock.now = planned.at
            attendant = ours.attendant_id if planned.at_counter else None
            started = time.perf_counter_ns()
            app.orders.place(planned.request, attendant_id=attendant)
            ours_ns.append(time.perf_counter_ns() - started)
            started = time.perf_counter_ns()
            placer.place(planned)
            raw_ns.append(time.perf_counter_ns() - started)
    finally:
        app.close()
        placer.close()
    # Both files must hold every order and the same rows beside them, or the comparison
    # means nothing.
    ours_rows, raw_rows = _row_counts(ours.data_dir), _row_counts(raw.data_dir)
    if ours_rows != raw_rows or ours_rows["orders"] != count:
        raise RuntimeError(f"the runs wrote different rows: {ours_rows} and {raw_rows}")
    median, raw_median = median_ms(ours_ns), median_ms(raw_ns)
    return {
        "place_order_median_ms": median,
        "place_order_p95_ms": percentile_ms(ours_ns, 95),
        "place_order_sqlite3_median_ms": raw_median,
        "place_order_sqlite3_p95_ms": percentile_ms(raw_ns, 95),
        "place_order_ratio_vs_sqlite3": round(median / raw_median, 2),
        "place_order_count": count,
        "place_order_new_clients": ours_rows["clients"],
        "place_order_db_bytes": _file_bytes(ours.data_dir),
        "place_order_sqlite3_db_bytes": _file_bytes(raw.data_dir),
    }


def _file_bytes(data_dir: Path) -> int:
    """The store file with its WAL: close sizes show the two runs wrote the same rows."""
    return sum(p.stat().st_size for p in data_dir.glob(f"{STORE_FILENAME}*"))


def run(*, scale: float) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="comptoir-bench-") as tmp:
        workdir = Path(tmp)
        count = scaled(10_000, scale, minimum=20)
        note(f"placing {count:,} orders, and the same with raw sqlite3")
        figures.update(measure_place(workdir, count=count))
        services, queries = scaled(20_000, scale, minimum=200), scaled(1_000, scale, minimum=20)
        note(f"searching {services:,} services with {queries:,} queries")
        figures.update(measure_search(workdir, services=services, queries=queries))
        orders, runs = scaled(100_000, scale, minimum=200), scaled(7, scale, minimum=2)
        note(f"opening a store of {orders:,} orders in a fresh process, {runs} times")
        figures.update(measure_open(workdir, orders=orders, runs=runs))
    figures["targets"] = TARGETS
    return figures
