"""What the attendant and the sync worker read of sync's state: ops set aside, rows
pulled aside, the counts and times of the last syncs (split from sync_apply.py, which
pushes and applies)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..store.database import Store
from ..store.models import (
    OutboxOp,
    PulledAside,
)
from .sync_apply import LAST_ERROR, LAST_SUCCESS, get_setting, read_cursor

# --- What the attendant sees ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SetAsideOp:
    op_id: uuid.UUID
    entity: str
    entity_id: uuid.UUID
    kind: str
    attempts: int
    last_error: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class SyncCounts:
    pending: int
    set_aside: int
    cursor: int
    last_success: datetime | None
    last_error: str | None


def sync_counts(session: Session) -> SyncCounts:
    pending, aside = session.execute(
        select(
            func.count().filter(OutboxOp.set_aside.is_(False)),
            func.count().filter(OutboxOp.set_aside.is_(True)),
        )
    ).one()
    pulled_aside = session.scalar(select(func.count()).select_from(PulledAside)) or 0
    success = get_setting(session, LAST_SUCCESS)
    return SyncCounts(
        pending=int(pending),
        set_aside=int(aside) + int(pulled_aside),
        cursor=read_cursor(session),
        last_success=datetime.fromisoformat(success) if success else None,
        last_error=get_setting(session, LAST_ERROR),
    )


def set_aside_ops(session: Session) -> list[SetAsideOp]:
    rows = session.scalars(
        select(OutboxOp).where(OutboxOp.set_aside.is_(True)).order_by(OutboxOp.seq)
    )
    return [
        SetAsideOp(r.op_id, r.entity, r.entity_id, r.kind, r.attempts, r.last_error, r.created_at)
        for r in rows
    ]


@dataclass(frozen=True, slots=True)
class PulledAsideRow:
    """A pulled record set aside (its reason names the order's number, nothing
    personal)."""

    entity: str
    entity_id: uuid.UUID
    reason: str
    seen_at: datetime


def pulled_aside_rows(session: Session) -> list[PulledAsideRow]:
    rows = session.scalars(select(PulledAside).order_by(PulledAside.seen_at))
    return [PulledAsideRow(r.entity, r.entity_id, r.reason, r.seen_at) for r in rows]


def retry_set_aside(session: Session, op_id: uuid.UUID) -> None:
    """The attendant puts an op set aside back in the queue (after fixing its cause)."""
    session.execute(
        update(OutboxOp).where(OutboxOp.op_id == op_id).values(set_aside=False, attempts=0)
    )


def outbox_mark(session: Session) -> int:
    """The newest outbox seq: a cheap sign that something was written locally."""
    return int(session.scalar(select(func.max(OutboxOp.seq))) or 0)


class SyncStateService:
    """What the counter shows of sync, for callers without a session (the UI): counts,
    the ops set aside with their reasons, and putting one back in the queue."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def counts(self) -> SyncCounts:
        with self._store.read() as session:
            return sync_counts(session)

    def set_aside(self) -> list[SetAsideOp]:
        with self._store.read() as session:
            return set_aside_ops(session)

    def retry(self, op_id: uuid.UUID) -> None:
        with self._store.write() as session:
            retry_set_aside(session, op_id)
