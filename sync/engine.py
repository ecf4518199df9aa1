"""One sync of a data folder: push the outbox, then pull until nothing is left.

Only one sync at a time runs on a data folder, even across processes: a file lock
(fcntl) beside the store serialises them. Every step that touches the store is its own
short transaction, so the counter never waits on the network."""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from types import TracebackType

from kiosk_app.clock import Clock, utc_now
from kiosk_app.services.client_erasure import empty_the_wal, forget_exports, forget_ticket_files
from kiosk_app.services.client_export import EXPORTS_FOLDER
from kiosk_app.services.health import LAST_FAILURE, HealthProbe, build_health, failure_mark
from kiosk_app.services.numbers import assign_kiosk_code, kiosk_code
from kiosk_app.services.sync_apply import (
    CURSOR,
    LAST_ERROR,
    LAST_SUCCESS,
    PushSummary,
    apply_page,
    next_batch,
    put_setting,
    read_cursor,
    record_push_results,
)
from kiosk_app.services.sync_state import sync_counts
from kiosk_app.store.database import Store
from sync.protocol import DEFAULT_PULL_LIMIT, MAX_BATCH_OPS, PullResponse

from .client import MustRefetch, SyncClient, SyncError

log = logging.getLogger(__name__)

LOCK_FILENAME = "sync.lock"
# The time of the last success is kept to the minute, and the health report sent at
# the same pace: an empty sync every few seconds need not write (and fsync) the store,
# nor the server's, each time.
SUCCESS_GRAIN = timedelta(minutes=1)


class BusyElsewhere(SyncError):
    key = "sync.busy_elsewhere"


class FolderLock:
    """An exclusive lock on the data folder's sync, waited for up to `timeout` s."""

    def __init__(self, data_dir: Path, *, timeout: float = 60.0) -> None:
        self._path = data_dir / LOCK_FILENAME
        self._timeout = timeout
        self._fd: int | None = None

    def __enter__(self) -> FolderLock:
        fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + self._timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise BusyElsewhere() from None
                time.sleep(0.02)
        self._fd = fd
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _tb: TracebackType | None,
    ) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


@dataclass
class SyncReport:
    pushed: PushSummary = field(default_factory=PushSummary)
    pulled: int = 0
    kept_local: int = 0
    skipped: list[str] = field(default_factory=list)
    refetched: bool = False
    pending: int = 0
    set_aside: int = 0


def batch_key(ops: list[dict[str, object]]) -> str:
    """The Idempotency-Key of a batch: a digest of its body, so a retried batch keeps
    its key and a key never names two bodies."""
    body = json.dumps(ops, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(body.encode()).hexdigest()


def sync_once(
    store: Store,
    client: SyncClient,
    data_dir: Path,
    *,
    clock: Clock = utc_now,
    pull_limit: int = DEFAULT_PULL_LIMIT,
    lock_timeout: float = 60.0,
    probe: HealthProbe | None = None,
) -> SyncReport:
    """Push, pull, then (at most once a minute, and after a failed sync) send the
    kiosk's health report. `probe` reads the version, disk and backups (tests give
    their own)."""
    with FolderLock(data_dir, timeout=lock_timeout):
        with store.read() as session:
            before = sync_counts(session)
            has_code = bool(kiosk_code(session))
        report = SyncReport()
        try:
            if not has_code:
                _learn_kiosk_code(store, client)
            first_page = None
            if before.pending:
                # The push's answer brings the pull's first page with it (one request).
                first_page = push_outbox(
                    store, client, report, pull_from=before.cursor, pull_limit=pull_limit
                )
            _pull(
                store,
                client,
                pull_limit,
                report,
                data_dir=data_dir,
                cursor=before.cursor,
                first_page=first_page,
            )
        except SyncError as error:
            with store.write() as session:
                put_setting(session, LAST_ERROR, f"{error.key}|{error.detail}"[:500])
                put_setting(session, LAST_FAILURE, failure_mark(error.key, clock()))
            raise
        now = clock()
        after = before
        if report.pushed.total or report.pulled or report.kept_local or report.refetched:
            with store.read() as session:
                after = sync_counts(session)
        report.pending, report.set_aside = after.pending, after.set_aside
        last = after.last_success
        recent = last is not None and last <= now < last + SUCCESS_GRAIN
        if not recent or after.last_error is not None:
            send_health(store, client, data_dir, now=now, probe=probe)
            with store.write() as session:
                put_setting(session, LAST_SUCCESS, now.isoformat())
                put_setting(session, LAST_ERROR, None)
        pushed = report.pushed
        log.info(
            "sync: pushed %d applied, %d duplicate, %d rejected, %d conflict; pulled %d; "
            "pending %d, set aside %d",
            pushed.applied,
            pushed.duplicate,
            pushed.rejected,
            pushed.conflict,
            report.pulled,
            report.pending,
            report.set_aside,
        )
        return report


def _learn_kiosk_code(store: Store, client: SyncClient) -> None:
    """A kiosk enrolled before the server gave codes asks for its own (until it has one
    it takes no order)."""
    device = client.device()
    if device.code is not None:
        with store.write() as session:
            assign_kiosk_code(session, device.code)


def send_health(
    store: Store, client: SyncClient, data_dir: Path, *, now: datetime, probe: HealthProbe | None
) -> bool:
    """Send the kiosk's health report; whether the server took it. A report that does
    not go fails nothing: the orders went, and the next one follows within a minute."""
    try:
        with store.read() as session:
            report = build_health(session, data_dir, now=now, probe=probe)
    except ValueError:  # a version string outside the wire's shape: a bug to log
        log.exception("health report not built")
        return False
    try:
        client.post_health(report)
    except SyncError as error:
        log.info("health report not sent: %s", error.key)
        return False
    return True


def push_outbox(
    store: Store,
    client: SyncClient,
    report: SyncReport,
    *,
    pull_from: int | None = None,
    pull_limit: int = DEFAULT_PULL_LIMIT,
) -> PullResponse | None:
    """Push the outbox in batches, oldest first, until it is empty (but for the ops the
    server rejected in this run: they wait for the next one). With `pull_from`, the
    batch that empties the outbox asks for the pull's first page from that cursor:
    returned, when the server gave it."""
    after_seq = 0
    page = None
    while True:
        with store.read() as session:
            batch = next_batch(session, after_seq=after_seq)
        if not batch:
            return page
        ops = [op.wire for op in batch]
        last = len(batch) < MAX_BATCH_OPS  # (or cut at the size limit: a page comes early)
        answer = client.push(
            ops, batch_key(ops), pull_from=pull_from if last else None, pull_limit=pull_limit
        )
        with store.write() as session:
            report.pushed.add(record_push_results(session, answer.results))
        page = answer.pull or page
        after_seq = batch[-1].seq


def pull_only(
    store: Store, client: SyncClient, data_dir: Path, *, pull_limit: int = DEFAULT_PULL_LIMIT
) -> SyncReport:
    """Pull without pushing: a newly enrolled kiosk first takes the server's catalogue,
    so that orders placed before (demo data) name the server's services when pushed."""
    with FolderLock(data_dir):
        report = SyncReport()
        _pull(store, client, pull_limit, report, data_dir=data_dir)
        return report


def forget_erased(store: Store, data_dir: Path, erased: dict[uuid.UUID, list[str]]) -> None:
    """An erasure made at another kiosk has just been applied here: no file of this
    kiosk may keep the person (saved tickets show the address, an export holds all),
    nor the store's WAL, which still has the pages as they were."""
    for client_id, numbers in erased.items():
        forget_ticket_files(data_dir, numbers)
        forget_exports(data_dir / EXPORTS_FOLDER, client_id)
    empty_the_wal(store.engine)


def _pull(
    store: Store,
    client: SyncClient,
    pull_limit: int,
    report: SyncReport,
    *,
    data_dir: Path,
    cursor: int | None = None,
    first_page: PullResponse | None = None,
) -> None:
    """Pull pages until the server has no more; `cursor`, when the caller just read it,
    saves reading it again for the first page; `first_page`, the page from that cursor
    that came with the push, saves asking for it."""
    page = first_page
    while True:
        if cursor is None:
            with store.read() as session:
                cursor = read_cursor(session)
        if page is None:
            try:
                page = client.pull(cursor, pull_limit)
            except MustRefetch:
                if cursor == 0 or report.refetched:
                    raise
                # The server no longer knows our cursor: start again from its beginning.
                # Pending ops stay in the outbox; rows holding them are not overwritten.
                with store.write() as session:
                    put_setting(session, CURSOR, "0")
                report.refetched = True
                cursor = None
                continue
        if not page.changes and page.next_cursor == cursor:
            return  # nothing new: no write transaction at all
        with store.write() as session:
            applied = apply_page(session, page)
        if applied.erased:
            forget_erased(store, data_dir, applied.erased)
        report.pulled += applied.applied
        report.kept_local += applied.kept_local
        report.skipped.extend(applied.skipped)
        if not page.has_more:
            return
        cursor, page = None, None
