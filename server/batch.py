"""Applying a pushed batch of outbox ops (the handlers of each op: push.py).

Everything of a batch happens in the caller's one transaction: the ops' effects, the
`(device, op_id)` rows that make a replay `duplicate`, the batch's key and the change
log. Each op is checked in full before it writes anything, so a rejected op leaves no
trace and its neighbours still apply; any unexpected error rolls the whole batch back
(the answer is then a 5xx and nothing was committed). Before its handler, an op must
hold only text a store may keep (sync.protocol's rule) and be within the caller's
record scope (scopes.RecordRules).
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from contextlib import suppress
from datetime import datetime

from pydantic_core import PydanticSerializationError
from sqlalchemy import bindparam, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from sync.protocol import (
    Entity,
    Op,
    OpKind,
    OpResult,
    Outcome,
    PushRequest,
    PushResponse,
    refused_text_at,
)

from .changes import Key
from .client_merges import lock_phones
from .models import AppliedOp, Batch
from .push import HANDLERS, AlreadyThere, Conflicting, series_refusal, server_row
from .records import PUBLIC_TOKEN_PATTERN
from .scopes import Caller, OpenRecords, RecordRules, Refusal
from .statements import PerDialect
from .writer import Rejected, Writer

TOKEN = re.compile(PUBLIC_TOKEN_PATTERN)


class IdempotencyMismatch(Exception):
    """The same Idempotency-Key came with another body."""


# The fields of an op's data that name another record, and what they name.
_REFERENCES = (("client_id", Entity.CLIENT), ("order_id", Entity.ORDER))


def _batch_keys(request: PushRequest) -> tuple[set[Key], dict[Entity, set[str]]]:
    """The records a batch touches or names (its entities, their clients and orders)
    and the public tokens its orders claim, to look them all up at once."""
    keys: set[Key] = set()
    tokens: set[str] = set()
    for op in request.ops:
        keys.add((op.entity.value, op.entity_id))
        for field, entity in _REFERENCES:
            value = op.data.get(field)
            if isinstance(value, str):
                with suppress(ValueError):  # the op's own check rejects it
                    keys.add((entity.value, uuid.UUID(value)))
        token = op.data.get("public_token")
        if op.entity is Entity.ORDER and isinstance(token, str) and TOKEN.fullmatch(token):
            tokens.add(token)  # (any other is refused by the op's own check)
    return keys, {Entity.ORDER: tokens} if tokens else {}


MAX_PHONE = 20  # records.ClientRecord's


def _new_phones(request: PushRequest) -> set[str]:
    """The phones of the clients a batch creates (a merge looks each one up). One its
    op's own check refuses (too long, a refused character) is left to that check."""
    return {
        phone
        for op in request.ops
        if (op.entity, op.kind) == (Entity.CLIENT, OpKind.CREATE)
        and isinstance(phone := op.data.get("phone"), str)
        and 0 < len(phone) <= MAX_PHONE
        and refused_text_at(phone) is None
    }


BATCHES = Batch.metadata.tables[Batch.__tablename__]
APPLIED_OPS = AppliedOp.metadata.tables[AppliedOp.__tablename__]
BATCH_HASH = select(BATCHES.c.body_hash).where(
    BATCHES.c.device_id == bindparam("device"), BATCHES.c.key == bindparam("key")
)
# A new batch's key claimed in one statement (a key already known inserts nothing and
# returns nothing; its hash is then read): a new batch costs one round trip, not two.
CLAIM_KEY = {
    "postgresql": pg_insert(BATCHES).on_conflict_do_nothing().returning(BATCHES.c.key),
    "sqlite": sqlite_insert(BATCHES).on_conflict_do_nothing().returning(BATCHES.c.key),
}
APPLIED = PerDialect.build(
    lambda one_of: select(APPLIED_OPS.c.op_id).where(
        APPLIED_OPS.c.device_id == bindparam("device"), one_of(APPLIED_OPS.c.op_id, "op_ids")
    )
)
NEW_APPLIED = APPLIED_OPS.insert()


def body_hash(request: PushRequest) -> str:
    try:
        body = request.model_dump_json().encode()
    except PydanticSerializationError:
        # A lone surrogate cannot be UTF-8: hashed escaped (its op is rejected below).
        body = json.dumps(request.model_dump(mode="json"), separators=(",", ":")).encode()
    return hashlib.sha256(body).hexdigest()


OPEN_RECORDS = OpenRecords()


def _refusal(caller: Caller, writer: Writer, op: Op, rules: RecordRules) -> Rejected | None:
    """Why an op is refused before its handler runs: a character no store keeps (the
    kiosk's rule: sync.protocol), a number outside the caller's series, or the caller's
    record scope (scopes.py)."""
    bad_text = refused_text_at(op.data)
    if bad_text:
        return Rejected("invalid", bad_text)
    wrong_number = series_refusal(caller.code, op)
    if wrong_number is not None:
        return wrong_number
    refused = rules.refuse_op(caller, writer, op)
    if isinstance(refused, Refusal):
        held = writer.get(op.entity, op.entity_id) if op.entity is Entity.ORDER else None
        # The order as its holder left it: the kiosk shows it so, read-only.
        return Rejected(refused.code, refused.message, server_row(held) if held else None)
    if refused:
        return Rejected("forbidden", refused)
    return None


def push_batch(
    session: Session,
    caller: Caller,
    key: str,
    request: PushRequest,
    *,
    now: datetime,
    rules: RecordRules = OPEN_RECORDS,
) -> PushResponse:
    """Apply one batch inside the caller's transaction and say what became of each op.
    The caller was found live in this same transaction (and its row locked)."""
    device_id = caller.device_id
    connection = session.connection()
    digest = body_hash(request)
    claim = {"device_id": device_id, "key": key, "body_hash": digest, "received_at": now}
    if connection.execute(CLAIM_KEY[connection.dialect.name], claim).first() is None:
        known_hash = connection.execute(BATCH_HASH, {"device": device_id, "key": key}).scalar()
        if known_hash != digest:
            raise IdempotencyMismatch()
    done = set(
        connection.execute(
            APPLIED.on(connection),
            {"device": device_id, "op_ids": [op.op_id for op in request.ops]},
        ).scalars()
    )
    writer = Writer(session, now, caller)
    writer.prefetch(*_batch_keys(request))
    lock_phones(writer, _new_phones(request))
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
            refusal = _refusal(caller, writer, op, rules)
            if refusal is not None:
                raise refusal
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
                    server_row=rejected.server_row,
                )
            )
            continue
        except Conflicting as conflict:
            row = conflict.server_row
            if row.get("held_by") is not None and row["held_by"] == caller.name:
                row = {**row, "held_by": None}  # its own order: no holder to show
            results.append(OpResult(op_id=op.op_id, outcome=Outcome.CONFLICT, server_row=row))
            continue
        done.add(op.op_id)
        newly_done.append(op.op_id)
        results.append(OpResult(op_id=op.op_id, outcome=outcome))
    if newly_done:
        connection.execute(
            NEW_APPLIED,
            [{"device_id": device_id, "op_id": op_id, "applied_at": now} for op_id in newly_done],
        )
    writer.finish()
    return PushResponse(results=results)
