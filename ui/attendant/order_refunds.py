"""Refunds at the counter: pick one of the order's payments, the amount to give back
(by that payment's method), and above the threshold a manager's PIN. The core writes
the refund, the credit note of an invoiced order, the refund receipt and the credit
note's PDF in one transaction (kiosk_app/services/refunds.py); the screen then says the
credit note's number and what is still due."""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk_app.domain.kinds import PaymentKind, Role
from kiosk_app.views.attendants import PIN_MAX
from kiosk_app.views.orders import OrderView
from kiosk_app.views.payments import PaymentView, RefundResult

from ..context import KioskContext
from ..format import money, paris_time
from ..widgets.buttons import TouchButton
from ..widgets.confirm import Confirmation
from ..widgets.field import TextField
from ..widgets.screen import label
from .amounts import cents_to_typed, euros_to_cents
from .words import WORDS

# How the detail page runs a write: the work (off the GUI thread), what to say once it
# is written (from the work's result), and whether the typed amount is cleared then.
WriteWith = Callable[[Callable[[], object], Callable[[object], str]], None]


class RefundBox(QWidget):
    """ "Refund": one button per payment that can still be given back, the amount, and a
    manager's name and PIN when the amount is above the threshold."""

    def __init__(
        self,
        context: KioskContext,
        write: WriteWith,
        attendant_id: Callable[[], uuid.UUID | None],
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.request_id = uuid.uuid4()
        self._context = context
        self._write = write
        self._attendant_id = attendant_id
        self.order: OrderView | None = None
        self.refundable: dict[uuid.UUID, int] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        self.title = label(parent=self)
        self._payments = QButtonGroup(self)
        self._payments.buttonToggled.connect(lambda *_: self._chosen())
        self.payment_buttons: dict[uuid.UUID, TouchButton] = {}
        self.payment_grid = QGridLayout()
        self.amount = TextField(euros_to_cents, parent=self)
        self.amount.changed.connect(self.refresh_buttons)
        self.manager_text = label("small", parent=self)
        self._managers = QButtonGroup(self)
        self._managers.buttonToggled.connect(lambda *_: self.refresh_buttons())
        self.manager_buttons: dict[uuid.UUID, TouchButton] = {}
        self.manager_row = QHBoxLayout()
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(PIN_MAX)
        self.pin.setProperty("keypad", "digits")
        self.pin.textChanged.connect(self.refresh_buttons)
        self.manager_box = QWidget(self)
        manager = QVBoxLayout(self.manager_box)
        manager.setContentsMargins(0, 0, 0, 0)
        manager.addWidget(self.manager_text)
        manager.addLayout(self.manager_row)
        manager.addWidget(self.pin)
        self.manager_box.hide()
        self.refund = TouchButton(parent=self)
        layout.addWidget(self.title)
        layout.addLayout(self.payment_grid)
        layout.addWidget(self.amount)
        layout.addWidget(self.manager_box)
        layout.addWidget(self.refund)
        # Money given back is not taken back: asked once more, in red.
        self.confirmation = Confirmation(
            self.refund,
            self._refund,
            question=lambda: self.tr(
                "Give this money back? A refund cannot be undone "
                "(an invoiced order gets a credit note)."
            ),
            yes=lambda: self.tr("Yes, refund"),
            no=lambda: self.tr("No, do not refund"),
        )

    # --- what the order offers --------------------------------------------------------

    def forget(self) -> None:
        # A new refund form: the core gives back once under this id.
        self.request_id = uuid.uuid4()
        self.amount.clear()
        self.pin.clear()
        for button in self.manager_buttons.values():
            button.setChecked(False)

    def show_order(self, order: OrderView) -> None:
        """Shown while one of the order's payments can still be given back."""
        self.order = order
        refunds = self._context.comptoir.refunds
        payments = [
            p
            for p in self._context.comptoir.payments.for_order(order.id)
            if p.kind is PaymentKind.PAYMENT
        ]
        self.refundable = {p.id: refunds.refundable(p.id) for p in payments}
        self._fill_payments([p for p in payments if self.refundable[p.id] > 0])
        self._fill_managers()
        self.setVisible(bool(self.payment_buttons))
        self.retranslate()

    def _fill_payments(self, payments: list[PaymentView]) -> None:
        chosen = self.chosen_payment
        while (item := self.payment_grid.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                self._payments.removeButton(widget)  # type: ignore[arg-type]
                widget.hide()  # gone from the screen now, deleted at the next turn
                widget.deleteLater()
        self.payment_buttons = {}
        self._payment_views = {p.id: p for p in payments}
        for index, payment in enumerate(payments):
            button = TouchButton(parent=self)
            button.setCheckable(True)
            button.setChecked(payment.id == chosen)
            self._payments.addButton(button)
            self.payment_buttons[payment.id] = button
            self.payment_grid.addWidget(button, index, 0)

    def _fill_managers(self) -> None:
        if self.manager_buttons:
            return
        managers = [a for a in self._context.comptoir.attendants.list() if a.role is Role.MANAGER]
        for manager in managers:
            button = TouchButton(manager.name, parent=self.manager_box)
            button.setCheckable(True)
            self._managers.addButton(button)
            self.manager_buttons[manager.id] = button
            self.manager_row.addWidget(button)
        self.manager_row.addStretch(1)

    @property
    def chosen_payment(self) -> uuid.UUID | None:
        return next((pid for pid, b in self.payment_buttons.items() if b.isChecked()), None)

    @property
    def chosen_manager(self) -> uuid.UUID | None:
        return next((mid for mid, b in self.manager_buttons.items() if b.isChecked()), None)

    def _chosen(self) -> None:
        """The amount, ready: what is left of the chosen payment."""
        payment_id = self.chosen_payment
        if payment_id is not None:
            self.amount.set_text(cents_to_typed(self.refundable[payment_id]))
        self.refresh_buttons()

    def needs_manager(self) -> bool:
        if not self.amount.is_valid:
            return False
        return bool(self._context.comptoir.refunds.needs_approval(self.amount.value))

    # --- the refund -------------------------------------------------------------------

    def _refund(self) -> None:
        payment_id = self.chosen_payment
        if payment_id is None or not self.amount.is_valid:
            return
        cents: int = self.amount.value
        who = self._attendant_id()
        manager_id = self.chosen_manager if self.needs_manager() else None
        pin = self.pin.text() if manager_id is not None else None
        request_id = self.request_id
        self.pin.clear()  # kept nowhere
        refunds = self._context.comptoir.refunds

        def work() -> RefundResult:
            return refunds.refund(
                payment_id,
                cents,
                attendant_id=who,
                manager_id=manager_id,
                manager_pin=pin,
                request_id=request_id,
            )

        self._write(work, self._said)

    def _said(self, result: object) -> str:
        assert isinstance(result, RefundResult)
        amount = money(result.refund.amount_cents)
        due = money(result.balance_due_cents)
        if result.credit_note_number:
            return self.tr(
                "Refund of {amount} recorded. Credit note {number}. Still due: {due}."
            ).format(amount=amount, number=result.credit_note_number, due=due)
        return self.tr("Refund of {amount} recorded. Still due: {due}.").format(
            amount=amount, due=due
        )

    def refresh_buttons(self) -> None:
        manager = self.needs_manager()
        self.manager_box.setVisible(manager)
        approved = not manager or (self.chosen_manager is not None and bool(self.pin.text()))
        self.refund.setEnabled(
            self.chosen_payment is not None and self.amount.is_valid and approved
        )

    def retranslate(self) -> None:
        title = self.tr("Refund")
        self.title.setText(f"<b>{html.escape(title)}</b>")
        for payment_id, button in self.payment_buttons.items():
            payment = self._payment_views[payment_id]
            button.setText(
                self.tr("{method} {amount}, {at}").format(
                    method=WORDS.method(payment.method),
                    amount=money(self.refundable[payment_id]),
                    at=paris_time(payment.at),  # its day is in the payments beside
                )
            )
        self.amount.set_title(self.tr("Amount to give back, in euros"))
        self.manager_text.setText(
            self.tr("Above this amount, a manager accepts the refund with their PIN.")
        )
        self.pin.setAccessibleName(self.tr("PIN of the manager"))
        self.pin.setPlaceholderText(self.tr("PIN of the manager"))
        self.refund.setText(self.tr("Refund"))
        self.refresh_buttons()
