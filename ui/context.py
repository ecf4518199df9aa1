"""What every screen is given: the core's services, the language, and the clock."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk_app.clock import Clock, utc_now

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
    clock: Clock = utc_now

    def ticket_state(self, order_id: uuid.UUID) -> str:
        """How the order's ticket is doing, as the print worker recorded it (a quick
        read of the store; the worker itself runs on its own thread)."""
        jobs = [
            job
            for job in self.comptoir.print_jobs.for_order(order_id)
            if job.kind == "order_ticket"
        ]
        if not jobs:
            return TicketState.QUEUED
        job = jobs[-1]
        if job.status.value == TicketState.PRINTED:
            return TicketState.PRINTED
        return TicketState.FAILED if job.last_error else TicketState.QUEUED
