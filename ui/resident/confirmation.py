"""After ordering: the order number in large type, what happens next, and how the ticket
is printing. The order is already safe in the store whatever the printer does. A kiosk
without a printer shows the ticket the print worker saved instead, beside the text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from kiosk_app.views.orders import OrderView

from ..context import KioskContext, TicketState
from ..format import paris_datetime
from ..widgets.buttons import TouchButton
from ..widgets.screen import Screen, label
from .endings import ending_row, finish_button


class ConfirmationScreen(Screen):
    done = Signal()
    order_more = Signal()  # "Order another service": the visit goes on

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
        self.ticket_image = QLabel(self)
        self.ticket_image.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.ticket_image.hide()
        self._ticket_picture = QPixmap()
        # The print worker marks the ticket on its own thread: look again every second.
        self._poll = QTimer(self)
        self._poll.setInterval(1000)
        self._poll.timeout.connect(self.refresh_ticket)
        self.finish = finish_button(self)
        self.finish.set_pictogram("check")
        self.finish.clicked.connect(self.done)
        self.another = TouchButton(parent=self)
        self.another.clicked.connect(self.order_more)
        bottom = ending_row(self.finish, self.another)
        texts = QVBoxLayout()
        texts.setSpacing(16)
        for widget in (self.thanks, self.number_title, self.number, self.when):
            texts.addWidget(widget)
        texts.addWidget(self.next_steps)
        texts.addWidget(self.ticket)
        texts.addStretch(1)
        texts.addLayout(bottom)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(48, 16, 48, 24)
        layout.setSpacing(32)
        layout.addLayout(texts, 1)
        layout.addWidget(self.ticket_image)
        self.retranslate()

    def show_order(self, order: OrderView) -> None:
        self.order = order
        self.retranslate()
        self._poll.start()

    def retranslate(self) -> None:
        self.thanks.setText(self.tr("Thank you, your order is registered."))
        self.number_title.setText(self.tr("Your order number:"))
        self.finish.setText(self.tr("Finish"))
        self.another.setText(self.tr("Order another service"))
        self.next_steps.setText(
            self.tr(
                "What happens next: the counter calls you to confirm, then a Lulu comes "
                "at the time you chose. Keep your order number to follow your order here."
            )
        )
        self.ticket_image.setAccessibleName(self.tr("Your ticket"))
        order = self.order
        if order is None:
            self.number.clear()
            self.number.setAccessibleName("")
            self.when.clear()
            self.ticket.clear()
            self._show_picture(None)
            return
        self.number.setText(order.number)
        self.number.setAccessibleName(order.number)
        self.when.setText(
            self.tr("Requested for {when}").format(when=paris_datetime(order.slot_start))
        )
        self.refresh_ticket()

    def refresh_ticket(self) -> None:
        """Show how the ticket is doing now (polled: the print worker has no signal)."""
        if self.order is None:
            self._poll.stop()
            return
        state, picture = self._context.ticket(self.order.id, self.order.number)
        if state == TicketState.PRINTED:
            self._poll.stop()
        self.ticket.setProperty("role", "error" if state == TicketState.FAILED else "success")
        if picture is not None:
            text = self.tr(
                "Here is your ticket: this kiosk has no printer. Note your order number."
            )
        else:
            text = {
                TicketState.QUEUED: self.tr("Your ticket is being printed below the screen."),
                TicketState.PRINTED: self.tr("Your ticket is printed: take it below the screen."),
                TicketState.FAILED: self.tr(
                    "The printer is not working: please write down your order number. "
                    "Your order is safely registered."
                ),
            }.get(state, "")
        self.ticket.setText(text)
        self._show_picture(picture)
        self.ticket.style().unpolish(self.ticket)
        self.ticket.style().polish(self.ticket)

    def _show_picture(self, path: Path | None) -> None:
        if path is None:
            self._ticket_picture = QPixmap()
        elif self._ticket_picture.isNull():
            self._ticket_picture = QPixmap(str(path))
        self.ticket_image.setVisible(not self._ticket_picture.isNull())
        self._fit_picture()

    def _fit_picture(self) -> None:
        """The whole ticket, as tall as the screen leaves (never enlarged)."""
        picture = self._ticket_picture
        if picture.isNull():
            self.ticket_image.clear()
            return
        margins = self.contentsMargins()
        room = max(1, self.height() - 40 - margins.top() - margins.bottom())
        if picture.height() > room:
            picture = picture.scaledToHeight(room, Qt.TransformationMode.SmoothTransformation)
        self.ticket_image.setPixmap(picture)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_picture()

    def reset(self) -> None:
        self._poll.stop()
        self.order = None
        self.retranslate()
