"""A grid of buttons (or cards) that takes as many columns as its width holds, up to a
most: four skills a row at 1920×1080, two in larger text at 1024×768, never a word cut."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractButton, QGridLayout, QSizePolicy, QWidget

SPACING_PX = 8
# A button's text needs its width plus the theme's padding (18 px a side) and border
# (2 px a side): BORDER_PX; and a little air, so that a grid's columns change before a
# word touches the border: CHROME_PX.
BORDER_PX = 40
CHROME_PX = 48


def needed_width(button: QAbstractButton, *, chrome: int = CHROME_PX) -> int:
    """The width the button's text asks for in its current font (a push button's own
    size hint keeps the font of its first style)."""
    lines = button.text().split("\n") or [""]
    metrics = button.fontMetrics()
    return max(metrics.horizontalAdvance(line) for line in lines) + chrome


def _button_need(widget: QWidget) -> int:
    assert isinstance(widget, QAbstractButton), "a ReflowGrid of cards says their need"
    return needed_width(widget)


class ReflowGrid(QWidget):
    """`need(widget)`: the width one cell must have (a button's words, by default)."""

    def __init__(
        self,
        *,
        most_columns: int,
        need: Callable[[QWidget], int] = _button_need,
        spacing: int = SPACING_PX,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.most_columns = most_columns
        self.buttons: list[QWidget] = []
        self._need = need
        self._spacing = spacing
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(spacing)
        self._columns = 0
        # As wide as the page gives, never asking for more: the columns follow.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_buttons(self, buttons: Sequence[QWidget]) -> None:
        for button in self.buttons:  # those left out go (hidden by their page)
            self._grid.removeWidget(button)
        self.buttons = list(buttons)
        self._columns = 0
        self.reflow()

    def set_row_spacing(self, px: int) -> None:
        """The gap between rows (the columns' gap stays the one it was made with)."""
        if self._grid.verticalSpacing() != px:
            self._grid.setVerticalSpacing(px)

    def columns_for(self, width: int) -> int:
        widest = max((self._need(b) for b in self.buttons), default=1)
        fit = (width + self._spacing) // (widest + self._spacing)
        return max(1, min(self.most_columns, fit))

    def refit(self) -> None:
        """The cells' words changed (another language, new figures): the columns follow."""
        self._columns = 0
        self.reflow()

    def reflow(self) -> None:
        columns = self.columns_for(self.width())
        if columns == self._columns:
            return
        self._columns = columns
        for button in self.buttons:
            self._grid.removeWidget(button)
        # Every column the grid ever had: fewer most_columns (a counter turned to
        # landscape) must not leave empty columns stretching beside the buttons.
        for column in range(max(self.most_columns, self._grid.columnCount())):
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
            self.refit()  # a new font: the words' widths changed
