"""The chart of orders per day, rendered to an image: a bar where each day has orders,
as tall as its share of the highest day, weekends shaded, and the same figures in words
for a screen reader."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from itertools import combinations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QLocale, QPoint, QPointF
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from ui.theme import PALETTE
from ui.widgets.bar_chart import DayBarChart

MONDAY = date(2026, 11, 2)
BAR = QColor(PALETTE["primary"])
WEEKEND = QColor(PALETTE["secondary"])
EMPTY = QColor(PALETTE["surface"])


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Ireland))
    yield
    QLocale.setDefault(QLocale.c())


def week(counts: list[int]) -> list[tuple[date, int]]:
    return [(MONDAY + timedelta(days=i), n) for i, n in enumerate(counts)]


def render(chart: DayBarChart) -> QImage:
    image = QImage(chart.size(), QImage.Format.Format_ARGB32)
    chart.render(image)
    return image


def colour(image: QImage, point: QPointF) -> QColor:
    return image.pixelColor(QPoint(round(point.x()), round(point.y())))


def test_a_bar_stands_where_the_data_says(english: None) -> None:
    chart = DayBarChart()
    chart.resize(700, 300)
    counts = [4, 0, 2, 8, 1, 6, 0]  # Monday to Sunday
    chart.set_days(week(counts), title="Orders per day")
    image = render(chart)

    for index, count in enumerate(counts):
        slot = chart.slot_rect(index)
        # Just above the axis: the day's bar, or its empty (or shaded) column.
        foot = QPointF(slot.center().x(), slot.bottom() - 2)
        weekend = index >= 5
        background = WEEKEND if weekend else EMPTY
        assert colour(image, foot) == (BAR if count else background), index
        # Near the top of the column: only the highest day's bar reaches it.
        head = QPointF(slot.center().x(), slot.top() + 2)
        assert colour(image, head) == (BAR if count == max(counts) else background), index
    # Heights are shares of the highest day: 4 is half of 8.
    assert chart.bar_rect(0).height() == pytest.approx(chart.bar_rect(3).height() / 2, abs=1)
    assert chart.bar_rect(1).height() == 0


def test_the_description_gives_the_figures_in_words(english: None) -> None:
    chart = DayBarChart()
    chart.set_days(week([4, 0, 2, 8, 1, 6, 0]), title="Orders per day")

    assert chart.accessibleName() == "Orders per day"
    description = chart.accessibleDescription()
    assert description.startswith("Orders per day. From 2 November to 8 November 2026.")
    assert "Highest: 8 on Thursday 5 November." in description
    assert "2 November: 4; 3 November: 0; 4 November: 2; 5 November: 8" in description
    assert description.endswith("8 November: 0.")


def test_a_period_without_orders_draws_no_bar(english: None) -> None:
    chart = DayBarChart()
    chart.resize(700, 300)
    chart.set_days(week([0] * 7), title="Orders per day")
    image = render(chart)

    plot = chart.plot_rect()
    for index in range(7):
        slot = chart.slot_rect(index)
        assert colour(image, QPointF(slot.center().x(), slot.bottom() - 2)) != BAR
    assert plot.height() > 100
    assert chart.accessibleDescription().endswith("None on any day.")


def test_thirty_one_narrow_days_label_every_second_day(english: None) -> None:
    chart = DayBarChart()
    chart.resize(400, 260)
    chart.set_days([(date(2026, 12, 1) + timedelta(days=i), i) for i in range(31)], title="Orders")
    assert chart.label_step() >= 2
    chart.resize(1600, 260)
    assert chart.label_step() == 1


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    counts=st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=62),
    title=st.text(max_size=5000),
)
def test_any_counts_and_any_title_paint_in_proportion(
    english: None, counts: list[int], title: str
) -> None:
    chart = DayBarChart()
    chart.resize(640, 260)
    days = [(date(2026, 1, 1) + timedelta(days=i), n) for i, n in enumerate(counts)]
    chart.set_days(days, title=title)
    render(chart)  # paints without error

    heights = [chart.bar_rect(i).height() for i in range(len(counts))]
    for i, j in combinations(range(len(counts)), 2):
        if counts[i] < counts[j]:
            assert heights[i] <= heights[j]
        elif counts[i] == counts[j]:
            assert heights[i] == heights[j]
    assert max(heights) == (chart.plot_rect().height() if max(counts) else 0)
    assert chart.accessibleName() == title
    assert chart.accessibleDescription().startswith(f"{title}. From ")
