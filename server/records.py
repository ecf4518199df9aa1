"""What each synced record must look like on the server. The kiosk sends its rows'
columns; these models check them before anything is written, so one bad op is
rejected with its reason and never half-applied."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from sync.protocol import Channel, OrderStatus, PaymentMethod

Text80 = Annotated[str, Field(max_length=80)]
LongText = Annotated[str, Field(max_length=2000)]
Lang = Annotated[str, Field(pattern="^(fr|en)$")]
# An order's public page token: it goes in the page's address and in HTML, so it is
# URL-safe base64 (secrets.token_urlsafe) and nothing else.
PUBLIC_TOKEN_PATTERN = "^[A-Za-z0-9_-]{16,64}$"
PublicToken = Annotated[str, Field(pattern=PUBLIC_TOKEN_PATTERN)]


class RecordModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AddressFields(RecordModel):
    street: Annotated[str, Field(max_length=120)] = ""
    postcode: Annotated[str, Field(max_length=5)] = ""
    city: Annotated[str, Field(max_length=60)] = ""
    building: Annotated[str, Field(max_length=40)] = ""
    floor: Annotated[int, Field(ge=-5, le=200)] | None = None
    has_lift: bool | None = None
    access_notes: LongText = ""


class ClientRecord(AddressFields):
    id: uuid.UUID
    name: Text80
    phone: Annotated[str, Field(max_length=20)] | None
    email: Annotated[str, Field(max_length=254)] | None = None
    lang: Lang = "fr"
    consent_at: AwareDatetime | None = None
    created_at: AwareDatetime
    updated_at: AwareDatetime
    erased_at: AwareDatetime | None = None
    # Set by the server only: merged into this client (same phone; client_merges.py).
    merged_into: uuid.UUID | None = None
    version: int = 1


# A patch may touch these client fields, one by one, in arrival order.
CLIENT_PATCHABLE = frozenset(
    {"name", "phone", "email", "lang", "erased_at", *AddressFields.model_fields}
)
# What an erased client keeps of its personal fields.
CLIENT_ERASED: dict[str, Any] = {
    "name": "",
    "phone": None,
    "email": None,
    "street": "",
    "postcode": "",
    "city": "",
    "building": "",
    "floor": None,
    "has_lift": None,
    "access_notes": "",
}
# What an erased client's orders keep of where the Lulu went: the postcode and city (the
# area the association reports on), not the door, the floor nor what was written about
# the person (the kiosk's erasure does the same: kiosk_app/services/client_erasure.py).
ORDER_ERASED: dict[str, Any] = {
    "street": "",
    "building": "",
    "floor": None,
    "has_lift": None,
    "access_notes": "",
    "description": "",
}


class OrderRecord(AddressFields):
    id: uuid.UUID
    number: Annotated[str, Field(min_length=1, max_length=20)]
    client_id: uuid.UUID
    service_id: uuid.UUID
    service_name_fr: Text80
    service_name_en: Text80
    unit_minutes: Annotated[int, Field(gt=0, le=24 * 60)]
    unit_price_cents: Annotated[int, Field(ge=0, le=1_000_000)]
    tax_credit: bool
    slot_start: AwareDatetime
    slot_end: AwareDatetime
    estimated_units: Annotated[int, Field(gt=0, le=1000)]
    actual_units: Annotated[int, Field(gt=0, le=1000)] | None = None
    actual_minutes: Annotated[int, Field(gt=0, le=24 * 60)] | None = None
    description: LongText = ""
    channel: Channel
    lulu_id: uuid.UUID | None = None
    tutor_id: uuid.UUID | None = None  # going along with a Lulu in training
    status: OrderStatus
    cancel_reason: LongText | None = None
    lang: Lang = "fr"
    public_token: PublicToken
    created_at: AwareDatetime
    updated_at: AwareDatetime
    version: int = 1
    # The device name of the kiosk that holds the order, set by the server (never
    # taken from a kiosk: see ownership.py); None on the holder's own pull.
    held_by: Text80 | None = None


# A patch may touch these order fields: what the counter edits (slot, estimate,
# description, address details). Status, Lulu and money move by transitions only.
ORDER_PATCHABLE = frozenset(
    {"slot_start", "slot_end", "estimated_units", "description", *AddressFields.model_fields}
)


class TransitionData(RecordModel):
    from_: OrderStatus = Field(alias="from")
    to: OrderStatus
    lulu_id: uuid.UUID | None = None
    tutor_id: uuid.UUID | None = None  # with a Lulu in training, when assigned
    actual_units: Annotated[int, Field(gt=0, le=1000)] | None = None
    actual_minutes: Annotated[int, Field(gt=0, le=24 * 60)] | None = None  # worked
    reason: LongText | None = None


class PaymentRecord(RecordModel):
    id: uuid.UUID
    order_id: uuid.UUID
    kind: Annotated[str, Field(pattern="^(payment|refund)$")] = "payment"
    method: PaymentMethod
    amount_cents: Annotated[int, Field(gt=0, le=1_000_000)]
    at: AwareDatetime
    attendant_id: uuid.UUID | None = None
    refunds_payment_id: uuid.UUID | None = None  # a refund: the payment it gives back


class InvoiceRecord(RecordModel):
    """An invoice or credit note as a kiosk issued it: its content (validated as the
    documents package reads it) and the hash the kiosk computed, checked here."""

    id: uuid.UUID
    order_id: uuid.UUID
    number: Annotated[str, Field(min_length=1, max_length=32)]
    content: dict[str, Any]
    content_sha256: Annotated[str, Field(pattern="^[0-9a-f]{64}$")]


class RatingRecord(RecordModel):
    id: uuid.UUID
    order_id: uuid.UUID
    stars: Annotated[int, Field(ge=1, le=5)]
    comment: LongText = ""
    at: AwareDatetime


class VisitRecord(RecordModel):
    id: uuid.UUID
    started_at: AwareDatetime
    lang: Lang = "fr"


class LuluApplicationRecord(RecordModel):
    id: uuid.UUID
    name: Text80
    phone: Annotated[str, Field(max_length=20)]
    skills: Annotated[list[Annotated[str, Field(max_length=40)]], Field(max_length=40)]
    availability: LongText = ""
    created_at: AwareDatetime
    lulu_id: uuid.UUID | None = None


Cents = Annotated[int, Field(ge=-100_000_000, le=100_000_000)]


class TillFigures(RecordModel):
    expected_cents: Cents
    counted_cents: Annotated[int, Field(ge=0, le=100_000_000)]
    payments: Annotated[int, Field(ge=0, le=1_000_000)]


class CashSessionRecord(RecordModel):
    """A kiosk's closed till session (its Z): kept for the association's accounts."""

    id: uuid.UUID
    number: Annotated[int, Field(ge=1)]
    float_cents: Annotated[int, Field(ge=0, le=100_000_000)]
    opened_at: AwareDatetime
    opened_by: uuid.UUID | None = None
    closed_at: AwareDatetime
    closed_by: uuid.UUID | None = None
    approved_by: uuid.UUID | None = None
    methods: dict[PaymentMethod, TillFigures]


class SettingChangeRecord(RecordModel):
    """A setting changed on a kiosk; the server adds which kiosk (from the credential)."""

    id: uuid.UUID
    key: Annotated[str, Field(max_length=60, pattern="^[a-z_]+$")]
    value: LongText | None = None  # None: a value that may name a person, not sent
    changed_at: AwareDatetime
    changed_by: uuid.UUID | None = None  # the manager; None from the wizard or a shell
    source: Annotated[str, Field(pattern="^(setup|counter|cli)$")]


class LuluFilePatch(RecordModel):
    stage: Annotated[str, Field(max_length=24)] | None = None
    identity_checked: bool | None = None
    business_registered: bool | None = None
    urssaf_declared: bool | None = None
    insured: bool | None = None
    trained: bool | None = None
    tutor_id: uuid.UUID | None = None


def as_json(model: BaseModel, *, exclude: set[str] | None = None) -> dict[str, Any]:
    return model.model_dump(mode="json", exclude=exclude or {"version"})


def utc_text(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")
