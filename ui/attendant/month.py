"""The month at a glance: for a chosen period (a calendar month, or the last 30 days),
the pilot's figures (orders, services done, Lulus onboarded and in progress, kiosk
visits), the revenue, the average rating, the most ordered services and a chart of
orders per day. The figures are counted on the worker (ui/tasks.py): a busy month is
thousands of rows, more than a frame of the GUI thread."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk_app.clock import to_paris
from kiosk_app.views.stats import Stats, month_of, months_after

from ..context import KioskContext
from ..format import money
from ..widgets.bar_chart import DayBarChart
from ..widgets.buttons import TouchButton
from ..widgets.reflow import ReflowGrid
from ..widgets.screen import Label, Screen, label

ROLLING_DAYS = 30
TILES = (
    "orders",
    "services_done",
    "revenue",
    "average_rating",
    "kiosk_visits",
    "lulus_onboarded",
    "lulus_in_progress",
    "lulu_candidates",
)
TILE_COLUMNS = 4
TOP_SERVICES = 5
CARD_BORDER_PX = 6  # the card's border, both sides (theme: QFrame#card)


class FigureTile(QFrame):
    """A figure in large type above what it counts."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.value = label("title", wrap=False, parent=self)
        self.caption = label(parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addStretch(1)

    def needed_width(self) -> int:
        """The figure whole, and the caption's longest word on a line of its own."""
        layout = self.layout()
        assert layout is not None  # set in __init__
        margins = layout.contentsMargins()
        value = self.value.fontMetrics().horizontalAdvance(self.value.text())
        metrics = self.caption.fontMetrics()
        words = self.caption.text().split()
        longest = max((metrics.horizontalAdvance(word) for word in words), default=0)
        chrome = margins.left() + margins.right() + 2 * self.frameWidth() + CARD_BORDER_PX
        return max(value, longest) + chrome


def _tile_need(widget: QWidget) -> int:
    assert isinstance(widget, FigureTile)
    return widget.needed_width()


class MonthPage(Screen):  # a Screen: it retranslates itself
    def __init__(self, context: KioskContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.period: tuple[date, date] | None = None
        self.stats: Stats | None = None
        self._asked = 0  # the latest request: an older answer arriving late is dropped

        # The period is the page's heading; the buttons that change it sit under it.
        self.period_shown = label("title", parent=self)
        self.previous = TouchButton("◀", parent=self)
        self.previous.clicked.connect(lambda: self._move(-1))
        self.next = TouchButton("▶", parent=self)
        self.next.clicked.connect(lambda: self._move(1))
        self.this_month = TouchButton(parent=self)
        self.this_month.clicked.connect(lambda: self.show_month(self._today()))
        self.last_month = TouchButton(parent=self)
        self.last_month.clicked.connect(lambda: self.show_month(months_after(self._today(), -1)))
        self.last_days = TouchButton(parent=self)
        self.last_days.clicked.connect(self.show_last_days)
        # The three periods in a row between the arrows, or under each other on a
        # narrow page (1024 px, portrait): their words stay whole.
        periods = ReflowGrid(most_columns=3, parent=self)
        periods.set_buttons([self.this_month, self.last_month, self.last_days])
        self._periods = periods
        moves = QHBoxLayout()
        moves.addWidget(self.previous)
        moves.addWidget(periods, 1)
        moves.addWidget(self.next)

        self.tiles: dict[str, FigureTile] = {}
        # Four a row on a wide counter; fewer when a caption's word would not fit.
        self._tile_grid = ReflowGrid(
            most_columns=TILE_COLUMNS, need=_tile_need, spacing=12, parent=self
        )
        for name in TILES:
            self.tiles[name] = FigureTile(parent=self._tile_grid)
        self._tile_grid.set_buttons(list(self.tiles.values()))
        self.lulus_note = label("small", parent=self)

        self.chart_title = label(parent=self)
        self.chart = DayBarChart(parent=self)
        self.empty = label("small", parent=self)
        chart = QVBoxLayout()
        for widget in (self.chart_title, self.chart, self.empty):
            chart.addWidget(widget)
        # The most ordered services beside the chart: the page reads without scrolling
        # on the counter's 1280×800 screen.
        self.top = QFrame(self)
        self.top.setObjectName("card")
        self.top_title = label(parent=self.top)
        self.top_lines: list[Label] = [label(parent=self.top) for _ in range(TOP_SERVICES)]
        top = QVBoxLayout(self.top)
        top.setContentsMargins(16, 12, 16, 12)
        top.addWidget(self.top_title)
        for line in self.top_lines:
            top.addWidget(line)
        top.addStretch(1)
        below = QHBoxLayout()
        below.addLayout(chart, 3)
        below.addWidget(self.top, 2)
        self.error = label("error", parent=self)
        self.error.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.period_shown)
        layout.addLayout(moves)
        layout.addWidget(self.error)
        layout.addWidget(self._tile_grid)
        layout.addWidget(self.lulus_note)
        # The chart takes the height the screen has to spare.
        layout.addLayout(below, 1)
        self.retranslate()

    # --- choosing the period ------------------------------------------------------------

    def start(self) -> None:
        """Shown: the period already chosen, counted afresh; the first time, the 30 days
        up to the store's latest activity: a month at a glance whatever the day of the
        month (on the demo data, the pilot's month); calendar months are a tap away."""
        if self.period is None:
            span = self._context.comptoir.stats.activity_span()
            last = span[1] if span is not None else self._today()
            self.show_period(last - timedelta(days=ROLLING_DAYS - 1), last)
        else:
            self.show_period(*self.period)

    def reset(self) -> None:
        """Locked: the next attendant starts again from the latest month."""
        self._asked += 1
        self.period = None
        self.stats = None
        self.error.clear()
        self.error.hide()
        self.retranslate()

    def show_month(self, day: date) -> None:
        self.show_period(*month_of(day))

    def show_last_days(self) -> None:
        today = self._today()
        self.show_period(today - timedelta(days=ROLLING_DAYS - 1), today)

    def show_period(self, start: date, end: date) -> None:
        """Count the period's figures on the worker, then show them."""
        self.period = (start, end)
        self._asked += 1
        asked = self._asked
        self.error.clear()
        self.error.hide()
        self.retranslate()
        stats = self._context.comptoir.stats
        self._context.tasks.run(
            lambda: stats.compute(start, end),
            lambda result: self._counted(asked, result),
            lambda error: self._failed(asked, error),
        )

    def _move(self, step: int) -> None:
        if self.period is None:
            return
        start, end = self.period
        if self.is_month:
            self.show_month(months_after(start, step))
        else:
            length = (end - start).days + 1
            self.show_period(
                start + timedelta(days=step * length), end + timedelta(days=step * length)
            )

    @property
    def is_month(self) -> bool:
        return self.period is not None and self.period == month_of(self.period[0])

    def _today(self) -> date:
        return to_paris(self._context.clock()).date()

    def _counted(self, asked: int, stats: object) -> None:
        if asked != self._asked or not isinstance(stats, Stats):
            return  # another period was asked meanwhile (or the counter locked)
        self.stats = stats
        self.retranslate()

    def _failed(self, asked: int, _error: Exception) -> None:
        if asked != self._asked:
            return
        self.stats = None
        self.retranslate()
        self.error.setText(self.tr("The figures could not be counted. Try again."))
        self.error.show()

    # --- words ------------------------------------------------------------------------

    def _period_text(self) -> str:
        if self.period is None:
            return ""
        locale = self._context.language.locale
        start, end = (QDate(d.year, d.month, d.day) for d in self.period)
        if self.is_month:
            shown = locale.toString(start, "MMMM yyyy")
            return shown[:1].upper() + shown[1:]
        return self.tr("{first} to {last}").format(
            first=locale.toString(start, "d MMMM"), last=locale.toString(end, "d MMMM yyyy")
        )

    def _figures(self) -> dict[str, str]:
        stats = self.stats
        if stats is None:
            return dict.fromkeys(TILES, "…")
        locale = self._context.language.locale
        rating = (
            self.tr("{stars} / 5").format(stars=locale.toString(stats.average_rating, "f", 1))
            if stats.average_rating is not None
            else "–"
        )
        counts = {
            "orders": stats.orders,
            "services_done": stats.services_done,
            "kiosk_visits": stats.kiosk_visits,
            "lulus_onboarded": stats.lulus_onboarded,
            "lulus_in_progress": stats.lulus_in_progress,
            "lulu_candidates": stats.lulu_candidates,
        }
        shown = {name: locale.toString(count) for name, count in counts.items()}
        shown["revenue"] = money(stats.revenue_cents, locale)
        shown["average_rating"] = rating
        return shown

    def _captions(self) -> dict[str, str]:
        ratings = self.stats.ratings if self.stats is not None else 0
        if ratings == 0:
            rated = self.tr("Average rating (no rating yet)")
        elif ratings == 1:
            rated = self.tr("Average rating (1 rating)")
        else:
            rated = self.tr("Average rating ({count} ratings)").format(
                count=self._context.language.locale.toString(ratings)
            )
        return {
            "orders": self.tr("Orders recorded"),
            "services_done": self.tr("Services done"),
            "revenue": self.tr("Received, net of refunds"),
            "average_rating": rated,
            "kiosk_visits": self.tr("Kiosk visits"),
            "lulus_onboarded": self.tr("Lulus onboarded"),
            "lulus_in_progress": self.tr("Lulus with their file in progress"),
            "lulu_candidates": self.tr("Candidates to become a Lulu"),
        }

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("The month at a glance"))
        self.period_shown.setText(self._period_text())
        month = self.period is None or self.is_month
        self.previous.set_accessible(
            self.tr("Previous month") if month else self.tr("Previous period")
        )
        self.next.set_accessible(self.tr("Next month") if month else self.tr("Next period"))
        self.this_month.setText(self.tr("This month"))
        self.last_month.setText(self.tr("Last month"))
        self.last_days.setText(self.tr("Past 30 days"))
        figures, captions = self._figures(), self._captions()
        for name, tile in self.tiles.items():
            tile.value.setText(figures[name])
            tile.caption.setText(captions[name])
            tile.setAccessibleName(f"{captions[name]}: {figures[name]}")
        self._periods.refit()
        self._tile_grid.refit()
        self.lulus_note.setText(self.tr("Lulus: their files as they stand today."))
        self.chart_title.setText(self.tr("Orders per day (weekends shaded)"))
        self._show_chart_and_top()

    def _show_chart_and_top(self) -> None:
        stats = self.stats
        per_day = (
            [(date.fromisoformat(day), n) for day, n in stats.orders_per_day.items()]
            if stats is not None
            else []
        )
        self.chart.set_days(per_day, title=self.tr("Orders per day"))
        self.empty.setText(
            self.tr("No order in this period.") if stats is not None and not stats.orders else ""
        )
        self.empty.setVisible(bool(self.empty.text()))
        self.top_title.setText(self.tr("Most ordered services"))
        english = self._context.language.code == "en"
        top = stats.top_services if stats is not None else []
        locale = self._context.language.locale
        for index, line in enumerate(self.top_lines):
            if index < len(top):
                service = top[index]
                name = service.name_en if english else service.name_fr
                line.setText(
                    self.tr("{rank}. {service}: {count}").format(
                        rank=index + 1, service=name, count=locale.toString(service.orders)
                    )
                )
            else:
                line.setText("")
            line.setVisible(index < len(top))
        self.top.setVisible(bool(top))
