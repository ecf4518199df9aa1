"""Opening the server's database: SQLite (WAL, synchronous=FULL) in the data folder by
default, PostgreSQL (psycopg 3) from a URL; migrated with Alembic at start."""

from __future__ import annotations

import asyncio
import queue
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from pathlib import Path
from typing import Any, TypeVar

from anyio import to_thread
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
DATABASE_FILENAME = "central.sqlite3"
# Set in a session's `info` by a write that erased a person (push.patch_client): once
# committed, SQLite's WAL is folded into the file and emptied (see Database.write).
ERASED = "comptoir.erased"
# A PostgreSQL write may hand its last statements to its commit: `write()` marks its
# session COMMITS_LAST, and runs the callable a writer put in AT_COMMIT instead of a
# plain COMMIT (it must commit). The change log's numbering goes that way (changes.py).
COMMITS_LAST = "comptoir.commits_last"
AT_COMMIT = "comptoir.at_commit"


def sqlite_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / DATABASE_FILENAME}"


def normalise_url(url: str) -> str:
    # "postgresql://" alone would pick psycopg2; the server is built on psycopg 3.
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _configure_sqlite(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # The driver issues no BEGIN of its own: `_begin` does, in the mode each use needs
    # (SQLAlchemy's pysqlite recipe, with BEGIN sent by us instead of by a "begin"
    # event: any engine event makes SQLAlchemy dispatch events around every statement,
    # about a tenth of a push's time on the server).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    # Deleted and overwritten bytes are zeroed, not left in free space: an erased
    # client's name and address leave the file (with the WAL emptied after an erasure).
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def _configure_postgresql(dbapi_connection: Any, _record: Any) -> None:
    # No JIT compilation: the server's statements are short, and a plan whose estimate
    # crosses jit_above_cost (stale statistics after a burst of pushes) was seen paying
    # 7.5 ms of compilation for a 1 ms statement.
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET jit = off")
    dbapi_connection.commit()


def _begin(session: Session, mode: str) -> None:
    """Begin the session's transaction on SQLite; writers take the lock at BEGIN
    (IMMEDIATE): no deadlock upgrading a read transaction."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"BEGIN {mode}")


def create_server_engine(url: str) -> Engine:
    url = normalise_url(url)
    # hide_parameters: an error in the log never quotes a statement's values (people).
    if url.startswith("sqlite"):
        engine = create_engine(url, pool_size=20, max_overflow=40, hide_parameters=True)
        event.listen(engine, "connect", _configure_sqlite)
        return engine
    engine = create_engine(
        url, pool_size=20, max_overflow=40, pool_pre_ping=True, hide_parameters=True
    )
    event.listen(engine, "connect", _configure_postgresql)
    return engine


def migrate(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN")  # see _configure_sqlite
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


T = TypeVar("T")
U = TypeVar("U")


class _Job:
    def __init__(
        self, work: Callable[[Session], Any], on_done: Callable[[_Job], None] | None = None
    ) -> None:
        self.work = work
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = threading.Event()
        self.on_done = on_done


class GroupCommit:
    """One writer thread for SQLite that commits the writes waiting together as one
    transaction: a durable commit (fsync, synchronous=FULL) costs milliseconds, and
    fifty kiosks pushing at once would otherwise queue for one each. Every write runs
    in its own savepoint: one that fails is rolled back alone and its caller gets the
    error; if the commit itself fails, every caller of the group gets it (and nothing
    of the group was committed)."""

    MAX_GROUP = 64

    def __init__(self, begin: Callable[[], AbstractContextManager[Session]]) -> None:
        self._begin = begin
        self._queue: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()

    def run(self, work: Callable[[Session], T]) -> T:
        job = self._submit(_Job(work))
        job.done.wait()
        result: T = _outcome(job)
        return result

    async def run_async(self, work: Callable[[Session], T]) -> T:
        """`run` for a coroutine: it waits without holding a thread of the server's
        pool (fifty kiosks waiting on one commit would otherwise hold fifty threads,
        each woken in turn to hand back an answer)."""
        loop = asyncio.get_running_loop()
        finished: asyncio.Future[_Job] = loop.create_future()

        def settle(job: _Job) -> None:
            if not finished.done():  # the request may have been cancelled meanwhile
                finished.set_result(job)

        def hand_back(job: _Job) -> None:  # on the writer thread
            with suppress(RuntimeError):  # the loop is closed: the server stopped
                loop.call_soon_threadsafe(settle, job)

        self._submit(_Job(work, hand_back))
        result: T = _outcome(await finished)
        return result

    def _submit(self, job: _Job) -> _Job:
        with self._start_lock:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._loop, name="comptoir-server-writer", daemon=True
                )
                self._thread.start()
        self._queue.put(job)
        return job

    def stop(self) -> None:
        with self._start_lock:
            if self._thread is not None:
                self._queue.put(None)
                self._thread.join(30)
                self._thread = None

    def _loop(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            group = [job]
            stopping = False
            while len(group) < self.MAX_GROUP:
                try:
                    more = self._queue.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    stopping = True
                    break
                group.append(more)
            self._commit(group)
            if stopping:
                return

    def _commit(self, group: list[_Job]) -> None:
        try:
            with self._begin() as session:
                for job in group:
                    try:
                        with session.begin_nested():
                            job.result = job.work(session)
                    except Exception as error:  # this write alone is undone
                        job.error = error
        except BaseException as error:  # the commit failed: nothing of the group is kept
            for job in group:
                if job.error is None:
                    job.error, job.result = error, None
            if not isinstance(error, Exception):
                raise
        finally:
            for job in group:
                job.done.set()
                if job.on_done is not None:
                    job.on_done(job)


def _outcome(job: _Job) -> Any:
    if job.error is not None:
        raise job.error
    return job.result


class Database:
    """Sessions over the server's database; each `write()` is one transaction."""

    def __init__(self, url: str) -> None:
        self.engine = create_server_engine(url)
        self.dialect = self.engine.dialect.name
        self._write_lock = threading.Lock() if self.dialect == "sqlite" else None
        self._group = GroupCommit(self.write) if self.dialect == "sqlite" else None
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str) -> Database:
        database = cls(url)
        try:
            migrate(database.engine)
        except BaseException:
            database.close()
            raise
        return database

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessions() as session, session.begin():
            _begin(session, "DEFERRED")
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        if self._write_lock is None:
            with self._sessions() as session, session.begin():
                session.info[COMMITS_LAST] = True
                yield session
                last = session.info.pop(AT_COMMIT, None)
                if last is not None:
                    session.flush()
                    last(session)  # committed: SQLAlchemy's COMMIT then finds none to end
            return
        # SQLite has one writer at a time; its busy handler makes the others poll with
        # sleeps of up to 100 ms. Queueing the server's own writers on a lock instead
        # hands the file over at once, in arrival order.
        with self._write_lock:
            with self._sessions() as session:
                with session.begin():
                    _begin(session, "IMMEDIATE")
                    yield session
                erased = session.info.pop(ERASED, False)
            if erased:
                self.empty_the_wal()

    def empty_the_wal(self) -> None:
        """After an erasure: the WAL still holds the pages as they were (the name, the
        phone, the address) until a checkpoint; fold it into the file and truncate it.
        Readers in progress are waited for (the busy timeout)."""
        with self.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def run_write(self, work: Callable[[Session], T]) -> T:
        """`work(session)` in a write transaction, committed when it returns; on SQLite
        with the writes waiting beside it (see GroupCommit)."""
        if self._group is not None:
            return self._group.run(work)
        with self.write() as session:
            return work(session)

    async def run_write_async(self, work: Callable[[Session], T]) -> T:
        """`run_write` from a coroutine: on SQLite it joins the group commit without
        taking a thread; elsewhere it runs on the server's thread pool."""
        if self._group is not None:
            return await self._group.run_async(work)
        return await to_thread.run_sync(self.run_write, work)

    async def run_write_then_async(self, work: Callable[[Session], T], then: Callable[[T], U]) -> U:
        """`run_write_async(work)`, then `then(result)` once it is committed (a read in
        transactions of its own). On PostgreSQL both run in one trip to the thread pool:
        under load a request waits there for a thread, and a second trip (a push then
        its first pull page) made it wait twice."""
        if self._group is not None:
            written = await self._group.run_async(work)
            return await to_thread.run_sync(then, written)
        return await to_thread.run_sync(lambda: then(self.run_write(work)))

    def close(self) -> None:
        if self._group is not None:
            self._group.stop()
        self.engine.dispose()
