"""A screen: retranslates itself when the language changes and can forget everything
typed on it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QLabel, QLayout, QWidget

from .taps import TAPS


class Screen(QWidget):
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        # A double tap that brought this screen must not land on its buttons.
        TAPS.screen_shown()
        super().showEvent(event)

    def retranslate(self) -> None:
        """Set every visible text in the current language."""

    def reset(self) -> None:
        """Forget whatever a resident typed or was shown here."""

    def drop_focus(self) -> None:
        """Before showing another question or page: a field that hides with the focus
        hands it to the next field, and the keyboard would open by itself over the new
        question (hiding the price, or the stars). The resident touches a field first."""
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()


class Label(QLabel):
    """A label that can `say` a text worked out again when the language changes: an
    error shown after a search or a refusal switches language with the rest of the
    screen, although no retranslate() knows about it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._said: Callable[[], str] | None = None

    def say(self, text: Callable[[], str]) -> None:
        self._said = text
        super().setText(text())

    def setText(self, text: str) -> None:
        self._said = None
        super().setText(text)

    def clear(self) -> None:
        self._said = None
        super().clear()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self._said is not None:
            super().setText(self._said())
        super().changeEvent(event)


def label(role: str = "", *, wrap: bool = True, parent: QWidget | None = None) -> Label:
    widget = Label(parent)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    return widget


def empty_layout(layout: QLayout) -> None:
    """Take every widget out of `layout` and delete it (a list rebuilt from the store)."""
    while (item := layout.takeAt(0)) is not None:
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
