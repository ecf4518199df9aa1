"""The kiosk window over a real store (the root `comptoir` fixture), offscreen, with the
root FakeClock. A test fails if it leaves a top-level window open."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk_app.comptoir import Comptoir
from ui.app import build_window
from ui.widgets.taps import TAPS
from ui.window import KioskWindow

from .support import Resident, TapClock
from .tour_data import add_attendants

HOLD_MS = 200  # the logo's hold, shortened: the 3-second default has its own test

MakeKiosk = Callable[..., Resident]


@pytest.fixture(autouse=True)
def tap_clock() -> Iterator[TapClock]:
    """The double-tap guard reads this clock instead of Qt's monotonic one."""
    taps = TapClock()
    TAPS.use_clock(taps)
    yield taps
    TAPS.use_clock(None)


@pytest.fixture
def make_kiosk(
    qapp: QApplication, qtbot: QtBot, comptoir: Comptoir, clock: Any, tap_clock: TapClock
) -> Iterator[MakeKiosk]:
    windows: list[KioskWindow] = []

    def make(*, size: tuple[int, int] = (1280, 800), **options: int) -> Resident:
        options.setdefault("hold_ms", HOLD_MS)
        window = build_window(comptoir, app=qapp, **options)
        windows.append(window)
        window.resize(*size)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        return Resident(window, qtbot, tap_clock)

    yield make
    for window in windows:
        window.allow_quit()
        window.close()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qapp.processEvents()
    leaked = [w for w in qapp.topLevelWidgets() if w.isVisible()]
    qapp.setStyleSheet("")
    QLocale.setDefault(QLocale.c())
    assert not leaked, f"top-level windows left open: {leaked}"


@pytest.fixture
def kiosk(make_kiosk: MakeKiosk) -> Resident:
    return make_kiosk()


@pytest.fixture
def attendants(comptoir: Comptoir) -> None:
    add_attendants(comptoir)
