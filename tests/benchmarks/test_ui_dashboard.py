"""The dashboard's benchmark: its store holds the month asked for, and its raw sqlite3
baseline counts the very figures the core counts (a baseline that read less would
flatter the page). Its figures in the quick suite's report: test_ui_quick_suite.py."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from benchmarks.ui_dashboard import MONTH, build_month_store, sql_figures
from kiosk_app.comptoir import Comptoir
from kiosk_app.store.database import STORE_FILENAME

NOVEMBER_END = date(2026, 11, 30)


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
