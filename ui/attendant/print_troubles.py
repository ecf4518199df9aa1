"""Failed prints at the counter: a badge in the counter's column while a job waits after
a printer fault or failed, and the page that lists each one — which job, why (paper
out, cover open, offline...) — with "Retry", "Print elsewhere" (saved as a picture and
text in the data folder) and "Cancel". The print worker runs on its own thread and
records faults in the store: the counter reads them there every few seconds."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk_app.domain.kinds import PrintStatus
from kiosk_app.errors import NotFound
from kiosk_app.views.print_jobs import PrintJobView
from printing.messages import printer_message

from ..context import KioskContext
from ..format import paris_datetime
from ..i18n import current_lang
from ..widgets.buttons import TouchButton
from ..widgets.screen import Label, Screen, empty_layout, label

POLL_MS = 3000


class PrintBadge(TouchButton):
    """ "2 prints failed": shown only while some job needs the attendant."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(role="primary", parent=parent)
        self.count = 0
        self.hide()

    def show_count(self, count: int) -> None:
        self.count = count
        self.setVisible(count > 0)
        self.retranslate()

    def retranslate(self) -> None:
        if self.count:
            # Two lines: the counter's column is narrow.
            self.setText(self.tr("⚠ %n print(s)\nfailed", "", self.count))


class PrintTroublesPage(Screen):
    """Every job that needs the attendant, oldest first, with what can be done."""

    changed = Signal(int)  # how many jobs still need the attendant
    back = Signal()

    def __init__(
        self,
        context: KioskContext,
        attendant_id: Callable[[], uuid.UUID | None],
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._attendant_id = attendant_id
        self.jobs: list[PrintJobView] = []
        self.rows: dict[uuid.UUID, tuple[Label, TouchButton, TouchButton, TouchButton]] = {}
        self.back_button = TouchButton(parent=self)
        self.back_button.clicked.connect(self.back)
        self.heading = label("title", parent=self)
        self.empty = label(parent=self)
        self.note = label("success", parent=self)
        self.error = label("error", parent=self)
        self.grid = QGridLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.heading, 1)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.empty)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.refresh)
        self.retranslate()

    def refresh(self) -> None:
        """Read the store again (a quick read) and redraw if the list changed."""
        jobs = self._context.comptoir.print_jobs.troubles()
        if [(j.id, j.status, j.last_error) for j in jobs] != [
            (j.id, j.status, j.last_error) for j in self.jobs
        ]:
            self.jobs = jobs
            self._rebuild()
        self.changed.emit(len(self.jobs))

    def _rebuild(self) -> None:
        empty_layout(self.grid)
        self.rows = {}
        for row, job in enumerate(self.jobs):
            # One job a block: what and why, then what can be done, on a row of its own
            # (three touch buttons beside a long text would not fit a small screen).
            block = QWidget(self)
            text = label(parent=block)
            retry = TouchButton(parent=block)
            elsewhere = TouchButton(parent=block)
            cancel = TouchButton(parent=block)
            job_id = job.id
            retry.clicked.connect(lambda _=False, j=job_id: self._act(j, "retry"))
            elsewhere.clicked.connect(lambda _=False, j=job_id: self._act(j, "elsewhere"))
            cancel.clicked.connect(lambda _=False, j=job_id: self._act(j, "cancel"))
            actions = QHBoxLayout()
            for button in (retry, elsewhere, cancel):
                actions.addWidget(button)
            actions.addStretch(1)
            column = QVBoxLayout(block)
            column.setContentsMargins(0, 8, 0, 8)
            column.addWidget(text)
            column.addLayout(actions)
            self.grid.addWidget(block, row, 0)
            self.rows[job.id] = (text, retry, elsewhere, cancel)
        self.retranslate()

    def _act(self, job_id: uuid.UUID, action: str) -> None:
        jobs = self._context.comptoir.print_jobs
        who = self._attendant_id()
        work: Callable[[], object]
        if action == "retry":
            note = self.tr("Sent to the printer again.")
            work = lambda: jobs.retry(job_id, attendant_id=who)  # noqa: E731
        elif action == "elsewhere":
            note = self.tr("Saved as a picture and text in the tickets folder of the data folder.")
            work = lambda: jobs.print_elsewhere(job_id, attendant_id=who)  # noqa: E731
        else:
            note = self.tr("Print cancelled.")
            work = lambda: jobs.cancel(job_id, attendant_id=who)  # noqa: E731
        for button in self.rows.get(job_id, ())[1:]:
            button.setEnabled(False)  # once: until the store answers
        self.note.clear()
        self.error.clear()
        self._context.tasks.run(work, lambda _r: self._done(note), self._refused)

    def _done(self, note: str) -> None:
        self.note.setText(note)
        self.refresh()

    def _refused(self, _error: Exception) -> None:
        self.error.setText(self.tr("This print job changed meanwhile: the list is read again."))
        self.refresh()

    def _job_text(self, job: PrintJobView) -> str:
        what = {
            "order_ticket": self.tr("Order ticket"),
            "receipt": self.tr("Payment receipt"),
            "receipt_copy": self.tr("Copy of a receipt"),
            "refund_receipt": self.tr("Refund receipt"),
            "quote_ticket": self.tr("Quote (ticket)"),
            "till_report": self.tr("Till report (Z)"),
            "invoice": self.tr("Invoice (PDF)"),
            "credit_note": self.tr("Credit note (PDF)"),
            "quote": self.tr("Quote (PDF)"),
        }.get(job.kind, job.kind)
        order = self._order_number(job)
        why = (
            self.tr("The printer cut this ticket again while it was printed a second time.")
            if job.status is PrintStatus.FAILED and job.interrupted
            else printer_message(job.last_error or "printer.offline", current_lang())
        )
        state = (
            self.tr("Stopped: waits for you.")
            if job.status is PrintStatus.FAILED
            else self.tr("Waiting: it is tried again by itself.")
        )
        head = (
            self.tr("{what}, order {number}, {at}").format(
                what=what, number=order, at=paris_datetime(job.created_at)
            )
            if order
            else self.tr("{what}, {at}").format(what=what, at=paris_datetime(job.created_at))
        )
        return f"{head}\n{why}\n{state}"

    def _order_number(self, job: PrintJobView) -> str:
        if job.order_id is None:
            return ""
        try:
            return self._context.comptoir.orders.get(job.order_id).number
        except NotFound:  # an order that is gone: the job says what it is without it
            return ""

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("Back to the queue"))
        self.heading.setText(self.tr("Failed prints"))
        self.empty.setText(self.tr("Every print went through."))
        self.empty.setVisible(not self.jobs)
        by_id = {job.id: job for job in self.jobs}
        for job_id, (text, retry, elsewhere, cancel) in self.rows.items():
            text.setText(self._job_text(by_id[job_id]))
            retry.setText(self.tr("Retry"))
            elsewhere.setText(self.tr("Print elsewhere"))
            cancel.setText(self.tr("Cancel"))
