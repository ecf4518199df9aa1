"""Every tap counted once (DESIGN.md, "Language, look and touch").

Two rules, kept here rather than on each screen:
- a button that starts a write is held disabled from the tap until the write returns
  (`Tasks.run` holds the button being tapped while it runs, see `tapping`);
- a second tap on the same button within `GUARD_MS`, or a tap within `GUARD_MS` of a
  screen (or an order step) appearing, is ignored: an impatient double tap must not
  land on the next screen's button.

Time is Qt's monotonic clock, never the wall date (which a person or NTP may move);
tests give the guard a clock they move by hand."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Protocol

from PySide6.QtCore import QElapsedTimer

GUARD_MS = 400

MonotonicMs = Callable[[], int]


class Holdable(Protocol):
    def hold(self) -> None: ...

    def release(self) -> None: ...


def _qt_monotonic() -> MonotonicMs:
    timer = QElapsedTimer()
    timer.start()
    return timer.elapsed


class TapGuard:
    def __init__(self) -> None:
        self._now: MonotonicMs = _qt_monotonic()
        self._screen_shown: int | None = None
        self._tapping: Holdable | None = None

    def use_clock(self, now_ms: MonotonicMs | None) -> None:
        """Tests move time by hand; None gives the real monotonic clock back."""
        self._now = now_ms if now_ms is not None else _qt_monotonic()
        self._screen_shown = None

    def now(self) -> int:
        return self._now()

    def screen_shown(self) -> None:
        self._screen_shown = self._now()

    def too_soon(self, last_tap: int | None) -> bool:
        """Whether a tap now comes within GUARD_MS of `last_tap` (the same button's
        previous tap) or of the last screen change."""
        now = self._now()
        return any(
            moment is not None and 0 <= now - moment < GUARD_MS
            for moment in (last_tap, self._screen_shown)
        )

    @contextmanager
    def tap_of(self, button: Holdable) -> Iterator[None]:
        """While `button`'s click is being handled: the write it starts holds it."""
        outer, self._tapping = self._tapping, button
        try:
            yield
        finally:
            self._tapping = outer

    @property
    def tapping(self) -> Holdable | None:
        return self._tapping


TAPS = TapGuard()
