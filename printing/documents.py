"""A4 documents of the print queue: an invoice's, a credit note's or a quote's PDF, made
from the content frozen at issue and saved in the data folder. The first PDF's hash is
kept with the invoice: a later print that would differ (another version of the layout)
never replaces the file the client was given."""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from documents.pdf.invoice import invoice_pdf
from documents.pdf.quote import quote_pdf
from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import InvoiceKind
from kiosk_app.errors import NotFound
from kiosk_app.views.print_jobs import INVOICE_KIND, QUOTE_KIND, PrintJobView

from .files import invoice_file, quote_file

log = logging.getLogger(__name__)


def _write_private(path: Path, data: bytes) -> None:
    """Owner-only: a client's name, address and what they paid."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    path.write_bytes(data)
    os.chmod(path, 0o600)


def save_document(comptoir: Comptoir, job: PrintJobView, data_dir: Path) -> Path:
    """Save the job's document as PDF; returns where."""
    if job.kind == QUOTE_KIND:
        if job.document_id is None:
            raise NotFound(entity="quote")
        quote = comptoir.quotes.document(job.document_id)
        path = quote_file(data_dir, quote.number)
        _write_private(path, quote_pdf(quote))
        return path
    document_id = job.document_id
    if document_id is None and job.kind == INVOICE_KIND and job.order_id is not None:
        invoices = [
            i for i in comptoir.invoices.for_order(job.order_id) if i.kind is InvoiceKind.INVOICE
        ]
        document_id = invoices[-1].id if invoices else None
    if document_id is None:
        raise NotFound(entity="invoice")
    content = comptoir.invoices.document(document_id)
    path = invoice_file(data_dir, content.number)
    data = invoice_pdf(content)
    digest = hashlib.sha256(data).hexdigest()
    kept = comptoir.invoices.record_pdf(document_id, digest)
    if path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == kept:
        return path  # the very file issued: nothing to write
    if kept != digest:
        log.warning("invoice %s: this layout differs from the issued PDF", content.number)
    _write_private(path, data)
    return path
