"""A chart of one count per day, drawn with QPainter (QtCharts lives in PySide6-Addons,
hundreds of MB the kiosk does not ship): a bar per day, weekends shaded, the days'
numbers under the bars, the highest value written above its bar. A screen reader gets
the same figures in words through the accessible description."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..theme import PALETTE

TEXT_PX = 18  # the smallest text the kiosk shows
SATURDAY = 5


class DayBarChart(QWidget):
    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._days: list[date] = []
        self._values: list[int] = []
        self._title = ""
        self.setMinimumSize(QSize(320, 220))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    @property
    def days(self) -> list[date]:
        return list(self._days)

    @property
    def values(self) -> list[int]:
        return list(self._values)

    def set_days(self, counts: Sequence[tuple[date, int]], *, title: str) -> None:
        """One bar per (day, count), in the order given; `title` names the chart
        ("Orders per day") for screen readers."""
        self._days = [day for day, _ in counts]
        self._values = [max(0, count) for _, count in counts]
        self._title = title
        self.setAccessibleName(title)
        self.setAccessibleDescription(self.describe())
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(800, 280)

    # --- words ------------------------------------------------------------------------

    def describe(self) -> str:
        """The chart in words, in the current language: the period, the highest day,
        then every day's figure."""
        if not self._days:
            return self.tr("No day to show.")
        locale = QLocale()

        def day_name(day: date, pattern: str = "dddd d MMMM") -> str:
            return locale.toString(QDate(day.year, day.month, day.day), pattern)

        period = self.tr("From {first} to {last}.").format(
            first=day_name(self._days[0], "d MMMM"), last=day_name(self._days[-1], "d MMMM yyyy")
        )
        highest = max(self._values)
        if highest == 0:
            none = self.tr("None on any day.")
            return f"{self._title}. {period} {none}"
        top_day = self._days[self._values.index(highest)]
        peak = self.tr("Highest: {count} on {day}.").format(
            count=locale.toString(highest), day=day_name(top_day)
        )
        one_day = self.tr("{day}: {count}")  # French puts a space before the colon
        each = "; ".join(
            one_day.format(day=day_name(day, "d MMMM"), count=locale.toString(value))
            for day, value in zip(self._days, self._values, strict=True)
        )
        return f"{self._title}. {period} {peak} {each}."

    # --- geometry (also what the tests check the pixels against) ----------------------

    def _font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(TEXT_PX)
        return font

    def plot_rect(self) -> QRectF:
        """Where the bars stand: room above for the highest value, below for the days."""
        line = QFontMetrics(self._font()).height()
        return QRectF(8, line + 8, max(1, self.width() - 16), max(1, self.height() - 2 * line - 20))

    def slot_rect(self, index: int) -> QRectF:
        """The day's column, full height (shaded on weekends)."""
        plot = self.plot_rect()
        width = plot.width() / max(1, len(self._days))
        return QRectF(plot.left() + index * width, plot.top(), width, plot.height())

    def bar_rect(self, index: int) -> QRectF:
        """The day's bar: its height is its share of the highest value."""
        slot = self.slot_rect(index)
        highest = max(self._values, default=0)
        if highest == 0 or self._values[index] == 0:
            return QRectF(slot.center().x(), slot.bottom(), 0, 0)
        height = slot.height() * self._values[index] / highest
        width = slot.width() * 0.7
        return QRectF(slot.center().x() - width / 2, slot.bottom() - height, width, height)

    def label_step(self) -> int:
        """Every day's number when they fit side by side, else every second (third…)."""
        if not self._days:
            return 1
        widest = QFontMetrics(self._font()).horizontalAdvance("30") + 6
        return max(1, math.ceil(widest / max(1.0, self.slot_rect(0).width())))

    # --- painting ---------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setFont(self._font())
        painter.fillRect(self.rect(), QColor(PALETTE["surface"]))
        plot = self.plot_rect()
        weekend = QColor(PALETTE["secondary"])
        bar = QColor(PALETTE["primary"])
        text = QColor(PALETTE["text"])
        line = QFontMetrics(self._font()).height()
        step = self.label_step()
        for index, day in enumerate(self._days):
            slot = self.slot_rect(index)
            if day.weekday() >= SATURDAY:
                painter.fillRect(slot, weekend)
            painter.fillRect(self.bar_rect(index), bar)
            if index % step == 0:
                painter.setPen(text)
                below = QRectF(
                    slot.left() - slot.width(), plot.bottom() + 6, 3 * slot.width(), line
                )
                painter.drawText(below, Qt.AlignmentFlag.AlignCenter, str(day.day))
        painter.setPen(QColor(PALETTE["muted"]))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        highest = max(self._values, default=0)
        if highest:
            index = self._values.index(highest)
            top = self.bar_rect(index)
            painter.setPen(text)
            above = QRectF(top.center().x() - 60, top.top() - line - 4, 120, line)
            painter.drawText(above, Qt.AlignmentFlag.AlignCenter, QLocale().toString(highest))
        painter.end()
