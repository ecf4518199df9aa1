"""Tickets built from the store: what a print job of a kind prints for an order, or for
a till session (the closing report)."""

from __future__ import annotations

import uuid

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import InvoiceKind
from kiosk_app.errors import NotFound
from kiosk_app.views.print_jobs import TICKET_KINDS

from .blocks import Ticket
from .tickets import InvoiceRef, order_ticket, quote_ticket, receipt
from .till_report import KIND as TILL_REPORT
from .till_report import till_report

__all__ = ["TICKET_KINDS", "ticket_for"]


def ticket_for(
    comptoir: Comptoir, kind: str, order_id: uuid.UUID | None, *, job_id: uuid.UUID | None = None
) -> Ticket:
    """The ticket of `kind` for an order, or for the till session of print job `job_id`
    (kind "till_report"), from the store as it is now. Raises KeyError for a kind that
    is not a ticket, NotFound for an order or a session that is not there."""
    if kind == TILL_REPORT:
        if job_id is None:
            raise NotFound(entity="cash_session")
        return till_report(comptoir.till.for_print_job(job_id), comptoir.settings.get())
    if kind not in TICKET_KINDS:
        raise KeyError(kind)
    if order_id is None:
        raise NotFound(entity="order")
    order = comptoir.orders.get(order_id)
    settings = comptoir.settings.get()
    if kind == "order_ticket":
        return order_ticket(order, settings)
    if kind == "quote_ticket":
        quotes = comptoir.quotes.for_order(order_id)
        if not quotes:
            raise NotFound(entity="quote")
        return quote_ticket(comptoir.quotes.document(quotes[-1][0]), settings, order.lang)
    invoices = [
        InvoiceRef(
            invoice.number,
            credit_note=invoice.kind is InvoiceKind.CREDIT_NOTE,
            amount_cents=invoice.amount_cents,
        )
        for invoice in comptoir.invoices.for_order(order_id)
    ]
    return receipt(
        order,
        comptoir.payments.for_order(order_id),
        settings,
        invoices=invoices,
        copy=kind == "receipt_copy",
        refund=kind == "refund_receipt",
    )
