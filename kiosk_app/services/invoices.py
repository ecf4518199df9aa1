"""Invoices, credit notes, tax certificates and Lulus' statements.

An invoice is issued for every paid order, in the transaction of the payment that
completes it; a refund of an invoiced order issues a credit note ("avoir") in the
refund's transaction. Both take their numbers from gapless series per kiosk and year
("F01-2026-00001", "A01-2026-00001"): French invoicing rules want a chronological series
without gaps, and an invoice is never deleted. The documents themselves (PDF) are laid
out by `printing`; this module gathers their content as plain dataclasses.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date, datetime, time

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from sync.protocol import OrderStatus, PaymentMethod

from ..clock import PARIS, to_paris
from ..domain.kinds import InvoiceKind, PaymentKind
from ..errors import NotFound
from ..store.database import Store
from ..store.models import Client, Invoice, Lulu, LuluFile, Order, Payment
from ..views.invoices import (
    InvoiceDocument,
    InvoiceLine,
    InvoiceSummary,
    LuluStatement,
    PaymentLine,
    TaxCertificate,
    one_line_address,
)
from .numbers import next_number
from .order_rows import order_view
from .settings import read_settings

# Means of payment that open the right to the tax credit: cash does not (the
# administration wants a traceable payment), CESU, card, cheque and transfer do.
ELIGIBLE_METHODS = frozenset(
    {PaymentMethod.CARD, PaymentMethod.CHEQUE, PaymentMethod.CESU, PaymentMethod.TRANSFER}
)
_PREFIX = {InvoiceKind.INVOICE: "F", InvoiceKind.CREDIT_NOTE: "A"}


def _series(kind: InvoiceKind, kiosk_code: str, year: int) -> tuple[str, str]:
    """The number series' name and the number's prefix, e.g. ("invoice-01-2026",
    "F01-2026")."""
    return f"{kind.value}-{kiosk_code}-{year}", f"{_PREFIX[kind]}{kiosk_code}-{year}"


def _insert(
    session: Session,
    kind: InvoiceKind,
    order: Order,
    *,
    amount_cents: int,
    tax_credit_cents: int,
    now: datetime,
    credits: uuid.UUID | None = None,
    reason: str = "",
) -> uuid.UUID:
    settings = read_settings(session)
    series, prefix = _series(kind, settings.kiosk_code, to_paris(now).year)
    client = session.get_one(Client, order.client_id)
    invoice_id = uuid.uuid4()
    values = {
        "id": invoice_id,
        "number": f"{prefix}-{next_number(session, series):05d}",
        "kind": kind,
        "order_id": order.id,
        "client_id": order.client_id,
        "credits_invoice_id": credits,
        "issued_at": now,
        "client_name": client.name,
        "client_address": one_line_address(
            client.street, client.postcode, client.city, client.building
        ),
        "amount_cents": amount_cents,
        "tax_credit_cents": tax_credit_cents,
        "reason": reason,
    }
    # Not pushed to the central server yet: the wire protocol (sync.protocol.Entity) has
    # no invoice entity, and an op the server cannot read would hold up the whole batch.
    session.execute(insert(Invoice).values(values))
    return invoice_id


def issue_invoice(session: Session, order: Order, *, now: datetime) -> uuid.UUID:
    """The invoice of a paid order, inside the caller's (the payment's) transaction."""
    price = order_view(order).price_due
    return _insert(
        session,
        InvoiceKind.INVOICE,
        order,
        amount_cents=price.total_cents,
        tax_credit_cents=price.tax_credit_cents,
        now=now,
    )


def issue_credit_note(
    session: Session, order: Order, *, amount_cents: int, reason: str, now: datetime
) -> uuid.UUID | None:
    """A credit note for `amount_cents` of the order's invoice (a refund), inside the
    caller's transaction; None when the order has no invoice yet (nothing to cancel).
    Never credits more than what remains of the invoice."""
    invoice = session.scalar(
        select(Invoice).where(Invoice.order_id == order.id, Invoice.kind == InvoiceKind.INVOICE)
    )
    if invoice is None:
        return None
    credited = session.scalar(
        select(func.coalesce(func.sum(Invoice.amount_cents), 0)).where(
            Invoice.credits_invoice_id == invoice.id
        )
    )
    amount = min(amount_cents, invoice.amount_cents - int(credited or 0))
    if amount <= 0:
        return None
    tax_credit = (
        invoice.tax_credit_cents * amount // invoice.amount_cents if invoice.amount_cents else 0
    )
    return _insert(
        session,
        InvoiceKind.CREDIT_NOTE,
        order,
        amount_cents=amount,
        tax_credit_cents=tax_credit,
        now=now,
        credits=invoice.id,
        reason=reason,
    )


def _lulu_identity(session: Session, lulu_id: uuid.UUID | None) -> tuple[str, str]:
    if lulu_id is None:
        return "", ""
    row = session.execute(
        select(Lulu.display_name, LuluFile.siret)
        .outerjoin(LuluFile, LuluFile.lulu_id == Lulu.id)
        .where(Lulu.id == lulu_id)
    ).one_or_none()
    return (row.display_name, row.siret or "") if row else ("", "")


def _line(order: Order, lulu_name: str, lulu_siret: str) -> InvoiceLine:
    units = order.actual_units or order.estimated_units
    start = to_paris(order.slot_start)
    return InvoiceLine(
        order_number=order.number,
        service_name=order.service_name_fr,
        day=start.date(),
        start=start,
        minutes=units * order.unit_minutes,
        units=units,
        unit_minutes=order.unit_minutes,
        unit_price_cents=order.unit_price_cents,
        amount_cents=units * order.unit_price_cents,
        tax_credit=order.tax_credit,
        lulu_name=lulu_name,
        lulu_siret=lulu_siret,
    )


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
    def __init__(self, store: Store) -> None:
        self._store = store

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

    def document(self, invoice_id: uuid.UUID) -> InvoiceDocument:
        with self._store.read() as session:
            invoice = session.get(Invoice, invoice_id)
            if invoice is None:
                raise NotFound(entity="invoice")
            order = session.get_one(Order, invoice.order_id)
            credits_number = (
                session.get_one(Invoice, invoice.credits_invoice_id).number
                if invoice.credits_invoice_id
                else None
            )
            payments = session.scalars(
                select(Payment).where(Payment.order_id == order.id).order_by(Payment.at)
            )
            return InvoiceDocument(
                association=read_settings(session),
                number=invoice.number,
                kind=invoice.kind,
                issued_at=invoice.issued_at,
                credits_number=credits_number,
                reason=invoice.reason,
                client_name=invoice.client_name,
                client_address=invoice.client_address,
                place=one_line_address(order.street, order.postcode, order.city, order.building),
                lines=(_line(order, *_lulu_identity(session, order.lulu_id)),),
                amount_cents=invoice.amount_cents,
                tax_credit_cents=invoice.tax_credit_cents,
                payments=tuple(
                    PaymentLine(p.method, p.kind, p.amount_cents, p.at) for p in payments
                ),
            )

    def certificates(self, year: int) -> list[TaxCertificate]:
        """The tax certificates of `year`: one per client who paid tax-credit services by
        an eligible means during the year. Payments count in the year they were made."""
        start, end = _year_bounds(year)
        with self._store.read() as session:
            association = read_settings(session)
            rows = session.execute(
                select(Order, Payment.kind, Payment.method, Payment.amount_cents)
                .join(Payment, Payment.order_id == Order.id)
                .where(Order.tax_credit, Payment.at >= start, Payment.at < end)
                .order_by(Order.slot_start)
            )
            orders: dict[uuid.UUID, dict[uuid.UUID, Order]] = defaultdict(dict)
            eligible: dict[uuid.UUID, int] = defaultdict(int)
            cash: dict[uuid.UUID, int] = defaultdict(int)
            for order, kind, method, amount in rows:
                orders[order.client_id][order.id] = order
                signed = -amount if kind is PaymentKind.REFUND else amount
                if method in ELIGIBLE_METHODS:
                    eligible[order.client_id] += signed
                else:
                    cash[order.client_id] += signed
            lulus = {
                row.id: (row.display_name, row.siret or "")
                for row in session.execute(
                    select(Lulu.id, Lulu.display_name, LuluFile.siret).outerjoin(
                        LuluFile, LuluFile.lulu_id == Lulu.id
                    )
                )
            }
            wanted = [client_id for client_id, cents in eligible.items() if cents > 0]
            clients = {
                row.id: row for row in session.scalars(select(Client).where(Client.id.in_(wanted)))
            }
            certificates = []
            for client_id in sorted(wanted, key=lambda cid: (clients[cid].name, str(cid))):
                client = clients[client_id]
                lines = tuple(
                    _line(order, *lulus.get(order.lulu_id, ("", "")) if order.lulu_id else ("", ""))
                    for order in orders[client_id].values()
                    if order.status is not OrderStatus.CANCELLED
                )
                certificates.append(
                    TaxCertificate(
                        association=association,
                        year=year,
                        client_id=client_id,
                        client_name=client.name,
                        client_address=one_line_address(
                            client.street, client.postcode, client.city, client.building
                        ),
                        lines=lines,
                        invoiced_cents=sum(line.amount_cents for line in lines),
                        paid_eligible_cents=eligible[client_id],
                        paid_cash_cents=max(0, cash[client_id]),
                    )
                )
            return certificates

    def lulu_statement(self, lulu_id: uuid.UUID, year: int, month: int) -> LuluStatement:
        """The services done by a Lulu whose slot began in that month (Paris time)."""
        start = datetime.combine(date(year, month, 1), time(), PARIS)
        end = datetime.combine(date(year + month // 12, month % 12 + 1, 1), time(), PARIS)
        with self._store.read() as session:
            name, siret = _lulu_identity(session, lulu_id)
            if not name:
                raise NotFound(entity="lulu")
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
            lines = tuple(_line(order, name, siret) for order in orders)
            return LuluStatement(
                association=read_settings(session),
                year=year,
                month=month,
                lulu_id=lulu_id,
                lulu_name=name,
                lulu_siret=siret,
                lines=lines,
                total_cents=sum(line.amount_cents for line in lines),
                total_minutes=sum(line.minutes for line in lines),
            )
