"""`python -m benchmarks ui --json --quick`, run once for this file's tests (about 30 s
a run): the order queue's figures and the dashboard's, each measured (positive),
beside its target, over the store size asked for. No timing is asserted: benchmarks
measure.

One file, one module fixture: the suite runs under pytest-xdist's `--dist loadfile`
(`./comptoir test`), which gives a file to one worker, so the run is shared; a fixture
shared by two files would run once on each worker that took one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from benchmarks.__main__ import QUICK_SCALE
from benchmarks.ui_queue import FULL_ORDERS, TARGETS

ROOT = Path(__file__).resolve().parents[2]
QUEUE_FIGURES = (
    "queue_open_ms",
    "queue_filter_p50_ms",
    "queue_filter_p95_ms",
    "queue_scroll_max_stall_ms",
    "queue_core_p95_ms",
    "queue_sql_baseline_ms",
)


@pytest.fixture(scope="module")
def quick_ui_report() -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "ui", "--json", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=900,
    )
    assert done.returncode == 0, done.stderr
    report: dict[str, Any] = json.loads(done.stdout)  # one JSON object, nothing else
    return report


def test_the_quick_ui_suite_reports_the_queue_figures(quick_ui_report: dict[str, Any]) -> None:
    report = quick_ui_report
    for name in QUEUE_FIGURES:
        assert isinstance(report[name], int | float) and report[name] > 0, name
    assert report["queue_filter_p95_ms"] >= report["queue_filter_p50_ms"]
    assert report["queue_orders"] == round(FULL_ORDERS * QUICK_SCALE)
    assert report["queue_scroll_rows"] == report["queue_orders"]
    assert report["queue_scroll_reached_oldest"] is True
    assert report["queue_filter_taps"] > 20
    for name, limit in TARGETS.items():
        assert report["targets"][name] == limit
        assert name in report["targets_met"]
    assert TARGETS == {
        "queue_open_ms": 50.0,
        "queue_filter_p95_ms": 50.0,
        "queue_scroll_max_stall_ms": 16.0,
    }


def test_the_quick_ui_suite_reports_the_dashboard(quick_ui_report: dict[str, Any]) -> None:
    report = quick_ui_report
    for name in ("dashboard_ms", "dashboard_max_ms", "dashboard_sql_baseline_ms"):
        assert isinstance(report[name], float) and report[name] > 0, name
    assert report["dashboard_max_ms"] >= report["dashboard_ms"]
    assert report["targets"]["dashboard_ms"] == 200
    assert "dashboard_ms" in report["targets_met"]
    assert report["dashboard_orders"] == 1000 and report["dashboard_runs"] >= 3
