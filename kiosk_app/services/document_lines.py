"""What the store says a document should state, read at the moment it is issued: the
association as issuer, an order as a line (nature, date, minutes worked, price) with
the people who did it and their identification, where it was done."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from documents.content import CashRule, Intervener, Issuer, Line

from ..store.models import AuditEntry, Lulu, LuluFile, Order
from ..views.invoices import one_line_address
from ..views.settings import KioskSettings
from .suggestions import PAIRING_ACTION


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def issuer_of(settings: KioskSettings) -> Issuer:
    return Issuer(
        name=settings.association_name,
        address=settings.association_address,
        siret=settings.association_siret,
        sap_number=settings.association_sap_number,
        sap_date=_date(settings.association_sap_date),
        intervention_mode=settings.intervention_mode,
        vat_mention=settings.vat_mention,
        demo=settings.demo_store.strip() == "1",
    )


def cash_rule(settings: KioskSettings) -> CashRule:
    """The setting, read strictly: anything but "included" keeps cash out."""
    return (
        CashRule.INCLUDED
        if settings.certificate_cash_rule.strip().lower() == CashRule.INCLUDED.value
        else CashRule.EXCLUDED
    )


def lulu_identity(session: Session, lulu_id: uuid.UUID | None) -> tuple[str, str]:
    """A Lulu's name and SIRET ("" when unknown)."""
    if lulu_id is None:
        return "", ""
    row = session.execute(
        select(Lulu.display_name, LuluFile.siret)
        .outerjoin(LuluFile, LuluFile.lulu_id == Lulu.id)
        .where(Lulu.id == lulu_id)
    ).one_or_none()
    return (row.display_name, row.siret or "") if row else ("", "")


def _tutor_of(session: Session, order: Order) -> uuid.UUID | None:
    """The tutor who went with the order's Lulu: the order's own (as the central server
    keeps it, made at any kiosk), else the latest pairing recorded here for this Lulu on
    this order (orders assigned before migration 0006)."""
    if order.tutor_id is not None:
        return order.tutor_id
    for details in session.scalars(
        select(AuditEntry.details)
        .where(
            AuditEntry.action == PAIRING_ACTION,
            AuditEntry.entity == "order",
            AuditEntry.entity_id == str(order.id),
        )
        .order_by(AuditEntry.id.desc())
    ):
        if details.get("lulu_id") == str(order.lulu_id) and details.get("tutor_id"):
            return uuid.UUID(details["tutor_id"])
    return None


def interveners(session: Session, order: Order) -> tuple[Intervener, ...]:
    name, siret = lulu_identity(session, order.lulu_id)
    if not name:
        return ()
    tutor_id = _tutor_of(session, order)
    tutor_name, tutor_siret = lulu_identity(session, tutor_id)
    return (Intervener(name=name, siret=siret, tutor_name=tutor_name, tutor_siret=tutor_siret),)


def order_line(session: Session, order: Order) -> Line:
    units = order.actual_units or order.estimated_units
    # Orders done before the minutes were kept (migration 0005) state the billed time.
    minutes = order.actual_minutes or units * order.unit_minutes
    return Line(
        order_number=order.number,
        service_name=order.service_name_fr,
        start=order.slot_start,
        minutes_worked=minutes,
        billed_units=units,
        unit_minutes=order.unit_minutes,
        unit_price_cents=order.unit_price_cents,
        amount_cents=units * order.unit_price_cents,
        tax_credit=order.tax_credit,
        interveners=interveners(session, order),
    )


def order_place(order: Order) -> str:
    return one_line_address(order.street, order.postcode, order.city, order.building)
