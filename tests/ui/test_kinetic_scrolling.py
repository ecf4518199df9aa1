"""The services list flicks like a phone's (QScroller on the viewport), and a press
waits a moment before reaching the list, so that a flick scrolls and never chooses a
service; a finger that rests and lifts still chooses one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QScroller, QScrollerProperties, QWidget

from ui.resident.catalogue import PRESS_DELAY_S

from .support import Resident

LEFT = Qt.MouseButton.LeftButton


def mouse(widget: QWidget, kind: QEvent.Type, pos: QPoint, held: bool) -> None:
    local = QPointF(pos)
    event = QMouseEvent(
        kind,
        local,
        QPointF(widget.mapToGlobal(pos)),
        LEFT,
        LEFT if held else Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def test_a_flick_scrolls_the_services_and_chooses_none(kiosk: Resident) -> None:
    window = kiosk.window
    kiosk.tap(window.welcome.tiles["order"])
    catalogue = window.catalogue
    kiosk.fill(catalogue.search, "e")
    viewport = catalogue.list.viewport()
    assert QScroller.hasScroller(viewport)
    metric = QScrollerProperties.ScrollMetric.MousePressEventDelay
    delay = QScroller.scroller(viewport).scrollerProperties().scrollMetric(metric)
    assert delay == PRESS_DELAY_S > 0
    kiosk.tap(window.keyboard.letters.done)
    bar = catalogue.list.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0

    start = QPoint(viewport.width() // 2, viewport.height() - 20)
    mouse(viewport, QEvent.Type.MouseButtonPress, start, held=True)
    for step in range(1, 11):
        kiosk.qtbot.wait(10)
        mouse(viewport, QEvent.Type.MouseMove, start - QPoint(0, 30 * step), held=True)
    mouse(viewport, QEvent.Type.MouseButtonRelease, start - QPoint(0, 300), held=False)
    kiosk.qtbot.waitUntil(lambda: bar.value() > 100, timeout=2000)
    kiosk.qtbot.wait(int(PRESS_DELAY_S * 1000) + 200)
    assert window.current_screen is catalogue
