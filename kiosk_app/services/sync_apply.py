"""The kiosk's side of sync that touches the store: which outbox ops go next, what the
server's answers do to them, and applying pulled pages (catalogue, Lulus, clients,
orders, payments, ratings) with their cursor in one transaction. How each record is
written is sync_records.py's.

Pure SQLAlchemy: the network lives in `sync/` (which calls this), never here.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from sync.protocol import (
    MAX_BATCH_BYTES,
    MAX_BATCH_OPS,
    SLOT_TAKEN_BY,
    Change,
    Entity,
    OpResult,
    Outcome,
    PullResponse,
)

from ..clock import Clock, utc_now
from ..store.models import Client, Order, OutboxOp, Setting
from .sync_clients import in_dependency_order
from .sync_notes import (
    FINAL_RATING_REFUSALS,
    RATING_DUPLICATE,
    RATING_REFUSED,
    note_slot_taken,
    rating_acknowledged,
    take_back_rating,
)
from .sync_records import PageContext, apply_record, follow_own_numbers

CURSOR = "sync.cursor"
LAST_SUCCESS = "sync.last_success"
LAST_ERROR = "sync.last_error"  # a message key of sync/messages.py, then detail
SERVER_URL = "sync.server_url"
CA_BUNDLE = "sync.ca_bundle"

# An op the server rejects this many times is set aside for the attendant; the queue
# moves on without it.
REJECT_LIMIT = 3
# Rejections no retry can change (a number outside this kiosk's series): set aside at
# once.
FINAL_REJECTIONS = frozenset({"bad_number", "wrong_series", "no_series"})
# The server's refusal of a change to an order (or client) another kiosk holds.
NOT_OWNER = "not_owner"
# Room left in a batch for the JSON around the ops.
_BATCH_BYTES = MAX_BATCH_BYTES - 4096


# --- Settings of sync -----------------------------------------------------------------


def get_setting(session: Session, key: str) -> str | None:
    return session.scalar(select(Setting.value).where(Setting.key == key))


def put_setting(session: Session, key: str, value: str | None) -> None:
    if value is None:
        session.execute(delete(Setting).where(Setting.key == key))
    else:
        session.merge(Setting(key=key, value=value))


def read_cursor(session: Session) -> int:
    return int(get_setting(session, CURSOR) or 0)


# --- Pushing --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OutgoingOp:
    seq: int
    wire: dict[str, Any]  # the op as the protocol's `Op` takes it


def next_batch(session: Session, *, after_seq: int = 0) -> list[OutgoingOp]:
    """The next ops to push in outbox order (at most 200 and under 1 MB), skipping ops
    set aside."""
    rows = session.scalars(
        select(OutboxOp)
        .where(OutboxOp.seq > after_seq, OutboxOp.set_aside.is_(False))
        .order_by(OutboxOp.seq)
        .limit(MAX_BATCH_OPS)
    )
    batch: list[OutgoingOp] = []
    size = 0
    for row in rows:
        wire = {
            "op_id": str(row.op_id),
            "entity": row.entity,
            "entity_id": str(row.entity_id),
            "kind": row.kind,
            "base_version": row.base_version,
            "data": row.data,
        }
        size += len(json.dumps(wire, ensure_ascii=False).encode()) + 1
        if batch and size > _BATCH_BYTES:
            break
        batch.append(OutgoingOp(row.seq, wire))
    return batch


@dataclass
class PushSummary:
    applied: int = 0
    duplicate: int = 0
    rejected: int = 0
    conflict: int = 0
    set_aside: int = 0

    @property
    def total(self) -> int:
        return self.applied + self.duplicate + self.rejected + self.conflict

    def add(self, other: PushSummary) -> None:
        self.applied += other.applied
        self.duplicate += other.duplicate
        self.rejected += other.rejected
        self.conflict += other.conflict
        self.set_aside += other.set_aside


def record_push_results(
    session: Session, results: Iterable[OpResult], *, clock: Clock = utc_now
) -> PushSummary:
    """Settle the outbox from the server's answer, in one transaction: acknowledged ops
    go; a conflict takes the server's state (the server decides); a rejection counts,
    and sets the op aside once it has been refused `REJECT_LIMIT` times. A rating
    refused for good is taken back at once, with a note (sync_notes.py)."""
    summary = PushSummary()
    results = list(results)
    ops = {
        op.op_id: op
        for op in session.scalars(
            select(OutboxOp).where(OutboxOp.op_id.in_([r.op_id for r in results]))
        )
    }
    settled: list[int] = []
    for result in results:
        op = ops.get(result.op_id)
        if op is None:
            continue
        is_rating = op.entity == Entity.RATING.value
        if result.outcome is Outcome.REJECTED:
            summary.rejected += 1
            if is_rating and result.code in FINAL_RATING_REFUSALS:
                take_back_rating(session, op, key=RATING_REFUSED, at=clock())
                settled.append(op.seq)
                continue
            op.attempts += 1
            op.last_error = f"{result.code}: {result.message}"[:500]
            # Another kiosk holds the order: retrying cannot help; a person decides
            # (ask to take it over, then retry), and the server's state is shown here.
            # Nor can a number outside this kiosk's series.
            if (
                op.attempts >= REJECT_LIMIT
                or result.code in FINAL_REJECTIONS
                or result.code == NOT_OWNER
            ):
                op.set_aside = True
                summary.set_aside += 1
            continue
        settled.append(op.seq)
        if is_rating and result.outcome is not Outcome.CONFLICT:
            rating_acknowledged(session, op)
        if result.outcome is Outcome.APPLIED:
            summary.applied += 1
        elif result.outcome is Outcome.DUPLICATE:
            summary.duplicate += 1
        else:
            summary.conflict += 1
    session.flush()
    if settled:
        session.execute(
            delete(OutboxOp).where(OutboxOp.seq.in_(settled)),
            execution_options={"synchronize_session": False},
        )
    for result in results:
        op = ops.get(result.op_id)
        held_elsewhere = result.outcome is Outcome.REJECTED and result.code == NOT_OWNER
        if op is None or not result.server_row:
            continue
        if result.outcome is not Outcome.CONFLICT and not held_elsewhere:
            continue
        row = result.server_row
        if result.outcome is Outcome.CONFLICT:
            if op.entity == Entity.RATING.value:  # rated already: the server's rating stays
                take_back_rating(session, op, key=RATING_DUPLICATE, at=clock())
            elif op.entity == Entity.ORDER.value and SLOT_TAKEN_BY in row:
                note_slot_taken(session, op.entity_id, row, at=clock())
        # The server's record, under its own id (an order's other rating is another id).
        target = uuid.UUID(str(row["id"])) if row.get("id") else op.entity_id
        apply_record(session, PageContext(session), op.entity, target, row)
    return summary


# --- Pulling --------------------------------------------------------------------------


@dataclass
class PullSummary:
    applied: int = 0
    kept_local: int = 0  # rows with pending ops, left for the server to settle
    skipped: list[str] = field(default_factory=list)
    # Clients whose erasure arrived in this page, with their orders' numbers here: the
    # caller deletes their files (tickets, exports) once the page is committed.
    erased: dict[uuid.UUID, list[str]] = field(default_factory=dict)


def apply_page(session: Session, page: PullResponse) -> PullSummary:
    """Apply one pulled page and store its cursor, inside the caller's one transaction:
    both or neither."""
    summary = PullSummary()
    if not page.changes and page.next_cursor == read_cursor(session):
        return summary  # nothing new: nothing to write
    # Within a page a record's parents may come after it (a client edited after its
    # order was placed); foreign keys are checked at commit, when the page is whole.
    session.execute(text("PRAGMA defer_foreign_keys = ON"))
    context = PageContext(session)
    ids = [c.entity_id for c in page.changes if c.entity in _PENDING_CHECKED]
    pending = _pending_keys(session, ids)
    current = _current_versions(session, page.changes)
    for change in in_dependency_order(page.changes):
        key = (change.entity.value, change.entity_id)
        if key in pending:
            summary.kept_local += 1
            continue
        if current.get(key) == (change.version, change.data.get("updated_at")):
            summary.applied += 1  # already so here (this kiosk's own change, come back)
            continue
        problem = apply_record(
            session, context, change.entity, change.entity_id, _with_version(change)
        )
        if problem:
            summary.skipped.append(problem)
        else:
            summary.applied += 1
    follow_own_numbers(session, context.highest_own_number)
    put_setting(session, CURSOR, str(page.next_cursor))
    summary.erased = context.erased
    return summary


_PENDING_CHECKED = frozenset(
    {Entity.CLIENT, Entity.ORDER, Entity.PAYMENT, Entity.RATING, Entity.TO_RESOLVE}
)
_VERSIONED: dict[Entity, type[Client] | type[Order]] = {Entity.CLIENT: Client, Entity.ORDER: Order}


def _pending_keys(session: Session, ids: list[uuid.UUID]) -> set[tuple[str, uuid.UUID]]:
    if not ids:
        return set()
    rows = session.execute(
        select(OutboxOp.entity, OutboxOp.entity_id).where(
            OutboxOp.entity_id.in_(ids), OutboxOp.set_aside.is_(False)
        )
    )
    return {(entity, entity_id) for entity, entity_id in rows}


def _current_versions(
    session: Session, changes: Iterable[Change]
) -> dict[tuple[str, uuid.UUID], tuple[int, str]]:
    """(version, updated_at) of the page's clients and orders as this kiosk holds them."""
    found: dict[tuple[str, uuid.UUID], tuple[int, str]] = {}
    for entity, model in _VERSIONED.items():
        ids = [c.entity_id for c in changes if c.entity is entity]
        if not ids:
            continue
        rows = session.execute(
            select(model.id, model.version, model.updated_at).where(model.id.in_(ids))
        )
        for row_id, version, updated_at in rows:
            found[(entity.value, row_id)] = (version, _wire_time(updated_at))
    return found


def _wire_time(moment: datetime) -> str:
    """A time as the server writes it (pydantic's JSON: "Z" for UTC)."""
    return moment.isoformat().replace("+00:00", "Z")


def _with_version(change: Change) -> dict[str, Any]:
    return {**change.data, "version": change.version}
