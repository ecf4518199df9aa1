"""Faults 14 and 15 of issue 6: a flapping link, and a week offline."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from flaky_link import FlakyLink
from sqlalchemy import func, select
from sync_harness import Clock, Kiosk, LiveServer, assert_same_records, order_request

from benchmarks.sync_data import clone_orders
from kiosk_app.store.models import OutboxOp
from sync.client import SyncClient, SyncError
from sync.engine import sync_once


def test_a_flapping_link_converges_and_never_wedges(
    kiosk: Kiosk, central: LiveServer, clock: Clock
) -> None:
    """Fault 14: through a proxy that drops, delays and truncates (seed 14), syncs
    fail and retry; every order ends on the server once, and the kiosk agrees."""
    placed = []
    token = (kiosk.data_dir / "sync-token").read_text()
    with FlakyLink(central.port, seed=14) as link:
        client = SyncClient(link.url, token)
        failures = 0
        for round_ in range(6):
            for n in range(10):
                placed.append(
                    kiosk.app.orders.place(order_request(kiosk.app, clock.now, n=round_ * 10 + n))
                )
            if placed[-3].status.value == "requested":
                kiosk.app.orders.confirm(placed[-3].id, attendant_id=None)
            for _attempt in range(100):
                try:
                    report = sync_once(kiosk.app.store, client, kiosk.data_dir, pull_limit=20)
                except SyncError:
                    failures += 1
                    continue
                if report.pending == 0:
                    break
            else:
                pytest.fail("the queue wedged behind the flapping link")
        client.close()
        assert failures > 0 and link.faults["truncate"] > 0 and link.faults["drop"] > 0
    kiosk.sync()  # over a good link, to compare
    assert_same_records(kiosk.app, central.db)
    assert len({p.id for p in placed}) == 60


# Runs `kiosk sync` and, at exit, prints its peak resident memory (VmHWM, which exec
# resets: ru_maxrss would carry the forking test process's own peak).
PEAK_SCRIPT = """
import atexit, runpy, sys
def peak():
    status = open("/proc/self/status").read()
    print("PEAK_KB", status.split("VmHWM:")[1].split()[0])
atexit.register(peak)
sys.argv = ["kiosk", "sync", "--data-dir", sys.argv[1]]
runpy.run_module("kiosk_app", run_name="__main__")
"""


def kiosk_sync_peak_rss(data_dir: Path) -> tuple[str, int]:
    """`kiosk sync` in its own process: what it printed and its peak memory (bytes)."""
    done = subprocess.run(
        [sys.executable, "-c", PEAK_SCRIPT, str(data_dir)],
        capture_output=True,
        text=True,
        env={**os.environ, "LANG": "en_GB.UTF-8"},
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    out, _, peak = done.stdout.rpartition("PEAK_KB ")
    return out, int(peak) * 1024


@pytest.mark.slow
def test_a_week_offline_with_ten_thousand_orders(
    kiosk: Kiosk, central: LiveServer, clock: Clock
) -> None:
    """Fault 15: 10,000 orders placed offline drain in batches (of at most 200 ops and
    pages of 500 changes) in one `kiosk sync`, whose memory stays bounded: the backlog
    is never held whole."""
    first = kiosk.app.orders.place(order_request(kiosk.app, clock.now))
    clone_orders(kiosk.app, first.id, 9_999)
    kiosk.client.close()
    drained, drain_rss = kiosk_sync_peak_rss(kiosk.data_dir)  # pushes, pulls it all
    idle, idle_rss = kiosk_sync_peak_rss(kiosk.data_dir)  # nothing left: the baseline
    assert "Pushed: 10001 applied" in drained and "Pending: 0" in drained
    assert "Pushed: 0 applied" in idle
    with kiosk.app.store.read() as session:
        assert session.scalar(select(func.count()).select_from(OutboxOp)) == 0
    grown = drain_rss - idle_rss
    assert grown < 32 * 2**20, f"{grown / 2**20:.0f} MiB more than an idle sync"
    assert_same_records(kiosk.app, central.db)
