"""Restoring the store from a backup: `kiosk restore FILE`.

Refused while the kiosk runs (it holds the data folder's lock, `kiosk_lock`), and for a
file that is not a sound Comptoir store of this version or an older one; in each case
nothing is changed. Otherwise the current store is first kept aside, owner-only, as
`comptoir.sqlite3.before-restore-<UTC time>`, then replaced in one rename. A restored
store older than this Comptoir is migrated when the kiosk next opens it; its outbox is
sent again at the next sync, and the central server answers "duplicate" for what it
already has.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import uuid
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .backups import (
    copy_database,
    fsync_path,
    integrity_ok,
    is_file,
    new_private_file,
    same_owner,
    shown_path,
    unreadable,
)
from .errors import (
    BackupDamaged,
    BackupFileMissing,
    BackupTooNew,
    NotAComptoirStore,
    RestoreNotWritten,
)
from .kiosk_lock import KioskLock
from .store.database import STORE_FILENAME, known_revisions, store_revision

# Tables that only a kiosk's store has (the central server's SQLite has an
# alembic_version too, at revisions that a kiosk's also uses).
KIOSK_TABLES = frozenset({"outbox", "number_series", "print_jobs", "settings"})


@dataclass(frozen=True, slots=True)
class Restored:
    store: Path
    previous: Path | None  # where the store that was replaced is kept, if there was one


def restore(data_dir: Path, backup: Path, *, now: datetime) -> Restored:
    if not is_file(backup):
        raise BackupFileMissing(path=shown_path(backup))
    store = data_dir / STORE_FILENAME
    try:
        lock = KioskLock.acquire(data_dir)
    except OSError as error:
        raise RestoreNotWritten(data_dir=shown_path(data_dir)) from error
    with lock:
        candidate = data_dir / f".restore-{uuid.uuid4().hex}.sqlite3"
        try:
            new_private_file(candidate)
            _copy_checked(backup, candidate)
            previous = _keep_aside(store, data_dir, now) if store.exists() else None
            for sidecar in ("-wal", "-shm", "-journal"):
                # The replaced store's own: applied to the restored one they would ruin it.
                Path(f"{store}{sidecar}").unlink(missing_ok=True)
            fsync_path(candidate)
            same_owner(candidate, data_dir)
            candidate.replace(store)
            fsync_path(data_dir)
        except OSError as error:
            raise RestoreNotWritten(data_dir=shown_path(data_dir)) from error
        finally:
            with contextlib.suppress(OSError):
                candidate.unlink(missing_ok=True)
    return Restored(store, previous)


def _copy_checked(backup: Path, candidate: Path) -> None:
    """Copy `backup` into `candidate` (SQLite's backup API: a store copied off a kiosk
    with its -wal beside it comes whole) and check it; `backup` itself is only read."""
    try:
        copy_database(backup, candidate)
    except sqlite3.DatabaseError as error:
        if not unreadable(error):
            raise RestoreNotWritten(data_dir=shown_path(candidate.parent)) from error
        if error.sqlite_errorcode == sqlite3.SQLITE_CORRUPT:
            raise BackupDamaged(path=shown_path(backup)) from error
        raise NotAComptoirStore(path=shown_path(backup)) from error
    try:
        sound = integrity_ok(candidate)
    except sqlite3.DatabaseError:
        sound = False
    if not sound:
        raise BackupDamaged(path=shown_path(backup))
    with closing(sqlite3.connect(candidate)) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    revision = store_revision(candidate)
    if revision is None or not KIOSK_TABLES.issubset(tables):
        raise NotAComptoirStore(path=shown_path(backup))
    if revision not in known_revisions():
        raise BackupTooNew(path=shown_path(backup))


def _keep_aside(store: Path, data_dir: Path, now: datetime) -> Path:
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = data_dir / f"{STORE_FILENAME}.before-restore-{stamp}"
    if aside.exists():  # two restores in one second: the first one's stays
        aside = aside.with_name(f"{aside.name}-{uuid.uuid4().hex[:8]}")
    new_private_file(aside)
    try:
        try:
            copy_database(store, aside)  # with what the store's WAL still held
        except sqlite3.DatabaseError:
            # The store is damaged (the reason for restoring, perhaps): keep its bytes,
            # and its WAL's. No kiosk runs (the lock is ours): nothing writes to them.
            shutil.copyfile(store, aside)
            wal = Path(f"{store}-wal")
            if wal.exists():
                shutil.copyfile(wal, f"{aside}-wal")
                Path(f"{aside}-wal").chmod(0o600)
        fsync_path(aside)
        same_owner(aside, data_dir)
    except BaseException:
        aside.unlink(missing_ok=True)
        raise
    return aside
