"""Why a data folder's store cannot be opened, said as a `StoreUnavailable` with its
message key, before SQLite writes anything: the window's "out of order" page, the
command line and the tests share these. The file itself is never touched: a damaged
store is evidence for whoever repairs it."""

from __future__ import annotations

import errno
import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import StoreUnavailable

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_BYTES = 100


def check_folder(data_dir: Path, store_name: str) -> None:
    """Refuse, before opening anything, a data folder the store cannot live in: a file
    in its place, a store file that is not SQLite or was cut short, a folder (or store)
    this user cannot write."""
    path = str(data_dir)
    if data_dir.exists() and not data_dir.is_dir():
        raise StoreUnavailable("store.not_a_folder", path=path)
    store = data_dir / store_name
    if store.exists():
        _check_header(store)
    if data_dir.is_dir() and not os.access(data_dir, os.W_OK | os.X_OK):
        raise StoreUnavailable("store.read_only", path=path)
    if store.exists() and not os.access(store, os.R_OK | os.W_OK):
        raise StoreUnavailable("store.read_only", path=path)


def _check_header(store: Path) -> None:
    """A SQLite file starts with its magic string; its header gives the page size and
    the page count, so a file shorter than that was cut short (a copy interrupted, a
    full disk during a backup). Reading 100 bytes costs nothing beside opening."""
    path = str(store)
    try:
        with store.open("rb") as f:
            header = f.read(HEADER_BYTES)
    except PermissionError as error:
        raise StoreUnavailable("store.read_only", path=str(store.parent)) from error
    if len(header) == 0:
        return  # an empty file is a store SQLite has not written yet
    if len(header) < HEADER_BYTES or not header.startswith(SQLITE_MAGIC):
        raise StoreUnavailable("store.corrupt", path=path)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The page count is valid when the change counter matches "version valid for".
    # A WAL left by a crash may hold what a checkpoint had not finished copying: SQLite
    # recovers it, so the file is judged short only without one.
    valid = header[24:28] == header[92:96]
    wal = store.with_name(store.name + "-wal")
    recovering = wal.exists() and wal.stat().st_size > 0
    if valid and pages and not recovering and store.stat().st_size < pages * page_size:
        raise StoreUnavailable("store.truncated", path=path)


def refusal_for(error: BaseException, data_dir: Path) -> StoreUnavailable | None:
    """The refusal that a SQLite or file-system error met while opening a store
    amounts to, or None when it is not one of those (a bug: let it rise)."""
    path = str(data_dir)
    cause: BaseException | None = error
    while cause is not None and not isinstance(cause, sqlite3.Error | OSError):
        cause = cause.__cause__ or getattr(cause, "orig", None)
    if isinstance(cause, OSError):
        if cause.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
            return StoreUnavailable("store.disk_full", path=path)
        if cause.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return StoreUnavailable("store.read_only", path=path)
        if cause.errno in (errno.ENOTDIR, errno.EEXIST):
            return StoreUnavailable("store.not_a_folder", path=path)
        return None
    if isinstance(cause, sqlite3.Error):
        code = getattr(cause, "sqlite_errorcode", 0) & 0xFF  # the primary result code
        if code in (sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR):
            return StoreUnavailable("store.disk_full", path=path)
        if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN):
            return StoreUnavailable("store.read_only", path=path)
        if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            return StoreUnavailable("store.corrupt", path=str(data_dir))
    return None


def association_phone(data_dir: Path, store_name: str) -> str:
    """The association's phone from the store's settings, for the "out of order" page,
    when the file can still be read; "" otherwise. Opened read-only and immutable:
    SQLite creates no journal beside it and writes nothing."""
    store = data_dir / store_name
    if not store.is_file():
        return ""
    try:
        uri = f"{store.resolve().as_uri()}?mode=ro&immutable=1"
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            row = conn.execute(
                "SELECT value FROM settings WHERE key = 'association_phone'"
            ).fetchone()
    except (sqlite3.Error, OSError, ValueError):
        return ""
    return str(row[0]).strip() if row and row[0] else ""


@dataclass(frozen=True)
class OutOfOrder:
    """What the kiosk's "out of order" page says, in both languages at once (nobody is
    there to pick one): what happened (a message key), that nothing was lost, whom to
    call (the association's phone when the store still tells it) and where the log is."""

    key: str
    params: dict[str, Any]
    phone: str
    log: str


def out_of_order(error: BaseException, data_dir: Path, store_name: str, log: Path) -> OutOfOrder:
    refusal = error if isinstance(error, StoreUnavailable) else refusal_for(error, data_dir)
    if refusal is None:
        refusal = StoreUnavailable(path=str(data_dir))
    return OutOfOrder(
        refusal.key, dict(refusal.params), association_phone(data_dir, store_name), str(log)
    )
