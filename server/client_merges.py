"""One client per phone across kiosks: the same phone typed at two kiosks (offline, or
before either heard of the other) makes two client records; the server merges them.

The rule, the same wherever it runs:
- the **survivor** is the record created first (`created_at`), ties by the smaller id;
- the other (the **merged** record) keeps only its id, `merged_into` (the survivor's
  id) and its times: its personal fields are emptied, so no store keeps a second copy
  of the person; its orders are re-pointed to the survivor;
- the survivor's profile is merged **per field**: the survivor's value stays, and an
  empty one (no e-mail, no building, no floor...) takes the merged record's;
- every change goes through the change log in that order (survivor, merged record,
  orders), so each kiosk receives the survivor before the record that names it.

Ops that still name a merged record (a kiosk that had not pulled the merge yet) are
redirected to its survivor (`survivor_of`); the merged record is touched again so that
the kiosk that sent them, which kept its row while the op was pending, gets it back.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import text

from sync.protocol import MERGED_INTO, Entity

from .ownership import share_merged
from .record_statements import Held
from .records import CLIENT_ERASED, AddressFields, utc_text
from .writer import Writer

# Per field, what counts as "not given": the merged record's value then fills it.
_MERGED_FIELDS = ("name", "email", "consent_at", *AddressFields.model_fields)
_EMPTY: tuple[Any, ...] = (None, "")
LOCK_PHONE = text("SELECT pg_advisory_xact_lock(:key)")
# A batch's phones at once, in the order of their keys (two batches never wait on each
# other's in a circle).
LOCK_PHONES = text(
    "SELECT pg_advisory_xact_lock(k) FROM "
    "(SELECT unnest(CAST(:keys AS bigint[])) AS k ORDER BY 1) AS phones"
)


def _created(record: Held) -> tuple[datetime, str]:
    return datetime.fromisoformat(str(record.data["created_at"])), str(record.entity_id)


def survivor_of(w: Writer, client: Held) -> Held:
    """The record a client's ops go to: itself, or the survivor it was merged into (a
    chain is followed, though `_merge` points every merged record at the last
    survivor)."""
    seen = {client.entity_id}
    while client.data.get(MERGED_INTO):
        target = w.get(Entity.CLIENT, uuid.UUID(str(client.data[MERGED_INTO])))
        if target is None or target.entity_id in seen:
            break
        seen.add(target.entity_id)
        client = target
    return client


def touch(w: Writer, record: Held) -> None:
    """Write a record again unchanged (a new version and change): a kiosk that kept its
    own row while its op was pending receives the server's state once more."""
    w.update(record, dict(record.data))


def merge_same_phone(w: Writer, client: Held) -> Held:
    """Merge `client` with the live record already holding its phone, if any; returns
    the survivor. Erased records (no phone) and merged ones are never candidates."""
    phone = client.data.get("phone")
    if not phone or client.data.get("erased_at") or client.data.get(MERGED_INTO):
        return client
    _lock_phone(w, phone)
    holder = w.lookup_elsewhere(Entity.CLIENT, phone, client.entity_id)
    if holder is None:
        return client
    if holder.data.get("erased_at") or holder.data.get(MERGED_INTO):
        return client
    survivor, merged = sorted((client, holder), key=_created)
    _merge(w, survivor, merged)
    return survivor


def _lock_phone(w: Writer, phone: str) -> None:
    """On PostgreSQL, two kiosks pushing the same phone at once would each miss the
    other's uncommitted record: one waits here for the other's commit, then its lookup
    (a new statement, READ COMMITTED) sees it. SQLite has one writer at a time."""
    if w.connection.dialect.name != "postgresql" or phone in w.locked_phones:
        return
    w.connection.execute(LOCK_PHONE, {"key": _phone_key(phone)})


def _phone_key(phone: str) -> int:
    digest = hashlib.sha256(f"client-phone:{phone}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def lock_phones(w: Writer, phones: set[str]) -> None:
    """Before a batch's ops: the phones of the clients it creates, locked in one
    statement, and the records holding them read in one query (each client created
    was a lock and a query of its own: half of a backlog's statements)."""
    if not phones:
        return
    if w.connection.dialect.name == "postgresql":
        w.connection.execute(LOCK_PHONES, {"keys": sorted({_phone_key(p) for p in phones})})
    w.locked_phones.update(phones)
    w.read_lookups(Entity.CLIENT, phones)


def _merge(w: Writer, survivor: Held, merged: Held) -> None:
    data = dict(survivor.data)
    for name in _MERGED_FIELDS:
        if data.get(name) in _EMPTY and merged.data.get(name) not in _EMPTY:
            data[name] = merged.data[name]
    data["updated_at"] = utc_text(w.now)
    w.update(survivor, data, lookup=data["phone"])
    w.update(
        merged,
        {
            **merged.data,
            **CLIENT_ERASED,
            MERGED_INTO: str(survivor.entity_id),
            "updated_at": utc_text(w.now),
        },
        lookup="",
    )
    # A survivor merged in turn (a copy created even earlier arrived): what pointed to
    # it points to the new survivor, so no kiosk needs a record it may have dropped.
    for earlier in w.merged_into(merged.entity_id):
        w.update(
            earlier,
            {**earlier.data, MERGED_INTO: str(survivor.entity_id), "updated_at": utc_text(w.now)},
        )
    for order in w.orders_of(merged.entity_id):
        w.update(
            order,
            {**order.data, "client_id": str(survivor.entity_id), "updated_at": utc_text(w.now)},
        )
    share_merged(w, survivor.entity_id, merged.entity_id)
