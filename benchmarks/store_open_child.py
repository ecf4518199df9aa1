"""Run in a fresh process by the store suite: open a store and answer the counter's
first query (the newest 50 orders), then print the times as JSON.

`python -m benchmarks.store_open_child comptoir DATA_DIR` or `... sqlite3 STORE_FILE`.
Imports are timed apart (`import_ms`) from opening and the first query
(`open_query_ms`), which is the figure compared."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

FIRST_PAGE = 50


def _comptoir(data_dir: Path) -> tuple[float, float, int]:
    started = time.perf_counter_ns()
    from kiosk_app.comptoir import Comptoir

    imported = time.perf_counter_ns()
    app = Comptoir.open(data_dir)
    rows = len(app.orders.list(limit=FIRST_PAGE))
    answered = time.perf_counter_ns()
    app.close()
    return (imported - started) / 1e6, (answered - imported) / 1e6, rows


def _sqlite3(store_file: Path) -> tuple[float, float, int]:
    started = time.perf_counter_ns()
    import sqlite3

    imported = time.perf_counter_ns()
    conn = sqlite3.connect(store_file, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=5000"):
        conn.execute(f"PRAGMA {pragma}")
    rows = len(
        conn.execute(
            "SELECT * FROM orders ORDER BY created_at DESC LIMIT ?", (FIRST_PAGE,)
        ).fetchall()
    )
    answered = time.perf_counter_ns()
    conn.close()
    return (imported - started) / 1e6, (answered - imported) / 1e6, rows


def main(argv: list[str]) -> int:
    kind, path = argv
    import_ms, open_query_ms, rows = (_comptoir if kind == "comptoir" else _sqlite3)(Path(path))
    print(json.dumps({"import_ms": import_ms, "open_query_ms": open_query_ms, "rows": rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
