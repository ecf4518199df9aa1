"""Human numbers from per-kiosk series: order numbers ("01-0042"), invoice and till
numbers. Taken inside the caller's write transaction, so they are gapless and unique.

The series' code ("01") is the central server's to give, at enrolment (sync/enrolment.py;
the demo store gets the demo's): `assign_kiosk_code` is the one way it is written, and
a kiosk without one numbers nothing (`require_kiosk_code`)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from sync.protocol import is_kiosk_code

from ..errors import NotEnrolledYet
from ..store.fast import driver_connection
from ..store.models import Setting

ORDER_SERIES = "orders"


def next_number(session: Session, series: str) -> int:
    """Take the next value of a series inside the caller's transaction: the write lock
    (BEGIN IMMEDIATE) makes it gapless and unique."""
    connection = driver_connection(session)
    row = connection.execute(
        "UPDATE number_series SET next_value = next_value + 1 WHERE name = ? RETURNING next_value",
        (series,),
    ).fetchone()
    if row is None:
        connection.execute("INSERT INTO number_series (name, next_value) VALUES (?, 2)", (series,))
        return 1
    return int(row[0]) - 1


KIOSK_CODE = "kiosk_code"


def kiosk_code(session: Session) -> str:
    """This kiosk's series code, or "" before the central server gave it one."""
    row = (
        driver_connection(session)
        .execute("SELECT value FROM settings WHERE key = 'kiosk_code'")
        .fetchone()
    )
    return str(row[0]) if row else ""


def require_kiosk_code(session: Session) -> str:
    """The code to number an order or a document with; refused before enrolment."""
    code = kiosk_code(session)
    if not code:
        raise NotEnrolledYet()
    return code


# A document number's letter, and the name of the kind's series (services/invoices.py:
# "invoice-01-2026" numbers "F01-2026-00001").
DOCUMENT_KINDS = {"F": "invoice", "A": "credit_note"}


def follow_document_numbers(session: Session, code: str, last: dict[str, int]) -> None:
    """Move this kiosk's document series past the last numbers the server holds
    ({"F01-2026": 42}): a replaced kiosk never issues a number twice."""
    for prefix, value in last.items():
        kind = DOCUMENT_KINDS.get(prefix[:1])
        series_code, _, year = prefix[1:].partition("-")
        if kind is None or series_code != code or not year.isdecimal():
            continue
        series = f"{kind}-{code}-{year}"
        connection = driver_connection(session)
        row = connection.execute(
            "SELECT next_value FROM number_series WHERE name = ?", (series,)
        ).fetchone()
        if row is None:
            connection.execute(
                "INSERT INTO number_series (name, next_value) VALUES (?, ?)", (series, value + 1)
            )
        elif int(row[0]) <= value:
            connection.execute(
                "UPDATE number_series SET next_value = ? WHERE name = ?", (value + 1, series)
            )


def assign_kiosk_code(session: Session, code: str) -> None:
    """Keep the series code the central server allocated (or the demo's): the one
    writer of the setting. A code is two digits, then three (sync.protocol)."""
    if not is_kiosk_code(code):
        raise ValueError("not a kiosk code")
    session.merge(Setting(key=KIOSK_CODE, value=code))
