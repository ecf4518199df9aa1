"""Where the counter screens will go: for now it says who is logged in and locks."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout

from kiosk_app.services.attendants import AttendantView

from ..widgets.buttons import TouchButton
from ..widgets.screen import Screen, label


class CounterScreen(Screen):
    locked = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.attendant: AttendantView | None = None
        self.title = label("title", parent=self)
        self.lock = TouchButton(role="primary", parent=self)
        self.lock.clicked.connect(self.locked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addWidget(self.title)
        layout.addStretch(1)
        layout.addWidget(self.lock)
        self.retranslate()

    def show_attendant(self, attendant: AttendantView) -> None:
        self.attendant = attendant
        self.retranslate()

    def retranslate(self) -> None:
        name = self.attendant.name if self.attendant else ""
        self.title.setText(self.tr("Counter: {name} is logged in.").format(name=name))
        self.lock.setText(self.tr("Lock"))

    def reset(self) -> None:
        self.attendant = None
        self.retranslate()
