"""A Lulu's record at the counter: totals, their orders (newest first, ten a page) and
the ratings they were given with the residents' comments (five a page). Quick indexed
reads of the store, made on the GUI thread."""

from __future__ import annotations

import html
import uuid

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk_app.clock import to_paris
from kiosk_app.views.lulus import HistoryRow, LuluTotals, RatingRow

from ..context import KioskContext
from ..format import minutes, money
from ..i18n import current_lang
from ..widgets.buttons import TouchButton
from ..widgets.screen import Screen, label
from .words import WORDS

ORDERS_PER_PAGE = 10
RATINGS_PER_PAGE = 5
ROW_PX = 48


class Pager(QWidget):
    """ "Newer" and "Older" around "11–20 of 34"."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.newer = TouchButton(parent=self)
        self.older = TouchButton(parent=self)
        self.shown = label(parent=self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.newer)
        row.addWidget(self.shown, 1)
        row.addWidget(self.older)

    def show_page(self, offset: int, count: int, total: int) -> None:
        self.setVisible(total > count or offset > 0)
        self.newer.setEnabled(offset > 0)
        self.older.setEnabled(offset + count < total)
        self.shown.setText(
            self.tr("{first}–{last} of {total}").format(
                first=offset + 1, last=offset + count, total=total
            )
        )


class LuluHistory(Screen):  # a Screen: it retranslates itself
    def __init__(self, context: KioskContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.lulu_id: uuid.UUID | None = None
        self._totals: LuluTotals | None = None
        self._orders: list[HistoryRow] = []
        self._ratings: list[RatingRow] = []
        self.orders_offset = 0
        self.ratings_offset = 0
        self._orders_total = self._ratings_total = 0

        self.orders_title = label(parent=self)
        self.totals = label(parent=self)
        self.table = QTableWidget(0, 7, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(ROW_PX)
        self.table.setWordWrap(False)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.orders_pager = Pager(parent=self)
        self.orders_pager.newer.clicked.connect(lambda: self._move_orders(-ORDERS_PER_PAGE))
        self.orders_pager.older.clicked.connect(lambda: self._move_orders(ORDERS_PER_PAGE))
        self.no_orders = label("small", parent=self)

        self.ratings_title = label(parent=self)
        self.ratings_shown = label(parent=self)
        # Residents' comments are shown as they typed them, never read as markup.
        self.ratings_shown.setTextFormat(Qt.TextFormat.PlainText)
        self.ratings_pager = Pager(parent=self)
        self.ratings_pager.newer.clicked.connect(lambda: self._move_ratings(-RATINGS_PER_PAGE))
        self.ratings_pager.older.clicked.connect(lambda: self._move_ratings(RATINGS_PER_PAGE))
        self.ratings_title.setContentsMargins(0, 16, 0, 0)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.orders_title,
            self.totals,
            self.table,
            self.no_orders,
            self.orders_pager,
            self.ratings_title,
            self.ratings_shown,
            self.ratings_pager,
        ):
            layout.addWidget(widget)
        self.retranslate()

    def show_lulu(self, lulu_id: uuid.UUID, totals: LuluTotals) -> None:
        if lulu_id != self.lulu_id:
            self.orders_offset = self.ratings_offset = 0
        self.lulu_id = lulu_id
        self._totals = totals
        self._load_orders()
        self._load_ratings()
        self.retranslate()

    def _move_orders(self, step: int) -> None:
        self.orders_offset = max(self.orders_offset + step, 0)
        self._load_orders()
        self.retranslate()

    def _move_ratings(self, step: int) -> None:
        self.ratings_offset = max(self.ratings_offset + step, 0)
        self._load_ratings()
        self.retranslate()

    def _load_orders(self) -> None:
        assert self.lulu_id is not None
        records = self._context.comptoir.lulu_records
        page = records.history(self.lulu_id, offset=self.orders_offset, limit=ORDERS_PER_PAGE)
        self._orders, self._orders_total = page.rows, page.total

    def _load_ratings(self) -> None:
        assert self.lulu_id is not None
        records = self._context.comptoir.lulu_records
        page = records.ratings(self.lulu_id, offset=self.ratings_offset, limit=RATINGS_PER_PAGE)
        self._ratings, self._ratings_total = page.rows, page.total

    # --- words ------------------------------------------------------------------------

    def _day(self, row_day: QDate) -> str:
        return self._context.language.locale.toString(row_day, "ddd d MMM")

    def _fill_table(self) -> None:
        lang = current_lang()
        self.table.setRowCount(len(self._orders))
        for row, order in enumerate(self._orders):
            local = to_paris(order.slot_start)
            duration = minutes(order.minutes)
            cells = (
                order.number,
                self._day(QDate(local.year, local.month, local.day)),
                order.service_name(lang),
                order.client_first_name or "—",
                WORDS.status(order.status),
                duration if order.minutes_final else self.tr("~{time}").format(time=duration),
                money(order.price_cents),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        self.table.setFixedHeight(header.sizeHint().height() + ROW_PX * len(self._orders) + 4)

    def _ratings_text(self) -> str:
        lines = []
        for rating in self._ratings:
            local = to_paris(rating.at)
            facts = {
                "stars": "★" * rating.stars + "☆" * (5 - rating.stars),
                "number": rating.order_number,
                "day": self._day(QDate(local.year, local.month, local.day)),
                "comment": rating.comment,
            }
            if rating.comment:
                line = self.tr("{stars}  order {number}, {day}: “{comment}”").format(**facts)
            else:
                line = self.tr("{stars}  order {number}, {day}").format(**facts)
            lines.append(line)
        return "\n".join(lines)

    def retranslate(self) -> None:
        # lupdate reads no tr() inside an f-string: the words first, then the markup.
        orders, ratings = self.tr("Their orders"), self.tr("Ratings received")
        self.orders_title.setText(f"<b>{html.escape(orders)}</b>")
        self.ratings_title.setText(f"<b>{html.escape(ratings)}</b>")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Order no."),
                self.tr("Day"),
                self.tr("Service asked"),
                self.tr("Client"),
                self.tr("Step"),
                self.tr("Time"),
                self.tr("Price"),
            ]
        )
        self.table.setAccessibleName(self.tr("Orders of this Lulu"))
        for pager in (self.orders_pager, self.ratings_pager):
            pager.newer.setText(self.tr("◀ Newer"))
            pager.older.setText(self.tr("Older ▶"))
        totals = self._totals
        if totals is not None:
            locale = self._context.language.locale
            average = (
                locale.toString(totals.rating_average, "f", 1)
                if totals.rating_average is not None
                else "—"
            )
            self.totals.setText(
                self.tr(
                    "Services done: {done} · time worked: {time} · average rating: {average} "
                    "({count})"
                ).format(
                    done=totals.services_done,
                    time=minutes(totals.minutes_done),
                    average=average,
                    count=totals.rating_count,
                )
            )
        self._fill_table()
        self.table.setVisible(bool(self._orders))
        self.no_orders.setText("" if self._orders else self.tr("No order yet."))
        self.no_orders.setVisible(not self._orders)
        self.orders_pager.show_page(self.orders_offset, len(self._orders), self._orders_total)
        self.ratings_shown.setText(self._ratings_text() or self.tr("No rating yet."))
        self.ratings_pager.show_page(self.ratings_offset, len(self._ratings), self._ratings_total)

    def reset(self) -> None:
        self.lulu_id = None
        self._totals = None
        self._orders, self._ratings = [], []
        self.orders_offset = self.ratings_offset = 0
        self._orders_total = self._ratings_total = 0
        self.totals.clear()
        self.retranslate()
