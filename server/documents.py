"""The association's documents built over every kiosk: the yearly tax certificates (one
per client, from every kiosk's invoices and credit notes, web orders included since a
kiosk settles them) and the Lulus' monthly statements (every kiosk's done orders).

The association's details come from the documents themselves: the latest invoice's
issuer is the association as its kiosks last stated it (every kiosk belongs to it).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from documents.content import (
    CashRule,
    CertificateContent,
    InvoiceContent,
    Issuer,
    StatementContent,
    StatementLine,
)
from documents.formats import file_slug, to_paris
from documents.tax import certificates
from sync.protocol import MERGED_INTO, Entity, OrderStatus, document_series_of

from .models import Record

SCOPE_ALL = (
    "Établie d’après les factures de tous les comptoirs de l’association et des commandes en ligne."
)


class NoDocuments(Exception):
    """No invoice reached the server yet: nothing says who the association is."""


def _records(session: Session, entity: Entity) -> list[dict[str, Any]]:
    return list(session.scalars(select(Record.data).where(Record.entity == entity.value)))


def last_document_numbers(session: Session, code: str) -> dict[str, int]:
    """The last number held in each of the kiosk `code`'s document series, by prefix
    ({"F01-2026": 42}): what a replaced kiosk numbers after."""
    numbers = session.scalars(
        select(Record.lookup).where(
            Record.entity == Entity.INVOICE.value,
            Record.lookup.like(f"F{code}-%") | Record.lookup.like(f"A{code}-%"),
        )
    )
    last: dict[str, int] = {}
    for number in numbers:
        if number is None or document_series_of(number) != code:
            continue
        prefix, _, value = number.rpartition("-")
        last[prefix] = max(last.get(prefix, 0), int(value))
    return last


def all_documents(session: Session) -> list[InvoiceContent]:
    return [
        InvoiceContent.model_validate(data["content"]) for data in _records(session, Entity.INVOICE)
    ]


def latest_issuer(documents: list[InvoiceContent]) -> Issuer:
    if not documents:
        raise NoDocuments()
    return max(documents, key=lambda d: (d.issued_at, d.number)).issuer


def _same_client(session: Session) -> dict[str, str]:
    """Each client record's id → the id its certificate goes under: the survivor a
    record was merged into (client_merges.py: the same phone at two kiosks), else the
    first record with the same phone (records that met before merges existed). Erased
    clients (no phone) stay apart."""
    first_by_phone: dict[str, str] = {}
    same: dict[str, str] = {}
    merged: dict[str, str] = {}
    rows = session.execute(
        select(Record.entity_id, Record.lookup, Record.data)
        .where(Record.entity == Entity.CLIENT.value)
        .order_by(Record.updated_at, Record.entity_id)
    )
    for entity_id, phone, data in rows:
        key = str(entity_id)
        if data.get(MERGED_INTO):
            merged[key] = str(data[MERGED_INTO])
        else:
            same[key] = first_by_phone.setdefault(phone, key) if phone else key
    for key, survivor in merged.items():
        same[key] = same.get(survivor, survivor)
    return same


def year_certificates(
    session: Session, year: int, *, issued_on: date, cash_rule: CashRule
) -> list[CertificateContent]:
    documents = all_documents(session)
    same = _same_client(session)
    return certificates(
        documents,
        year=year,
        issuer=latest_issuer(documents),
        issued_on=issued_on,
        cash_rule=cash_rule,
        scope=SCOPE_ALL,
        same_client=lambda client_id: same.get(client_id, client_id),
    )


def _sirets(documents: list[InvoiceContent]) -> dict[str, str]:
    """A Lulu's SIRET as the kiosks stated it on their invoices, by name."""
    known: dict[str, str] = {}
    for document in sorted(documents, key=lambda d: d.issued_at):
        for line in document.lines:
            for person in line.interveners:
                if person.siret:
                    known[person.name] = person.siret
    return known


def month_statements(session: Session, year: int, month: int) -> list[StatementContent]:
    """One statement per Lulu who did a service whose slot began in that month (Paris),
    at any kiosk."""
    documents = all_documents(session)
    issuer = latest_issuer(documents)
    sirets = _sirets(documents)
    lulus = {
        str(data.get("id")): str(data.get("display_name", ""))
        for data in _records(session, Entity.LULU)
    }
    lines: dict[str, list[StatementLine]] = defaultdict(list)
    for data in _records(session, Entity.ORDER):
        if data.get("status") not in (OrderStatus.DONE.value, OrderStatus.PAID.value):
            continue
        lulu_id = data.get("lulu_id")
        start = to_paris(datetime.fromisoformat(str(data["slot_start"]).replace("Z", "+00:00")))
        if not lulu_id or (start.year, start.month) != (year, month):
            continue
        units = int(data.get("actual_units") or data["estimated_units"])
        minutes = int(data.get("actual_minutes") or units * int(data["unit_minutes"]))
        lines[str(lulu_id)].append(
            StatementLine(
                order_number=str(data["number"]),
                service_name=str(data["service_name_fr"]),
                start=start,
                minutes_worked=minutes,
                unit_minutes=int(data["unit_minutes"]),
                unit_price_cents=int(data["unit_price_cents"]),
                amount_cents=units * int(data["unit_price_cents"]),
                kiosk=str(data["number"]).split("-", 1)[0],
            )
        )
    result = []
    for lulu_id, own in lines.items():
        name = lulus.get(lulu_id) or f"Lulu {lulu_id[:8]}"
        result.append(
            StatementContent(
                issuer=issuer,
                year=year,
                month=month,
                lulu_name=name,
                lulu_siret=sirets.get(name, ""),
                lines=tuple(sorted(own, key=lambda line: (line.start, line.order_number))),
                scope="Tous les comptoirs de l’association.",
            )
        )
    return sorted(result, key=lambda s: s.lulu_name.casefold())


def statement_filename(statement: StatementContent) -> str:
    """Named by month and Lulu, as the association files them."""
    return f"releve-{statement.year}-{statement.month:02d}-{file_slug(statement.lulu_name)}.pdf"
