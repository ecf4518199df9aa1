"""Placing an order (the resident's or the attendant's): validated whole, then written in
one durable transaction with its client, outbox rows, first step and ticket."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from documents.mentions import QUOTE_THRESHOLD_CENTS
from sync.protocol import OrderStatus

from ..clock import Clock
from ..domain import validation
from ..domain.search_text import fold
from ..store.database import Store
from ..store.fast import RowWriter, driver_connection
from ..store.models import Client, Order, OrderEvent
from ..views.clients import AddressInput
from ..views.orders import OrderRequest, OrderView
from .clients import ADDRESS_COLUMNS, address_values, check_address
from .journal import audit, enqueue_op, enqueue_print
from .numbers import ORDER_SERIES, next_number, require_kiosk_code
from .order_rows import order_view, placed_view
from .quotes import issue_quote_if_due
from .requests import RequestId, clean, earlier, remember
from .settings import refuse_until_set_up

# place() is the hot path: its writes go through store/fast.py (why is explained there).
_ORDERS = RowWriter(Order.__table__)  # type: ignore[arg-type]
_ORDER_EVENTS = RowWriter(OrderEvent.__table__)  # type: ignore[arg-type]
_CLIENTS = RowWriter(Client.__table__)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class _ServiceSnapshot:
    name_fr: str
    name_en: str
    unit_minutes: int
    unit_price_cents: int
    tax_credit: bool
    max_units: int


@dataclass(frozen=True, slots=True)
class _KnownClient:
    id: uuid.UUID
    version: int
    email: str | None
    lang: str
    address: dict[str, Any]


def _service_snapshot(session: Session, service_id: uuid.UUID) -> _ServiceSnapshot | None:
    row = (
        driver_connection(session)
        .execute(
            "SELECT name_fr, name_en, unit_minutes, unit_price_cents, tax_credit, max_units "
            "FROM services WHERE id = ? AND active",
            (service_id.hex,),  # how the store keeps UUIDs on SQLite
        )
        .fetchone()
    )
    if row is None:
        return None
    return _ServiceSnapshot(row[0], row[1], row[2], row[3], bool(row[4]), row[5])


def _known_client(session: Session, phone: str) -> _KnownClient | None:
    row = (
        driver_connection(session)
        .execute(
            f"SELECT id, version, email, lang, {', '.join(ADDRESS_COLUMNS)} "
            "FROM clients WHERE phone = ?",
            (phone,),
        )
        .fetchone()
    )
    if row is None:
        return None
    address = dict(zip(ADDRESS_COLUMNS, row[4:], strict=True))
    if address["has_lift"] is not None:
        address["has_lift"] = bool(address["has_lift"])
    return _KnownClient(uuid.UUID(hex=row[0]), row[1], row[2], row[3], address)


class OrderPlacing:
    """Placing an order: the order, its client, their outbox rows, the history's first
    step and the ticket's print job in one durable transaction."""

    _store: Store
    _clock: Clock

    # --- Placing an order -------------------------------------------------------------

    def place(
        self,
        request: OrderRequest,
        *,
        attendant_id: uuid.UUID | None = None,
        request_id: RequestId | None = None,
    ) -> OrderView:
        """Validate, then write the order, its client, their outbox rows, the history's
        first step and the ticket's print job in one durable transaction. The same
        `request_id` again returns the order placed the first time (requests.py),
        checked before the slot: a retry after the slot began is still that order."""
        asked = clean(request_id)
        with self._store.read() as session:
            first = earlier(session, asked, "order")
            if first is not None:
                return order_view(session.get_one(Order, first))
        now = self._clock()
        checker = validation.Checker()
        slot = checker.check(lambda: validation.slot(request.slot_start, request.slot_end, now=now))
        phone = checker.check(lambda: validation.phone(request.phone))
        email = checker.check(lambda: validation.optional_email(request.email))
        description = checker.check(
            lambda: validation.bounded_text(
                request.description, field="description", max_length=validation.DESCRIPTION_MAX
            )
        )
        address = check_address(checker, request.address)
        lang = request.lang if request.lang in ("fr", "en") else "fr"

        with self._store.write() as session:
            first = earlier(session, asked, "order")
            if first is not None:
                return order_view(session.get_one(Order, first))
            refuse_until_set_up(session)
            service = _service_snapshot(session, request.service_id)
            if service is None:
                checker.fields["service"] = "service.unavailable"
            else:
                checker.check(
                    lambda: validation.units(request.estimated_units, max_units=service.max_units)
                )
            client = _known_client(session, phone) if phone else None
            name = None
            if client is None:
                name = checker.check(lambda: validation.person_name(request.name))
                if not request.consent:
                    checker.fields["consent"] = "consent.required"
            checker.done()
            assert service is not None and slot is not None and phone is not None

            if client is None:
                client_id = self._create_client(
                    session, name or "", phone, email, address, lang, now
                )
            else:
                client_id = client.id
                self._update_client(session, client, address, email, lang, now)
            number = f"{require_kiosk_code(session)}-{next_number(session, ORDER_SERIES):04d}"
            order_id = uuid.uuid4()
            values: dict[str, Any] = {
                "id": order_id,
                "number": number,
                "client_id": client_id,
                "service_id": request.service_id,
                "service_name_fr": service.name_fr,
                "service_name_en": service.name_en,
                "unit_minutes": service.unit_minutes,
                "unit_price_cents": service.unit_price_cents,
                "tax_credit": service.tax_credit,
                "slot_start": slot[0],
                "slot_end": slot[1],
                "estimated_units": request.estimated_units,
                "actual_units": None,
                "description": description or "",
                "channel": request.channel,
                "lulu_id": None,
                "status": OrderStatus.REQUESTED,
                "cancel_reason": None,
                "lang": lang,
                "public_token": secrets.token_urlsafe(32),
                "created_at": now,
                "updated_at": now,
                "version": 1,
                **address_values(address),
            }
            _ORDERS.insert(session, values)
            _ORDER_EVENTS.insert(
                session,
                {
                    "order_id": order_id,
                    "from_status": None,
                    "to_status": OrderStatus.REQUESTED,
                    "at": now,
                    "attendant_id": attendant_id,
                },
            )
            enqueue_op(
                session, entity="order", entity_id=order_id, kind="create", data=values, now=now
            )
            enqueue_print(session, kind="order_ticket", order_id=order_id, lang=lang, now=now)
            # A written quote before a service of 100 € TTC or more (arrêté du 17 mars 2015).
            if values["estimated_units"] * values["unit_price_cents"] >= QUOTE_THRESHOLD_CENTS:
                issue_quote_if_due(session, order_id, now=now)
            audit(
                session,
                attendant_id=attendant_id,
                action="order.place",
                entity="order",
                entity_id=order_id,
                now=now,
            )
            remember(session, asked, "order", order_id, now)
        return placed_view(values)

    def _create_client(
        self,
        session: Session,
        name: str,
        phone: str,
        email: str | None,
        address: AddressInput,
        lang: str,
        now: datetime,
    ) -> uuid.UUID:
        client_id = uuid.uuid4()
        values: dict[str, Any] = {
            "id": client_id,
            "name": name,
            "search_name": fold(name),
            "phone": phone,
            "email": email,
            "lang": lang,
            "consent_at": now,
            "created_at": now,
            "updated_at": now,
            "erased_at": None,
            "version": 1,
            **address_values(address),
        }
        _CLIENTS.insert(session, values)
        values.pop("search_name")
        enqueue_op(
            session, entity="client", entity_id=client_id, kind="create", data=values, now=now
        )
        return client_id

    def _update_client(
        self,
        session: Session,
        client: _KnownClient,
        address: AddressInput,
        email: str | None,
        lang: str,
        now: datetime,
    ) -> None:
        """A known client who gives a new address moves (or orders for their home): keep
        the latest, as a per-field patch for the server."""
        current: dict[str, Any] = {**client.address, "lang": client.lang, "email": client.email}
        wanted: dict[str, Any] = {**address_values(address), "lang": lang}
        if email:
            wanted["email"] = email
        changed = {key: value for key, value in wanted.items() if current[key] != value}
        if not changed:
            return
        session.execute(
            update(Client)
            .where(Client.id == client.id)
            .values(**changed, updated_at=now, version=client.version + 1)
        )
        enqueue_op(
            session,
            entity="client",
            entity_id=client.id,
            kind="patch",
            data=changed,
            base_version=client.version,
            now=now,
        )
