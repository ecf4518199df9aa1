"""What the central server decided against this kiosk, settled here and told to the
attendant: a rating it refused (taken back, with the reason), a Lulu's slot already
taken at another kiosk (the order is back to confirmed; the note says by which order
and where). Notes hold message keys (kiosk_app/messages.py) and their parameters —
order numbers, kiosk codes, a Lulu's public name — never a client's details; the log
says even less.

A Lulu's rating figures on a kiosk are the server's (it holds every rating: the web's,
and those of orders this kiosk never pulls) plus the stars of this kiosk's ratings the
server has not acknowledged yet. So a rating's stars are counted here when it is made,
taken off when the server answers (its figures come back with the Lulu in the same
sync's pull), and added on top of the server's when a Lulu is pulled while one waits.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from sync.protocol import SLOT_TAKEN_BY, Entity, SlotTaken

from ..store.database import Store
from ..store.models import Lulu, Order, OutboxOp, Rating, SyncNote

log = logging.getLogger(__name__)

# Refusals of a rating that no retry can change: the server's order is not done (it
# was cancelled or moved back elsewhere), or it is rated already.
FINAL_RATING_REFUSALS = frozenset({"not_ratable"})
RATING_REFUSED = "sync.rating_refused"
RATING_DUPLICATE = "sync.rating_duplicate"
SLOT_TAKEN = "sync.slot_taken"


@dataclass(frozen=True, slots=True)
class NoteView:
    at: datetime
    key: str
    params: dict[str, Any]


def add_note(
    session: Session, order_id: uuid.UUID, key: str, params: dict[str, Any], *, at: datetime
) -> None:
    session.add(SyncNote(at=at, order_id=order_id, key=key, params=params))


def _order_of(session: Session, op: OutboxOp) -> Order | None:
    order_id = op.data.get("order_id")
    return session.get(Order, uuid.UUID(str(order_id))) if order_id else None


def rating_acknowledged(session: Session, op: OutboxOp) -> None:
    """The server answered a rating of this kiosk: its stars leave the local top-up of
    the Lulu's figures (the server's, which count it if it was taken, come with the
    Lulu in this sync's pull)."""
    order = _order_of(session, op)
    stars = int(op.data.get("stars", 0))
    if order is None or order.lulu_id is None or not stars:
        return
    session.execute(
        update(Lulu)
        .where(Lulu.id == order.lulu_id, Lulu.rating_count > 0)
        .values(rating_sum=Lulu.rating_sum - stars, rating_count=Lulu.rating_count - 1)
    )


def take_back_rating(session: Session, op: OutboxOp, *, key: str, at: datetime) -> None:
    """A rating the server refused: removed here, its stars taken off the Lulu, and a
    note on the order that the attendant reads."""
    rating_acknowledged(session, op)
    session.execute(delete(Rating).where(Rating.id == op.entity_id))
    order = _order_of(session, op)
    if order is not None:
        add_note(session, order.id, key, {"number": order.number}, at=at)
    # An id and a key only: the comment and the stars stay out of the log.
    log.warning("rating %s refused by the central server (%s), removed here", op.entity_id, key)


def note_slot_taken(
    session: Session, order_id: uuid.UUID, server_row: Mapping[str, Any], *, at: datetime
) -> None:
    """An assignment refused because its Lulu is elsewhere then: the order is back to
    confirmed (the server's row, applied by the caller); the note says who has the slot."""
    taken = SlotTaken.model_validate(server_row[SLOT_TAKEN_BY])
    lulu_id = _assigned_lulu(session, order_id)
    lulu = session.get(Lulu, lulu_id) if lulu_id else None
    params = {
        "name": lulu.display_name if lulu else "",
        "number": taken.order_number,
        "kiosk": taken.kiosk_code,
    }
    order = session.get(Order, order_id)
    params["order"] = order.number if order else ""
    add_note(session, order_id, SLOT_TAKEN, params, at=at)
    log.warning(
        "assignment of order %s refused: Lulu busy with %s (kiosk %s)",
        order_id,
        taken.order_number,
        taken.kiosk_code,
    )


def _assigned_lulu(session: Session, order_id: uuid.UUID) -> uuid.UUID | None:
    """The Lulu this kiosk had assigned (before the server's row is applied)."""
    order = session.get(Order, order_id)
    return order.lulu_id if order else None


def pending_stars(session: Session, lulu_id: uuid.UUID) -> tuple[int, int]:
    """(stars, count) of this kiosk's ratings of the Lulu's orders not yet answered."""
    rows = session.execute(
        select(OutboxOp.data).where(
            OutboxOp.entity == Entity.RATING.value, OutboxOp.kind == "append"
        )
    ).scalars()
    orders = {str(row.get("order_id")): int(row.get("stars", 0)) for row in rows}
    if not orders:
        return 0, 0
    mine = session.scalars(
        select(Order.id).where(
            Order.lulu_id == lulu_id, Order.id.in_([uuid.UUID(o) for o in orders])
        )
    ).all()
    stars = [orders[str(order_id)] for order_id in mine]
    return sum(stars), len(stars)


class SyncNoteService:
    """The notes of an order, newest first, for the counter."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def for_order(self, order_id: uuid.UUID) -> list[NoteView]:
        with self._store.read() as session:
            rows = session.scalars(
                select(SyncNote).where(SyncNote.order_id == order_id).order_by(SyncNote.id.desc())
            )
            return [NoteView(row.at, row.key, dict(row.params)) for row in rows]

    def count(self) -> int:
        with self._store.read() as session:
            return int(session.scalar(select(func.count()).select_from(SyncNote)) or 0)
