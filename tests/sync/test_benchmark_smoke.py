"""The sync benchmark suite at a tiny size: every figure is there and positive (no
timing assertion: the full run is what docs/BENCHMARKS.md records)."""

from __future__ import annotations

import pytest

from benchmarks.sync import TARGETS, run

# The suite places its orders from the real clock: run again with the date moved.
pytestmark = pytest.mark.dates


def test_the_sync_suite_reports_its_figures() -> None:
    figures = run(scale=0.002)
    for name in (*TARGETS, "bare_http_ms", "push_median_ms_50_kiosks"):
        assert isinstance(figures[name], int | float) and figures[name] > 0, name
    assert figures["push_errors_50_kiosks"] == 0
    assert figures["targets"] == TARGETS
