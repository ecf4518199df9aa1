"""Run in a fresh process by the ui suite, offscreen; prints one JSON line. Moments are
wall-clock (time.time()) so the parent can count from before it started the process.

python -m benchmarks.ui_child start DATA_DIR     the kiosk, until its welcome screen
                                                 is painted
python -m benchmarks.ui_child bare               a bare PySide6 window, until painted
python -m benchmarks.ui_child flows DATA_DIR N   N complete order flows: the event
                                                 loop's largest stall, then the RSS
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.demo_month import DEMO_MORNING


def _print(figures: dict[str, float]) -> None:
    print(json.dumps(figures), flush=True)


def _exit_after_first_paint(widget: object, app: object) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    assert isinstance(widget, QWidget) and isinstance(app, QApplication)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                widget.removeEventFilter(self)
                # Once this paint is done: the screen shows the welcome screen.
                QTimer.singleShot(0, lambda: (_print({"painted_at": time.time()}), app.quit()))
            return False

    watcher = FirstPaint(widget)
    widget.installEventFilter(watcher)


def start(data_dir: Path, *, via_command: bool = False) -> None:
    """What `kiosk --windowed` does after its command line (ui.app.run): the times, from
    process start, of the welcome screen painted and of the core attached. With
    `via_command`, the `kiosk` command's module is imported first, as `kiosk` does."""
    if via_command:
        import kiosk_app.__main__  # noqa: F401  (its imports are part of `kiosk`'s start)
    from PySide6.QtWidgets import QApplication

    from ui.app import run

    times: dict[str, float] = {}

    def open_store() -> object:
        from kiosk_app.comptoir import Comptoir

        return Comptoir.open(data_dir)

    def painted() -> None:
        times["painted_at"] = time.time()

    def ready() -> None:
        times["ready_at"] = time.time()
        _print(times)
        QApplication.exit(0)  # quit() would ask the kiosk's window, which refuses to close

    run(open_store, windowed=True, painted=painted, ready=ready)  # type: ignore[arg-type]


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv[:1])
    window = QLabel("Comptoir")
    _exit_after_first_paint(window, app)
    window.resize(1920, 1080)
    window.show()
    app.exec()


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def flows(data_dir: Path, count: int) -> None:
    """Each flow is the screen tour's ordering part, one step per turn of the event loop
    (as taps come), while a 1 ms timer notes the longest gap between two of its turns."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from kiosk_app.comptoir import Comptoir
    from ui.app import application, build_window
    from ui.tour import ORDER_FLOW, TourData, tour

    app = application()
    # The store, the window and the print queue on one clock, fixed on the morning of
    # the demo month's last day: the flows order on the same slots whatever the date.
    comptoir = Comptoir.open(data_dir, clock=lambda: DEMO_MORNING)
    window = build_window(comptoir, app=app)
    window.resize(1920, 1080)
    window.show()
    app.processEvents()
    clock = QElapsedTimer()
    clock.start()
    stalls: list[int] = []
    last = [clock.nsecsElapsed()]

    def tick() -> None:
        now = clock.nsecsElapsed()
        stalls.append(now - last[0])
        last[0] = now

    ticker = QTimer()
    ticker.setInterval(1)
    ticker.timeout.connect(tick)

    def wait_in_loop() -> None:
        # The order is written on the worker: the event loop (and the ticker) keep
        # running meanwhile, as they do for a resident.
        while window.tasks.busy:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)

    data = TourData("", "")  # the order flow follows and rates nothing
    flows_left = [count]
    steps: list[Iterator[str]] = [iter(())]

    slowest: dict[str, float] = {}

    def next_step() -> None:
        began = time.perf_counter()
        name = next(steps[0], None)
        if name is not None:
            took = (time.perf_counter() - began) * 1000
            slowest[name] = max(slowest.get(name, 0.0), round(took, 1))
        if name is None:
            if flows_left[0] == 0:
                app.exit(0)  # the kiosk's window refuses quit()'s close
                return
            flows_left[0] -= 1
            steps[0] = tour(window, data, only=ORDER_FLOW, settle=wait_in_loop)
        QTimer.singleShot(5, next_step)

    ticker.start()
    last[0] = clock.nsecsElapsed()
    QTimer.singleShot(0, next_step)
    started = time.perf_counter()
    app.exec()
    ticker.stop()
    elapsed = time.perf_counter() - started
    placed = len(comptoir.orders.list(limit=1000))
    _print(
        {
            "max_stall_ms": round(max(stalls) / 1e6, 2),
            "rss_mb": rss_mb(),
            "flows": count,
            "orders_placed": placed,
            "flows_seconds": round(elapsed, 2),
            "slowest_steps_ms": dict(sorted(slowest.items(), key=lambda kv: -kv[1])[:3]),
        }
    )
    comptoir.close()


def main() -> None:
    command = sys.argv[1]
    if command in ("start", "command"):
        start(Path(sys.argv[2]), via_command=command == "command")
    elif command == "bare":
        bare()
    else:
        flows(Path(sys.argv[2]), int(sys.argv[3]))


if __name__ == "__main__":
    main()
