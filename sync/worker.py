"""The sync worker: a plain thread (never the GUI thread, and no Qt: the UI re-emits
its status through a signal of its own) that syncs a data folder

- soon after each local write (it notices the outbox growing; debounced),
- on a timer,
- on demand (`sync_now`),

and after a failure waits with exponential backoff and full jitter, from 1 s to 5 min,
or longer when the server says so in Retry-After."""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from kiosk_app.clock import Clock, utc_now
from kiosk_app.services.sync_state import outbox_mark, sync_counts
from kiosk_app.store.database import Store

from .client import SyncClient, SyncError
from .engine import SyncReport, sync_once
from .messages import sync_message

log = logging.getLogger(__name__)

BACKOFF_FIRST_S = 1.0
BACKOFF_MAX_S = 300.0


def backoff_delay(failures: int, rng: random.Random, retry_after: float | None = None) -> float:
    """Full jitter: uniform between 0 and min(5 min, 1 s x 2^(failures-1)); never
    sooner than the server's Retry-After."""
    ceiling = min(BACKOFF_MAX_S, BACKOFF_FIRST_S * 2 ** max(0, failures - 1))
    delay = rng.uniform(0, ceiling)
    if retry_after is not None:
        delay = max(delay, min(retry_after, BACKOFF_MAX_S))
    return delay


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """What the attendant sees."""

    running: bool = False
    last_success: datetime | None = None
    pending: int = 0
    set_aside: int = 0
    last_error_key: str | None = None
    failures: int = 0
    last_report: SyncReport | None = None

    def last_error(self, lang: str) -> str | None:
        """The last error in plain words, or None when the last sync went through."""
        return sync_message(self.last_error_key, lang) if self.last_error_key else None


class SyncWorker:
    def __init__(
        self,
        store: Store,
        data_dir: Path,
        client_factory: Callable[[], SyncClient],
        *,
        interval_s: float = 60.0,
        debounce_s: float = 2.0,
        poll_s: float = 1.0,
        clock: Clock = utc_now,
        rng: random.Random | None = None,
    ) -> None:
        self._store = store
        self._data_dir = data_dir
        self._client_factory = client_factory
        self._client: SyncClient | None = None
        self._interval = interval_s
        self._debounce = debounce_s
        self._poll = poll_s
        self._clock = clock
        self._rng = rng or random.Random()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._asked = False
        self._thread: threading.Thread | None = None
        self._listeners: list[Callable[[SyncStatus], None]] = []
        self._status = SyncStatus()
        self._idle = threading.Condition()
        self._syncs_done = 0

    # --- Control ----------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            return
        with self._store.read() as session:
            counts = sync_counts(session)
        self._set(
            pending=counts.pending,
            set_aside=counts.set_aside,
            last_success=counts.last_success,
            last_error_key=counts.last_error.split("|")[0] if counts.last_error else None,
        )
        self._thread = threading.Thread(target=self._run, name="comptoir-sync", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        if self._client is not None:
            self._client.close()
            self._client = None

    def sync_now(self) -> None:
        """On demand (the attendant's button): as soon as the current sync ends."""
        with self._lock:
            self._asked = True
        self._wake.set()

    def notify_local_write(self) -> None:
        """Optional hint from the caller; the worker also notices writes by itself."""
        self._wake.set()

    def on_status(self, listener: Callable[[SyncStatus], None]) -> None:
        """`listener` is called on the worker thread after each change of status."""
        self._listeners.append(listener)

    @property
    def status(self) -> SyncStatus:
        with self._lock:
            return self._status

    def wait_for_syncs(self, count: int, timeout: float) -> bool:
        """For tests and the command line: wait until `count` syncs were attempted."""
        with self._idle:
            return self._idle.wait_for(lambda: self._syncs_done >= count, timeout)

    # --- The thread -------------------------------------------------------------------

    def _set(self, **changes: object) -> None:
        with self._lock:
            self._status = replace(self._status, **changes)  # type: ignore[arg-type]
            status = self._status
        for listener in self._listeners:
            listener(status)

    def _run(self) -> None:
        now = time.monotonic
        next_timer = now()  # a first sync at start
        write_seen_at: float | None = None
        retry_at: float | None = None
        with self._store.read() as session:
            mark = outbox_mark(session)
        while not self._stop.is_set():
            with self._lock:
                asked, self._asked = self._asked, False
            with self._store.read() as session:
                current = outbox_mark(session)
            if current != mark:
                mark = current
                write_seen_at = now()
            due = asked or now() >= next_timer
            if write_seen_at is not None and now() - write_seen_at >= self._debounce:
                due = True
            if retry_at is not None and not asked:
                due = due and now() >= retry_at
            if due:
                write_seen_at = None
                ok, retry_after = self._sync_once()
                next_timer = now() + self._interval
                if ok:
                    retry_at = None
                else:
                    delay = backoff_delay(self.status.failures, self._rng, retry_after)
                    retry_at = now() + delay
                    next_timer = max(next_timer, retry_at)
            self._wake.wait(self._poll)
            self._wake.clear()

    def _failed(self, key: str) -> None:
        try:
            with self._store.read() as session:
                counts = sync_counts(session)
            pending, aside = counts.pending, counts.set_aside
        except Exception:
            pending, aside = self.status.pending, self.status.set_aside
        self._set(
            running=False,
            last_error_key=key,
            failures=self.status.failures + 1,
            pending=pending,
            set_aside=aside,
        )

    def _sync_once(self) -> tuple[bool, float | None]:
        self._set(running=True)
        try:
            if self._client is None:
                self._client = self._client_factory()
            report = sync_once(self._store, self._client, self._data_dir, clock=self._clock)
        except SyncError as error:
            failures = self.status.failures + 1
            log.warning("sync failed: %s (failures in a row: %d)", error.key, failures)
            self._set(running=False, last_error_key=error.key, failures=self.status.failures + 1)
            return False, error.retry_after
        except Exception:
            # A bug or a broken store must not kill the worker: say it, back off, retry.
            log.exception("sync failed unexpectedly")
            self._set(
                running=False,
                last_error_key="sync.server_error",
                failures=self.status.failures + 1,
            )
            return False, None
        finally:
            with self._idle:
                self._syncs_done += 1
                self._idle.notify_all()
        self._set(
            running=False,
            last_success=self._clock(),
            pending=report.pending,
            set_aside=report.set_aside,
            last_error_key=None,
            failures=0,
            last_report=report,
        )
        return True, None
