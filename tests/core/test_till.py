"""The till: a session opened with a float, the payments taken while it is open, and its
closing count (the Z). A difference above the threshold, which needs a manager's PIN, is
tested in test_till_approval.py."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from hypothesis import given
from hypothesis import strategies as st

from kiosk_app.comptoir import Comptoir
from kiosk_app.errors import (
    ComptoirError,
    ManagerApprovalRequired,
    NotFound,
    TillAlreadyOpen,
    TillNotOpen,
    ValidationError,
)
from kiosk_app.messages import MESSAGES, message
from kiosk_app.store.database import STORE_FILENAME, Store, create_store_engine
from kiosk_app.store.migrations import MIGRATIONS_DIR
from kiosk_app.views.attendants import AttendantView
from kiosk_app.views.orders import OrderView
from sync.protocol import PaymentMethod

from .support import Clock, sqlite_file
from .till_support import CARD, CASH, CESU, CHEQUE, EXACT, FUZZ, NASTY_TEXT, TRANSFER, counts, rows

# --- Opening and what the till expects ---------------------------------------------------


def test_an_open_till_expects_its_float_and_its_own_payments(
    comptoir: Comptoir, day: OrderView, attendant: AttendantView
) -> None:
    session = comptoir.till.current()
    assert session is not None and session.is_open
    assert session.number == 1 and session.opened_by == "Camille Martin"
    expected = {line.method: (line.expected_cents, line.payments) for line in session.lines}
    assert expected == {
        CASH: (150_00 + 600 + 1000 - 300, 2),  # the refund lowers it, is no payment
        CARD: (200, 1),
        CHEQUE: (0, 0),  # taken while the till was shut
        CESU: (300, 1),
        TRANSFER: (0, 0),
    }
    # Each payment taken while it was open is tied to the session in the store.
    tied = rows(
        comptoir,
        "SELECT method, cash_session_id IS NOT NULL FROM payments ORDER BY at, rowid",
    )
    assert tied == [
        ("cheque", 0),
        ("cash", 1),
        ("card", 1),
        ("cash", 1),
        ("cash", 1),
        ("cesu", 1),
    ]


def test_one_till_session_at_a_time(comptoir: Comptoir, attendant: AttendantView) -> None:
    comptoir.till.open(100_00, attendant.id)
    before = counts(comptoir)
    with pytest.raises(TillAlreadyOpen) as refused:
        comptoir.till.open(50_00, attendant.id)
    assert counts(comptoir) == before
    assert "déjà ouverte" in message(refused.value.key, "fr")
    assert "already open" in message(refused.value.key, "en")


def test_closing_a_shut_till_is_refused(comptoir: Comptoir, attendant: AttendantView) -> None:
    with pytest.raises(TillNotOpen):
        comptoir.till.close({CASH: 0}, attendant.id)
    assert comptoir.till.current() is None


@pytest.mark.parametrize("float_cents", [-1, 5_000_01, True, 12.5, "100", None])
def test_the_float_is_whole_cents_within_bounds(
    comptoir: Comptoir, attendant: AttendantView, float_cents: Any
) -> None:
    before = counts(comptoir)
    with pytest.raises(ValidationError) as refused:
        comptoir.till.open(float_cents, attendant.id)
    assert refused.value.fields == {"float": "till.float_out_of_range"}
    assert counts(comptoir) == before


def test_an_unknown_attendant_cannot_open_the_till(comptoir: Comptoir) -> None:
    with pytest.raises(NotFound):
        comptoir.till.open(100_00, uuid.uuid4())
    assert comptoir.till.current() is None


def test_a_store_of_the_invoices_schema_gets_the_till_and_keeps_its_checks(
    tmp_path: Path,
) -> None:
    path = tmp_path / STORE_FILENAME
    engine = create_store_engine(path)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
    engine.dispose()

    Store.open(tmp_path).close()
    with sqlite_file(path) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(payments)")}
        [(payments_sql,)] = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'payments'"
        )
    assert "cash_session_id" in columns
    # Added in place, not by copying the table: its CHECK constraints are still there.
    assert (
        "ck_payments_amount_positive" in payments_sql and "REFERENCES cash_sessions" in payments_sql
    )


# --- Closing ------------------------------------------------------------------------------


def test_closing_with_no_difference(
    comptoir: Comptoir, clock: Clock, day: OrderView, attendant: AttendantView
) -> None:
    before = counts(comptoir)
    report = comptoir.till.close(EXACT, attendant.id)

    assert not report.is_open and report.closed_at == clock.now
    assert report.closed_by == "Camille Martin" and report.approved_by is None
    assert report.difference_cents == 0
    assert report.line(CASH).counted_cents == 163_00
    assert report.line(CHEQUE).counted_cents == 0  # not given: counted as none
    assert report.payments == 4
    assert comptoir.till.current() is None
    # The closed session is the report, read back as it was closed.
    assert comptoir.till.get(1) == report == comptoir.till.latest_closed()

    grown = {t: n - before[t] for t, n in counts(comptoir).items() if n != before[t]}
    assert grown == {"cash_counts": 5, "audit_log": 1, "outbox": 1, "print_jobs": 1} | {
        "till_report_jobs": 1
    }
    [(kind, order_id, lang, status, job_id)] = rows(
        comptoir,
        "SELECT kind, order_id, lang, status, id FROM print_jobs WHERE kind = 'till_report'",
    )
    assert (kind, order_id, lang, status) == ("till_report", None, "fr", "queued")
    assert comptoir.till.for_print_job(uuid.UUID(hex=job_id)) == report

    [(entity, op_kind, data)] = rows(
        comptoir, "SELECT entity, kind, data FROM outbox WHERE entity = 'cash_session'"
    )
    sent = json.loads(data)
    assert (entity, op_kind, sent["number"]) == ("cash_session", "append", 1)
    assert sent["methods"]["cash"] == {
        "expected_cents": 163_00,
        "counted_cents": 163_00,
        "payments": 2,
    }


def test_the_audit_log_says_who_opened_and_closed_and_the_totals(
    comptoir: Comptoir, day: OrderView, attendant: AttendantView
) -> None:
    comptoir.till.close({**EXACT, CASH: 163_00 - 120}, attendant.id)
    entries = rows(
        comptoir,
        "SELECT action, attendant_id, details FROM audit_log "
        "WHERE action LIKE 'till.%' ORDER BY id",
    )
    assert [(action, who) for action, who, _ in entries] == [
        ("till.open", attendant.id.hex),
        ("till.close", attendant.id.hex),
    ]
    assert json.loads(entries[0][2]) == {"number": 1, "float_cents": 150_00}
    closing = json.loads(entries[1][2])
    assert closing["expected_cents"] == 163_00 + 500
    assert closing["counted_cents"] == 163_00 + 500 - 120
    assert closing["difference_cents"] == -120
    assert closing["approved_by"] is None
    assert closing["methods"]["cash"]["counted_cents"] == 163_00 - 120


def test_the_next_session_starts_afresh_and_reports_stay_reprintable(
    comptoir: Comptoir, clock: Clock, day: OrderView, attendant: AttendantView
) -> None:
    first = comptoir.till.close(EXACT, attendant.id)
    clock.advance(hours=14)
    second = comptoir.till.open(163_00, attendant.id)
    assert second.number == 2 and second.expected_cents == 163_00
    closed = comptoir.till.close({CASH: 163_00}, attendant.id)
    assert [s.number for s in comptoir.till.closed()] == [2, 1]
    assert comptoir.till.latest_closed() == closed
    assert comptoir.till.get(1) == first

    job = comptoir.till.reprint(1, attendant.id)
    assert comptoir.till.for_print_job(job) == first
    assert comptoir.print_jobs.get(job).kind == "till_report"
    with pytest.raises(NotFound):
        comptoir.till.get(3)
    comptoir.till.open(0, attendant.id)
    with pytest.raises(NotFound):
        comptoir.till.reprint(3)  # still open: it has no report yet


def test_counted_amounts_are_known_methods_in_whole_cents(
    comptoir: Comptoir, attendant: AttendantView
) -> None:
    comptoir.till.open(100_00, attendant.id)
    before = counts(comptoir)
    for counted, field in [
        ({"bitcoin": 100}, "till.method_unknown"),
        ({CASH: -1}, "till.counted_out_of_range"),
        ({CASH: 100_000_01}, "till.counted_out_of_range"),
        ({CASH: 99.5}, "till.counted_out_of_range"),
        ({CASH: False}, "till.counted_out_of_range"),
    ]:
        with pytest.raises(ValidationError) as refused:
            comptoir.till.close(counted, attendant.id)
        assert refused.value.fields == {"counted": field}
    assert counts(comptoir) == before
    # Methods given by their stored names are as good as the enum's members.
    assert comptoir.till.close({"cash": 100_00}, attendant.id).difference_cents == 0


# --- Anything thrown at the entry points ---------------------------------------------------

AMOUNTS = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.integers(min_value=0, max_value=200_00),
    st.floats(allow_nan=True),
    st.booleans(),
    st.none(),
    NASTY_TEXT,
)
METHODS = st.one_of(st.sampled_from(list(PaymentMethod)), NASTY_TEXT)


def refused_cleanly(app: Comptoir, call: Callable[[], object]) -> ComptoirError | None:
    """A typed error with known message keys and nothing written, or success."""
    before = counts(app)
    try:
        call()
    except (ValidationError, ManagerApprovalRequired, TillAlreadyOpen) as error:
        assert counts(app) == before
        assert error.key in MESSAGES
        if isinstance(error, ValidationError):
            assert all(key in MESSAGES for key in error.fields.values())
        return error
    return None


@FUZZ
@given(counted=st.dictionaries(METHODS, AMOUNTS, max_size=6), float_cents=AMOUNTS)
def test_any_count_and_float_closes_whole_or_writes_nothing(
    comptoir: Comptoir, attendant: AttendantView, counted: dict[Any, Any], float_cents: Any
) -> None:
    if comptoir.till.current() is None:
        comptoir.till.open(100_00, attendant.id)
    refused = refused_cleanly(comptoir, lambda: comptoir.till.close(counted, attendant.id))
    if refused is None:
        report = comptoir.till.latest_closed()
        assert len(report.lines) == len(PaymentMethod)
        assert all(0 <= (line.counted_cents or 0) <= 100_000_00 for line in report.lines)
        assert abs(report.line(CASH).difference_cents or 0) <= 500
        assert comptoir.till.current() is None
    refused_cleanly(comptoir, lambda: comptoir.till.open(float_cents, attendant.id))
