"""The field being typed, wholly in sight in its scroll area: when it takes the focus,
and again whenever the area's height changes under it.

The on-screen keyboard opens *after* a field takes the focus (it follows the focus too),
and the screens above it get their smaller height at the window's next layout: a field
scrolled into sight at the focus change was in sight in the taller area, and may be half
under the keyboard once it opens (the order's access notes, in larger text at 1024×768).
So the focused field is scrolled to again each time the area's viewport is resized (the
keyboard opening or changing pages, larger text, a rotated screen), once the area has
taken its new size. A multi-line box taller than the area leaves (larger text at
1280×800: 140 px of box, 128 px of room) is made as tall as the room while it is typed
in, and gets its height back when the focus leaves it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QScrollArea, QWidget

from .field import TextField

MARGIN_PX = 16  # air above and below the field, where there is room for it
LEAST_BOX_PX = 48  # a multi-line box is never made shorter: a finger's height


class FocusInSight(QObject):
    """Keeps `area`'s focused field in sight (the field with its title if both fit)."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self._area = area
        self._shrunk: dict[QPlainTextEdit, int] = {}  # a box made shorter: its own most
        area.viewport().installEventFilter(self)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        for box, most in list(self._shrunk.items()):
            if box is not new:
                box.removeEventFilter(self)
                box.setMaximumHeight(most)
                del self._shrunk[box]
        if new is not None and self._holds(new):
            self.show_focused()
            # Again once the keyboard has opened (or changed) and the window laid out.
            QTimer.singleShot(0, self, self.show_focused)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            # The viewport's new height, or a box made shorter now laid out: scrolled
            # to after the event (the area's scroll range follows its viewport's size).
            QTimer.singleShot(0, self, self.show_focused)
        return False

    def _holds(self, widget: QWidget) -> bool:
        inner = self._area.widget()
        return inner is not None and inner.isAncestorOf(widget)

    def show_focused(self) -> None:
        focused = QApplication.focusWidget()
        if focused is None or not focused.isVisible() or not self._holds(focused):
            return
        room = self._area.viewport().height()
        field = focused.parentWidget()
        if isinstance(field, TextField) and field.height() + 2 * MARGIN_PX <= room:
            self._scroll_to(field, MARGIN_PX)
        if isinstance(focused, QPlainTextEdit) and focused.maximumHeight() > room:
            shorter = max(room, LEAST_BOX_PX)
            if shorter < focused.height():
                if focused not in self._shrunk:
                    self._shrunk[focused] = focused.maximumHeight()
                    focused.installEventFilter(self)
                focused.setMaximumHeight(shorter)
                # Scrolled to once the page is laid out with the shorter box.
                QTimer.singleShot(0, self, self.show_focused)
                return
        # The editor itself last: whole if the area is at least as tall as it is.
        self._scroll_to(focused, max(0, min(MARGIN_PX, (room - focused.height()) // 2)))

    def _scroll_to(self, widget: QWidget, margin: int) -> None:
        """The whole widget in sight, not only its text cursor as ensureWidgetVisible
        does for an editor (a multi-line box showed its first line above the keyboard
        and the rest under it); its top first if it is taller than the area."""
        inner = self._area.widget()
        assert inner is not None
        top = widget.mapTo(inner, QPoint(0, 0)).y() - margin
        # A box just made shorter may not be laid out yet: its height to come.
        bottom = top + min(widget.height(), widget.maximumHeight()) + 2 * margin
        bar = self._area.verticalScrollBar()
        room = self._area.viewport().height()
        if bottom > bar.value() + room:
            bar.setValue(bottom - room)
        if top < bar.value():
            bar.setValue(top)
