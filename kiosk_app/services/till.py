"""The till: a cash session opened with a float, the payments taken while it is open,
and its closing count against what the store expected, per payment method (the Z).

A difference above the configured threshold needs a manager's PIN (another person than
the attendant closing). Closing writes the counts, the audit entry, the outbox op and
the closing report's print job in one transaction: a session is closed whole or not at
all. The closed session is the report: it never changes, and it can be printed again.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from sync.protocol import PaymentMethod

from ..clock import Clock, utc_now
from ..errors import (
    ManagerApprovalRequired,
    NotFound,
    TillAlreadyOpen,
    ValidationError,
)
from ..store.database import Store
from ..store.models import (
    CashCount,
    CashSession,
    TillReportJob,
)
from ..views.till import (
    MAX_FLOAT_CENTS,
    CashSessionView,
)
from .attendants import AttendantService
from .journal import audit, enqueue_op, enqueue_print
from .numbers import next_number
from .requests import RequestId, earlier, remember
from .requests import clean as clean_request
from .till_figures import (
    active_attendant,
    clean_counts,
    closing_threshold,
    expected_figures,
    is_cents,
    largest_difference,
    open_row,
    open_session_id,
    session_view,
)

TILL_SERIES = "cash_session"
REPORT_KIND = "till_report"


class TillService:
    def __init__(
        self, store: Store, attendants: AttendantService, *, clock: Clock = utc_now
    ) -> None:
        self._store = store
        self._attendants = attendants
        self._clock = clock

    def open(self, float_cents: int, attendant_id: uuid.UUID) -> CashSessionView:
        """Open the till with the float counted into the drawer. One session at a time."""
        if not is_cents(float_cents, MAX_FLOAT_CENTS):
            raise ValidationError(
                {"float": "till.float_out_of_range"}, max_euros=MAX_FLOAT_CENTS // 100
            )
        now = self._clock()
        with self._store.write() as session:
            active_attendant(session, attendant_id)
            if open_session_id(session) is not None:
                raise TillAlreadyOpen()
            row = CashSession(
                number=next_number(session, TILL_SERIES),
                is_open=True,
                float_cents=float_cents,
                opened_at=now,
                opened_by=attendant_id,
            )
            session.add(row)
            session.flush()
            audit(
                session,
                attendant_id=attendant_id,
                action="till.open",
                entity="cash_session",
                entity_id=row.id,
                now=now,
                details={"number": row.number, "float_cents": float_cents},
            )
            return session_view(session, row)

    def current(self) -> CashSessionView | None:
        """The open session with what is expected so far, or None when the till is shut."""
        with self._store.read() as session:
            session_id = open_session_id(session)
            row = session.get(CashSession, session_id) if session_id is not None else None
            return session_view(session, row) if row is not None else None

    def close(
        self,
        counted: Mapping[PaymentMethod, int],
        attendant_id: uuid.UUID,
        *,
        manager_pin: str | None = None,
        manager_id: uuid.UUID | None = None,
        request_id: RequestId | None = None,
    ) -> CashSessionView:
        """Close the open session with the amounts counted per method. A difference
        above the threshold (any method) needs `manager_pin` of `manager_id`, a manager
        other than the attendant closing; a wrong PIN counts toward that manager's
        lockout and closes nothing. The same `request_id` again returns the session it
        closed (the till is shut by then: a retry is not "no open session")."""
        request = clean_request(request_id)
        clean = clean_counts(counted)
        with self._store.read() as session:
            first = earlier(session, request, "till_close")
            if first is not None:
                return session_view(session, session.get_one(CashSession, first))
            active_attendant(session, attendant_id)
            threshold = closing_threshold(session)
            largest = largest_difference(expected_figures(session, open_row(session)), clean)
        approved_by: uuid.UUID | None = None
        if largest > threshold:
            approved_by = self._approve(
                attendant_id, manager_id, manager_pin, threshold=threshold, largest=largest
            )
        now = self._clock()
        with self._store.write() as session:
            first = earlier(session, request, "till_close")
            if first is not None:
                return session_view(session, session.get_one(CashSession, first))
            active_attendant(session, attendant_id)
            row = open_row(session)
            figures = expected_figures(session, row)
            # Figured again under the write lock: a payment taken since the check counts.
            largest = largest_difference(figures, clean)
            if largest > threshold and approved_by is None:
                raise ManagerApprovalRequired(threshold_cents=threshold, difference_cents=largest)
            if largest <= threshold:
                approved_by = None
            row.is_open = None
            row.closed_at = now
            row.closed_by = attendant_id
            row.approved_by = approved_by
            counts = [
                {
                    "cash_session_id": row.id,
                    "method": method,
                    "expected_cents": expected,
                    "counted_cents": clean[method],
                    "payments": n,
                }
                for method, (expected, n) in figures.items()
            ]
            session.flush()
            session.execute(insert(CashCount), counts)
            self._record_closing(session, row, counts, now=now)
            remember(session, request, "till_close", row.id, now)
            return session_view(session, row)

    def _approve(
        self,
        attendant_id: uuid.UUID,
        manager_id: uuid.UUID | None,
        manager_pin: str | None,
        *,
        threshold: int,
        largest: int,
    ) -> uuid.UUID:
        if manager_pin is None:
            raise ManagerApprovalRequired(threshold_cents=threshold, difference_cents=largest)
        return self._attendants.manager_approval(manager_id, manager_pin, asked_by=attendant_id)

    def _record_closing(
        self, session: Session, row: CashSession, counts: list[dict[str, Any]], *, now: datetime
    ) -> None:
        """The audit entry, the outbox op and the Z's print job, in the closing's
        transaction. Figures only: who, when, how much; never a PIN."""
        per_method = {
            str(c["method"]): {
                "expected_cents": c["expected_cents"],
                "counted_cents": c["counted_cents"],
                "payments": c["payments"],
            }
            for c in counts
        }
        expected = sum(c["expected_cents"] for c in counts)
        counted = sum(c["counted_cents"] for c in counts)
        audit(
            session,
            attendant_id=row.closed_by,
            action="till.close",
            entity="cash_session",
            entity_id=row.id,
            now=now,
            details={
                "number": row.number,
                "float_cents": row.float_cents,
                "expected_cents": expected,
                "counted_cents": counted,
                "difference_cents": counted - expected,
                "approved_by": row.approved_by,
                "methods": per_method,
            },
        )
        enqueue_op(
            session,
            entity="cash_session",
            entity_id=row.id,
            kind="append",
            now=now,
            data={
                "id": row.id,
                "number": row.number,
                "float_cents": row.float_cents,
                "opened_at": row.opened_at,
                "opened_by": row.opened_by,
                "closed_at": row.closed_at,
                "closed_by": row.closed_by,
                "approved_by": row.approved_by,
                "methods": per_method,
            },
        )
        self._enqueue_report(session, row.id, now=now)

    @staticmethod
    def _enqueue_report(
        session: Session, cash_session_id: uuid.UUID, *, now: datetime
    ) -> uuid.UUID:
        # The Z is an internal, French document: printed in French whatever the screen.
        job_id = enqueue_print(session, kind=REPORT_KIND, order_id=None, lang="fr", now=now)
        session.execute(
            insert(TillReportJob).values(print_job_id=job_id, cash_session_id=cash_session_id)
        )
        return job_id

    # --- Reading and reprinting the reports --------------------------------------------

    def get(self, number: int) -> CashSessionView:
        with self._store.read() as session:
            row = session.scalar(select(CashSession).where(CashSession.number == number))
            if row is None:
                raise NotFound(entity="cash_session")
            return session_view(session, row)

    def latest_closed(self) -> CashSessionView:
        with self._store.read() as session:
            row = session.scalar(
                select(CashSession)
                .where(CashSession.closed_at.is_not(None))
                .order_by(CashSession.number.desc())
                .limit(1)
            )
            if row is None:
                raise NotFound(entity="cash_session")
            return session_view(session, row)

    def closed(self, *, limit: int = 50) -> list[CashSessionView]:
        """The latest closing reports, newest first."""
        with self._store.read() as session:
            rows = session.scalars(
                select(CashSession)
                .where(CashSession.closed_at.is_not(None))
                .order_by(CashSession.number.desc())
                .limit(limit)
            )
            return [session_view(session, row) for row in rows]

    def for_print_job(self, job_id: uuid.UUID) -> CashSessionView:
        """The session a "till_report" print job prints."""
        with self._store.read() as session:
            session_id = session.scalar(
                select(TillReportJob.cash_session_id).where(TillReportJob.print_job_id == job_id)
            )
            row = session.get(CashSession, session_id) if session_id is not None else None
            if row is None:
                raise NotFound(entity="cash_session")
            return session_view(session, row)

    def reprint(self, number: int, attendant_id: uuid.UUID | None = None) -> uuid.UUID:
        """Queue the closing report of a closed session again: a new print job."""
        now = self._clock()
        with self._store.write() as session:
            row = session.scalar(select(CashSession).where(CashSession.number == number))
            if row is None or row.closed_at is None:
                raise NotFound(entity="cash_session")
            audit(
                session,
                attendant_id=attendant_id,
                action="till.reprint",
                entity="cash_session",
                entity_id=row.id,
                now=now,
                details={"number": number},
            )
            return self._enqueue_report(session, row.id, now=now)
