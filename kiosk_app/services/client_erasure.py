"""Erasing a client (GDPR): what goes, what stays, and how no copy is left behind.

Erasure is an anonymisation, not a deletion: the accounts must keep every order, payment
and invoice (French bookkeeping rules keep invoices ten years). What goes, and why:

- the client row: the name becomes a neutral placeholder ("Client" and the first six
  hexadecimal digits of the row's random id: the same word in French and English, and it
  tells erased clients apart in the accounts without saying who they were); the phone,
  e-mail, street, postcode, city, building, floor, lift and access notes are cleared.
  The consent date and the language stay: they identify nobody, and the date is the
  proof that the processing was agreed to while it lasted.
- the client's orders copy the address where the Lulu went (`Address`): the street,
  building, floor, lift and access notes go, and so does the free-text description
  (people write "for my mother, Mme X, 3rd floor"). The postcode and city stay: they are
  the area the association reports on and point to no one. Service, day, duration,
  prices, status and the cancellation reason (the attendant's words, which explain a
  credit note) stay for the accounts.
- ratings given keep their stars (a Lulu's average rests on them); the comment goes.
- invoices and credit notes already issued are NOT changed: they are legal documents
  whose copy of the name and address must stay as issued.
- outbox rows not yet sent carry copies of the same fields: they are scrubbed alike, and
  the erasure itself is sent as a client patch with `erased_at` (the server's
  `patch_client` then applies its own CLIENT_ERASED and refuses any later edit).
- tickets saved as files when no printer is set up (`tickets/<order number>-*`) show the
  address: they are deleted.
- SQLite keeps old bytes in free pages and in the WAL: every connection of the store
  has `secure_delete` on (kiosk_app/store/database.py), and the erasure ends with a
  checkpoint that truncates the WAL, so the file holds no copy of what was erased.
- an export of the client's data made earlier (`exports/client-<id>-*.json`) is a full
  copy: it is deleted too.

The central server does the same on receiving the erasure (server/push.py
`erase_orders_of`): the client record, their orders' address details and description,
their ratings' comments; the other kiosks pull the scrubbed records, and a full re-pull
(`must_refetch`) brings back nothing erased.

Erasure is refused while one of the client's orders is still open (not paid nor
cancelled): the Lulu still needs the address to do the work, and a done order must still
be invoiced in the client's name. The attendant finishes or cancels it first.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from sync.protocol import FINAL_STATUSES, Entity

from ..errors import ComptoirError
from ..store.models import Client, Order, OutboxOp, Rating
from ..views.clients import erased_name
from .journal import audit, enqueue_op, wire_value

TICKETS_FOLDER = "tickets"  # where printing/ saves tickets when no printer is set up

# What an erased client's personal fields become (the name becomes `erased_name`).
ERASED_CLIENT: dict[str, Any] = {
    "phone": None,
    "email": None,
    "street": "",
    "postcode": "",
    "city": "",
    "building": "",
    "floor": None,
    "has_lift": None,
    "access_notes": "",
}
# What an erased client's orders' place and request become (see the docstring).
ERASED_ORDER: dict[str, Any] = {
    "street": "",
    "building": "",
    "floor": None,
    "has_lift": None,
    "access_notes": "",
    "description": "",
}
ERASED_RATING: dict[str, Any] = {"comment": ""}


class ClientHasOpenOrders(ComptoirError):
    """Erasure refused: `count` orders are neither paid nor cancelled."""

    key = "error.client_open_orders"


class ClientErased(ComptoirError):
    """The client was erased: nothing of them is left to edit or erase."""

    key = "error.client_erased"


def anonymise(
    session: Session,
    row: Client,
    orders: list[Order],
    *,
    now: datetime,
    attendant_id: uuid.UUID | None,
) -> None:
    """Erase the client and what their orders and ratings hold of them, scrub the ops not
    sent yet, and queue the erasure for the server with its audit row, in the caller's
    transaction. Refused (nothing written) while an order is open."""
    still_open = [order for order in orders if order.status not in FINAL_STATUSES]
    if still_open:
        raise ClientHasOpenOrders(count=len(still_open))
    client_id = row.id
    order_ids = [order.id for order in orders]
    rating_ids = list(session.scalars(select(Rating.id).where(Rating.order_id.in_(order_ids))))
    name = erased_name(client_id)
    version = row.version  # the UPDATE below refreshes `row` in the session
    session.execute(
        update(Client)
        .where(Client.id == client_id)
        .values(
            **ERASED_CLIENT,
            name=name,
            search_name="",
            erased_at=now,
            updated_at=now,
            version=version + 1,
        )
    )
    if order_ids:
        session.execute(update(Order).where(Order.id.in_(order_ids)).values(**ERASED_ORDER))
        session.execute(
            update(Rating).where(Rating.order_id.in_(order_ids)).values(**ERASED_RATING)
        )
    _scrub_outbox(session, client_id, order_ids, rating_ids)
    enqueue_op(
        session,
        entity=Entity.CLIENT,
        entity_id=client_id,
        kind="patch",
        data={**ERASED_CLIENT, "name": name, "erased_at": now},
        base_version=version,
        now=now,
    )
    audit(
        session,
        attendant_id=attendant_id,
        action="client.erase",
        entity="client",
        entity_id=client_id,
        now=now,
        details={"orders": len(orders)},
    )
    session.flush()


def _scrubbed(data: dict[str, Any], erased: dict[str, Any]) -> dict[str, Any]:
    return {
        key: (wire_value(erased[key]) if key in erased else value) for key, value in data.items()
    }


def _scrub_outbox(
    session: Session,
    client_id: uuid.UUID,
    order_ids: list[uuid.UUID],
    rating_ids: list[uuid.UUID],
) -> None:
    """Ops not yet sent carry copies of what goes: they are scrubbed alike (the
    erasure patch queued after them makes the server erase what it already has)."""
    erased_by_id: dict[uuid.UUID, dict[str, Any]] = {client_id: ERASED_CLIENT}
    erased_by_id.update({order_id: ERASED_ORDER for order_id in order_ids})
    erased_by_id.update({rating_id: ERASED_RATING for rating_id in rating_ids})
    pending = session.scalars(
        select(OutboxOp).where(OutboxOp.entity_id.in_(list(erased_by_id)))
    ).all()
    for op in pending:
        erased = erased_by_id[op.entity_id]
        if op.entity == Entity.CLIENT and "name" in op.data:
            erased = {**erased, "name": erased_name(client_id)}
        data = _scrubbed(op.data, erased)
        if data != op.data:
            session.execute(update(OutboxOp).where(OutboxOp.seq == op.seq).values(data=data))


def forget_exports(exports_dir: Path, client_id: uuid.UUID) -> None:
    """The client's data exports: "give me my data, then erase me" is the usual order."""
    for path in exports_dir.glob(f"client-{client_id}-*.json"):
        path.unlink(missing_ok=True)


def forget_ticket_files(data_dir: Path, order_numbers: list[str]) -> None:
    """Tickets saved as files when no printer is set up show the address."""
    tickets = data_dir / TICKETS_FOLDER
    if not tickets.is_dir():
        return
    for number in order_numbers:
        for path in tickets.glob(f"{number}-*"):
            path.unlink(missing_ok=True)
        for path in tickets.glob(f".{number}-*"):  # a half-written one
            path.unlink(missing_ok=True)


def empty_the_wal(engine: Engine) -> None:
    """The WAL still holds the pages as they were before: fold it into the file and
    empty it (best effort: a reader busy at this moment keeps it until the next
    checkpoint, which SQLite's autocheckpoint runs after a later write)."""
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
