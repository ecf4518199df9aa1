"""The print queue as the store holds it: jobs are written with the order or payment
that calls for them (`journal.enqueue_print`), read and marked by the print worker on
its own thread, and listed for the attendant with their last fault.

A fault is stored as a message key ("printer.paper_out"), never as a library's text:
the counter says it in the attendant's language.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select, update

from ..clock import Clock, utc_now
from ..domain.kinds import InvoiceKind, PrintStatus
from ..errors import NotFound
from ..store.database import Store
from ..store.models import Invoice, Order, PrintJob
from ..views.print_jobs import CANCELLED_KEY, INVOICE_KIND, TICKET_KINDS, PrintJobView
from .journal import audit, enqueue_print


def _view(row: PrintJob) -> PrintJobView:
    return PrintJobView(
        row.id,
        row.kind,
        row.order_id,
        row.lang,
        row.status,
        row.attempts,
        row.last_error,
        row.created_at,
        row.printed_at,
        row.document_id,
        bool(row.interrupted),
        bool(row.to_file),
    )


class PrintJobService:
    def __init__(self, store: Store, *, clock: Clock = utc_now) -> None:
        self._store = store
        self._clock = clock

    def queued(self, *, limit: int = 20) -> list[PrintJobView]:
        """Jobs waiting to print, oldest first."""
        with self._store.read() as session:
            rows = session.scalars(
                select(PrintJob)
                .where(PrintJob.status == PrintStatus.QUEUED)
                .order_by(PrintJob.created_at, PrintJob.id)
                .limit(limit)
            )
            return [_view(row) for row in rows]

    def get(self, job_id: uuid.UUID) -> PrintJobView:
        with self._store.read() as session:
            row = session.get(PrintJob, job_id)
            if row is None:
                raise NotFound(entity="print_job")
            return _view(row)

    def for_order(self, order_id: uuid.UUID) -> list[PrintJobView]:
        """An order's print history, oldest first."""
        with self._store.read() as session:
            rows = session.scalars(
                select(PrintJob).where(PrintJob.order_id == order_id).order_by(PrintJob.created_at)
            )
            return [_view(row) for row in rows]

    def faults(self) -> list[PrintJobView]:
        """Jobs still waiting after a fault: what the attendant is warned about."""
        with self._store.read() as session:
            rows = session.scalars(
                select(PrintJob)
                .where(PrintJob.status == PrintStatus.QUEUED, PrintJob.last_error.is_not(None))
                .order_by(PrintJob.created_at)
            )
            return [_view(row) for row in rows]

    def troubles(self, *, limit: int = 50) -> list[PrintJobView]:
        """What the counter's badge lists: jobs waiting after a fault, and jobs that
        failed and nobody retried, sent elsewhere or cancelled yet; oldest first."""
        with self._store.read() as session:
            rows = session.scalars(
                select(PrintJob)
                .where(
                    PrintJob.last_error.is_not(None),
                    PrintJob.last_error != CANCELLED_KEY,
                    PrintJob.status.in_((PrintStatus.QUEUED, PrintStatus.FAILED)),
                )
                .order_by(PrintJob.created_at, PrintJob.id)
                .limit(limit)
            )
            return [_view(row) for row in rows]

    def mark_interrupted(self, job_id: uuid.UUID, message_key: str) -> bool:
        """The connection dropped mid-job: part of it may be on paper. The first time,
        the job stays queued to be printed again once, marked "REPRINT"; a reprint cut
        again fails and waits for the attendant (never endless partial tickets).
        Returns True when it will be printed again."""
        with self._store.write() as session:
            row = session.get(PrintJob, job_id)
            if row is None:
                raise NotFound(entity="print_job")
            again = not row.interrupted
            row.attempts += 1
            row.last_error = message_key
            row.interrupted = True
            if not again:
                row.status = PrintStatus.FAILED
            return again

    def retry(self, job_id: uuid.UUID, *, attendant_id: uuid.UUID | None) -> None:
        """The attendant's "retry": a failed job goes back to the queue (a job cut before
        is still printed as a REPRINT)."""
        self._attendant_step(job_id, attendant_id, "print.retry", status=PrintStatus.QUEUED)

    def print_elsewhere(self, job_id: uuid.UUID, *, attendant_id: uuid.UUID | None) -> None:
        """The attendant's "print elsewhere": saved as a picture and text in the data
        folder (to show, send or print from another computer) instead of the printer."""
        self._attendant_step(
            job_id, attendant_id, "print.elsewhere", status=PrintStatus.QUEUED, to_file=True
        )

    def cancel(self, job_id: uuid.UUID, *, attendant_id: uuid.UUID | None) -> None:
        """The attendant's "cancel": the job is kept, never printed."""
        self._attendant_step(
            job_id, attendant_id, "print.cancel", status=PrintStatus.FAILED, error=CANCELLED_KEY
        )

    def _attendant_step(
        self,
        job_id: uuid.UUID,
        attendant_id: uuid.UUID | None,
        action: str,
        *,
        status: PrintStatus,
        error: str | None = None,
        to_file: bool | None = None,
    ) -> None:
        now = self._clock()
        with self._store.write() as session:
            row = session.get(PrintJob, job_id)
            if row is None or row.status is PrintStatus.PRINTED:
                raise NotFound(entity="print_job")
            row.status = status
            row.last_error = error
            if to_file is not None:
                row.to_file = to_file
            audit(
                session,
                attendant_id=attendant_id,
                action=action,
                entity="print_job",
                entity_id=job_id,
                now=now,
                details={"kind": row.kind},
            )

    def mark_printed(self, job_id: uuid.UUID) -> None:
        """Only once the job's bytes were written whole (or its file rendered)."""
        with self._store.write() as session:
            session.execute(
                update(PrintJob)
                .where(PrintJob.id == job_id)
                .values(
                    status=PrintStatus.PRINTED,
                    printed_at=self._clock(),
                    attempts=PrintJob.attempts + 1,
                    last_error=None,
                )
            )

    def record_fault(self, job_id: uuid.UUID, message_key: str, *, attempted: bool) -> None:
        """The job stays queued with the fault for the attendant; `attempted` counts a
        try (bytes were sent or a connection made) apart from a printer found not ready."""
        with self._store.write() as session:
            session.execute(
                update(PrintJob)
                .where(PrintJob.id == job_id)
                .values(
                    last_error=message_key,
                    attempts=PrintJob.attempts + (1 if attempted else 0),
                )
            )

    def give_up(self, job_id: uuid.UUID, message_key: str) -> None:
        """A job that can never print (its order is gone, its kind unknown): failed, so
        the queue keeps moving. A reprint makes a new job."""
        with self._store.write() as session:
            session.execute(
                update(PrintJob)
                .where(PrintJob.id == job_id)
                .values(status=PrintStatus.FAILED, last_error=message_key)
            )

    def reprint(self, order_id: uuid.UUID, kind: str = "order_ticket") -> uuid.UUID:
        """Print again from the order's history: always a new job, in the order's
        language. A receipt printed again is marked as a copy ("duplicata") and leaves
        the cash drawer shut."""
        if kind not in TICKET_KINDS:
            raise ValueError(f"not a ticket kind: {kind}")
        if kind == "receipt":
            kind = "receipt_copy"
        with self._store.write() as session:
            order = session.get(Order, order_id)
            if order is None:
                raise NotFound(entity="order")
            return enqueue_print(
                session, kind=kind, order_id=order_id, lang=order.lang, now=self._clock()
            )

    def print_invoice(self, order_id: uuid.UUID, *, attendant_id: uuid.UUID | None) -> str:
        """Queue the order's invoice (its latest, credit notes aside) for printing, as
        often as asked: a new job each time, audited. Returns the invoice's number."""
        now = self._clock()
        with self._store.write() as session:
            order = session.get(Order, order_id)
            invoice = session.scalar(
                select(Invoice)
                .where(Invoice.order_id == order_id, Invoice.kind == InvoiceKind.INVOICE)
                .order_by(Invoice.issued_at.desc())
                .limit(1)
            )
            if order is None or invoice is None:
                raise NotFound(entity="order" if order is None else "invoice")
            job_id = enqueue_print(
                session,
                kind=INVOICE_KIND,
                order_id=order_id,
                lang=order.lang,
                now=now,
                document_id=invoice.id,
            )
            audit(
                session,
                attendant_id=attendant_id,
                action="invoice.print",
                entity="invoice",
                entity_id=invoice.id,
                now=now,
                details={"number": invoice.number, "print_job": job_id},
            )
            return invoice.number
