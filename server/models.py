"""The central server's tables.

Synced records are kept as the JSON the wire carries (one `records` table keyed by
entity and id): the server is the reference for the protocol, and what it must query
(an order's public token, a client's phone, the ratings of an order) has its own
indexed column. The change log gives every change a number that pull cursors follow.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Uuid,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC in, aware UTC out, on SQLite (no time zones) as on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# The change log's number: BIGINT on PostgreSQL, INTEGER on SQLite so that it is the
# rowid and autoincrements.
SeqType = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}


class Device(Base):
    """An enrolled device, a kiosk, the web platform or the back office (its `kind`,
    see scopes.py): its credential is a token stored hashed."""

    __tablename__ = "devices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16), default="kiosk", server_default="kiosk")
    # A kiosk's series code ("01"; its orders are "01-NNNN", its invoices "F01-..."),
    # allocated at enrolment from the counter `kiosk_codes`, which only goes up: a code is
    # never given twice, even once its kiosk is revoked (migration 0005). Web and admin
    # devices have none.
    code: Mapped[str | None] = mapped_column(String(3), unique=True)
    created_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class Record(Base):
    """The server's current state of one synced record."""

    __tablename__ = "records"
    __table_args__ = (
        # One document per invoice number, whichever process writes it (migration 0004).
        Index(
            "uq_records_invoice_number",
            "lookup",
            unique=True,
            sqlite_where=text("entity = 'invoice'"),
            postgresql_where=text("entity = 'invoice'"),
        ),
    )

    entity: Mapped[str] = mapped_column(String(24), primary_key=True)
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    # An order's public token, a client's phone, a category's or service's code.
    lookup: Mapped[str | None] = mapped_column(String(64), index=True)
    # The order a payment or rating belongs to; for an order, the Lulu it was last
    # assigned to (migration 0005: a Lulu's slots are checked by this index).
    parent_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    updated_at: Mapped[datetime]


class AppliedOp(Base):
    """(device, op_id) of every op applied, written in the op's own transaction: a
    replay answers `duplicate`."""

    __tablename__ = "applied_ops"

    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id"), primary_key=True)
    op_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    applied_at: Mapped[datetime]


class Batch(Base):
    """A push's Idempotency-Key and a hash of its body: the same key with another
    body is refused."""

    __tablename__ = "batches"

    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    body_hash: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime]


class Change(Base):
    """The change log: one row per write of a pulled record, numbered in commit order
    (see `changes.record_changes`)."""

    __tablename__ = "changes"
    __table_args__ = (Index("ix_changes_reader_seq", "reader", "seq"),)

    seq: Mapped[int] = mapped_column(SeqType, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(24))
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    # The device this row is for (a change of a record several kiosks read is one row
    # per kiosk), NULL for every device: a kiosk's pull reads its rows and NULL's by the
    # index, not the whole network's log (changes.py). A device id, not a foreign key:
    # devices are never deleted, and the log is the hottest insert of every push.
    reader: Mapped[int | None] = mapped_column(Integer, nullable=True)


class ChangeWaiting(Base):
    """A change committed by a push on PostgreSQL, waiting for its number: the same
    round trip numbers every waiting change at once into `changes` (changes.py)."""

    __tablename__ = "changes_waiting"

    id: Mapped[int] = mapped_column(SeqType, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(24))
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    # The record whose access says who reads this one (readers.scope_id); None: everyone.
    scope: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)


class Counter(Base):
    """Named counters: web order numbers, and the change log's floor (cursors below it
    were pruned and must refetch)."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(SeqType, default=0)


class KioskReport(Base):
    """A kiosk's latest health report (`sync.protocol.HealthReport`, as JSON), and when
    the server received it: by the server's own clock, so "last seen" never depends on
    a kiosk's."""

    __tablename__ = "kiosk_reports"

    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id"), primary_key=True)
    received_at: Mapped[datetime]
    report: Mapped[dict[str, Any]] = mapped_column(JSON)


class RecordAccess(Base):
    """Which kiosk holds or may read an order or a client (DESIGN.md, "One owner per
    order"): `owner` rows say who may change it (one per record, a partial unique
    index), the others who may read it: the former holder after a hand-over, a kiosk
    that looked the client up by phone, the new holder of one of the client's orders.
    A kiosk pulls a client, an order and the order's payments and ratings only through
    a row here; the catalogue and the Lulus' public profiles need none."""

    __tablename__ = "record_access"
    __table_args__ = (
        # Who reads a record is asked by the record (every push, every numbering of the
        # change log): the key leads with the device, which cannot answer that.
        Index("ix_record_access_entity", "entity_id"),
        Index(
            "uq_record_access_owner",
            "entity_id",
            unique=True,
            sqlite_where=text("owner"),
            postgresql_where=text("owner"),
        ),
    )

    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id"), primary_key=True)
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    owner: Mapped[bool] = mapped_column(Boolean)
    granted_at: Mapped[datetime]
