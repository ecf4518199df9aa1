"""The benchmarks command and its store suite, run at a tiny size through the same path
as `python -m benchmarks store --json`. No timing is asserted: only that every figure
is there, measured (positive) and about the sizes asked for."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from benchmarks.__main__ import SUITES, parse_args
from benchmarks.measure import percentile_ms, render_table, targets_met

# The benchmarks build their stores around the real clock: run again with the date moved.
pytestmark = pytest.mark.dates

ROOT = Path(__file__).resolve().parents[2]
TIMINGS = (
    "place_order_median_ms",
    "place_order_p95_ms",
    "place_order_sqlite3_median_ms",
    "place_order_ratio_vs_sqlite3",
    "search_p50_ms",
    "search_p95_ms",
    "open_100k_ms",
    "open_100k_sqlite3_ms",
)


def _benchmarks(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "benchmarks", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def store_report() -> dict[str, Any]:
    done = _benchmarks("store", "--json", "--scale", "0.002")
    assert done.returncode == 0, done.stderr
    report: dict[str, Any] = json.loads(done.stdout)  # one JSON object, nothing else
    return report


def test_store_suite_reports_every_figure_measured(store_report: dict[str, Any]) -> None:
    for key in TIMINGS:
        value = store_report[key]
        assert isinstance(value, int | float) and value > 0, key
    assert store_report["place_order_p95_ms"] >= store_report["place_order_median_ms"]
    assert store_report["search_p95_ms"] >= store_report["search_p50_ms"]


def test_store_suite_ran_the_sizes_asked_for(store_report: dict[str, Any]) -> None:
    # The smallest sizes the suite allows: scale 0.002 of the full run.
    assert store_report["place_order_count"] == 20
    assert 0 < store_report["place_order_new_clients"] < 20  # known clients came back
    assert store_report["search_services"] == 200
    assert store_report["search_queries"] == 20
    assert store_report["open_100k_orders"] == 200
    assert store_report["open_100k_runs"] == 2
    # The baseline wrote rows of the same sizes into a file of about the same size.
    ours, raw = store_report["place_order_db_bytes"], store_report["place_order_sqlite3_db_bytes"]
    assert abs(ours - raw) <= 0.1 * ours


def test_store_suite_names_its_machine_and_targets(store_report: dict[str, Any]) -> None:
    machine = store_report["machine"]
    assert machine["cpu_model"] and machine["cores"] >= 1
    assert machine["python"].count(".") == 2 and machine["sqlite"].startswith("3.")
    assert store_report["targets"] == {
        "place_order_median_ms": 1.0,
        "place_order_ratio_vs_sqlite3": 6.0,
        "search_p95_ms": 5.0,
        "open_100k_ms": 100.0,
    }
    assert set(store_report["targets_met"]) == set(store_report["targets"])


def test_an_unknown_suite_is_refused_with_the_known_ones() -> None:
    done = _benchmarks("stroe", "--json")
    assert done.returncode == 2
    assert "invalid choice: 'stroe'" in done.stderr and "store" in done.stderr
    assert done.stdout == ""


def test_a_suite_module_is_imported_only_when_its_suite_runs() -> None:
    code = (
        "import sys; from benchmarks.__main__ import parse_args; parse_args(['store']); "
        "print(sorted(m for m in sys.modules if m.startswith(('benchmarks.s', 'kiosk_app'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


@given(st.text(max_size=2000))
def test_any_suite_name_is_a_registered_suite_or_a_usage_error(name: str) -> None:
    if name in SUITES:
        assert parse_args([name]).suite == name
    else:
        with pytest.raises(SystemExit) as exited:
            parse_args([name, "--json"])
        assert exited.value.code == 2


@example("--")  # argparse hands back [] for it, without calling float
@given(st.one_of(st.floats(allow_nan=True, allow_infinity=True).map(repr), st.text(max_size=50)))
def test_any_scale_is_a_fraction_of_the_full_run_or_a_usage_error(typed: str) -> None:
    try:
        scale = parse_args(["store", f"--scale={typed}"]).scale
    except SystemExit as exited:
        assert exited.code == 2
    else:
        assert 0 < scale <= 1


@pytest.mark.parametrize("suite", sorted(SUITES))
def test_every_registered_suite_has_its_module(suite: str) -> None:
    path = ROOT / Path(*SUITES[suite].split(".")).with_suffix(".py")
    assert path.is_file()
    assert "def run(*, scale: float)" in path.read_text(encoding="utf-8")


def test_the_table_shows_each_figure_beside_its_target() -> None:
    figures = {"search_p95_ms": 7.5, "search_p50_ms": 1.25, "search_queries": 1000}
    targets = {"search_p95_ms": 5.0}
    report = {
        "suite": "store",
        "scale": 1.0,
        "machine": {
            "cpu_model": "AMD EPYC",
            "cores": 2,
            "python": "3.11.7",
            "sqlite": "3.40.1",
            "load_average_1min": 0.5,
            "measured_at": "2026-11-26T15:00:00+00:00",
        },
        **figures,
        "targets": targets,
        "targets_met": targets_met(figures, targets),
    }
    lines = render_table(report).splitlines()
    assert "AMD EPYC, 2 cores" in lines[1]
    assert [line.split() for line in lines if line.startswith("search_")] == [
        ["search_p95_ms", "7.500", "≤", "5", "MISSED"],
        ["search_p50_ms", "1.250"],
        ["search_queries", "1,000"],
    ]


def test_percentiles_stay_within_the_samples() -> None:
    samples = [1_000_000 * n for n in range(1, 101)]  # 1 ms .. 100 ms
    assert percentile_ms(samples, 95) == pytest.approx(95.05)
    assert percentile_ms(samples, 50) == pytest.approx(50.5)
    assert percentile_ms([3_000_000], 95) == 3.0
