"""The print queue's worker: a thread that takes queued jobs from the store, oldest
first, and prints them, so that nobody at the counter waits for a printer.

On a printer fault the job stays queued with the fault's message key (the attendant's
warning) and the worker waits before trying again, longer each time; the queue keeps
its order. A job is marked printed only when the connection took its bytes whole. With
no printer configured, tickets are saved as PNG and text in the data folder instead.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import InvoiceKind
from kiosk_app.errors import NotFound
from kiosk_app.views.print_jobs import INVOICE_KIND, PrintJobView

from .connections import Connection, PrinterFault, connection_for
from .escpos import render
from .files import invoice_file
from .image import save_ticket
from .pdf.invoice import invoice_pdf
from .profiles import PrinterProfile, profile_for
from .sources import ticket_for

log = logging.getLogger(__name__)

RETRY_DELAYS = (2.0, 5.0, 10.0, 30.0, 60.0)  # seconds; the last one repeats


@dataclass(frozen=True, slots=True)
class PrintEvent:
    """What happened to a job, for the counter's screen (sent from the worker thread)."""

    job_id: uuid.UUID
    order_id: uuid.UUID | None
    kind: str
    outcome: str  # printed | saved | fault | failed
    message_key: str | None = None
    files: tuple[Path, ...] = ()


class PrintWorker:
    def __init__(
        self,
        comptoir: Comptoir,
        *,
        connection: Connection | None,
        profile: PrinterProfile,
        tickets_dir: Path,
        on_event: Callable[[PrintEvent], None] | None = None,
        retry_delays: Sequence[float] = RETRY_DELAYS,
        poll_seconds: float = 2.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._comptoir = comptoir
        self._connection = connection
        self._profile = profile
        self._tickets_dir = tickets_dir
        self._on_event = on_event
        self._retry_delays = tuple(retry_delays) or (0.0,)
        self._poll = poll_seconds
        self._monotonic = monotonic
        self._faults_in_a_row = 0
        self._not_before = 0.0
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @classmethod
    def from_settings(
        cls,
        comptoir: Comptoir,
        data_dir: Path,
        *,
        on_event: Callable[[PrintEvent], None] | None = None,
    ) -> PrintWorker:
        """The worker the kiosk's settings describe (printer kind, address, profile)."""
        settings = comptoir.settings.get()
        return cls(
            comptoir,
            connection=connection_for(settings.printer_kind, settings.printer_address),
            profile=profile_for(settings.printer_width, settings.printer_codepage),
            tickets_dir=data_dir / "tickets",
            on_event=on_event,
        )

    # --- The thread -------------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="print-worker", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """A job was just queued: look now rather than at the next poll."""
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.run_once()
            except Exception:  # a bug must not kill the queue: log, wait, go on
                log.exception("print worker round failed")
            self._wake.wait(self._poll)
            self._wake.clear()

    # --- One round --------------------------------------------------------------------

    def run_once(self) -> int:
        """Print the queued jobs that can go now, oldest first; stop at the first
        printer fault (the next jobs would meet it too). Returns how many printed."""
        if self._monotonic() < self._not_before:
            return 0
        done = 0
        for job in self._comptoir.print_jobs.queued():
            if self._stop.is_set():
                break
            if not self._print(job):
                break
            done += 1
        return done

    def _print(self, job: PrintJobView) -> bool:
        jobs = self._comptoir.print_jobs
        if job.kind == INVOICE_KIND:
            return self._save_invoice(job)
        try:
            ticket = ticket_for(self._comptoir, job.kind, job.order_id, job_id=job.id)
        except (NotFound, KeyError):
            jobs.give_up(job.id, "printer.unprintable")
            self._emit(job, "failed", "printer.unprintable")
            return True
        if self._connection is None:
            name = f"{ticket.order_number}-{job.kind}-{str(job.id)[:8]}"
            saved = save_ticket(ticket, self._profile, self._tickets_dir, name)
            jobs.mark_printed(job.id)
            self._emit(job, "saved", "printer.saved_to_file", (saved.png, saved.text))
            return True
        try:
            self._connection.send(render(ticket, self._profile))
        except PrinterFault as fault:
            jobs.record_fault(job.id, fault.key, attempted=fault.attempted)
            delay = self._retry_delays[min(self._faults_in_a_row, len(self._retry_delays) - 1)]
            self._faults_in_a_row += 1
            self._not_before = self._monotonic() + delay
            self._emit(job, "fault", fault.key)
            return False
        jobs.mark_printed(job.id)
        self._faults_in_a_row = 0
        self._emit(job, "printed")
        return True

    def _save_invoice(self, job: PrintJobView) -> bool:
        """An A4 invoice is a PDF in the data folder (a ticket printer cannot print it):
        the attendant prints or sends that file."""
        jobs = self._comptoir.print_jobs
        invoices = (
            [
                invoice
                for invoice in self._comptoir.invoices.for_order(job.order_id)
                if invoice.kind is InvoiceKind.INVOICE
            ]
            if job.order_id is not None
            else []
        )
        if not invoices:
            jobs.give_up(job.id, "printer.unprintable")
            self._emit(job, "failed", "printer.unprintable")
            return True
        document = self._comptoir.invoices.document(invoices[-1].id)
        path = invoice_file(self._tickets_dir.parent, document.number)
        path.parent.mkdir(parents=True, exist_ok=True)
        invoice_pdf(document, path)
        jobs.mark_printed(job.id)
        self._emit(job, "saved", "printer.saved_to_file", (path,))
        return True

    def _emit(
        self,
        job: PrintJobView,
        outcome: str,
        key: str | None = None,
        files: tuple[Path, ...] = (),
    ) -> None:
        if self._on_event is not None:
            self._on_event(PrintEvent(job.id, job.order_id, job.kind, outcome, key, files))
