"""Reading and writing synced records inside one transaction, with the Core statements
of record_statements.py (why not the ORM: there).

Writes are held until `flush()` (a batch's new records go in one executemany), and any
query that could see them flushes first, as the ORM's autoflush did: a query names its
entity, so only a held record of that entity makes it flush. The records that belong to
the batch's orders (payments, ratings, invoices, items to resolve) are read with the
batch (`prefetch`) and answered from memory: each check of an order's payments was a
flush and a query, for every op (docs/BENCHMARKS.md, sync suite on PostgreSQL).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from sync.protocol import Entity

from .changes import Key, record_changes
from .record_statements import (
    ACCESS_INSERT,
    ALL_BY_PARENT,
    BY_KEY,
    BY_KEYS,
    BY_LOOKUP,
    BY_LOOKUP_ELSEWHERE,
    BY_LOOKUPS,
    BY_PARENT,
    CHILDREN_OF,
    CLIENTS_MERGED_INTO,
    INSERT,
    LOOKUPS_TAKEN,
    ORDERS_OF_CLIENT,
    ORDERS_OF_LULU,
    UPDATE,
    Held,
    as_held,
)
from .scopes import Caller


class Rejected(Exception):
    """An op (or a web order) refused with its reason; nothing of it is written."""

    def __init__(self, code: str, message: str, server_row: dict[str, Any] | None = None) -> None:
        super().__init__(code, message)
        self.code = code
        self.message = message
        self.server_row = server_row  # not_owner: the order as its holder left it


class Writer:
    """The records of one transaction, with the keys of what changed, in order. Call
    `finish()` last: it writes what is held and numbers the changes."""

    def __init__(self, session: Session, now: datetime, caller: Caller | None = None) -> None:
        self.session = session
        # The pushing device (from its credential): what a per-kiosk record is filed under.
        self.device_id = caller.device_id if caller is not None else 0
        self.connection = session.connection()
        self.now = now
        self.caller = caller  # the pushing device (None: the web platform's order)
        self.changed: list[Key] = []
        # Records looked up or written (None: known to be absent), and lookups (public
        # tokens) known to be taken: one query each per batch instead of one per op.
        self._known: dict[Key, Held | None] = {}
        self._taken: dict[str, set[str]] = {}
        self._new: list[Held] = []
        self._new_keys: set[Key] = set()
        self._dirty: dict[Key, Held] = {}
        self._held_entities: set[str] = set()  # of `_new` and `_dirty`
        # Records whose children (records naming them as parent) are all in `_known`.
        self._parents: set[uuid.UUID] = set()
        # Lookups (clients' phones) whose every record is in `_known`, by entity, and
        # the phones whose lock this transaction holds (client_merges.lock_phones).
        self._lookups_read: dict[str, set[str]] = {}
        self.locked_phones: set[str] = set()
        # Who holds and reads this batch's records (ownership.py fills both): read once
        # per batch, and the new rows written with the records in one executemany.
        self.access: Any = None
        self.new_access: list[dict[str, Any]] = []

    def _adopt(self, row: Sequence[Any]) -> Held:
        """The one object of a record in this transaction, as the ORM's identity map."""
        held = as_held(row)
        key = (held.entity, held.entity_id)
        known = self._known.get(key)
        if known is not None:
            return known
        self._known[key] = held
        return held

    def prefetch(self, keys: set[Key], lookups: dict[Entity, set[str]]) -> None:
        if keys:
            entities = {entity for entity, _ in keys}
            ids = {entity_id for _, entity_id in keys}
            query = {"entities": list(entities), "ids": list(ids)}
            for row in self.connection.execute(BY_KEYS.on(self.connection), query):
                self._adopt(row)
            # The query covered every pair of these entities and ids: the rest are absent.
            for entity in entities:
                for entity_id in ids:
                    self._known.setdefault((entity, entity_id), None)
            orders = [entity_id for entity, entity_id in keys if entity == Entity.ORDER.value]
            if orders:
                rows = self.connection.execute(CHILDREN_OF.on(self.connection), {"parents": orders})
                for row in rows:
                    self._adopt(row)
                self._parents.update(orders)
        for entity, wanted in lookups.items():
            taken = self.connection.execute(
                LOOKUPS_TAKEN.on(self.connection), {"entity": entity.value, "lookups": list(wanted)}
            ).scalars()
            self._taken[entity.value] = {key for key in taken if key is not None}

    def get(self, entity: Entity, entity_id: uuid.UUID) -> Held | None:
        key = (entity.value, entity_id)
        if key in self._known:
            return self._known[key]
        row = self.connection.execute(
            BY_KEY, {"entity": entity.value, "entity_id": entity_id}
        ).first()
        if row is None:
            self._known[key] = None
            return None
        return self._adopt(row)

    def taken(self, entity: Entity, lookup: str) -> bool:
        if entity.value in self._taken:
            return lookup in self._taken[entity.value]
        return self.lookup(entity, lookup) is not None

    def require(self, entity: Entity, entity_id: uuid.UUID, code: str) -> Held:
        record = self.get(entity, entity_id)
        if record is None:
            raise Rejected(code, f"no {entity.value} {entity_id} on the server")
        return record

    def insert(
        self,
        entity: Entity,
        entity_id: uuid.UUID,
        data: dict[str, Any],
        *,
        version: int = 1,
        lookup: str | None = None,
        parent_id: uuid.UUID | None = None,
    ) -> Held:
        held = Held(entity.value, entity_id, version, data, lookup, parent_id)
        key = (entity.value, entity_id)
        self._new.append(held)
        self._new_keys.add(key)
        self._held_entities.add(held.entity)
        self._known[key] = held
        if lookup is not None and entity.value in self._taken:
            self._taken[entity.value].add(lookup)
        self.changed.append(key)
        return held

    def update(
        self,
        record: Held,
        data: dict[str, Any],
        *,
        lookup: str | None = None,
        parent_id: uuid.UUID | None = None,
    ) -> None:
        record.data = data
        record.version += 1
        if lookup is not None:
            record.lookup = lookup
        if parent_id is not None:
            record.parent_id = parent_id
        key = (record.entity, record.entity_id)
        if key not in self._new_keys:  # a new record is written as it is at the flush
            self._dirty[key] = record
            self._held_entities.add(record.entity)
        self.changed.append(key)

    def _held_of(self, entity: Entity) -> Iterator[tuple[Key, Held]]:
        """The records of `entity` written here and not yet flushed."""
        if entity.value not in self._held_entities:
            return
        for held in self._new:
            if held.entity == entity.value:
                yield (held.entity, held.entity_id), held
        for key, held in self._dirty.items():
            if held.entity == entity.value:
                yield key, held

    def _flush_for(self, entity: Entity) -> None:
        """Write what is held before a query of `entity`'s records, if it could see it."""
        if entity.value in self._held_entities:
            self.flush()

    def read_lookups(self, entity: Entity, keys: set[str]) -> None:
        """Read every record of `entity` under these lookups at once: `lookup_elsewhere`
        then answers from memory (what this transaction holds is in `_known`)."""
        wanted = keys - self._lookups_read.get(entity.value, set())
        if not wanted:
            return
        rows = self.connection.execute(
            BY_LOOKUPS.on(self.connection), {"entity": entity.value, "lookups": list(wanted)}
        )
        for row in rows:
            self._adopt(row)
        self._lookups_read.setdefault(entity.value, set()).update(wanted)

    def lookup(self, entity: Entity, key: str) -> Held | None:
        self._flush_for(entity)
        row = self.connection.execute(BY_LOOKUP, {"entity": entity.value, "lookup": key}).first()
        return None if row is None else self._adopt(row)

    def lookup_elsewhere(self, entity: Entity, key: str, entity_id: uuid.UUID) -> Held | None:
        """Another record than `entity_id` under the lookup `key` (a client's phone)."""
        if key in self._lookups_read.get(entity.value, ()):
            return next(
                (
                    held
                    for held in self._known.values()
                    if held is not None
                    and held.entity == entity.value
                    and held.lookup == key
                    and held.entity_id != entity_id
                ),
                None,
            )
        # Only a changed record of this entity, or a new one under this key, could
        # answer otherwise than the database (the new record being checked cannot).
        if any(
            record_key in self._dirty or (held.lookup == key and held.entity_id != entity_id)
            for record_key, held in self._held_of(entity)
        ):
            self.flush()
        row = self.connection.execute(
            BY_LOOKUP_ELSEWHERE, {"entity": entity.value, "lookup": key, "entity_id": entity_id}
        ).first()
        return None if row is None else self._adopt(row)

    def child(self, entity: Entity, parent_id: uuid.UUID) -> Held | None:
        """A record of `entity` belonging to `parent_id` (an order's rating), if any."""
        if parent_id in self._parents:
            return next(iter(self._children_known(entity, parent_id)), None)
        self._flush_for(entity)
        row = self.connection.execute(BY_PARENT, {"entity": entity.value, "parent": parent_id})
        found = row.first()
        return None if found is None else self._adopt(found)

    def children(self, entity: Entity, parent_id: uuid.UUID) -> list[Held]:
        """Every record of `entity` belonging to `parent_id` (an order's payments)."""
        if parent_id in self._parents:
            return self._children_known(entity, parent_id)
        self._flush_for(entity)
        rows = self.connection.execute(ALL_BY_PARENT, {"entity": entity.value, "parent": parent_id})
        return [self._adopt(row) for row in rows]

    def _children_known(self, entity: Entity, parent_id: uuid.UUID) -> list[Held]:
        """The children of a prefetched parent: those read with the batch and those
        this transaction wrote (a child moved under it is a Held of `_known` too).
        One written meanwhile by another transaction is not seen, as a query in this
        one could not see it either before its commit."""
        return [
            held
            for held in self._known.values()
            if held is not None and held.parent_id == parent_id and held.entity == entity.value
        ]

    def touch(self, record: Held) -> None:
        """Log a change of `record` without changing it: a kiosk that may now read it
        (a hand-over, a look-up) pulls it."""
        self.changed.append((record.entity, record.entity_id))

    def orders_of(self, client_id: uuid.UUID) -> list[Held]:
        self._flush_for(Entity.ORDER)
        rows = self.connection.execute(ORDERS_OF_CLIENT, {"client_id": str(client_id)})
        return [self._adopt(row) for row in rows]

    def assigned_to(self, lulu_id: uuid.UUID) -> list[Held]:
        """The orders assigned to the Lulu now."""
        # Not flushed: an order of the Lulu's held here (assigned by this batch) is
        # added from memory, one moved away is left out by the test of its data.
        rows = self.connection.execute(ORDERS_OF_LULU, {"lulu_id": lulu_id})
        held = [self._adopt(row) for row in rows]
        held += [
            order
            for _, order in self._held_of(Entity.ORDER)
            if order.parent_id == lulu_id and order not in held
        ]
        return [
            order
            for order in held
            if order.data.get("status") == "assigned" and order.data.get("lulu_id") == str(lulu_id)
        ]

    def merged_into(self, client_id: uuid.UUID) -> list[Held]:
        self._flush_for(Entity.CLIENT)
        rows = self.connection.execute(CLIENTS_MERGED_INTO, {"client_id": str(client_id)})
        return [self._adopt(row) for row in rows]

    def known_ids(self) -> set[uuid.UUID]:
        """The ids of every record this transaction looked up or wrote."""
        return {entity_id for _, entity_id in self._known}

    def flush_access(self) -> None:
        """Write the held access rows (before a query of record_access)."""
        if self.new_access:
            self.connection.execute(ACCESS_INSERT, self.new_access)
            self.new_access = []

    def flush(self) -> None:
        self.flush_access()
        if self._new:
            self.connection.execute(
                INSERT,
                [
                    {
                        "entity": held.entity,
                        "entity_id": held.entity_id,
                        "version": held.version,
                        "data": held.data,
                        "lookup": held.lookup,
                        "parent_id": held.parent_id,
                        "updated_at": self.now,
                    }
                    for held in self._new
                ],
            )
            self._new = []
            self._new_keys = set()
        if self._dirty:
            self.connection.execute(
                UPDATE,
                [
                    {
                        "key_entity": held.entity,
                        "key_entity_id": held.entity_id,
                        "version": held.version,
                        "data": held.data,
                        "lookup": held.lookup,
                        "parent_id": held.parent_id,
                        "updated_at": self.now,
                    }
                    for held in self._dirty.values()
                ],
            )
            self._dirty = {}
        self._held_entities = set()

    def finish(self) -> None:
        """Write what is held and number this transaction's changes (call it last)."""
        self.flush()
        changed = []
        for key in dict.fromkeys(self.changed):
            held = self._known.get(key)  # (every changed record is known here)
            changed.append((*key, held.parent_id if held is not None else None))
        record_changes(self.session, changed, at_commit=True)
