"""Invoices, credit notes, the yearly tax certificate and a Lulu's monthly statement, as
the printers lay them out."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sync.protocol import PaymentMethod

from ..domain.kinds import InvoiceKind, PaymentKind
from .settings import KioskSettings


@dataclass(frozen=True, slots=True)
class InvoiceLine:
    """One service on an invoice or a certificate."""

    order_number: str
    service_name: str
    day: date  # in Europe/Paris
    start: datetime  # aware, Europe/Paris
    minutes: int
    units: int
    unit_minutes: int
    unit_price_cents: int
    amount_cents: int
    tax_credit: bool
    lulu_name: str
    lulu_siret: str


@dataclass(frozen=True, slots=True)
class PaymentLine:
    method: PaymentMethod
    kind: PaymentKind
    amount_cents: int
    at: datetime


@dataclass(frozen=True, slots=True)
class InvoiceSummary:
    id: uuid.UUID
    number: str
    kind: InvoiceKind
    order_id: uuid.UUID
    issued_at: datetime
    amount_cents: int
    tax_credit_cents: int


@dataclass(frozen=True, slots=True)
class InvoiceDocument:
    """Everything an invoice or credit note shows (art. D7233-1 code du travail)."""

    association: KioskSettings
    number: str
    kind: InvoiceKind
    issued_at: datetime
    credits_number: str | None  # for a credit note: the invoice it cancels
    reason: str
    client_name: str
    client_address: str
    place: str
    lines: tuple[InvoiceLine, ...]
    amount_cents: int
    tax_credit_cents: int
    payments: tuple[PaymentLine, ...]


@dataclass(frozen=True, slots=True)
class TaxCertificate:
    """The yearly certificate for the tax credit (art. D7233-4 code du travail)."""

    association: KioskSettings
    year: int
    client_id: uuid.UUID
    client_name: str
    client_address: str
    lines: tuple[InvoiceLine, ...]
    invoiced_cents: int
    paid_eligible_cents: int  # what opens the right to the credit
    paid_cash_cents: int  # paid too, but not eligible


@dataclass(frozen=True, slots=True)
class LuluStatement:
    """The services a Lulu did in a month: they build their own invoice from it."""

    association: KioskSettings
    year: int
    month: int
    lulu_id: uuid.UUID
    lulu_name: str
    lulu_siret: str
    lines: tuple[InvoiceLine, ...]
    total_cents: int
    total_minutes: int


def one_line_address(street: str, postcode: str, city: str, building: str = "") -> str:
    parts = [street, building, f"{postcode} {city}".strip()]
    return ", ".join(part for part in parts if part)
