"""The shapes of order numbers, kiosk codes and document numbers (the series a kiosk
numbers in), as the kiosk and the server both read them."""

from __future__ import annotations

import re

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
