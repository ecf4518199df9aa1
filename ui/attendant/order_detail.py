"""One order at the counter: what was asked, its steps so far, and the steps the
lifecycle table allows from here (nothing else is offered). Every action is written
off the GUI thread with the logged-in attendant's id, for the audit log; a refusal of
the core is shown beside the field concerned (the actions: order_actions.py; the words
about the order and its invoice: order_facts.py)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from kiosk_app.domain import validation
from kiosk_app.messages import message
from kiosk_app.views.attendants import AttendantView
from kiosk_app.views.orders import OrderView, is_editable
from sync.protocol import TRANSITIONS, OrderStatus

from ..context import KioskContext
from ..i18n import current_lang
from ..widgets.buttons import TouchButton
from ..widgets.confirm import Confirmation
from ..widgets.field import TextField
from ..widgets.screen import Screen, label
from .amounts import actual_minutes
from .lulu_suggestions import SuggestionList, TutorCheck
from .order_actions import OrderActions
from .order_edit import OrderEditPanel
from .order_facts import OrderFacts
from .order_payments import PaymentBox
from .order_refunds import RefundBox
from .words import WORDS


def _reason(typed: str) -> str:
    return validation.bounded_text(
        typed, field="reason", max_length=validation.COMMENT_MAX, required=True
    )


def _bold(text: str) -> str:
    """A section's heading: bold body text (the theme's titles are for screens)."""
    return f"<b>{html.escape(text)}</b>"


def _section(parent: QWidget) -> tuple[QWidget, QVBoxLayout]:
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 8, 0, 8)
    return box, layout


class OrderDetailPage(OrderActions, OrderFacts, Screen):  # a Screen: it retranslates itself
    back = Signal()
    changed = Signal(object)  # OrderView

    def __init__(self, context: KioskContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.attendant: AttendantView | None = None
        self.order: OrderView | None = None

        self.back_button = TouchButton(parent=self)
        self.back_button.set_pictogram("back")
        self.back_button.clicked.connect(self.back)
        self.heading = label("title", parent=self)
        self.summary = label(parent=self)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.timeline_title = label(parent=self)
        self.timeline = label(parent=self)
        self.money_title = label(parent=self)
        self.money_shown = label(parent=self)
        for heading in (self.timeline_title, self.money_title):
            heading.setContentsMargins(0, 16, 0, 0)
        self.error = label("error", parent=self)
        self.done_note = label("success", parent=self)
        # What the central server decided against this kiosk about the order (a Lulu's
        # slot taken at another kiosk, a rating refused): newest first.
        self.server_notes = label("error", parent=self)
        self.server_notes.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        self.confirm = TouchButton(role="primary", parent=self)
        self.confirm.set_pictogram("check")
        self.confirm.clicked.connect(self._confirm)
        self.withdraw = TouchButton(parent=self)
        self.withdraw.clicked.connect(self._withdraw)
        self.edit = TouchButton(parent=self)
        self.edit.clicked.connect(self._open_editor)
        # Editing replaces the detail's two columns until saved or cancelled.
        self.editor = OrderEditPanel(context, parent=self)
        self.editor.saved.connect(self._edited)
        self.editor.cancelled.connect(self._close_editor)
        self.editor.hide()

        self.assign_box, assign = _section(self)
        self.assign_title = label(parent=self.assign_box)
        self.lulus = SuggestionList(context, parent=self.assign_box)
        self.lulus.itemSelectionChanged.connect(self._lulu_chosen)
        self.with_tutor = TutorCheck(parent=self.assign_box)
        self.lulu_error = label("error", parent=self.assign_box)
        self.assign = TouchButton(role="primary", parent=self.assign_box)
        self.assign.clicked.connect(self._assign)
        for widget in (
            self.assign_title,
            self.lulus,
            self.with_tutor,
            self.lulu_error,
            self.assign,
        ):
            assign.addWidget(widget)

        self.done_box, done = _section(self)
        self.minutes = TextField(actual_minutes, digits=True, parent=self.done_box)
        self.minutes.changed.connect(self._refresh_buttons)
        self.mark_done = TouchButton(role="primary", parent=self.done_box)
        self.mark_done.clicked.connect(self._mark_done)
        done.addWidget(self.minutes)
        done.addWidget(self.mark_done)

        self.payments = PaymentBox(
            context, self._write_from_box, lambda: self._attendant_id, parent=self
        )
        self.payments.amount.changed.connect(self._refresh_buttons)
        # The payment box's parts, by the names the counter's tests and tour use.
        self.pay_box = self.payments
        self.methods = self.payments.methods
        self.amount = self.payments.amount
        self.pay = self.payments.pay
        self.refunds = RefundBox(
            context, self._write_refund, lambda: self._attendant_id, parent=self
        )

        self.cancel_box, cancel = _section(self)
        self.reason = TextField(_reason, parent=self.cancel_box)
        self.reason.changed.connect(self._refresh_buttons)
        self.cancel = TouchButton(parent=self.cancel_box)
        cancel.addWidget(self.reason)
        cancel.addWidget(self.cancel)
        # Cancelled is final: asked once more, in red, before it is written.
        self.cancel_confirmation = Confirmation(
            self.cancel,
            self._cancel,
            question=lambda: self.tr(
                "Cancel this order for good? A cancelled order cannot be reopened."
            ),
            yes=lambda: self.tr("Yes, cancel the order"),
            no=lambda: self.tr("No, keep it"),
        )

        # An order another kiosk holds: read-only here, with who holds it, and a way to
        # ask for it (DESIGN.md, "One owner per order").
        self.held_note = label(parent=self)
        self.take_over = TouchButton(role="primary", parent=self)
        self.take_over.clicked.connect(self._take_over)

        self.reprint = TouchButton(parent=self)
        self.reprint.set_pictogram("print")
        self.reprint.clicked.connect(self._reprint)
        self.print_invoice = TouchButton(parent=self)
        self.print_invoice.clicked.connect(self._print_invoice)
        self.invoice_shown = label("small", parent=self)
        self.invoice_shown.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        facts = QVBoxLayout()
        for widget in (
            self.summary,
            self.timeline_title,
            self.timeline,
            self.money_title,
            self.money_shown,
        ):
            facts.addWidget(widget)
            if widget is self.summary:
                # Under what it edits; the actions column, often the taller, keeps its height.
                edit_row = QHBoxLayout()
                edit_row.addWidget(self.edit)
                edit_row.addStretch(1)
                facts.addLayout(edit_row)
        facts.addStretch(1)
        actions = QVBoxLayout()
        action: QWidget
        for action in (
            self.server_notes,
            self.error,
            self.done_note,
            self.held_note,
            self.take_over,
            self.confirm,
            self.withdraw,
            self.assign_box,
            self.done_box,
            self.pay_box,
            self.refunds,
            self.cancel_box,
            self.reprint,
            self.print_invoice,
            self.invoice_shown,
        ):
            actions.addWidget(action)
        actions.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.heading, 1)
        columns = QGridLayout()
        columns.setHorizontalSpacing(32)
        columns.addLayout(facts, 0, 0)
        columns.addLayout(actions, 0, 1)
        # The actions a little wider than the facts: the payment methods keep three a
        # row at 1280 px, two on a narrower page (1024 px, portrait), words whole.
        columns.setColumnStretch(0, 4)
        columns.setColumnStretch(1, 5)
        self.body = QWidget(self)
        self.body.setLayout(columns)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.body)
        layout.addWidget(self.editor)
        self.retranslate()

    # --- showing an order -------------------------------------------------------------

    def show_order(self, order: OrderView) -> None:
        """Show `order` afresh: what was typed for another order is forgotten."""
        self.order = order
        self._close_editor()
        for field in (self.minutes, self.reason):
            field.clear()
        self.payments.forget()
        self.refunds.forget()
        self.error.clear()
        self.done_note.clear()
        self.lulu_error.clear()
        self._fill_lulus(order)
        self._show_state()

    def _fill_lulus(self, order: OrderView) -> None:
        """The Lulus as the core ranks them for this order, with their reasons; read
        only when the order can be assigned (nothing is chosen for the attendant)."""
        self.with_tutor.follow(None)
        if OrderStatus.ASSIGNED not in TRANSITIONS[order.status]:
            self.lulus.forget()
            return
        self.lulus.show_suggestions(self._context.comptoir.suggestions.for_order(order.id), order)

    def _lulu_chosen(self) -> None:
        self.with_tutor.follow(self.lulus.chosen())
        self._refresh_buttons()

    def _show_state(self) -> None:
        order = self.order
        if order is None:
            return
        # Held elsewhere: no step is offered here (payments still are: money is a fact).
        allowed = TRANSITIONS[order.status] if order.held_by is None else frozenset()
        self.held_note.setVisible(order.held_by is not None)
        self.take_over.setVisible(order.held_by is not None)
        self.edit.setVisible(order.held_by is None and is_editable(order.status))
        self.confirm.setVisible(order.held_by is None and order.status is OrderStatus.REQUESTED)
        self.withdraw.setVisible(
            order.status is OrderStatus.ASSIGNED and OrderStatus.CONFIRMED in allowed
        )
        self.assign_box.setVisible(OrderStatus.ASSIGNED in allowed)
        self.done_box.setVisible(OrderStatus.DONE in allowed)
        self.cancel_box.setVisible(OrderStatus.CANCELLED in allowed)
        self.payments.show_order(order)
        self.refunds.show_order(order)
        self.retranslate()

    # --- words ------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("Back to the queue"))
        self.timeline_title.setText(_bold(self.tr("Steps")))
        self.money_title.setText(_bold(self.tr("Price and payments")))
        self.confirm.setText(self.tr("Confirm the order"))
        self.withdraw.setText(self.tr("Withdraw the Lulu"))
        self.edit.setText(self.tr("Edit the order"))
        self.assign_title.setText(_bold(self.tr("Assign a Lulu")))
        self.lulus.retranslate()
        self.with_tutor.retranslate()
        self.assign.setText(self.tr("Assign this Lulu"))
        self.minutes.set_title(self.tr("Actual time, in minutes"))
        self.mark_done.setText(self.tr("Mark done"))
        self.payments.retranslate()
        self.refunds.retranslate()
        self.reason.set_title(self.tr("Reason for cancelling"))
        self.cancel.setText(self.tr("Cancel the order"))
        self.reprint.setText(self.tr("Print the ticket again"))
        self.take_over.setText(self.tr("Ask to take this order over"))
        order = self.order
        if order is not None and order.held_by == "":
            self.held_note.setText(
                self.tr("No kiosk holds this web order yet: take it over to handle it.")
            )
        elif order is not None and order.held_by is not None:
            self.held_note.setText(
                self.tr("Kiosk “{kiosk}” holds this order: read-only here.").format(
                    kiosk=order.held_by
                )
            )
        if order is not None:
            self._show_invoice(order)
            self.heading.setText(
                self.tr("Order {number}: {status}").format(
                    number=order.number, status=WORDS.status(order.status)
                )
            )
            self.summary.setText(self._facts(order))
            steps = self._context.comptoir.suggestions.steps(order.id)
            self.timeline.setText("\n".join(self._step_text(step) for step in steps))
            self.money_shown.setText(self.payments.money_text(order))
            notes = self._context.comptoir.sync_notes.for_order(order.id)
            lang = current_lang()
            self.server_notes.setText(
                "\n".join(message(note.key, lang, **note.params) for note in notes)
            )
            self.server_notes.setVisible(bool(notes))
        self._refresh_buttons()

    def reset(self) -> None:
        self.order = None
        self.attendant = None
        self.editor.reset()
        self._close_editor()
        self.lulus.forget()
        self.with_tutor.follow(None)
        for field in (self.minutes, self.reason):
            field.clear()
        self.payments.forget()
        self.refunds.forget()
        for text in (self.heading, self.summary, self.timeline, self.money_shown, self.error):
            text.clear()
        self.done_note.clear()
