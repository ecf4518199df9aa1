"""A print job as the print queue and the counter see it, and the kinds of jobs."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from ..domain.kinds import PrintStatus

TICKET_KINDS = frozenset(
    {"order_ticket", "receipt", "receipt_copy", "refund_receipt", "quote_ticket"}
)


# An order's A4 invoice: the print worker lays it out as a PDF in the data folder.
INVOICE_KIND = "invoice"
# Other A4 documents saved as PDF, named by their job's `document_id`.
CREDIT_NOTE_KIND = "credit_note"
QUOTE_KIND = "quote"
DOCUMENT_KINDS = frozenset({INVOICE_KIND, CREDIT_NOTE_KIND, QUOTE_KIND})
# The fault key of a job the attendant cancelled: kept, never printed.
CANCELLED_KEY = "printer.cancelled"


@dataclass(frozen=True, slots=True)
class PrintJobView:
    id: uuid.UUID
    kind: str
    order_id: uuid.UUID | None
    lang: str
    status: PrintStatus
    attempts: int
    last_error: str | None  # a message key
    created_at: datetime
    printed_at: datetime | None
    document_id: uuid.UUID | None = None
    interrupted: bool = False  # cut mid-way: printed again once, marked "REPRINT"
    to_file: bool = False  # "print elsewhere": saved as a picture and text
