"""The on-screen keyboard docked at the bottom of the window: AZERTY with shift and the
French accents, or a number pad for phones and order numbers. It follows the focus: the
right one opens for the focused field (a field with the property keypad="digits" gets the
number pad) and it closes when no text field has the focus.

Keys are sent to the focused field as real key events, so the field behaves exactly as
with a hardware keyboard (validation, cursor, undo)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .buttons import TouchButton

LETTER_ROWS = (
    "1234567890",
    "azertyuiop",
    "qsdfghjklm",
    "wxcvbn',-",
)
ACCENTS = "éèêëàâçùûôîïœ"


def send_key(key: Qt.Key, text: str = "") -> None:
    """Type one key into the focused widget, as a hardware keyboard would."""
    target = QApplication.focusWidget()
    if target is None:
        return
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))


def _key(text: str, *, parent: QWidget) -> TouchButton:
    button = TouchButton(text, role="key", parent=parent)
    button.setAutoRepeat(False)
    return button


class AzertyKeyboard(QWidget):
    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyboard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._shift = False
        self.letter_keys: dict[str, TouchButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        for row_text in (*LETTER_ROWS, ACCENTS):
            row = QHBoxLayout()
            row.setSpacing(6)
            if row_text == LETTER_ROWS[3]:
                self.shift = _key("⇧", parent=self)
                self.shift.setCheckable(True)
                self.shift.toggled.connect(self._set_shift)
                row.addWidget(self.shift, 2)
            for char in row_text:
                button = _key(char, parent=self)
                button.clicked.connect(lambda _=False, c=char: self._type(c))
                self.letter_keys[char] = button
                row.addWidget(button, 1)
            if row_text == LETTER_ROWS[0]:
                self.backspace = _key("⌫", parent=self)
                self.backspace.clicked.connect(lambda: send_key(Qt.Key.Key_Backspace))
                row.addWidget(self.backspace, 2)
            layout.addLayout(row)
        bottom = QHBoxLayout()
        for char in "@.:/_":  # e-mails, a server's address and token, a date
            button = _key(char, parent=self)
            button.clicked.connect(lambda _=False, c=char: self._type(c))
            self.letter_keys[char] = button
            bottom.addWidget(button, 1)
        self.space = _key("", parent=self)
        self.space.clicked.connect(lambda: send_key(Qt.Key.Key_Space, " "))
        bottom.addWidget(self.space, 6)
        self.done = _key("", parent=self)
        self.done.clicked.connect(_drop_focus)
        bottom.addWidget(self.done, 2)
        layout.addLayout(bottom)
        self.retranslate()

    def retranslate(self) -> None:
        self.space.setText(self.tr("space"))
        self.done.setText(self.tr("Hide keyboard"))
        self.shift.set_accessible(self.tr("Capital letters"))
        self.backspace.set_accessible(self.tr("Delete the last letter"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _set_shift(self, on: bool) -> None:
        self._shift = on
        for char, button in self.letter_keys.items():
            button.setText(_upper(char) if on else char)

    def _type(self, char: str) -> None:
        text = _upper(char) if self._shift else char
        send_key(Qt.Key.Key_unknown, text)
        # Shift is for one letter, as on a phone: a resident who forgets to release it
        # does not type a whole word in capitals.
        if self._shift:
            self.shift.setChecked(False)


def _upper(char: str) -> str:
    return "Œ" if char == "œ" else char.upper() if len(char.upper()) == 1 else char


def _drop_focus() -> None:
    focused = QApplication.focusWidget()
    if focused is not None:
        focused.clearFocus()


class NumberPad(QWidget):
    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("numberPad")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 8, 8, 8)
        grid.setSpacing(6)
        self.digit_keys: dict[str, TouchButton] = {}
        for index, digit in enumerate("123456789"):
            self._add_digit(grid, digit, index // 3, index % 3)
        # "-" for order numbers as printed ("01-0042"), "+" for foreign phones.
        self._add_digit(grid, "-", 1, 3)
        self._add_digit(grid, "+", 2, 3)
        self.backspace = _key("⌫", parent=self)
        self.backspace.clicked.connect(lambda: send_key(Qt.Key.Key_Backspace))
        grid.addWidget(self.backspace, 0, 3)
        self._add_digit(grid, "0", 3, 0, span=2)
        self.done = _key("", parent=self)
        self.done.clicked.connect(_drop_focus)
        grid.addWidget(self.done, 3, 2, 1, 2)
        for column in range(4):
            grid.setColumnMinimumWidth(column, 110)
        self.retranslate()

    def _add_digit(
        self, grid: QGridLayout, digit: str, row: int, column: int, *, span: int = 1
    ) -> None:
        button = _key(digit, parent=self)
        button.clicked.connect(lambda _=False, d=digit: send_key(Qt.Key.Key_unknown, d))
        self.digit_keys[digit] = button
        grid.addWidget(button, row, column, 1, span)

    def retranslate(self) -> None:
        self.done.setText(self.tr("OK"))
        self.done.set_accessible(self.tr("Hide the number pad"))
        self.backspace.set_accessible(self.tr("Delete the last digit"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class KeyboardDock(QStackedWidget):
    """Both keyboards, one shown at a time, following the focused field."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.letters = AzertyKeyboard(parent=self)
        self.digits = NumberPad(parent=self)
        holder = QWidget(self)
        centred = QHBoxLayout(holder)
        centred.setContentsMargins(0, 0, 0, 0)
        centred.addStretch(1)
        centred.addWidget(self.digits)
        centred.addStretch(1)
        holder.setObjectName("numberPad")
        holder.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._digits_page = holder
        self.addWidget(self.letters)
        self.addWidget(holder)
        self.hide()
        app = QCoreApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._follow_focus)

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QLineEdit | QPlainTextEdit) and new.window() is self.window():
            digits = new.property("keypad") == "digits"
            page = self._digits_page if digits else self.letters
            self.setCurrentWidget(page)
            # A stacked widget is as tall as its tallest page: the number pad would get
            # the letters' height and hide the form for nothing.
            self.setFixedHeight(page.sizeHint().height())
            self.show()
        elif new is None or new.window() is self.window():
            self.hide()
