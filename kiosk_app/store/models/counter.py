"""The counter's own records: attendants, the audit log, and the durable queues (the
outbox for the central server, print jobs), number series and settings."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Integer,
    String,
    Text,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from ...domain.kinds import PrintStatus, Role
from .base import Base, _enum


class Attendant(Base):
    __tablename__ = "attendants"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    role: Mapped[Role] = mapped_column(_enum(Role))
    pin_hash: Mapped[str] = mapped_column(String(200))  # argon2id; the PIN itself never
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(index=True)
    attendant_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("attendants.id"))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class OutboxOp(Base):
    """A change made here that the central server has not acknowledged yet."""

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True, default=uuid.uuid4)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    kind: Mapped[str] = mapped_column(String(12))  # create | patch | transition | append
    base_version: Mapped[int | None] = mapped_column(Integer)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    set_aside: Mapped[bool] = mapped_column(Boolean, default=False)


class SyncNote(Base):
    """What the central server decided against this kiosk, for the attendant: a Lulu's
    slot taken at another kiosk, a rating refused and removed. A message key and its
    parameters (order numbers, kiosk codes, a Lulu's public name), never a client's."""

    __tablename__ = "sync_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime]
    order_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    key: Mapped[str] = mapped_column(String(60))
    params: Mapped[dict[str, Any]] = mapped_column(JSON)


class PulledAside(Base):
    """A record pulled from the central server that this store cannot keep: an order
    whose number it already holds under another id (two kiosks numbered in one series).
    Set aside for a person (`kiosk sync`, the kiosks page's set-aside count) while the
    rest of the pull goes on; kept whole, so that nothing the server sent is lost."""

    __tablename__ = "pulled_aside"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    reason: Mapped[str] = mapped_column(Text)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    seen_at: Mapped[datetime]


class PrintJob(Base):
    __tablename__ = "print_jobs"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    kind: Mapped[str] = mapped_column(String(24))  # order_ticket, receipt, invoice...
    order_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("orders.id"), index=True)
    lang: Mapped[str] = mapped_column(String(2), default="fr")
    status: Mapped[PrintStatus] = mapped_column(_enum(PrintStatus), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    printed_at: Mapped[datetime | None]
    # The document (invoice, credit note or quote) an A4 job saves as PDF.
    document_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    # Cut mid-way (the connection dropped after some bytes): printed again once, marked
    # "REPRINT" and without opening the cash drawer.
    # (NULL: no. Nullable so that an older store's rows need no value.)
    interrupted: Mapped[bool | None] = mapped_column(Boolean)
    # "Print elsewhere": saved as a picture and text (DIR/tickets) instead of the printer.
    to_file: Mapped[bool | None] = mapped_column(Boolean)


class NumberSeries(Base):
    """Per-kiosk counters for human numbers; incremented inside the transaction that
    uses the number, so a series never has gaps or repeats."""

    __tablename__ = "number_series"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    next_value: Mapped[int] = mapped_column(Integer, default=1)


class Setting(Base):
    """The kiosk's own identity and options (kiosk code, association details...)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class HandledRequest(Base):
    """A request the screens sent once (a payment, an order, a till closing, a rating,
    a refund), written in the same transaction as its record: the same request id
    again is answered with that record, never written twice (a double tap, a retry)."""

    __tablename__ = "handled_requests"

    request_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    action: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    at: Mapped[datetime]


class ToResolve(Base):
    """What a person must settle, written by the central server and pulled by the kiosk
    concerned (DESIGN.md, "One owner per order"): a payment its order's holder did
    not expect, a cancelled order still holding money or an invoice. Resolving it
    here (a note) syncs back as a patch."""

    __tablename__ = "to_resolve"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    order_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    order_number: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(24))
    action: Mapped[str] = mapped_column(String(24))  # refund, credit_note, move_or_refund…
    amount_cents: Mapped[int] = mapped_column(Integer)
    payment_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    created_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]
    note: Mapped[str] = mapped_column(Text, default="")


class HelpRequest(Base):
    """A resident's "Besoin d'aide ?" on this kiosk's touchscreen, waiting at the top of
    the counter's queue until an attendant marks it handled. Local to the kiosk (never
    synced): the person who can help stands a few metres away, and the request means
    nothing to another counter an hour later."""

    __tablename__ = "help_requests"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    asked_at: Mapped[datetime] = mapped_column(index=True)
    handled_at: Mapped[datetime | None]
    handled_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)  # the attendant
