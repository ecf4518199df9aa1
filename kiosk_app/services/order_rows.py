"""An order's row as the core's callers see it (OrderView), and its address columns."""

from __future__ import annotations

from typing import Any

from ..store.models import Order
from ..views.clients import AddressInput
from ..views.orders import OrderView
from .clients import ADDRESS_COLUMNS, address_of


def order_view(row: Order) -> OrderView:
    return OrderView(
        id=row.id,
        number=row.number,
        status=row.status,
        channel=row.channel,
        client_id=row.client_id,
        service_id=row.service_id,
        service_name_fr=row.service_name_fr,
        service_name_en=row.service_name_en,
        unit_minutes=row.unit_minutes,
        unit_price_cents=row.unit_price_cents,
        tax_credit=row.tax_credit,
        slot_start=row.slot_start,
        slot_end=row.slot_end,
        estimated_units=row.estimated_units,
        actual_units=row.actual_units,
        description=row.description,
        address=address_of(row),
        lulu_id=row.lulu_id,
        cancel_reason=row.cancel_reason,
        lang=row.lang,
        public_token=row.public_token,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
        held_by=row.held_by,
    )


def placed_view(values: dict[str, Any]) -> OrderView:
    """The view of an order just written, from the values written (no read back)."""
    address = AddressInput(**{key: values[key] for key in ADDRESS_COLUMNS})
    fields = {key: values[key] for key in OrderView.__dataclass_fields__ if key in values}
    return OrderView(**fields, address=address)
