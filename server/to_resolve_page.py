"""The administrators' list of what a person must settle (to_resolve.py): `GET
/api/v1/to-resolve` (JSON) and `GET /to-resolve` (a plain HTML page, French or English,
no JavaScript), behind the same administrator dependency as the kiosks page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.protocol import Entity, ErrorBody

from .database import Database
from .models import Device, Record, RecordAccess
from .to_resolve import ToResolveRecord

PARIS = ZoneInfo("Europe/Paris")

# What a person must do, by action key: (French, English).
ACTION_TEXT: dict[str, tuple[str, str]] = {
    "move_or_refund": (
        "Encaissé par un kiosque qui ne détient pas la commande : reportez ce paiement "
        "sur la commande au kiosque qui la détient, ou remboursez la personne.",
        "Taken at a kiosk that does not hold the order: move this payment to the order "
        "at the kiosk that holds it, or refund the person.",
    ),
    "refund": (
        "La commande est annulée : remboursez la personne (ou reportez sur une autre commande).",
        "The order is cancelled: refund the person (or move the money to another order).",
    ),
    "refund_excess": (
        "Payé au-delà du prix : remboursez le trop-perçu.",
        "Paid beyond the price: refund the excess.",
    ),
    "credit_note": (
        "La commande est annulée mais sa facture reste : émettez un avoir.",
        "The order is cancelled but its invoice stands: issue a credit note.",
    ),
}


class ToResolveItem(BaseModel):
    item: ToResolveRecord
    kiosk: str | None  # the kiosk that holds it (None: no kiosk, the office settles it)


class ToResolveList(BaseModel):
    open: list[ToResolveItem]
    resolved: list[ToResolveItem]


def to_resolve_list(session: Session) -> ToResolveList:
    query = (
        select(Record.data, Device.name)
        .select_from(Record)
        .outerjoin(
            RecordAccess,
            (RecordAccess.entity_id == Record.entity_id) & RecordAccess.owner.is_(True),
        )
        .outerjoin(Device, Device.id == RecordAccess.device_id)
        .where(Record.entity == Entity.TO_RESOLVE.value)
    )
    items = [
        ToResolveItem(item=ToResolveRecord.model_validate(data), kiosk=name)
        for data, name in session.execute(query)
    ]
    items.sort(key=lambda i: (i.item.created_at, str(i.item.id)))
    return ToResolveList(
        open=[i for i in items if i.item.resolved_at is None],
        resolved=[i for i in items if i.item.resolved_at is not None],
    )


def _euros(cents: int, lang: str) -> str:
    text = f"{cents / 100:,.2f}"
    return (text.replace(",", "\u202f").replace(".", ",") + " €") if lang == "fr" else f"€{text}"


def _when(moment: datetime) -> str:
    return moment.astimezone(PARIS).strftime("%Y-%m-%d %H:%M")


def render_to_resolve(listing: ToResolveList, lang: str) -> str:
    fr = lang == "fr"
    pick = 0 if fr else 1
    head = (
        ("Commande", "Kiosque", "Montant", "Depuis", "À faire", "Note")
        if fr
        else ("Order", "Kiosk", "Amount", "Since", "To do", "Note")
    )

    def rows(items: list[ToResolveItem]) -> str:
        if not items:
            return f"<p>{'Rien.' if fr else 'Nothing.'}</p>"
        lines = []
        for entry in items:
            item = entry.item
            action = ACTION_TEXT.get(item.action, (item.action, item.action))[pick]
            kiosk = entry.kiosk or ("le bureau" if fr else "the office")
            lines.append(
                "<tr>"
                f"<td>{escape(item.order_number)}</td><td>{escape(kiosk)}</td>"
                f"<td>{escape(_euros(item.amount_cents, lang))}</td>"
                f"<td>{escape(_when(item.created_at))}</td><td>{escape(action)}</td>"
                f"<td>{escape(item.note)}</td></tr>"
            )
        cells = "".join(f"<th>{escape(h)}</th>" for h in head)
        return f"<table><tr>{cells}</tr>{''.join(lines)}</table>"

    title = "À régler" if fr else "To resolve"
    done = "Réglés" if fr else "Resolved"
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body><h1>{title}</h1>{rows(listing.open)}"
        f"<h2>{done}</h2>{rows(listing.resolved)}</body></html>"
    )


def to_resolve_routes(administrator: Callable[..., Any]) -> APIRouter:
    router = APIRouter(
        tags=["to resolve"],
        dependencies=[Depends(administrator)],
        responses={401: {"model": ErrorBody, "description": "missing, unknown or revoked token"}},
    )

    def listing(request: Request) -> ToResolveList:
        db: Database = request.app.state.database
        with db.read() as session:
            return to_resolve_list(session)

    @router.get("/api/v1/to-resolve", response_model=ToResolveList)
    def to_resolve(request: Request) -> Response:
        """Payments and cancellations a person must settle (refund, credit note, move
        to another order), open and resolved, with the kiosk that holds each."""
        return Response(listing(request).model_dump_json(), media_type="application/json")

    @router.get(
        "/to-resolve", response_class=HTMLResponse, responses={200: {"content": {"text/html": {}}}}
    )
    def to_resolve_page(request: Request, lang: str | None = None) -> HTMLResponse:
        """The same as a page, in French (`?lang=en`: English)."""
        page = render_to_resolve(listing(request), "en" if lang == "en" else "fr")
        return HTMLResponse(page, headers={"Cache-Control": "no-store"})

    return router
