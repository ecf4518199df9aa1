"""A resident's "Besoin d'aide ?" (DESIGN.md, "Help at the kiosk"): a button in the
window's top bar on every resident screen. A tap records a call for help in the store
(the counter's queue shows it at the top until an attendant handles it) and opens a
panel over the screen: the counter is told, what to do meanwhile, the counter's phone
number. The screen under it stays as it was: closing the panel goes back to the order
being written."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from ..context import KioskContext
from ..idle import CARD_PX
from ..widgets.buttons import TouchButton
from ..widgets.screen import label

# While the panel is open the resident waits for the attendant: the idle countdown
# waits this long instead of a minute, so that help does not find an empty screen.
WAIT_FOR_HELP_MS = 5 * 60_000


class HelpPanel(QFrame):
    """Over the whole window, as the idle question is. `ask()` writes the call; a
    double tap on "Besoin d'aide ?" is one call (the button is held while the write
    runs, and the same request id reaches the core until the panel is closed)."""

    closed = Signal()

    def __init__(self, *, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("helpOverlay")
        self._context: KioskContext | None = None
        self._request_id = uuid.uuid4()
        self.state = "idle"  # asking, told, failed
        self.card = card = QFrame(self)
        card.setObjectName("card")
        self.title = label("title", parent=card)
        self.status = label(parent=card)
        self.what_to_do = label(parent=card)
        self.phone = label("title", parent=card)
        self.close_button = TouchButton(role="primary", parent=card)
        self.close_button.clicked.connect(self.close_panel)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(48, 32, 48, 32)
        inner.setSpacing(20)
        for widget in (self.title, self.status, self.what_to_do, self.phone):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            inner.addWidget(widget)
        inner.addWidget(self.close_button)
        # The card fills the width its side margins leave (resizeEvent), as the idle
        # card does: centred at its own size hint, wrapped lines would be cut.
        self._outer = QVBoxLayout(self)
        self._outer.addStretch(1)
        self._outer.addWidget(card)
        self._outer.addStretch(1)
        self.hide()
        self.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        side = max(24, (self.width() - CARD_PX) // 2)
        self._outer.setContentsMargins(side, 24, side, 24)
        super().resizeEvent(event)

    def attach(self, context: KioskContext) -> None:
        self._context = context

    @property
    def open(self) -> bool:
        return self.isVisible()

    def ask(self) -> None:
        """ "Besoin d'aide ?" tapped: the panel shows at once, the call is written off the
        GUI thread (the tapped button stays disabled until it returns)."""
        if self._context is None:
            return
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.state = "asking"
        self.retranslate()
        self.raise_()
        self.show()
        help_requests = self._context.comptoir.help_requests
        request_id = self._request_id
        self._context.tasks.run(
            lambda: help_requests.ask(request_id=request_id), self._told, self._failed
        )

    def _told(self, _result: object) -> None:
        self.state = "told"
        self.retranslate()

    def _failed(self, _error: Exception) -> None:
        # A full disk, a locked store: the phone number still works.
        self.state = "failed"
        self.retranslate()

    def close_panel(self) -> None:
        """Back to the screen under it; asking again after this is a new call."""
        was_open = self.isVisible()
        self.hide()
        self.state = "idle"
        self._request_id = uuid.uuid4()
        if was_open:
            self.closed.emit()

    def _phone_number(self) -> str:
        if self._context is None:
            return ""
        # Imported here, not at the top: the validation module brings pydantic and the
        # sync protocol (~100 ms), which the welcome screen's first paint does not need.
        from kiosk_app.domain import validation

        phone = self._context.comptoir.settings.get().association_phone
        return validation.format_phone(phone) if phone else ""

    def retranslate(self) -> None:
        self.title.setText(self.tr("Need help?"))
        self.status.setText(
            {
                "asking": self.tr("We are letting the counter know…"),
                "told": self.tr("The counter has been told: someone is coming to help you."),
                "failed": self.tr("The counter could not be told. Please call the number below."),
            }.get(self.state, "")
        )
        self.what_to_do.setText(
            self.tr(
                "Stay in front of the kiosk: what you have typed is kept. "
                "You can also ask the person at the counter, or call:"
            )
            if self._phone_number()
            else self.tr(
                "Stay in front of the kiosk: what you have typed is kept. "
                "You can also ask the person at the counter."
            )
        )
        self.phone.setText(self._phone_number())
        self.phone.setVisible(bool(self.phone.text()))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
