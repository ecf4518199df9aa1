"""Money: payments and refunds (integer cents), invoices and credit notes, the till's
sessions, counts and closing reports."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    String,
    Text,
    Uuid,
    case,
)
from sqlalchemy.orm import Mapped, mapped_column

from sync.protocol import PaymentMethod

from ...domain.kinds import InvoiceKind, PaymentKind
from .base import Base, _enum


class Payment(Base):
    __tablename__ = "payments"
    __table_args__ = (CheckConstraint("amount_cents > 0", name="amount_positive"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id"), index=True)
    kind: Mapped[PaymentKind] = mapped_column(_enum(PaymentKind), default=PaymentKind.PAYMENT)
    method: Mapped[PaymentMethod] = mapped_column(_enum(PaymentMethod))
    amount_cents: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(index=True)
    attendant_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("attendants.id"))
    # The till session open when the payment was taken here; NULL for payments pulled
    # from the server (taken elsewhere) or taken with the till closed.
    cash_session_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("cash_sessions.id"), index=True
    )
    # A refund: the payment it gives back (all or part of).
    refunds_payment_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("payments.id"))


# A payment's amount counted with its sign (refunds negative): what every sum of money
# received adds up (what an order has been paid, a period's revenue, a till's expected).
SIGNED_AMOUNT = case(
    (Payment.kind == PaymentKind.REFUND, -Payment.amount_cents), else_=Payment.amount_cents
)


class Invoice(Base):
    """An invoice or a credit note. Numbers come from gapless per-kiosk, per-year series
    taken in the transaction of the payment (or refund) that calls for them. The client's
    name and address are copied: an issued invoice never changes."""

    __tablename__ = "invoices"
    __table_args__ = (CheckConstraint("amount_cents >= 0", name="amount_not_negative"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    number: Mapped[str] = mapped_column(String(24), unique=True)
    kind: Mapped[InvoiceKind] = mapped_column(_enum(InvoiceKind))
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id"), index=True)
    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clients.id"), index=True)
    # The invoice a credit note cancels (all or part of).
    credits_invoice_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("invoices.id"))
    issued_at: Mapped[datetime] = mapped_column(index=True)
    client_name: Mapped[str] = mapped_column(String(80))
    client_address: Mapped[str] = mapped_column(Text)
    amount_cents: Mapped[int] = mapped_column(Integer)
    tax_credit_cents: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")
    # What the document says, frozen when its number was allocated (documents.content.
    # InvoiceContent as JSON), and its SHA-256: every print and the central server's copy
    # come from it. NULL only for invoices issued before migration 0005, frozen at their
    # first print after it.
    series: Mapped[str | None] = mapped_column(String(40))
    content: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    content_sha256: Mapped[str | None] = mapped_column(String(64))
    # The SHA-256 of the PDF first made from the content: a reprint must be the same file.
    pdf_sha256: Mapped[str | None] = mapped_column(String(64))


class Quote(Base):
    """A free written quote (devis), given before a service of 100 € TTC or more
    (arrêté du 17 mars 2015); the association keeps a copy."""

    __tablename__ = "quotes"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    number: Mapped[str] = mapped_column(String(24), unique=True)
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id"), index=True)
    issued_at: Mapped[datetime]
    amount_cents: Mapped[int] = mapped_column(Integer)
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    content_sha256: Mapped[str] = mapped_column(String(64))


# --- The till -------------------------------------------------------------------------


class CashSession(Base):
    """A till session, from the float counted in to the closing count (the Z). The
    closed row with its `CashCount` rows is the closing report: it is never changed,
    and reprinted from here."""

    __tablename__ = "cash_sessions"
    __table_args__ = (CheckConstraint("float_cents >= 0", name="float_not_negative"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    number: Mapped[int] = mapped_column(Integer, unique=True)  # per-kiosk series
    # True while open, NULL once closed: NULLs never collide in a unique column, so the
    # store itself holds at most one open session.
    is_open: Mapped[bool | None] = mapped_column(Boolean, unique=True)
    float_cents: Mapped[int] = mapped_column(Integer)
    opened_at: Mapped[datetime] = mapped_column(index=True)
    opened_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("attendants.id"))
    closed_at: Mapped[datetime | None]
    closed_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("attendants.id"))
    # The manager whose PIN accepted a difference above the threshold.
    approved_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("attendants.id"))


class CashCount(Base):
    """One payment method of a closed session: what the store expected, what the
    attendant counted, from how many payments."""

    __tablename__ = "cash_counts"
    __table_args__ = (
        CheckConstraint("counted_cents >= 0", name="counted_not_negative"),
        CheckConstraint("payments >= 0", name="payments_not_negative"),
    )

    cash_session_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("cash_sessions.id"), primary_key=True
    )
    method: Mapped[PaymentMethod] = mapped_column(_enum(PaymentMethod), primary_key=True)
    expected_cents: Mapped[int] = mapped_column(Integer)
    counted_cents: Mapped[int] = mapped_column(Integer)
    payments: Mapped[int] = mapped_column(Integer)


class TillReportJob(Base):
    """Which session a print job of kind "till_report" prints (the first print and every
    reprint). A table of its own rather than a column of `print_jobs`: the queue's rows
    stay as every other part writes them."""

    __tablename__ = "till_report_jobs"

    print_job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("print_jobs.id"), primary_key=True)
    cash_session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cash_sessions.id"), index=True)
