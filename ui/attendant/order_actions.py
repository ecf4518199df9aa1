"""The counter's order detail (order_detail.py), its actions: each step the lifecycle
allows, the edit panel opened and closed, a ticket or invoice printed, written off the
GUI thread with the logged-in attendant's id (for the audit log); a refusal of the core
is shown beside the field concerned."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kiosk_app.messages import message
from kiosk_app.views.orders import EditResult, OrderView, is_editable

from ..i18n import current_lang
from ..widgets.field import show_refusal

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QLabel, QWidget

    from kiosk_app.views.attendants import AttendantView

    from ..context import KioskContext
    from ..widgets.buttons import TouchButton
    from ..widgets.field import TextField
    from .lulu_suggestions import SuggestionList, TutorCheck
    from .order_edit import OrderEditPanel
    from .order_payments import PaymentBox
    from .order_refunds import RefundBox


# For the type checker the part is the widget it is mixed into (QObject.tr, signals,
# a parent for timers and watchers); at run time a plain class, before QWidget in the
# widget's bases.
if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget as _Widget
else:
    _Widget = object


class OrderActions(_Widget):
    """The actions' part of OrderDetailPage (a mixin: the page holds the widgets)."""

    # What the page (order_detail.py) builds. Attributes, not stub methods: Qt's
    # pyside6-lupdate loses the class's name (the words' context) after a stub method.
    if TYPE_CHECKING:
        _context: KioskContext
        attendant: AttendantView | None
        order: OrderView | None
        changed: SignalInstance
        body: QWidget
        edit: TouchButton
        editor: OrderEditPanel
        error: QLabel
        done_note: QLabel
        lulus: SuggestionList
        with_tutor: TutorCheck
        lulu_error: QLabel
        assign: TouchButton
        minutes: TextField
        mark_done: TouchButton
        payments: PaymentBox
        amount: TextField
        refunds: RefundBox
        reason: TextField
        cancel: TouchButton
        take_over: TouchButton

        _fill_lulus: Callable[[OrderView], None]
        _show_state: Callable[[], None]

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
