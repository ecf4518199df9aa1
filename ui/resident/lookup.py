"""Finding one's own order: its number and the phone it was placed with, both on the
number pad. Any mismatch is the same "not found" (the core sees to it), so the screen
never tells whether a number belongs to somebody else."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk_app.domain import validation
from kiosk_app.errors import ComptoirError, NotFound, ValidationError
from kiosk_app.messages import message
from kiosk_app.views.orders import normalise_order_number

from ..context import KioskContext
from ..i18n import current_lang
from ..widgets.buttons import TouchButton
from ..widgets.field import TextField
from ..widgets.screen import label


def _order_number(typed: str) -> str:
    number = normalise_order_number(typed)
    if number is None:
        raise ValidationError({"number": "order_number.invalid"})
    return number


class OrderLookup(QWidget):
    found = Signal(object)  # OrderView

    def __init__(self, context: KioskContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.number = TextField(_order_number, digits=True, parent=self)
        self.phone = TextField(validation.phone, digits=True, parent=self)
        self.search = TouchButton(role="primary", parent=self)
        self.search.set_pictogram("search")
        self.search.clicked.connect(self._search)
        self.error = label("error", parent=self)
        for field in (self.number, self.phone):
            field.changed.connect(self._refresh)
        row = QHBoxLayout()
        row.addWidget(self.error, 1)
        row.addWidget(self.search)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.number)
        layout.addWidget(self.phone)
        layout.addLayout(row)
        layout.addStretch(1)
        self._refresh()

    def retranslate(self) -> None:
        self.number.set_title(self.tr("Order number (on your ticket, e.g. 01-0042)"))
        self.phone.set_title(self.tr("The phone number given with the order"))
        self.search.setText(self.tr("Find my order"))

    def _refresh(self) -> None:
        self.error.clear()
        self.search.setEnabled(self.number.is_valid and self.phone.is_valid)

    def _search(self) -> None:
        # Off the GUI thread: an order of another kiosk is asked of the central server.
        orders = self._context.comptoir.orders
        number, phone = self.number.text, self.phone.text
        self.search.setEnabled(False)  # once, until the answer
        self._context.tasks.run(
            lambda: orders.find_for_resident(number, phone), self._found, self._not_found
        )

    def _found(self, order: object) -> None:
        self._refresh()
        self.found.emit(order)

    def _not_found(self, error: Exception) -> None:
        self._refresh()
        if isinstance(error, NotFound):
            self.error.say(
                lambda: self.tr("We found no order with this number and this phone number.")
            )
        elif isinstance(error, ComptoirError):
            key, params = error.key, error.params
            self.error.say(lambda: message(key, current_lang(), **params))
        else:
            self.error.say(lambda: message("error.unexpected", current_lang()))

    def reset(self) -> None:
        self.number.clear()
        self.phone.clear()
        self.error.clear()
