"""The order steps' bottom bar, always at the same place: "Back" on the left, where
the resident is ("Step 2 of 6" and a dot per step) in the middle, "Next" on the right.
A disabled "Next" answers a touch with what is still missing, in a sentence beside it,
rather than doing nothing (a grey button alone tells an unsure person nothing)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from ..widgets.buttons import TouchButton
from ..widgets.screen import label

DONE_DOT, AHEAD_DOT = "●", "○"


class OrderBar(QFrame):
    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderBar")
        self.back = TouchButton(parent=self)
        self.next = TouchButton(role="primary", parent=self)
        self.step_label = label("small", parent=self)
        self.step_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots = label(wrap=False, parent=self)
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots.setAccessibleName("")
        # What is missing, said when the disabled "Next" is touched.
        self.hint = label("error", parent=self)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.hint.hide()
        self._missing: Callable[[], str] = lambda: ""
        self.next.installEventFilter(self)
        progress = QVBoxLayout()
        progress.setContentsMargins(16, 0, 16, 0)  # apart from "Confirm" on the review
        progress.setSpacing(0)
        progress.addWidget(self.step_label)
        progress.addWidget(self.dots)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 8, 0, 0)
        row.addWidget(self.back)
        row.addStretch(1)
        row.addLayout(progress)
        row.addStretch(1)
        row.addWidget(self.hint, 2)
        row.addWidget(self.next)
        # On the review, "Confirm my order" moves from the right edge (set_confirming):
        # a double tap on the consent step's "Next" cannot land on it (taps.py guards
        # the time, this the place).
        row.addStretch(0)
        self.row = row

    def show_step(self, index: int, count: int, text: str) -> None:
        self.step_label.setText(text)
        self.dots.setText(" ".join(DONE_DOT if i <= index else AHEAD_DOT for i in range(count)))

    def set_missing(self, missing: Callable[[], str]) -> None:
        """What "Next" says when touched while disabled (worked out at the touch, in the
        language of the moment). The sentence goes as soon as the step changes."""
        self._missing = missing
        self.hint.clear()
        self.hint.hide()

    def set_confirming(self, on: bool) -> None:
        """The review: "Confirm my order" just right of the progress, left of the
        middle: neither where the step before had "Next" (the right edge) nor where the
        confirmation's "Finish" comes up (the right half)."""
        self.row.setStretch(1, 0 if on else 1)
        self.row.setStretch(3, 0 if on else 1)
        self.row.setStretch(self.row.count() - 1, 1 if on else 0)

    def say_missing(self) -> None:
        self.hint.say(self._missing)
        self.hint.setVisible(bool(self.hint.text()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A disabled button gets no click; its event filter still sees the touch.
        if (
            watched is self.next
            and event.type() == QEvent.Type.MouseButtonRelease
            and not self.next.isEnabled()
            and not self.next.held  # an order being written: nothing is missing
        ):
            self.say_missing()
        return False
