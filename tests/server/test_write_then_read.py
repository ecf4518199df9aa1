"""A write, then a read of what it committed (a push, then its first pull page): on
PostgreSQL in one trip to the server's thread pool, on SQLite after the group commit.
The read sees the write committed, from another transaction; a write that fails is
undone and nothing is read."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import anyio
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from server import database as database_module
from server.database import Database
from server.models import Counter

T = TypeVar("T")


def _value(db: Database, name: str) -> int | None:
    with db.read() as session:
        return session.scalar(select(Counter.value).where(Counter.name == name))


def test_the_read_sees_the_write_committed(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    trips: list[object] = []
    run_sync = database_module.to_thread.run_sync

    async def counted(work: Callable[..., T], *args: object) -> T:
        trips.append(work)
        return await run_sync(work, *args)

    monkeypatch.setattr(database_module.to_thread, "run_sync", counted)

    def write(session: Session) -> int:
        session.add(Counter(name="written", value=41))
        return 41

    def then(written: int) -> tuple[int, int | None]:
        return written + 1, _value(db, "written")

    assert anyio.run(db.run_write_then_async, write, then) == (42, 41)
    # PostgreSQL: the write and the read in one trip; SQLite: the write joined the
    # group commit's thread, the read took one.
    assert len(trips) == 1


def test_a_failed_write_is_undone_and_nothing_is_read(db: Database) -> None:
    read: list[int] = []

    def write(session: Session) -> int:
        session.add(Counter(name="undone", value=1))
        session.flush()
        raise LookupError("refused")

    with pytest.raises(LookupError):
        anyio.run(db.run_write_then_async, write, read.append)
    assert read == []
    assert _value(db, "undone") is None
