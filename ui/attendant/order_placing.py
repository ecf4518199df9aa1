"""Placing the counter's new order: the work that places it (and assigns the Lulu
chosen), off the GUI thread; and the form's foot, where a new client's consent is
ticked, "Confirm and print" tapped, and what was placed (or refused) is said."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QVBoxLayout, QWidget

from kiosk_app.views.catalogue import ServiceView
from kiosk_app.views.clients import AddressInput
from kiosk_app.views.lulus import LuluView
from kiosk_app.views.orders import OrderRequest, OrderView
from sync.protocol import Channel

from ..format import paris_datetime
from ..i18n import current_lang
from ..widgets.buttons import TouchButton
from ..widgets.screen import label

if TYPE_CHECKING:  # the core's service, not its store: ui imports no SQLAlchemy
    from kiosk_app.services.orders import OrderService


# What the attendant types, by the core's names for it (a refusal names its field).
TYPED = ("phone", "name", "street", "postcode", "access_notes", "description")


def counter_request(
    *,
    service: ServiceView,
    slot: tuple[datetime, datetime],
    units: int,
    typed: Mapping[str, str],
    consent: bool,
    known: AddressInput | None,
) -> OrderRequest:
    """The order as the counter places it: a known client's other address details
    (city, building, floor, lift) stay as they are; a new client lives in Paris."""
    return OrderRequest(
        service_id=service.id,
        slot_start=slot[0],
        slot_end=slot[1],
        estimated_units=units,
        phone=typed["phone"],
        address=AddressInput(
            street=typed["street"],
            postcode=typed["postcode"],
            city=known.city if known else "Paris",
            building=known.building if known else "",
            floor=known.floor if known else None,
            has_lift=known.has_lift if known else None,
            access_notes=typed["access_notes"],
        ),
        channel=Channel.COUNTER,
        name=typed["name"],
        description=typed["description"],
        lang=current_lang(),
        consent=consent,
    )


@dataclass(frozen=True, slots=True)
class Placed:
    """What the confirmation says: the order as placed, and the Lulu if one was
    assigned (or the core's refusal of the assignment, the order being placed anyway)."""

    order: OrderView
    lulu: LuluView | None
    refusal: Exception | None = None


def place(
    orders: OrderService,
    request: OrderRequest,
    lulu: LuluView | None,
    *,
    attendant_id: uuid.UUID | None,
    request_id: uuid.UUID,
) -> Placed:
    """The order placed, then confirmed and assigned if a Lulu was chosen (the
    lifecycle goes requested → confirmed → assigned). Touches no widget."""
    order = orders.place(request, attendant_id=attendant_id, request_id=request_id)
    if lulu is None:
        return Placed(order, None)
    # Placed whatever happens next: a refused assignment is said, not undone.
    try:
        orders.confirm(order.id, attendant_id=attendant_id)
        order = orders.assign(order.id, lulu.id, attendant_id=attendant_id)
    except Exception as refusal:
        return Placed(orders.get(order.id), None, refusal)
    return Placed(order, lulu)


class OrderFoot(QWidget):
    """The consent and "Confirm and print" until the order is placed; then what was
    placed and "Open this order", until the attendant starts the next order."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.consent = QCheckBox(self)  # to the use of a new client's details
        # After a lock: this attendant's half-typed order, back as it was (counter.py).
        self.draft_note = label("success", parent=self)
        self.error = label("error", parent=self)
        self.confirmation = label("success", parent=self)
        self.open_placed = TouchButton(parent=self)
        self.confirm = TouchButton(role="primary", parent=self)
        self.confirm.set_pictogram("check")
        # A third of the page at 1280 px: less padding than the theme's, same text size.
        for button in (self.confirm, self.open_placed):
            button.setStyleSheet("QPushButton { padding: 0 8px; min-height: 56px; }")
        self.consent.setStyleSheet("QCheckBox { spacing: 8px; min-height: 48px; }")
        said = QVBoxLayout()
        said.addWidget(self.draft_note)
        said.addWidget(self.error)
        said.addWidget(self.confirmation)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.consent)  # a new client's, asked before confirming
        layout.addSpacing(24)
        layout.addLayout(said, 1)
        layout.addWidget(self.open_placed)
        layout.addWidget(self.confirm)
        self.placed: Placed | None = None
        self.retranslate()

    def say_placed(self, placed: Placed | None) -> None:
        """The order's number, service and time (and the Lulu), or nothing."""
        self.placed = placed
        if placed is None:
            self.confirmation.clear()
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

    def show_placed(self, shown: bool) -> None:
        """The confirmation takes the foot of the form, where the consent and the
        confirm button are, until the attendant starts the next order."""
        self.open_placed.setVisible(shown)
        self.confirmation.setVisible(shown)
        self.consent.setVisible(not shown)
        self.confirm.setVisible(not shown)

    def retranslate(self) -> None:
        self.consent.setText(self.tr("Consent given"))
        self.consent.setAccessibleName(self.consent.text())
        self.confirm.setText(self.tr("Confirm and print"))
        self.open_placed.setText(self.tr("Open this order"))
        self.say_placed(self.placed)
