"""The receipt printer's settings: read, and saved once checked together, as every
setting is saved (audited, synced). The print queue reads them again before each job, so a saved
change takes effect at the next ticket."""

from __future__ import annotations

import uuid

from ..clock import Clock, utc_now
from ..domain.printer_setup import PrinterSetup, check_printer_setup
from ..store.database import Store
from .settings import SettingsService, Source, read_settings


class PrinterSetupService:
    def __init__(self, store: Store, *, clock: Clock = utc_now) -> None:
        self._store = store
        self._clock = clock

    def get(self) -> PrinterSetup:
        """What is saved, as a form shows it (a value no longer valid shown as is)."""
        with self._store.read() as session:
            settings = read_settings(session)
        return PrinterSetup(
            settings.printer_kind,
            settings.printer_address,
            settings.printer_width,
            settings.printer_codepage,
        )

    def save(
        self,
        kind: str,
        address: str,
        width: str,
        codepage: str,
        *,
        source: Source = "cli",
        by: uuid.UUID | None = None,
    ) -> PrinterSetup:
        """Check the four together (an address means something only for its kind),
        then change them as every setting changes: stored, audited and sent to the
        central server in one transaction, a manager's at the counter (settings.py)."""
        setup = check_printer_setup(kind, address, width, codepage)
        SettingsService(self._store, clock=self._clock).change(
            setup.as_settings(), source=source, by=by
        )
        return setup
