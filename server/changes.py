"""The change log that pull cursors follow.

A cursor is a number the server assigns, never a time. On PostgreSQL a sequence hands
out numbers in the order transactions ask, not the order they commit: a reader could
see number 12 committed while 11 is still in flight, move its cursor to 12 and never
see 11. So every writer numbers its changes last, under one transaction-scoped advisory
lock held until its commit: numbers are then taken in commit order and a cursor can
never pass a change that is not visible yet. SQLite has a single writer at a time
(BEGIN IMMEDIATE), so its order is the commit order already.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import and_, delete, func, insert, select, text
from sqlalchemy.orm import Session

from sync.protocol import Change as WireChange
from sync.protocol import Entity, PullResponse

from .models import Change, Counter, Record

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
    }
)
CHANGE_LOG_LOCK = 0x636F6D70  # "comp": any constant shared by every writer
FLOOR = "change_log_floor"

Key = tuple[str, uuid.UUID]


class CursorUnknown(Exception):
    """A cursor below what the log still holds, or beyond what it ever held."""


def record_changes(session: Session, keys: Iterable[Key]) -> None:
    """Number the changes of this transaction; call it last, just before commit."""
    rows = [
        {"entity": entity, "entity_id": entity_id}
        for entity, entity_id in dict.fromkeys(keys)
        if entity in PULLED
    ]
    if not rows:
        return
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHANGE_LOG_LOCK})
    session.execute(insert(Change), rows)


def log_floor(session: Session) -> int:
    return session.scalar(select(Counter.value).where(Counter.name == FLOOR)) or 0


def pull(session: Session, cursor: int, limit: int) -> PullResponse:
    """The records changed after `cursor`, each at most once per page, in change order
    (a record appears where it first changed, so an order's client comes before it)."""
    floor_value = select(Counter.value).where(Counter.name == FLOOR).scalar_subquery()
    top, floor = session.execute(select(func.max(Change.seq), floor_value)).one()
    top, floor = top or 0, floor or 0
    # 0 is "from the start", always known; between 0 and the floor the log was pruned;
    # beyond the top it is a cursor of another server (or of a restored database).
    if cursor < 0 or 0 < cursor < floor or cursor > max(top, floor):
        raise CursorUnknown()
    rows = session.execute(
        select(Change.seq, Record.entity, Record.entity_id, Record.version, Record.data)
        .join(
            Record,
            and_(Record.entity == Change.entity, Record.entity_id == Change.entity_id),
        )
        .where(Change.seq > cursor)
        .order_by(Change.seq)
        .limit(limit + 1)
    ).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    seen: set[Key] = set()
    changes: list[WireChange] = []
    for seq, entity, entity_id, version, data in rows:
        if (entity, entity_id) in seen:
            continue
        seen.add((entity, entity_id))
        changes.append(
            WireChange(seq=seq, entity=entity, entity_id=entity_id, version=version, data=data)
        )
    return PullResponse(
        changes=changes, next_cursor=rows[-1][0] if rows else cursor, has_more=has_more
    )


def prune(session: Session, up_to: int) -> None:
    """Forget the log up to `up_to`: kiosks whose cursor is inside it must refetch from
    the start. Each record keeps its first change, so that a refetch still gets every
    record, a client before its orders."""
    firsts = select(func.min(Change.seq)).group_by(Change.entity, Change.entity_id)
    session.execute(delete(Change).where(Change.seq <= up_to, Change.seq.not_in(firsts)))
    counter = session.get(Counter, FLOOR)
    if counter is None:
        session.add(Counter(name=FLOOR, value=up_to))
    else:
        counter.value = max(counter.value, up_to)
