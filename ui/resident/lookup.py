"""Finding one's own order: the phone it was placed with, and its number if the
resident has it (both on the number pad). With the phone alone, the phone's orders under
way and recent are listed and the resident picks one (one alone opens at once). With a
number, any mismatch is the same "not found" (the core sees to it), so the screen never
tells whether a number belongs to somebody else."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk_app.domain import validation
from kiosk_app.errors import ComptoirError, NotFound, ValidationError
from kiosk_app.messages import message
from kiosk_app.views.orders import OrderView, normalise_order_number

from ..context import KioskContext
from ..format import paris_datetime
from ..i18n import current_lang
from ..widgets.buttons import TouchButton
from ..widgets.field import TextField
from ..widgets.screen import empty_layout, label
from ..widgets.taps import TAPS
from .order_steps import REQUIRED_MARK, legend_text, required_legend


def _order_number(typed: str) -> str | None:
    """An order number, or nothing at all (the phone alone is enough)."""
    if not typed.strip():
        return None
    number = normalise_order_number(typed)
    if number is None:
        raise ValidationError({"number": "order_number.invalid"})
    return number


class OrderLookup(QWidget):
    found = Signal(object)  # OrderView

    def __init__(
        self,
        context: KioskContext,
        *,
        wanted: Callable[[OrderView], bool] = lambda _order: True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        # Which of the phone's orders this screen lists (rating: the done ones).
        self._wanted = wanted
        self.choices: list[TouchButton] = []
        self.legend = required_legend(self)
        self.phone = TextField(validation.phone, digits=True, parent=self)
        self.number = TextField(_order_number, digits=True, parent=self)
        self.search = TouchButton(role="primary", parent=self)
        self.search.set_pictogram("search")
        self.search.clicked.connect(self._search)
        self.error = label("error", parent=self)
        self.pick = label("title", parent=self)
        self.pick.hide()
        self.choice_list = QVBoxLayout()
        for field in (self.number, self.phone):
            field.changed.connect(self._refresh)
        row = QHBoxLayout()
        row.addWidget(self.error, 1)
        row.addWidget(self.search)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.legend)
        layout.addWidget(self.phone)
        layout.addWidget(self.number)
        layout.addLayout(row)
        layout.addWidget(self.pick)
        layout.addLayout(self.choice_list)
        layout.addStretch(1)
        self._orders: list[OrderView] = []
        self._refresh()

    def retranslate(self) -> None:
        self.legend.setText(legend_text())
        self.phone.set_title(self.tr("The phone number given with the order") + REQUIRED_MARK)
        self.number.set_title(
            self.tr("Order number, if you have it (on your ticket, e.g. 01-0042)")
        )
        self.search.setText(self.tr("Find my order"))
        self.pick.setText(self.tr("Which order?"))
        for button, order in zip(self.choices, self._orders, strict=True):
            button.setText(
                self.tr("{service}, {when}").format(
                    service=order.service_name(current_lang()),
                    when=paris_datetime(order.slot_start),
                )
            )

    def _refresh(self) -> None:
        self.error.clear()
        self._show_choices([])
        self.search.setEnabled(self.number.is_valid and self.phone.is_valid)

    def _search(self) -> None:
        # Off the GUI thread: an order of another kiosk is asked of the central server.
        orders = self._context.comptoir.orders
        number, phone = self.number.value, self.phone.text
        self.search.setEnabled(False)  # once, until the answer
        if number is not None:
            self._context.tasks.run(
                lambda: orders.find_for_resident(number, phone), self._found, self._not_found
            )
        else:
            self._context.tasks.run(
                lambda: orders.for_resident_phone(phone), self._listed, self._not_found
            )

    def _found(self, order: object) -> None:
        self._refresh()
        self.found.emit(order)

    def _listed(self, orders: object) -> None:
        self._refresh()
        assert isinstance(orders, list)
        wanted = [order for order in orders if self._wanted(order)]
        if not wanted:
            self.error.say(lambda: self.tr("We found no order for this phone number."))
        elif len(wanted) == 1:
            self.found.emit(wanted[0])
        else:
            self._show_choices(wanted)

    def _show_choices(self, orders: list[OrderView]) -> None:
        empty_layout(self.choice_list)
        self._orders = orders
        self.choices = []
        for order in orders:
            button = TouchButton(parent=self)
            button.clicked.connect(lambda _=False, chosen=order: self.found.emit(chosen))
            self.choice_list.addWidget(button)
            button.show()  # at once, not at the layout's next queued show
            self.choices.append(button)
        self.pick.setVisible(bool(orders))
        if orders:
            TAPS.screen_shown()  # the list appears where the finger was: no double tap
        self.retranslate()

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
        self._show_choices([])
