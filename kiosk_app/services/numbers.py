"""Human numbers from per-kiosk series: order numbers ("01-0042"), invoice and till
numbers. Taken inside the caller's write transaction, so they are gapless and unique."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..store.fast import driver_connection
from ..views.settings import DEFAULTS

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


def kiosk_code(session: Session) -> str:
    row = (
        driver_connection(session)
        .execute("SELECT value FROM settings WHERE key = 'kiosk_code'")
        .fetchone()
    )
    return str(row[0]) if row else DEFAULTS["kiosk_code"]
