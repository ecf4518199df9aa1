"""Backups of the store, in `DIR/backups/`: online copies through SQLite's backup API
(never a file copy of a live database: a copy taken while the kiosk writes, or that
misses the WAL, can be torn), kept by rotation, readable by the kiosk's user only.

A backup is one self-contained SQLite file (rollback journal, no -wal beside it),
checked with `PRAGMA integrity_check` before it takes its name:
`comptoir-<kiosk code>-<UTC time>.sqlite3`. It is written under a temporary name and
renamed, so a backup that has its name is whole. Names carry the kiosk's code: copied
off the machine beside other kiosks' backups, each says whose it is.

Rotation keeps the newest backup of each of the 7 most recent days that have one and the
newest of each of the 4 most recent ISO weeks (days and weeks in Paris time), and
deletes the rest. The time comes from the core's clock (`Comptoir.clock`).
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import uuid
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .clock import to_paris
from .errors import BackupDamaged, BackupNotWritten, NoStoreToBackUp
from .store.database import BUSY_TIMEOUT_MS, STORE_FILENAME

if TYPE_CHECKING:
    from .comptoir import Comptoir

BACKUPS_DIRNAME = "backups"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
_STAMP = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(r"^comptoir-(?P<kiosk>[0-9A-Za-z]{1,16})-(?P<stamp>\d{8}T\d{6}Z)\.sqlite3$")


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    taken_at: datetime  # aware, UTC


def shown_path(path: Path | str, *, limit: int = 160) -> str:
    """A path as a message shows it: on one line, and cut short when a huge paste was
    typed in its place."""
    text = str(path)
    if not text.isprintable():
        text = text.encode("unicode_escape").decode("ascii")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def is_file(path: Path) -> bool:
    """Path.is_file, False for a name the system cannot even look up (too long)."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def backups_dir(data_dir: Path) -> Path:
    return data_dir / BACKUPS_DIRNAME


def backup_name(kiosk_code: str, taken_at: datetime) -> str:
    code = re.sub(r"[^0-9A-Za-z]", "", kiosk_code)[:16] or "kiosk"
    return f"comptoir-{code}-{taken_at.astimezone(UTC).strftime(_STAMP)}.sqlite3"


def list_backups(data_dir: Path) -> list[Backup]:
    """The backups of `data_dir`, newest first. Other files in the folder are ignored."""
    folder = backups_dir(data_dir)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match and path.is_file():
            taken_at = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
            found.append(Backup(path, taken_at))
    return sorted(found, key=lambda backup: (backup.taken_at, backup.path.name), reverse=True)


def latest_backup(data_dir: Path) -> datetime | None:
    """When the newest backup of `data_dir` was taken (aware UTC), or None: what the
    kiosk's health report tells the central server."""
    backups = list_backups(data_dir)
    return backups[0].taken_at if backups else None


def private_dir(folder: Path, *, owner_of: Path) -> Path:
    """`folder`, created if needed, readable by its owner only (0700)."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder.chmod(0o700)
    same_owner(folder, owner_of)
    return folder


def new_private_file(path: Path) -> None:
    """Create `path`, empty, readable by its owner only (0600), before SQLite opens it:
    a file SQLite creates follows the umask."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600))


def same_owner(path: Path, owner_of: Path) -> None:
    """Run as root (`sudo kiosk backup`), give what is written the data folder's owner,
    or the kiosk's own user could no longer read its backups or open a restored store."""
    if os.geteuid() != 0:
        return
    owner = owner_of.stat()
    os.chown(path, owner.st_uid, owner.st_gid)


def fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def copy_database(source: Path, target: Path) -> None:
    """Copy the database `source` into the new, empty file `target` with SQLite's backup
    API, in one step (one read transaction: a consistent snapshot, while the kiosk's
    writers go on, WAL allowing), and make `target` a self-contained file. Raises
    sqlite3.DatabaseError if `source` is not a database."""
    with (
        closing(sqlite3.connect(source, timeout=BUSY_TIMEOUT_MS / 1000)) as reader,
        closing(sqlite3.connect(target)) as writer,
    ):
        reader.backup(writer)
        # The copy's header says WAL, as the live store's does: a backup is one file.
        writer.execute("PRAGMA journal_mode=DELETE")


def unreadable(error: sqlite3.DatabaseError) -> bool:
    """The file read is damaged or not a database (rather than: the disk is full)."""
    code = getattr(error, "sqlite_errorcode", None)
    return code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def integrity_ok(path: Path) -> bool:
    with closing(sqlite3.connect(path)) as conn:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    return rows == [("ok",)]


def take_backup(data_dir: Path, *, taken_at: datetime, kiosk_code: str) -> Backup:
    """One backup of `data_dir`'s store, now; the rotation is `rotate`'s."""
    store = data_dir / STORE_FILENAME
    if not is_file(store):
        raise NoStoreToBackUp(data_dir=shown_path(data_dir))
    folder = backups_dir(data_dir)
    final = folder / backup_name(kiosk_code, taken_at)
    partial = folder / f".{final.name}.{uuid.uuid4().hex}.partial"
    try:
        private_dir(folder, owner_of=data_dir)
        new_private_file(partial)
        copy_database(store, partial)
        if not integrity_ok(partial):
            raise BackupDamaged(path=shown_path(store))
        fsync_path(partial)
        same_owner(partial, data_dir)
        partial.replace(final)  # a second backup in the same second replaces the first
        fsync_path(folder)
    except sqlite3.DatabaseError as error:
        if unreadable(error):
            raise BackupDamaged(path=shown_path(store)) from error
        raise BackupNotWritten(folder=shown_path(folder)) from error
    except OSError as error:
        raise BackupNotWritten(folder=shown_path(folder)) from error
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    return Backup(final, taken_at.astimezone(UTC).replace(microsecond=0))


def to_keep(backups: Iterable[Backup]) -> set[Path]:
    """The newest backup of each of the KEEP_DAILY most recent days, and of each of the
    KEEP_WEEKLY most recent ISO weeks (Paris time), among `backups`."""
    newest_by_day: dict[date, Backup] = {}
    newest_by_week: dict[tuple[int, int], Backup] = {}
    for backup in sorted(backups, key=lambda b: b.taken_at, reverse=True):
        local = to_paris(backup.taken_at).date()
        newest_by_day.setdefault(local, backup)
        year, week, _ = local.isocalendar()
        newest_by_week.setdefault((year, week), backup)
    days = sorted(newest_by_day, reverse=True)[:KEEP_DAILY]
    weeks = sorted(newest_by_week, reverse=True)[:KEEP_WEEKLY]
    return {newest_by_day[day].path for day in days} | {newest_by_week[week].path for week in weeks}


def rotate(data_dir: Path) -> list[Path]:
    """Delete the backups that `to_keep` does not keep; return what was deleted."""
    backups = list_backups(data_dir)
    keep = to_keep(backups)
    deleted = []
    for backup in backups:
        if backup.path not in keep:
            with contextlib.suppress(FileNotFoundError):
                backup.path.unlink()
            deleted.append(backup.path)
    return deleted


def back_up(comptoir: Comptoir) -> Backup:
    """A backup of the kiosk's store at the core's time, then the rotation: what the
    nightly worker and `kiosk backup` do."""
    data_dir = comptoir.store.path.parent
    backup = take_backup(
        data_dir, taken_at=comptoir.clock(), kiosk_code=comptoir.settings.get().kiosk_code
    )
    rotate(data_dir)
    return backup
