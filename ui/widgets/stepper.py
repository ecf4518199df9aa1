"""A value changed with large − and + buttons (no typing, no tiny spin box arrows)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from .buttons import TouchButton


class Stepper(QWidget):
    changed = Signal(int)

    def __init__(self, *, minimum: int = 1, maximum: int = 24, parent: QWidget | None = None):
        super().__init__(parent)
        self._minimum, self._maximum, self._value = minimum, maximum, minimum
        self.minus = TouchButton("−", repeats=True, parent=self)
        self.plus = TouchButton("+", repeats=True, parent=self)
        self.shown = QLabel(self)
        self.shown.setProperty("role", "title")
        self.shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.shown.setMinimumWidth(220)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.minus)
        layout.addWidget(self.shown)
        layout.addWidget(self.plus)
        layout.addStretch(1)
        self.minus.clicked.connect(lambda: self.set_value(self._value - 1))
        self.plus.clicked.connect(lambda: self.set_value(self._value + 1))
        self._refresh()

    def value(self) -> int:
        return self._value

    def set_range(self, minimum: int, maximum: int) -> None:
        self._minimum, self._maximum = minimum, max(minimum, maximum)
        self.set_value(self._value)

    def set_value(self, value: int) -> None:
        value = max(self._minimum, min(self._maximum, value))
        changed = value != self._value
        self._value = value
        self._refresh()
        if changed:
            self.changed.emit(value)

    def set_display(self, text: str) -> None:
        self.shown.setText(text)

    def set_names(self, less: str, more: str) -> None:
        self.minus.set_accessible(less)
        self.plus.set_accessible(more)

    def _refresh(self) -> None:
        self.minus.setEnabled(self._value > self._minimum)
        self.plus.setEnabled(self._value < self._maximum)
