"""An order's money at the counter: its price and payments as text, and the box that
records a payment. Kept apart from the order's detail (its steps and Lulu) so that the
money side can grow (refunds, credit notes) without the detail screen growing with it."""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QVBoxLayout, QWidget

from kiosk_app.domain.kinds import InvoiceKind, PaymentKind
from kiosk_app.views.orders import OrderView
from sync.protocol import FINAL_STATUSES, PaymentMethod

from ..context import KioskContext
from ..format import money, paris_datetime
from ..widgets.buttons import TouchButton
from ..widgets.field import TextField
from ..widgets.reflow import ReflowGrid
from ..widgets.screen import label
from .amounts import cents_to_typed, euros_to_cents
from .words import WORDS

# How the detail page runs a write: the work (off the GUI thread), the note shown once
# it is written, and whether the typed amount is cleared then.
Write = Callable[[Callable[[], object], str, bool], None]


class PaymentBox(QWidget):
    """ "Record a payment": a method, an amount (prefilled with what is due), a button."""

    edited = Signal()

    def __init__(
        self,
        context: KioskContext,
        write: Write,
        attendant_id: Callable[[], uuid.UUID | None],
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._write = write
        self._attendant_id = attendant_id
        self.order: OrderView | None = None
        # After a payment the form is emptied, method and amount: a second tap on
        # "Record the payment" must find nothing armed. The amount still due comes back
        # when a method is chosen again.
        self._disarmed = False
        # Made anew for each payment armed: the core records one payment under it.
        self.request_id = uuid.uuid4()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        self.title = label(parent=self)
        self._methods = QButtonGroup(self)
        self.methods: dict[PaymentMethod, TouchButton] = {}
        # Three a row where the column holds them, two or one on a narrow page (1024 px,
        # portrait): each method keeps its whole word.
        self.method_grid = ReflowGrid(most_columns=3, parent=self)
        for method in PaymentMethod:
            button = TouchButton(parent=self.method_grid)
            button.setCheckable(True)
            self._methods.addButton(button)
            self.methods[method] = button
        self.method_grid.set_buttons(list(self.methods.values()))
        self._methods.buttonToggled.connect(self._method_toggled)
        self.amount = TextField(euros_to_cents, parent=self)
        self.amount.changed.connect(self.refresh_buttons)
        self.pay = TouchButton(role="primary", parent=self)
        self.pay.set_pictogram("euro")
        self.pay.clicked.connect(self._pay)
        layout.addWidget(self.title)
        layout.addWidget(self.method_grid)
        layout.addWidget(self.amount)
        layout.addWidget(self.pay)

    def forget(self) -> None:
        """What was typed for another order goes."""
        self._disarmed = False
        self._clear()

    def disarm(self) -> None:
        """A payment was recorded: nothing stays chosen or typed."""
        self._clear()
        self._disarmed = True

    def _clear(self) -> None:
        self.request_id = uuid.uuid4()
        self.amount.clear()
        self._methods.setExclusive(False)
        for button in self.methods.values():
            button.setChecked(False)
        self._methods.setExclusive(True)

    def show_order(self, order: OrderView) -> None:
        """Shown while something is due on an open order, the amount ready to take."""
        self.order = order
        due = self._context.comptoir.payments.balance_due(order.id)
        self.setVisible(order.status not in FINAL_STATUSES and due > 0)
        if not self.amount.text and due > 0 and not self._disarmed:
            self.amount.set_text(cents_to_typed(due))

    def _method_toggled(self, _button: object, checked: bool) -> None:
        if checked and self._disarmed and self.order is not None:
            self._disarmed = False
            self.show_order(self.order)
        self.refresh_buttons()

    def _pay(self) -> None:
        method = next((m for m, b in self.methods.items() if b.isChecked()), None)
        if method is None or not self.amount.is_valid or self.order is None:
            return
        cents: int = self.amount.value
        order_id, who, request_id = self.order.id, self._attendant_id(), self.request_id
        payments = self._context.comptoir.payments
        note = self.tr("Payment of {amount} recorded.").format(amount=money(cents))
        self._write(
            lambda: payments.record(
                order_id, method, cents, attendant_id=who, request_id=request_id
            ),
            note,
            True,
        )

    def refresh_buttons(self) -> None:
        chosen = any(b.isChecked() for b in self.methods.values())
        self.pay.setEnabled(chosen and self.amount.is_valid)

    def money_text(self, order: OrderView) -> str:
        """The order's price and payments as the detail shows them."""
        payments = self._context.comptoir.payments
        lines = [
            self.tr("Estimate: {price} for {units} × {minutes} min").format(
                price=money(order.estimated_price.total_cents),
                units=order.estimated_units,
                minutes=order.unit_minutes,
            )
        ]
        if order.final_price is not None:
            lines.append(
                self.tr("Final price: {price}").format(price=money(order.final_price.total_cents))
            )
        for payment in payments.for_order(order.id):
            if payment.kind is PaymentKind.REFUND:
                lines.append(
                    self.tr("Refund ({method}): {amount}, {at}").format(
                        method=WORDS.method(payment.method),
                        amount="-" + money(payment.amount_cents),
                        at=paris_datetime(payment.at),
                    )
                )
                continue
            lines.append(
                self.tr("{method}: {amount}, {at}").format(
                    method=WORDS.method(payment.method),
                    amount=money(payment.amount_cents),
                    at=paris_datetime(payment.at),
                )
            )
        for document in self._context.comptoir.invoices.for_order(order.id):
            if document.kind is InvoiceKind.CREDIT_NOTE:
                lines.append(
                    self.tr("Credit note {number}: {amount}").format(
                        number=document.number, amount="-" + money(document.amount_cents)
                    )
                )
        due = payments.balance_due(order.id)
        lines.append(self.tr("Still due: {amount}").format(amount=money(due)))
        return "\n".join(lines)

    def retranslate(self) -> None:
        title = self.tr("Record a payment")
        self.title.setText(f"<b>{html.escape(title)}</b>")
        for method, button in self.methods.items():
            button.setText(WORDS.method(method))
        self.method_grid.refit()
        self.amount.set_title(self.tr("Amount, in euros"))
        self.pay.setText(self.tr("Record the payment"))
