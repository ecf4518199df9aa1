"""The wire contract between kiosks and the central server, and its shared vocabulary.

The order lifecycle lives here, not in `kiosk_app`, because the kiosk and the server must
check transitions against the very same table and the server may import nothing of the
kiosk but this module (see DESIGN.md, "Parts and their directions").
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL_VERSION = 1


class OrderStatus(StrEnum):
    REQUESTED = "requested"
    CONFIRMED = "confirmed"
    ASSIGNED = "assigned"
    DONE = "done"
    PAID = "paid"
    CANCELLED = "cancelled"


class Channel(StrEnum):
    SELF_SERVICE = "self_service"
    COUNTER = "counter"
    WEB = "web"


class PaymentMethod(StrEnum):
    CASH = "cash"
    CARD = "card"  # on the external card terminal: the kiosk only records it
    CHEQUE = "cheque"
    CESU = "cesu"  # chèque emploi service universel (prefinanced)
    TRANSFER = "transfer"


# The one table of allowed transitions (DESIGN.md, "Order lifecycle"). `paid` and
# `cancelled` are final: they have no way out, so a final state never regresses.
TRANSITIONS: dict[OrderStatus, frozenset[OrderStatus]] = {
    OrderStatus.REQUESTED: frozenset({OrderStatus.CONFIRMED, OrderStatus.CANCELLED}),
    OrderStatus.CONFIRMED: frozenset({OrderStatus.ASSIGNED, OrderStatus.CANCELLED}),
    OrderStatus.ASSIGNED: frozenset(
        {OrderStatus.DONE, OrderStatus.CONFIRMED, OrderStatus.CANCELLED}
    ),
    OrderStatus.DONE: frozenset({OrderStatus.PAID}),
    OrderStatus.PAID: frozenset(),
    OrderStatus.CANCELLED: frozenset(),
}

FINAL_STATUSES = frozenset(s for s, targets in TRANSITIONS.items() if not targets)
# An order's slot, estimate, description and address may be edited until the Lulu starts
# the work: once done, the actual duration and the final price are recorded (and invoiced
# once paid), and a cancelled order is closed. Kiosk and server apply the same rule.
EDITABLE_STATUSES = frozenset({OrderStatus.REQUESTED, OrderStatus.CONFIRMED, OrderStatus.ASSIGNED})


def is_allowed(current: OrderStatus, target: OrderStatus) -> bool:
    """Whether the lifecycle lets an order go from `current` to `target`."""
    return target in TRANSITIONS[current]


# --- The wire models of DESIGN.md's "Sync protocol" -----------------------------------
# Pydantic (v2) models shared by the kiosk's client and the server: one definition of
# what travels, so both ends validate the same shapes.

# What the schema of synced records looks like (the fields each entity carries). Bumped
# when a field changes meaning; a kiosk on another schema is told to upgrade.
SCHEMA_VERSION = 1
SUPPORTED_PROTOCOLS = frozenset({PROTOCOL_VERSION})

MAX_BATCH_OPS = 200
MAX_BATCH_BYTES = 1_000_000
MAX_PULL_LIMIT = 1000
DEFAULT_PULL_LIMIT = 500

# Headers: each request says which protocol and schema it speaks; each answer says the
# server's, so either end can refuse before anything is applied.
PROTOCOL_HEADER = "Comptoir-Protocol"
SCHEMA_HEADER = "Comptoir-Schema"
IDEMPOTENCY_HEADER = "Idempotency-Key"


class OpKind(StrEnum):
    CREATE = "create"
    PATCH = "patch"
    TRANSITION = "transition"
    APPEND = "append"


class Entity(StrEnum):
    """What an outbox op or a pulled change is about."""

    ORDER = "order"
    CLIENT = "client"
    PAYMENT = "payment"
    RATING = "rating"
    VISIT = "visit"
    LULU_APPLICATION = "lulu_application"
    LULU_FILE = "lulu_file"
    CASH_SESSION = "cash_session"  # a closed till session (its Z report)
    # An invoice or a credit note as issued: immutable, kept by the server (ten years by
    # law); a second document under the same number with other content is refused.
    INVOICE = "invoice"
    # Pulled only: the server decides them.
    CATEGORY = "category"
    SERVICE = "service"
    LULU = "lulu"


class Outcome(StrEnum):
    APPLIED = "applied"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"
    CONFLICT = "conflict"


class ErrorCode(StrEnum):
    """The `error` of a non-200 answer, for programs (the `message` is for people)."""

    UPGRADE_REQUIRED = "upgrade_required"
    MUST_REFETCH = "must_refetch"
    UNAUTHORIZED = "unauthorized"
    IDEMPOTENCY_MISMATCH = "idempotency_key_reused"
    TOO_LARGE = "too_large"
    INVALID = "invalid"
    NOT_FOUND = "not_found"
    BUSY = "busy"


class WireModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Meta(WireModel):
    server_time: datetime
    protocol_version: int
    supported_protocols: list[int]
    schema_version: int


class Op(WireModel):
    op_id: uuid.UUID
    entity: Entity
    entity_id: uuid.UUID
    kind: OpKind
    base_version: int | None = None
    data: dict[str, Any]


class PushRequest(WireModel):
    ops: list[Op] = Field(min_length=1, max_length=MAX_BATCH_OPS)


class OpResult(WireModel):
    op_id: uuid.UUID
    outcome: Outcome
    code: str | None = None  # rejected: why, for programs
    message: str | None = None  # rejected: why, for people
    server_row: dict[str, Any] | None = None  # conflict: the state the server kept


class PushResponse(WireModel):
    results: list[OpResult]


class Change(WireModel):
    """A record as the server holds it now; `seq` is its place in the change log."""

    seq: int
    entity: Entity
    entity_id: uuid.UUID
    version: int
    data: dict[str, Any]


class PullResponse(WireModel):
    changes: list[Change]
    next_cursor: int
    has_more: bool


class ErrorBody(WireModel):
    error: ErrorCode
    message: str
