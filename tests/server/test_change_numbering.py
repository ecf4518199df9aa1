"""A push on PostgreSQL commits its changes to `changes_waiting`, then waits for a
numbering that began after its commit (server/changes.py): many writers at once, on
real connections, still give a log where every change is pulled exactly once and none
is left waiting; a change left waiting by a push that died is numbered by the next;
and a process's pushes share their numberings (`_Numbering`), one at a time."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable

from sqlalchemy import func, insert, select
from test_change_log import add_client

from server.changes import _Numbering, pull, record_changes
from server.database import Database
from server.models import ChangeWaiting
from sync.protocol import Entity

WRITERS, WRITES = 8, 12


def write_client(db: Database) -> uuid.UUID:
    with db.write() as session:
        client_id = add_client(session)
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
    with db.write() as session:  # committed, then its push died before numbering
        orphan = add_client(session)
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


class FirstNumbering:
    """A process's numberings, the first of them begun and held until `finish()` (then
    failing, with `fails`); `runs` notes the numberings run, `errors` the leader's."""

    def __init__(self, *, fails: bool = False) -> None:
        self.numbering = _Numbering()
        self.runs: list[str] = []
        self.errors: list[Exception] = []
        began, self._release = threading.Event(), threading.Event()

        def first() -> None:
            if not fails:
                self.runs.append("first")
            began.set()
            self._release.wait(30)
            if fails:
                raise ConnectionError("the database went away")

        def lead() -> None:
            try:
                self.numbering.after_commit(first)
            except ConnectionError as error:
                self.errors.append(error)

        self._leader = run_in_thread(lead)
        assert began.wait(30)

    def push_committed(self, name: str) -> threading.Thread:
        """A push committed now, waiting for its numbering (noted as `name`)."""
        return run_in_thread(lambda: self.numbering.after_commit(lambda: self.runs.append(name)))

    def finish(self, *pushes: threading.Thread) -> None:
        self._release.set()
        for thread in [self._leader, *pushes]:
            thread.join(30)


def test_a_push_committed_during_a_numbering_waits_for_the_next_one() -> None:
    first = FirstNumbering()
    # Committed while the first numbering runs: that one's snapshot may predate it.
    follower = first.push_committed("second")
    follower.join(0.3)
    assert follower.is_alive() and first.runs == ["first"]
    first.finish(follower)
    assert first.runs == ["first", "second"]


def test_pushes_waiting_together_share_one_numbering() -> None:
    first = FirstNumbering()
    waiting = [first.push_committed("next") for _ in range(5)]
    first.finish(*waiting)
    assert first.runs == ["first", "next"]  # the five committed before it began: one for all


def test_a_failed_numbering_is_run_again_by_a_waiting_push() -> None:
    first = FirstNumbering(fails=True)
    follower = first.push_committed("again")
    first.finish(follower)
    assert len(first.errors) == 1 and first.runs == ["again"]
