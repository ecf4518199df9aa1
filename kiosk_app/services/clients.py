"""Clients (residents): recognised by their phone, with the address where Lulus go."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import or_, select

from ..domain import validation
from ..domain.search_text import fold
from ..errors import NotFound
from ..store.database import Store
from ..store.models import Address, Client
from ..views.clients import AddressInput, ClientView, erased_name


def check_address(checker: validation.Checker, address: AddressInput) -> AddressInput:
    """The validated, normalised address; bad fields are recorded in `checker`."""
    street = checker.check(
        lambda: validation.bounded_text(
            address.street, field="street", max_length=validation.STREET_MAX, required=True
        )
    )
    postcode = checker.check(lambda: validation.postcode(address.postcode))
    city = checker.check(
        lambda: validation.bounded_text(
            address.city, field="city", max_length=validation.CITY_MAX, required=True
        )
    )
    building = checker.check(
        lambda: validation.bounded_text(
            address.building, field="building", max_length=validation.BUILDING_MAX
        )
    )
    floor = checker.check(lambda: validation.floor(address.floor))
    notes = checker.check(
        lambda: validation.bounded_text(
            address.access_notes, field="access_notes", max_length=validation.ACCESS_NOTES_MAX
        )
    )
    return AddressInput(
        street=street or "",
        postcode=postcode or "",
        city=city or "",
        building=building or "",
        floor=floor,
        has_lift=address.has_lift,
        access_notes=notes or "",
    )


ADDRESS_COLUMNS = ("street", "postcode", "city", "building", "floor", "has_lift", "access_notes")


def address_of(row: Address) -> AddressInput:
    """The address a client or an order row holds (both have the address columns)."""
    return AddressInput(**{column: getattr(row, column) for column in ADDRESS_COLUMNS})


def address_values(address: AddressInput) -> dict[str, Any]:
    """The address columns' values, to write into a client or an order row."""
    return {column: getattr(address, column) for column in ADDRESS_COLUMNS}


def client_view(row: Client) -> ClientView:
    return ClientView(
        id=row.id,
        # An erased record pulled back from the server holds an empty name.
        name=erased_name(row.id) if row.erased_at is not None else row.name,
        phone=row.phone,
        email=row.email,
        lang=row.lang,
        address=address_of(row),
        consent_at=row.consent_at,
        erased=row.erased_at is not None,
    )


class ClientService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def find_by_phone(self, typed_phone: str) -> ClientView | None:
        """The client with this phone, or None. Raises ValidationError if the phone
        itself is not a phone number."""
        phone = validation.phone(typed_phone)
        with self._store.read() as session:
            row = session.scalar(select(Client).where(Client.phone == phone))
            return client_view(row) if row else None

    def get(self, client_id: uuid.UUID) -> ClientView:
        with self._store.read() as session:
            row = session.get(Client, client_id)
            if row is None:
                raise NotFound(entity="client")
            return client_view(row)

    def search(self, typed: str, *, limit: int = 20) -> list[ClientView]:
        """For the counter: by phone (any usual form) or by a part of the name."""
        typed = typed.strip()
        if not typed:
            return []
        conditions = []
        digits = "".join(ch for ch in typed if ch.isdigit())
        if len(digits) >= 4:
            # "06 12" or "0612": compare on the national digits of the stored E.164.
            national = digits[1:] if digits.startswith("0") else digits
            conditions.append(Client.phone.contains(national))
        # A lone surrogate (a broken paste) cannot be sent to SQLite as UTF-8, and no
        # stored name holds one: leave it out of the search.
        folded = fold(typed).encode("utf-8", "ignore").decode("utf-8")
        if folded and not digits:
            conditions.append(Client.search_name.contains(folded, autoescape=True))
        if not conditions:
            return []
        with self._store.read() as session:
            rows = session.scalars(
                select(Client)
                .where(or_(*conditions), Client.erased_at.is_(None))
                .order_by(Client.name)
                .limit(limit)
            )
            return [client_view(row) for row in rows]
