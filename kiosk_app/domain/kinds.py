"""The core's own kinds and stages, stored as their values: plain enums that the screens,
the printers and the store share without any of them reaching the store's SQLAlchemy
models (the order statuses, channels and payment methods are in `sync.protocol`, shared
with the central server)."""

from __future__ import annotations

from enum import StrEnum


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


class InvoiceKind(StrEnum):
    INVOICE = "invoice"  # facture
    CREDIT_NOTE = "credit_note"  # avoir: how an invoice is cancelled, never by deletion
