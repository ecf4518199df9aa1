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
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk_app.domain import validation
from kiosk_app.errors import ValidationError
from kiosk_app.views.attendants import AttendantView
from kiosk_app.views.catalogue import ServiceView
from kiosk_app.views.clients import AddressInput, ClientView
from kiosk_app.views.lulus import LuluView
from kiosk_app.views.orders import OrderRequest, OrderView
from sync.protocol import Channel

from ..context import KioskContext
from ..format import money, paris_datetime
from ..i18n import current_lang
from ..widgets.buttons import TouchButton
from ..widgets.field import Check, TextField, show_refusal
from ..widgets.screen import Screen, label
from ..widgets.slot_picker import SlotPicker
from ..widgets.stepper import Stepper
from .order_matches import ClientMatches, LuluMatches, MatchList, ServiceMatches


def _text(field: str, max_length: int, *, required: bool = False) -> Callable[[str], str]:
    return partial(validation.bounded_text, field=field, max_length=max_length, required=required)


def _bold(text: str) -> str:
    """A column's heading: bold body text (the theme's titles are for screens)."""
    return f"<b>{html.escape(text)}</b>"


class Field(TextField):
    """A text field whose message sits under its editor, and takes no room until there
    is one: a column a third of the screen wide has no room for both on one line, nor
    for an empty line under every field."""

    def __init__(self, check: Check, *, multiline: bool = False, digits: bool = False) -> None:
        super().__init__(check, multiline=multiline, digits=digits)
        outer = self.layout()
        item = outer.itemAt(1) if outer is not None else None
        row = item.layout() if item is not None else None
        if outer is not None and row is not None:
            row.removeWidget(self.message)
            outer.addWidget(self.message)
        self.message.setVisible(bool(self.message.text()))

    def _show(self) -> None:
        super()._show()
        self.message.setVisible(bool(self.message.text()))


@dataclass(frozen=True, slots=True)
class Placed:
    """What the confirmation says: the order as placed, and the Lulu if one was
    assigned (or the core's refusal of the assignment, the order being placed anyway)."""

    order: OrderView
    lulu: LuluView | None
    refusal: Exception | None = None


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
        self.clients = ClientMatches(context, parent=self)
        self.clients.itemClicked.connect(self._client_chosen)
        self.phone = Field(validation.phone, digits=True)
        self.name = Field(validation.person_name)
        self.street = Field(_text("street", validation.STREET_MAX, required=True))
        self.postcode = Field(validation.postcode, digits=True)
        self.access = Field(_text("access_notes", validation.ACCESS_NOTES_MAX))
        self.consent = QCheckBox(self)  # to the use of a new client's details

        # The service, its duration and price, the slot.
        self.service_title = label(parent=self)
        self.find_service = QLineEdit(self)
        self.find_service.textChanged.connect(self._search_services)
        self.find_service.returnPressed.connect(lambda: self._take_first(self.services))
        self.services = ServiceMatches(context, parent=self)
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
        self.description = Field(_text("description", validation.DESCRIPTION_MAX), multiline=True)
        self.description.editor.setMaximumHeight(80)
        self.lulu_title = label(parent=self)
        self.lulus = LuluMatches(context, parent=self)

        # Sending, and what was sent.
        self.error = label("error", parent=self)
        self.confirm = TouchButton(role="primary", parent=self)
        self.confirm.set_pictogram("check")
        self.confirm.clicked.connect(self._place)
        self.confirmation = label("success", parent=self)
        # After a lock: this attendant's half-typed order, back as it was (counter.py).
        self.draft_note = label("success", parent=self)
        self.open_placed = TouchButton(parent=self)
        self.open_placed.clicked.connect(self._open_placed)
        # A third of the page at 1280 px: less padding than the theme's, same text size.
        for button in (self.confirm, self.open_placed):
            button.setStyleSheet("QPushButton { padding: 0 8px; min-height: 56px; }")
        self.consent.setStyleSheet("QCheckBox { spacing: 8px; min-height: 48px; }")
        for field in self._typed_fields():
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

    def _typed_fields(self) -> tuple[TextField, ...]:
        return (self.phone, self.name, self.street, self.postcode, self.access, self.description)

    def _lay_out(self) -> None:
        """Client | service and Lulu | address and details, the confirm button at the
        third column's foot, the slot picker under all three: its seven day buttons a
        row need the whole width at 1280 px. No page title: the navigation says where
        the attendant is, and the screen's height is all needed."""
        who = QVBoxLayout()
        widget: QWidget
        for widget in (
            self.client_title,
            self.find_client,
            self.clients,
            self.phone,
            self.name,
        ):
            who.addWidget(widget)
        who.addStretch(1)
        what = QVBoxLayout()
        for widget in (
            self.service_title,
            self.find_service,
            self.services,
            self.units,
            self.lulu_title,
            self.lulus,
        ):
            what.addWidget(widget)
        what.addStretch(1)
        details = QVBoxLayout()
        for widget in (
            self.details_title,
            self.street,
            self.postcode,
            self.access,
            self.description,
        ):
            details.addWidget(widget)
        details.addStretch(1)
        said = QVBoxLayout()
        said.addWidget(self.draft_note)
        said.addWidget(self.error)
        said.addWidget(self.confirmation)
        send = QHBoxLayout()
        send.addWidget(self.consent)  # a new client's, asked before confirming
        send.addSpacing(24)
        send.addLayout(said, 1)
        send.addWidget(self.open_placed)
        send.addWidget(self.confirm)
        for box in (who, what, details):
            box.setSpacing(4)
        columns = QGridLayout()
        columns.setHorizontalSpacing(24)
        columns.setVerticalSpacing(4)
        columns.addLayout(who, 0, 0)
        columns.addLayout(what, 0, 1)
        columns.addLayout(details, 0, 2)
        columns.addWidget(self.picker, 1, 0, 1, 3)
        columns.addLayout(send, 2, 0, 1, 3)
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
        return OrderRequest(
            service_id=self.service.id,
            slot_start=slot[0],
            slot_end=slot[1],
            estimated_units=self.units.value(),
            phone=self.phone.text,
            address=AddressInput(
                street=self.street.text,
                postcode=self.postcode.text,
                # A known client's other address details stay as they are.
                city=known.city if known else "Paris",
                building=known.building if known else "",
                floor=known.floor if known else None,
                has_lift=known.has_lift if known else None,
                access_notes=self.access.text,
            ),
            channel=Channel.COUNTER,
            name=self.name.text,
            description=self.description.text,
            lang=current_lang(),
            consent=self.consent.isChecked(),
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
            order = orders.place(request, attendant_id=who, request_id=request_id)
            if lulu is None:
                return Placed(order, None)
            # Placed whatever happens next: a refused assignment is said, not undone.
            try:
                orders.confirm(order.id, attendant_id=who)
                order = orders.assign(order.id, lulu.id, attendant_id=who)
            except Exception as refusal:
                return Placed(orders.get(order.id), None, refusal)
            return Placed(order, lulu)

        self._context.tasks.run(work, self._placed, self._refused)

    def _placed(self, placed: Placed) -> None:
        self.reset()
        self.last = placed
        self._say_placed()
        self._show_placed(True)
        if placed.refusal is not None:
            show_refusal(placed.refusal, {}, lambda _field, text: self.error.setText(text))

    def _say_placed(self) -> None:
        placed = self.last
        if placed is None:
            return
        order = placed.order
        text = self.tr("Order {number} placed: {service}, {when}. The ticket is printing.").format(
            number=order.number,
            service=order.service_name(current_lang()),
            when=paris_datetime(order.slot_start),
        )
        if placed.lulu is not None:
            text += " " + self.tr("Lulu chosen: {name}").format(name=placed.lulu.display_name)
        self.confirmation.setText(text)

    def _show_placed(self, shown: bool) -> None:
        """The confirmation takes the foot of the form, where the consent and the
        confirm button are, until the attendant starts the next order."""
        self.open_placed.setVisible(shown)
        self.confirmation.setVisible(shown)
        self.consent.setVisible(not shown)
        self.confirm.setVisible(not shown)

    def _next_order(self) -> None:
        if self.last is not None:
            self.last = None
            self.confirmation.clear()
            self.error.clear()
            self._show_placed(False)

    def _open_placed(self) -> None:
        if self.last is not None:
            order = self._context.comptoir.orders.get(self.last.order.id)
            self.placed.emit(order)

    def _refused(self, error: Exception) -> None:
        self._refresh()
        fields = {
            "phone": self.phone,
            "name": self.name,
            "street": self.street,
            "postcode": self.postcode,
            "access_notes": self.access,
            "description": self.description,
        }
        if isinstance(error, ValidationError) and "consent" in error.fields:
            self.consent.setFocus()
        show_refusal(error, fields, lambda _field, text: self.error.setText(text))

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
        self.consent.setText(self.tr("Consent given"))
        self.consent.setAccessibleName(self.consent.text())
        self.service_title.setText(_bold(self.tr("2. Service and slot")))
        self.find_service.setPlaceholderText(self.tr("Find a service"))
        self.find_service.setAccessibleName(self.tr("Find a service"))
        self.units.set_names(self.tr("Shorter"), self.tr("Longer"))
        self.details_title.setText(_bold(self.tr("3. Details")))
        self.description.set_title(self.tr("What is to be done"))
        self.lulu_title.setText(self.tr("Lulu (optional)"))
        self.confirm.setText(self.tr("Confirm and print"))
        self.open_placed.setText(self.tr("Open this order"))
        for matches in (self.clients, self.services, self.lulus):
            matches.retranslate()
        self._show_price()
        self._say_placed()

    def has_draft(self) -> bool:
        """Something typed or chosen for an order not yet placed: worth keeping across
        a lock for the same attendant (in memory only: it names a client)."""
        typed = [self.find_client, self.find_service]
        return (
            self.client is not None
            or self.service is not None
            or self.picker.slot() is not None
            or any(editor.text().strip() for editor in typed)
            or any(field.text.strip() for field in self._typed_fields())
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
        for field in self._typed_fields():
            field.clear()
        self.consent.setChecked(False)
        self.picker.clear()
        self.units.set_value(1)
        self.error.clear()
        self.confirmation.clear()
        self._show_placed(False)
        self.lulus.fill(None)
        self._show_price()
        self._refresh()
