"""The till: a session opened with a float, the payments taken while it is open, and its
closing count (the Z), with a manager's PIN for a difference above the threshold."""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import PaymentKind, Role
from kiosk_app.errors import (
    ComptoirError,
    LoginLocked,
    ManagerApprovalRequired,
    NotFound,
    PinRefused,
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

from .support import WRITTEN_TABLES, Clock, order_request, sqlite_file

CASH, CARD, CHEQUE, CESU, TRANSFER = PaymentMethod
MANAGER_PIN = "739104"
TILL_TABLES = ("cash_sessions", "cash_counts", "till_report_jobs", "number_series")


@pytest.fixture
def manager(comptoir: Comptoir) -> AttendantView:
    return comptoir.attendants.add("Sophie Bernard", Role.MANAGER, MANAGER_PIN)


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


@pytest.fixture
def day(
    comptoir: Comptoir,
    clock: Clock,
    done: OrderView,
    attendant: AttendantView,
    lulu_id: uuid.UUID,
) -> OrderView:
    """A cheque taken before the till opened (not the session's), then the till opened
    with a 150 € float and a day of payments: cash 6 €, card 2 €, cash 10 € less a 3 €
    cash refund (a credit note: that order owes nothing more), CESU 3 € paid ahead on a
    third order."""
    comptoir.payments.record(done.id, CHEQUE, 200, attendant_id=attendant.id)
    clock.advance(minutes=5)
    comptoir.till.open(150_00, attendant.id)
    clock.advance(hours=1)
    comptoir.payments.record(done.id, CASH, 600, attendant_id=attendant.id)
    comptoir.payments.record(done.id, CARD, 200, attendant_id=attendant.id)
    second = done_order(comptoir, clock, attendant, lulu_id)
    comptoir.payments.record(second.id, CASH, 1000, attendant_id=attendant.id)
    comptoir.payments.record(
        second.id, CASH, 300, attendant_id=attendant.id, kind=PaymentKind.REFUND
    )
    third = done_order(comptoir, clock, attendant, lulu_id, phone="07 81 00 00 02")
    comptoir.payments.record(third.id, CESU, 300, attendant_id=attendant.id)
    clock.advance(hours=8)
    return second


EXACT = {CASH: 150_00 + 600 + 1000 - 300, CARD: 200, CESU: 300}


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


def test_a_difference_within_the_threshold_closes_alone(
    comptoir: Comptoir, day: OrderView, attendant: AttendantView
) -> None:
    report = comptoir.till.close({**EXACT, CASH: 163_00 - 500, CARD: 700}, attendant.id)
    assert report.line(CASH).difference_cents == -500  # exactly the threshold
    assert report.line(CARD).difference_cents == 500
    assert report.approved_by is None


def test_a_difference_above_the_threshold_needs_a_managers_pin(
    comptoir: Comptoir, day: OrderView, attendant: AttendantView, manager: AttendantView
) -> None:
    short = {**EXACT, CASH: 163_00 - 501}
    before = counts(comptoir)
    with pytest.raises(ManagerApprovalRequired) as refused:
        comptoir.till.close(short, attendant.id)
    assert refused.value.params == {"threshold_cents": 500, "difference_cents": 501}
    assert "responsable" in message(refused.value.key, "fr")
    assert "manager" in message(refused.value.key, "en")
    assert counts(comptoir) == before
    assert comptoir.till.current() is not None

    report = comptoir.till.close(
        short, attendant.id, manager_id=manager.id, manager_pin=MANAGER_PIN
    )
    assert report.approved_by == "Sophie Bernard"
    assert report.line(CASH).difference_cents == -501
    [details] = rows(comptoir, "SELECT details FROM audit_log WHERE action = 'till.close'")
    assert json.loads(details[0])["approved_by"] == str(manager.id)


def test_a_wrong_manager_pin_closes_nothing_and_counts_toward_the_lockout(
    comptoir: Comptoir, day: OrderView, attendant: AttendantView, manager: AttendantView
) -> None:
    short = {**EXACT, CARD: 0, CESU: 0}  # two slips lost
    short[CASH] = 150_00  # and 13 € of cash missing
    for remaining in (4, 3, 2, 1):
        with pytest.raises(PinRefused) as refused:
            comptoir.till.close(short, attendant.id, manager_id=manager.id, manager_pin="000000")
        assert refused.value.params == {"remaining": remaining}
        assert comptoir.till.current() is not None
    assert rows(comptoir, "SELECT count(*) FROM cash_counts") == [(0,)]
    with pytest.raises(PinRefused):
        comptoir.till.close(short, attendant.id, manager_id=manager.id, manager_pin="000000")
    # Five wrong PINs: the manager's login waits, even with the right PIN.
    with pytest.raises(LoginLocked):
        comptoir.till.close(short, attendant.id, manager_id=manager.id, manager_pin=MANAGER_PIN)
    with pytest.raises(LoginLocked):
        comptoir.attendants.log_in(manager.id, MANAGER_PIN)
    assert comptoir.till.current() is not None


@pytest.mark.parametrize(
    ("who", "field"),
    [
        ("attendant", "till.not_a_manager"),  # an attendant cannot approve
        ("self", "till.manager_not_self"),  # nor the manager closing the till
        ("nobody", "till.manager_required"),
    ],
)
def test_only_another_person_who_is_a_manager_approves(
    comptoir: Comptoir,
    day: OrderView,
    attendant: AttendantView,
    manager: AttendantView,
    who: str,
    field: str,
) -> None:
    colleague = comptoir.attendants.add("Louis Petit", Role.ATTENDANT, "246810")
    closer, approver, pin = {
        "attendant": (attendant, colleague.id, "246810"),
        "self": (manager, manager.id, MANAGER_PIN),
        "nobody": (attendant, None, MANAGER_PIN),
    }[who]
    before = counts(comptoir)
    with pytest.raises(ValidationError) as refused:
        comptoir.till.close({CASH: 0}, closer.id, manager_id=approver, manager_pin=pin)
    assert refused.value.fields == {"manager_id": field}
    assert counts(comptoir) == before


def test_the_threshold_is_a_setting(
    comptoir: Comptoir, day: OrderView, attendant: AttendantView
) -> None:
    comptoir.settings.update(till_difference_threshold_cents="0")
    with pytest.raises(ManagerApprovalRequired):
        comptoir.till.close({**EXACT, CASH: 163_01}, attendant.id)
    # A setting typed wrong keeps the default rather than waiving the check.
    comptoir.settings.update(till_difference_threshold_cents="cinq euros")
    with pytest.raises(ManagerApprovalRequired):
        comptoir.till.close({**EXACT, CASH: 163_00 - 501}, attendant.id)
    assert comptoir.till.close({**EXACT, CASH: 163_00 - 500}, attendant.id).approved_by is None


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


@settings(FUZZ, max_examples=15)  # each try is an argon2 check
@given(pin=NASTY_TEXT)
def test_any_manager_pin_is_refused_and_never_stored(
    comptoir: Comptoir, attendant: AttendantView, manager: AttendantView, pin: str
) -> None:
    if comptoir.till.current() is None:
        comptoir.till.open(100_00, attendant.id)
    with contextlib.suppress(PinRefused, LoginLocked):
        comptoir.till.close({CASH: 0}, attendant.id, manager_id=manager.id, manager_pin=pin)
    assert comptoir.till.current() is not None
    assert rows(comptoir, "SELECT count(*) FROM cash_counts") == [(0,)]
    # Short or hex-like PINs could be found by chance inside ids and timestamps.
    if len(pin) >= 4 and not set(pin.lower()) <= set("0123456789abcdef-:.t+ "):
        written = rows(comptoir, "SELECT details FROM audit_log UNION ALL SELECT data FROM outbox")
        assert all(pin not in text for (text,) in written)
