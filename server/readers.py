"""Whom each change of the log is for (DESIGN.md, "One owner per order").

A client, an order, an item to resolve, and an order's payments and rating are read by
the kiosks of `record_access` (ownership.py): a change of one is logged once per such
kiosk, with the kiosk as the row's `reader`. A record nobody's access names (the
catalogue, the Lulus' public profiles, a web order no kiosk holds yet) is logged once,
for everyone (reader NULL). A kiosk's pull reads its rows and everyone's, by an index
(changes.py): with five hundred kiosks, the others' writes are never read.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select

from sync.protocol import Entity

from .models import RecordAccess
from .statements import PerDialect

# The records a kiosk reads through its order (a payment's, a rating's parent_id).
THROUGH_ORDER = frozenset({Entity.PAYMENT, Entity.RATING})
SCOPED = frozenset({Entity.ORDER, Entity.CLIENT, Entity.TO_RESOLVE}) | THROUGH_ORDER
_SCOPED_NAMES = frozenset(entity.value for entity in SCOPED)
_THROUGH_ORDER_NAMES = frozenset(entity.value for entity in THROUGH_ORDER)

_ACCESS = RecordAccess.metadata.tables[RecordAccess.__tablename__]
_READERS_OF = PerDialect.build(
    lambda one_of: select(_ACCESS.c.entity_id, _ACCESS.c.device_id).where(
        one_of(_ACCESS.c.entity_id, "ids")
    )
)

# A change to log: its entity, its record's id and parent (an order's, for a payment).
Changed = tuple[str, uuid.UUID, uuid.UUID | None]


def scope_id(entity: str, entity_id: uuid.UUID, parent_id: uuid.UUID | None) -> uuid.UUID | None:
    """The record whose access decides who reads this one (None: everyone)."""
    if entity not in _SCOPED_NAMES:
        return None
    if entity in _THROUGH_ORDER_NAMES and parent_id is not None:
        return parent_id
    return entity_id


def change_rows(connection: Connection, changed: Sequence[Changed]) -> list[dict[str, Any]]:
    """The log's rows for these changes, in their order: one per reader, or one for
    everyone. One query for the whole transaction (its access rows written first)."""
    scopes = [scope_id(entity, entity_id, parent) for entity, entity_id, parent in changed]
    readers: dict[uuid.UUID, list[int]] = {}
    wanted = list({scope for scope in scopes if scope is not None})
    if wanted:
        rows = connection.execute(_READERS_OF.on(connection), {"ids": wanted})
        for entity_id, device_id in rows:
            readers.setdefault(entity_id, []).append(device_id)
    out: list[dict[str, Any]] = []
    for (entity, entity_id, _), scope in zip(changed, scopes, strict=True):
        for_whom: list[int | None] = [None]  # everyone
        if scope is not None and scope in readers:
            for_whom = [*sorted(readers[scope])]
        for reader in for_whom:
            out.append({"entity": entity, "entity_id": entity_id, "reader": reader})
    return out
