"""Irreversible actions: a button in the "danger" style that asks before it acts. The
question opens in a card right under the button (no modal dialog: a touchscreen kiosk
has no window manager to bring one forward), with "Yes, …" in red and "No, keep" beside
it. Only "Yes" runs the action; the card closes when the button hides (another order,
another screen)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from .buttons import TouchButton
from .reflow import ReflowGrid
from .screen import label


class Confirmation(QFrame):
    """The question under `button`; `action` runs on "Yes" only."""

    def __init__(
        self,
        button: TouchButton,
        action: Callable[[], None],
        *,
        question: Callable[[], str],
        yes: Callable[[], str],
        no: Callable[[], str],
    ) -> None:
        parent = button.parentWidget()
        super().__init__(parent)
        self.setObjectName("card")
        self._button = button
        self._texts = (question, yes, no)
        button.setProperty("role", "danger")
        button.clicked.connect(self.ask)
        button.installEventFilter(self)
        self.question = label(parent=self)
        self.question.setWordWrap(True)
        self.yes = TouchButton(role="danger_confirm", parent=self)
        self.yes.clicked.connect(self._yes)
        self.yes.clicked.connect(action)
        self.no = TouchButton(parent=self)
        self.no.clicked.connect(self.hide)
        answers = QHBoxLayout()
        answers.addWidget(self.no)
        answers.addStretch(1)
        answers.addWidget(self.yes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.question)
        layout.addLayout(answers)
        self.hide()
        _place_after(button, self)
        self.retranslate()

    def ask(self) -> None:
        self.retranslate()
        self.show()
        # Laid out first (next turn of the event loop), then scrolled into view: the
        # question must not open below the fold of the counter's scrolling page.
        QTimer.singleShot(0, self._bring_into_view)

    def _bring_into_view(self) -> None:
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if area is not None and self.isVisible():
            area.ensureWidgetVisible(self)

    def _yes(self) -> None:
        self.hide()

    def retranslate(self) -> None:
        question, yes, no = self._texts
        self.question.setText(question())
        self.yes.setText(yes())
        self.no.setText(no())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._button and event.type() in (QEvent.Type.Hide, QEvent.Type.Close):
            self.hide()
        return False


def _place_after(button: QWidget, card: QWidget) -> None:
    """Put `card` right after `button` in whichever box layout holds it (or under the
    parent's own layout, last). A button of a ReflowGrid: the card goes under the
    whole grid."""
    parent = button.parentWidget()
    if isinstance(parent, ReflowGrid) and parent.parentWidget() is not None:
        button, parent = parent, parent.parentWidget()
    layouts = [parent.layout(), *parent.findChildren(QLayout)] if parent else []
    for layout in layouts:
        if isinstance(layout, QBoxLayout) and layout.indexOf(button) >= 0:
            holder: QBoxLayout = layout
            child: QLayout | None = None  # what holds the button in `holder`
            # Beside other buttons in a row: the card goes under the whole row.
            while holder.direction() in (
                QBoxLayout.Direction.LeftToRight,
                QBoxLayout.Direction.RightToLeft,
            ):
                outer = _holder_of(holder, layouts)
                if outer is None:
                    break
                holder, child = outer, holder
            index = holder.indexOf(button) if child is None else _index_of_layout(holder, child)
            holder.insertWidget(index + 1, card)
            return
    own = parent.layout() if parent is not None else None
    if own is not None:
        own.addWidget(card)


def _holder_of(inner: QLayout, layouts: list[QLayout | None]) -> QBoxLayout | None:
    for layout in layouts:
        if isinstance(layout, QBoxLayout) and _index_of_layout(layout, inner) >= 0:
            return layout
    return None


def _index_of_layout(layout: QBoxLayout, inner: QLayout) -> int:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is not None and item.layout() is inner:
            return index
    return -1
