"""A grid of buttons that takes as many columns as its width holds, up to a most: four
skills a row at 1920×1080, two in larger text at 1024×768, never a word cut."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractButton, QGridLayout, QSizePolicy, QWidget

SPACING_PX = 8
# A button's text needs its width plus the theme's padding (18 px a side) and border.
CHROME_PX = 48


def needed_width(button: QAbstractButton) -> int:
    """The width the button's text asks for in its current font (a push button's own
    size hint keeps the font of its first style)."""
    lines = button.text().split("\n") or [""]
    metrics = button.fontMetrics()
    return max(metrics.horizontalAdvance(line) for line in lines) + CHROME_PX


class ReflowGrid(QWidget):
    def __init__(self, *, most_columns: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.most_columns = most_columns
        self.buttons: list[QAbstractButton] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(SPACING_PX)
        self._columns = 0
        # As wide as the page gives, never asking for more: the columns follow.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_buttons(self, buttons: Sequence[QAbstractButton]) -> None:
        self.buttons = list(buttons)
        self._columns = 0
        self.reflow()

    def columns_for(self, width: int) -> int:
        widest = max((needed_width(b) for b in self.buttons), default=1)
        fit = (width + SPACING_PX) // (widest + SPACING_PX)
        return max(1, min(self.most_columns, fit))

    def reflow(self) -> None:
        columns = self.columns_for(self.width())
        if columns == self._columns:
            return
        self._columns = columns
        for button in self.buttons:
            self._grid.removeWidget(button)
        for column in range(self.most_columns):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        for index, button in enumerate(self.buttons):
            self._grid.addWidget(button, index // columns, index % columns)
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.reflow()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._columns = 0  # a new font: the words' widths changed
            self.reflow()
