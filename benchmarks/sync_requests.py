"""What kiosks send, for the sync suite: an order as the core places it, and the ops a
kiosk pushes after placing one (its client and the order, as the core writes them)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from kiosk_app.comptoir import Comptoir
from kiosk_app.views.clients import AddressInput
from kiosk_app.views.orders import OrderRequest
from sync.protocol import Channel


def order_request(app: Comptoir, n: int) -> OrderRequest:
    """A counter order for resident `n` (its phone), tomorrow."""
    service_id = next(s.id for s in app.catalogue.all_services() if s.code == "montee-courses")
    start = datetime.now(UTC) + timedelta(days=1)
    return OrderRequest(
        service_id=service_id,
        slot_start=start,
        slot_end=start + timedelta(hours=1),
        estimated_units=2,
        phone=f"06 12 {n // 10000 % 100:02d} {n // 100 % 100:02d} {n % 100:02d}",
        address=AddressInput(street="12 rue des Rosiers", postcode="75004", city="Paris"),
        channel=Channel.COUNTER,
        name="Jeanne Lefèvre",
        consent=True,
    )


def order_ops(kiosk: int, n: int, code: str) -> list[dict[str, Any]]:
    """What a kiosk pushes after an order from a new resident: the client, the order
    (the fields the core writes; see kiosk_app.services.orders), numbered in the
    kiosk's series `code` (the server refuses any other)."""
    now = datetime.now(UTC)
    client_id, order_id = str(uuid.uuid4()), str(uuid.uuid4())
    address = {
        "street": "12 rue des Rosiers",
        "postcode": "75004",
        "city": "Paris",
        "building": "",
        "floor": 5,
        "has_lift": False,
        "access_notes": "",
    }
    client = {
        "id": client_id,
        "name": "Jeanne Lefèvre",
        "phone": f"+33612{kiosk:02d}{n:04d}",
        "email": None,
        "lang": "fr",
        "consent_at": now.isoformat(),
        "created_at": now.isoformat(),
        "updated_at": now.isoformat(),
        "erased_at": None,
        "version": 1,
        **address,
    }
    order = {
        "id": order_id,
        "number": f"{code}-{n:04d}",
        "client_id": client_id,
        "service_id": str(uuid.uuid4()),
        "service_name_fr": "Montée de courses",
        "service_name_en": "Carrying shopping up",
        "unit_minutes": 20,
        "unit_price_cents": 500,
        "tax_credit": True,
        "slot_start": (now + timedelta(days=1)).isoformat(),
        "slot_end": (now + timedelta(days=1, hours=1)).isoformat(),
        "estimated_units": 2,
        "actual_units": None,
        "description": "",
        "channel": "counter",
        "lulu_id": None,
        "status": "requested",
        "cancel_reason": None,
        "lang": "fr",
        "public_token": uuid.uuid4().hex + uuid.uuid4().hex[:11],
        "created_at": now.isoformat(),
        "updated_at": now.isoformat(),
        "version": 1,
        **address,
    }
    return [
        {"op_id": str(uuid.uuid4()), "entity": entity, "entity_id": data["id"], "kind": "create"}
        | {"data": data}
        for entity, data in (("client", client), ("order", order))
    ]
