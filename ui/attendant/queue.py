"""The order queue: filters by status (with counts), day and channel above a lazy table
of orders. New orders appear by themselves: a timer asks the store for its newest order
every two seconds (one indexed row) and only then reads more."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk_app.clock import to_paris
from kiosk_app.views.orders import OrderView
from kiosk_app.views.queue import QueueFilter, QueueKey, QueueLine
from sync.protocol import Channel, OrderStatus

from ..context import KioskContext
from ..format import clock, day_at
from ..resident.catalogue import make_flickable
from ..widgets.buttons import TouchButton
from ..widgets.reflow import ReflowGrid
from ..widgets.screen import Screen, label
from .help_calls import HelpCalls
from .queue_model import COLUMNS, ORDER_ROLE, OrderQueueModel
from .words import WORDS

POLL_MS = 2000
CELL_PADDING_PX = 12  # both sides of a cell's text
ROW_PX = 56
# The service column keeps room for about this many characters ("Attendre un
# technicien"; a longer name takes its second line) before the slot gives up its one
# line and takes the row's two.
SERVICE_LEAST_CHARS = 22


class QueuePage(Screen):  # a Screen: it retranslates itself
    opened = Signal(object)  # OrderView

    def __init__(self, context: KioskContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._newest: QueueKey | None = None
        self._longest_number = "00-0000"
        self.day: date | None = None
        self.counts: dict[OrderStatus, int] = {}
        self.title = label("title", parent=self)
        # Residents asking for help come before every order.
        self.help_calls = HelpCalls(context, lambda: self.attendant_id, parent=self)
        self.attendant_id: uuid.UUID | None = None

        self.status_buttons: dict[OrderStatus, TouchButton] = {}
        for status in OrderStatus:
            # Key-styled (narrow padding, lit when on): six of them fit beside the menu.
            button = TouchButton(role="key", parent=self)
            button.setCheckable(True)
            button.toggled.connect(self._apply)
            self.status_buttons[status] = button
        # Six a row on a wide counter, three on a 1024 px one.
        statuses = ReflowGrid(most_columns=len(self.status_buttons), parent=self)
        statuses.set_buttons(list(self.status_buttons.values()))

        self.previous_day = TouchButton("◀", parent=self)
        self.previous_day.clicked.connect(lambda: self._move_day(-1))
        self.day_shown = label(parent=self)
        # Room for "mercredi 25 novembre" without asking for more than a 1024 px counter has.
        self.day_shown.setMinimumWidth(240)
        self.next_day = TouchButton("▶", parent=self)
        self.next_day.clicked.connect(lambda: self._move_day(1))
        self.today = TouchButton(parent=self)
        self.today.clicked.connect(lambda: self._set_day(self._today()))
        self.all_days = TouchButton(parent=self)
        self.all_days.clicked.connect(lambda: self._set_day(None))
        days = QHBoxLayout()
        for widget in (self.previous_day, self.day_shown, self.next_day):
            days.addWidget(widget)
        # Beside the day when the page is wide, below it when narrow: never a cut word.
        day_choices = ReflowGrid(most_columns=2, parent=self)
        day_choices.set_buttons([self.today, self.all_days])
        days.addWidget(day_choices, 1)

        self._channels = QButtonGroup(self)
        self.channel_buttons: dict[Channel | None, TouchButton] = {}
        for channel in (None, *Channel):
            button = TouchButton(parent=self)
            button.setCheckable(True)
            self._channels.addButton(button)
            self.channel_buttons[channel] = button
        # One row on a wide counter, two on a 1024 px one.
        channels = ReflowGrid(most_columns=len(self.channel_buttons), parent=self)
        channels.set_buttons(list(self.channel_buttons.values()))
        self.channel_buttons[None].setChecked(True)
        self._channels.buttonToggled.connect(self._channel_toggled)

        self.model = OrderQueueModel(context.comptoir.order_queue, parent=self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(ROW_PX)
        # A long service name takes a second line rather than an ellipsis (a row holds two).
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        # Widths worked out from the words (_size_columns), not from the rows:
        # ResizeToContents reads up to a thousand rows on every page fetched and every
        # filter, which stalls the scrolling of a long queue.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COLUMNS.index("service"), QHeaderView.ResizeMode.Stretch)
        make_flickable(self.view)
        # The slot's one line or two depends on the width the table gets.
        self.view.viewport().installEventFilter(self)
        self.view.clicked.connect(self._open)
        self.empty = label("small", parent=self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.help_calls)
        layout.addWidget(self.title)
        layout.addWidget(statuses)
        layout.addLayout(days)
        layout.addWidget(channels)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)

        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self.check_new)
        self.retranslate()

    # --- opening and keeping up -----------------------------------------------------------

    def start(self) -> None:
        """The counter opened: today's queue, kept up to date."""
        self.day = self._today()
        self._newest = self._newest_key()
        self._apply()
        self.help_calls.refresh()
        self.poll.start()

    def stop(self) -> None:
        """Locked: nothing read, nothing shown."""
        self.poll.stop()
        self.model.clear()
        self.help_calls.clear()

    def check_new(self) -> None:
        self.help_calls.refresh()
        newest = self._newest_key()
        if newest == self._newest:
            return
        self._newest = newest
        self.model.take_new()
        self._refresh_counts()
        self._size_columns()  # its number may have one more digit

    def _newest_key(self) -> QueueKey | None:
        newest = self._context.comptoir.order_queue.page(QueueFilter(), limit=1)
        if not newest:
            return None
        # Numbers grow: the newest has the most digits the number column must show.
        self._longest_number = newest[0].number
        return newest[0].key

    def order_changed(self, order: OrderView) -> None:
        self.model.replace(order)
        self._refresh_counts()

    # --- filters ----------------------------------------------------------------------

    def _today(self) -> date:
        return to_paris(self._context.clock()).date()

    def _move_day(self, step: int) -> None:
        self._set_day((self.day or self._today()) + timedelta(days=step))

    def _set_day(self, day: date | None) -> None:
        self.day = day
        self._apply()

    @property
    def queue_filter(self) -> QueueFilter:
        statuses = frozenset(s for s, b in self.status_buttons.items() if b.isChecked())
        channel = next(c for c, b in self.channel_buttons.items() if b.isChecked())
        return QueueFilter(statuses=statuses, day=self.day, channel=channel)

    def _channel_toggled(self, _button: object, on: bool) -> None:
        if on:  # the button switched off by the exclusive group changes nothing
            self._apply()

    def _apply(self) -> None:
        self.model.set_filter(self.queue_filter)
        self.view.scrollToTop()
        self._refresh_counts()
        self._show_day()
        self._show_empty()
        self._size_columns()

    def _refresh_counts(self) -> None:
        f = self.model.filter
        self.counts = self._context.comptoir.order_queue.counts(day=f.day, channel=f.channel)
        self._show_counts()

    def _show_counts(self) -> None:
        for status, button in self.status_buttons.items():
            button.setText(f"{WORDS.status(status)}\n{self.counts.get(status, 0)}")

    def _open(self, index: QModelIndex) -> None:
        line = index.data(ORDER_ROLE)
        if isinstance(line, QueueLine):
            # The whole order, read now: the queue holds only what its lines show.
            self.opened.emit(self._context.comptoir.orders.get(line.id))

    # --- words ------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Order queue"))
        self._show_counts()
        self.previous_day.set_accessible(self.tr("Previous day"))
        self.next_day.set_accessible(self.tr("Next day"))
        self._show_day()
        self.today.setText(self.tr("Today"))
        self.all_days.setText(self.tr("Every day"))
        self.channel_buttons[None].setText(self.tr("Every channel"))
        for channel in Channel:
            self.channel_buttons[channel].setText(WORDS.channel(channel))
        self.view.setAccessibleName(self.tr("Orders"))
        self._show_empty()
        self.model.retranslate()
        self._size_columns()

    def _show_day(self) -> None:
        if self.day is None:
            self.day_shown.setText(self.tr("Every day"))
        else:
            shown = QDate(self.day.year, self.day.month, self.day.day)
            self.day_shown.setText(self._context.language.locale.toString(shown, "dddd d MMMM"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self._size_columns()
        return super().eventFilter(watched, event)

    def _show_empty(self) -> None:
        self.empty.setText("" if self.model.rowCount() else self.tr("No order matches."))

    def _size_columns(self) -> None:
        """Each column but the service's as wide as the widest text it can show in the
        current language, measured from the words: the columns never move as the
        attendant scrolls, and no row is read to size them. The slot with its date takes
        one line when the service keeps its room beside it (a wide counter), two on a
        1024 px one; the service column takes whatever is left."""
        self.view.ensurePolished()
        header = self.view.horizontalHeader()
        header.ensurePolished()
        cells, titles = self.view.fontMetrics(), header.fontMetrics()
        locale = self._context.language.locale

        def widest(names: list[str]) -> str:
            return max(names, key=cells.horizontalAdvance)

        def width_of(name: str, text: str) -> int:
            title = str(self.model.headerData(COLUMNS.index(name), Qt.Orientation.Horizontal))
            widest_line = max(text.split("\n"), key=cells.horizontalAdvance)
            width = max(cells.horizontalAdvance(widest_line), titles.horizontalAdvance(title))
            return width + CELL_PADDING_PX

        if self.day is None:  # "mercredi 30 septembre à 23 h 59", with the longest names
            day = widest([locale.dayName(d) for d in range(1, 8)])
            month = widest([locale.monthName(m) for m in range(1, 13)])
            slot = day_at(f"{day} 30 {month}", clock(23, 59, locale), locale)
        else:  # a day chosen above: the hour is enough
            slot = clock(23, 59, locale)
        widths = {
            "number": width_of("number", self._longest_number),
            "status": width_of("status", widest([WORDS.status(s) for s in OrderStatus])),
            "channel": width_of("channel", widest([WORDS.channel(c) for c in Channel])),
        }
        room = self.view.viewport().width() - sum(widths.values())
        service_least = cells.averageCharWidth() * SERVICE_LEAST_CHARS
        one_line = width_of("slot", slot)
        widths["slot"] = (
            one_line if room - one_line >= service_least else width_of("slot", _two_lines(slot))
        )
        for name, width in widths.items():
            header.resizeSection(COLUMNS.index(name), width)


def _two_lines(text: str) -> str:
    """The text cut at the space that makes its longer half shortest: a slot with its
    date takes the row's two lines, leaving the service its width on a 1024 px counter."""
    spaces = [i for i, char in enumerate(text) if char == " "]
    if not spaces:
        return text
    cut = min(spaces, key=lambda i: max(len(text[:i]), len(text[i + 1 :])))
    return f"{text[:cut]}\n{text[cut + 1 :]}"
