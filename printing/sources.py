"""Tickets built from the store: what a print job of a kind prints for an order."""

from __future__ import annotations

import uuid

from kiosk_app.comptoir import Comptoir
from kiosk_app.services.print_jobs import TICKET_KINDS
from kiosk_app.store.models import InvoiceKind

from .blocks import Ticket
from .tickets import InvoiceRef, order_ticket, receipt

__all__ = ["TICKET_KINDS", "ticket_for"]


def ticket_for(comptoir: Comptoir, kind: str, order_id: uuid.UUID) -> Ticket:
    """The ticket of `kind` for an order, from the store as it is now. Raises KeyError
    for a kind that is not a ticket, NotFound for an order that is not there."""
    if kind not in TICKET_KINDS:
        raise KeyError(kind)
    order = comptoir.orders.get(order_id)
    settings = comptoir.settings.get()
    if kind == "order_ticket":
        return order_ticket(order, settings)
    invoices = [
        InvoiceRef(invoice.number, credit_note=invoice.kind is InvoiceKind.CREDIT_NOTE)
        for invoice in comptoir.invoices.for_order(order_id)
    ]
    return receipt(
        order,
        comptoir.payments.for_order(order_id),
        settings,
        invoices=invoices,
        copy=kind == "receipt_copy",
    )
