"""Opening the local store: one SQLite file in WAL mode with synchronous=FULL, migrated
to the current schema at start, refused untouched when a newer Comptoir wrote it or when
it cannot be used (see refusals.py). The folder and the files are the owner's only: the
store holds clients' names, phones and addresses."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from ..errors import StoreTooNew, StoreUnavailable
from .migrations import HEAD, MIGRATIONS_DIR
from .refusals import check_folder, refusal_for

if TYPE_CHECKING:
    from alembic.config import Config

STORE_FILENAME = "comptoir.sqlite3"
BUSY_TIMEOUT_MS = 5000
# SQLite creates the WAL and its index with the store's own mode, less the umask: the
# umask is set around the first connection (owner-only), the folder is chmod-ed.
OWNER_ONLY_UMASK = 0o077


def _configure_connection(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's implicit BEGIN
    # skips reads and cannot take the write lock up front); see SQLAlchemy's
    # "Serializable isolation / Savepoints / Transactional DDL" recipe for pysqlite.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # Deleted and rewritten rows are overwritten with zeros rather than left in free
    # pages: the outbox's sent ops and an erased client's old rows carry names, phones
    # and addresses (GDPR erasure promises no copy in the file). On every connection,
    # since pooled connections are reused and some builds default to off.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _begin(connection: Any) -> None:
    # Writers take the write lock at BEGIN (IMMEDIATE) so that two processes never
    # deadlock upgrading a read transaction; readers begin DEFERRED.
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


def create_store_engine(path: Path) -> Engine:
    # hide_parameters: an error's text never carries the values of a statement (names,
    # phones, addresses) into a log or a terminal.
    engine = create_engine(f"sqlite:///{path}", hide_parameters=True)
    event.listen(engine, "connect", _configure_connection)
    event.listen(engine, "begin", _begin)
    return engine


def store_revision(path: Path) -> str | None:
    """The store's schema revision, read with plain sqlite3: no Alembic on the fast path
    of a store that is already up to date."""
    if not path.exists():
        return None
    # closing(): sqlite3's own context manager commits but leaves the connection open.
    with closing(sqlite3.connect(path)) as conn:
        has_table = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def known_revisions() -> set[str]:
    """Every schema revision this Comptoir knows: its head and the older ones."""
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


def migrate(engine: Engine, path: Path) -> None:
    """Bring the store to the current schema, or refuse it if it is newer."""
    current = store_revision(path)
    if current == HEAD:
        return
    from alembic import command

    config = _alembic_config()
    if current is not None and current not in known_revisions():
        raise StoreTooNew(path=str(path), revision=current)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


class Store:
    """The local store of one data folder. Sessions come from `read()` and `write()`;
    each `write()` is one durable transaction."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine = create_store_engine(path)
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(
            self.engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False
        )

    @classmethod
    def open(cls, data_dir: Path) -> Store:
        """Open (creating or migrating) the store of `data_dir`; a folder or file that
        cannot be used is refused with a `StoreUnavailable`, and what this call made (a
        store that a full disk left half-created) is removed again."""
        check_folder(data_dir, STORE_FILENAME)
        path = data_dir / STORE_FILENAME
        created = not path.exists()
        store: Store | None = None
        previous = os.umask(OWNER_ONLY_UMASK)
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
            data_dir.chmod(0o700)
            store = cls(path)
            migrate(store.engine, store.path)
            _owner_only(path)
        except BaseException as error:
            if store is not None:
                store.close()
            if created:
                for leftover in (path, *sidecars(path)):
                    leftover.unlink(missing_ok=True)
            refusal = None if isinstance(error, StoreUnavailable) else refusal_for(error, data_dir)
            if refusal is not None:
                raise refusal from error
            raise
        finally:
            os.umask(previous)
        return store

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._writer() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def sidecars(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def _owner_only(path: Path) -> None:
    """The store and its WAL and index, readable by their owner only (stores made
    before this rule included)."""
    for file in (path, *sidecars(path)):
        if file.exists() and file.stat().st_mode & 0o077:
            file.chmod(0o600)
