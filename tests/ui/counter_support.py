"""The attendant's side of the tests: log in through the PIN pad, and orders placed
through the core as the touchscreen places them."""

from __future__ import annotations

from datetime import UTC, datetime

from kiosk_app.comptoir import Comptoir
from kiosk_app.views.clients import AddressInput
from kiosk_app.views.orders import OrderRequest, OrderView
from sync.protocol import Channel

from .support import Resident


def place_order(
    comptoir: Comptoir,
    *,
    hour: int = 14,
    day: int = 26,
    phone: str = "06 11 22 33 44",
    channel: Channel = Channel.SELF_SERVICE,
) -> OrderView:
    service = next(s for s in comptoir.catalogue.all_services() if s.code == "rideau")
    return comptoir.orders.place(
        OrderRequest(
            service_id=service.id,
            slot_start=datetime(2026, 11, day, hour, tzinfo=UTC),
            slot_end=datetime(2026, 11, day, hour + 2, tzinfo=UTC),
            estimated_units=3,
            phone=phone,
            address=AddressInput(street="1 rue Saint-Paul", postcode="75004"),
            channel=channel,
            name="Odette Vidal",
            consent=True,
        )
    )


def log_in(kiosk: Resident, name: str = "Camille", pin: str = "1234") -> None:
    """Through the only way in: the PIN pad the logo opens."""
    window = kiosk.window
    window._open_pin_pad()
    kiosk.tap_named(name)
    for digit in pin:
        kiosk.tap(window.pin_pad.keys[digit])
    kiosk.tap_named("Se connecter")
    assert window.current_screen is window.counter
