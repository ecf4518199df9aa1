"""The package suite's start measure, on the bundle the other tests built: both starts
timed to READY=1 and the ratio computed. No timing is asserted, only that each figure
is measured. (`python -m benchmarks package --quick` builds its own bundle.)"""

from __future__ import annotations

from pathlib import Path

from benchmarks.package import TARGETS, folder_mb, measure_start

from .conftest import Built


def test_the_start_measure_times_both_kiosks(built: Built, demo: Path) -> None:
    figures = measure_start(built.bundle, demo, runs=1)
    assert figures["bundle_cold_start_median_s"] > 0
    assert figures["venv_cold_start_median_s"] > 0
    assert figures["bundle_cold_start_ratio_vs_venv"] > 0
    assert 50 < folder_mb(built.bundle) <= TARGETS["bundle_mb"]
