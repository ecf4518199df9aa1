"""Applying a pushed batch of outbox ops: the server decides.

Everything of a batch happens in the caller's one transaction: the ops' effects, the
`(device, op_id)` rows that make a replay `duplicate`, the batch's key and the change
log. Each op is checked in full before it writes anything, so a rejected op leaves no
trace and its neighbours still apply; any unexpected error rolls the whole batch back
(the answer is then a 5xx and nothing was committed).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from contextlib import suppress
from datetime import datetime
from typing import Any, TypeVar

from pydantic import BaseModel
from pydantic import ValidationError as PydanticError
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from sync.protocol import (
    Entity,
    Op,
    OpKind,
    OpResult,
    OrderStatus,
    Outcome,
    PushRequest,
    PushResponse,
    is_allowed,
)

from .changes import Key, record_changes
from .models import AppliedOp, Batch, Record
from .records import (
    CLIENT_ERASED,
    CLIENT_PATCHABLE,
    CashSessionRecord,
    ClientRecord,
    LuluApplicationRecord,
    LuluFilePatch,
    OrderRecord,
    PaymentRecord,
    RatingRecord,
    TransitionData,
    VisitRecord,
    as_json,
    utc_text,
)

RATABLE = frozenset({OrderStatus.DONE, OrderStatus.PAID})
M = TypeVar("M", bound=BaseModel)


class IdempotencyMismatch(Exception):
    """The same Idempotency-Key came with another body."""


class Rejected(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(code, message)
        self.code = code
        self.message = message


class Conflicting(Exception):
    def __init__(self, record: Record) -> None:
        super().__init__(record.entity, record.entity_id)
        self.server_row = server_row(record)


class AlreadyThere(Exception):
    """Insert-if-absent found the record: the op is a duplicate of what is held."""


def server_row(record: Record) -> dict[str, Any]:
    return {**record.data, "version": record.version}


def validated(model: type[M], data: dict[str, Any]) -> M:
    try:
        return model.model_validate(data)
    except PydanticError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "data"
        raise Rejected("invalid", f"{where}: {first['msg']}") from None


class Writer:
    """The records of one transaction, with the keys of what changed, in order."""

    def __init__(self, session: Session, now: datetime) -> None:
        self.session = session
        self.now = now
        self.changed: list[Key] = []
        # Records looked up ahead for a whole batch (None: known to be absent), and
        # lookups (public tokens) known to be taken: one query each instead of one per op.
        self._known: dict[Key, Record | None] = {}
        self._taken: dict[str, set[str]] = {}

    def prefetch(self, ids: set[uuid.UUID], lookups: dict[Entity, set[str]]) -> None:
        if ids:
            for record in self.session.scalars(select(Record).where(Record.entity_id.in_(ids))):
                self._known[(record.entity, record.entity_id)] = record
            for entity in Entity:
                for entity_id in ids:
                    self._known.setdefault((entity.value, entity_id), None)
        for entity, keys in lookups.items():
            taken = self.session.scalars(
                select(Record.lookup).where(Record.entity == entity.value, Record.lookup.in_(keys))
            )
            self._taken[entity.value] = {key for key in taken if key is not None}

    def get(self, entity: Entity, entity_id: uuid.UUID) -> Record | None:
        key = (entity.value, entity_id)
        if key in self._known:
            return self._known[key]
        return self.session.get(Record, key)

    def taken(self, entity: Entity, lookup: str) -> bool:
        if entity.value in self._taken:
            return lookup in self._taken[entity.value]
        return self.lookup(entity, lookup) is not None

    def require(self, entity: Entity, entity_id: uuid.UUID, code: str) -> Record:
        record = self.get(entity, entity_id)
        if record is None:
            raise Rejected(code, f"no {entity.value} {entity_id} on the server")
        return record

    def insert(
        self,
        entity: Entity,
        entity_id: uuid.UUID,
        data: dict[str, Any],
        *,
        version: int = 1,
        lookup: str | None = None,
        parent_id: uuid.UUID | None = None,
    ) -> Record:
        record = Record(
            entity=entity.value,
            entity_id=entity_id,
            version=version,
            data=data,
            lookup=lookup,
            parent_id=parent_id,
            updated_at=self.now,
        )
        self.session.add(record)
        self._known[(entity.value, entity_id)] = record
        if lookup is not None and entity.value in self._taken:
            self._taken[entity.value].add(lookup)
        self.changed.append((entity.value, entity_id))
        return record

    def update(self, record: Record, data: dict[str, Any], *, lookup: str | None = None) -> None:
        record.data = data  # a new dict: the JSON column sees the change
        record.version += 1
        record.updated_at = self.now
        if lookup is not None:
            record.lookup = lookup
        self.changed.append((record.entity, record.entity_id))

    def lookup(self, entity: Entity, key: str) -> Record | None:
        return self.session.scalar(
            select(Record).where(Record.entity == entity.value, Record.lookup == key).limit(1)
        )


# --- One handler per (entity, kind) -------------------------------------------------


def _same_id(op: Op, record_id: uuid.UUID) -> None:
    if record_id != op.entity_id:
        raise Rejected("invalid", "data.id differs from entity_id")


def create_order(w: Writer, op: Op) -> None:
    order = validated(OrderRecord, op.data)
    _same_id(op, order.id)
    if w.get(Entity.ORDER, order.id) is not None:
        raise AlreadyThere()
    w.require(Entity.CLIENT, order.client_id, "unknown_client")
    if w.taken(Entity.ORDER, order.public_token):
        raise Rejected("invalid", "public_token already used")
    w.insert(
        Entity.ORDER, order.id, as_json(order), version=order.version, lookup=order.public_token
    )


def transition_order(w: Writer, op: Op) -> None:
    step = validated(TransitionData, op.data)
    record = w.require(Entity.ORDER, op.entity_id, "unknown_order")
    current = OrderStatus(record.data["status"])
    # The lifecycle decides: a step applies only from the state it was taken in. Any
    # other state means someone else moved the order first; that one wins.
    if current is not step.from_ or not is_allowed(current, step.to):
        raise Conflicting(record)
    data = {**record.data, "status": step.to.value, "updated_at": utc_text(w.now)}
    if step.to is OrderStatus.ASSIGNED:
        if step.lulu_id is None:
            raise Rejected("invalid", "lulu_id is required to assign")
        data["lulu_id"] = str(step.lulu_id)
    elif step.to is OrderStatus.CONFIRMED:
        data["lulu_id"] = None
    elif step.to is OrderStatus.DONE:
        if step.actual_units is None:
            raise Rejected("invalid", "actual_units is required when done")
        data["actual_units"] = step.actual_units
    elif step.to is OrderStatus.CANCELLED:
        if not step.reason:
            raise Rejected("invalid", "a reason is required to cancel")
        data["cancel_reason"] = step.reason
    w.update(record, data)


def create_client(w: Writer, op: Op) -> None:
    client = validated(ClientRecord, op.data)
    _same_id(op, client.id)
    if w.get(Entity.CLIENT, client.id) is not None:
        raise AlreadyThere()
    w.insert(Entity.CLIENT, client.id, as_json(client), version=client.version, lookup=client.phone)


def patch_client(w: Writer, op: Op) -> None:
    record = w.require(Entity.CLIENT, op.entity_id, "unknown_client")
    if record.data.get("erased_at"):
        raise Conflicting(record)  # an erasure wins over any later edit
    unknown = set(op.data) - CLIENT_PATCHABLE
    if unknown:
        raise Rejected("invalid", f"fields not editable: {', '.join(sorted(unknown))}")
    merged = validated(ClientRecord, {**record.data, **op.data, "updated_at": utc_text(w.now)})
    data = as_json(merged)
    if merged.erased_at is not None:
        data.update(CLIENT_ERASED)  # GDPR: the person goes, the accounting stays
    w.update(record, data, lookup=data["phone"] or "")


def append_payment(w: Writer, op: Op) -> None:
    payment = validated(PaymentRecord, op.data)
    _same_id(op, payment.id)
    if w.get(Entity.PAYMENT, payment.id) is not None:
        raise AlreadyThere()
    w.require(Entity.ORDER, payment.order_id, "unknown_order")
    w.insert(Entity.PAYMENT, payment.id, as_json(payment), parent_id=payment.order_id)


def append_rating(w: Writer, op: Op) -> None:
    rating = validated(RatingRecord, op.data)
    _same_id(op, rating.id)
    if w.get(Entity.RATING, rating.id) is not None:
        raise AlreadyThere()
    add_rating(w, rating)


def add_rating(w: Writer, rating: RatingRecord) -> Record:
    """Once per done order; the Lulu's public average follows."""
    order = w.require(Entity.ORDER, rating.order_id, "unknown_order")
    if OrderStatus(order.data["status"]) not in RATABLE:
        raise Rejected("not_ratable", "only a done order can be rated")
    earlier = w.session.scalar(
        select(Record).where(
            Record.entity == Entity.RATING.value, Record.parent_id == order.entity_id
        )
    )
    if earlier is not None:
        raise Conflicting(earlier)
    record = w.insert(Entity.RATING, rating.id, as_json(rating), parent_id=rating.order_id)
    lulu_id = order.data.get("lulu_id")
    lulu = w.get(Entity.LULU, uuid.UUID(lulu_id)) if lulu_id else None
    if lulu is not None:
        w.update(
            lulu,
            {
                **lulu.data,
                "rating_sum": lulu.data.get("rating_sum", 0) + rating.stars,
                "rating_count": lulu.data.get("rating_count", 0) + 1,
            },
        )
    return record


def append_visit(w: Writer, op: Op) -> None:
    visit = validated(VisitRecord, op.data)
    _same_id(op, visit.id)
    if w.get(Entity.VISIT, visit.id) is not None:
        raise AlreadyThere()
    w.insert(Entity.VISIT, visit.id, as_json(visit))


def append_application(w: Writer, op: Op) -> None:
    application = validated(LuluApplicationRecord, op.data)
    _same_id(op, application.id)
    if w.get(Entity.LULU_APPLICATION, application.id) is not None:
        raise AlreadyThere()
    w.insert(Entity.LULU_APPLICATION, application.id, as_json(application))


def append_cash_session(w: Writer, op: Op) -> None:
    closing = validated(CashSessionRecord, op.data)
    _same_id(op, closing.id)
    if w.get(Entity.CASH_SESSION, closing.id) is not None:
        raise AlreadyThere()
    w.insert(Entity.CASH_SESSION, closing.id, as_json(closing))


def patch_lulu_file(w: Writer, op: Op) -> None:
    patch = validated(LuluFilePatch, op.data).model_dump(mode="json", exclude_unset=True)
    record = w.get(Entity.LULU_FILE, op.entity_id)
    if record is None:
        w.insert(Entity.LULU_FILE, op.entity_id, patch)
    else:
        w.update(record, {**record.data, **patch})


HANDLERS: dict[tuple[Entity, OpKind], Callable[[Writer, Op], None]] = {
    (Entity.ORDER, OpKind.CREATE): create_order,
    (Entity.ORDER, OpKind.TRANSITION): transition_order,
    (Entity.CLIENT, OpKind.CREATE): create_client,
    (Entity.CLIENT, OpKind.PATCH): patch_client,
    (Entity.PAYMENT, OpKind.APPEND): append_payment,
    (Entity.RATING, OpKind.APPEND): append_rating,
    (Entity.VISIT, OpKind.APPEND): append_visit,
    (Entity.LULU_APPLICATION, OpKind.APPEND): append_application,
    (Entity.LULU_FILE, OpKind.PATCH): patch_lulu_file,
    (Entity.CASH_SESSION, OpKind.APPEND): append_cash_session,
}


def _batch_keys(request: PushRequest) -> tuple[set[uuid.UUID], dict[Entity, set[str]]]:
    """The records a batch touches or names (its entities, their clients and orders)
    and the public tokens its orders claim, to look them all up at once."""
    ids: set[uuid.UUID] = set()
    tokens: set[str] = set()
    for op in request.ops:
        ids.add(op.entity_id)
        for field in ("client_id", "order_id"):
            value = op.data.get(field)
            if isinstance(value, str):
                with suppress(ValueError):  # the op's own check rejects it
                    ids.add(uuid.UUID(value))
        token = op.data.get("public_token")
        if op.entity is Entity.ORDER and isinstance(token, str):
            tokens.add(token)
    return ids, {Entity.ORDER: tokens} if tokens else {}


def body_hash(request: PushRequest) -> str:
    return hashlib.sha256(request.model_dump_json().encode()).hexdigest()


def push_batch(
    session: Session, device_id: int, key: str, request: PushRequest, *, now: datetime
) -> PushResponse:
    """Apply one batch inside the caller's transaction and say what became of each op.
    The caller found `device_id` live in this same transaction (and locked its row)."""
    digest = body_hash(request)
    batch = session.get(Batch, (device_id, key))
    if batch is not None and batch.body_hash != digest:
        raise IdempotencyMismatch()
    if batch is None:
        session.add(Batch(device_id=device_id, key=key, body_hash=digest, received_at=now))
    done = set(
        session.scalars(
            select(AppliedOp.op_id).where(
                AppliedOp.device_id == device_id,
                AppliedOp.op_id.in_([op.op_id for op in request.ops]),
            )
        )
    )
    writer = Writer(session, now)
    writer.prefetch(*_batch_keys(request))
    results: list[OpResult] = []
    newly_done: list[uuid.UUID] = []
    for op in request.ops:
        if op.op_id in done:
            results.append(OpResult(op_id=op.op_id, outcome=Outcome.DUPLICATE))
            continue
        handler = HANDLERS.get((op.entity, op.kind))
        try:
            if handler is None:
                raise Rejected("unsupported", f"{op.kind.value} of {op.entity.value}")
            handler(writer, op)
            outcome = Outcome.APPLIED
        except AlreadyThere:
            outcome = Outcome.DUPLICATE
        except Rejected as rejected:
            results.append(
                OpResult(
                    op_id=op.op_id,
                    outcome=Outcome.REJECTED,
                    code=rejected.code,
                    message=rejected.message,
                )
            )
            continue
        except Conflicting as conflict:
            results.append(
                OpResult(op_id=op.op_id, outcome=Outcome.CONFLICT, server_row=conflict.server_row)
            )
            continue
        done.add(op.op_id)
        newly_done.append(op.op_id)
        results.append(OpResult(op_id=op.op_id, outcome=outcome))
    session.flush()
    if newly_done:
        session.execute(
            insert(AppliedOp),
            [{"device_id": device_id, "op_id": op_id, "applied_at": now} for op_id in newly_done],
        )
    record_changes(session, writer.changed)
    return PushResponse(results=results)
