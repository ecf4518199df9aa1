"""Pages shown one at a time, the whole as tall as the page shown.

A QStackedWidget is as tall as its tallest page for the width (its size hints and its
height for a width are the maximum over all its pages), whatever the page shown. In a
scroll area that means a scroll bar on a short page because another page is long, and
a short page followed by the long one's emptiness: with larger text at 1024×768 the
order's consent step scrolled although it fits, and Become a Lulu's thanks sat above
the window with "Finish" below it. Here the pages not shown are hidden in a box layout,
which leaves them out of every size."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget


class Pages(QWidget):
    currentChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pages: list[QWidget] = []
        self._current = -1
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def addWidget(self, page: QWidget) -> None:
        self._layout.addWidget(page)
        self._pages.append(page)
        if self._current < 0:
            self._current = 0
        page.setVisible(len(self._pages) == 1)

    def count(self) -> int:
        return len(self._pages)

    def currentIndex(self) -> int:
        return self._current

    def currentWidget(self) -> QWidget:
        return self._pages[self._current]

    def setCurrentIndex(self, index: int) -> None:
        if index == self._current:
            return
        for i, page in enumerate(self._pages):
            page.setVisible(i == index)
        self._current = index
        self.updateGeometry()
        self.currentChanged.emit(index)

    def setCurrentWidget(self, shown: QWidget) -> None:
        self.setCurrentIndex(self._pages.index(shown))
