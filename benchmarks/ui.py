"""The ui suite: the touchscreen's start, its catalogue filter, its event loop during
order flows and its memory, offscreen.

Figures:
- cold_start_median_s: process start to the welcome screen painted, as `kiosk` starts
  its window (ui.app.run); bare_qt_median_s: the same for a bare PySide6 window;
  cold_start_ratio_vs_bare_qt; ready_median_s: until the core is attached (tiles work);
  kiosk_command_cold_start_median_s: the same start after importing the `kiosk` command's
  module (kiosk_app.__main__), whose subcommands' imports come first.
- filter_p50_ms, filter_p95_ms: one keystroke in the catalogue's search over 20,000
  services, from the key to the list laid out and painted.
- max_stall_ms: the event loop's longest gap during complete order flows.
- rss_mb: the process's resident memory after ten flows.
- queue_*: the attendant's order queue over 100,000 orders (benchmarks/ui_queue.py).
- dashboard_ms: the counter's month at a glance over a month of 10,000 orders
  (benchmarks/ui_dashboard.py), beside dashboard_sql_baseline_ms (raw sqlite3).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from .demo_month import DEMO_AS_OF
from .measure import note, percentile_ms, scaled
from .ui_dashboard import measure_dashboard
from .ui_queue import TARGETS as QUEUE_TARGETS
from .ui_queue import measure_queue

TARGETS = {
    "cold_start_median_s": 1.0,
    "cold_start_ratio_vs_bare_qt": 3.0,
    "filter_p95_ms": 16.0,
    "max_stall_ms": 50.0,
    "rss_mb": 250.0,
    "dashboard_ms": 200.0,
}
# What residents type, a key at a time, in French and English.
QUERIES = ("montee de courses", "rideau", "repassage chemises", "ordinateur", "baby", "jardin")


def _child(*args: str) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.ui_child", *args],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    figures["started_at"] = started
    return figures


def measure_start(data_dir: Path, runs: int) -> dict[str, Any]:
    kiosk, ready, bare, command = [], [], [], []
    for _ in range(runs):
        # Alternated, so that a busy moment of the machine weighs on all alike.
        times = _child("start", str(data_dir))
        kiosk.append(times["painted_at"] - times["started_at"])
        ready.append(times["ready_at"] - times["started_at"])
        times = _child("bare")
        bare.append(times["painted_at"] - times["started_at"])
        times = _child("command", str(data_dir))
        command.append(times["painted_at"] - times["started_at"])
    kiosk_median, bare_median = statistics.median(kiosk), statistics.median(bare)
    return {
        "cold_start_median_s": round(kiosk_median, 3),
        "bare_qt_median_s": round(bare_median, 3),
        "cold_start_ratio_vs_bare_qt": round(kiosk_median / bare_median, 2),
        "ready_median_s": round(statistics.median(ready), 3),
        "kiosk_command_cold_start_median_s": round(statistics.median(command), 3),
        "cold_start_runs": runs,
    }


def measure_filter(data_dir: Path, services: int) -> dict[str, Any]:
    """Keystrokes in the real catalogue screen over `services` services (the demo's,
    repeated with numbered names): each timed from the key to the list painted."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from kiosk_app.comptoir import Comptoir
    from ui.app import application
    from ui.resident.catalogue import CatalogueScreen
    from ui.widgets.keyboard import send_key

    app = application()
    comptoir = Comptoir.open(data_dir)
    try:
        base = comptoir.catalogue.all_services()
        categories = comptoir.catalogue.categories()
    finally:
        comptoir.close()
    many = [
        replace(s, name_fr=f"{s.name_fr} {i}", name_en=f"{s.name_en} {i}")
        for i in range(services // len(base) + 1)
        for s in base
    ][:services]
    screen = CatalogueScreen(many, categories)
    screen.resize(1920, 900)
    screen.show()
    app.processEvents()
    samples: list[int] = []
    model = screen.model
    for query in QUERIES:
        screen.search.setFocus()
        for char in query:
            started = time.perf_counter_ns()
            send_key(Qt.Key.Key_unknown, char)
            app.processEvents()
            # Until the first rows are laid out (the list lays out in batches) and painted.
            while model.rowCount() and not screen.list.visualRect(model.index(0)).isValid():
                app.processEvents()
            screen.list.viewport().repaint()
            samples.append(time.perf_counter_ns() - started)
        screen.search.clear()
        QApplication.processEvents()
    screen.close()
    return {
        "filter_p50_ms": percentile_ms(samples, 50),
        "filter_p95_ms": percentile_ms(samples, 95),
        "filter_services": len(many),
        "filter_keystrokes": len(samples),
    }


def run(*, scale: float) -> dict[str, Any]:
    from kiosk_app.demo.seed import seed_demo

    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="comptoir-bench-ui-") as tmp:
        data_dir = Path(tmp) / "kiosk"
        note("seeding a month of demo data")
        seed_demo(data_dir, as_of=DEMO_AS_OF)
        runs = scaled(7, scale, minimum=2)
        note(f"cold start, {runs} times each: the kiosk and a bare PySide6 window")
        figures.update(measure_start(data_dir, runs))
        flows = scaled(10, scale, minimum=2)
        note(f"{flows} complete order flows: event loop stalls and memory")
        flow_figures = _child("flows", str(data_dir), str(flows))
        flow_figures.pop("started_at")
        figures.update(flow_figures)
        services = scaled(20_000, scale, minimum=500)
        note(f"filtering {services:,} services, a key at a time")
        figures.update(measure_filter(data_dir, services))
    figures.update(measure_queue(scale))  # on its own store of 100,000 orders
    figures.update(measure_dashboard(scale))  # on its own month of 10,000 orders
    figures["targets"] = {**TARGETS, **QUEUE_TARGETS}
    return figures
