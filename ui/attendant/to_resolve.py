"""What a person must settle at this counter (DESIGN.md, "One owner per order"): money
taken here for an order another kiosk holds, paid beyond the price or for a cancelled
order, an invoice left without its credit note. The central server puts each item on
the list; this page shows each with the sentence of what to do, and the attendant marks
it resolved with a note of what was done (synced to the server)."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from kiosk_app.domain import validation
from kiosk_app.views.to_resolve import NOTE_MAX, ToResolveView

from ..context import KioskContext
from ..format import money, paris_datetime
from ..widgets.buttons import TouchButton
from ..widgets.field import TextField, show_refusal
from ..widgets.screen import Label, Screen, label


def _note(typed: str) -> str:
    return validation.bounded_text(typed, field="note", max_length=NOTE_MAX, required=True)


class ToResolvePage(Screen):
    def __init__(
        self,
        context: KioskContext,
        attendant_id: Callable[[], uuid.UUID | None],
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._attendant_id = attendant_id
        self.items: list[ToResolveView] = []
        self.rows: dict[uuid.UUID, tuple[Label, TextField, TouchButton]] = {}
        self.heading = label("title", parent=self)
        self.empty = label(parent=self)
        self.done_note = label("success", parent=self)
        self.error = label("error", parent=self)
        self.grid = QGridLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.done_note)
        layout.addWidget(self.error)
        layout.addWidget(self.empty)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        self.retranslate()

    def start(self) -> None:
        self.done_note.clear()
        self.refresh()

    def reset(self) -> None:
        self.items = []
        self._rebuild()
        self.done_note.clear()

    def refresh(self) -> None:
        self.items = self._context.comptoir.holding.to_resolve()
        self._rebuild()

    def _rebuild(self) -> None:
        while (item := self.grid.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.rows = {}
        for row, entry in enumerate(self.items):
            block = QWidget(self)
            text = label(parent=block)
            note = TextField(_note, parent=block)
            resolve = TouchButton(role="primary", parent=block)
            resolve.setEnabled(False)
            note.changed.connect(lambda n=note, b=resolve: b.setEnabled(bool(n.text.strip())))
            item_id = entry.id
            resolve.clicked.connect(lambda _=False, i=item_id: self._resolve(i))
            column = QVBoxLayout(block)
            column.setContentsMargins(0, 8, 0, 8)
            for widget in (text, note, resolve):
                column.addWidget(widget)
            self.grid.addWidget(block, row, 0)
            self.rows[entry.id] = (text, note, resolve)
        self.retranslate()

    def _resolve(self, item_id: uuid.UUID) -> None:
        _text, note, button = self.rows[item_id]
        if not note.is_valid:
            note.show_error("note.required")
            return
        typed: str = note.value
        who = self._attendant_id()
        holding = self._context.comptoir.holding
        button.setEnabled(False)  # once: until the store answers
        self.done_note.clear()
        self.error.clear()

        def refused(error: Exception) -> None:
            show_refusal(error, {"note": note}, lambda _f, said: self.error.setText(said))
            button.setEnabled(True)

        self._context.tasks.run(
            lambda: holding.resolve(item_id, typed, attendant_id=who),
            lambda _r: self._resolved(),
            refused,
        )

    def _resolved(self) -> None:
        self.refresh()
        self.done_note.setText(self.tr("Marked resolved. The central server is told."))

    def what_to_do(self, action: str) -> str:
        return {
            "move_or_refund": self.tr(
                "Taken here for an order another kiosk holds: move this payment to the "
                "order at that kiosk, or refund the person."
            ),
            "refund": self.tr(
                "The order is cancelled: refund the person (or move the money to another order)."
            ),
            "refund_excess": self.tr("Paid beyond the price: refund the excess."),
            "credit_note": self.tr(
                "The order is cancelled but its invoice stands: issue a credit note."
            ),
        }.get(action, action)

    def item_text(self, entry: ToResolveView) -> str:
        head = self.tr("Order {number}, {amount}, since {at}").format(
            number=entry.order_number,
            amount=money(entry.amount_cents),
            at=paris_datetime(entry.created_at),
        )
        return f"{head}\n{self.what_to_do(entry.action)}"

    def retranslate(self) -> None:
        self.heading.setText(self.tr("To resolve"))
        self.empty.setText(self.tr("Nothing to resolve."))
        self.empty.setVisible(not self.items)
        for entry in self.items:
            text, note, resolve = self.rows[entry.id]
            text.setText(self.item_text(entry))
            note.set_title(self.tr("What was done"))
            resolve.setText(self.tr("Mark resolved"))
