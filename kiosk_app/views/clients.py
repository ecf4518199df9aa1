"""Clients (residents) as the screens show them: the address as typed, a client's
record and history at the counter, and the neutral name an erased client is shown under."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from sync.protocol import FINAL_STATUSES, OrderStatus, PaymentMethod

from ..domain import validation
from ..domain.kinds import PaymentKind


@dataclass(frozen=True, slots=True)
class AddressInput:
    """An address as typed: validated by `check_address`."""

    street: str = ""
    postcode: str = ""
    city: str = "Paris"
    building: str = ""
    floor: int | None = None
    has_lift: bool | None = None
    access_notes: str = ""


@dataclass(frozen=True, slots=True)
class ClientView:
    id: uuid.UUID
    name: str
    phone: str | None
    email: str | None
    lang: str
    address: AddressInput = field(default_factory=AddressInput)
    consent_at: datetime | None = None
    erased: bool = False

    @property
    def phone_display(self) -> str:
        return validation.format_phone(self.phone) if self.phone else ""


def erased_name(client_id: uuid.UUID) -> str:
    """The neutral name an erased client is shown under everywhere ("Client" is the same
    word in French and English; the digits of the random id tell erased clients apart in
    the accounts without saying who they were)."""
    return f"Client {client_id.hex[:6].upper()}"


@dataclass(frozen=True, slots=True)
class ClientChanges:
    """A client's details as the attendant typed them, validated by `edit`."""

    name: str
    phone: str
    address: AddressInput
    email: str = ""
    lang: str = "fr"


@dataclass(frozen=True, slots=True)
class PaymentLine:
    kind: PaymentKind
    method: PaymentMethod
    amount_cents: int
    at: datetime

    @property
    def signed_cents(self) -> int:
        return -self.amount_cents if self.kind is PaymentKind.REFUND else self.amount_cents


@dataclass(frozen=True, slots=True)
class ClientOrder:
    """One order in a client's history."""

    id: uuid.UUID
    number: str
    service_name_fr: str
    service_name_en: str
    slot_start: datetime
    status: OrderStatus
    price_cents: int  # the final price once done, else the estimate
    payments: tuple[PaymentLine, ...]
    stars: int | None  # the rating given, if any
    invoice_numbers: tuple[str, ...]  # invoices and credit notes, in issue order

    def service_name(self, lang: str) -> str:
        return self.service_name_en if lang == "en" else self.service_name_fr

    @property
    def paid_cents(self) -> int:
        return sum(payment.signed_cents for payment in self.payments)


@dataclass(frozen=True, slots=True)
class ClientHistory:
    client: ClientView
    orders: tuple[ClientOrder, ...]  # newest first

    @property
    def open_orders(self) -> int:
        """Orders neither paid nor cancelled: while there are some, erasure is refused."""
        return sum(1 for order in self.orders if order.status not in FINAL_STATUSES)
