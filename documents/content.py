"""What a legal document says, as plain validated data.

An invoice's or a credit note's content is frozen when its number is allocated: the
kiosk stores it (with its hash) and every print, reprint and the central server's copy
come from that snapshot, never from the store as it is later. The models validate what
the server receives from a kiosk, so they bound every field.

Times are aware datetimes (stored and sent as ISO text); money is integer cents.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

Name = Annotated[str, Field(max_length=120)]
Text = Annotated[str, Field(max_length=400)]
Cents = Annotated[int, Field(ge=-100_000_000, le=100_000_000)]
Minutes = Annotated[int, Field(ge=0, le=100_000)]


class DocumentKind(StrEnum):
    INVOICE = "invoice"  # facture
    CREDIT_NOTE = "credit_note"  # avoir


class CashRule(StrEnum):
    """Whether cash payments count toward the tax credit (a setting: docs/LEGAL.md)."""

    EXCLUDED = "excluded"
    INCLUDED = "included"


class Content(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Issuer(Content):
    """The association as it issues the document (art. D7233-1, 1° and 2°)."""

    name: Name
    address: Text
    siret: Annotated[str, Field(max_length=20)]
    sap_number: Annotated[str, Field(max_length=40)]
    sap_date: date | None
    intervention_mode: Annotated[str, Field(max_length=20)]
    vat_mention: Text
    demo: bool = False  # a demo store's documents say "DEMO" on every page


class Intervener(Content):
    """A person who did the service, with what identifies them (art. D7233-1, 6°). A
    trainee without a SIRET of their own is named with the tutor who went with them."""

    name: Name
    siret: Annotated[str, Field(max_length=20)] = ""
    tutor_name: Name = ""
    tutor_siret: Annotated[str, Field(max_length=20)] = ""


class Line(Content):
    """One service: its nature, when, the minutes actually worked, the price."""

    order_number: Annotated[str, Field(max_length=20)]
    service_name: Name
    start: AwareDatetime
    minutes_worked: Minutes  # the actual duration, as the Lulu reported it
    billed_units: Annotated[int, Field(ge=0, le=1000)]
    unit_minutes: Annotated[int, Field(gt=0, le=24 * 60)]
    unit_price_cents: Annotated[int, Field(ge=0, le=1_000_000)]
    amount_cents: Cents
    tax_credit: bool
    interveners: tuple[Intervener, ...] = ()

    @property
    def hourly_price_cents(self) -> int:
        """The price rapported to an hour TTC (arrêté du 17 mars 2015, art. 5)."""
        return self.unit_price_cents * 60 // self.unit_minutes


class PaymentEntry(Content):
    at: AwareDatetime
    method: Annotated[str, Field(pattern="^(cash|card|cheque|cesu|transfer)$")]
    kind: Annotated[str, Field(pattern="^(payment|refund)$")] = "payment"
    amount_cents: Annotated[int, Field(ge=0, le=100_000_000)]

    @property
    def signed_cents(self) -> int:
        return -self.amount_cents if self.kind == "refund" else self.amount_cents


class InvoiceContent(Content):
    """An invoice or a credit note as issued: everything it shows."""

    kind: DocumentKind
    number: Annotated[str, Field(min_length=1, max_length=32)]
    series: Annotated[str, Field(min_length=1, max_length=40)]
    issued_at: AwareDatetime
    issuer: Issuer
    client_id: Annotated[str, Field(max_length=36)]
    client_name: Name
    client_address: Text
    place: Text  # where the service was done
    lines: tuple[Line, ...]
    amount_cents: Annotated[int, Field(ge=0, le=100_000_000)]
    # Payments received when it was issued (for a credit note: the refunds it records).
    payments: tuple[PaymentEntry, ...] = ()
    cash_rule: CashRule = CashRule.EXCLUDED
    credits_number: Annotated[str, Field(max_length=32)] | None = None
    reason: Text = ""


class QuoteContent(Content):
    """A free written quote (devis), due before a service of 100 € TTC or more."""

    number: Annotated[str, Field(min_length=1, max_length=32)]
    issued_at: AwareDatetime
    valid_until: date
    issuer: Issuer
    client_name: Name
    client_address: Text
    place: Text
    line: Line
    amount_cents: Annotated[int, Field(ge=0, le=100_000_000)]
    tax_credit_cents: Annotated[int, Field(ge=0, le=100_000_000)]


class CertificateLine(Content):
    """The interventions of one month for one service (a monthly grouping is allowed)."""

    month: date  # the first day of the month
    service_name: Name
    interveners: tuple[Intervener, ...]
    interventions: int
    minutes_worked: Minutes
    hourly_price_cents: Cents
    amount_cents: Cents


class CertificateContent(Content):
    """The yearly tax certificate of one client (art. D7233-4 code du travail)."""

    issuer: Issuer
    year: int
    issued_on: date
    client_id: Annotated[str, Field(max_length=36)]
    client_name: Name
    client_address: Text
    lines: tuple[CertificateLine, ...]
    paid_cents: Cents  # actually paid in the year, net of credit notes
    cesu_cents: Cents  # of which in CESU préfinancés
    cash_cents: Cents  # of which in cash
    eligible_cents: Cents  # what the client may declare (CESU: only their own part)
    cash_rule: CashRule
    scope: Text = ""  # "every kiosk" from the server; this kiosk only from a kiosk


class StatementLine(Content):
    order_number: Annotated[str, Field(max_length=20)]
    service_name: Name
    start: AwareDatetime
    minutes_worked: Minutes
    unit_minutes: Annotated[int, Field(gt=0, le=24 * 60)]
    unit_price_cents: Annotated[int, Field(ge=0, le=1_000_000)]
    amount_cents: Cents
    kiosk: Annotated[str, Field(max_length=40)] = ""


class StatementContent(Content):
    """The services a Lulu did in a month: they build their own invoice from it."""

    issuer: Issuer
    year: int
    month: Annotated[int, Field(ge=1, le=12)]
    lulu_name: Name
    lulu_siret: Annotated[str, Field(max_length=20)]
    lines: tuple[StatementLine, ...]
    scope: Text = ""

    @property
    def total_cents(self) -> int:
        return sum(line.amount_cents for line in self.lines)

    @property
    def total_minutes(self) -> int:
        return sum(line.minutes_worked for line in self.lines)


def canonical(content: BaseModel) -> str:
    """The content as JSON with sorted keys: the same content, the same text."""
    return json.dumps(
        content.model_dump(mode="json"), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )


def content_hash(content: BaseModel) -> str:
    """SHA-256 of the canonical JSON: what makes two copies of a document the same."""
    return hashlib.sha256(canonical(content).encode()).hexdigest()


def as_json(content: BaseModel) -> dict[str, Any]:
    return content.model_dump(mode="json")
