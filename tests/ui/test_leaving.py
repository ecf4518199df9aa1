"""Leaving is for managers: Alt+F4, a close event from the window manager or the
compositor, and Alt+Tab do nothing to the resident's screens; once a manager has asked
(`allow_quit`), the window closes. And the cursor hides under a finger. (quit() and
SIGTERM in a running kiosk: tests/ui/test_supervision.py.)"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QCloseEvent, QCursor, QGuiApplication, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.touch_cursor import HideCursorOnTouch

from .support import Resident

ALT = Qt.KeyboardModifier.AltModifier


def _resident_in_the_catalogue(kiosk: Resident) -> None:
    kiosk.tap(kiosk.window.welcome.tiles["order"])
    assert kiosk.window.current_screen is kiosk.window.catalogue


def test_a_close_event_is_refused(kiosk: Resident) -> None:
    window = kiosk.window
    _resident_in_the_catalogue(kiosk)
    event = QCloseEvent()
    QApplication.sendEvent(window, event)
    assert not event.isAccepted()
    assert window.close() is False
    QApplication.processEvents()
    assert window.isVisible()
    # The resident's session goes on where it was.
    assert window.current_screen is window.catalogue
    assert window.visit_id is not None


def test_alt_f4_and_alt_tab_do_nothing(kiosk: Resident, qtbot: QtBot) -> None:
    window = kiosk.window
    _resident_in_the_catalogue(kiosk)
    for key in (Qt.Key.Key_F4, Qt.Key.Key_Tab, Qt.Key.Key_Escape):
        qtbot.keyClick(window, key, ALT)
        # Sent as a window manager would, without a focused widget to take it first.
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(window, QKeyEvent(kind, key, ALT))
        QApplication.processEvents()
        assert window.isVisible()
        assert window.current_screen is window.catalogue


def test_a_manager_allows_the_quit(kiosk: Resident) -> None:
    window = kiosk.window
    window.allow_quit()
    assert window.close() is True
    assert not window.isVisible()


def test_the_cursor_hides_under_a_finger_and_comes_back_with_a_mouse(
    kiosk: Resident, qtbot: QtBot
) -> None:
    hider = HideCursorOnTouch()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(hider)
    try:
        tile = kiosk.window.welcome.tiles["rate"]
        touchscreen = QTest.createTouchDevice()
        QTest.touchEvent(tile, touchscreen).press(0, QPoint(10, 10)).commit()
        QTest.touchEvent(tile, touchscreen).release(0, QPoint(10, 10)).commit()
        QApplication.processEvents()
        cursor = QGuiApplication.overrideCursor()
        assert isinstance(cursor, QCursor)
        assert cursor.shape() == Qt.CursorShape.BlankCursor
        qtbot.mouseMove(kiosk.window.welcome, QPoint(40, 40))
        qtbot.mouseMove(kiosk.window.welcome, QPoint(60, 60))
        assert QGuiApplication.overrideCursor() is None
    finally:
        app.removeEventFilter(hider)
        while QGuiApplication.overrideCursor() is not None:
            QGuiApplication.restoreOverrideCursor()
