"""Pulled clients on the kiosk, merges included.

The central server keeps one client per phone (server/client_merges.py): when the same
phone was typed at two kiosks, the record created first survives and the other comes
back with `merged_into`. Here that means: the merged record's orders (and invoices)
name the survivor, the merged record goes, and the survivor holds the phone — the same
survivor on every kiosk, so "follow my order" (number + phone) finds every order of the
person wherever they ask.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from sync.protocol import MERGED_INTO, Change, Entity

from ..domain.search_text import fold
from ..store.models import Client, Invoice, Order, OutboxOp

log = logging.getLogger(__name__)


# What a pulled record needs here first: its category, its Lulu, its client, its order.
_RANK = {
    Entity.CATEGORY: 0,
    Entity.SERVICE: 1,
    Entity.LULU: 2,
    Entity.CLIENT: 3,
    Entity.ORDER: 5,
}


def in_dependency_order(changes: Sequence[Change]) -> list[Change]:
    """A page's records, those others need first (stable otherwise). A page gives each
    record where it first changed after the cursor, with its state now: a survivor that
    reached the server after the copy merged into it (created earlier, offline) comes
    after that copy and after its re-pointed orders; here it is applied before them."""

    def rank(change: Change) -> int:
        if change.entity is Entity.CLIENT and change.data.get(MERGED_INTO):
            return 4  # after the survivors, before the orders
        return _RANK.get(change.entity, 6)

    return sorted(changes, key=rank)


def apply_client(
    session: Session,
    values: dict[str, Any],
    entity_id: uuid.UUID,
    data: Mapping[str, Any],
    *,
    erased: dict[uuid.UUID, list[str]],
) -> str | None:
    """Write the server's state of one client (`values`: its columns, converted);
    returns why it was skipped, if it was. `erased` gathers clients whose erasure is
    news here, with their orders' numbers (their files are deleted after the commit)."""
    survivor = data.get(MERGED_INTO)
    if survivor:
        return merge_here(session, entity_id, uuid.UUID(str(survivor)))
    if values.get("erased_at") is not None:
        here = session.get(Client, entity_id)
        if here is not None and here.erased_at is None:  # erased elsewhere: news here
            numbers = session.scalars(select(Order.number).where(Order.client_id == entity_id))
            erased[entity_id] = list(numbers)
    values["search_name"] = fold(values.get("name") or "")
    phone = values.get("phone")
    holder = (
        session.scalar(select(Client).where(Client.phone == phone, Client.id != entity_id))
        if phone
        else None
    )
    if holder is not None:
        if _has_pending(session, holder.id):
            # The other copy is not on the server yet: once pushed, the server merges
            # the two and both come back settled. Until then this one waits without it.
            values["phone"] = None
        else:
            # The server holds one live record per phone, and it is this one: the other
            # copy's merge is on its way (the same page or the next).
            holder.phone = None
            session.flush()
    row = session.get(Client, entity_id)
    if row is None:
        session.add(Client(**values))
    else:
        for name, value in values.items():
            setattr(row, name, value)
    session.flush()
    return None


def merge_here(session: Session, merged_id: uuid.UUID, survivor_id: uuid.UUID) -> str | None:
    """The server merged `merged_id` into `survivor_id`: re-point this kiosk's rows and
    drop the merged record. Its phone (the same person's) goes to the survivor if the
    survivor waited here without it."""
    merged = session.get(Client, merged_id)
    if merged is None:
        return None  # never here, or merged already
    survivor = session.get(Client, survivor_id)
    if survivor is None:
        return "client: merged into a client not here"
    for model in (Order, Invoice):
        session.execute(
            update(model).where(model.client_id == merged_id).values(client_id=survivor_id),
            execution_options={"synchronize_session": False},
        )
    phone = merged.phone
    session.delete(merged)
    session.flush()
    if phone and survivor.phone is None and survivor.erased_at is None:
        survivor.phone = phone
        session.flush()
    session.expire_all()  # orders loaded in this session name the survivor now
    log.info("client merged into another by the central server (same phone)")
    return None


def _has_pending(session: Session, client_id: uuid.UUID) -> bool:
    return (
        session.scalar(
            select(OutboxOp.seq)
            .where(OutboxOp.entity_id == client_id, OutboxOp.set_aside.is_(False))
            .limit(1)
        )
        is not None
    )
