"""Clients and their orders: the address where Lulus go, the order with its snapshot of
the service and price, its steps, its rating, and the kiosk's visits."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from sync.protocol import Channel, OrderStatus

from .base import Base, _enum


class Address:
    """Columns shared by a client's home and an order's place of intervention."""

    street: Mapped[str] = mapped_column(String(120), default="")
    postcode: Mapped[str] = mapped_column(String(5), default="")
    city: Mapped[str] = mapped_column(String(60), default="Paris")
    building: Mapped[str] = mapped_column(String(40), default="")
    floor: Mapped[int | None] = mapped_column(Integer)
    has_lift: Mapped[bool | None] = mapped_column(Boolean)
    access_notes: Mapped[str] = mapped_column(Text, default="")


class Client(Address, Base):
    __tablename__ = "clients"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(80))
    search_name: Mapped[str] = mapped_column(String(80), default="", index=True)  # folded
    # E.164; NULL once erased. Unique: the phone is how a resident is recognised.
    phone: Mapped[str | None] = mapped_column(String(20), unique=True)
    email: Mapped[str | None] = mapped_column(String(254))
    lang: Mapped[str] = mapped_column(String(2), default="fr")
    consent_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    erased_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(Integer, default=1)


class Order(Address, Base):
    __tablename__ = "orders"
    __table_args__ = (
        CheckConstraint("estimated_units > 0", name="estimated_units_positive"),
        Index("ix_orders_status_slot", "status", "slot_start"),
        # The counter's queue: newest first, filtered by channel, status or both
        # (services/order_queue.py), and by the day of the slot (migration 0004).
        Index("ix_orders_channel_created", "channel", "created_at"),
        Index("ix_orders_status_created", "status", "created_at"),
        Index("ix_orders_channel_status_created", "channel", "status", "created_at"),
        Index("ix_orders_slot_start", "slot_start"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clients.id"), index=True)
    service_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("services.id"), index=True)
    # Snapshot of the service at order time: later catalogue edits never change it.
    service_name_fr: Mapped[str] = mapped_column(String(80))
    service_name_en: Mapped[str] = mapped_column(String(80))
    unit_minutes: Mapped[int] = mapped_column(Integer)
    unit_price_cents: Mapped[int] = mapped_column(Integer)
    tax_credit: Mapped[bool] = mapped_column(Boolean)
    slot_start: Mapped[datetime]
    slot_end: Mapped[datetime]
    estimated_units: Mapped[int] = mapped_column(Integer)
    actual_units: Mapped[int | None] = mapped_column(Integer)
    # The minutes the Lulu actually worked (billed rounded up to whole units): the
    # invoice and the tax certificate state the actual duration (art. D7233-1, 8°).
    actual_minutes: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text, default="")
    channel: Mapped[Channel] = mapped_column(_enum(Channel))
    lulu_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("lulus.id"), index=True)
    # The tutor going along with a Lulu in training (the assignment's `tutor_id`), as
    # the central server keeps it: every kiosk knows who went (migration 0006).
    tutor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("lulus.id"))
    status: Mapped[OrderStatus] = mapped_column(_enum(OrderStatus))
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    lang: Mapped[str] = mapped_column(String(2), default="fr")
    # Unguessable token of the order's public page (the ticket's QR code).
    public_token: Mapped[str] = mapped_column(String(43), unique=True)
    created_at: Mapped[datetime] = mapped_column(index=True)
    updated_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)
    # The kiosk that holds the order when it is another (the central server's device
    # name); None: this kiosk holds it. An order held elsewhere is read-only here.
    held_by: Mapped[str | None] = mapped_column(String(80))


class OrderEvent(Base):
    """One step of an order's history: what the resident's timeline shows."""

    __tablename__ = "order_events"
    # The month's "services done": steps to a status within a period.
    __table_args__ = (Index("ix_order_events_to_status_at", "to_status", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id"), index=True)
    from_status: Mapped[OrderStatus | None] = mapped_column(_enum(OrderStatus))
    to_status: Mapped[OrderStatus] = mapped_column(_enum(OrderStatus))
    at: Mapped[datetime]
    attendant_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("attendants.id"))


class Rating(Base):
    __tablename__ = "ratings"
    __table_args__ = (CheckConstraint("stars BETWEEN 1 AND 5", name="stars_range"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id"), unique=True)
    stars: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime]


class KioskVisit(Base):
    __tablename__ = "kiosk_visits"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    started_at: Mapped[datetime] = mapped_column(index=True)
    lang: Mapped[str] = mapped_column(String(2), default="fr")
