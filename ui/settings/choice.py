"""One choice among a few, as a row of touch buttons (a segmented control): the printer's
kind, the paper's width, an attendant's role. Touch-sized, every option visible at
once, no drop-down to open."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QWidget

from ..widgets.buttons import TouchButton
from ..widgets.reflow import needed_width


class Choice(QWidget):
    changed = Signal(str)  # the value chosen

    def __init__(self, values: tuple[str, ...], *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: dict[str, TouchButton] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self._row = row
        for value in values:
            button = TouchButton(parent=self)
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, v=value: self.changed.emit(v))
            self._group.addButton(button)
            self.buttons[value] = button
            row.addWidget(button)
        row.addStretch(1)

    def needed_width(self) -> int:
        """Every option's whole words, side by side."""
        widths = [needed_width(button) for button in self.buttons.values()]
        return sum(widths) + self._row.spacing() * (len(widths) - 1)

    @property
    def value(self) -> str:
        for value, button in self.buttons.items():
            if button.isChecked():
                return value
        return ""

    def set_value(self, value: str) -> None:
        """Check `value`'s button (none when it is not an option); emits nothing."""
        button = self.buttons.get(value)
        if button is None:
            self._group.setExclusive(False)
            for other in self.buttons.values():
                other.setChecked(False)
            self._group.setExclusive(True)
        else:
            button.setChecked(True)

    def set_labels(self, labels: dict[str, str]) -> None:
        for value, text in labels.items():
            self.buttons[value].setText(text)
