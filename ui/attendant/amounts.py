"""What the attendant types for money and minutes, turned into the core's integers.
Amounts are read with Decimal (never a float: 0.1 + 0.2 is not 0.30 €), in euros with a
comma or a point, as written on a French ticket ("15,50", "15.5", "15 €")."""

from __future__ import annotations

import re
from decimal import Decimal

from kiosk_app.errors import ValidationError
from kiosk_app.views.payments import MAX_PAYMENT_CENTS

_EUROS = re.compile(r"[0-9]{1,6}(?:[.,][0-9]{1,2})?")  # ASCII: \d takes "١٥" too
MAX_MINUTES = 24 * 60


def euros_to_cents(typed: str) -> int:
    text = typed.replace("€", "").replace(" ", "").replace("\u00a0", "").strip()
    if not _EUROS.fullmatch(text):
        raise ValidationError({"amount": "amount.out_of_range"}, max=MAX_PAYMENT_CENTS)
    cents = int(Decimal(text.replace(",", ".")) * 100)
    if not 1 <= cents <= MAX_PAYMENT_CENTS:
        raise ValidationError({"amount": "amount.out_of_range"}, max=MAX_PAYMENT_CENTS)
    return cents


def cents_to_typed(cents: int) -> str:
    """The amount as the attendant would type it ("15,50"), to prefill the field."""
    euros, rest = divmod(cents, 100)
    return f"{euros},{rest:02d}" if rest else str(euros)


def actual_minutes(typed: str) -> int:
    text = typed.strip()
    # Four digits at most: a day is 1440 minutes, and a pasted novel is not parsed.
    if (
        not (text.isascii() and text.isdigit() and len(text) <= 4)
        or not 1 <= int(text) <= MAX_MINUTES
    ):
        raise ValidationError({"actual_minutes": "actual_minutes.out_of_range"}, max=MAX_MINUTES)
    return int(text)
