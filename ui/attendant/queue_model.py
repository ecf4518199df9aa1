"""The order queue as a table model over the store, fetched a page at a time: the view
asks for more rows as it scrolls (canFetchMore/fetchMore), so opening the queue or
changing a filter reads one page, whatever the size of the store."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from kiosk_app.services.orders import OrderService, OrderView
from sync.protocol import Channel, OrderStatus

from ..format import paris_datetime, paris_time
from ..i18n import current_lang
from .words import WORDS

PAGE = 100
ORDER_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("number", "slot", "service", "status", "channel")

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class QueueFilter:
    statuses: frozenset[OrderStatus] = frozenset()  # empty: every status
    day: date | None = None
    channel: Channel | None = None


class OrderQueueModel(QAbstractTableModel):
    def __init__(self, orders: OrderService, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._orders = orders
        self._rows: list[OrderView] = []
        self._exhausted = True
        self.filter = QueueFilter()

    # --- what the view reads ------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        order = self._rows[index.row()]
        if role == ORDER_ROLE:
            return order
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._cell(order, COLUMNS[index.column()])
        return None

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

    def _cell(self, order: OrderView, column: str) -> str:
        if column == "number":
            return order.number
        if column == "slot":
            # A day chosen above: the hour is enough.
            if self.filter.day is not None:
                return paris_time(order.slot_start)
            return paris_datetime(order.slot_start)
        if column == "service":
            return order.service_name(current_lang())
        if column == "status":
            return WORDS.status(order.status)
        return WORDS.channel(order.channel)

    def order_at(self, row: int) -> OrderView:
        return self._rows[row]

    def row_of(self, order_id: uuid.UUID) -> int | None:
        return next((row for row, o in enumerate(self._rows) if o.id == order_id), None)

    # --- fetching -----------------------------------------------------------------------

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        page = self._page(len(self._rows))
        self._exhausted = len(page) < PAGE
        if page:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def set_filter(self, queue_filter: QueueFilter) -> None:
        self.beginResetModel()
        self.filter = queue_filter
        self._rows = self._page(0)
        self._exhausted = len(self._rows) < PAGE
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows, self._exhausted = [], True
        self.endResetModel()

    def _page(self, offset: int) -> list[OrderView]:
        f = self.filter
        return self._orders.list(
            statuses=f.statuses or None, day=f.day, channel=f.channel, offset=offset, limit=PAGE
        )

    # --- keeping up with the store ------------------------------------------------------

    def take_new(self) -> int:
        """Put at the top the orders created since the rows were read (newest first, so
        they are at the head of the first page); rows already shown stay where they are,
        and so does the attendant's scrolling. Returns how many came."""
        known = {order.id for order in self._rows}
        first = self._page(0)
        # Only orders newer than the top row: one that merely changed into the filtered
        # status belongs further down, and is picked up when the filter is next applied.
        newest = self._rows[0].created_at if self._rows else None
        new = [
            order
            for order in first
            if order.id not in known and (newest is None or order.created_at >= newest)
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
            self._rows[row] = order
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def retranslate(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 4))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
