"""The wire contract between kiosks and the central server, and its shared vocabulary.

The order lifecycle lives here, not in `kiosk_app`, because the kiosk and the server must
check transitions against the very same table and the server may import nothing of the
kiosk but this module (see DESIGN.md, "Parts and their directions").
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field

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


# An order number: the series' code, then its number of four to nine digits
# ("01-0042"). The central server allocates each kiosk its code at enrolment (two digits
# 01-99, then three digits 100-999); "00" is the web platform's. Digits only: a resident
# types it on the number pad, and kiosks name ticket files after it (never a path,
# never a pattern).
ORDER_NUMBER_PATTERN = r"^[0-9]{2,3}-[0-9]{4,9}$"
_ORDER_NUMBER = re.compile(ORDER_NUMBER_PATTERN)
KIOSK_CODE_PATTERN = r"^(0[1-9]|[1-9][0-9]|[1-9][0-9]{2})$"
_KIOSK_CODE = re.compile(KIOSK_CODE_PATTERN)
WEB_SERIES_CODE = "00"
# The kiosk codes the server hands out, in order: never one twice (server/auth.py).
FIRST_KIOSK_CODE, LAST_KIOSK_CODE = 1, 999


def is_order_number(text: str) -> bool:
    return _ORDER_NUMBER.fullmatch(text) is not None


def is_kiosk_code(text: str) -> bool:
    """A code the server may allocate to a kiosk: "01" to "99", then "100" to "999"."""
    return _KIOSK_CODE.fullmatch(text) is not None


def kiosk_code_of(rank: int) -> str:
    """The `rank`-th kiosk code (1 -> "01", 99 -> "99", 100 -> "100")."""
    if not FIRST_KIOSK_CODE <= rank <= LAST_KIOSK_CODE:
        raise ValueError("no kiosk code left")
    return f"{rank:02d}"


def series_of(order_number: str) -> str | None:
    """The series code of a well-formed order number ("01-0042" -> "01"), else None."""
    if not is_order_number(order_number):
        return None
    return order_number.partition("-")[0]


# Invoices ("F01-2026-00001") and credit notes ("A01-2026-00001"): the letter, the
# kiosk's code, the year, the number. A kiosk issues documents in its own series only.
DOCUMENT_NUMBER_PATTERN = r"^[FA]([0-9]{2,3})-[0-9]{4}-[0-9]{5,9}$"
_DOCUMENT_NUMBER = re.compile(DOCUMENT_NUMBER_PATTERN)


def document_series_of(number: str) -> str | None:
    """The kiosk code of a well-formed invoice or credit note number, else None."""
    found = _DOCUMENT_NUMBER.fullmatch(number)
    return found.group(1) if found else None


# --- Text that may be stored ---------------------------------------------------------
# One rule for the kiosk (kiosk_app.domain.validation) and the server: control and
# format characters other than line breaks and tabs (NUL, right-to-left overrides, lone
# surrogates) have no place in stored text: an override would make the counter's screen
# and tickets show something else than was typed, and a lone surrogate cannot even be
# written as UTF-8.

# Format characters that people's text needs: the zero-width joiners of emoji sequences
# and of Persian or Indic words, and the tag characters of subdivision flags.
_ALLOWED_FORMAT = re.compile("[\u200c\u200d\U000e0020-\U000e007f]")


def has_control_characters(text: str, *, unassigned: bool = True) -> bool:
    """Whether `text` holds a character refused in stored text. `unassigned=False`
    lets through code points this Python's Unicode tables do not know (the server: a
    kiosk on a newer Python may send a newer emoji)."""
    if text.isprintable():  # the usual case, checked in C: no control nor format char
        return False
    return any(_is_control(ch, unassigned) for ch in text)


def _is_control(ch: str, unassigned: bool) -> bool:
    category = unicodedata.category(ch)
    if category == "Cf":
        return not _ALLOWED_FORMAT.match(ch)
    if category == "Cn":
        return unassigned
    return category in ("Cc", "Cs", "Co") and ch not in "\n\t"


def refused_text_at(value: Any, where: str = "data") -> str | None:
    """Where in `value` (a JSON document: dicts, lists, strings) a string holds a
    refused character, as "data.street" (keys are checked too), or None. The place
    and the code point are what an answer may say: never the text (personal data)."""
    if isinstance(value, str):
        if has_control_characters(value, unassigned=False):
            bad = next(ch for ch in value if _is_control(ch, False))
            return f"{where}: character U+{ord(bad):04X} is not allowed"
        return None
    if isinstance(value, dict):
        for key, item in value.items():
            found = refused_text_at(key, where) if isinstance(key, str) else None
            found = found or refused_text_at(item, f"{where}.{key}"[:120])
            if found:
                return found
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found = refused_text_at(item, f"{where}[{index}]")
            if found:
                return found
    return None


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


# --- The kiosk's health report (DESIGN.md, "Sync protocol") ------------------------------
# Sent by the sync engine to `POST /sync/v1/health` after a sync, at most once a minute:
# what the association's kiosks page shows. Only counts, codes and times: nothing a
# resident typed, no name, no address. Its free fields are codes of a strict shape, so a
# hostile kiosk cannot put text there either.

HEALTH_PATH = "/sync/v1/health"
# A message key ("printer.paper_out", "sync.network_down"): lowercase words and dots.
KEY_PATTERN = r"^[a-z][a-z0-9_]{0,30}(\.[a-z0-9_]{1,30}){0,3}$"
# A package version (PEP 440's characters: "0.1.0", "1.2.0rc1", "0.3.dev4+g1a2b3c").
VERSION_PATTERN = r"^[0-9][0-9A-Za-z.+!_-]{0,39}$"
MAX_COUNT = 10**9
MAX_BYTES = 2**53  # exact in any JSON reader


def _in_utc(value: datetime) -> datetime:
    """An aware time, in UTC; one that cannot be (year 1 at +23:59) is refused here, not
    met later as an overflow."""
    try:
        return value.astimezone(UTC)
    except (OverflowError, ValueError):
        raise ValueError("a time out of range") from None


UtcTime = Annotated[AwareDatetime, AfterValidator(_in_utc)]
Key = Annotated[str, Field(pattern=KEY_PATTERN, max_length=64)]
Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]
Bytes = Annotated[int, Field(ge=0, le=MAX_BYTES)]


class PrinterState(StrEnum):
    NONE = "none"  # no printer configured: tickets are saved as files
    OK = "ok"
    FAULT = "fault"  # the first waiting job met a fault (its key says which)


class PrinterHealth(WireModel):
    state: PrinterState
    fault: Key | None = None  # printer.paper_out, printer.cover_open, printer.offline...
    jobs_waiting: Count = 0


class HealthReport(WireModel):
    """One kiosk's health as it sees it; the server adds when it received it (its own
    clock, never this one's)."""

    version: str = Field(pattern=VERSION_PATTERN)
    kiosk_time: UtcTime  # the kiosk's clock, to show a kiosk whose clock is wrong
    outbox_pending: Count
    outbox_set_aside: Count
    oldest_pending_s: Count | None = None  # the oldest unsent op's age, on the kiosk's clock
    printer: PrinterHealth
    disk_free_bytes: Bytes | None = None  # in the data folder's file system
    disk_total_bytes: Bytes | None = None
    last_error: Key | None = None  # the key of the last sync that failed
    last_error_at: UtcTime | None = None
    last_backup_at: UtcTime | None = None


class DeviceInfo(WireModel):
    """Who the server knows the caller as: its name, and a kiosk's series code (its
    orders are numbered "CODE-NNNN"; None for devices that take no orders)."""

    name: str
    code: str | None = Field(default=None, pattern=KIOSK_CODE_PATTERN)
    # The last number the server holds in each of this kiosk's document series
    # ({"F01-2026": 42, "A01-2026": 3}): a replaced kiosk numbers its next invoice after
    # them (its orders come back by the pull; invoices are not pulled).
    last_documents: dict[str, int] = Field(default_factory=dict)


class HealthReceived(WireModel):
    received_at: datetime  # the server's clock
