"""Invoices and credit notes as the counter lists them. What a document says is in
`documents.content` (frozen at issue), shared with the printers and the central server."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from ..domain.kinds import InvoiceKind


@dataclass(frozen=True, slots=True)
class InvoiceSummary:
    id: uuid.UUID
    number: str
    kind: InvoiceKind
    order_id: uuid.UUID
    issued_at: datetime
    amount_cents: int
    tax_credit_cents: int


def one_line_address(street: str, postcode: str, city: str, building: str = "") -> str:
    parts = [street, building, f"{postcode} {city}".strip()]
    return ", ".join(part for part in parts if part)
