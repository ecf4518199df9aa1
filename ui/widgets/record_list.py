"""A flickable list of records at the counter (clients found, Lulus of a stage): two
lines a row, a finger's height, the row's words written by the page (again on a
language change), the record tapped told by `chosen`."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from .. import theme
from ..resident.catalogue import make_flickable

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_PX = 76  # two lines of text, a finger's height and more


class Record(Protocol):
    @property
    def id(self) -> uuid.UUID: ...


class RecordList(QListWidget):
    chosen = Signal(object)  # the record whose row was tapped

    def __init__(
        self,
        describe: Callable[[Any], str],
        *,
        width_px: int,
        rows_shown: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._describe = describe
        self._width_px = width_px
        self._fit_width()
        self.setMinimumHeight(ROW_PX * rows_shown)
        self.setWordWrap(True)
        self.itemClicked.connect(lambda item: self.chosen.emit(item.data(RECORD_ROLE)))
        make_flickable(self)

    def _fit_width(self) -> None:
        """`width_px` at the design size, narrower with the theme's smaller type (a
        1024 px counter): the profile beside the list keeps its words whole."""
        self.setMinimumWidth(round(self._width_px * theme.current().scale))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange:
            self._fit_width()

    def fill(self, records: Sequence[Record], *, selected: uuid.UUID | None = None) -> None:
        self.clear()
        for record in records:
            item = QListWidgetItem(self._describe(record))
            item.setData(RECORD_ROLE, record)
            item.setSizeHint(QSize(0, ROW_PX))
            self.addItem(item)
        self.select(selected)

    def select(self, record_id: uuid.UUID | None) -> None:
        """Highlight the record shown beside the list, if it is in the list."""
        for index in range(self.count()):
            item = self.item(index)
            if item.data(RECORD_ROLE).id == record_id:
                self.setCurrentItem(item)
                return
        self.clearSelection()

    def retranslate(self) -> None:
        for index in range(self.count()):
            item = self.item(index)
            item.setText(self._describe(item.data(RECORD_ROLE)))
