"""The sync benchmark suite at a tiny size, SQLite and PostgreSQL parts: every figure is
there and positive, nothing failed, the first pull resumed after its cut got every
record once, and the kiosk back from a month offline converged (no timing assertion:
the full run is what docs/BENCHMARKS.md records)."""

from __future__ import annotations

import pytest

from benchmarks.sync import TARGETS, run

# The suite places its orders from the real clock: run again with the date moved.
pytestmark = pytest.mark.dates


def test_the_sync_suite_reports_its_figures() -> None:
    figures = run(scale=0.002)
    for name in (
        *TARGETS,
        "bare_http_ms",
        "push_median_ms_50_kiosks",
        "server_ops_per_s_pg",
        "raw_psycopg_ops_per_s_pg",
        "pull_p95_ms_500_kiosks_pg",
        "change_log_prune_month_offline_s",
    ):
        assert isinstance(figures[name], int | float) and figures[name] > 0, name
    assert figures["push_errors_50_kiosks"] == 0
    assert figures["push_errors_500_kiosks_pg"] == 0, figures["push_error_examples_500_kiosks_pg"]
    assert figures["server_ops_failures_pg"] == 0
    assert figures["first_pull_resumed_complete"] is True
    assert figures["change_log_prune_month_offline_converged"] is True
    assert figures["targets"] == TARGETS
