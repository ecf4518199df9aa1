"""The dashboard's benchmark: through `python -m benchmarks ui --json --quick` its figures
are in the report with their target; its store holds the month asked for; and its raw
sqlite3 baseline counts the very figures the core counts (a baseline that read less
would flatter the page). No timing is asserted: benchmarks measure."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

from benchmarks.ui_dashboard import MONTH, build_month_store, sql_figures
from kiosk_app.comptoir import Comptoir
from kiosk_app.store.database import STORE_FILENAME

ROOT = Path(__file__).resolve().parents[2]
NOVEMBER_END = date(2026, 11, 30)


def test_the_quick_ui_suite_reports_the_dashboard() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "ui", "--json", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=900,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    for name in ("dashboard_ms", "dashboard_max_ms", "dashboard_sql_baseline_ms"):
        assert isinstance(report[name], float) and report[name] > 0, name
    assert report["dashboard_max_ms"] >= report["dashboard_ms"]
    assert report["targets"]["dashboard_ms"] == 200
    assert "dashboard_ms" in report["targets_met"]
    assert report["dashboard_orders"] == 1000 and report["dashboard_runs"] >= 3


def test_the_month_store_and_its_baseline_count_what_the_core_counts(tmp_path: Path) -> None:
    build_month_store(tmp_path / "kiosk", orders=300)
    app = Comptoir.open(tmp_path / "kiosk")
    try:
        stats = app.stats.compute(MONTH, NOVEMBER_END)
    finally:
        app.close()
    with sqlite3.connect(tmp_path / "kiosk" / STORE_FILENAME) as db:
        raw = sql_figures(db, MONTH, NOVEMBER_END)
    db.close()

    assert stats.orders == raw["orders"] == 300
    assert stats.services_done == raw["done"] > 0
    assert stats.kiosk_visits == raw["visits"] > 3000
    assert stats.revenue_cents == raw["revenue"] > 0
    assert (stats.average_rating, stats.ratings) == (round(raw["rating"][0], 2), raw["rating"][1])
    assert stats.orders_per_day == {day.isoformat(): n for day, n in sorted(raw["per_day"].items())}
    assert {k: v for k, v in stats.orders_by_status.items() if v} == dict(raw["by_status"])
    assert stats.orders_by_channel == dict(raw["by_channel"])
    assert [(t.name_fr, t.name_en, t.orders) for t in stats.top_services] == raw["top"]
    assert (stats.lulus_onboarded, stats.lulus_in_progress) == (17, 15)
