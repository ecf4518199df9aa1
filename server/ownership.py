"""One owner per order (DESIGN.md, "One owner per order"): which kiosk holds an order
and may change it, which kiosks may read it, and the record rules that follow.

- The kiosk that pushes an order's creation holds it; a client belongs to the kiosk
  that created it. A record no kiosk holds (a web order, a record from before owners)
  is read by every kiosk until one takes it over.
- A kiosk reads what it holds and what it was granted: the former holder after a
  hand-over, the holder's new client, a client (and an order) looked up at its counter.
- A kiosk changes only the orders it holds (`not_owner` otherwise), and clients it
  may read. Payments are never refused for ownership: they are facts (push.py puts an
  unexpected one on the to-resolve list).

Everything is in `record_access` (models.RecordAccess), read once per pull page and
once per pushed batch.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import and_, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from sync.protocol import Change, Entity, Op, OpKind

from .models import RecordAccess
from .readers import SCOPED, THROUGH_ORDER
from .record_statements import Held
from .scopes import Caller, DeviceKind, OpenRecords, Pulled, Refusal
from .statements import PerDialect
from .writer import Rejected, Writer

ACCESS = RecordAccess.metadata.tables[RecordAccess.__tablename__]

# Per id of a page or batch: whether any kiosk holds or reads it, and this caller's
# rows. Both columns of an id in one indexed pass (the key's second column).
_ACCESS_OF = PerDialect.build(
    lambda one_of: select(ACCESS.c.entity_id, ACCESS.c.device_id, ACCESS.c.owner).where(
        one_of(ACCESS.c.entity_id, "ids")
    )
)
_OWNER_OF = select(ACCESS.c.device_id).where(
    ACCESS.c.entity_id == bindparam("entity_id"), ACCESS.c.owner.is_(True)
)
_NAME_OF = select(RecordAccess.metadata.tables["devices"].c.name).where(
    RecordAccess.metadata.tables["devices"].c.id == bindparam("device_id")
)
_INSERT = insert(ACCESS)
_DEMOTE = (
    update(ACCESS)
    .where(and_(ACCESS.c.entity_id == bindparam("key"), ACCESS.c.owner.is_(True)))
    .values(owner=False)
)
_DROP = delete(ACCESS).where(
    ACCESS.c.device_id == bindparam("device_id"), ACCESS.c.entity_id == bindparam("entity_id")
)


class Access:
    """Who holds and reads a set of records, read in one query (more ids: `ensure`)."""

    def __init__(self, session: Session, ids: Iterable[uuid.UUID]) -> None:
        self.session = session
        self.owner: dict[uuid.UUID, int] = {}
        self.readers: dict[uuid.UUID, set[int]] = {}
        self.checked: set[uuid.UUID] = set()
        self.ensure(ids)

    def ensure(self, ids: Iterable[uuid.UUID]) -> None:
        wanted = list(set(ids) - self.checked)
        if not wanted:
            return
        self.checked.update(wanted)
        connection = self.session.connection()
        for entity_id, device_id, owner in connection.execute(
            _ACCESS_OF.on(connection), {"ids": wanted}
        ):
            self.readers.setdefault(entity_id, set()).add(device_id)
            if owner:
                self.owner[entity_id] = device_id

    def may_read(self, device_id: int, entity_id: uuid.UUID) -> bool:
        readers = self.readers.get(entity_id)
        return readers is None or device_id in readers  # nobody's: everyone's

    def holds(self, device_id: int, entity_id: uuid.UUID) -> bool:
        return self.owner.get(entity_id) == device_id


def batch_access(w: Writer, *ids: uuid.UUID) -> Access:
    """The access of every record the batch names, read once (the push's prefetch
    named them all), and of `ids` if not yet read."""
    if w.access is None:
        w.flush_access()
        w.access = Access(w.session, w.known_ids())
    access: Access = w.access
    if any(i not in access.checked for i in ids):
        w.flush_access()
        access.ensure(ids)
    return access


def owner_of(w: Writer, entity_id: uuid.UUID) -> int | None:
    return batch_access(w, entity_id).owner.get(entity_id)


def device_name(w: Writer, device_id: int) -> str:
    return str(w.connection.execute(_NAME_OF, {"device_id": device_id}).scalar() or "")


def grant(
    w: Writer, device_id: int, entity_id: uuid.UUID, *, owner: bool = False, new: bool = False
) -> None:
    """Let `device_id` read (or hold) a record; a holder stays a holder. `new`: a
    record created in this transaction, that nobody reads yet (written with it)."""
    row = {"device_id": device_id, "entity_id": entity_id, "owner": owner, "granted_at": w.now}
    if new:
        w.new_access.append(row)
        if w.access is not None:
            w.access.checked.add(entity_id)
            w.access.readers[entity_id] = {device_id}
            if owner:
                w.access.owner[entity_id] = device_id
        return
    access = batch_access(w, entity_id)
    readers = access.readers.setdefault(entity_id, set())
    if owner:
        w.flush_access()
        w.connection.execute(_DEMOTE, {"key": entity_id})
        w.connection.execute(_DROP, {"device_id": device_id, "entity_id": entity_id})
        access.owner[entity_id] = device_id
    elif device_id in readers:
        return
    readers.add(device_id)
    w.new_access.append(row)


def make_readable(w: Writer, device_id: int, order: Held) -> None:
    """`device_id` may now read `order`, its client, payments and rating: granted, and
    logged again so that its next pull brings them (the client first)."""
    client_id = uuid.UUID(order.data["client_id"])
    client = w.get(Entity.CLIENT, client_id)
    if client is not None:
        grant(w, device_id, client_id)
        w.touch(client)
    w.touch(order)
    for entity in THROUGH_ORDER:
        for child in w.children(entity, order.entity_id):
            w.touch(child)


def take_over(w: Writer, op: Op) -> None:
    """A kiosk takes an order over: granted at once (the resident is at its counter;
    the holder may be closed or offline), recorded in the change log by the order's
    new `held_by`. The former holder keeps reading it; its later changes are refused
    as `not_owner` and set aside for a person there."""
    caller = w.caller
    order = w.require(Entity.ORDER, op.entity_id, "unknown_order")
    if caller is None or caller.kind is not DeviceKind.KIOSK:
        raise Rejected("forbidden", "only a kiosk takes an order over")
    former = owner_of(w, order.entity_id)
    if former == caller.device_id:
        return  # already this kiosk's: a repeated request changes nothing
    grant(w, caller.device_id, order.entity_id, owner=True)
    make_readable(w, caller.device_id, order)
    w.update(order, {**order.data, "held_by": caller.name or device_name(w, caller.device_id)})


class OwnedRecords(OpenRecords):
    """The default record rules: administrators keep every record (OpenRecords), a
    kiosk pulls and writes by `record_access`."""

    def refuse_op(self, caller: Caller, writer: Writer, op: Op) -> Refusal | str | None:
        if caller.kind is not DeviceKind.KIOSK:
            return None
        me = caller.device_id
        if op.entity is Entity.ORDER and op.kind in (OpKind.PATCH, OpKind.TRANSITION):
            if owner_of(writer, op.entity_id) != me:
                return NOT_HOLDER
        elif op.entity is Entity.TO_RESOLVE and op.kind is OpKind.PATCH:
            if owner_of(writer, op.entity_id) != me:
                return Refusal("not_owner", "this item is another kiosk's to resolve")
        elif op.entity is Entity.CLIENT and op.kind is OpKind.PATCH:
            return _client_refusal(writer, me, op.entity_id)
        elif op.entity is Entity.ORDER and op.kind is OpKind.CREATE:
            try:
                client = uuid.UUID(str(op.data.get("client_id")))
            except ValueError:
                return None  # the handler's own check refuses it
            return _client_refusal(writer, me, client)
        return None

    def reader_of(self, caller: Caller) -> int | None:
        return caller.device_id if caller.kind is DeviceKind.KIOSK else None

    def keep_page(self, caller: Caller, session: Session, page: list[Pulled]) -> list[Pulled]:
        # The page holds this kiosk's rows and everyone's (reader_of): checked again
        # here for the rows logged before readers were (migration 0008), and to show
        # each order's holder as this kiosk sees it.
        if caller.kind is not DeviceKind.KIOSK:
            return page
        access = Access(session, (_scope_id(p) for p in page if p.entity in SCOPED))
        me = caller.device_id
        kept: list[Pulled] = []
        for pulled in page:
            if pulled.entity in SCOPED and not access.may_read(me, _scope_id(pulled)):
                continue  # (its data is never parsed: Pulled.change)
            if pulled.entity is Entity.ORDER:
                pulled = pulled.seen_as(_as_seen_by(me, access, pulled.change))
            kept.append(pulled)
        return kept


NOT_HOLDER = Refusal("not_owner", "another kiosk holds this order: ask to take it over first")


def _client_refusal(w: Writer, device_id: int, client_id: uuid.UUID) -> Refusal | None:
    """A kiosk edits, and places orders for, the clients it may read: its own, and
    those looked up at its counter (the person is there)."""
    if batch_access(w, client_id).may_read(device_id, client_id):
        return None
    return Refusal("not_owner", "this client belongs to another kiosk: look it up first")


def _as_seen_by(device_id: int, access: Access, change: Change) -> Change:
    """An order as a kiosk's counter shows it: no holder on its own orders, "" on an
    order no kiosk holds (a web order, one from before owners) whatever it stored."""
    holder = access.owner.get(change.entity_id)
    held_by = None if holder == device_id else "" if holder is None else change.data.get("held_by")
    if change.data.get("held_by") == held_by:
        return change
    return change.model_copy(update={"data": {**change.data, "held_by": held_by}})


def _scope_id(pulled: Pulled) -> uuid.UUID:
    """The record whose access decides: an order's for its payments and rating."""
    if pulled.entity in THROUGH_ORDER and pulled.parent_id is not None:
        return pulled.parent_id
    return pulled.entity_id


def share_merged(w: Writer, survivor_id: uuid.UUID, merged_id: uuid.UUID) -> None:
    """Two kiosks' records of one phone merged: whoever read the merged copy reads the
    survivor, which its orders now name (client_merges.py)."""
    access = batch_access(w, survivor_id, merged_id)
    for device_id in sorted(access.readers.get(merged_id, set())):
        grant(w, device_id, survivor_id)
