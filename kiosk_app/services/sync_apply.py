"""The kiosk's side of sync that touches the store: which outbox ops go next, what the
server's answers do to them, and applying pulled pages (catalogue, Lulus, clients,
orders, payments, ratings) with their cursor in one transaction.

Pure SQLAlchemy: the network lives in `sync/` (which calls this), never here.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator, TypeEngine

from sync.protocol import (
    MAX_BATCH_BYTES,
    MAX_BATCH_OPS,
    SLOT_TAKEN_BY,
    Change,
    Entity,
    OpResult,
    Outcome,
    PullResponse,
    is_order_number,
)

from ..clock import Clock, utc_now
from ..domain.search_text import search_document
from ..store.models import (
    Base,
    Category,
    Client,
    Lulu,
    LuluSkill,
    NumberSeries,
    Order,
    OrderEvent,
    OutboxOp,
    Payment,
    PulledAside,
    Rating,
    Service,
    Setting,
    ToResolve,
)
from .numbers import ORDER_SERIES
from .settings import read_settings
from .sync_clients import apply_client, in_dependency_order
from .sync_notes import (
    FINAL_RATING_REFUSALS,
    RATING_DUPLICATE,
    RATING_REFUSED,
    note_slot_taken,
    pending_stars,
    rating_acknowledged,
    take_back_rating,
)

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
        _apply(session, _Page(session), op.entity, target, row)
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


class _Page:
    """What applying one page needs more than once, read once."""

    def __init__(self, session: Session) -> None:
        self.kiosk_code = read_settings(session).kiosk_code
        self.highest_own_number = 0
        self.erased: dict[uuid.UUID, list[str]] = {}


def apply_page(session: Session, page: PullResponse) -> PullSummary:
    """Apply one pulled page and store its cursor, inside the caller's one transaction:
    both or neither."""
    summary = PullSummary()
    if not page.changes and page.next_cursor == read_cursor(session):
        return summary  # nothing new: nothing to write
    # Within a page a record's parents may come after it (a client edited after its
    # order was placed); foreign keys are checked at commit, when the page is whole.
    session.execute(text("PRAGMA defer_foreign_keys = ON"))
    context = _Page(session)
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
        problem = _apply(session, context, change.entity, change.entity_id, _with_version(change))
        if problem:
            summary.skipped.append(problem)
        else:
            summary.applied += 1
    _follow_number(session, context.highest_own_number)
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


def _python_type(column_type: TypeEngine[Any]) -> Any:
    if isinstance(column_type, TypeDecorator):
        column_type = column_type.impl_instance
    try:
        return column_type.python_type
    except NotImplementedError:
        return object


def _columns(model: type[Base], data: Mapping[str, Any]) -> dict[str, Any]:
    """The model's columns found in `data`, converted from their wire form."""
    values: dict[str, Any] = {}
    for column in model.__table__.columns:
        if column.key not in data:
            continue
        value = data[column.key]
        kind = _python_type(column.type)
        if value is not None:
            if kind is uuid.UUID and not isinstance(value, uuid.UUID):
                value = uuid.UUID(str(value))
            elif kind is datetime and isinstance(value, str):
                value = datetime.fromisoformat(value)
            elif isinstance(kind, type) and issubclass(kind, Enum):
                value = kind(value)
        values[column.key] = value
    return values


def _apply(
    session: Session, context: _Page, entity: str, entity_id: uuid.UUID, data: Mapping[str, Any]
) -> str | None:
    """Write the server's state of one record; returns why it was skipped, if it was."""
    kind = Entity(entity)
    if kind is Entity.ORDER:
        return _apply_order(session, context, entity_id, data)
    if kind is Entity.CLIENT:
        return _apply_client(session, context, entity_id, data)
    handler = _APPLIERS.get(kind)
    if handler is None:
        return None  # an entity kiosks do not keep (visits, applications)
    return handler(session, entity_id, data)


def _upsert(session: Session, model: type[Base], key: Any, values: dict[str, Any]) -> Any:
    row = session.get(model, key)
    if row is None:
        row = model(**values)
        session.add(row)
    else:
        for name, value in values.items():
            setattr(row, name, value)
    return row


def _rekey(session: Session, table: str, old: uuid.UUID, new: uuid.UUID) -> None:
    """Give a catalogue row loaded locally (demo data) the server's id for its code, so
    that orders name services alike everywhere. Foreign keys are deferred (see
    `apply_page`), so the rows that point to it follow in the same transaction."""
    old_hex, new_hex = old.hex, new.hex  # how the store writes a Uuid on SQLite
    session.execute(
        text(f"UPDATE {table} SET id = :new WHERE id = :old"), {"new": new_hex, "old": old_hex}
    )
    pointers: tuple[tuple[str, str], ...] = (("orders", "service_id"),)
    if table == "categories":
        pointers = (("services", "category_id"), ("lulu_skills", "category_id"))
    else:
        session.execute(
            text("UPDATE services_fts SET service_id = :new WHERE service_id = :old"),
            {"new": new_hex, "old": old_hex},
        )
        # Orders placed before the first pull and not pushed yet name the old id.
        session.execute(
            text(
                "UPDATE outbox SET data = json_set(data, '$.service_id', :new) "
                "WHERE entity = 'order' AND json_extract(data, '$.service_id') = :old"
            ),
            {"new": str(new), "old": str(old)},
        )
    for other, column in pointers:
        session.execute(
            text(f"UPDATE {other} SET {column} = :new WHERE {column} = :old"),
            {"new": new_hex, "old": old_hex},
        )
    session.expire_all()


def _apply_category(session: Session, entity_id: uuid.UUID, data: Mapping[str, Any]) -> str | None:
    same_code = session.scalar(select(Category.id).where(Category.code == data["code"]))
    if same_code is not None and same_code != entity_id:
        session.flush()
        _rekey(session, "categories", same_code, entity_id)
    _upsert(session, Category, entity_id, _columns(Category, data))
    session.flush()
    return None


def _apply_service(session: Session, entity_id: uuid.UUID, data: Mapping[str, Any]) -> str | None:
    category = session.get(Category, uuid.UUID(str(data["category_id"])))
    if category is None:
        return f"service {data.get('code')}: category not here"
    same_code = session.scalar(select(Service.id).where(Service.code == data["code"]))
    if same_code is not None and same_code != entity_id:
        session.flush()
        _rekey(session, "services", same_code, entity_id)
    values = _columns(Service, data)
    values["search_names"] = search_document(data["name_fr"], data["name_en"])
    values["search_details"] = search_document(
        data.get("description_fr"), data.get("description_en"), category.name_fr, category.name_en
    )
    _upsert(session, Service, entity_id, values)
    session.flush()
    return None


def _apply_lulu(session: Session, entity_id: uuid.UUID, data: Mapping[str, Any]) -> str | None:
    values = _columns(Lulu, data)
    # The server's figures, and this kiosk's ratings it has not answered yet on top.
    stars, count = pending_stars(session, entity_id)
    values["rating_sum"] = int(values.get("rating_sum") or 0) + stars
    values["rating_count"] = int(values.get("rating_count") or 0) + count
    lulu = _upsert(session, Lulu, entity_id, values)
    codes: dict[str, uuid.UUID] = {
        code: cid for code, cid in session.execute(select(Category.code, Category.id))
    }
    wanted = {codes[code] for code in data.get("skills", []) if code in codes}
    session.flush()
    session.execute(delete(LuluSkill).where(LuluSkill.lulu_id == lulu.id))
    for category_id in wanted:
        session.add(LuluSkill(lulu_id=lulu.id, category_id=category_id))
    session.flush()
    return None


def _apply_client(
    session: Session, context: _Page, entity_id: uuid.UUID, data: Mapping[str, Any]
) -> str | None:
    return apply_client(session, _columns(Client, data), entity_id, data, erased=context.erased)


def _apply_order(
    session: Session, context: _Page, entity_id: uuid.UUID, data: Mapping[str, Any]
) -> str | None:
    if not is_order_number(str(data.get("number", ""))):
        # Files are named after it (tickets, erasure): only a CC-NNNN number is kept.
        return "order: number refused"
    values = _columns(Order, data)
    number = values["number"]
    if session.scalar(select(Order.id).where(Order.number == number, Order.id != entity_id)):
        # Two orders under one number (kiosks that shared a series before the server
        # gave codes): the store keeps a number once, so this one waits for a person
        # and the rest of the page applies. Never the row in the message: an address.
        reason = f"order {number}: this number is already another order here"
        session.merge(
            PulledAside(
                entity=Entity.ORDER.value,
                entity_id=entity_id,
                reason=reason,
                data=dict(data),
                seen_at=utc_now(),
            )
        )
        return reason
    if session.get(Client, values["client_id"]) is None:
        return f"order {values.get('number')}: client not here"
    if session.get(Service, values["service_id"]) is None:
        return f"order {values.get('number')}: service not in this kiosk's catalogue"
    for who in ("lulu_id", "tutor_id"):  # a Lulu this kiosk has not pulled yet
        if values.get(who) is not None and session.get(Lulu, values[who]) is None:
            values[who] = None
    order = session.get(Order, entity_id)
    before = order.status if order is not None else None
    order = _upsert(session, Order, entity_id, values)
    if before is not order.status:
        session.add(
            OrderEvent(
                order_id=entity_id, from_status=before, to_status=order.status, at=order.updated_at
            )
        )
    code, _, seq = order.number.partition("-")
    if code == context.kiosk_code and seq.isdigit():
        context.highest_own_number = max(context.highest_own_number, int(seq))
    session.flush()
    return None


def _follow_number(session: Session, highest: int) -> None:
    """Orders of this kiosk's own series coming back (a kiosk restored from a backup
    gets its later orders from the server): move the series past them, so that the
    next number is never one already given."""
    if highest == 0:
        return
    current = session.get(NumberSeries, ORDER_SERIES)
    if current is None:
        session.add(NumberSeries(name=ORDER_SERIES, next_value=highest + 1))
    elif current.next_value <= highest:
        current.next_value = highest + 1


def _apply_payment(session: Session, entity_id: uuid.UUID, data: Mapping[str, Any]) -> str | None:
    values = _columns(Payment, data)
    if session.get(Order, values["order_id"]) is None:
        return "payment: order not here"
    values["attendant_id"] = None  # attendants are per kiosk
    if session.get(Payment, entity_id) is None:
        session.add(Payment(**values))  # append-only: never rewritten
    return None


def _apply_rating(session: Session, entity_id: uuid.UUID, data: Mapping[str, Any]) -> str | None:
    values = _columns(Rating, data)
    if session.get(Order, values["order_id"]) is None:
        return "rating: order not here"
    # One rating per order: the server's is the one.
    session.execute(
        delete(Rating).where(Rating.order_id == values["order_id"], Rating.id != entity_id)
    )
    here = session.get(Rating, entity_id)
    if here is None:
        session.add(Rating(**values))
    else:  # the stars stay; the comment goes when its client is erased
        here.comment = values.get("comment", here.comment)
    session.flush()
    return None


def _apply_to_resolve(
    session: Session, entity_id: uuid.UUID, data: Mapping[str, Any]
) -> str | None:
    _upsert(session, ToResolve, entity_id, _columns(ToResolve, data))
    session.flush()
    return None


_APPLIERS: dict[Entity, Callable[[Session, uuid.UUID, Mapping[str, Any]], str | None]] = {
    Entity.CATEGORY: _apply_category,
    Entity.SERVICE: _apply_service,
    Entity.LULU: _apply_lulu,
    Entity.PAYMENT: _apply_payment,
    Entity.RATING: _apply_rating,
    Entity.TO_RESOLVE: _apply_to_resolve,
}
