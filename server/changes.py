"""The change log that pull cursors follow.

A cursor is a number the server assigns, never a time. On PostgreSQL a sequence hands
out numbers in the order transactions ask, not the order they commit: a reader could
see number 12 committed while 11 is still in flight, move its cursor to 12 and never
see 11. So every writer numbers its changes last, under one transaction-scoped advisory
lock held until its commit: numbers are then taken in commit order and a cursor can
never pass a change that is not visible yet. SQLite has a single writer at a time
(BEGIN IMMEDIATE), so its order is the commit order already.

That lock is the one place where every writer of every server process would wait in
turn, each for its own commit (its WAL flush, then the next writer's wake-up). So a push
on PostgreSQL (`record_changes(..., at_commit=True)`) commits its changes to
`changes_waiting` without the lock, and the same round trip (psycopg's pipeline) then
numbers, under the lock, every waiting change committed by then, its own and those of
the pushes beside it: one numbering for many commits, never a lock held while this
process waits for Python's GIL between statements. A change always gets its number
before its push is answered (by its own numbering, or by one that began after it).
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    Subquery,
    Text,
    and_,
    bindparam,
    cast,
    delete,
    func,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from sync.protocol import Entity, PullResponse

from .database import AT_COMMIT, COMMITS_LAST
from .models import Base, Change, Counter, Record
from .readers import Changed, change_rows, scope_id
from .scopes import Pulled

# What kiosks pull: the catalogue and Lulus' public profiles (decided here), clients,
# orders, payments and ratings. Visits, applications and onboarding files only go up.
PULLED = frozenset(
    {
        Entity.CATEGORY,
        Entity.SERVICE,
        Entity.LULU,
        Entity.CLIENT,
        Entity.ORDER,
        Entity.PAYMENT,
        Entity.RATING,
        Entity.TO_RESOLVE,
    }
)
PULLED_NAMES = frozenset(entity.value for entity in PULLED)
CHANGE_LOG_LOCK = 0x636F6D70  # "comp": any constant shared by every writer
FLOOR = "change_log_floor"

Key = tuple[str, uuid.UUID]

# Built once: a statement built per call costs more than SQLite's work (see writer.py).
NEW_CHANGES = Change.metadata.tables[Change.__tablename__].insert()


class CursorUnknown(Exception):
    """A cursor below what the log still holds, or beyond what it ever held."""


# PostgreSQL's log rows: one per reader of each change's record (readers.py), read
# from record_access by the statement that writes them. Its snapshot is taken when it
# starts, after the lock: a grant committed by a transaction numbered before this one
# is seen (its kiosk gets this change too); one committed after logs the record again
# for its kiosk, after this change. (psycopg's placeholders: run as is or by the driver.)
_LOCK_SQL = "SELECT pg_advisory_xact_lock(%(key)s)"
_UNNEST = """unnest(%(entities)s::varchar[], %(ids)s::uuid[], %(scopes)s::uuid[])
    WITH ORDINALITY AS c(entity, entity_id, scope, n)"""
# Each change's readers by the record_access index, one look-up per change, in the
# order given: a join would be planned from the tables' statistics, which a burst of
# pushes leaves stale (a merge join over the whole of record_access, 16 ms a numbering,
# was seen after 20,000 pushed ops).
_READERS = """unnest(coalesce(
    (SELECT array_agg(a.device_id ORDER BY a.device_id) FROM record_access AS a
     WHERE a.entity_id = c.scope),
    ARRAY[NULL]::integer[]))"""
_LOG_SQL = f"""
INSERT INTO changes (entity, entity_id, reader)
SELECT c.entity, c.entity_id, {_READERS}
FROM (SELECT * FROM {_UNNEST} ORDER BY n) AS c
"""
_WAIT_SQL = f"""
INSERT INTO changes_waiting (entity, entity_id, scope)
SELECT c.entity, c.entity_id, c.scope FROM {_UNNEST} ORDER BY c.n
"""
_NUMBER_WAITING_SQL = f"""
WITH waiting AS (DELETE FROM changes_waiting RETURNING id, entity, entity_id, scope)
INSERT INTO changes (entity, entity_id, reader)
SELECT c.entity, c.entity_id, {_READERS}
FROM (SELECT * FROM waiting ORDER BY id) AS c
"""
_WAITING = "comptoir.changes_waiting"


def record_changes(
    session: Session, changed: Iterable[Changed], *, at_commit: bool = False
) -> None:
    """Number the changes of this transaction, one row per reader (readers.py); call
    it last, just before commit (its access rows written). `at_commit`: within a
    `Database.write` on PostgreSQL, numbered with others' after the commit (above)."""
    pulled = [c for c in dict.fromkeys(changed) if c[0] in PULLED_NAMES]
    if not pulled:
        return
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        connection.execute(NEW_CHANGES, change_rows(connection, pulled))
        return
    if at_commit and session.info.get(COMMITS_LAST):
        waiting: list[Changed] = session.info.setdefault(_WAITING, [])
        waiting.extend(pulled)
        session.info[AT_COMMIT] = _commit_then_number
        return
    connection.exec_driver_sql(_LOCK_SQL, {"key": CHANGE_LOG_LOCK})
    connection.exec_driver_sql(_LOG_SQL, _log_parameters(pulled))


def _log_parameters(pulled: list[Changed]) -> dict[str, Any]:
    return {
        "entities": [entity for entity, _, _ in pulled],
        "ids": [entity_id for _, entity_id, _ in pulled],
        "scopes": [scope_id(*change) for change in pulled],
    }


def _commit_then_number(session: Session) -> None:
    """This transaction's changes to `changes_waiting` and its COMMIT in one round trip
    (psycopg's pipeline), then a numbering that began after that commit (_Numbering)."""
    pulled: list[Changed] = list(dict.fromkeys(session.info.pop(_WAITING)))
    driver = session.connection().connection.driver_connection
    assert driver is not None
    with driver.pipeline():
        driver.execute(_WAIT_SQL, _log_parameters(pulled))
        driver.commit()

    def number_waiting() -> None:
        # Numbered rows commit in the lock's order: cursors stay gapless.
        with driver.pipeline():
            driver.execute(_LOCK_SQL, {"key": CHANGE_LOG_LOCK})
            driver.execute(_NUMBER_WAITING_SQL)
            driver.commit()

    _NUMBERING.after_commit(number_waiting)


class _Numbering:
    """A process's pushes share their numberings, as a group commit shares a flush:
    each waits for a numbering that began after its commit, run by the first of them
    while the others wait (so at most one of this process's connections waits for the
    log's lock, instead of one per push, each waking the next in turn)."""

    def __init__(self) -> None:
        self._turn = threading.Condition()
        self._begun = 0  # numberings begun, and finished, in this process
        self._finished = 0
        self._running = False

    def after_commit(self, number: Callable[[], None]) -> None:
        with self._turn:
            wanted = self._begun + 1  # the first to begin after this commit
            while self._finished < wanted:
                if not self._running:
                    self._running = True
                    self._begun += 1
                    mine = self._begun
                    break
                self._turn.wait()
            else:
                return  # numbered by another push's numbering
        done = False
        try:
            number()
            done = True
        finally:
            with self._turn:
                self._running = False
                if done:  # (else a waiting push runs the next one itself)
                    self._finished = mine
                self._turn.notify_all()


_NUMBERING = _Numbering()


def log_floor(session: Session) -> int:
    return session.scalar(select(Counter.value).where(Counter.name == FLOOR)) or 0


_CHANGES, _RECORDS, _COUNTERS = (
    Base.metadata.tables[model.__tablename__] for model in (Change, Record, Counter)
)
# Built once, like the push's statements (writer.py): an empty pull is two of them.
_LOG_BOUNDS = select(
    func.max(_CHANGES.c.seq),
    select(_COUNTERS.c.value).where(_COUNTERS.c.name == FLOOR).scalar_subquery(),
)


# The page's window of the log first (a range of its key), then each change's record by
# the records' key: joined before the limit, PostgreSQL may hash the whole records table
# for every page (it did, on a log whose statistics were not gathered yet).
def _window(*where: ColumnElement[bool]) -> Select[tuple[int, str, uuid.UUID]]:
    return (
        select(_CHANGES.c.seq, _CHANGES.c.entity, _CHANGES.c.entity_id)
        .where(_CHANGES.c.seq > bindparam("cursor"), *where)
        .order_by(_CHANGES.c.seq)
        .limit(bindparam("rows"))
    )


def _with_records(window: Subquery) -> Select[Any]:
    return (
        select(
            window.c.seq,
            _RECORDS.c.entity,
            _RECORDS.c.entity_id,
            _RECORDS.c.version,
            # As text: parsed only for the changes the caller keeps (scopes.Pulled).
            cast(_RECORDS.c.data, Text),
            _RECORDS.c.parent_id,
        )
        .select_from(window)
        .outerjoin(  # (a change always has its record: records are never deleted)
            _RECORDS,
            and_(_RECORDS.c.entity == window.c.entity, _RECORDS.c.entity_id == window.c.entity_id),
        )
        .order_by(window.c.seq)
    )


# Every device's rows (the back office's pull).
_PAGE = _with_records(_window().subquery("window"))
# One reader's: its rows and everyone's, two ordered scans of the (reader, seq) index
# merged (an OR of the two would read and sort both ranges whole).
_MINE = _window(_CHANGES.c.reader == bindparam("reader")).subquery("mine")
_EVERYONE = _window(_CHANGES.c.reader.is_(None)).subquery("everyone")
_BOTH = union_all(select(_MINE), select(_EVERYONE)).subquery("both")
_READER_PAGE = _with_records(
    select(_BOTH).order_by(_BOTH.c.seq).limit(bindparam("rows")).subquery("window")
)


Keep = Callable[[list[Pulled]], list[Pulled]]


def pull(
    session: Session,
    cursor: int,
    limit: int,
    *,
    keep: Keep | None = None,
    reader: int | None = None,
) -> PullResponse:
    """The records changed after `cursor`, each at most once per page, in change order
    (a record appears where it first changed, so an order's client comes before it).
    `reader`: only that device's rows and everyone's (readers.py), else every row.
    `keep` (the caller's record scope, scopes.RecordRules) leaves changes out of the
    page; the cursor moves past them all the same."""
    kept, next_cursor, has_more = _page(session, cursor, limit, keep, reader)
    changes = [p.change for p in kept]
    return PullResponse(changes=changes, next_cursor=next_cursor, has_more=has_more)


def pull_json(
    session: Session,
    cursor: int,
    limit: int,
    *,
    keep: Keep | None = None,
    reader: int | None = None,
) -> str:
    """`pull` as the JSON of its PullResponse, written without parsing the records'
    data (scopes.Pulled.as_json)."""
    kept, next_cursor, has_more = _page(session, cursor, limit, keep, reader)
    changes = ",".join(p.as_json() for p in kept)
    more = "true" if has_more else "false"
    return f'{{"changes":[{changes}],"next_cursor":{next_cursor},"has_more":{more}}}'


def _page(
    session: Session, cursor: int, limit: int, keep: Keep | None, reader: int | None
) -> tuple[list[Pulled], int, bool]:
    connection = session.connection()
    # The top first: the page, read after it, sees at least every row up to it (rows
    # are numbered in commit order), so a page that is not full ends at the top.
    top, floor = connection.execute(_LOG_BOUNDS).one()
    top, floor = top or 0, floor or 0
    # 0 is "from the start", always known; between 0 and the floor the log was pruned;
    # beyond the top it is a cursor of another server (or of a restored database). A
    # negative cursor is a refetch under way (see `refetch_cursor`).
    after = -cursor if cursor < 0 else cursor
    if (cursor > 0 and after < floor) or after > max(top, floor):
        raise CursorUnknown()
    if after >= top:
        return [], cursor, False
    window = {"cursor": after, "rows": limit + 1}
    if reader is None:
        rows = connection.execute(_PAGE, window).all()
    else:
        rows = connection.execute(_READER_PAGE, {**window, "reader": reader}).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    seen: set[Key] = set()
    candidates: list[Pulled] = []
    for seq, entity, entity_id, version, data, parent_id in rows:
        if entity is None or (entity, entity_id) in seen:
            continue
        seen.add((entity, entity_id))
        candidates.append(Pulled(seq, Entity(entity), entity_id, version, data, parent_id))
    kept = candidates if keep is None else keep(candidates)
    # A full page ends at its last row; otherwise the reader has seen all its rows up
    # to the top, and the other devices' rows in between are skipped for good.
    end = rows[-1][0] if has_more else max(top, rows[-1][0] if rows else top)
    return kept, refetch_cursor(end, floor), has_more


def refetch_cursor(seq: int, floor: int) -> int:
    """The cursor that ends a page at `seq`. Below the floor, the log keeps only each
    record's first change: a page there is part of a refetch, and a plain cursor there
    is one the server no longer knows (an old kiosk's, which must refetch). So a page
    that ends below the floor hands out the negative number, which only a refetch
    holds: a refetch longer than one page goes on instead of being told to start again.
    (A prune during a kiosk's refetch is the one case this does not see: a refetch
    then misses the changes pruned past its place. Nothing prunes by itself: it is an
    operator's act, for a quiet hour.)"""
    return -seq if seq < floor else seq


def prune(session: Session, up_to: int) -> None:
    """Forget the log up to `up_to`: kiosks whose cursor is inside it must refetch from
    the start. Each record keeps its first change for each reader, so that a refetch
    still gets every record it may read, a client before its orders."""
    firsts = select(func.min(Change.seq)).group_by(Change.entity, Change.entity_id, Change.reader)
    session.execute(delete(Change).where(Change.seq <= up_to, Change.seq.not_in(firsts)))
    counter = session.get(Counter, FLOOR)
    if counter is None:
        session.add(Counter(name=FLOOR, value=up_to))
    else:
        counter.value = max(counter.value, up_to)
