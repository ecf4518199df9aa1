"""One order at the counter: what was asked, its steps so far, and the steps the
lifecycle table allows from here (nothing else is offered). Every action is written
off the GUI thread with the logged-in attendant's id, for the audit log; a refusal of
the core is shown beside the field concerned."""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from kiosk_app.domain import validation
from kiosk_app.domain.kinds import InvoiceKind
from kiosk_app.messages import message
from kiosk_app.views.attendants import AttendantView
from kiosk_app.views.orders import EditResult, OrderView, is_editable
from kiosk_app.views.print_jobs import INVOICE_KIND
from kiosk_app.views.suggestions import StepWithLulu
from printing.files import invoice_file
from sync.protocol import TRANSITIONS, OrderStatus

from ..context import KioskContext
from ..format import paris_datetime, paris_slot
from ..i18n import current_lang
from ..widgets.buttons import TouchButton
from ..widgets.confirm import Confirmation
from ..widgets.field import TextField, show_refusal
from ..widgets.screen import Screen, label
from .amounts import actual_minutes
from .lulu_suggestions import SuggestionList, TutorCheck
from .order_edit import OrderEditPanel
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


class OrderDetailPage(Screen):  # a Screen: it retranslates itself
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

    def _step_text(self, step: StepWithLulu) -> str:
        when = paris_datetime(step.at)
        if step.lulu_name and step.tutor_name:
            return self.tr("Assigned to {name}, with their tutor {tutor}: {at}").format(
                name=step.lulu_name, tutor=step.tutor_name, at=when
            )
        if step.lulu_name:
            return self.tr("Assigned to {name}: {at}").format(name=step.lulu_name, at=when)
        return self.tr("{status}: {at}").format(status=WORDS.status(step.status), at=when)

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

    # --- the actions --------------------------------------------------------------------

    @property
    def _attendant_id(self) -> uuid.UUID | None:
        return self.attendant.id if self.attendant else None

    def _open_editor(self) -> None:
        if self.order is None:
            return
        self.error.clear()
        self.done_note.clear()
        self.editor.start(self.order, self._attendant_id)
        self.body.hide()
        self.edit.hide()
        self.editor.show()

    def _close_editor(self) -> None:
        self.editor.hide()
        self.body.show()
        self.edit.setVisible(
            self.order is not None and self.order.held_by is None and is_editable(self.order.status)
        )

    def _edited(self, result: EditResult) -> None:
        self._close_editor()
        if not result.changed:
            note = self.tr("Nothing was changed.")
        elif result.reprinted:
            note = self.tr("Changes saved. The new ticket is sent to the printer.")
        else:
            note = self.tr("Changes saved.")
        self._written(note, clear=False)

    def _confirm(self) -> None:
        order_id, who = self._order_id, self._attendant_id
        self._run(lambda o: o.confirm(order_id, attendant_id=who), self.tr("Order confirmed."))

    def _withdraw(self) -> None:
        order_id, who = self._order_id, self._attendant_id
        self._run(lambda o: o.withdraw(order_id, attendant_id=who), self.tr("Lulu withdrawn."))

    def _assign(self) -> None:
        chosen = self.lulus.chosen()
        if chosen is None:
            self.lulu_error.setText(message("lulu.required", current_lang()))
            return
        order_id, who, paired = self._order_id, self._attendant_id, self.with_tutor.pairing
        suggestions = self._context.comptoir.suggestions
        if paired and chosen.tutor is not None:
            note = self.tr("Assigned to {name}, with their tutor {tutor}.").format(
                name=chosen.display_name, tutor=chosen.tutor.display_name
            )
        else:
            note = self.tr("Assigned to {name}.").format(name=chosen.display_name)
        self._write(
            lambda: suggestions.assign(
                order_id, chosen.lulu_id, with_tutor=paired, attendant_id=who
            ),
            note,
        )

    def _mark_done(self) -> None:
        if not self.minutes.is_valid:
            self.minutes.show_error("actual_minutes.out_of_range", max=24 * 60)
            return
        minutes: int = self.minutes.value
        order_id, who = self._order_id, self._attendant_id
        self._run(
            lambda o: o.mark_done(order_id, minutes, attendant_id=who),
            self.tr("Marked done."),
        )

    def _cancel(self) -> None:
        if not self.reason.is_valid:
            self.reason.show_error("reason.required")
            return
        reason: str = self.reason.value
        order_id, who = self._order_id, self._attendant_id
        self._run(
            lambda o: o.cancel(order_id, reason, attendant_id=who), self.tr("Order cancelled.")
        )

    def _take_over(self) -> None:
        order_id, who = self._order_id, self._attendant_id
        holding = self._context.comptoir.holding
        self.take_over.setEnabled(False)  # until the write returns
        self._write(
            lambda: holding.ask_take_over(order_id, attendant_id=who),
            self.tr("Asked: the order comes to this kiosk at the next sync."),
        )

    def _reprint(self) -> None:
        order_id = self._order_id
        jobs = self._context.comptoir.print_jobs
        self._write(lambda: jobs.reprint(order_id), self.tr("The ticket is sent to the printer."))

    def _print_invoice(self) -> None:
        order_id, who = self._order_id, self._attendant_id
        jobs = self._context.comptoir.print_jobs
        self._write(
            lambda: jobs.print_invoice(order_id, attendant_id=who),
            self.tr("The invoice is sent to the printer."),
        )

    def _invoice(self, order: OrderView) -> tuple[str, bool, Path] | None:
        """The order's invoice (number, printed before?, where its PDF goes), or None."""
        comptoir = self._context.comptoir
        invoices = [
            i for i in comptoir.invoices.for_order(order.id) if i.kind is InvoiceKind.INVOICE
        ]
        if not invoices:
            return None
        number = invoices[-1].number
        printed = any(j.kind == INVOICE_KIND for j in comptoir.print_jobs.for_order(order.id))
        return number, printed, invoice_file(comptoir.store.path.parent, number)

    def _show_invoice(self, order: OrderView) -> None:
        invoice = self._invoice(order)
        self.print_invoice.setVisible(invoice is not None)
        self.invoice_shown.setVisible(invoice is not None)
        if invoice is None:
            return
        number, printed, path = invoice
        self.print_invoice.setText(
            self.tr("Reprint the invoice") if printed else self.tr("Print the invoice")
        )
        if path.is_file():
            self.invoice_shown.setText(
                self.tr("Invoice {number}. Saved: {path}").format(number=number, path=path)
            )
        elif printed:
            self.invoice_shown.setText(
                self.tr("Invoice {number}: its PDF is being saved as {path}").format(
                    number=number, path=path
                )
            )
        else:
            self.invoice_shown.setText(self.tr("Invoice {number}").format(number=number))

    @property
    def _order_id(self) -> uuid.UUID:
        assert self.order is not None
        return self.order.id

    def _run(self, step: Callable[[Any], OrderView], note: str) -> None:
        orders = self._context.comptoir.orders
        self._write(lambda: step(orders), note)

    def _write_from_box(self, work: Callable[[], object], note: str, clear: bool) -> None:
        self._write(work, note, clear=clear)

    def _write_refund(self, work: Callable[[], object], say: Callable[[object], str]) -> None:
        """A refund: its note comes from what was written (the credit note's number and
        what is still due); a refusal shows beside the refund's own amount."""
        self.error.clear()
        self.done_note.clear()

        def refused(error: Exception) -> None:
            show_refusal(
                error, {"amount": self.refunds.amount}, lambda _f, text: self.error.setText(text)
            )

        def written(result: object) -> None:
            self.refunds.forget()
            self._written(say(result), clear=False)

        self._context.tasks.run(work, written, refused)

    def _write(self, work: Callable[[], object], note: str, *, clear: bool = False) -> None:
        self.error.clear()
        self.done_note.clear()
        self.lulu_error.clear()
        self._context.tasks.run(
            work, lambda _result: self._written(note, clear=clear), self._refused
        )

    def _written(self, note: str, *, clear: bool) -> None:
        if self.order is None:
            return
        order = self._context.comptoir.orders.get(self.order.id)
        self.order = order
        if clear:
            self.payments.disarm()
        self._fill_lulus(order)
        self._show_state()
        self.done_note.setText(note)
        self.changed.emit(order)

    def _refused(self, error: Exception) -> None:
        fields = {"actual_minutes": self.minutes, "amount": self.amount, "reason": self.reason}

        def say(field: str, text: str) -> None:
            (self.lulu_error if field in ("lulu", "tutor") else self.error).setText(text)

        show_refusal(error, fields, say)

    def _refresh_buttons(self) -> None:
        self.assign.setEnabled(self.lulus.chosen() is not None)
        self.mark_done.setEnabled(bool(self.minutes.text.strip()))
        self.cancel.setEnabled(bool(self.reason.text.strip()))
        self.payments.refresh_buttons()
        order = self.order
        asked = order is not None and self._context.comptoir.holding.take_over_pending(order.id)
        self.take_over.setEnabled(order is not None and order.held_by is not None and not asked)

    # --- words ------------------------------------------------------------------------

    def _facts(self, order: OrderView) -> str:
        comptoir = self._context.comptoir
        client = comptoir.clients.get(order.client_id)
        address = order.address
        where = ", ".join(p for p in (address.street, address.postcode, address.city) if p)
        lines = [
            order.service_name(current_lang()),
            self.tr("When: {slot}").format(slot=paris_slot(order.slot_start, order.slot_end)),
            # An erased client has no phone left: no dangling comma.
            self.tr("Client: {name}, {phone}").format(name=client.name, phone=client.phone_display)
            if client.phone_display
            else self.tr("Client: {name}").format(name=client.name),
            self.tr("Address: {address}").format(address=where),
            self.tr("Channel: {channel}").format(channel=WORDS.channel(order.channel)),
        ]
        if order.description:
            lines.append(self.tr("Asked: {text}").format(text=order.description))
        if order.lulu_id is not None:
            lulu = comptoir.lulus.get(order.lulu_id)
            lines.append(self.tr("Lulu: {name}").format(name=lulu.display_name))
        if order.cancel_reason:
            lines.append(self.tr("Reason: {reason}").format(reason=order.cancel_reason))
        return "\n".join(lines)

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
