"""After ordering: the order number in large type, what happens next, and how the ticket
is printing. The order is already safe in the store whatever the printer does."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk_app.services.orders import OrderView

from ..context import KioskContext, TicketState
from ..format import paris_datetime
from ..widgets.buttons import TouchButton
from ..widgets.screen import Screen, label


class ConfirmationScreen(Screen):
    done = Signal()

    def __init__(self, context: KioskContext) -> None:
        super().__init__()
        self._context = context
        self.order: OrderView | None = None
        self.thanks = label("title", parent=self)
        self.number_title = label(parent=self)
        self.number = label("huge", parent=self)
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.when = label(parent=self)
        self.next_steps = label(parent=self)
        self.ticket = label("success", parent=self)
        # The print worker marks the ticket on its own thread: look again every second.
        self._poll = QTimer(self)
        self._poll.setInterval(1000)
        self._poll.timeout.connect(self._show_ticket)
        self.finish = TouchButton(role="primary", parent=self)
        self.finish.clicked.connect(self.done)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.finish)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 16, 48, 24)
        layout.setSpacing(16)
        for widget in (self.thanks, self.number_title, self.number, self.when):
            layout.addWidget(widget)
        layout.addWidget(self.next_steps)
        layout.addWidget(self.ticket)
        layout.addStretch(1)
        layout.addLayout(bottom)
        self.retranslate()

    def show_order(self, order: OrderView) -> None:
        self.order = order
        self.retranslate()
        self._poll.start()

    def retranslate(self) -> None:
        self.thanks.setText(self.tr("Thank you, your order is registered."))
        self.number_title.setText(self.tr("Your order number:"))
        self.finish.setText(self.tr("Finish"))
        self.next_steps.setText(
            self.tr(
                "What happens next: the counter calls you to confirm, then a Lulu comes "
                "at the time you chose. Keep your order number to follow your order here."
            )
        )
        order = self.order
        if order is None:
            self.number.clear()
            self.when.clear()
            self.ticket.clear()
            return
        self.number.setText(order.number)
        self.number.setAccessibleName(order.number)
        self.when.setText(
            self.tr("Requested for {when}").format(when=paris_datetime(order.slot_start))
        )
        self._show_ticket()

    def _show_ticket(self) -> None:
        if self.order is None:
            self._poll.stop()
            return
        state = self._context.ticket_state(self.order.id)
        if state == TicketState.PRINTED:
            self._poll.stop()
        self.ticket.setProperty("role", "error" if state == TicketState.FAILED else "success")
        self.ticket.setText(
            {
                TicketState.QUEUED: self.tr("Your ticket is being printed below the screen."),
                TicketState.PRINTED: self.tr("Your ticket is printed: take it below the screen."),
                TicketState.FAILED: self.tr(
                    "The printer is not working: please write down your order number. "
                    "Your order is safely registered."
                ),
            }.get(state, "")
        )
        self.ticket.style().unpolish(self.ticket)
        self.ticket.style().polish(self.ticket)

    def reset(self) -> None:
        self._poll.stop()
        self.order = None
        self.retranslate()
