"""One attendant's row on the Settings' attendants page: the name with the role and state
under it, and three buttons (make manager or attendant, new PIN, disable or enable),
each as wide as its words, on one line whenever the page's width allows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

from kiosk_app.views.attendants import AttendantView

from ..widgets.buttons import TouchButton
from ..widgets.confirm import Confirmation
from ..widgets.reflow import ReflowGrid
from ..widgets.screen import label

LINE_SPACING_PX = 8


class _Actions(ReflowGrid):
    """An attendant's three buttons, each as wide as its words when the three fit side
    by side ("Rendre agent d'accueil", "Nouveau code", "Désactiver" beside the name on
    the Settings page at 1280 px: equal columns would need three times the longest and
    leave "Désactiver" alone on a second line); on a narrower page, two or one a row."""

    def one_line(self) -> int:
        """The width the buttons need side by side, each as wide as its words."""
        needs = [self._need(button) for button in self.buttons]
        return sum(needs) + self._spacing * (len(needs) - 1)

    def columns_for(self, width: int) -> int:
        if self.one_line() <= width:
            return len(self.buttons)
        return super().columns_for(width)

    def reflow(self) -> None:
        super().reflow()
        if self._columns == len(self.buttons):  # one row: the room shared by the words
            for column, button in enumerate(self.buttons):
                self._grid.setColumnStretch(column, self._need(button))


class _RowBox(QWidget):
    """A row's widget: says when its width or its words' size change."""

    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self.resized.emit()


class AttendantRow:
    """One attendant's line: name, role and state, and what can be done."""

    def __init__(self, attendant: AttendantView, parent: QWidget) -> None:
        self.attendant = attendant
        self.box = _RowBox(parent)
        self.box.resized.connect(self.arrange)
        # The name with its role and state under it, beside the three buttons when they
        # keep their whole words there on one line (the Settings page at 1280 px); above
        # them on a narrower page (1024 px, in French), where the three keep one line
        # under it rather than go two and one.
        self.who = QWidget(self.box)
        self.name = label(parent=self.who)
        self.name.setText(attendant.name)
        self.state = label("small", parent=self.who)
        who = QVBoxLayout(self.who)
        who.setContentsMargins(0, 0, 0, 0)
        who.setSpacing(0)
        who.addWidget(self.name)
        who.addWidget(self.state)
        self.buttons = _Actions(most_columns=3, parent=self.box)
        self.role = TouchButton(parent=self.buttons)
        self.pin = TouchButton(parent=self.buttons)
        self.active = TouchButton(parent=self.buttons)
        self.buttons.set_buttons([self.role, self.pin, self.active])
        self.line = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.line.setContentsMargins(0, 0, 0, 0)
        self.line.setSpacing(LINE_SPACING_PX)
        self.line.addWidget(self.who)
        self.line.addWidget(self.buttons, 1)
        # The question of "Disable" opens under the line (ui/widgets/confirm.py).
        column = QVBoxLayout(self.box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.line)
        self.confirmation: Confirmation | None = None

    def arrange(self) -> None:
        """The name beside the buttons if the three fit beside it, else above them."""
        who = self.who.minimumWidth() or self.who.sizeHint().width()
        beside = who + LINE_SPACING_PX + self.buttons.one_line() <= self.box.width()
        direction = QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        if self.line.direction() != direction:
            self.line.setDirection(direction)
