"""Choosing when: a day among the next 14, then a time window that day. Windows that
have started are disabled, so a resident can never pick a time in the past."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, QEvent, QLocale, Signal
from PySide6.QtWidgets import QButtonGroup, QLabel, QVBoxLayout, QWidget

from kiosk_app.clock import PARIS

from ..format import clock
from .buttons import TouchButton
from .reflow import ReflowGrid

DAYS_AHEAD = 14
# Paris time windows a Lulu can come in (start hour, end hour).
WINDOWS: tuple[tuple[int, int], ...] = ((9, 11), (11, 13), (14, 16), (16, 18))


def window_bounds(day: date, window: tuple[int, int]) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(window[0]), PARIS)
    end = datetime.combine(day, time(window[1]), PARIS)
    return start, end


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class SlotPicker(QWidget):
    changed = Signal()

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # No day is offered until the screen gives its clock's time (set_now): the
        # picker never reads the machine's clock itself.
        self._now = datetime.min.replace(tzinfo=PARIS)
        self._days: list[date] = []
        self.day_title = QLabel(self)
        self.window_title = QLabel(self)
        # Why time windows are grey: no day chosen yet, or begun already.
        self.window_hint = QLabel(self)
        self.window_hint.setProperty("role", "small")
        self.window_hint.setWordWrap(True)
        self.day_buttons: list[TouchButton] = []
        self.window_buttons: list[TouchButton] = []
        self._day_group = QButtonGroup(self)
        self._window_group = QButtonGroup(self)
        # A week a row where the width holds it, fewer days a row in larger text or on a
        # narrow screen: a day's words are never cut.
        days = ReflowGrid(most_columns=7, parent=self)
        for index in range(DAYS_AHEAD):
            button = TouchButton(parent=days)
            button.setCheckable(True)
            self._day_group.addButton(button, index)
            self.day_buttons.append(button)
        days.set_buttons(self.day_buttons)
        windows = ReflowGrid(most_columns=len(WINDOWS), parent=self)
        for index in range(len(WINDOWS)):
            button = TouchButton(parent=windows)
            button.setCheckable(True)
            self._window_group.addButton(button, index)
            self.window_buttons.append(button)
        windows.set_buttons(self.window_buttons)
        self._grids = (days, windows)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.day_title)
        layout.addWidget(days)
        layout.addSpacing(12)
        layout.addWidget(self.window_title)
        layout.addWidget(windows)
        layout.addWidget(self.window_hint)
        self._day_group.idClicked.connect(self._day_chosen)
        self._window_group.idClicked.connect(lambda _id: self.changed.emit())
        self.retranslate()

    def set_now(self, now: datetime) -> None:
        """Lay out the days from `now` (the day itself is offered while a window is left)."""
        self._now = now.astimezone(PARIS)
        today = self._now.date()
        candidates = [today + timedelta(days=i) for i in range(DAYS_AHEAD + 1)]
        self._days = [day for day in candidates if self._open_windows(day)][:DAYS_AHEAD]
        self.clear()

    def clear(self) -> None:
        for group in (self._day_group, self._window_group):
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)
        self._label_days()
        self._enable_windows(None)
        self.changed.emit()

    def slot(self) -> tuple[datetime, datetime] | None:
        day_index, window_index = self._day_group.checkedId(), self._window_group.checkedId()
        if day_index < 0 or window_index < 0:
            return None
        return window_bounds(self._days[day_index], WINDOWS[window_index])

    @property
    def day_chosen(self) -> bool:
        return self._day_group.checkedId() >= 0

    def _say_why_grey(self) -> None:
        if not self.day_chosen:
            self.window_hint.setText(self.tr("Choose a day first: its times then light up."))
        elif not all(button.isEnabled() for button in self.window_buttons):
            self.window_hint.setText(self.tr("The grey times have already begun."))
        else:
            self.window_hint.clear()

    def _open_windows(self, day: date) -> list[int]:
        limit = self._now + timedelta(days=DAYS_AHEAD)
        return [
            i
            for i, window in enumerate(WINDOWS)
            if self._now < window_bounds(day, window)[0] <= limit
        ]

    def _day_chosen(self, index: int) -> None:
        self._enable_windows(self._days[index])
        self.changed.emit()

    def _enable_windows(self, day: date | None) -> None:
        open_windows = self._open_windows(day) if day else []
        checked = self._window_group.checkedId()
        for index, button in enumerate(self.window_buttons):
            button.setEnabled(index in open_windows)
        if checked >= 0 and checked not in open_windows:
            self._window_group.setExclusive(False)
            self.window_buttons[checked].setChecked(False)
            self._window_group.setExclusive(True)
        self._say_why_grey()

    def _label_days(self) -> None:
        locale = QLocale()
        today = self._now.date()
        for index, button in enumerate(self.day_buttons):
            if index >= len(self._days):
                button.hide()
                continue
            day = self._days[index]
            if day == today:
                name = self.tr("Today")
            elif day == today + timedelta(days=1):
                name = self.tr("Tomorrow")
            else:
                name = locale.toString(_qdate(day), "ddd")
            button.setText(f"{name}\n{locale.toString(_qdate(day), 'd MMM')}")
            button.set_accessible(locale.toString(_qdate(day), "dddd d MMMM"))
            button.show()
        for grid in self._grids:
            grid.set_buttons(grid.buttons)  # new words, new widths

    def retranslate(self) -> None:
        self.day_title.setText(self.tr("Which day?"))
        self.window_title.setText(self.tr("At what time?"))
        locale = QLocale()
        for button, (start, end) in zip(self.window_buttons, WINDOWS, strict=True):
            button.setText(
                self.tr("{start} to {end}").format(
                    start=clock(start, 0, locale), end=clock(end, 0, locale)
                )
            )
        self._label_days()
        self._say_why_grey()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
