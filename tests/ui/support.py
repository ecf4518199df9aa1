"""Driving the kiosk as a resident does: tap what is on the screen, type on the on-screen
keyboard (never on a hardware one), read what is shown."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ui.window import KioskWindow

LEFT = Qt.MouseButton.LeftButton


class TapClock:
    """The tap guard's monotonic clock (ui/widgets/taps.py) in tests: by default each
    reading is a second after the last (a person's pace, so no tap of an ordinary test
    is taken for a double tap); `stop()` freezes it and `advance` moves it by hand."""

    def __init__(self) -> None:
        self.ms = 1_000_000
        self.step = 1000

    def __call__(self) -> int:
        self.ms += self.step
        return self.ms

    def stop(self) -> None:
        self.step = 0

    def advance(self, ms: int) -> None:
        self.ms += ms


class Resident:
    def __init__(self, window: KioskWindow, qtbot: QtBot, taps: TapClock | None = None) -> None:
        self.window = window
        self.qtbot = qtbot
        self.taps = taps if taps is not None else TapClock()

    def tap(self, widget: QWidget, pos: QPoint | None = None) -> None:
        assert widget.isVisible(), f"{widget!r} ({accessible(widget)}) is not on the screen"
        if isinstance(widget, QAbstractButton):
            assert widget.isEnabled(), f"{accessible(widget)!r} is disabled"
        self.qtbot.mouseClick(widget, LEFT, pos=pos if pos is not None else widget.rect().center())
        # Between two touches the event loop runs (posted events such as LanguageChange)
        # and the store's writes started by the touch finish.
        QApplication.processEvents()
        self.window.tasks.settle()

    def tap_named(self, name: str) -> None:
        """Tap the visible control whose accessible name (what a screen reader says,
        and what the resident reads) is `name`."""
        self.tap(self.find(name))

    def find(self, name: str) -> QWidget:
        matches = [w for w in visible_widgets(self.window) if accessible(w) == name]
        assert matches, f"nothing named {name!r} on screen: {sorted(on_screen_names(self.window))}"
        return matches[0]

    def focus(self, editor: QLineEdit | QPlainTextEdit) -> None:
        self.tap(editor)
        assert QApplication.focusWidget() is editor

    def type(self, text: str) -> None:
        """Type `text` on the docked keyboard, key by key."""
        dock = self.window.keyboard
        assert dock.isVisible(), "no keyboard on screen"
        if dock.currentWidget() is dock.letters:
            keyboard = dock.letters
            for char in text:
                if char == " ":
                    self.tap(keyboard.space)
                    continue
                if char != char.lower() and char.lower() in keyboard.letter_keys:
                    self.tap(keyboard.shift)
                    self.tap(keyboard.letter_keys[char.lower()])
                    continue
                self.tap(keyboard.letter_keys[char])
        else:
            for char in text:
                self.tap(dock.digits.digit_keys[char])

    def fill(self, editor: QLineEdit | QPlainTextEdit, text: str) -> None:
        self.focus(editor)
        self.type(text)

    def erase(self, count: int) -> None:
        dock = self.window.keyboard
        key = (
            dock.letters.backspace
            if dock.currentWidget() is dock.letters
            else dock.digits.backspace
        )
        for _ in range(count):
            self.tap(key)

    def screen_text(self) -> str:
        """Every text visible on the window, as the resident reads it."""
        return "\n".join(
            w.text()
            for w in visible_widgets(self.window)
            if isinstance(w, QLabel | QAbstractButton)
        )


def accessible(widget: QWidget) -> str:
    return widget.accessibleName()


def visible_widgets(root: QWidget) -> Iterator[QWidget]:
    for widget in root.findChildren(QWidget):
        if widget.isVisible() and not widget.visibleRegion().isEmpty():
            yield widget


def on_screen_names(root: QWidget) -> set[str]:
    return {accessible(w) for w in visible_widgets(root) if accessible(w)}
