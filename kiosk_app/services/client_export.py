"""Everything the store holds about one client, as one JSON document (GDPR access and
portability), written owner-only to the data folder's exports/."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.kinds import InvoiceKind
from ..store.models import AuditEntry, Client, Invoice, Order, OrderEvent, Payment, Rating
from .journal import wire_value

EXPORTS_FOLDER = "exports"


def by_order(rows: Iterable[Any]) -> dict[uuid.UUID, list[Any]]:
    """Rows that belong to an order (payments, ratings...), grouped by it."""
    grouped: dict[uuid.UUID, list[Any]] = {}
    for row in rows:
        grouped.setdefault(row.order_id, []).append(row)
    return grouped


def _columns(row: Any, *, leave_out: frozenset[str] = frozenset()) -> dict[str, Any]:
    """A row's columns as JSON-ready values (UUIDs and datetimes as ISO text)."""
    return {
        column.key: wire_value(getattr(row, column.key))
        for column in row.__table__.columns
        if column.key not in leave_out
    }


def _write_owner_only(path: Path, text: str) -> None:
    """Written readable by its owner only (0600), never wider even briefly."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.fchmod(fd, 0o600)
        os.write(fd, text.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)


def export_document(
    session: Session, row: Client, orders: list[Order], now: datetime
) -> dict[str, Any]:
    """The client's row, their orders with each one's steps, payments and rating, their
    invoices, and what was done to their record and when."""
    ids = [order.id for order in orders]
    events = by_order(
        session.scalars(
            select(OrderEvent).where(OrderEvent.order_id.in_(ids)).order_by(OrderEvent.id)
        )
    )
    payments = by_order(
        session.scalars(select(Payment).where(Payment.order_id.in_(ids)).order_by(Payment.at))
    )
    ratings = by_order(session.scalars(select(Rating).where(Rating.order_id.in_(ids))))
    invoices = session.scalars(
        select(Invoice).where(Invoice.client_id == row.id).order_by(Invoice.issued_at)
    )
    entity_ids = [str(row.id), *(str(order_id) for order_id in ids)]
    actions = session.scalars(
        select(AuditEntry).where(AuditEntry.entity_id.in_(entity_ids)).order_by(AuditEntry.id)
    )
    return {
        "document": "comptoir.client_export",
        "version": 1,
        "exported_at": wire_value(now),
        "client": _columns(row, leave_out=frozenset({"search_name"})),
        "orders": [
            {
                **_columns(order),
                "events": [
                    _columns(e, leave_out=frozenset({"id", "order_id", "attendant_id"}))
                    for e in events.get(order.id, [])
                ],
                "payments": [
                    _columns(
                        p, leave_out=frozenset({"order_id", "attendant_id", "cash_session_id"})
                    )
                    for p in payments.get(order.id, [])
                ],
                "rating": next(
                    (
                        _columns(r, leave_out=frozenset({"order_id"}))
                        for r in ratings.get(order.id, [])
                    ),
                    None,
                ),
            }
            for order in orders
        ],
        "invoices": [
            {
                **_columns(invoice, leave_out=frozenset({"client_id", "credits_invoice_id"})),
                "kind": InvoiceKind(invoice.kind).value,
            }
            for invoice in invoices
        ],
        # Which attendant did what stays the association's: the person gets what was
        # done to their record and when.
        "actions": [
            {"at": wire_value(a.at), "action": a.action, "entity_id": a.entity_id} for a in actions
        ],
        # Kiosk visits are counted without knowing who visits: none is linked to a
        # person, so none can be exported.
        "visits": [],
    }


def save_export(
    folder: Path, client_id: uuid.UUID, document: dict[str, Any], now: datetime
) -> Path:
    """Write `document` in `folder` (made owner-only) and return the file's path."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    folder.chmod(0o700)
    stamp = now.strftime("%Y%m%dT%H%M%S")
    path = folder / f"client-{client_id}-{stamp}.json"
    if path.exists():  # two exports within a second: keep both
        path = path.with_name(f"{path.stem}-{uuid.uuid4().hex[:6]}.json")
    _write_owner_only(path, json.dumps(document, ensure_ascii=False, indent=2))
    return path
