"""An order as given (OrderRequest) and as shown (OrderView): its price, steps, the
edits allowed, and a rating. The order statuses and lifecycle are in `sync.protocol`."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sync.protocol import EDITABLE_STATUSES, Channel, OrderStatus

from ..domain.pricing import Price, price_for
from .clients import AddressInput


@dataclass(frozen=True, slots=True)
class OrderRequest:
    """An order as a resident or an attendant gives it."""

    service_id: uuid.UUID
    slot_start: datetime
    slot_end: datetime
    estimated_units: int
    phone: str
    address: AddressInput
    channel: Channel
    name: str = ""  # needed for a new client; a known one is recognised by phone
    email: str = ""
    description: str = ""
    lang: str = "fr"
    consent: bool = False  # to the processing of personal data; needed for a new client


@dataclass(frozen=True, slots=True)
class OrderView:
    id: uuid.UUID
    number: str
    status: OrderStatus
    channel: Channel
    client_id: uuid.UUID
    service_id: uuid.UUID
    service_name_fr: str
    service_name_en: str
    unit_minutes: int
    unit_price_cents: int
    tax_credit: bool
    slot_start: datetime
    slot_end: datetime
    estimated_units: int
    actual_units: int | None
    description: str
    address: AddressInput
    lulu_id: uuid.UUID | None
    cancel_reason: str | None
    lang: str
    public_token: str
    created_at: datetime
    updated_at: datetime
    version: int
    # Another kiosk holding the order (its name): read-only here; None: this kiosk's.
    held_by: str | None = None

    def service_name(self, lang: str) -> str:
        return self.service_name_en if lang == "en" else self.service_name_fr

    @property
    def estimated_price(self) -> Price:
        return price_for(
            self.estimated_units, self.unit_price_cents, tax_credit_eligible=self.tax_credit
        )

    @property
    def final_price(self) -> Price | None:
        if self.actual_units is None:
            return None
        return price_for(
            self.actual_units, self.unit_price_cents, tax_credit_eligible=self.tax_credit
        )

    @property
    def price_due(self) -> Price:
        """What the client owes: the final price once done, else the estimate."""
        return self.final_price or self.estimated_price


@dataclass(frozen=True, slots=True)
class TimelineStep:
    status: OrderStatus
    at: datetime


def normalise_order_number(typed: str) -> str | None:
    """ "01-0042", "010042" or "1-42" typed on a number pad, as stored: "01-0042"; a
    kiosk past the 99th has a three-digit code, typed with its dash ("100-0042")."""
    typed = typed.strip()
    if "-" in typed:
        kiosk, _, seq = typed.partition("-")
    else:
        kiosk, seq = typed[:2], typed[2:]
    # isdecimal(), not isdigit(): "²" is a digit that int() refuses.
    if not (kiosk.isdecimal() and seq.isdecimal()) or len(kiosk) > 3 or len(seq) > 9:
        return None
    if len(kiosk) == 3 and kiosk.startswith("0"):  # three digits: codes 100 to 999
        return None
    return f"{int(kiosk):02d}-{int(seq):04d}"


@dataclass(frozen=True, slots=True)
class OrderChanges:
    """What the attendant changed; None leaves that part as it is."""

    slot: tuple[datetime, datetime] | None = None
    estimated_units: int | None = None
    description: str | None = None
    address: AddressInput | None = None


@dataclass(frozen=True, slots=True)
class EditResult:
    order: OrderView
    changed: tuple[str, ...]  # the order's fields that changed, sorted
    reprinted: bool  # a fresh ticket was queued (the slot or the address moved)


def is_editable(status: OrderStatus) -> bool:
    return status in EDITABLE_STATUSES


RATABLE = frozenset({OrderStatus.DONE, OrderStatus.PAID})


@dataclass(frozen=True, slots=True)
class RatingView:
    id: uuid.UUID
    order_id: uuid.UUID
    stars: int
    comment: str
    at: datetime
