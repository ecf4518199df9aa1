"""The till as the store holds it: the open session, what it expects per payment
method, the counts checked, the closing threshold, and a session as the screens read it
(till.py opens and closes it)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from sync.protocol import PaymentMethod

from ..domain.kinds import PaymentKind
from ..errors import NotFound, TillNotOpen, ValidationError
from ..store.models import SIGNED_AMOUNT, Attendant, CashCount, CashSession, Payment, Setting
from ..views.till import DEFAULT_THRESHOLD_CENTS, MAX_COUNTED_CENTS, CashSessionView, TillLine

THRESHOLD_SETTING = "till_difference_threshold_cents"


def open_session_id(session: Session) -> uuid.UUID | None:
    """The open till session, if any (at most one: see `CashSession.is_open`)."""
    return session.scalar(select(CashSession.id).where(CashSession.is_open.is_(True)))


def expected_figures(session: Session, row: CashSession) -> dict[PaymentMethod, tuple[int, int]]:
    """Per method: (expected cents, number of payments) of a session's own payments;
    payments less refunds, and the float on top of the cash."""
    counted = func.sum(case((Payment.kind == PaymentKind.PAYMENT, 1), else_=0))
    rows = session.execute(
        select(Payment.method, func.sum(SIGNED_AMOUNT), counted)
        .where(Payment.cash_session_id == row.id)
        .group_by(Payment.method)
    ).all()
    totals = {method: (int(net or 0), int(n or 0)) for method, net, n in rows}
    figures = {method: totals.get(method, (0, 0)) for method in PaymentMethod}
    cash, cash_payments = figures[PaymentMethod.CASH]
    figures[PaymentMethod.CASH] = (row.float_cents + cash, cash_payments)
    return figures


def is_cents(value: object, maximum: int) -> bool:
    # bool is an int to Python: True is not one cent.
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= maximum


_METHOD_NAMES = frozenset(method.value for method in PaymentMethod)


def clean_counts(counted: Mapping[Any, Any]) -> dict[PaymentMethod, int]:
    """The counted amounts per known method; a method not given was counted as nothing
    (no cheque in the drawer)."""
    if not isinstance(counted, Mapping):
        raise ValidationError({"counted": "till.method_unknown"})
    clean = dict.fromkeys(PaymentMethod, 0)
    for method, cents in counted.items():
        if not isinstance(method, str) or method not in _METHOD_NAMES:
            raise ValidationError({"counted": "till.method_unknown"})
        if not is_cents(cents, MAX_COUNTED_CENTS):
            raise ValidationError(
                {"counted": "till.counted_out_of_range"}, max_euros=MAX_COUNTED_CENTS // 100
            )
        clean[PaymentMethod(method)] = cents
    return clean


def closing_threshold(session: Session) -> int:
    stored = session.get(Setting, THRESHOLD_SETTING)
    text = stored.value.strip() if stored is not None else ""
    # A setting typed wrong falls back to the default rather than waiving the check.
    if text.isascii() and text.isdigit():
        return int(text)
    return DEFAULT_THRESHOLD_CENTS


def largest_difference(
    figures: Mapping[PaymentMethod, tuple[int, int]], counted: Mapping[PaymentMethod, int]
) -> int:
    return max(abs(counted[method] - expected) for method, (expected, _n) in figures.items())


def active_attendant(session: Session, attendant_id: uuid.UUID) -> Attendant:
    row = session.get(Attendant, attendant_id)
    if row is None or not row.active:
        raise NotFound(entity="attendant")
    return row


def open_row(session: Session) -> CashSession:
    session_id = open_session_id(session)
    row = session.get(CashSession, session_id) if session_id is not None else None
    if row is None:
        raise TillNotOpen()
    return row


def session_view(session: Session, row: CashSession) -> CashSessionView:
    ids = {row.opened_by, row.closed_by, row.approved_by} - {None}
    found = session.execute(select(Attendant.id, Attendant.name).where(Attendant.id.in_(ids)))
    names = {attendant_id: name for attendant_id, name in found}
    if row.closed_at is None:
        lines = tuple(
            TillLine(method, expected, None, n)
            for method, (expected, n) in expected_figures(session, row).items()
        )
    else:
        counts = {
            c.method: c
            for c in session.scalars(select(CashCount).where(CashCount.cash_session_id == row.id))
        }
        lines = tuple(
            TillLine(m, counts[m].expected_cents, counts[m].counted_cents, counts[m].payments)
            for m in PaymentMethod
            if m in counts
        )
    return CashSessionView(
        id=row.id,
        number=row.number,
        float_cents=row.float_cents,
        opened_at=row.opened_at,
        opened_by=names.get(row.opened_by, ""),
        closed_at=row.closed_at,
        closed_by=names.get(row.closed_by) if row.closed_by else None,
        approved_by=names.get(row.approved_by) if row.approved_by else None,
        lines=lines,
    )
