"""A labelled text field that validates as one types, with the message beside it in the
current language. The checks are the core's (kiosk_app.domain.validation): what the
screen accepts is what the store accepts."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from kiosk_app.errors import ComptoirError, ValidationError
from kiosk_app.messages import message

from ..i18n import current_lang

# A check takes the typed text and returns the clean value, or raises ValidationError.
Check = Callable[[str], Any]


class TextField(QWidget):
    changed = Signal()

    def __init__(
        self,
        check: Check,
        *,
        multiline: bool = False,
        digits: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._check = check
        self._error: tuple[str, dict[str, Any]] | None = None
        self._touched = False
        self._value: Any = None
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.editor: QLineEdit | QPlainTextEdit
        if multiline:
            self.editor = QPlainTextEdit(self)
            self.editor.setTabChangesFocus(True)
            self.editor.setMaximumHeight(140)
            self.editor.textChanged.connect(self._edited)
        else:
            self.editor = QLineEdit(self)
            self.editor.textChanged.connect(self._edited)
        if digits:
            self.editor.setProperty("keypad", "digits")
        self.title.setBuddy(self.editor)
        self.message = QLabel(self)
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.editor, 3)
        row.addWidget(self.message, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addLayout(row)
        self._validate()

    def set_title(self, text: str) -> None:
        self.title.setText(text)
        self.editor.setAccessibleName(text)

    @property
    def text(self) -> str:
        if isinstance(self.editor, QLineEdit):
            return self.editor.text()
        return self.editor.toPlainText()

    def set_text(self, text: str) -> None:
        if isinstance(self.editor, QLineEdit):
            self.editor.setText(text)
        else:
            self.editor.setPlainText(text)

    @property
    def value(self) -> Any:
        """The clean value (only meaningful when `is_valid`)."""
        return self._value

    @property
    def is_valid(self) -> bool:
        return self._error is None

    def show_error(self, key: str, **params: Any) -> None:
        """Mark the field with a message the core gave when the form was sent."""
        self._error = (key, params)
        self._touched = True
        self._show()

    def mark(self) -> None:
        """Show the field's refusal now (a form sent before it was touched)."""
        self._touched = True
        self._show()

    def clear_touch(self) -> None:
        """A value filled in by the form, not typed: no refusal shown until edited."""
        self._touched = False
        self._show()

    def clear(self) -> None:
        self.set_text("")
        self._touched = False
        self._validate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show()
        super().changeEvent(event)

    def _edited(self) -> None:
        self._touched = True
        self._validate()
        self.changed.emit()

    def _validate(self) -> None:
        try:
            self._value = self._check(self.text)
            self._error = None
        except ValidationError as error:
            self._value = None
            key = next(iter(error.fields.values()), error.key)
            self._error = (key, dict(error.params))
        self._show()

    def _show(self) -> None:
        error = self._error if self._touched else None
        text = message(error[0], current_lang(), **error[1]) if error else ""
        if text != self.message.text():
            self.message.setText(text)
        invalid = "true" if error else "false"
        # Re-polishing restyles the field: only when its state changes, not per key.
        if self.editor.property("invalid") != invalid:
            self.editor.setProperty("invalid", invalid)
            self.editor.style().unpolish(self.editor)
            self.editor.style().polish(self.editor)


def show_refusal(
    error: Exception, fields: Mapping[str, TextField], say: Callable[[str, str], None]
) -> None:
    """Show what the core refused where the attendant looks for it: a field's message
    beside that field; anything else through `say(field_name, text)` (the name is ""
    when the refusal is about no field), in the current language."""
    lang = current_lang()
    if isinstance(error, ValidationError):
        for name, key in error.fields.items():
            if name in fields:
                fields[name].show_error(key, **error.params)
            else:
                say(name, message(key, lang, **error.params))
    elif isinstance(error, ComptoirError):
        say("", message(error.key, lang, **error.params))
    else:
        say("", message("error.unexpected", lang))
