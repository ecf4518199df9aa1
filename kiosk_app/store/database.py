"""Opening the local store: one SQLite file in WAL mode with synchronous=FULL, migrated
to the current schema at start, refused untouched when a newer Comptoir wrote it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from ..errors import StoreTooNew
from .migrations import HEAD, MIGRATIONS_DIR

if TYPE_CHECKING:
    from alembic.config import Config

STORE_FILENAME = "comptoir.sqlite3"
BUSY_TIMEOUT_MS = 5000


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
    engine = create_engine(f"sqlite:///{path}")
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
        data_dir.mkdir(parents=True, exist_ok=True)
        store = cls(data_dir / STORE_FILENAME)
        try:
            migrate(store.engine, store.path)
        except BaseException:
            store.close()
            raise
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
