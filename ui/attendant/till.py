"""The till at the counter: open it with the float counted into the drawer, follow what
it expects per payment method through the day, close it by counting (see till_close),
and print a past closing report (the Z) again.

Every write runs off the GUI thread with the logged-in attendant's id (the audit log);
the core decides, and what it refuses is said beside the field concerned. A manager's
PIN leaves its field the moment it is sent."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk_app.domain.kinds import Role
from kiosk_app.errors import (
    ComptoirError,
    LoginLocked,
    ManagerApprovalRequired,
    PinRefused,
    TillAlreadyOpen,
    TillNotOpen,
    ValidationError,
)
from kiosk_app.messages import message
from kiosk_app.views.attendants import AttendantView
from kiosk_app.views.till import DEFAULT_THRESHOLD_CENTS, MAX_FLOAT_CENTS, CashSessionView
from printing.till_report import report_name

from ..context import KioskContext
from ..format import money, paris_datetime
from ..i18n import current_lang
from ..theme import PALETTE
from ..widgets.buttons import TouchButton
from ..widgets.screen import Screen, label
from .till_close import CloseForm
from .till_history import ClosingHistory
from .till_pad import CHOSEN_QSS, Notice, PadField, TillPad, typed_cents

REFRESH_MS = 5000  # the expected figures follow the payments taken at the counter


def float_cents(typed: str) -> int:
    return typed_cents(typed, field="float", key="till.float_out_of_range", maximum=MAX_FLOAT_CENTS)


def threshold_cents(setting: str) -> int:
    """The kiosk's threshold as the core reads it (a setting typed wrong means the
    default, never no check); the core checks again when closing."""
    text = setting.strip()
    return int(text) if text.isascii() and text.isdigit() else DEFAULT_THRESHOLD_CENTS


class TillPage(Screen):  # a Screen: it retranslates itself
    def __init__(
        self,
        context: KioskContext,
        *,
        attendant: Callable[[], AttendantView | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        # One closing per session: a double tap or a retry closes it once.
        self._close_request = uuid.uuid4()
        self._attendant = attendant
        self.session: CashSessionView | None = None
        self.setStyleSheet(CHOSEN_QSS.format(focus=PALETTE["focus"]))

        self.pad = TillPad(parent=self)
        self.title = label("title", parent=self)
        self.status = label(parent=self)
        self.note = Notice("success", parent=self)
        self.error = Notice("error", parent=self)

        # Shut: the float, then "Open the till".
        self.shut_box = Screen(self)
        self.float_title = label(parent=self.shut_box)
        self.float_field = PadField(parent=self.shut_box)
        self.float_field.tapped.connect(lambda: self.pad.choose(self.float_field))
        self.float_field.textChanged.connect(self._float_edited)
        self.float_title.setBuddy(self.float_field)
        self.float_error = label("error", parent=self.shut_box)
        self.open_button = TouchButton(role="primary", parent=self.shut_box)
        self.open_button.clicked.connect(self._open)
        float_row = QHBoxLayout()
        float_row.addWidget(self.float_field, 1)
        float_row.addWidget(self.float_error, 1)
        shut = QVBoxLayout(self.shut_box)
        shut.setContentsMargins(0, 8, 0, 8)
        shut.addWidget(self.float_title)
        shut.addLayout(float_row)
        shut.addWidget(self.open_button)

        # Open: the count and the closing.
        self.close_form = CloseForm(parent=self)
        self.close_form.chose.connect(
            lambda field, digits: self.pad.choose(field, digits_only=digits)
        )
        self.close_form.close_asked.connect(self._close)

        # The closing reports kept, newest first.
        self.closings = ClosingHistory(context, parent=self)
        self.closings.reprint_asked.connect(self._reprint)

        left = QVBoxLayout()
        widget: QWidget
        for widget in (
            self.title,
            self.status,
            self.note,
            self.error,
            self.shut_box,
            self.close_form,
            self.closings,
        ):
            left.addWidget(widget)
        left.addStretch(1)
        # The manager's name and PIN beside the pad they are typed on.
        right = QVBoxLayout()
        right.addWidget(self.pad)
        right.addWidget(self.close_form.manager_box)
        self.close_form.manager_box.setFixedWidth(TillPad.pad_width())
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(24)
        layout.addLayout(left, 1)
        layout.addLayout(right)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self.shut_box.hide()
        self.close_form.hide()
        self.retranslate()

    # --- showing the till -------------------------------------------------------------

    def start(self) -> None:
        """The section is shown: fresh figures, and the past reports."""
        self.note.clear()
        self.error.clear()
        self.refresh()
        self.closings.fill()
        self.timer.start()

    def refresh(self) -> None:
        """Read the open session again (what was typed stays)."""
        comptoir = self._context.comptoir
        session = comptoir.till.current()
        was_open = self.session is not None
        self.session = session
        self.shut_box.setVisible(session is None)
        self.close_form.setVisible(session is not None)
        self.close_form.active = session is not None
        if session is None:
            if was_open:
                self.close_form.clear()
            if self.pad.target is not self.float_field:
                self.pad.choose(self.float_field)
        else:
            me = self._attendant()
            managers = [
                a
                for a in comptoir.attendants.list()
                if a.role is Role.MANAGER and (me is None or a.id != me.id)
            ]
            threshold = threshold_cents(comptoir.settings.get().till_difference_threshold_cents)
            self.close_form.show_session(session, threshold_cents=threshold, managers=managers)
            if self.pad.target is None or self.pad.target is self.float_field:
                self.pad.choose(self.close_form.rows[next(iter(self.close_form.rows))].field)
        self.retranslate()

    def _tick(self) -> None:
        if self.isVisible() and not self._context.tasks.busy:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)  # a Screen: a language change retranslates
        form: CloseForm | None = getattr(self, "close_form", None)  # None: being built
        if event.type() == QEvent.Type.StyleChange and form is not None:
            form.manager_box.setFixedWidth(TillPad.pad_width())

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)

    # --- the actions --------------------------------------------------------------------

    @property
    def _attendant_id(self) -> uuid.UUID | None:
        me = self._attendant()
        return me.id if me is not None else None

    def _float_edited(self) -> None:
        self.float_error.clear()
        self._float_edited_buttons()

    def _open(self) -> None:
        try:
            cents = float_cents(self.float_field.text())
        except ValidationError as error:
            self._refused(error)
            return
        who = self._attendant_id
        if who is None:
            return
        till = self._context.comptoir.till
        self._write(lambda: till.open(cents, who), self._opened)

    def _opened(self, session: CashSessionView) -> None:
        self.float_field.clear()
        self.refresh()
        self.note.setText(
            self.tr("The till is open with a float of {amount}.").format(
                amount=money(session.float_cents)
            )
        )

    def _close(self) -> None:
        form = self.close_form
        counted = form.counted()
        pin = form.take_pin()  # out of the field now, whatever happens next
        if counted is None:
            form.show_all_errors()
            form.error.setText(self.tr("Type an amount on every line (0 if none)."))
            return
        who = self._attendant_id
        if who is None:
            return
        manager_id = form.manager_id if form.needs_manager and pin else None
        manager_pin = pin if manager_id is not None else None
        till, request_id = self._context.comptoir.till, self._close_request
        self._write(
            lambda: till.close(
                counted,
                who,
                manager_pin=manager_pin,
                manager_id=manager_id,
                request_id=request_id,
            ),
            self._closed,
        )

    def _closed(self, session: CashSessionView) -> None:
        self._close_request = uuid.uuid4()  # the next session's closing is another
        self.close_form.clear()
        self.refresh()
        self.closings.fill(select=session.number)
        self.note.setText(
            self.tr("The till is closed. The report {name} is sent to the printer.").format(
                name=report_name(session.number)
            )
        )

    def _reprint(self, session: CashSessionView) -> None:
        number, who = session.number, self._attendant_id
        till = self._context.comptoir.till
        note = self.tr("The report {name} is sent to the printer again.").format(
            name=report_name(number)
        )
        self._write(lambda: till.reprint(number, who), lambda _job: self.note.setText(note))

    def _write(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self.note.clear()
        self.error.clear()
        self.close_form.error.clear()
        self.close_form.manager_error.clear()
        self.float_error.clear()
        self._context.tasks.run(work, done, self._refused)

    def _refused(self, error: Exception) -> None:
        lang = current_lang()
        form = self.close_form
        if isinstance(error, ManagerApprovalRequired):
            form.manager_asked = True
            form.manager_error.setText(
                self.tr(
                    "You cannot close the till alone with this difference: a manager picks "
                    "their name and types their PIN."
                )
            )
            self.refresh()
            return
        if isinstance(error, PinRefused | LoginLocked):
            form.manager_error.setText(message(error.key, lang))
            self.pad.choose(form.pin, digits_only=True)
            return
        if isinstance(error, TillAlreadyOpen | TillNotOpen):
            self.error.setText(message(error.key, lang))
            self.refresh()
            return
        if isinstance(error, ValidationError):
            for field, key in error.fields.items():
                text = message(key, lang, **error.params)
                if field == "float":
                    self.float_error.setText(text)
                elif field == "counted":
                    form.show_all_errors()
                    form.error.setText(text)
                else:  # the manager: chosen wrong or not at all
                    form.manager_error.setText(text)
            return
        key = error.key if isinstance(error, ComptoirError) else "error.unexpected"
        self.error.setText(message(key, lang, **getattr(error, "params", {})))

    # --- words ------------------------------------------------------------------------

    def retranslate(self) -> None:
        session = self.session
        if session is None:
            self.title.setText(self.tr("The till is closed"))
            self.status.setText(
                self.tr("Count the float into the drawer, type it on the pad, then open the till.")
            )
        else:
            self.title.setText(self.tr("The till is open"))
            self.status.setText(
                self.tr("Opened by {name} on {when}, with a float of {amount}.").format(
                    name=session.opened_by,
                    when=paris_datetime(session.opened_at),
                    amount=money(session.float_cents),
                )
            )
        self.float_title.setText(self.tr("Float, in euros"))
        self.float_field.setAccessibleName(self.tr("Float, in euros"))
        self.open_button.setText(self.tr("Open the till"))
        self._float_edited_buttons()

    def _float_edited_buttons(self) -> None:
        self.open_button.setEnabled(bool(self.float_field.text().strip()))

    def reset(self) -> None:
        """Locked: the counts, the PIN, the float typed and the reports shown go."""
        self.timer.stop()
        self.session = None
        self.close_form.active = False
        self.close_form.clear()
        self.float_field.clear()
        self.closings.clear()
        for text in (self.note, self.error, self.float_error):
            text.clear()
        self.pad.choose(None)
        self.retranslate()
