"""SQLite's group commit: writes waiting together share one durable commit, and one
that fails is undone alone (its caller gets the error; the others are kept)."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.orm import Session
from sync_harness import server_rows

from server.database import Database, sqlite_url
from server.models import Record


def add_visit(visit_id: uuid.UUID, *, fail: bool = False) -> Callable[[Session], uuid.UUID]:
    def work(session: Session) -> uuid.UUID:
        session.add(
            Record(
                entity="visit",
                entity_id=visit_id,
                data={"id": str(visit_id)},
                updated_at=datetime.now(UTC),
            )
        )
        session.flush()
        if fail:
            raise ValueError("this one is refused")
        return visit_id

    return work


def test_one_failing_write_in_a_group_is_undone_alone(tmp_path: Path) -> None:
    db = Database.open(sqlite_url(tmp_path))
    assert db._group is not None
    try:
        started, release = threading.Event(), threading.Event()

        def blocker(session: Session) -> None:
            started.set()
            release.wait(30)  # holds the writer while the others queue behind it

        first = threading.Thread(target=db.run_write, args=(blocker,))
        first.start()
        assert started.wait(30)
        ids = [uuid.uuid4() for _ in range(3)]
        outcomes: dict[int, object] = {}

        def submit(n: int) -> None:
            try:
                outcomes[n] = db.run_write(add_visit(ids[n], fail=n == 1))
            except ValueError as error:
                outcomes[n] = error

        waiting = [threading.Thread(target=submit, args=(n,)) for n in range(3)]
        for thread in waiting:
            thread.start()
        deadline = time.monotonic() + 30
        while db._group._queue.qsize() < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert db._group._queue.qsize() == 3  # all three wait: they will share a commit
        release.set()
        for thread in [first, *waiting]:
            thread.join(30)
        assert outcomes[0] == ids[0] and outcomes[2] == ids[2]
        assert isinstance(outcomes[1], ValueError)
        assert set(server_rows(db, "visit")) == {str(ids[0]), str(ids[2])}
    finally:
        db.close()


def test_a_write_that_fails_alone_leaves_nothing(tmp_path: Path) -> None:
    db = Database.open(sqlite_url(tmp_path))
    try:
        with pytest.raises(ValueError):
            db.run_write(add_visit(uuid.uuid4(), fail=True))
        assert server_rows(db, "visit") == {}
    finally:
        db.close()
