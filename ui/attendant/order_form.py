"""Taking an order at the counter on one dense screen: find the client (phone or name)
or type a new one, search the service, pick the slot, the address and the duration,
then one tap to confirm. The order is placed with the counter's channel and the
attendant's id; its ticket is queued by the core in the same transaction."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk_app.domain import validation
from kiosk_app.services.attendants import AttendantView
from kiosk_app.services.catalogue import ServiceView
from kiosk_app.services.clients import AddressInput, ClientView
from kiosk_app.services.orders import OrderRequest, OrderView
from sync.protocol import Channel

from ..context import KioskContext
from ..format import money
from ..i18n import current_lang
from ..widgets.buttons import TouchButton
from ..widgets.field import TextField, show_refusal
from ..widgets.screen import Screen, label
from ..widgets.slot_picker import SlotPicker
from ..widgets.stepper import Stepper

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_PX = 56
SHOWN = 6  # matches listed: the attendant types more rather than scrolls


def _text(field: str, max_length: int, *, required: bool = False) -> Callable[[str], str]:
    return partial(validation.bounded_text, field=field, max_length=max_length, required=required)


def _list(parent: QWidget) -> QListWidget:
    matches = QListWidget(parent)
    matches.setFixedHeight(ROW_PX * 3 + 8)
    return matches


class CounterOrderPage(Screen):  # a Screen: it retranslates itself
    placed = Signal(object)  # OrderView

    def __init__(self, context: KioskContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.attendant: AttendantView | None = None
        self.client: ClientView | None = None
        self.service: ServiceView | None = None
        self.title = label("title", parent=self)

        self.find_client = QLineEdit(self)
        self.find_client.textChanged.connect(self._search_clients)
        self.clients = _list(self)
        self.clients.itemClicked.connect(self._client_chosen)
        self.phone = TextField(validation.phone, digits=True, parent=self)
        self.name = TextField(validation.person_name, parent=self)
        self.street = TextField(_text("street", validation.STREET_MAX, required=True), parent=self)
        self.postcode = TextField(validation.postcode, digits=True, parent=self)
        self.consent = QCheckBox(self)

        self.find_service = QLineEdit(self)
        self.find_service.textChanged.connect(self._search_services)
        self.services = _list(self)
        self.services.itemClicked.connect(self._service_chosen)
        self.chosen_service = label(parent=self)
        self.picker = SlotPicker(parent=self)
        self.units = Stepper(parent=self)
        self.units.changed.connect(lambda _units: self._show_price())
        self.description = TextField(
            _text("description", validation.DESCRIPTION_MAX), multiline=True, parent=self
        )
        self.error = label("error", parent=self)
        self.confirm = TouchButton(role="primary", parent=self)
        self.confirm.clicked.connect(self._place)
        for field in (self.phone, self.name, self.street, self.postcode, self.description):
            field.changed.connect(self._refresh)
        self.picker.changed.connect(self._refresh)
        self.consent.toggled.connect(self._refresh)

        who = QVBoxLayout()
        widget: QWidget
        for widget in (
            self.find_client,
            self.clients,
            self.phone,
            self.name,
            self.street,
            self.postcode,
            self.consent,
        ):
            who.addWidget(widget)
        who.addStretch(1)
        what = QVBoxLayout()
        for widget in (self.find_service, self.services, self.chosen_service):
            what.addWidget(widget)
        what.addStretch(1)
        details = QVBoxLayout()
        details.addWidget(self.units)
        details.addWidget(self.description)
        send = QVBoxLayout()
        send.addStretch(1)
        send.addWidget(self.error)
        send.addWidget(self.confirm)
        # The slot picker takes the whole width: its day buttons need it at 1280 px.
        columns = QGridLayout()
        columns.setHorizontalSpacing(32)
        columns.addLayout(who, 0, 0)
        columns.addLayout(what, 0, 1)
        columns.addWidget(self.picker, 1, 0, 1, 2)
        columns.addLayout(details, 2, 0)
        columns.addLayout(send, 2, 1)
        columns.setColumnStretch(0, 1)
        columns.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(columns)
        self.retranslate()

    def start(self) -> None:
        self.reset()
        self.picker.set_now(self._context.clock())

    # --- finding the client and the service -------------------------------------------

    def _search_clients(self, typed: str) -> None:
        self.clients.clear()
        for client in self._context.comptoir.clients.search(typed[:200], limit=SHOWN):
            item = QListWidgetItem(f"{client.name} · {client.phone_display}")
            item.setData(ITEM_ROLE, client)
            item.setSizeHint(QSize(0, ROW_PX))
            self.clients.addItem(item)

    def _client_chosen(self, item: QListWidgetItem) -> None:
        client: ClientView = item.data(ITEM_ROLE)
        self.client = client
        self.phone.set_text(client.phone_display)
        self.name.set_text(client.name)
        self.street.set_text(client.address.street)
        self.postcode.set_text(client.address.postcode)
        self._refresh()

    def _search_services(self, typed: str) -> None:
        self.services.clear()
        found = self._context.comptoir.catalogue.search(typed[:200], limit=SHOWN)
        for service in found:
            item = QListWidgetItem(service.name(current_lang()))
            item.setData(ITEM_ROLE, service)
            item.setSizeHint(QSize(0, ROW_PX))
            self.services.addItem(item)

    def _service_chosen(self, item: QListWidgetItem) -> None:
        service: ServiceView = item.data(ITEM_ROLE)
        self.service = service
        self.units.set_range(1, service.max_units)
        self._show_price()
        self._refresh()

    def _show_price(self) -> None:
        service = self.service
        if service is None:
            self.chosen_service.setText("")
            self.units.set_display("")
            return
        units = self.units.value()
        self.units.set_display(
            self.tr("{units} × {minutes} min").format(units=units, minutes=service.unit_minutes)
        )
        self.chosen_service.setText(
            self.tr("{service}: {price}").format(
                service=service.name(current_lang()),
                price=money(service.price(units).total_cents),
            )
        )

    # --- confirming ---------------------------------------------------------------------

    def _refresh(self) -> None:
        fields = (self.phone, self.street, self.postcode, self.description)
        ready = all(f.is_valid for f in fields) and self.service is not None
        known = self.client is not None and self.client.phone_display == self.phone.text
        if not known:
            ready = ready and self.name.is_valid and self.consent.isChecked()
        self.confirm.setEnabled(ready and self.picker.slot() is not None)

    def _request(self) -> OrderRequest:
        slot = self.picker.slot()
        assert self.service is not None and slot is not None
        return OrderRequest(
            service_id=self.service.id,
            slot_start=slot[0],
            slot_end=slot[1],
            estimated_units=self.units.value(),
            phone=self.phone.text,
            address=AddressInput(street=self.street.text, postcode=self.postcode.text),
            channel=Channel.COUNTER,
            name=self.name.text,
            description=self.description.text,
            lang=current_lang(),
            consent=self.consent.isChecked(),
        )

    def _place(self) -> None:
        request = self._request()
        who = self.attendant.id if self.attendant else None
        self.confirm.setEnabled(False)  # one order per tap
        self.error.clear()
        orders = self._context.comptoir.orders
        self._context.tasks.run(
            lambda: orders.place(request, attendant_id=who), self._placed, self._refused
        )

    def _placed(self, order: OrderView) -> None:
        self.reset()
        self.placed.emit(order)

    def _refused(self, error: Exception) -> None:
        self._refresh()
        fields = {
            "phone": self.phone,
            "name": self.name,
            "street": self.street,
            "postcode": self.postcode,
            "description": self.description,
        }
        show_refusal(error, fields, lambda _field, text: self.error.setText(text))

    # --- words ------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("New order"))
        self.find_client.setPlaceholderText(self.tr("Find a client: phone or name"))
        self.find_client.setAccessibleName(self.tr("Find a client"))
        self.clients.setAccessibleName(self.tr("Clients found"))
        self.phone.set_title(self.tr("Phone"))
        self.name.set_title(self.tr("Name (a new client)"))
        self.street.set_title(self.tr("Street and number"))
        self.postcode.set_title(self.tr("Postcode"))
        self.consent.setText(self.tr("The client agrees to the use of these details"))
        self.consent.setAccessibleName(self.consent.text())
        self.find_service.setPlaceholderText(self.tr("Find a service"))
        self.find_service.setAccessibleName(self.tr("Find a service"))
        self.services.setAccessibleName(self.tr("Services found"))
        self.units.set_names(self.tr("Shorter"), self.tr("Longer"))
        self.description.set_title(self.tr("What is to be done"))
        self.confirm.setText(self.tr("Confirm and print the ticket"))
        for row in range(self.services.count()):
            item = self.services.item(row)
            item.setText(item.data(ITEM_ROLE).name(current_lang()))
        self._show_price()

    def reset(self) -> None:
        self.client = None
        self.service = None
        self.find_client.clear()
        self.find_service.clear()
        for field in (self.phone, self.name, self.street, self.postcode, self.description):
            field.clear()
        self.consent.setChecked(False)
        self.picker.clear()
        self.units.set_value(1)
        self.error.clear()
        self._show_price()
        self._refresh()
