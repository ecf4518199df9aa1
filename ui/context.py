"""What every screen is given: the core's services, the language, and the clock."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk_app.clock import Clock

from .i18n import Language
from .tasks import Tasks

if TYPE_CHECKING:
    from kiosk_app.comptoir import Comptoir


class TicketState:
    QUEUED = "queued"
    PRINTED = "printed"
    FAILED = "failed"  # still queued, but the printer reported a fault


@dataclass
class KioskContext:
    comptoir: Comptoir
    language: Language
    tasks: Tasks  # the store's writes, off the GUI thread
    # Joining the association's central server (url, token), on the tasks' worker: given
    # by the composition root (sync.enrolment); None where there is no sync part (tests).
    enrol: Callable[[str, str], None] | None = None

    @property
    def clock(self) -> Clock:
        """The core's clock: screens, services and the print queue share one time."""
        return self.comptoir.clock

    def ticket_state(self, order_id: uuid.UUID) -> str:
        """How the order's ticket is doing, as the print worker recorded it (a quick
        read of the store; the worker itself runs on its own thread)."""
        return self.ticket(order_id, "")[0]

    def ticket(self, order_id: uuid.UUID, order_number: str) -> tuple[str, Path | None]:
        """The ticket's state, and the picture of it the print worker saved when the
        kiosk has no printer (None when it was printed on paper, or not yet saved)."""
        jobs = [
            job
            for job in self.comptoir.print_jobs.for_order(order_id)
            if job.kind == "order_ticket"
        ]
        if not jobs:
            return TicketState.QUEUED, None
        job = jobs[-1]
        if job.status.value != TicketState.PRINTED:
            return (TicketState.FAILED if job.last_error else TicketState.QUEUED), None
        # The name printing.queue.PrintWorker gives a ticket it saves instead of printing.
        saved = self.tickets_dir / f"{order_number}-{job.kind}-{str(job.id)[:8]}.png"
        return TicketState.PRINTED, saved if order_number and saved.is_file() else None

    @property
    def tickets_dir(self) -> Path:
        """Where the print worker saves tickets with no printer configured: the data
        folder's tickets/ (printing.queue.PrintWorker.from_settings)."""
        return self.comptoir.store.path.parent / "tickets"
