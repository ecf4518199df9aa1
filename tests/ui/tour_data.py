"""A done, unrated order for the screen tour, placed through the core."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from kiosk_app.comptoir import Comptoir
from kiosk_app.views.clients import AddressInput
from kiosk_app.views.orders import OrderRequest, OrderView
from sync.protocol import Channel


def done_order(comptoir: Comptoir, phone: str = "06 11 22 33 44") -> OrderView:
    service = next(s for s in comptoir.catalogue.all_services() if s.tax_credit)
    order = comptoir.orders.place(
        OrderRequest(
            service_id=service.id,
            slot_start=datetime(2026, 11, 27, 9, tzinfo=UTC),
            slot_end=datetime(2026, 11, 27, 11, tzinfo=UTC),
            estimated_units=3,
            phone=phone,
            address=AddressInput(street="1 rue Saint-Paul", postcode="75004"),
            channel=Channel.SELF_SERVICE,
            name="Odette Vidal",
            consent=True,
        )
    )
    lulu: uuid.UUID = comptoir.lulus.register_application(
        "Karim Benali", "07 81 22 33 44", ["courses"], "Le matin"
    )
    comptoir.orders.confirm(order.id, attendant_id=None)
    comptoir.orders.assign(order.id, lulu, attendant_id=None)
    return comptoir.orders.mark_done(order.id, 55, attendant_id=None)
