"""The receipt printer's settings: read, and saved once checked, in one transaction
with their audit row. The print queue reads them again before each job, so a saved
change takes effect at the next ticket."""

from __future__ import annotations

import uuid

from ..clock import Clock, utc_now
from ..domain.printer_setup import PrinterSetup, check_printer_setup
from ..store.database import Store
from ..store.models import Setting
from .journal import audit
from .settings import read_settings

# The audit log names an entity by id: the printer's settings are one thing.
PRINTER_SETTINGS_ID = uuid.uuid5(uuid.NAMESPACE_URL, "comptoir:settings/printer")


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
        self, kind: str, address: str, width: str, codepage: str, *, by: uuid.UUID | None = None
    ) -> PrinterSetup:
        setup = check_printer_setup(kind, address, width, codepage)
        with self._store.write() as session:
            for key, value in setup.as_settings().items():
                session.merge(Setting(key=key, value=value))
            audit(
                session,
                attendant_id=by,
                action="settings.printer",
                entity="setting",
                entity_id=PRINTER_SETTINGS_ID,
                now=self._clock(),
                # The kind and the paper, not the address: a host name can be a person's.
                details={"kind": setup.kind, "width": setup.width, "codepage": setup.codepage},
            )
        return setup
