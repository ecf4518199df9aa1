"""A push on PostgreSQL commits its changes to `changes_waiting`, then waits for a
numbering that began after its commit (server/changes.py): many writers at once, on
real connections, still give a log where every change is pulled exactly once and none
is left waiting; a change left waiting by a push that died is numbered by the next;
and a process's pushes share their numberings (`_Numbering`), one at a time."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import func, insert, select

from server.changes import _Numbering, pull, record_changes
from server.database import Database
from server.models import ChangeWaiting, Record
from sync.protocol import Entity

WRITERS, WRITES = 8, 12


def write_client(db: Database) -> uuid.UUID:
    client_id = uuid.uuid4()
    with db.write() as session:
        session.add(
            Record(
                entity=Entity.CLIENT.value,
                entity_id=client_id,
                data={"id": str(client_id)},
                updated_at=datetime.now(UTC),
            )
        )
        session.flush()
        record_changes(session, [(Entity.CLIENT.value, client_id, None)], at_commit=True)
    return client_id


def pulled_since(db: Database, cursor: int) -> tuple[list[uuid.UUID], int]:
    with db.read() as session:
        page = pull(session, cursor, 500)
    return [change.entity_id for change in page.changes], page.next_cursor


def test_many_writers_at_once_each_change_pulled_once_none_left_waiting(db: Database) -> None:
    _, start = pulled_since(db, 0)
    written: list[uuid.UUID] = []
    seen: list[uuid.UUID] = []
    lock = threading.Lock()
    writing = threading.Event()
    writing.set()

    def writer() -> None:
        for _ in range(WRITES):
            client_id = write_client(db)
            with lock:
                written.append(client_id)

    def reader() -> None:
        # Pulls all along: a cursor that stepped over a change not yet numbered (or not
        # yet committed) would never see it.
        cursor = start
        while True:
            still_writing = writing.is_set()
            got, cursor = pulled_since(db, cursor)
            seen.extend(got)
            if not still_writing and not got:
                return

    threads = [threading.Thread(target=writer) for _ in range(WRITERS)]
    following = threading.Thread(target=reader)
    following.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    writing.clear()
    following.join(120)
    assert len(written) == WRITERS * WRITES
    assert sorted(seen) == sorted(written)  # each once, none missed
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(ChangeWaiting)) == 0


def test_a_change_left_waiting_by_a_push_that_died_is_numbered_by_the_next(
    db: Database,
) -> None:
    _, cursor = pulled_since(db, 0)
    orphan = uuid.uuid4()
    with db.write() as session:  # committed, then its push died before numbering
        session.add(
            Record(
                entity=Entity.CLIENT.value,
                entity_id=orphan,
                data={"id": str(orphan)},
                updated_at=datetime.now(UTC),
            )
        )
        session.execute(
            insert(ChangeWaiting).values(entity=Entity.CLIENT.value, entity_id=orphan, scope=orphan)
        )
    got, _ = pulled_since(db, cursor)
    assert got == []  # not pullable while it waits
    later = write_client(db)
    got, _ = pulled_since(db, cursor)
    if db.dialect == "postgresql":
        assert got == [orphan, later]
    else:  # SQLite numbers in the transaction: nothing waits there
        assert got == [later]


def run_in_thread(target: Callable[[], None]) -> threading.Thread:
    thread = threading.Thread(target=target)
    thread.start()
    return thread


def test_a_push_committed_during_a_numbering_waits_for_the_next_one() -> None:
    numbering = _Numbering()
    began, release = threading.Event(), threading.Event()
    runs: list[str] = []

    def first() -> None:
        runs.append("first")
        began.set()
        release.wait(30)

    leader = run_in_thread(lambda: numbering.after_commit(first))
    assert began.wait(30)
    # Committed while the first numbering runs: that one's snapshot may predate it.
    follower = run_in_thread(lambda: numbering.after_commit(lambda: runs.append("second")))
    follower.join(0.3)
    assert follower.is_alive() and runs == ["first"]
    release.set()
    leader.join(30)
    follower.join(30)
    assert runs == ["first", "second"]


def test_pushes_waiting_together_share_one_numbering() -> None:
    numbering = _Numbering()
    began, release = threading.Event(), threading.Event()
    runs: list[str] = []

    def first() -> None:
        runs.append("first")
        began.set()
        release.wait(30)

    leader = run_in_thread(lambda: numbering.after_commit(first))
    assert began.wait(30)
    waiting = [
        run_in_thread(lambda: numbering.after_commit(lambda: runs.append("next"))) for _ in range(5)
    ]
    release.set()
    for thread in [leader, *waiting]:
        thread.join(30)
    assert runs == ["first", "next"]  # the five committed before it began: one for all


def test_a_failed_numbering_is_run_again_by_a_waiting_push() -> None:
    numbering = _Numbering()
    began, release = threading.Event(), threading.Event()
    runs: list[str] = []
    errors: list[Exception] = []

    def failing() -> None:
        began.set()
        release.wait(30)
        raise ConnectionError("the database went away")

    def leading() -> None:
        try:
            numbering.after_commit(failing)
        except ConnectionError as error:
            errors.append(error)

    leader = run_in_thread(leading)
    assert began.wait(30)
    follower = run_in_thread(lambda: numbering.after_commit(lambda: runs.append("again")))
    release.set()
    leader.join(30)
    follower.join(30)
    assert len(errors) == 1 and runs == ["again"]
