"""The SQLAlchemy Core statements on synced records, built once at import, and the
row they read (`Held`): the Writer (writer.py) runs them on the session's connection.

Why not the ORM: a push is about ten small statements, and building a statement with the
ORM and running it through the session cost 0.1-0.15 ms each on the development machine
(attribute operators, cache key, ORM compile state, unit of work), against under 0.02 ms
for a statement built once and run on the session's connection. With fifty kiosks
pushing at once, that difference is most of the wait (docs/BENCHMARKS.md, sync suite).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, select, update

from sync.protocol import Entity

from .models import Record, RecordAccess
from .statements import PerDialect

RECORDS = Record.metadata.tables[Record.__tablename__]


@dataclass(eq=False, slots=True)
class Held:
    """A record as this transaction sees it (what is written at the next flush)."""

    entity: str
    entity_id: uuid.UUID
    version: int
    data: dict[str, Any]
    lookup: str | None = None
    parent_id: uuid.UUID | None = None


_COLUMNS = (
    RECORDS.c.entity,
    RECORDS.c.entity_id,
    RECORDS.c.version,
    RECORDS.c.data,
    RECORDS.c.lookup,
    RECORDS.c.parent_id,
)
BY_KEY = select(*_COLUMNS).where(
    RECORDS.c.entity == bindparam("entity"), RECORDS.c.entity_id == bindparam("entity_id")
)
# Both columns of the primary key: by `entity_id` alone, SQLite would scan the table.
BY_KEYS = PerDialect.build(
    lambda one_of: select(*_COLUMNS).where(
        one_of(RECORDS.c.entity, "entities"), one_of(RECORDS.c.entity_id, "ids")
    )
)
BY_LOOKUP = (
    select(*_COLUMNS)
    .where(RECORDS.c.entity == bindparam("entity"), RECORDS.c.lookup == bindparam("lookup"))
    .limit(1)
)
BY_LOOKUP_ELSEWHERE = (
    select(*_COLUMNS)
    .where(
        RECORDS.c.entity == bindparam("entity"),
        RECORDS.c.lookup == bindparam("lookup"),
        RECORDS.c.entity_id != bindparam("entity_id"),
    )
    .limit(1)
)
BY_PARENT = (
    select(*_COLUMNS)
    .where(RECORDS.c.entity == bindparam("entity"), RECORDS.c.parent_id == bindparam("parent"))
    .limit(1)
)
ALL_BY_PARENT = select(*_COLUMNS).where(
    RECORDS.c.entity == bindparam("entity"), RECORDS.c.parent_id == bindparam("parent")
)
CHILDREN_OF = PerDialect.build(
    lambda one_of: select(*_COLUMNS).where(one_of(RECORDS.c.parent_id, "parents"))
)
# An erased client's orders: a pass over the orders' data (once per erasure, not per push).
ORDERS_OF_CLIENT = select(*_COLUMNS).where(
    RECORDS.c.entity == Entity.ORDER.value,
    RECORDS.c.data["client_id"].as_string() == bindparam("client_id"),
)
# The orders a Lulu was assigned to: an order's `parent_id` is its latest Lulu (set by
# the assignment, migration 0005), so the check of a Lulu's slots reads that Lulu's
# orders by an index, not every order's data.
ORDERS_OF_LULU = select(*_COLUMNS).where(
    RECORDS.c.entity == Entity.ORDER.value, RECORDS.c.parent_id == bindparam("lulu_id")
)
# The clients merged into one (client_merges.py): when it is merged in turn, they follow.
CLIENTS_MERGED_INTO = select(*_COLUMNS).where(
    RECORDS.c.entity == Entity.CLIENT.value,
    RECORDS.c.data["merged_into"].as_string() == bindparam("client_id"),
)
BY_LOOKUPS = PerDialect.build(
    lambda one_of: select(*_COLUMNS).where(
        RECORDS.c.entity == bindparam("entity"), one_of(RECORDS.c.lookup, "lookups")
    )
)
LOOKUPS_TAKEN = PerDialect.build(
    lambda one_of: select(RECORDS.c.lookup).where(
        RECORDS.c.entity == bindparam("entity"), one_of(RECORDS.c.lookup, "lookups")
    )
)
INSERT = RECORDS.insert()
ACCESS_INSERT = RecordAccess.metadata.tables[RecordAccess.__tablename__].insert()
# SET takes the columns named in the parameters (version, data, lookup, parent_id,
# updated_at).
UPDATE = update(RECORDS).where(
    RECORDS.c.entity == bindparam("key_entity"),
    RECORDS.c.entity_id == bindparam("key_entity_id"),
)


def as_held(row: Sequence[Any]) -> Held:
    """A row read by the statements above (their columns, in `_COLUMNS` order)."""
    entity, entity_id, version, data, lookup, parent_id = row
    return Held(entity, entity_id, version, data, lookup, parent_id)
