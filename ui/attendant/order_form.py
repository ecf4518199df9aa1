"""Taking an order at the counter on one dense screen, in the order the attendant asks:
the client (found by phone or name, or new) in the first column; the service (found by
a word), its duration and price, and the slot in the second; what is to be done and,
if the attendant knows already, the Lulu in the third; then one tap to confirm.

The order is placed with the counter's channel and the attendant's id; its ticket is
queued by the core in the same transaction. With a Lulu chosen, the order is then
confirmed and assigned (the lifecycle goes requested → confirmed → assigned). A clear
confirmation names the order's number and the form is empty for the next resident.

With a physical keyboard: Tab follows the columns; Enter in a search field takes its
first match (or, for the client, a new client with what was typed)."""

from __future__ import annotations

import html
import itertools
import uuid

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLineEdit,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk_app.domain import validation
from kiosk_app.errors import ValidationError
from kiosk_app.views.attendants import AttendantView
from kiosk_app.views.catalogue import ServiceView
from kiosk_app.views.clients import ClientView
from kiosk_app.views.orders import OrderRequest

from ..context import KioskContext
from ..format import money
from ..widgets.field import TextField, show_refusal
from ..widgets.screen import Screen, label
from ..widgets.slot_picker import SlotPicker
from ..widgets.stepper import Stepper
from .order_field import Field, text_check
from .order_matches import ClientMatches, LuluMatches, MatchList, ServiceMatches
from .order_placing import TYPED, OrderFoot, Placed, counter_request, place


def _column(*widgets: QWidget) -> QVBoxLayout:
    """One of the form's columns: its widgets from the top, close together."""
    box = QVBoxLayout()
    box.setSpacing(4)
    for widget in widgets:
        box.addWidget(widget)
    box.addStretch(1)
    return box


def _bold(text: str) -> str:
    """A column's heading: bold body text (the theme's titles are for screens)."""
    return f"<b>{html.escape(text)}</b>"


class CounterOrderPage(Screen):  # a Screen: it retranslates itself
    placed = Signal(object)  # OrderView: the attendant asked to open the order just placed

    def __init__(self, context: KioskContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # One order per form filled: made anew when the form is emptied for the next.
        self.request_id = uuid.uuid4()
        self._context = context
        self.attendant: AttendantView | None = None
        self.client: ClientView | None = None
        self.service: ServiceView | None = None
        self.last: Placed | None = None

        # The client.
        self.client_title = label(parent=self)
        self.find_client = QLineEdit(self)
        self.find_client.textChanged.connect(self._search_clients)
        self.find_client.returnPressed.connect(lambda: self._take_first(self.clients))
        self.clients: ClientMatches = ClientMatches(context, parent=self)
        self.clients.itemClicked.connect(self._client_chosen)
        self.phone = Field(validation.phone, digits=True)
        self.name = Field(validation.person_name)
        self.street = Field(text_check("street", validation.STREET_MAX, required=True))
        self.postcode = Field(validation.postcode, digits=True)
        self.access = Field(text_check("access_notes", validation.ACCESS_NOTES_MAX))
        # Sending, and what was sent, at the form's foot.
        self.foot = OrderFoot(parent=self)
        self.consent = self.foot.consent  # to the use of a new client's details

        # The service, its duration and price, the slot.
        self.service_title = label(parent=self)
        self.find_service = QLineEdit(self)
        self.find_service.textChanged.connect(self._search_services)
        self.find_service.returnPressed.connect(lambda: self._take_first(self.services))
        self.services: ServiceMatches = ServiceMatches(context, parent=self)
        self.services.itemClicked.connect(self._service_chosen)
        self.units = Stepper(parent=self)
        # Body text, not the theme's title size: a third of 1280 px is narrow.
        self.units.shown.setMinimumWidth(0)
        self.units.shown.setProperty("role", "")
        self.units.shown.setWordWrap(True)
        self.units.setStyleSheet(
            "QPushButton { min-width: 48px; min-height: 52px; padding: 0 8px; }"
        )
        self.units.changed.connect(lambda _units: self._show_price())
        self.picker = SlotPicker(parent=self)
        # Its buttons say "Tomorrow 27 Nov" and "9:00 to 11:00": the questions above
        # them take height the counter's screen has not got.
        self.picker.day_title.hide()
        self.picker.window_title.hide()
        # Smaller day buttons than the theme's (still 18 px text, still above 48 px): seven
        # a row fit the page's width at 1280 px, and the whole form its height at 800 px.
        self.picker.setStyleSheet(
            "QPushButton { padding: 0 4px; font-size: 18px; min-height: 52px; }"
        )

        # What is to be done, and the Lulu if already known.
        self.details_title = label(parent=self)
        self.description = Field(
            text_check("description", validation.DESCRIPTION_MAX), multiline=True
        )
        self.description.editor.setMaximumHeight(80)
        self.lulu_title = label(parent=self)
        self.lulus = LuluMatches(context, parent=self)

        self.error, self.confirmation = self.foot.error, self.foot.confirmation
        self.draft_note = self.foot.draft_note
        self.confirm, self.open_placed = self.foot.confirm, self.foot.open_placed
        self.confirm.clicked.connect(self._place)
        self.open_placed.clicked.connect(self._open_placed)
        for field in self._fields().values():
            field.changed.connect(self._refresh)
            field.changed.connect(self._next_order)
        for search in (self.find_client, self.find_service):
            search.textChanged.connect(self._next_order)
        self.picker.changed.connect(self._next_order)
        self.picker.changed.connect(self._refresh)
        self.consent.toggled.connect(self._refresh)

        self._lay_out()
        self._set_tab_order()
        self.retranslate()

    def _lay_out(self) -> None:
        """Client | service and Lulu | address and details, the confirm button at the
        third column's foot, the slot picker under all three: its seven day buttons a
        row need the whole width at 1280 px. No page title: the navigation says where
        the attendant is, and the screen's height is all needed."""
        who = _column(self.client_title, self.find_client, self.clients, self.phone, self.name)
        what = _column(
            self.service_title,
            self.find_service,
            self.services,
            self.units,
            self.lulu_title,
            self.lulus,
        )
        details = _column(
            self.details_title, self.street, self.postcode, self.access, self.description
        )
        columns = QGridLayout()
        columns.setHorizontalSpacing(24)
        columns.setVerticalSpacing(4)
        columns.addLayout(who, 0, 0)
        columns.addLayout(what, 0, 1)
        columns.addLayout(details, 0, 2)
        columns.addWidget(self.picker, 1, 0, 1, 3)
        columns.addWidget(self.foot, 2, 0, 1, 3)
        for column in range(3):
            columns.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(columns)
        layout.addStretch(1)

    def _set_tab_order(self) -> None:
        """Tab follows the flow: the client's fields, the service, what is to be done,
        the Lulu (buttons take no focus: the slot is tapped)."""
        chain: list[QWidget] = [
            self.find_client,
            self.clients,
            self.phone.editor,
            self.name.editor,
            self.street.editor,
            self.postcode.editor,
            self.access.editor,
            self.consent,
            self.find_service,
            self.services,
            self.description.editor,
            self.lulus,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def start(self) -> None:
        self.reset()
        self.picker.set_now(self._context.clock())

    # --- finding the client -------------------------------------------------------------

    def _take_first(self, matches: MatchList) -> None:
        """Enter in a search field: its first match, as if tapped."""
        matches.take_first()

    def _search_clients(self, typed: str) -> None:
        self.clients.search(typed)

    def _client_chosen(self, item: QListWidgetItem) -> None:
        chosen = self.clients.chosen(item)
        if chosen is not None:
            self.client = chosen
            self.phone.set_text(chosen.phone_display)
            self.name.set_text(chosen.name)
            self.street.set_text(chosen.address.street)
            self.postcode.set_text(chosen.address.postcode)
            self.access.set_text(chosen.address.access_notes)
            for field in (self.street, self.access):  # the start of the address shows
                if isinstance(field.editor, QLineEdit):
                    field.editor.setCursorPosition(0)
            self.find_service.setFocus()
        else:
            self._new_client()
        self._refresh()

    def _new_client(self) -> None:
        """A client we do not know: what was typed in the search goes where it belongs
        (digits to the phone, words to the name), the rest is typed next."""
        self.client = None
        typed = self.find_client.text().strip()[: validation.NAME_MAX]
        digits = sum(ch.isdigit() for ch in typed)
        for field in (self.phone, self.name, self.street, self.postcode, self.access):
            field.clear()
        self.consent.setChecked(False)
        if typed and digits * 2 >= len(typed):
            self.phone.set_text(typed)
            self.name.editor.setFocus()
        else:
            self.name.set_text(typed)
            self.phone.editor.setFocus()

    # --- the service and the Lulus who can do it ----------------------------------------

    def _search_services(self, typed: str) -> None:
        self.services.search(typed)

    def _service_chosen(self, item: QListWidgetItem) -> None:
        service: ServiceView = self.services.service(item)
        self.service = service
        self.units.set_range(1, service.max_units)
        self.lulus.fill(service)
        self._show_price()
        self._refresh()
        self.description.editor.setFocus()

    def _show_price(self) -> None:
        """The estimate under the duration: the chosen service stays lit in its list."""
        service = self.service
        if service is None:
            self.units.set_display(self.tr("No service yet"))
            return
        units = self.units.value()
        self.units.set_display(
            self.tr("{units} × {minutes} min\n{price}").format(
                units=units,
                minutes=service.unit_minutes,
                price=money(service.price(units).total_cents),
            )
        )

    # --- confirming ---------------------------------------------------------------------

    def _is_known_client(self) -> bool:
        return self.client is not None and self.client.phone_display == self.phone.text

    def _refresh(self) -> None:
        fields = (self.phone, self.street, self.postcode, self.access, self.description)
        ready = all(f.is_valid for f in fields) and self.service is not None
        if not self._is_known_client():
            ready = ready and self.name.is_valid and self.consent.isChecked()
        self.confirm.setEnabled(ready and self.picker.slot() is not None)

    def _request(self) -> OrderRequest:
        slot = self.picker.slot()
        assert self.service is not None and slot is not None
        known = self.client.address if self._is_known_client() and self.client else None
        return counter_request(
            service=self.service,
            slot=slot,
            units=self.units.value(),
            typed={name: field.text for name, field in self._fields().items()},
            consent=self.consent.isChecked(),
            known=known,
        )

    def _place(self) -> None:
        request = self._request()
        lulu = self.lulus.chosen()
        who = self.attendant.id if self.attendant else None
        request_id = self.request_id
        self.confirm.setEnabled(False)  # one order per tap
        self.error.clear()
        orders = self._context.comptoir.orders

        def work() -> Placed:
            return place(orders, request, lulu, attendant_id=who, request_id=request_id)

        self._context.tasks.run(work, self._placed, self._refused)

    def _placed(self, placed: Placed) -> None:
        self.reset()
        self.last = placed
        self.foot.say_placed(placed)
        self.foot.show_placed(True)
        if placed.refusal is not None:
            show_refusal(placed.refusal, {}, lambda _field, text: self.error.setText(text))

    def _next_order(self) -> None:
        if self.last is not None:
            self.last = None
            self.foot.say_placed(None)
            self.error.clear()
            self.foot.show_placed(False)

    def _open_placed(self) -> None:
        if self.last is not None:
            order = self._context.comptoir.orders.get(self.last.order.id)
            self.placed.emit(order)

    def _fields(self) -> dict[str, TextField]:
        """The typed fields by the core's names for them (TYPED)."""
        fields = (self.phone, self.name, self.street, self.postcode, self.access)
        return dict(zip(TYPED, (*fields, self.description), strict=True))

    def _refused(self, error: Exception) -> None:
        self._refresh()
        if isinstance(error, ValidationError) and "consent" in error.fields:
            self.consent.setFocus()
        show_refusal(error, self._fields(), lambda _field, text: self.error.setText(text))

    # --- words ------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.client_title.setText(_bold(self.tr("1. Client")))
        self.find_client.setPlaceholderText(self.tr("Phone or name"))
        self.find_client.setAccessibleName(self.tr("Find a client"))
        self.phone.set_title(self.tr("Phone"))
        self.name.set_title(self.tr("Name (a new client)"))
        self.street.set_title(self.tr("Street and number"))
        self.postcode.set_title(self.tr("Postcode"))
        self.access.set_title(self.tr("Building, floor, door code"))
        self.service_title.setText(_bold(self.tr("2. Service and slot")))
        self.find_service.setPlaceholderText(self.tr("Find a service"))
        self.find_service.setAccessibleName(self.tr("Find a service"))
        self.units.set_names(self.tr("Shorter"), self.tr("Longer"))
        self.details_title.setText(_bold(self.tr("3. Details")))
        self.description.set_title(self.tr("What is to be done"))
        self.lulu_title.setText(self.tr("Lulu (optional)"))
        for matches in (self.clients, self.services, self.lulus):
            matches.retranslate()
        self.foot.retranslate()
        self._show_price()

    def has_draft(self) -> bool:
        """Something typed or chosen for an order not yet placed: worth keeping across
        a lock for the same attendant (in memory only: it names a client)."""
        typed = [self.find_client, self.find_service]
        return (
            self.client is not None
            or self.service is not None
            or self.picker.slot() is not None
            or any(editor.text().strip() for editor in typed)
            or any(field.text.strip() for field in self._fields().values())
        )

    def say_draft_kept(self) -> None:
        self.draft_note.say(lambda: self.tr("Your order in progress is back, as you left it."))

    def reset(self) -> None:
        """Empty for the next resident (after an order, and when the counter locks)."""
        self.draft_note.clear()
        self.request_id = uuid.uuid4()
        self.client = None
        self.service = None
        self.last = None
        self.find_client.clear()
        self.find_service.clear()
        for field in self._fields().values():
            field.clear()
        self.consent.setChecked(False)
        self.picker.clear()
        self.units.set_value(1)
        self.error.clear()
        self.foot.say_placed(None)
        self.foot.show_placed(False)
        self.lulus.fill(None)
        self._show_price()
        self._refresh()
