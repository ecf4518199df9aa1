"""The print queue's worker: a thread that takes queued jobs from the store, oldest
first, and prints them, so that nobody at the counter waits for a printer.

On a printer fault the job stays queued with the fault's message key (the attendant's
warning) and the worker waits before trying again, longer each time; the queue keeps
its order. A job is marked printed when the connection took its bytes whole (a slow
status answer after it does not print it again); a job cut mid-way is printed again
once, marked "REPRINT" and without opening the cash drawer, and a reprint cut again
waits for the attendant (retry, print elsewhere, cancel). A4 documents (invoices,
credit notes, quotes) are saved as PDF whatever the ticket printer does: they never
wait behind a stuck ticket. With no printer configured, or for a job the attendant
sent elsewhere, tickets are saved as PNG and text in the data folder instead.
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
from kiosk_app.domain.file_names import is_file_stem
from kiosk_app.errors import ComptoirError, NotFound
from kiosk_app.views.print_jobs import DOCUMENT_KINDS, PrintJobView

from .connections import Connection, PrinterFault, connection_for
from .documents import save_document
from .escpos import render
from .image import save_ticket
from .profiles import PrinterProfile, profile_for
from .sources import ticket_for
from .tickets import marked_reprint

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
        # The settings followed (kind, address, width, code page), when made from them.
        self._following: tuple[str, str, str, str] | None = None

    @classmethod
    def from_settings(
        cls,
        comptoir: Comptoir,
        data_dir: Path,
        *,
        on_event: Callable[[PrintEvent], None] | None = None,
    ) -> PrintWorker:
        """The worker the kiosk's settings describe (printer kind, address, profile),
        and keeps following them: a printer set up in the wizard or the Settings prints
        the next ticket, without waiting for the kiosk's next start."""
        printer = _printer_settings(comptoir)
        worker = cls(
            comptoir,
            connection=connection_for(printer[0], printer[1]),
            profile=profile_for(printer[2], printer[3]),
            tickets_dir=data_dir / "tickets",
            on_event=on_event,
        )
        worker._following = printer
        return worker

    def _follow_settings(self) -> None:
        if self._following is None:
            return
        printer = _printer_settings(self._comptoir)
        if printer == self._following:
            return
        self._following = printer
        self._connection = connection_for(printer[0], printer[1])
        self._profile = profile_for(printer[2], printer[3])
        self._faults_in_a_row = 0  # a new printer: no waiting on the old one's faults
        self._not_before = 0.0
        log.info("printer changed in the settings: now %s", printer[0] or "none")

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
        """Save the queued A4 documents, then print the queued tickets that can go now,
        oldest first; stop the tickets at the first printer fault (the next ones would
        meet it too). Returns how many were done."""
        done = 0
        self._follow_settings()
        queued = self._comptoir.print_jobs.queued(limit=50)
        for job in queued:
            if self._stop.is_set():
                return done
            if job.kind in DOCUMENT_KINDS:
                done += self._save_document(job)
        if self._monotonic() < self._not_before:
            return done
        for job in queued:
            if self._stop.is_set() or job.kind in DOCUMENT_KINDS:
                continue
            if not self._print(job):
                break
            done += 1
        return done

    def _print(self, job: PrintJobView) -> bool:
        jobs = self._comptoir.print_jobs
        try:
            ticket = ticket_for(self._comptoir, job.kind, job.order_id, job_id=job.id)
        except (NotFound, KeyError):
            jobs.give_up(job.id, "printer.unprintable")
            log.warning("print job %s (%s) given up: printer.unprintable", job.id, job.kind)
            self._emit(job, "failed", "printer.unprintable")
            return True
        if job.interrupted:
            ticket = marked_reprint(ticket, job.lang)
        if self._connection is None or job.to_file:
            if not is_file_stem(ticket.order_number):
                # A number no server should send (kiosk_app.domain.file_names): this job
                # is given up, the queue moves on.
                jobs.give_up(job.id, "printer.unprintable")
                self._emit(job, "failed", "printer.unprintable")
                return True
            name = f"{ticket.order_number}-{job.kind}-{str(job.id)[:8]}"
            saved = save_ticket(ticket, self._profile, self._tickets_dir, name)
            jobs.mark_printed(job.id)
            self._emit(job, "saved", "printer.saved_to_file", (saved.png, saved.text))
            return True
        try:
            self._connection.send(render(ticket, self._profile))
        except PrinterFault as fault:
            self._faulted(job, fault)
            return False
        jobs.mark_printed(job.id)
        self._faults_in_a_row = 0
        self._emit(job, "printed")
        return True

    def _faulted(self, job: PrintJobView, fault: PrinterFault) -> None:
        jobs = self._comptoir.print_jobs
        if fault.partial:
            # Part of it may be on paper: printed again once, as a REPRINT; a reprint
            # cut again waits for the attendant.
            again = jobs.mark_interrupted(job.id, fault.key)
            outcome = "fault" if again else "failed"
        else:
            jobs.record_fault(job.id, fault.key, attempted=fault.attempted)
            outcome = "fault"
        log.warning("print job %s (%s) %s: %s", job.id, job.kind, outcome, fault.key)
        delay = self._retry_delays[min(self._faults_in_a_row, len(self._retry_delays) - 1)]
        self._faults_in_a_row += 1
        self._not_before = self._monotonic() + delay
        self._emit(job, outcome, fault.key)

    def _save_document(self, job: PrintJobView) -> int:
        """An A4 document is a PDF in the data folder (a ticket printer cannot print it):
        the attendant prints or sends that file. Made from the document's frozen
        content, so a reprint is the same file."""
        jobs = self._comptoir.print_jobs
        try:
            path = save_document(self._comptoir, job, self._tickets_dir.parent)
        except (NotFound, ComptoirError):
            jobs.give_up(job.id, "printer.unprintable")
            self._emit(job, "failed", "printer.unprintable")
            return 0
        jobs.mark_printed(job.id)
        self._emit(job, "saved", "printer.saved_to_file", (path,))
        return 1

    def _emit(
        self,
        job: PrintJobView,
        outcome: str,
        key: str | None = None,
        files: tuple[Path, ...] = (),
    ) -> None:
        if self._on_event is not None:
            self._on_event(PrintEvent(job.id, job.order_id, job.kind, outcome, key, files))


def _printer_settings(comptoir: Comptoir) -> tuple[str, str, str, str]:
    settings = comptoir.settings.get()
    return (
        settings.printer_kind,
        settings.printer_address,
        settings.printer_width,
        settings.printer_codepage,
    )
