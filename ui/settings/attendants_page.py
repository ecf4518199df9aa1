"""The attendants, for a manager: who can log in at the counter and with which role;
add someone, disable or enable them, give a new PIN, make them a manager or an
attendant. The core keeps the last active manager (`LastManager`): this page says its
one sentence. Every write runs off the GUI thread (argon2 is slow on purpose) with the
page's buttons disabled until it returns, so a tap counts once."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk_app.domain import validation
from kiosk_app.domain.kinds import Role
from kiosk_app.errors import ComptoirError, ValidationError
from kiosk_app.messages import message
from kiosk_app.views.attendants import PIN_MAX, PIN_MIN, AttendantView

from ..i18n import current_lang
from ..tasks import Tasks
from ..widgets.buttons import TouchButton, set_role
from ..widgets.confirm import Confirmation
from ..widgets.field import TextField, show_refusal
from ..widgets.screen import Screen, empty_layout, label
from .attendant_row import AttendantRow
from .choice import Choice

if TYPE_CHECKING:
    from kiosk_app.comptoir import Comptoir


def _pin(text: str) -> str:
    if not (text.isascii() and text.isdigit() and PIN_MIN <= len(text) <= PIN_MAX):
        raise ValidationError({"pin": "pin.invalid"}, min=PIN_MIN, max=PIN_MAX)
    return text


def _pin_field(check: Callable[[str], Any], parent: QWidget) -> TextField:
    field = TextField(check, digits=True, parent=parent)
    assert isinstance(field.editor, QLineEdit)
    field.editor.setEchoMode(QLineEdit.EchoMode.Password)
    field.editor.setMaxLength(PIN_MAX)
    return field


class AttendantsPage(Screen):
    changed = Signal()

    def __init__(self, comptoir: Comptoir, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._comptoir = comptoir
        self._tasks = Tasks(parent=self)
        self._acting: uuid.UUID | None = None
        self._resetting: AttendantView | None = None
        self.attendants: list[AttendantView] = []
        self.rows: dict[uuid.UUID, AttendantRow] = {}

        self.heading = label("title", parent=self)
        self.note = label("success", parent=self)
        self.error = label("error", parent=self)

        # The rows right on the page (the counter's page scrolls): a scroll area of its
        # own kept the height its rows had when they were first laid out, narrow, a
        # button a row, and pushed "Add an attendant" below the fold.
        self.list_box = QWidget(self)
        self.grid = QGridLayout(self.list_box)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(0, 1)

        # Under the list, one form at a time: someone new, or a new PIN for someone
        # (in place of the first once "New PIN" is touched: the screen is 800 px high).
        self.forms = QStackedWidget(self)
        self.reset_box = QWidget(self.forms)
        self.reset_title = label("title", parent=self.reset_box)
        self.reset_pin = _pin_field(_pin, self.reset_box)
        self.reset_again = _pin_field(self._same_as_reset, self.reset_box)
        self.reset_save = TouchButton(role="primary", parent=self.reset_box)
        self.reset_save.clicked.connect(self._save_pin)
        self.reset_cancel = TouchButton(parent=self.reset_box)
        self.reset_cancel.clicked.connect(self._close_reset)
        reset_layout = QVBoxLayout(self.reset_box)
        reset_layout.setContentsMargins(0, 0, 0, 0)
        reset_layout.addWidget(self.reset_title)
        reset_fields = QHBoxLayout()
        reset_fields.addWidget(self.reset_pin)
        reset_fields.addWidget(self.reset_again)
        reset_layout.addLayout(reset_fields)
        reset_buttons = QHBoxLayout()
        reset_buttons.addWidget(self.reset_save)
        reset_buttons.addWidget(self.reset_cancel)
        reset_buttons.addStretch(1)
        reset_layout.addLayout(reset_buttons)
        reset_layout.addStretch(1)

        self.add_box = QWidget(self.forms)
        self.add_title = label("title", parent=self.add_box)
        self.add_name = TextField(validation.person_name, parent=self.add_box)
        self.add_role = Choice(tuple(r.value for r in Role), parent=self.add_box)
        self.add_role.set_value(Role.ATTENDANT.value)
        self.add_pin = _pin_field(_pin, self.add_box)
        self.add_again = _pin_field(self._same_as_add, self.add_box)
        self.add_button = TouchButton(role="primary", parent=self.add_box)
        self.add_button.clicked.connect(self._add)
        add_layout = QVBoxLayout(self.add_box)
        add_layout.setContentsMargins(0, 0, 0, 0)
        add_layout.addWidget(self.add_title)
        add_fields = QGridLayout()
        add_fields.addWidget(self.add_name, 0, 0)
        add_fields.addWidget(self.add_role, 0, 1)
        add_fields.addWidget(self.add_pin, 1, 0)
        add_fields.addWidget(self.add_again, 1, 1)
        add_fields.setColumnStretch(0, 1)
        add_fields.setColumnStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list_box)
        # What a change did, or why it was refused: under the rows the buttons are on,
        # shown only when there is something to say (empty, their two lines would push
        # "Add" below the fold at 1280×800).
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        self.note.hide()
        self.error.hide()
        add_layout.addLayout(add_fields)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        add_layout.addLayout(add_row)
        add_layout.addStretch(1)
        self.forms.addWidget(self.add_box)
        self.forms.addWidget(self.reset_box)
        layout.addWidget(self.forms)
        layout.addStretch(1)  # the form right under the list
        self.refresh()
        self.retranslate()

    def set_acting(self, attendant_id: uuid.UUID | None) -> None:
        """The manager logged in: the audit log names them for each change."""
        self._acting = attendant_id

    def refresh(self) -> None:
        self.attendants = self._comptoir.attendants.list(with_disabled=True)
        empty_layout(self.grid)
        self.rows = {}
        for index, attendant in enumerate(self.attendants):
            row = AttendantRow(attendant, self.list_box)
            who = attendant.id
            row.role.clicked.connect(lambda _=False, a=attendant: self._switch_role(a))
            row.pin.clicked.connect(lambda _=False, a=attendant: self._open_reset(a))
            if attendant.active:
                # Whoever is disabled can no longer log in: asked once more, in red.
                row.confirmation = Confirmation(
                    row.active,
                    partial(self._switch_active, attendant),
                    question=partial(self._disable_question, attendant),
                    yes=lambda: self.tr("Yes, disable"),
                    no=lambda: self.tr("No, keep"),
                )
            else:
                row.active.clicked.connect(lambda _=False, a=attendant: self._switch_active(a))
            self.grid.addWidget(row.box, index, 0)
            # Shown now, not at the layout's next turn: a tap right after a write
            # (the answer refreshes the rows) finds its button there.
            if self.list_box.isVisible():
                row.box.show()
            self.rows[who] = row
        # The rows at the top, one under the other; the room left stays under them.
        for index in range(self.grid.rowCount()):
            self.grid.setRowStretch(index, 0)
        self.grid.setRowStretch(len(self.attendants), 1)
        self._retranslate_rows()

    # --- writes, off the GUI thread -------------------------------------------------

    def _write(self, work: Callable[[], Any], said: Callable[[Any], Callable[[], str]]) -> None:
        for said_before in (self.note, self.error):
            said_before.clear()
            said_before.hide()
        self._set_busy(True)

        def done(result: Any) -> None:
            self._set_busy(False)
            self.refresh()
            self.note.say(said(result))
            self.note.show()
            self.changed.emit()

        def failed(error: Exception) -> None:
            self._set_busy(False)
            self.refresh()
            fields = {
                "name": self.add_name,
                "pin": self.reset_pin if self._resetting else self.add_pin,
            }
            show_refusal(error, fields, lambda _name, _text: self._say_error(error))

        self._tasks.run(work, done, failed)

    def _say_error(self, error: Exception) -> None:
        if isinstance(error, ValidationError):
            keys = list(error.fields.values())
            self.error.say(
                lambda: " ".join(message(k, current_lang(), **error.params) for k in keys)
            )
        elif isinstance(error, ComptoirError):
            self.error.say(lambda: message(error.key, current_lang(), **error.params))
        else:
            self.error.say(lambda: message("error.unexpected", current_lang()))
        self.error.show()

    def _set_busy(self, busy: bool) -> None:
        for row in self.rows.values():
            for button in (row.role, row.pin, row.active):
                button.setEnabled(not busy)
        for button in (self.add_button, self.reset_save):
            button.setEnabled(not busy)

    @property
    def busy(self) -> bool:
        return self._tasks.busy

    def settle(self) -> None:
        """Wait for the write under way and show its answer (tests, screenshots)."""
        self._tasks.settle()

    def _switch_role(self, attendant: AttendantView) -> None:
        role = Role.ATTENDANT if attendant.role is Role.MANAGER else Role.MANAGER
        service, by = self._comptoir.attendants, self._acting

        def said(a: AttendantView) -> Callable[[], str]:
            if a.role is Role.MANAGER:
                return lambda: self.tr("%1 is now a manager.").replace("%1", a.name)
            return lambda: self.tr("%1 is now an attendant.").replace("%1", a.name)

        self._write(lambda: service.set_role(attendant.id, role, by=by), said)

    def _disable_question(self, attendant: AttendantView) -> str:
        return self.tr(
            "Disable %1? They can no longer log in at the counter until a "
            "manager enables them again."
        ).replace("%1", attendant.name)

    def _switch_active(self, attendant: AttendantView) -> None:
        service, by = self._comptoir.attendants, self._acting
        if attendant.active:
            self._write(
                lambda: service.disable(attendant.id, by=by),
                lambda a: lambda: self.tr("%1 can no longer log in.").replace("%1", a.name),
            )
        else:
            self._write(
                lambda: service.enable(attendant.id, by=by),
                lambda a: lambda: self.tr("%1 can log in again.").replace("%1", a.name),
            )

    def _add(self) -> None:
        if not self._all_valid(self.add_name, self.add_pin, self.add_again):
            return
        name, pin = self.add_name.text, self.add_pin.text
        role = Role(self.add_role.value or Role.ATTENDANT.value)
        service, by = self._comptoir.attendants, self._acting

        def added(attendant: AttendantView) -> Callable[[], str]:
            for field in (self.add_name, self.add_pin, self.add_again):
                field.clear()
            self.add_role.set_value(Role.ATTENDANT.value)
            return lambda: self.tr("%1 can now log in at the counter.").replace(
                "%1", attendant.name
            )

        self._write(lambda: service.add(name, role, pin, by=by), added)

    def _open_reset(self, attendant: AttendantView) -> None:
        self._resetting = attendant
        self.reset_pin.clear()
        self.reset_again.clear()
        self.forms.setCurrentWidget(self.reset_box)
        self._retranslate_reset()

    def _close_reset(self) -> None:
        self._resetting = None
        self.reset_pin.clear()
        self.reset_again.clear()
        self.forms.setCurrentWidget(self.add_box)

    def _save_pin(self) -> None:
        attendant = self._resetting
        if attendant is None:
            return
        if not self._all_valid(self.reset_pin, self.reset_again):
            return
        pin = self.reset_pin.text
        service, by = self._comptoir.attendants, self._acting

        def saved(a: AttendantView) -> Callable[[], str]:
            self._close_reset()
            return lambda: self.tr("%1 has a new PIN.").replace("%1", a.name)

        self._write(lambda: service.reset_pin(attendant.id, pin, by=by), saved)

    # --- checks of the typed PINs ----------------------------------------------------

    def _same_as_add(self, text: str) -> str:
        return self._same(text, getattr(self, "add_pin", None))

    def _same_as_reset(self, text: str) -> str:
        return self._same(text, getattr(self, "reset_pin", None))

    @staticmethod
    def _same(text: str, first: TextField | None) -> str:
        if first is None or text != first.text:
            raise ValidationError({"pin": "pin.differ"})
        return text

    def _all_valid(self, *fields: TextField) -> bool:
        """Whether every field is valid; a field left empty says why beside it too."""
        for field in fields:
            if not field.is_valid:
                try:
                    field._check(field.text)
                except ValidationError as error:
                    field.show_error(next(iter(error.fields.values())), **error.params)
        return all(field.is_valid for field in fields)

    # --- words -----------------------------------------------------------------------

    def _retranslate_rows(self) -> None:
        for row in self.rows.values():
            attendant = row.attendant
            manager = attendant.role is Role.MANAGER
            role = self.tr("Manager") if manager else self.tr("Attendant")
            state = role if attendant.active else self.tr("%1, disabled").replace("%1", role)
            row.state.setText(state)
            row.role.setText(self.tr("Make attendant") if manager else self.tr("Make manager"))
            row.pin.setText(self.tr("New PIN"))
            row.active.setText(self.tr("Disable") if attendant.active else self.tr("Enable"))
            set_role(row.active, "danger" if attendant.active else "")
            for button in (row.role, row.pin, row.active):
                button.set_accessible(f"{button.text()} – {attendant.name}")
            row.buttons.refit()
        # The names in one column: every row's buttons start at the same place.
        widest = max((row.who.sizeHint().width() for row in self.rows.values()), default=0)
        for row in self.rows.values():
            row.who.setFixedWidth(widest)
            row.arrange()

    def _retranslate_reset(self) -> None:
        if self._resetting is not None:
            self.reset_title.setText(self.tr("New PIN for %1").replace("%1", self._resetting.name))

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Attendants"))
        self.add_title.setText(self.tr("Add an attendant"))
        self.add_name.set_title(self.tr("First name and name"))
        self.add_role.set_labels(
            {Role.ATTENDANT.value: self.tr("Attendant"), Role.MANAGER.value: self.tr("Manager")}
        )
        self.add_pin.set_title(self.tr("PIN (4 to 8 digits)"))
        self.add_again.set_title(self.tr("PIN again"))
        self.add_button.setText(self.tr("Add"))
        self.reset_pin.set_title(self.tr("New PIN (4 to 8 digits)"))
        self.reset_again.set_title(self.tr("New PIN again"))
        self.reset_save.setText(self.tr("Save the PIN"))
        self.reset_cancel.setText(self.tr("Cancel"))
        self._retranslate_rows()
        self._retranslate_reset()
