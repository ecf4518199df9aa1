"""Sync ops as a kiosk sends them, and a server that applies them in-process (no HTTP):
what the server tests of pushed writes build their batches from."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from server.auth import device_for_token, enrol
from server.batch import push_batch
from server.database import Database
from sync.protocol import OpResult, PushRequest

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
LULU_ID = uuid.UUID("5a1d0c5e-8d62-4a55-9d52-0a3c1e2f7b10")
ADDRESS = {"street": "12 rue des Rosiers", "postcode": "75004", "city": "Paris"}


def op(entity: str, entity_id: uuid.UUID, kind: str, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "op_id": str(uuid.uuid4()),
        "entity": entity,
        "entity_id": str(entity_id),
        "kind": kind,
        "data": data,
    }


def step(order_id: uuid.UUID, from_: str, to: str, **extra: Any) -> dict[str, Any]:
    return op("order", order_id, "transition", {"from": from_, "to": to, **extra})


def take_over(order_id: uuid.UUID) -> dict[str, Any]:
    """A kiosk takes an order over (a web order: no kiosk holds it until one does)."""
    return op("order", order_id, "take_over", {})


def phone_of(client_id: uuid.UUID) -> str:
    """A phone of the client's own: the same phone twice is one client, merged."""
    return f"+336{client_id.int % 10**8:08d}"


def new_client(client_id: uuid.UUID, *, phone: str | None = None) -> dict[str, Any]:
    stamp = NOW.isoformat()
    data = {"id": str(client_id), "name": "Jeanne Lefèvre", "phone": phone or phone_of(client_id)}
    return op(
        "client", client_id, "create", data | ADDRESS | {"created_at": stamp, "updated_at": stamp}
    )


def new_order(order_id: uuid.UUID, client_id: uuid.UUID) -> dict[str, Any]:
    stamp = NOW.isoformat()
    data = {
        "id": str(order_id),
        "number": "01-0001",
        "client_id": str(client_id),
        "service_id": str(uuid.uuid4()),
        "service_name_fr": "Montée de courses",
        "service_name_en": "Carrying shopping up",
        "unit_minutes": 20,
        "unit_price_cents": 500,
        "tax_credit": True,
        "slot_start": "2026-11-27T09:00:00+00:00",
        "slot_end": "2026-11-27T10:00:00+00:00",
        "estimated_units": 2,
        "channel": "counter",
        "status": "requested",
        "public_token": uuid.uuid4().hex,
        "created_at": stamp,
        "updated_at": stamp,
    }
    return op("order", order_id, "create", data | ADDRESS)


def web_order_body(**changes: Any) -> dict[str, Any]:
    """What the web platform posts to /api/v1/orders: an order for tomorrow."""
    start = datetime.now(UTC) + timedelta(days=1)
    return {
        "service_code": "montee-courses",
        "slot_start": start.isoformat(),
        "slot_end": (start + timedelta(hours=1)).isoformat(),
        "estimated_units": 2,
        "client": {"name": "Jeanne Lefèvre", "phone": "+33612345678"},
    } | changes


class Server:
    """One enrolled kiosk's pushes, applied in-process as the push endpoint does (the
    first kiosk enrolled on a server has the code "01", the next "02")."""

    def __init__(self, db: Database, name: str = "saint-paul") -> None:
        self.db = db
        with db.write() as session:
            token = enrol(session, name, now=NOW)
        with db.read() as session:
            caller = device_for_token(session, token)
        assert caller is not None
        self.caller = caller

    def push(self, ops: list[dict[str, Any]]) -> list[OpResult]:
        request = PushRequest.model_validate({"ops": ops})
        key = uuid.uuid4().hex

        def apply(session: Session) -> list[OpResult]:
            return push_batch(session, self.caller, key, request, now=NOW).results

        return self.db.run_write(apply)
