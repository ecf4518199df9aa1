"""A print job as the print queue and the counter see it, and the kinds of jobs."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from ..domain.kinds import PrintStatus

TICKET_KINDS = frozenset({"order_ticket", "receipt", "receipt_copy"})


# An order's A4 invoice: the print worker lays it out as a PDF in the data folder.
INVOICE_KIND = "invoice"


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
