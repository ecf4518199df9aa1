"""The local store's tables (SQLAlchemy 2.0 typed models).

Every record that syncs has a UUID made where it is created; human numbers (orders)
come from per-kiosk series (`NumberSeries`). Money is integer cents.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Uuid,
    case,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from sync.protocol import Channel, OrderStatus, PaymentMethod

from .types import UTCDateTime


class OnboardingStage(StrEnum):
    CANDIDATE = "candidate"
    FILE_IN_PROGRESS = "file_in_progress"
    ONBOARDED = "onboarded"
    INACTIVE = "inactive"


class Role(StrEnum):
    ATTENDANT = "attendant"
    MANAGER = "manager"


class PaymentKind(StrEnum):
    PAYMENT = "payment"
    REFUND = "refund"


class PrintStatus(StrEnum):
    QUEUED = "queued"
    PRINTED = "printed"
    FAILED = "failed"


def _enum(cls: type[StrEnum]) -> Enum:
    # Stored as their value in a VARCHAR with a CHECK constraint: readable in the file,
    # no native enum type to migrate.
    return Enum(
        cls,
        native_enum=False,
        create_constraint=True,
        length=24,
        values_callable=lambda e: [member.value for member in e],
        name=cls.__name__.lower(),
    )


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime(), dict[str, Any]: JSON}


# --- Catalogue (pulled from the central server) -------------------------------------


class Category(Base):
    __tablename__ = "categories"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_fr: Mapped[str] = mapped_column(String(80))
    name_en: Mapped[str] = mapped_column(String(80))
    icon: Mapped[str] = mapped_column(String(40), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    services: Mapped[list[Service]] = relationship(back_populates="category")


class Service(Base):
    __tablename__ = "services"
    __table_args__ = (
        CheckConstraint("unit_minutes > 0", name="unit_minutes_positive"),
        CheckConstraint("unit_price_cents >= 0", name="unit_price_not_negative"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    category_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("categories.id"), index=True)
    name_fr: Mapped[str] = mapped_column(String(80))
    name_en: Mapped[str] = mapped_column(String(80))
    description_fr: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    unit_minutes: Mapped[int] = mapped_column(Integer, default=20)
    unit_price_cents: Mapped[int] = mapped_column(Integer)
    typical_units: Mapped[int] = mapped_column(Integer, default=1)
    max_units: Mapped[int] = mapped_column(Integer, default=24)
    tax_credit: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Folded words indexed by `services_fts` (kept in step by triggers, see the first
    # migration): the names weigh more than descriptions and category in the ranking.
    search_names: Mapped[str] = mapped_column(Text, default="")
    search_details: Mapped[str] = mapped_column(Text, default="")

    category: Mapped[Category] = relationship(back_populates="services")


# --- Lulus ----------------------------------------------------------------------------


class Lulu(Base):
    """A Lulu's public profile (what the association publishes)."""

    __tablename__ = "lulus"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    display_name: Mapped[str] = mapped_column(String(80))
    neighbourhood: Mapped[str] = mapped_column(String(80), default="")
    languages: Mapped[str] = mapped_column(String(80), default="fr")  # "fr,en,ar"
    rating_sum: Mapped[int] = mapped_column(Integer, default=0)
    rating_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)

    skills: Mapped[list[LuluSkill]] = relationship(cascade="all, delete-orphan")
    file: Mapped[LuluFile | None] = relationship(
        back_populates="lulu", cascade="all, delete-orphan", foreign_keys="LuluFile.lulu_id"
    )


class LuluSkill(Base):
    __tablename__ = "lulu_skills"

    lulu_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("lulus.id"), primary_key=True)
    category_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("categories.id"), primary_key=True, index=True
    )


class LuluFile(Base):
    """A Lulu's private record: onboarding and what the association must hold."""

    __tablename__ = "lulu_files"

    lulu_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("lulus.id"), primary_key=True)
    phone: Mapped[str | None] = mapped_column(String(20))
    siret: Mapped[str | None] = mapped_column(String(14))  # micro-entrepreneur number
    stage: Mapped[OnboardingStage] = mapped_column(_enum(OnboardingStage), index=True)
    identity_checked: Mapped[bool] = mapped_column(Boolean, default=False)
    business_registered: Mapped[bool] = mapped_column(Boolean, default=False)
    urssaf_declared: Mapped[bool] = mapped_column(Boolean, default=False)
    insured: Mapped[bool] = mapped_column(Boolean, default=False)
    trained: Mapped[bool] = mapped_column(Boolean, default=False)
    tutor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("lulus.id"))
    stage_changed_at: Mapped[datetime]
    notes: Mapped[str] = mapped_column(Text, default="")

    lulu: Mapped[Lulu] = relationship(back_populates="file", foreign_keys=[lulu_id])


class LuluApplication(Base):
    """Someone who asked at the kiosk to become a Lulu; the attendant follows up."""

    __tablename__ = "lulu_applications"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(80))
    phone: Mapped[str] = mapped_column(String(20))
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)  # category codes
    availability: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(index=True)
    lulu_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("lulus.id"))


# --- Clients and orders ---------------------------------------------------------------


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
    description: Mapped[str] = mapped_column(Text, default="")
    channel: Mapped[Channel] = mapped_column(_enum(Channel))
    lulu_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("lulus.id"), index=True)
    status: Mapped[OrderStatus] = mapped_column(_enum(OrderStatus))
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    lang: Mapped[str] = mapped_column(String(2), default="fr")
    # Unguessable token of the order's public page (the ticket's QR code).
    public_token: Mapped[str] = mapped_column(String(43), unique=True)
    created_at: Mapped[datetime] = mapped_column(index=True)
    updated_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)


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


class Payment(Base):
    __tablename__ = "payments"
    __table_args__ = (CheckConstraint("amount_cents > 0", name="amount_positive"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id"), index=True)
    kind: Mapped[PaymentKind] = mapped_column(_enum(PaymentKind), default=PaymentKind.PAYMENT)
    method: Mapped[PaymentMethod] = mapped_column(_enum(PaymentMethod))
    amount_cents: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(index=True)
    attendant_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("attendants.id"))
    # The till session open when the payment was taken here; NULL for payments pulled
    # from the server (taken elsewhere) or taken with the till closed.
    cash_session_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("cash_sessions.id"), index=True
    )


# A payment's amount counted with its sign (refunds negative): what every sum of money
# received adds up (what an order has been paid, a period's revenue, a till's expected).
SIGNED_AMOUNT = case(
    (Payment.kind == PaymentKind.REFUND, -Payment.amount_cents), else_=Payment.amount_cents
)


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


# --- The counter ----------------------------------------------------------------------


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


# --- Durable queues -------------------------------------------------------------------


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


# --- Invoices -------------------------------------------------------------------------


class InvoiceKind(StrEnum):
    INVOICE = "invoice"  # facture
    CREDIT_NOTE = "credit_note"  # avoir: how an invoice is cancelled, never by deletion


class Invoice(Base):
    """An invoice or a credit note. Numbers come from gapless per-kiosk, per-year series
    taken in the transaction of the payment (or refund) that calls for them. The client's
    name and address are copied: an issued invoice never changes."""

    __tablename__ = "invoices"
    __table_args__ = (CheckConstraint("amount_cents >= 0", name="amount_not_negative"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    number: Mapped[str] = mapped_column(String(24), unique=True)
    kind: Mapped[InvoiceKind] = mapped_column(_enum(InvoiceKind))
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id"), index=True)
    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clients.id"), index=True)
    # The invoice a credit note cancels (all or part of).
    credits_invoice_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("invoices.id"))
    issued_at: Mapped[datetime] = mapped_column(index=True)
    client_name: Mapped[str] = mapped_column(String(80))
    client_address: Mapped[str] = mapped_column(Text)
    amount_cents: Mapped[int] = mapped_column(Integer)
    tax_credit_cents: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")


# --- The till -------------------------------------------------------------------------


class CashSession(Base):
    """A till session, from the float counted in to the closing count (the Z). The
    closed row with its `CashCount` rows is the closing report: it is never changed,
    and reprinted from here."""

    __tablename__ = "cash_sessions"
    __table_args__ = (CheckConstraint("float_cents >= 0", name="float_not_negative"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    number: Mapped[int] = mapped_column(Integer, unique=True)  # per-kiosk series
    # True while open, NULL once closed: NULLs never collide in a unique column, so the
    # store itself holds at most one open session.
    is_open: Mapped[bool | None] = mapped_column(Boolean, unique=True)
    float_cents: Mapped[int] = mapped_column(Integer)
    opened_at: Mapped[datetime] = mapped_column(index=True)
    opened_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("attendants.id"))
    closed_at: Mapped[datetime | None]
    closed_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("attendants.id"))
    # The manager whose PIN accepted a difference above the threshold.
    approved_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("attendants.id"))


class CashCount(Base):
    """One payment method of a closed session: what the store expected, what the
    attendant counted, from how many payments."""

    __tablename__ = "cash_counts"
    __table_args__ = (
        CheckConstraint("counted_cents >= 0", name="counted_not_negative"),
        CheckConstraint("payments >= 0", name="payments_not_negative"),
    )

    cash_session_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("cash_sessions.id"), primary_key=True
    )
    method: Mapped[PaymentMethod] = mapped_column(_enum(PaymentMethod), primary_key=True)
    expected_cents: Mapped[int] = mapped_column(Integer)
    counted_cents: Mapped[int] = mapped_column(Integer)
    payments: Mapped[int] = mapped_column(Integer)


class TillReportJob(Base):
    """Which session a print job of kind "till_report" prints (the first print and every
    reprint). A table of its own rather than a column of `print_jobs`: the queue's rows
    stay as every other part writes them."""

    __tablename__ = "till_report_jobs"

    print_job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("print_jobs.id"), primary_key=True)
    cash_session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cash_sessions.id"), index=True)
