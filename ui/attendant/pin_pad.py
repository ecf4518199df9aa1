"""The attendant's PIN pad, reached only by holding the logo: choose one's name, type
one's PIN. The PIN is checked by the core (argon2, locked after repeated failures)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QHBoxLayout, QLineEdit, QVBoxLayout

from kiosk_app.errors import ComptoirError, PinRefused
from kiosk_app.messages import message
from kiosk_app.views.attendants import PIN_MAX, AttendantView

from ..context import KioskContext
from ..i18n import current_lang
from ..widgets.buttons import TouchButton
from ..widgets.screen import Screen, label


class PinPadScreen(Screen):
    logged_in = Signal(object)  # AttendantView
    cancelled = Signal()

    def __init__(self, context: KioskContext) -> None:
        super().__init__()
        self._context = context
        self.title = label("title", parent=self)
        self.who = label(parent=self)
        self.people_row = QHBoxLayout()
        self._people = QButtonGroup(self)
        self._people.idClicked.connect(lambda _id: self._refresh())
        self.people: dict[uuid.UUID, TouchButton] = {}
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(PIN_MAX)
        self.pin.setReadOnly(True)  # typed on the pad below, never on the letter keyboard
        self.pin.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.keys: dict[str, TouchButton] = {}
        grid = QGridLayout()
        for index, digit in enumerate("1234567890"):
            key = TouchButton(digit, role="key", parent=self)
            key.clicked.connect(lambda _=False, d=digit: self._type(d))
            self.keys[digit] = key
            grid.addWidget(key, index // 3, index % 3 if digit != "0" else 1)
        self.erase = TouchButton("⌫", role="key", parent=self)
        self.erase.clicked.connect(self.pin.backspace)
        grid.addWidget(self.erase, 3, 0)
        self.enter = TouchButton(role="primary", parent=self)
        self.enter.clicked.connect(self._log_in)
        grid.addWidget(self.enter, 3, 2)
        self.cancel = TouchButton(parent=self)
        self.cancel.clicked.connect(self.cancelled)
        self.error = label("error", parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 16, 48, 24)
        layout.addWidget(self.title)
        layout.addWidget(self.who)
        layout.addLayout(self.people_row)
        layout.addWidget(self.pin)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignLeft)
        self.retranslate()

    def open(self) -> None:
        """Fill the names afresh (attendants may have changed) and clear the PIN."""
        for button in self.people.values():
            self._people.removeButton(button)
            # Hidden at once: deleted later, it would stay on screen (and tappable) until
            # the event loop comes back, under the new button of the same name.
            button.hide()
            button.deleteLater()
        self.people.clear()
        for attendant in self._context.comptoir.attendants.list():
            button = TouchButton(attendant.name, parent=self)
            button.setCheckable(True)
            self._people.addButton(button)
            self.people[attendant.id] = button
            self.people_row.addWidget(button)
        self.reset()

    def _type(self, digit: str) -> None:
        self.pin.insert(digit)
        self._refresh()

    def _chosen(self) -> uuid.UUID | None:
        for attendant_id, button in self.people.items():
            if button.isChecked():
                return attendant_id
        return None

    def _refresh(self) -> None:
        self.enter.setEnabled(self._chosen() is not None and len(self.pin.text()) >= 4)

    def _log_in(self) -> None:
        attendant_id = self._chosen()
        if attendant_id is None:
            return
        pin = self.pin.text()
        self.pin.clear()
        self._refresh()
        self.enter.setEnabled(False)
        # argon2 is slow on purpose: checked on the worker, not under the finger.
        self._context.tasks.run(
            lambda: self._context.comptoir.attendants.log_in(attendant_id, pin),
            self._accepted,
            self._refused,
        )

    def _accepted(self, attendant: AttendantView) -> None:
        self.logged_in.emit(attendant)

    def _refused(self, error: Exception) -> None:
        self._refresh()
        if isinstance(error, PinRefused):
            self.error.setText(message("error.pin_refused", current_lang()))
        elif isinstance(error, ComptoirError):
            self.error.setText(message(error.key, current_lang(), **error.params))
        else:
            self.error.setText(message("error.unexpected", current_lang()))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Counter access"))
        self.who.setText(self.tr("Who are you? Then type your PIN."))
        self.pin.setAccessibleName(self.tr("PIN"))
        self.erase.set_accessible(self.tr("Delete the last digit"))
        self.enter.setText(self.tr("Log in"))
        self.cancel.setText(self.tr("Back to the residents' screen"))

    def reset(self) -> None:
        self.pin.clear()
        self.error.clear()
        self._people.setExclusive(False)
        for button in self.people.values():
            button.setChecked(False)
        self._people.setExclusive(True)
        self._refresh()
