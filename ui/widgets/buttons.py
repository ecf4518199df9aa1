"""Touch buttons: large, with pressed-state feedback from the theme, and an accessible
name that follows their text into the current language."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget


class TouchButton(QPushButton):
    """A push button whose accessible name is its text (or what `accessible` says)."""

    def __init__(self, text: str = "", *, role: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        if role:
            self.setProperty("role", role)
        self._accessible = ""
        self.setAccessibleName(text)
        # Buttons never take the focus from a text field: the on-screen keyboard stays
        # on the field being typed.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setAccessibleName(self._accessible or text.replace("\n", " "))

    def set_accessible(self, name: str) -> None:
        """A spoken name for a button whose text is a symbol ("+", "★", "⌫")."""
        self._accessible = name
        self.setAccessibleName(name)


class Tile(TouchButton):
    """A large tile of the welcome screen or the catalogue. Its text wraps (a push
    button's own text never does, and "Informatique et téléphone" must fit)."""

    def __init__(
        self, text: str = "", *, role: str = "tile", parent: QWidget | None = None
    ) -> None:
        super().__init__("", role=role, parent=parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.caption)
        self.setText(text)

    def setText(self, text: str) -> None:
        self.caption.setText(text)
        self.setAccessibleName(text.replace("\n", " "))

    def text(self) -> str:
        return self.caption.text()


class LongPressLabel(QLabel):
    """A label (the logo) that emits `long_pressed` after being held `hold_ms`: the
    attendant's way in, which a resident will not find by tapping."""

    long_pressed = Signal()

    def __init__(self, *, hold_ms: int = 3000, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(hold_ms)
        self._timer.timeout.connect(self.long_pressed)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._timer.start()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._timer.stop()
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Hide, QEvent.Type.Leave):
            self._timer.stop()
        return super().event(event)


def set_role(widget: QObject, role: str) -> None:
    widget.setProperty("role", role)
