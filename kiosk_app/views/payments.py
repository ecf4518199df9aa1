"""A payment or refund as recorded, and the largest amount the counter accepts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sync.protocol import PaymentMethod

from ..domain.kinds import PaymentKind

MAX_PAYMENT_CENTS = 10_000_00  # 10,000 €: far above any service, below any typo of 100×


@dataclass(frozen=True, slots=True)
class PaymentView:
    id: uuid.UUID
    order_id: uuid.UUID
    kind: PaymentKind
    method: PaymentMethod
    amount_cents: int
    at: datetime


@dataclass(frozen=True, slots=True)
class RefundResult:
    """A refund as written: the refund itself, the credit note it issued (None when the
    order was not invoiced yet) and what the client owes right afterwards."""

    refund: PaymentView
    credit_note_number: str | None
    balance_due_cents: int
