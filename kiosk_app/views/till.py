"""The till: a session's expected and counted amounts per payment method, and limits."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sync.protocol import PaymentMethod

# A count that differs by more than this needs a manager (the setting's default).
DEFAULT_THRESHOLD_CENTS = 500
MAX_FLOAT_CENTS = 5_000_00  # 5,000 €: more than any counter's float, less than a typo


MAX_COUNTED_CENTS = 100_000_00  # 100,000 € per method: above any day, bounded for SQLite


@dataclass(frozen=True, slots=True)
class TillLine:
    """One payment method of a session. `counted_cents` is None while it is open."""

    method: PaymentMethod
    expected_cents: int
    counted_cents: int | None
    payments: int

    @property
    def difference_cents(self) -> int | None:
        """Counted less expected: negative when money is missing."""
        if self.counted_cents is None:
            return None
        return self.counted_cents - self.expected_cents


@dataclass(frozen=True, slots=True)
class CashSessionView:
    id: uuid.UUID
    number: int
    float_cents: int
    opened_at: datetime
    opened_by: str  # the attendants' names, as the report prints them
    closed_at: datetime | None
    closed_by: str | None
    approved_by: str | None  # the manager who accepted a difference
    lines: tuple[TillLine, ...]  # every payment method, in the protocol's order

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def expected_cents(self) -> int:
        return sum(line.expected_cents for line in self.lines)

    @property
    def counted_cents(self) -> int | None:
        if self.is_open:
            return None
        return sum(line.counted_cents or 0 for line in self.lines)

    @property
    def difference_cents(self) -> int | None:
        counted = self.counted_cents
        return None if counted is None else counted - self.expected_cents

    @property
    def payments(self) -> int:
        return sum(line.payments for line in self.lines)

    def line(self, method: PaymentMethod) -> TillLine:
        return next(line for line in self.lines if line.method is method)
