"""A kiosk offline for a month while the server pruned its change log comes back,
pushes its month, is told to refetch, and converges with the server (the scenario the
sync suite times as change_log_prune_month_offline_s, here at a small size)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sync_harness import LiveServer

from benchmarks.sync_offline import offline_month


def test_a_month_offline_after_a_prune_refetches_and_converges(
    central: LiveServer, tmp_path: Path
) -> None:
    figures = offline_month(
        central.url,
        central.db,
        lambda name: central.enrol(name, datetime.now(UTC)),
        tmp_path,
        orders_here=40,
        orders_elsewhere=60,
    )
    assert figures["change_log_prune_month_offline_refetched"] is True
    assert figures["change_log_prune_month_offline_orders"] == 100
    assert figures["change_log_prune_month_offline_converged"] is True
