"""The question "Home" asks in the middle of an order, over the steps: "Yes" throws the
order away (ordering.py passes the answer on), "No" carries on."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from ..widgets.buttons import TouchButton
from ..widgets.screen import label
from ..widgets.taps import TAPS


class AbandonPanel(QFrame):
    """ "Abandon this order?" over the steps, with Yes and No in the middle of the
    screen: far from "Home" (top left), so a double tap on it answers nothing."""

    abandoned = Signal()  # "Yes": the order is thrown away ("No" only hides the panel)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("abandonPanel")
        self.setAutoFillBackground(True)
        self.question = label("title", parent=self)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = label(parent=self)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.yes = TouchButton(parent=self)
        self.no = TouchButton(role="primary", parent=self)
        self.yes.clicked.connect(self._abandon)
        self.no.clicked.connect(self.hide)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.yes)
        row.addSpacing(48)
        row.addWidget(self.no)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.question)
        layout.addWidget(self.detail)
        layout.addSpacing(24)
        layout.addLayout(row)
        layout.addStretch(2)
        self.hide()

    def ask(self) -> None:
        """Over the whole of its parent (which keeps it so on a resize)."""
        TAPS.screen_shown()
        self.retranslate()
        screen = self.parentWidget()
        assert screen is not None  # made with the order screen as its parent
        self.setGeometry(screen.rect())
        self.show()
        self.raise_()

    def _abandon(self) -> None:
        self.hide()
        self.abandoned.emit()

    def retranslate(self) -> None:
        self.question.setText(self.tr("Abandon this order?"))
        self.detail.setText(self.tr("What you have typed will be forgotten."))
        self.yes.setText(self.tr("Yes, abandon"))
        self.no.setText(self.tr("No, carry on"))
