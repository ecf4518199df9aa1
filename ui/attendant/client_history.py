"""A client's history at the counter: their orders, newest first, each with its service,
day, step, price, payments, the stars they gave and the invoice numbers (what the
attendant reads out when a resident asks "did I pay for the curtains?")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk_app.views.clients import ClientHistory, ClientOrder

from ..format import money, paris_datetime
from ..i18n import current_lang
from ..widgets.screen import Screen, label
from .words import WORDS

SHOWN = 30  # the newest; a client with more is a regular the attendant knows


class ClientHistoryView(Screen):  # a Screen: it retranslates itself
    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history: ClientHistory | None = None
        self.title = label(parent=self)
        self.lines = label(parent=self)
        self.lines.setTextFormat(Qt.TextFormat.PlainText)  # service names as stored
        self.more = label("small", parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.lines)
        layout.addWidget(self.more)
        self.retranslate()

    def show_history(self, history: ClientHistory | None) -> None:
        self.history = history
        self.retranslate()

    def _order_text(self, order: ClientOrder) -> str:
        first = " · ".join(
            (
                order.number,
                paris_datetime(order.slot_start),
                order.service_name(current_lang()),
                WORDS.status(order.status),
            )
        )
        parts = [self.tr("Price {amount}").format(amount=money(order.price_cents))]
        for payment in order.payments:
            method = WORDS.method(payment.method)
            if payment.signed_cents < 0:
                parts.append(
                    self.tr("refunded {amount} ({method})").format(
                        amount=money(payment.amount_cents), method=method
                    )
                )
            else:
                parts.append(
                    self.tr("paid {amount} ({method})").format(
                        amount=money(payment.amount_cents), method=method
                    )
                )
        if order.stars is not None:
            parts.append(self.tr("rated {stars} ★").format(stars=order.stars))
        for number in order.invoice_numbers:
            parts.append(self.tr("invoice {number}").format(number=number))
        return f"{first}\n{' · '.join(parts)}"

    def retranslate(self) -> None:
        title = self.tr("Orders")
        self.title.setText(f"<b>{title}</b>")
        history = self.history
        if history is None:
            self.lines.clear()
            self.more.clear()
            return
        orders = history.orders
        if not orders:
            self.lines.setText(self.tr("No order yet."))
        else:
            self.lines.setText("\n\n".join(self._order_text(o) for o in orders[:SHOWN]))
        older = len(orders) - SHOWN
        more = self.tr("Older orders not shown: {count}.").format(count=older)
        self.more.setText(more if older > 0 else "")
        self.more.setVisible(older > 0)
