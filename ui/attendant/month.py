"""The month at a glance: for a chosen period (a calendar month, or the last 30 days),
the pilot's figures (orders, services done, Lulus onboarded and in progress, kiosk
visits), the revenue, the average rating, the most ordered services and a chart of
orders per day. The figures are counted on the worker (ui/tasks.py): a busy month is
thousands of rows, more than a frame of the GUI thread."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QRect, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QVBoxLayout, QWidget

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
HEADING_SPACING_PX = 12
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


def _balanced_width(metrics: QFontMetrics, text: str, room: int) -> int:
    """The narrowest width at which `text` takes no more lines than at `room`."""

    def lines_at(width: int) -> int:
        flags = Qt.TextFlag.TextWordWrap
        height = metrics.boundingRect(QRect(0, 0, width, 1 << 16), flags, text).height()
        return round(height / metrics.lineSpacing())

    most = lines_at(room)
    low, high = 1, room
    while low < high:
        middle = (low + high) // 2
        if lines_at(middle) <= most:
            high = middle
        else:
            low = middle + 1
    return min(high + 2, room)  # + rounding, as for one line


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

        # The period is the page's heading, between large ◀ ▶ that move it; the
        # buttons that choose another kind of period sit under it.
        self.period_shown = label("title", parent=self)
        self.period_shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.previous = TouchButton("◀", role="arrow", parent=self)
        self.previous.clicked.connect(lambda: self._move(-1))
        self.next = TouchButton("▶", role="arrow", parent=self)
        self.next.clicked.connect(lambda: self._move(1))
        heading = QHBoxLayout()
        heading.setSpacing(HEADING_SPACING_PX)
        heading.addWidget(self.previous)
        heading.addWidget(self.period_shown)
        heading.addWidget(self.next)
        heading.addStretch(1)
        self.this_month = TouchButton(parent=self)
        self.this_month.clicked.connect(lambda: self.show_month(self._today()))
        self.last_month = TouchButton(parent=self)
        self.last_month.clicked.connect(lambda: self.show_month(months_after(self._today(), -1)))
        self.last_days = TouchButton(parent=self)
        self.last_days.clicked.connect(self.show_last_days)
        # The three periods in a row, or under each other on a narrow page: their
        # words stay whole.
        periods = ReflowGrid(most_columns=3, parent=self)
        periods.set_buttons([self.this_month, self.last_month, self.last_days])
        self._periods = periods

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
        # on the counter's 1280×800 screen
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
        # (under the chart on a portrait screen, where the chart gets the whole width).
        self._below = below = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        below.addLayout(chart, 3)
        below.addWidget(self.top, 2)
        self.error = label("error", parent=self)
        self.error.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(heading)
        layout.addWidget(periods)
        layout.addWidget(self.error)
        layout.addWidget(self._tile_grid)
        layout.addWidget(self.lulus_note)
        # The chart takes the height the screen has to spare.
        layout.addLayout(below, 1)
        self.retranslate()

    # --- the heading ------------------------------------------------------------------

    def _fit_heading(self) -> None:
        """The period's name as wide as the longest it takes while ◀ ▶ move it (every
        month of its year; a span of days as written), so that ▶ stays under the finger
        from one tap to the next; narrower, on two lines, if the page has not the room."""
        text = self.period_shown.text()
        candidates = [text]
        if self.period is not None and self.is_month:
            year = self.period[0].year
            candidates = [self._month_text(date(year, month, 1)) for month in range(1, 13)]
        metrics = self.period_shown.fontMetrics()
        want = max(metrics.horizontalAdvance(line) for line in candidates) + 2  # rounding
        arrows = self.previous.sizeHint().width() + self.next.sizeHint().width()
        room = max(self.width() - arrows - 2 * HEADING_SPACING_PX, 1)
        if want > room:  # two lines of even length, not one and an orphan year
            want = _balanced_width(metrics, text, room)
        self.period_shown.setFixedWidth(min(want, room))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_heading()
        window = self.window()  # the page scrolls: its own height says nothing
        portrait = window.height() > window.width()
        self._below.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self._below.setStretch(1, 0 if portrait else 2)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)  # a Screen: a language change retranslates
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange) and hasattr(
            self, "_periods"
        ):  # without it, restyled while being built: fitted at the end of __init__
            self._fit_heading()

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
            return self._month_text(self.period[0])
        return self.tr("{first} to {last}").format(
            first=locale.toString(start, "d MMMM"), last=locale.toString(end, "d MMMM yyyy")
        )

    def _month_text(self, day: date) -> str:
        shown = self._context.language.locale.toString(
            QDate(day.year, day.month, day.day), "MMMM yyyy"
        )
        return shown[:1].upper() + shown[1:]

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
        self._fit_heading()
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
