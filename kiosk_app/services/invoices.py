"""Invoices and credit notes, frozen when their number is allocated; this kiosk's tax
certificates and Lulus' statements.

An invoice is issued for every paid order, in the transaction of the payment that
completes it; a refund of an invoiced order issues a credit note ("avoir") in the
refund's transaction. Both take their numbers from gapless series per kiosk and year
("F01-2026-00001", "A01-2026-00001"): French invoicing rules want a chronological series
without gaps, and an invoice is never deleted nor changed. What a document says (the
association's details, the client, the services with the people who did them and the
minutes worked, the payments at issue) is written as a snapshot with its hash in the
same transaction: every print, reprint and the central server's copy come from it. No
document is issued while the association's details are not all set.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from documents.content import (
    CashRule,
    CertificateContent,
    DocumentKind,
    InvoiceContent,
    PaymentEntry,
    StatementContent,
    StatementLine,
    as_json,
    content_hash,
)
from documents.tax import certificates
from sync.protocol import OrderStatus

from ..clock import PARIS, Clock, to_paris, utc_now
from ..domain.kinds import InvoiceKind
from ..errors import NotFound
from ..store.database import Store
from ..store.models import Client, Invoice, Order, Payment
from ..views.invoices import InvoiceSummary, one_line_address
from .document_lines import cash_rule, issuer_of, lulu_identity, order_line, order_place
from .journal import enqueue_op
from .numbers import next_number, require_kiosk_code
from .order_rows import order_view
from .settings import read_settings, require_document_details

_PREFIX = {InvoiceKind.INVOICE: "F", InvoiceKind.CREDIT_NOTE: "A"}
# A document's id and its sync op's id come from its number: the same number is always
# the same document (the central server keeps one per number), whichever store issues it.
_DOCUMENT_IDS = uuid.UUID("7c1f3a52-9a4e-4d8e-9f57-2a0b6e8c1d34")
_DOCUMENT_OPS = uuid.UUID("0e5b9d61-3f2c-4a7b-8c1e-5d4f6a2b9e07")


def _series(kind: InvoiceKind, kiosk_code: str, year: int) -> tuple[str, str]:
    """The number series' name and the number's prefix, e.g. ("invoice-01-2026",
    "F01-2026")."""
    return f"{kind.value}-{kiosk_code}-{year}", f"{_PREFIX[kind]}{kiosk_code}-{year}"


def _payments_of(session: Session, order_id: uuid.UUID) -> tuple[PaymentEntry, ...]:
    rows = session.scalars(select(Payment).where(Payment.order_id == order_id).order_by(Payment.at))
    return tuple(
        PaymentEntry(at=p.at, method=p.method.value, kind=p.kind.value, amount_cents=p.amount_cents)
        for p in rows
    )


def _insert(
    session: Session,
    kind: InvoiceKind,
    order: Order,
    *,
    amount_cents: int,
    tax_credit_cents: int,
    now: datetime,
    payments: tuple[PaymentEntry, ...],
    credits: Invoice | None = None,
    reason: str = "",
) -> uuid.UUID:
    settings = require_document_details(session)
    series, prefix = _series(kind, require_kiosk_code(session), to_paris(now).year)
    number = f"{prefix}-{next_number(session, series):05d}"
    client = session.get_one(Client, order.client_id)
    client_address = one_line_address(client.street, client.postcode, client.city, client.building)
    lines = (
        InvoiceContent.model_validate(credits.content).lines
        if credits is not None and credits.content is not None
        else (order_line(session, order),)
    )
    content = InvoiceContent(
        kind=DocumentKind(kind.value),
        number=number,
        series=prefix,
        issued_at=now,
        issuer=issuer_of(settings),
        client_id=str(order.client_id),
        client_name=client.name,
        client_address=client_address,
        place=order_place(order),
        lines=lines,
        amount_cents=amount_cents,
        payments=payments,
        cash_rule=cash_rule(settings),
        credits_number=credits.number if credits is not None else None,
        reason=reason,
    )
    invoice_id = uuid.uuid5(_DOCUMENT_IDS, number)
    digest = content_hash(content)
    session.execute(
        insert(Invoice).values(
            id=invoice_id,
            number=number,
            kind=kind,
            order_id=order.id,
            client_id=order.client_id,
            credits_invoice_id=credits.id if credits is not None else None,
            issued_at=now,
            client_name=client.name,
            client_address=client_address,
            amount_cents=amount_cents,
            tax_credit_cents=tax_credit_cents,
            reason=reason,
            series=prefix,
            content=as_json(content),
            content_sha256=digest,
        )
    )
    # Kept by the central server too, as issued: an append-only document.
    enqueue_op(
        session,
        entity="invoice",
        entity_id=invoice_id,
        kind="append",
        data={
            "id": invoice_id,
            "order_id": order.id,
            "number": number,
            "content": as_json(content),
            "content_sha256": digest,
        },
        now=now,
        op_id=uuid.uuid5(_DOCUMENT_OPS, number),
    )
    return invoice_id


def issue_invoice(session: Session, order: Order, *, now: datetime) -> uuid.UUID:
    """The invoice of a paid order, inside the caller's (the payment's) transaction,
    with the payments received so far."""
    price = order_view(order).price_due
    return _insert(
        session,
        InvoiceKind.INVOICE,
        order,
        amount_cents=price.total_cents,
        tax_credit_cents=price.tax_credit_cents,
        now=now,
        payments=_payments_of(session, order.id),
    )


def credited_cents(session: Session, order_id: uuid.UUID) -> int:
    """What credit notes have cancelled of an order's invoice."""
    total = session.scalar(
        select(func.coalesce(func.sum(Invoice.amount_cents), 0)).where(
            Invoice.order_id == order_id, Invoice.kind == InvoiceKind.CREDIT_NOTE
        )
    )
    return int(total or 0)


def issue_credit_note(
    session: Session,
    order: Order,
    *,
    amount_cents: int,
    reason: str,
    now: datetime,
    refund: PaymentEntry | None = None,
) -> uuid.UUID | None:
    """A credit note for `amount_cents` of the order's invoice (a refund), inside the
    caller's transaction; None when the order has no invoice yet (nothing to cancel).
    Never credits more than what remains of the invoice."""
    invoice = session.scalar(
        select(Invoice).where(Invoice.order_id == order.id, Invoice.kind == InvoiceKind.INVOICE)
    )
    if invoice is None:
        return None
    amount = min(amount_cents, invoice.amount_cents - credited_cents(session, order.id))
    if amount <= 0:
        return None
    tax_credit = (
        invoice.tax_credit_cents * amount // invoice.amount_cents if invoice.amount_cents else 0
    )
    if invoice.content is None:
        freeze(session, invoice)
    return _insert(
        session,
        InvoiceKind.CREDIT_NOTE,
        order,
        amount_cents=amount,
        tax_credit_cents=tax_credit,
        now=now,
        payments=(refund,) if refund is not None else (),
        credits=invoice,
        reason=reason,
    )


def freeze(session: Session, row: Invoice) -> InvoiceContent:
    """The content of an invoice issued before snapshots existed (migration 0005), read
    from the store once and frozen from then on."""
    order = session.get_one(Order, row.order_id)
    settings = read_settings(session)
    content = InvoiceContent(
        kind=DocumentKind(row.kind.value),
        number=row.number,
        series=row.number.rsplit("-", 1)[0],
        issued_at=row.issued_at,
        issuer=issuer_of(settings),
        client_id=str(row.client_id),
        client_name=row.client_name,
        client_address=row.client_address,
        place=order_place(order),
        lines=(order_line(session, order),),
        amount_cents=row.amount_cents,
        payments=_payments_of(session, order.id) if row.kind is InvoiceKind.INVOICE else (),
        cash_rule=cash_rule(settings),
        credits_number=(
            session.get_one(Invoice, row.credits_invoice_id).number
            if row.credits_invoice_id
            else None
        ),
        reason=row.reason,
    )
    row.series = content.series
    row.content = as_json(content)
    row.content_sha256 = content_hash(content)
    return content


def _summary(row: Invoice) -> InvoiceSummary:
    return InvoiceSummary(
        row.id,
        row.number,
        row.kind,
        row.order_id,
        row.issued_at,
        row.amount_cents,
        row.tax_credit_cents,
    )


def _year_bounds(year: int) -> tuple[datetime, datetime]:
    return (
        datetime.combine(date(year, 1, 1), time(), PARIS),
        datetime.combine(date(year + 1, 1, 1), time(), PARIS),
    )


class InvoiceService:
    def __init__(self, store: Store, *, clock: Clock = utc_now) -> None:
        self._store = store
        self._clock = clock

    def for_order(self, order_id: uuid.UUID) -> list[InvoiceSummary]:
        """An order's invoice and credit notes, oldest first."""
        with self._store.read() as session:
            rows = session.scalars(
                select(Invoice).where(Invoice.order_id == order_id).order_by(Invoice.issued_at)
            )
            return [_summary(row) for row in rows]

    def by_number(self, number: str) -> InvoiceSummary:
        with self._store.read() as session:
            row = session.scalar(select(Invoice).where(Invoice.number == number.strip()))
            if row is None:
                raise NotFound(entity="invoice")
            return _summary(row)

    def _freeze_legacy(self) -> None:
        with self._store.read() as session:
            legacy = session.scalar(select(func.count()).where(Invoice.content.is_(None)))
        if legacy:
            with self._store.write() as session:
                for row in session.scalars(select(Invoice).where(Invoice.content.is_(None))):
                    freeze(session, row)

    def document(self, invoice_id: uuid.UUID) -> InvoiceContent:
        """What the invoice or credit note says: its snapshot, as issued."""
        self._freeze_legacy()
        with self._store.read() as session:
            row = session.get(Invoice, invoice_id)
            if row is None or row.content is None:
                raise NotFound(entity="invoice")
            return InvoiceContent.model_validate(row.content)

    def record_pdf(self, invoice_id: uuid.UUID, sha256: str) -> str:
        """Keep the hash of the document's first PDF; returns the hash kept (a later
        PDF that differs is not the document)."""
        with self._store.write() as session:
            session.execute(
                update(Invoice)
                .where(Invoice.id == invoice_id, Invoice.pdf_sha256.is_(None))
                .values(pdf_sha256=sha256)
            )
            kept = session.scalar(select(Invoice.pdf_sha256).where(Invoice.id == invoice_id))
            if kept is None:
                raise NotFound(entity="invoice")
            return kept

    def all_documents(self, year: int | None = None) -> list[InvoiceContent]:
        """Every invoice and credit note's content (of `year` when given), by number."""
        self._freeze_legacy()
        with self._store.read() as session:
            query = select(Invoice.content).order_by(Invoice.issued_at, Invoice.number)
            if year is not None:
                start, end = _year_bounds(year)
                query = query.where(Invoice.issued_at >= start, Invoice.issued_at < end)
            return [InvoiceContent.model_validate(c) for c in session.scalars(query)]

    def certificates(self, year: int) -> list[CertificateContent]:
        """This kiosk's tax certificates of `year`, one per client, from its own invoices
        and credit notes (the central server makes them over every kiosk)."""
        documents = self.all_documents(year)
        with self._store.read() as session:
            settings = require_document_details(session)
        return certificates(
            documents,
            year=year,
            issuer=issuer_of(settings),
            issued_on=to_paris(self._clock()).date(),
            cash_rule=cash_rule(settings),
            scope=(
                f"Établie d’après les factures du comptoir {settings.kiosk_code} "
                f"({settings.kiosk_name}) seulement."
            ),
        )

    def lulu_statement(self, lulu_id: uuid.UUID, year: int, month: int) -> StatementContent:
        """The services done by a Lulu whose slot began in that month (Paris time), at
        this kiosk."""
        start = datetime.combine(date(year, month, 1), time(), PARIS)
        end = datetime.combine(date(year + month // 12, month % 12 + 1, 1), time(), PARIS)
        with self._store.read() as session:
            name, siret = lulu_identity(session, lulu_id)
            if not name:
                raise NotFound(entity="lulu")
            settings = read_settings(session)
            orders = session.scalars(
                select(Order)
                .where(
                    Order.lulu_id == lulu_id,
                    Order.status.in_((OrderStatus.DONE, OrderStatus.PAID)),
                    Order.slot_start >= start,
                    Order.slot_start < end,
                )
                .order_by(Order.slot_start)
            )
            lines = []
            for order in orders:
                line = order_line(session, order)
                lines.append(
                    StatementLine(
                        order_number=line.order_number,
                        service_name=line.service_name,
                        start=line.start,
                        minutes_worked=line.minutes_worked,
                        unit_minutes=line.unit_minutes,
                        unit_price_cents=line.unit_price_cents,
                        amount_cents=line.amount_cents,
                        kiosk=settings.kiosk_code,
                    )
                )
            return StatementContent(
                issuer=issuer_of(settings),
                year=year,
                month=month,
                lulu_name=name,
                lulu_siret=siret,
                lines=tuple(lines),
                scope=f"Comptoir {settings.kiosk_code} ({settings.kiosk_name}) seulement.",
            )


__all__ = ["CashRule", "InvoiceService", "credited_cents", "issue_credit_note", "issue_invoice"]
