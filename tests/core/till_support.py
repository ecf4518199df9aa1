"""The till's tests' shared pieces: the rows it could write, a day's exact counts, more
orders done, and the text thrown at its entry points."""

from __future__ import annotations

import uuid
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from kiosk_app.comptoir import Comptoir
from kiosk_app.views.attendants import AttendantView
from kiosk_app.views.orders import OrderView
from sync.protocol import PaymentMethod

from .support import WRITTEN_TABLES, Clock, order_request, sqlite_file

CASH, CARD, CHEQUE, CESU, TRANSFER = PaymentMethod
TILL_TABLES = ("cash_sessions", "cash_counts", "till_report_jobs", "number_series")


def counts(app: Comptoir) -> dict[str, int]:
    """Rows of every table the till or a refused call could write."""
    with sqlite_file(app.store.path) as conn:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in (*WRITTEN_TABLES, *TILL_TABLES)
        }


def rows(app: Comptoir, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with sqlite_file(app.store.path) as conn:
        return conn.execute(sql, params).fetchall()


def done_order(
    app: Comptoir,
    clock: Clock,
    attendant: AttendantView,
    lulu: uuid.UUID,
    phone: str = "07 81 00 00 01",
) -> OrderView:
    """Another order done in 40 minutes: 10 € due."""
    clock.advance(hours=1)  # the Lulu is free again
    order = app.orders.place(order_request(app, clock.now, phone=phone))
    app.orders.confirm(order.id, attendant_id=attendant.id)
    app.orders.assign(order.id, lulu, attendant_id=attendant.id)
    return app.orders.mark_done(order.id, 40, attendant_id=attendant.id)


EXACT = {CASH: 150_00 + 600 + 1000 - 300, CARD: 200, CESU: 300}

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
NASTY_TEXT = st.one_of(
    st.text(st.characters(exclude_categories=()), max_size=30),
    st.sampled_from(["'; DROP TABLE cash_sessions;--", "😀👨‍👩‍👧", "\x00", "cash ", "CASH", ""]),
    st.builds(lambda chunk: chunk * 2_000, st.text(min_size=1, max_size=5)),
)
