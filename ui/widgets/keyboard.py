"""The on-screen keyboard docked at the bottom of the window: AZERTY with shift and the
French accents, or a number pad for phones and order numbers. It follows the focus: the
right one opens for the focused field (a field with the property keypad="digits" gets the
number pad) and it closes when no text field has the focus.

Keys are sent to the focused field as real key events, so the field behaves exactly as
with a hardware keyboard (validation, cursor, undo)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
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

from .. import theme
from .buttons import TouchButton
from .reflow import needed_width

LETTER_ROWS = (
    "1234567890",
    "azertyuiop",
    "qsdfghjklm",
    "wxcvbn',-",
)
ACCENTS = "éèêëàâçùûôîïœ"
# The keyboard never takes more than this share of the window's height: the field being
# typed and the screen's main button stay above it.
HEIGHT_SHARE = 0.45
MARGIN_PX = 8
SPACING_PX = 6


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
        layout.setContentsMargins(MARGIN_PX, MARGIN_PX, MARGIN_PX, MARGIN_PX)
        layout.setSpacing(SPACING_PX)
        self.rows = len(LETTER_ROWS) + 2
        for row_text in (*LETTER_ROWS, ACCENTS):
            row = QHBoxLayout()
            row.setSpacing(SPACING_PX)
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
        bottom.setSpacing(SPACING_PX)
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
        grid.setContentsMargins(MARGIN_PX, MARGIN_PX, MARGIN_PX, MARGIN_PX)
        grid.setSpacing(SPACING_PX)
        self.rows = 4
        self._grid = grid
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
        self._cap_px = 10_000
        self._width_px = 10_000

    def fit(self, window_width: int, window_height: int) -> None:
        """Size the keys for the window and the current style (called again when either
        changes: a resident in larger text, then one in normal text)."""
        self._cap_px = int(window_height * HEIGHT_SHARE)
        self._width_px = window_width
        # Both pages, shown or not: each new style sheet gives every key the theme's
        # min-width again (the style's polish), which in larger text makes the accents'
        # row wider than a 1024 px window; a page sized only when shown would bring
        # that width with it for one layout pass, and the window would grow to it.
        for page in (self.letters, self._digits_page):
            if page is self.currentWidget():
                self._size_to(page)
            else:
                self._size_keys(page)

    def minimumSizeHint(self) -> QSize:
        # A stacked widget asks for its largest page's minimum: the page not shown
        # must never widen the window.
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def _keyboard(self, page: QWidget) -> AzertyKeyboard | NumberPad:
        return self.letters if page is self.letters else self.digits

    def _size_to(self, page: QWidget) -> None:
        """The dock as tall as `page`'s keys, `page` sized for the current style."""
        keyboard = self._keyboard(page)
        key_px = self._size_keys(page)
        chrome = 2 * MARGIN_PX + (keyboard.rows - 1) * SPACING_PX
        # A stacked widget is as tall as its tallest page: the number pad would get
        # the letters' height and hide the form for nothing.
        self.setFixedHeight(key_px * keyboard.rows + chrome)
        self.updateGeometry()

    def _size_keys(self, page: QWidget) -> int:
        """Size `page`'s keys for the window and the current style; the key height."""
        keyboard = self._keyboard(page)
        look = theme.current()
        chrome = 2 * MARGIN_PX + (keyboard.rows - 1) * SPACING_PX
        key_px = min(look.px("key_px"), (self._cap_px - chrome) // keyboard.rows)
        # Keys a touch shorter than the theme's when the window is short, never
        # overlapping: each key gets its height in code, after the style sheet's.
        # The widest row (the accents) shares the window's width.
        widest = max(len(ACCENTS), len(LETTER_ROWS[0]) + 2)
        slack = 2 * SPACING_PX  # never the window's full width: nothing to round over
        room = (self._width_px - 2 * MARGIN_PX - (widest - 1) * SPACING_PX - slack) // widest
        for key in keyboard.findChildren(TouchButton):
            key.setFixedHeight(key_px)
            key.setMinimumWidth(min(look.px("key_px"), room))
        # The worded keys are as wide as their words in the current font at least.
        for key in (keyboard.done, *((self.letters.space,) if keyboard is self.letters else ())):
            key.setMinimumWidth(needed_width(key))
        if keyboard is self.digits:
            for column in range(4):
                self.digits._grid.setColumnMinimumWidth(column, round(key_px * 2.1))
        # A key's new minimum invalidates only the page's outer layout, not the row that
        # holds it: the rows would keep their old minimum (the style sheet's wider keys)
        # until the page is next laid out, after the window has read it. Lay the page
        # out now, rows included.
        for layout in (keyboard.layout(), page.layout()):
            if layout is not None:
                layout.activate()
        return key_px

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QLineEdit | QPlainTextEdit) and new.window() is self.window():
            digits = new.property("keypad") == "digits"
            page = self._digits_page if digits else self.letters
            self.setCurrentWidget(page)
            self._size_to(page)
            self.show()
        elif new is None or new.window() is self.window():
            self.hide()
