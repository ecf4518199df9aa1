"""The sync worker: a plain thread that syncs after local writes, on a timer and on
demand, backs off with full jitter, and tells the attendant where things stand."""

from __future__ import annotations

import random
import socket
import threading
import time
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st
from sync_harness import Clock, Kiosk, LiveServer, order_request, server_rows

from sync.client import SyncClient
from sync.enrolment import open_client
from sync.worker import BACKOFF_MAX_S, SyncStatus, SyncWorker, backoff_delay


def wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


@given(
    failures=st.integers(min_value=1, max_value=60),
    seed=st.integers(min_value=0, max_value=2**32),
    retry_after=st.one_of(st.none(), st.floats(min_value=0, max_value=10_000)),
)
def test_backoff_is_full_jitter_from_one_second_to_five_minutes(
    failures: int, seed: int, retry_after: float | None
) -> None:
    delay = backoff_delay(failures, random.Random(seed), retry_after)
    ceiling = min(BACKOFF_MAX_S, 2 ** (failures - 1))
    assert 0 <= delay <= max(ceiling, min(retry_after or 0, BACKOFF_MAX_S))
    if retry_after is not None:
        assert delay >= min(retry_after, BACKOFF_MAX_S)


def test_jitter_spreads_retries() -> None:
    rng = random.Random(6)
    delays = [backoff_delay(9, rng) for _ in range(200)]
    assert min(delays) < 30 and max(delays) > 200  # spread over [0, 256 s]


def test_a_local_write_is_synced_by_the_worker(
    kiosk: Kiosk, central: LiveServer, clock: Clock
) -> None:
    statuses: list[SyncStatus] = []
    worker = SyncWorker(
        kiosk.app.store,
        kiosk.data_dir,
        lambda: open_client(kiosk.app.store, kiosk.data_dir),
        interval_s=3600,
        debounce_s=0.1,
        poll_s=0.05,
    )
    worker.on_status(statuses.append)
    worker.start()
    try:
        assert worker.wait_for_syncs(1, 20)  # the sync at start
        placed = kiosk.app.orders.place(order_request(kiosk.app, clock.now))
        assert wait_until(lambda: str(placed.id) in server_rows(central.db, "order"))
        assert wait_until(lambda: not worker.status.running and worker.status.pending == 0)
        assert worker.status.last_success is not None
        assert worker.status.last_error("fr") is None
        syncs = worker._syncs_done
        worker.sync_now()
        assert worker.wait_for_syncs(syncs + 1, 20)
    finally:
        worker.stop()
    assert any(s.running for s in statuses)
    assert threading.current_thread() is threading.main_thread()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_an_unreachable_server_is_said_in_plain_words(kiosk: Kiosk, clock: Clock) -> None:
    from kiosk_app.services.sync_state import sync_counts

    with kiosk.app.store.read() as session:
        success_before = sync_counts(session).last_success  # the fixture's first sync
    kiosk.app.orders.place(order_request(kiosk.app, clock.now))
    token = (kiosk.data_dir / "sync-token").read_text()
    port = closed_port()
    worker = SyncWorker(
        kiosk.app.store,
        kiosk.data_dir,
        lambda: SyncClient(f"http://127.0.0.1:{port}", token),
        interval_s=3600,
        poll_s=0.05,
        rng=random.Random(1),
    )
    worker.start()
    try:
        assert worker.wait_for_syncs(1, 20)
        assert wait_until(lambda: worker.status.failures >= 1)
        status = worker.status
        assert status.pending == 2 and status.last_success == success_before
        assert "cannot be reached" in (status.last_error("en") or "")
        assert "injoignable" in (status.last_error("fr") or "")
    finally:
        worker.stop()
