"""The fit check on a real X screen, run by tests/ui/test_fit_xcb.py in a process of its
own (`python -m tests.ui.xcb_fit FOLDER`, with DISPLAY set and QT_QPA_PLATFORM=xcb):
the kiosk started as `kiosk` starts it (ui.app.run, full screen on the X screen), over
a test store in FOLDER, then the welcome and a few resident and counter screens walked
in French and English, in normal and larger text.

Printed as JSON on the last line of stdout: "found", what does not fit, and
"painted_before_the_store", the texts painted before the store opened (the check of
the first paint is not empty). Three kinds of findings:
- "painted …": a label or button painted while its text did not fit it. On xcb the
  first paint comes from the X server's Expose, whenever it arrives, not when the
  window is laid out: what a person sees for as long as the store takes to open.
- "before the store opened: …": the fit checker on the whole window as first shown;
- "<step>: …": the fit checker (fit_check.problems) on the whole window at each step,
  as tests/ui/test_fit.py does offscreen."""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from kiosk_app.comptoir import Comptoir
from tests.conftest import FakeClock, open_test_store
from ui.app import application, run
from ui.tour import TourData, tour
from ui.window import KioskWindow

from .fit_check import problems
from .tour_data import add_attendants, fit_tour_data

# At each size, the welcome in both languages, normal and larger text; with it, a few
# screens of each face, shared between the two sizes: the catalogue, the Lulus' form;
# the PIN pad, the counter's queue and the till's closing (the counter is never in
# larger text). Each change of text size restyles every screen: seconds of CPU.
RESIDENT = {1280: ("catalogue_categories",), 1024: ("lulu_form",)}
COUNTER = {1280: ("pin_pad", "counter"), 1024: ("pin_pad", "counter_till_close")}


def walks(width: int) -> tuple[tuple[str, bool, tuple[str, ...]], ...]:
    """(language, larger text, steps) for a screen `width` pixels wide."""
    resident = ("welcome", *RESIDENT[width])
    return (
        ("fr", False, (*resident, *COUNTER[width])),
        ("fr", True, resident),
        ("en", False, (*resident, *COUNTER[width])),
        ("en", True, resident),
    )


class PaintWatch(QObject):
    """At each paint of a label or a button, the fit checker on it: what is painted is
    what a person sees, however briefly."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.phase = "before the store opened"
        self.painted: set[str] = set()  # the texts painted, until `phase` changes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QLabel | QAbstractButton):
            self.painted.add(watched.text())
            for problem in problems(watched):
                line = f"painted ({self.phase}): {problem}"
                if line not in self.found:
                    self.found.append(line)
        return False


def open_store(folder: Path) -> tuple[Comptoir, TourData]:
    """The store of tests/ui/test_fit.py: the demo catalogue, the association, the two
    attendants, Lulus in training and a done order."""
    comptoir = open_test_store(folder, FakeClock())
    add_attendants(comptoir)
    return comptoir, fit_tour_data(comptoir)


def walk(window: KioskWindow, data: TourData, watch: PaintWatch) -> list[str]:
    found: list[str] = []
    for lang, larger, steps in walks(window.width()):
        watch.phase = f"to {lang}{', larger' if larger else ''}"
        for step in tour(window, data, lang=lang, large_text=larger, only=steps):
            where = f"{step} ({lang}{', larger' if larger else ''})"
            found += [f"{where}: {problem}" for problem in problems(window)]
            watch.phase = f"after {where}"
    return found


def main(folder: Path) -> int:
    app = application()
    watch = PaintWatch()
    app.installEventFilter(watch)
    opened: list[tuple[Comptoir, TourData]] = []
    found: list[str] = []
    before: dict[str, list[str]] = {"painted": []}

    def open_comptoir() -> Comptoir:
        # The welcome as the kiosk first shows it, painted before the store opens (the
        # core attaches after that paint): as long as the opening takes, seconds on a
        # loaded machine or a big store.
        window = next(w for w in app.topLevelWidgets() if isinstance(w, KioskWindow))
        found.extend(f"before the store opened: {problem}" for problem in problems(window))
        before["painted"] = sorted(watch.painted)
        watch.phase = "while the store opened"
        opened.append(open_store(folder / "kiosk"))
        return opened[0][0]

    def after_ready() -> None:
        try:
            window = next(w for w in app.topLevelWidgets() if isinstance(w, KioskWindow))
            window.tasks.settle()
            watch.phase = "ready"
            found.extend(walk(window, opened[0][1], watch))
        except Exception:
            traceback.print_exc()
            app.exit(1)
            return
        window.allow_quit()
        app.exit(0)

    status = run(open_comptoir, ready=lambda: QTimer.singleShot(0, after_ready))
    app.removeEventFilter(watch)
    report = {"found": [*watch.found, *found], "painted_before_the_store": before["painted"]}
    print(json.dumps(report, ensure_ascii=False))
    return status


if __name__ == "__main__":
    assert QApplication.instance() is None
    sys.exit(main(Path(sys.argv[1])))
