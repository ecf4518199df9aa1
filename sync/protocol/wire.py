"""The requests and answers of the sync protocol (DESIGN.md, "Sync protocol")."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from .numbers import KIOSK_CODE_PATTERN, ORDER_NUMBER_PATTERN

PROTOCOL_VERSION = 1

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
# A push's query may ask for the pull that follows it (PushResponse.pull): from this
# cursor, with at most PULL_LIMIT_PARAM changes (DEFAULT_PULL_LIMIT when left out).
PULL_FROM_PARAM = "pull_from"
PULL_LIMIT_PARAM = "pull_limit"

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
    # A kiosk takes an order over (DESIGN.md, "One owner per order"): no data; the
    # server makes the pushing kiosk the order's holder at once.
    TAKE_OVER = "take_over"


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
    # A setting changed on a kiosk (its set-up wizard, its counter, `kiosk settings
    # set`): appended, kept by the server per kiosk, never pulled back.
    SETTING = "setting"
    # What a person must settle (DESIGN.md, "One owner per order"): a payment the
    # order's holder did not expect, a cancelled order still holding money. Written
    # by the server, pulled by the kiosk concerned, marked resolved by a patch.
    TO_RESOLVE = "to_resolve"
    # Pulled only: the server decides them.
    CATEGORY = "category"
    SERVICE = "service"
    LULU = "lulu"


# A client record merged into another (the same phone typed at two kiosks) keeps the
# survivor's id under this key; every store re-points the merged record's orders there.
MERGED_INTO = "merged_into"
# An assignment refused because its Lulu is already elsewhere then: the conflict's
# server row carries, under this key, the order holding the slot (`SlotTaken`).
SLOT_TAKEN_BY = "slot_taken_by"


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
    FORBIDDEN = "forbidden"  # a credential of another kind (a kiosk's on the web API)
    TOO_MANY_REQUESTS = "too_many_requests"
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


class SlotTaken(WireModel):
    """Who holds a Lulu's slot: the other order's number and its kiosk (the code its
    number starts with, the kiosk that took it). The client is never named."""

    order_number: str
    kiosk_code: str


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


class PushResponse(WireModel):
    results: list[OpResult]
    # The first page of the pull that follows, when the push asked for one (its query's
    # PULL_FROM_PARAM) and the server knows that cursor: one request a sync, not two.
    # A server that does not answer it (older, or the cursor unknown) leaves it out.
    pull: PullResponse | None = None


# A resident looked up at a counter (DESIGN.md, "One owner per order"): by phone, in the
# body (never in an address an access log keeps), and for "follow my order" with the
# order's number too.
LOOKUP_PATH = "/sync/v1/lookup"


class LookupRequest(WireModel):
    """A phone in E.164, as the kiosk stores it ("+33612345678"), and optionally an
    order's number."""

    phone: Annotated[str, Field(pattern=r"^\+[1-9][0-9]{5,14}$")]
    number: Annotated[str, Field(pattern=ORDER_NUMBER_PATTERN)] | None = None


class LookupFound(WireModel):
    """The clients under that phone (with a number: that order's client only, and the
    order); they come with the kiosk's next pull as well."""

    clients: list[dict[str, Any]]
    order: dict[str, Any] | None = None


class ErrorBody(WireModel):
    error: ErrorCode
    message: str


class DeviceInfo(WireModel):
    """Who the server knows the caller as: its name, and a kiosk's series code (its
    orders are numbered "CODE-NNNN"; None for devices that take no orders)."""

    name: str
    code: str | None = Field(default=None, pattern=KIOSK_CODE_PATTERN)
    # The last number the server holds in each of this kiosk's document series
    # ({"F01-2026": 42, "A01-2026": 3}): a replaced kiosk numbers its next invoice after
    # them (its orders come back by the pull; invoices are not pulled).
    last_documents: dict[str, int] = Field(default_factory=dict)
