"""The attendant's order queue over a store of 100,000 orders, with the real QueuePage
offscreen (the kiosk's theme, French).

Figures:
- queue_open_ms: the queue opened (today's orders, as the counter opens it), from the
  call to the first rows painted; the slowest of the opens (p95).
- queue_filter_p50_ms, queue_filter_p95_ms: one tap on a filter (a status on and off,
  the previous, next, every day and today, each channel), from the click to the list
  repainted with its counts.
- queue_scroll_max_stall_ms: the event loop's longest gap while the whole queue (every
  day, every channel) is scrolled to its oldest order by wheel steps of a screenful
  each, one step a turn of the loop, as a flick goes; a 1 ms timer notes every gap, as
  the flows' probe does (benchmarks/ui_child.py).
- queue_scroll_max_busy_ms: the most CPU time the GUI thread spent between two ticks
  of that timer (a stall much longer than it is the machine's other load).
- queue_scroll_gc_max_ms: the longest pass of Python's garbage collector meanwhile (a
  full pass over the process's long-lived objects, when one falls in the scroll).
- queue_core_p95_ms: the core's reads behind each filter tap (a page and the counts);
  queue_sql_baseline_ms: the same SQL with raw sqlite3 (p95), beside it.
"""

from __future__ import annotations

import gc
import os
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

from .measure import note, percentile_ms, scaled
from .store_data import SimulatedClock
from .store_open import build_large_store

TARGETS = {
    "queue_open_ms": 50.0,
    "queue_filter_p95_ms": 50.0,
    "queue_scroll_max_stall_ms": 16.0,
}
FULL_ORDERS = 100_000
SIZE = (1600, 1000)  # the counter's page beside its menu, in a 1920×1080 window


def measure_queue(scale: float) -> dict[str, Any]:
    orders = scaled(FULL_ORDERS, scale, minimum=300)
    with tempfile.TemporaryDirectory(prefix="comptoir-bench-queue-") as tmp:
        data_dir = Path(tmp) / "kiosk"
        note(f"building a store of {orders:,} orders")
        build_large_store(data_dir, orders=orders)
        figures = _measure(data_dir, rounds=scaled(6, scale, minimum=1))
    figures["queue_orders"] = orders
    return figures


def _measure(data_dir: Path, *, rounds: int) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk_app.comptoir import Comptoir
    from ui import theme
    from ui.app import application, freeze_long_lived
    from ui.attendant.queue import QueuePage
    from ui.context import KioskContext
    from ui.i18n import Language
    from ui.tasks import Tasks

    app = application()
    theme.apply(app)
    language = Language(parent=app)
    language.set("fr")
    clock = SimulatedClock()  # the store's newest order was placed just before it
    comptoir = Comptoir.open(data_dir, clock=clock)
    tasks = Tasks(parent=app)
    page = QueuePage(KioskContext(comptoir, language, tasks))
    page.resize(*SIZE)
    page.show()
    app.processEvents()
    freeze_long_lived()  # as the kiosk does once its window has its store
    try:
        figures = _open_and_filter(page, app, rounds)
        note("the same reads in the core, and in raw sqlite3")
        figures.update(_reads(page, comptoir, data_dir, rounds))
        note("scrolling the whole queue to its oldest order")
        figures.update(_scroll(page, app))
    finally:
        page.stop()
        page.close()
        page.deleteLater()
        app.processEvents()
        comptoir.close()
    return figures


def _painted(page: Any, app: Any) -> None:
    """Until the list's first rows are laid out, then painted."""
    app.processEvents()
    model, view = page.model, page.view
    while model.rowCount() and not view.visualRect(model.index(0, 0)).isValid():
        app.processEvents()
    view.viewport().repaint()
    for button in page.status_buttons.values():
        button.repaint()


def _filter_taps(page: Any) -> Iterator[Any]:
    """The taps of one round, each a button to click: every status on and off, the
    days, every channel, on the whole store as on today."""
    yield page.all_days
    for day_button in (None, page.previous_day, page.next_day):
        if day_button is not None:
            yield day_button
        for button in page.status_buttons.values():
            yield button  # on
            yield button  # off again
        for channel, button in page.channel_buttons.items():
            if channel is not None:
                yield button
        yield page.channel_buttons[None]
        yield page.all_days
    yield page.today


def _open_and_filter(page: Any, app: Any, rounds: int) -> dict[str, Any]:
    opens: list[int] = []
    for _ in range(max(5, rounds * 3)):
        page.stop()
        app.processEvents()
        started = time.perf_counter_ns()
        page.start()
        _painted(page, app)
        opens.append(time.perf_counter_ns() - started)
    taps: list[int] = []
    for _ in range(rounds):
        for button in _filter_taps(page):
            started = time.perf_counter_ns()
            button.click()
            _painted(page, app)
            taps.append(time.perf_counter_ns() - started)
    return {
        "queue_open_ms": percentile_ms(opens, 95),
        "queue_open_p50_ms": percentile_ms(opens, 50),
        "queue_filter_p50_ms": percentile_ms(taps, 50),
        "queue_filter_p95_ms": percentile_ms(taps, 95),
        "queue_filter_taps": len(taps),
    }


def _filters_of_a_round(page: Any) -> list[Any]:
    """The filters the taps of a round go through, as the page holds them."""
    seen = []
    for button in _filter_taps(page):
        button.click()
        seen.append(page.queue_filter)
    page.today.click()
    return seen


def _reads(page: Any, comptoir: Any, data_dir: Path, rounds: int) -> dict[str, Any]:
    from sqlalchemy.dialects import sqlite

    from kiosk_app.services.order_queue import counts_query, page_query
    from kiosk_app.store.database import STORE_FILENAME

    filters = _filters_of_a_round(page) * rounds
    core: list[int] = []
    for queue_filter in filters:
        started = time.perf_counter_ns()
        comptoir.order_queue.page(queue_filter)
        comptoir.order_queue.counts(day=queue_filter.day, channel=queue_filter.channel)
        core.append(time.perf_counter_ns() - started)

    def sql(query: Any) -> str:
        dialect = sqlite.dialect()
        return str(query.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))

    raw: list[int] = []
    with closing(sqlite3.connect(data_dir / STORE_FILENAME)) as connection:
        for queue_filter in filters:
            statements = (
                sql(page_query(queue_filter)),
                sql(counts_query(queue_filter.day, queue_filter.channel)),
            )
            started = time.perf_counter_ns()
            for statement in statements:
                connection.execute(statement).fetchall()
            raw.append(time.perf_counter_ns() - started)
    return {
        "queue_core_p95_ms": percentile_ms(core, 95),
        "queue_sql_baseline_ms": percentile_ms(raw, 95),
    }


class StallProbe:
    """A 1 ms timer that notes the longest gap between two of its ticks: how long the
    event loop was kept from turning. Beside it, the most CPU time the GUI thread spent
    between two ticks: on a machine shared with busier processes, a gap much longer
    than that was the system's scheduling, not this process's work."""

    def __init__(self) -> None:
        from PySide6.QtCore import QElapsedTimer, QTimer

        self._clock = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._tick)
        self.longest_ns = 0
        self.busiest_ns = 0
        self._last = 0
        self._last_cpu = 0

    def _tick(self) -> None:
        now, cpu = self._clock.nsecsElapsed(), time.thread_time_ns()
        self.longest_ns = max(self.longest_ns, now - self._last)
        self.busiest_ns = max(self.busiest_ns, cpu - self._last_cpu)
        self._last, self._last_cpu = now, cpu

    def start(self) -> None:
        self._clock.start()
        self._last, self._last_cpu = self._clock.nsecsElapsed(), time.thread_time_ns()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()


class CollectorPauses:
    """The longest pass of Python's garbage collector while in the `with` block."""

    def __init__(self) -> None:
        self.longest_ns = 0
        self._began = 0

    def _note(self, phase: str, _info: dict[str, int]) -> None:
        now = time.perf_counter_ns()
        if phase == "start":
            self._began = now
        else:
            self.longest_ns = max(self.longest_ns, now - self._began)

    def __enter__(self) -> None:
        gc.callbacks.append(self._note)

    def __exit__(self, *_exc: object) -> None:
        gc.callbacks.remove(self._note)


def _scroll(page: Any, app: Any) -> dict[str, Any]:
    from PySide6.QtCore import QEventLoop, QPoint, QPointF, Qt, QTimer
    from PySide6.QtGui import QWheelEvent

    page.all_days.click()
    page.channel_buttons[None].click()
    _painted(page, app)
    view, model = page.view, page.model
    viewport, bar = view.viewport(), view.verticalScrollBar()
    centre = QPointF(viewport.width() / 2, viewport.height() / 2)
    # One notch scrolls three rows (QApplication.wheelScrollLines); a step of a
    # screenful is as far as a strong flick goes between two frames.
    notches = max(1, viewport.height() // (3 * page.view.verticalHeader().defaultSectionSize()))
    steps = [0]
    loop = QEventLoop()
    # One step a turn of the event loop, from one timer (a singleShot with a new lambda
    # each step would leave PySide's wrappers behind for the garbage collector).
    stepper = QTimer()
    stepper.setInterval(0)

    def step() -> None:
        if bar.value() >= bar.maximum() and not model.canFetchMore():
            stepper.stop()
            loop.quit()
            return
        steps[0] += 1
        wheel = QWheelEvent(
            centre,
            QPointF(viewport.mapToGlobal(centre.toPoint())),
            QPoint(0, 0),
            QPoint(0, -120 * notches),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        app.sendEvent(viewport, wheel)

    stepper.timeout.connect(step)
    probe = StallProbe()
    collections = CollectorPauses()
    started = time.perf_counter()
    probe.start()
    with collections:
        stepper.start()
        loop.exec()
    probe.stop()
    elapsed = time.perf_counter() - started
    last = model.order_at(model.rowCount() - 1)
    return {
        "queue_scroll_max_stall_ms": round(probe.longest_ns / 1e6, 2),
        "queue_scroll_max_busy_ms": round(probe.busiest_ns / 1e6, 2),
        # Python's garbage collector's longest pass meanwhile: part of a stall, if any.
        "queue_scroll_gc_max_ms": round(collections.longest_ns / 1e6, 2),
        "queue_scroll_rows": model.rowCount(),
        "queue_scroll_steps": steps[0],
        "queue_scroll_seconds": round(elapsed, 2),
        "queue_scroll_reached_oldest": last.number == "01-0001",
    }
