"""The printer's settings form, embedded by the set-up wizard and the counter's settings
section. MINIMAL stand-in (kinds "none" and "network" host:port) with the interface of
the full form (branch i11-counter), which replaces this file at merge:
`PrinterForm(comptoir, parent=None)`, `apply() -> bool` (checks, shows refusals beside
the fields, saves, True once saved). `source` and `by` say who changes the settings
(the counter's section sets them to "counter" and the manager)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk_app.clock import paris_today
from kiosk_app.domain.setting_rules import network_address
from kiosk_app.errors import ComptoirError

from ..setup.forms import ChoiceField
from ..widgets.field import TextField, show_refusal
from ..widgets.screen import label

if TYPE_CHECKING:
    from kiosk_app.comptoir import Comptoir


class PrinterForm(QWidget):
    def __init__(self, comptoir: Comptoir, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._comptoir = comptoir
        self.source: Literal["setup", "counter"] = "setup"
        self.by: uuid.UUID | None = None
        self.kind = ChoiceField(("none", "network"), parent=self)
        self.kind_help = label("small", parent=self)
        self.address = TextField(self._check_address, parent=self)
        self.address_help = label("small", parent=self)
        self.error = label("error", parent=self)
        self.kind.changed.connect(self._kind_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.kind, self.kind_help, self.address, self.address_help, self.error):
            layout.addWidget(widget)
        layout.addStretch(1)
        settings = comptoir.settings.get()
        self.kind.set_value(settings.printer_kind if settings.printer_kind == "network" else "none")
        self.address.set_text(settings.printer_address)
        self.address.clear_touch()
        self._kind_changed()
        self.retranslate()

    def _check_address(self, text: str) -> str:
        if self.kind.value != "network":
            return text
        return network_address(text, paris_today(self._comptoir.clock))

    def _kind_changed(self) -> None:
        network = self.kind.value == "network"
        self.address.setVisible(network)
        self.address_help.setVisible(network)
        self.address.set_text(self.address.text)  # checked again for this kind

    def apply(self) -> bool:
        self.error.clear()
        values = {"printer_kind": self.kind.value or "none"}
        if values["printer_kind"] == "network":
            if not self.address.is_valid:
                self.address.mark()
                return False
            values["printer_address"] = self.address.text
        try:
            self._comptoir.settings.change(values, source=self.source, by=self.by)
        except ComptoirError as error:
            show_refusal(
                error, {"printer_address": self.address}, lambda _n, t: self.error.setText(t)
            )
            return False
        return True

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.kind.title.setText(self.tr("Receipt printer"))
        self.kind.buttons["none"].setText(self.tr("No printer"))
        self.kind.buttons["network"].setText(self.tr("Network printer"))
        self.kind_help.setText(
            self.tr("Without a printer, tickets are saved as pictures and shown on screen.")
        )
        self.address.set_title(self.tr("Printer's address"))
        self.address_help.setText(
            self.tr("Its IP address or name, then :port if not 9100 (192.168.1.50:9100).")
        )
