"""A kiosk looks a resident up at its counter (DESIGN.md, "One owner per order").

A kiosk pulls only its own clients and orders; a resident known at another kiosk is
found by phone (`POST /sync/v1/lookup`, the phone in the body, never in an address that
an access log keeps), and "follow my order" works at every kiosk with the order's
number and the phone. What is found becomes readable by the kiosk that asked (and comes
with its next pull); it may then take the order over. Each look-up is logged with the
kiosk and the phone's last two digits only (the privacy rule: no number in the logs).
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, select

from sync.protocol import FINAL_STATUSES, Entity, LookupFound, LookupRequest

from .models import Record
from .ownership import grant, make_readable
from .record_statements import Held
from .scopes import Caller
from .writer import Writer

log = logging.getLogger("comptoir.server.lookup")

RECORDS = Record.metadata.tables[Record.__tablename__]
# Every client under a phone (two kiosks offline may each have made one).
_CLIENTS_BY_PHONE = select(RECORDS.c.entity_id).where(
    RECORDS.c.entity == Entity.CLIENT.value, RECORDS.c.lookup == bindparam("phone")
)
MAX_FOUND = 20  # a phone shared by more clients than this is not a person's
# "Follow my order" with the phone alone: the orders under way and those of the last
# weeks (as the kiosk lists them, kiosk_app/services/order_reading.py).
RECENT = timedelta(days=30)


def _followed(order: Held, since: datetime) -> bool:
    if order.data.get("status") not in {s.value for s in FINAL_STATUSES}:
        return True
    start = order.data.get("slot_start")
    return start is not None and datetime.fromisoformat(str(start).replace("Z", "+00:00")) >= since


def _shown(record: Held) -> dict[str, Any]:
    return {**record.data, "version": record.version}


def look_up(w: Writer, caller: Caller, request: LookupRequest) -> LookupFound:
    """Find, grant, log. Runs in one write transaction (grants and the change log)."""
    ids = list(
        w.connection.execute(_CLIENTS_BY_PHONE, {"phone": request.phone})
        .scalars()
        .fetchmany(MAX_FOUND)
    )
    clients = [c for c in (w.get(Entity.CLIENT, uuid.UUID(str(i))) for i in ids) if c is not None]
    clients = [c for c in clients if not c.data.get("erased_at")]
    order: Held | None = None
    if request.number is not None:
        for client in clients:
            order = next(
                (o for o in w.orders_of(client.entity_id) if o.data["number"] == request.number),
                None,
            )
            if order is not None:
                break
        clients = [
            c
            for c in clients
            if order is not None and c.entity_id == uuid.UUID(order.data["client_id"])
        ]
    for client in clients:
        grant(w, caller.device_id, client.entity_id)
        w.touch(client)
    followed = [order] if order is not None else []
    if request.number is None:
        since = w.now - RECENT
        followed = [o for c in clients for o in w.orders_of(c.entity_id) if _followed(o, since)]
    for each in followed:
        grant(w, caller.device_id, each.entity_id)
        make_readable(w, caller.device_id, each)
    log.info(
        "look-up at kiosk %s: phone ending %s%s: %d client(s), %d order(s)",
        caller.device_id,
        request.phone[-2:],
        " with an order number" if request.number else "",
        len(clients),
        len(followed),
    )
    w.finish()
    return LookupFound(
        clients=[_shown(c) for c in clients], order=_shown(order) if order is not None else None
    )
