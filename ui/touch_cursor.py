"""No arrow under a finger: a touchscreen kiosk hides the mouse cursor as soon as it is
touched, and shows it again when a real mouse moves (an attendant's mouse at the
counter). cage hides the cursor only when no pointing device is plugged in at all."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QInputDevice, QInputEvent

_POINTER_EVENTS = frozenset(
    {
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
    }
)


class HideCursorOnTouch(QObject):
    """An application-wide event filter; it never consumes an event."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hidden = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in _POINTER_EVENTS or not isinstance(event, QInputEvent):
            return False
        device = event.device()
        # Mouse events that Qt makes from a touch carry the touchscreen as their device.
        touched = device is not None and device.type() == QInputDevice.DeviceType.TouchScreen
        if touched and not self.hidden:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
            self.hidden = True
        elif not touched and self.hidden:
            QGuiApplication.restoreOverrideCursor()
            self.hidden = False
        return False
