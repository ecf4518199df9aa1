"""The order queue as a table model over the store, fetched a page at a time: the view
asks for more rows as it scrolls (canFetchMore/fetchMore), so opening the queue or
changing a filter reads one page, whatever the size of the store. Each page continues
after the last line held (kiosk_app/services/order_queue.py), so the thousandth page
costs what the first does; a line holds only what it shows."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from kiosk_app.views.orders import OrderView
from kiosk_app.views.queue import QueueFilter, QueueKey, QueueLine
from sync.protocol import Channel, OrderStatus

from ..format import paris_datetime, paris_time
from ..i18n import current_lang
from .words import WORDS

if TYPE_CHECKING:
    from kiosk_app.services.order_queue import OrderQueueService

PAGE = 100
SLOT_TEXTS_KEPT = 5_000
ORDER_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("number", "slot", "service", "status", "channel")
_ID = QueueLine._fields.index("id_hex")
# Where each column's atom sits in a held line (a plain tuple in QueueLine's order).
_NUMBER, _STATUS, _CHANNEL, _NAME_FR, _NAME_EN, _SLOT = (
    QueueLine._fields.index(field)
    for field in (
        "number",
        "status_value",
        "channel_value",
        "service_name_fr",
        "service_name_en",
        "slot_start",
    )
)
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, ORDER_ROLE})

_Index = QModelIndex | QPersistentModelIndex


class OrderQueueModel(QAbstractTableModel):
    def __init__(self, queue: OrderQueueService, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue = queue
        # Each line held as a plain tuple of atoms (strings, datetimes, an int): CPython
        # stops tracking such a tuple in its garbage collector (not a NamedTuple, a
        # subclass), so a queue scrolled through 100,000 orders adds nothing to the
        # collector's full passes, which stalled the scrolling by hundreds of ms.
        self._rows: list[tuple[Any, ...]] = []
        self._exhausted = True
        self.filter = QueueFilter()
        # The words of the status and channel columns, looked up once per language:
        # the view asks for every cell's text many times (painting, accessibility).
        self._words: dict[str, str] = {}  # by the status's or channel's value
        # The slot column's words by slot (orders share a few time windows a day): a
        # flick repaints a screenful of rows a frame, and formatting a date in Paris
        # time with QLocale took a sixth of each repaint (1 ms of 5.5).
        self._slot_texts: dict[datetime, str] = {}
        self._lang = ""
        self._take_words()

    # --- what the view reads ------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks for a dozen roles per cell as it paints: the others are
        # answered first, at the cost of a comparison.
        if role not in _ROLES or not index.isValid():
            return None
        row = index.row()
        if row >= len(self._rows):
            return None
        if role == ORDER_ROLE:
            return QueueLine._make(self._rows[row])
        return self._cell(self._rows[row], COLUMNS[index.column()])

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "number": self.tr("Number"),
            "slot": self.tr("When"),
            "service": self.tr("Service"),
            "status": self.tr("Status"),
            "channel": self.tr("Channel"),
        }[COLUMNS[section]]

    def _cell(self, held: tuple[Any, ...], column: str) -> str:
        """The words of a held line's cell (read from the tuple: the view asks for every
        visible cell at each repaint, so no QueueLine is built for it)."""
        text: str
        if column == "number":
            text = held[_NUMBER]
            return text
        if column == "slot":
            return self._slot_text(held[_SLOT])
        if column == "service":
            text = held[_NAME_EN] if self._lang == "en" else held[_NAME_FR]
            return text
        if column == "status":
            return self._words[held[_STATUS]]
        return self._words[held[_CHANNEL]]

    def _slot_text(self, slot: datetime) -> str:
        text = self._slot_texts.get(slot)
        if text is None:
            if len(self._slot_texts) >= SLOT_TEXTS_KEPT:
                self._slot_texts.clear()  # a store of odd slots: the memo stays small
            # A day chosen above: the hour is enough.
            text = paris_time(slot) if self.filter.day is not None else paris_datetime(slot)
            self._slot_texts[slot] = text
        return text

    def _take_words(self) -> None:
        self._lang = current_lang()
        self._slot_texts = {}
        self._words = {status: WORDS.status(status) for status in OrderStatus}
        self._words.update({channel: WORDS.channel(channel) for channel in Channel})

    def order_at(self, row: int) -> QueueLine:
        return QueueLine._make(self._rows[row])

    def row_of(self, order_id: uuid.UUID) -> int | None:
        wanted = order_id.hex
        return next((row for row, held in enumerate(self._rows) if held[_ID] == wanted), None)

    # --- fetching -----------------------------------------------------------------------

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        page = self._page(after=self.order_at(-1).key if self._rows else None)
        self._exhausted = len(page) < PAGE
        if page:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def set_filter(self, queue_filter: QueueFilter) -> None:
        self.beginResetModel()
        self.filter = queue_filter
        self._slot_texts = {}  # the hour alone, or the day too
        self._rows = self._page()
        self._exhausted = len(self._rows) < PAGE
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows, self._exhausted = [], True
        self.endResetModel()

    def _page(self, *, after: QueueKey | None = None) -> list[tuple[Any, ...]]:
        return [tuple(line) for line in self._queue.page(self.filter, after=after, limit=PAGE)]

    # --- keeping up with the store ------------------------------------------------------

    def take_new(self) -> int:
        """Put at the top the orders created since the rows were read (newest first, so
        they are at the head of the first page); rows already shown stay where they are,
        and so does the attendant's scrolling. Returns how many came."""
        known = {held[_ID] for held in self._rows}
        first = self._page()
        # Only orders newer than the top row: one that merely changed into the filtered
        # status belongs further down, and is picked up when the filter is next applied.
        newest = self.order_at(0).key if self._rows else None
        new = [
            held
            for held in first
            if held[_ID] not in known and (newest is None or QueueLine._make(held).key > newest)
        ]
        if len(new) == len(first) and known:
            # More than a page arrived at once: start again from the top.
            self.set_filter(self.filter)
            return len(new)
        if new:
            self.beginInsertRows(QModelIndex(), 0, len(new) - 1)
            self._rows[:0] = new
            self.endInsertRows()
        return len(new)

    def replace(self, order: OrderView) -> None:
        """An order changed at the counter: its row shows the change at once."""
        row = self.row_of(order.id)
        if row is not None:
            self._rows[row] = tuple(QueueLine.of(order, self.order_at(row).key))
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def retranslate(self) -> None:
        self._take_words()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 4))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
