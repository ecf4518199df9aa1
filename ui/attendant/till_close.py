"""Closing the till: per payment method what the store expects, what the attendant
counts (cash in the drawer; card slips, cheques, CESU and transfers checked by hand),
and the difference as it is typed. When the largest difference is above the kiosk's
threshold, a manager other than the attendant picks their name and types their PIN."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk_app.errors import ValidationError
from kiosk_app.messages import message
from kiosk_app.views.attendants import PIN_MAX, AttendantView
from kiosk_app.views.till import MAX_COUNTED_CENTS, CashSessionView, TillLine
from sync.protocol import PaymentMethod

from ..format import money
from ..i18n import current_lang
from ..widgets.buttons import TouchButton
from ..widgets.confirm import Confirmation
from ..widgets.screen import Label, Screen, label
from .till_pad import Notice, PadField, typed_cents
from .words import WORDS


def signed_money(cents: int) -> str:
    """A surplus reads "+2 €", a shortfall "−2 €", as on the printed Z (QLocale writes a
    negative amount in an accountant's brackets, "(2 €)", which a counter misreads)."""
    sign = "+" if cents > 0 else "−" if cents < 0 else ""
    return sign + money(abs(cents))


def counted_cents(typed: str) -> int:
    return typed_cents(
        typed, field="counted", key="till.counted_out_of_range", maximum=MAX_COUNTED_CENTS
    )


def _restyle(widget: QWidget, name: str, value: str) -> None:
    # Re-polishing restyles the widget: only when its state changes, not per key.
    if widget.property(name) != value:
        widget.setProperty(name, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


@dataclass
class CountRow:
    """One payment method's line of the count."""

    method: PaymentMethod
    name: Label
    expected: Label
    field: PadField
    difference: Label
    line: TillLine | None = None
    touched: bool = False

    def value(self) -> int | None:
        """The counted cents, or None while the text is not an amount."""
        try:
            return counted_cents(self.field.text())
        except ValidationError:
            return None


class CloseForm(Screen):  # a Screen: it retranslates itself
    chose = Signal(object, bool)  # the PadField to type into, digits only (a PIN)
    close_asked = Signal()

    def __init__(self, *, parent: Screen | None = None) -> None:
        super().__init__(parent)
        self.threshold_cents = 0
        self.managers: list[AttendantView] = []
        self.manager_asked = False  # the core asked for a manager: keep asking
        self.active = False  # a session is open (the manager's box lives beside the pad)
        self.heading = label(parent=self)
        self.hint = label("small", parent=self)
        self.headers = [label("small", parent=self) for _ in range(4)]
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        for column, header in enumerate(self.headers):
            grid.addWidget(header, 0, column)
        self.rows: dict[PaymentMethod, CountRow] = {}
        for index, method in enumerate(PaymentMethod, start=1):
            row = CountRow(
                method,
                label(parent=self),
                label(parent=self),
                PadField(parent=self),
                label(parent=self),
            )
            row.expected.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row.field.setAlignment(Qt.AlignmentFlag.AlignRight)
            row.field.tapped.connect(lambda r=row: self.chose.emit(r.field, False))
            row.field.textChanged.connect(lambda _text, r=row: self._edited(r))
            self.rows[method] = row
            for column, widget in enumerate((row.name, row.expected, row.field, row.difference)):
                grid.addWidget(widget, index, column)
        total_row = len(self.rows) + 1
        self.total_name = label(parent=self)
        self.total_expected = label(parent=self)
        self.total_expected.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.total_counted = label(parent=self)
        self.total_counted.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.total_difference = label(parent=self)
        for column, widget in enumerate(
            (self.total_name, self.total_expected, self.total_counted, self.total_difference)
        ):
            grid.addWidget(widget, total_row, column)
        grid.setColumnStretch(0, 4)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 3)
        grid.setColumnStretch(3, 2)

        self.manager_text = label("error", parent=self)
        self._managers = QButtonGroup(self)
        self._managers.idClicked.connect(lambda _id: self._manager_chosen())
        self.manager_buttons: dict[uuid.UUID, TouchButton] = {}
        self.manager_row = QHBoxLayout()
        self.pin_title = label(parent=self)
        self.pin = PadField(parent=self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(PIN_MAX)
        self.pin.tapped.connect(lambda: self.chose.emit(self.pin, True))
        self.pin_title.setBuddy(self.pin)
        self.manager_error = Notice("error", parent=self)  # the core's refusal, beside the PIN
        self.manager_box = Screen(self)
        manager = QVBoxLayout(self.manager_box)
        manager.setContentsMargins(0, 8, 0, 0)
        manager.addWidget(self.manager_text)
        manager.addLayout(self.manager_row)
        manager.addWidget(self.pin_title)
        manager.addWidget(self.pin)
        manager.addWidget(self.manager_error)
        self.manager_box.hide()

        self.error = Notice("error", parent=self)
        self.close_button = TouchButton(parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(self.close_button)
        # A closed till is not reopened (its Z is final): asked once more, in red.
        self.confirmation = Confirmation(
            self.close_button,
            self.close_asked.emit,
            question=lambda: self.tr(
                "Close the till now? Its figures become final and the Z is printed."
            ),
            yes=lambda: self.tr("Yes, close the till"),
            no=lambda: self.tr("No, not yet"),
        )
        self.retranslate()

    # --- what the store expects -------------------------------------------------------

    def show_session(
        self, session: CashSessionView, *, threshold_cents: int, managers: Sequence[AttendantView]
    ) -> None:
        """The session's expected figures (refreshed as payments come in); what was typed
        stays. A method with nothing expected shows 0 until the attendant types there (one
        field less to type), and stops showing it once a payment comes in by that method."""
        self.threshold_cents = threshold_cents
        for line in session.lines:
            row = self.rows[line.method]
            row.line = line
            suggested = "" if line.expected_cents or line.payments else "0"
            if not row.touched and row.field.text() != suggested:
                row.field.setText(suggested)
                row.touched = False  # shown for the attendant, not typed by them
        self._fill_managers(managers)
        self.retranslate()

    def _fill_managers(self, managers: Sequence[AttendantView]) -> None:
        if [m.id for m in managers] == [m.id for m in self.managers]:
            return
        chosen = self.manager_id
        while (item := self.manager_row.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                self._managers.removeButton(widget)  # type: ignore[arg-type]
                widget.deleteLater()
        self.manager_buttons.clear()
        self.managers = list(managers)
        for manager in self.managers:
            button = TouchButton(manager.name, parent=self.manager_box)
            button.setCheckable(True)
            button.setChecked(manager.id == chosen)
            self._managers.addButton(button)
            self.manager_buttons[manager.id] = button
            self.manager_row.addWidget(button)
        self.manager_row.addStretch(1)

    # --- what was typed ---------------------------------------------------------------

    def _edited(self, row: CountRow) -> None:
        row.touched = True
        self._refresh()

    def show_all_errors(self) -> None:
        """Sent with a field left empty or wrong: every such field says so."""
        for row in self.rows.values():
            row.touched = True
        self._refresh()

    def counted(self) -> dict[PaymentMethod, int] | None:
        """The amounts counted per method, or None while one is not an amount."""
        values = {method: row.value() for method, row in self.rows.items()}
        if any(value is None for value in values.values()):
            return None
        return {method: value for method, value in values.items() if value is not None}

    def largest_difference(self) -> int:
        """The largest difference of the methods typed so far."""
        differences = [
            abs(value - row.line.expected_cents)
            for row in self.rows.values()
            if row.line is not None and (value := row.value()) is not None
        ]
        return max(differences, default=0)

    @property
    def needs_manager(self) -> bool:
        return self.manager_asked or self.largest_difference() > self.threshold_cents

    @property
    def manager_id(self) -> uuid.UUID | None:
        for manager_id, button in self.manager_buttons.items():
            if button.isChecked():
                return manager_id
        return None

    def take_pin(self) -> str:
        """The manager's PIN, cleared from its field at once: it is kept nowhere."""
        pin = self.pin.text()
        self.pin.clear()
        return pin

    def _manager_chosen(self) -> None:
        self.chose.emit(self.pin, True)
        self._refresh()

    def _refresh(self) -> None:
        lang = current_lang()
        expected_total = counted_total = 0
        complete = True
        for row in self.rows.values():
            line = row.line
            expected = line.expected_cents if line is not None else 0
            expected_total += expected
            value = row.value()
            invalid = value is None and row.touched
            _restyle(row.field, "invalid", "true" if invalid else "false")
            if value is None:
                complete = False
                text = (
                    message("till.counted_out_of_range", lang, max_euros=MAX_COUNTED_CENTS // 100)
                    if invalid
                    else "—"
                )
                row.difference.setText(text)
                _restyle(row.difference, "role", "error" if invalid else "")
                continue
            counted_total += value
            difference = value - expected
            row.difference.setText(signed_money(difference))
            _restyle(
                row.difference, "role", "error" if abs(difference) > self.threshold_cents else ""
            )
        self.total_expected.setText(money(expected_total))
        self.total_counted.setText(money(counted_total) if complete else "—")
        self.total_difference.setText(
            signed_money(counted_total - expected_total) if complete else "—"
        )
        self.manager_box.setVisible(self.active and self.needs_manager)
        self.manager_text.setText(self._manager_words())
        self.pin.setEnabled(self.manager_id is not None)

    # --- words ------------------------------------------------------------------------

    def _manager_words(self) -> str:
        lang = current_lang()
        text = message("error.till_manager_required", lang, threshold=money(self.threshold_cents))
        if not self.managers:
            text += " " + self.tr(
                "No other manager is registered here: count again, or call a manager."
            )
        return text

    def retranslate(self) -> None:
        self.heading.setText("<b>{}</b>".format(self.tr("Count and close the till")))
        self.hint.setText(self.tr("Tap a line, then type the amount counted (0 if none)."))
        for header, text in zip(
            self.headers,
            (
                self.tr("Method (payments)"),
                self.tr("Expected"),
                self.tr("Counted"),
                self.tr("Difference"),
            ),
            strict=True,
        ):
            header.setText(text)
        for method, row in self.rows.items():
            payments = row.line.payments if row.line is not None else 0
            name = WORDS.method(method)
            row.name.setText(f"{name} ({payments})")
            row.expected.setText(money(row.line.expected_cents) if row.line is not None else "")
            row.field.setAccessibleName(self.tr("{method} counted, in euros").format(method=name))
        self.total_name.setText("<b>{}</b>".format(self.tr("Total")))
        self.pin_title.setText(self.tr("PIN of the manager"))
        self.pin.setAccessibleName(self.tr("PIN of the manager"))
        self.close_button.setText(self.tr("Close the till and print the Z"))
        self._refresh()

    def clear(self) -> None:
        """Forget the counts, the manager chosen and the PIN."""
        for row in self.rows.values():
            row.field.clear()
            row.touched = False
            row.line = None
        self.pin.clear()
        self._managers.setExclusive(False)
        for button in self.manager_buttons.values():
            button.setChecked(False)
        self._managers.setExclusive(True)
        self.manager_asked = False
        self.error.clear()
        self.manager_error.clear()
        self._refresh()
