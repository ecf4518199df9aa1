"""Writing the central server's state of one record into the kiosk's store: the
catalogue (a category or service loaded locally takes the server's id for its code), a
Lulu with the ratings this kiosk has not had answered yet, a client, an order (one
number per order; a Lulu not pulled yet left out), a payment or rating (append-only), a
"to resolve" entry. Used by a pulled page (sync_apply.apply_page) and by a conflict's
answer to a push (sync_apply.record_push_results), inside their caller's transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from datetime import datetime
from enum import Enum
from typing import Any

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator, TypeEngine

from sync.protocol import Entity, is_order_number

from ..clock import utc_now
from ..domain.search_text import search_document
from ..store.models import (
    Base,
    Category,
    Client,
    Lulu,
    LuluSkill,
    NumberSeries,
    Order,
    OrderEvent,
    Payment,
    PulledAside,
    Rating,
    Service,
    ToResolve,
)
from .numbers import ORDER_SERIES
from .settings import read_settings
from .sync_clients import apply_client
from .sync_notes import pending_stars


class PageContext:
    """What applying one page needs more than once, read once."""

    def __init__(self, session: Session) -> None:
        self.kiosk_code = read_settings(session).kiosk_code
        self.highest_own_number = 0
        self.erased: dict[uuid.UUID, list[str]] = {}


def _python_type(column_type: TypeEngine[Any]) -> Any:
    if isinstance(column_type, TypeDecorator):
        column_type = column_type.impl_instance
    try:
        return column_type.python_type
    except NotImplementedError:
        return object


def _columns(model: type[Base], data: Mapping[str, Any]) -> dict[str, Any]:
    """The model's columns found in `data`, converted from their wire form."""
    values: dict[str, Any] = {}
    for column in model.__table__.columns:
        if column.key not in data:
            continue
        value = data[column.key]
        kind = _python_type(column.type)
        if value is not None:
            if kind is uuid.UUID and not isinstance(value, uuid.UUID):
                value = uuid.UUID(str(value))
            elif kind is datetime and isinstance(value, str):
                value = datetime.fromisoformat(value)
            elif isinstance(kind, type) and issubclass(kind, Enum):
                value = kind(value)
        values[column.key] = value
    return values


def apply_record(
    session: Session,
    context: PageContext,
    entity: str,
    entity_id: uuid.UUID,
    data: Mapping[str, Any],
) -> str | None:
    """Write the server's state of one record; returns why it was skipped, if it was."""
    kind = Entity(entity)
    if kind is Entity.ORDER:
        return _apply_order(session, context, entity_id, data)
    if kind is Entity.CLIENT:
        return _apply_client(session, context, entity_id, data)
    handler = _APPLIERS.get(kind)
    if handler is None:
        return None  # an entity kiosks do not keep (visits, applications)
    return handler(session, entity_id, data)


def _upsert(session: Session, model: type[Base], key: Any, values: dict[str, Any]) -> Any:
    row = session.get(model, key)
    if row is None:
        row = model(**values)
        session.add(row)
    else:
        for name, value in values.items():
            setattr(row, name, value)
    return row


def _rekey(session: Session, table: str, old: uuid.UUID, new: uuid.UUID) -> None:
    """Give a catalogue row loaded locally (demo data) the server's id for its code, so
    that orders name services alike everywhere. Foreign keys are deferred (see
    `sync_apply.apply_page`), so the rows that point to it follow in the same transaction."""
    old_hex, new_hex = old.hex, new.hex  # how the store writes a Uuid on SQLite
    session.execute(
        text(f"UPDATE {table} SET id = :new WHERE id = :old"), {"new": new_hex, "old": old_hex}
    )
    pointers: tuple[tuple[str, str], ...] = (("orders", "service_id"),)
    if table == "categories":
        pointers = (("services", "category_id"), ("lulu_skills", "category_id"))
    else:
        session.execute(
            text("UPDATE services_fts SET service_id = :new WHERE service_id = :old"),
            {"new": new_hex, "old": old_hex},
        )
        # Orders placed before the first pull and not pushed yet name the old id.
        session.execute(
            text(
                "UPDATE outbox SET data = json_set(data, '$.service_id', :new) "
                "WHERE entity = 'order' AND json_extract(data, '$.service_id') = :old"
            ),
            {"new": str(new), "old": str(old)},
        )
    for other, column in pointers:
        session.execute(
            text(f"UPDATE {other} SET {column} = :new WHERE {column} = :old"),
            {"new": new_hex, "old": old_hex},
        )
    session.expire_all()


def _apply_category(session: Session, entity_id: uuid.UUID, data: Mapping[str, Any]) -> str | None:
    same_code = session.scalar(select(Category.id).where(Category.code == data["code"]))
    if same_code is not None and same_code != entity_id:
        session.flush()
        _rekey(session, "categories", same_code, entity_id)
    _upsert(session, Category, entity_id, _columns(Category, data))
    session.flush()
    return None


def _apply_service(session: Session, entity_id: uuid.UUID, data: Mapping[str, Any]) -> str | None:
    category = session.get(Category, uuid.UUID(str(data["category_id"])))
    if category is None:
        return f"service {data.get('code')}: category not here"
    same_code = session.scalar(select(Service.id).where(Service.code == data["code"]))
    if same_code is not None and same_code != entity_id:
        session.flush()
        _rekey(session, "services", same_code, entity_id)
    values = _columns(Service, data)
    values["search_names"] = search_document(data["name_fr"], data["name_en"])
    values["search_details"] = search_document(
        data.get("description_fr"), data.get("description_en"), category.name_fr, category.name_en
    )
    _upsert(session, Service, entity_id, values)
    session.flush()
    return None


def _apply_lulu(session: Session, entity_id: uuid.UUID, data: Mapping[str, Any]) -> str | None:
    values = _columns(Lulu, data)
    # The server's figures, and this kiosk's ratings it has not answered yet on top.
    stars, count = pending_stars(session, entity_id)
    values["rating_sum"] = int(values.get("rating_sum") or 0) + stars
    values["rating_count"] = int(values.get("rating_count") or 0) + count
    lulu = _upsert(session, Lulu, entity_id, values)
    codes: dict[str, uuid.UUID] = {
        code: cid for code, cid in session.execute(select(Category.code, Category.id))
    }
    wanted = {codes[code] for code in data.get("skills", []) if code in codes}
    session.flush()
    session.execute(delete(LuluSkill).where(LuluSkill.lulu_id == lulu.id))
    for category_id in wanted:
        session.add(LuluSkill(lulu_id=lulu.id, category_id=category_id))
    session.flush()
    return None


def _apply_client(
    session: Session, context: PageContext, entity_id: uuid.UUID, data: Mapping[str, Any]
) -> str | None:
    return apply_client(session, _columns(Client, data), entity_id, data, erased=context.erased)


def _apply_order(
    session: Session, context: PageContext, entity_id: uuid.UUID, data: Mapping[str, Any]
) -> str | None:
    if not is_order_number(str(data.get("number", ""))):
        # Files are named after it (tickets, erasure): only a CC-NNNN number is kept.
        return "order: number refused"
    values = _columns(Order, data)
    number = values["number"]
    if session.scalar(select(Order.id).where(Order.number == number, Order.id != entity_id)):
        # Two orders under one number (kiosks that shared a series before the server
        # gave codes): the store keeps a number once, so this one waits for a person
        # and the rest of the page applies. Never the row in the message: an address.
        reason = f"order {number}: this number is already another order here"
        session.merge(
            PulledAside(
                entity=Entity.ORDER.value,
                entity_id=entity_id,
                reason=reason,
                data=dict(data),
                seen_at=utc_now(),
            )
        )
        return reason
    if session.get(Client, values["client_id"]) is None:
        return f"order {values.get('number')}: client not here"
    if session.get(Service, values["service_id"]) is None:
        return f"order {values.get('number')}: service not in this kiosk's catalogue"
    for who in ("lulu_id", "tutor_id"):  # a Lulu this kiosk has not pulled yet
        if values.get(who) is not None and session.get(Lulu, values[who]) is None:
            values[who] = None
    order = session.get(Order, entity_id)
    before = order.status if order is not None else None
    order = _upsert(session, Order, entity_id, values)
    if before is not order.status:
        session.add(
            OrderEvent(
                order_id=entity_id, from_status=before, to_status=order.status, at=order.updated_at
            )
        )
    code, _, seq = order.number.partition("-")
    if code == context.kiosk_code and seq.isdigit():
        context.highest_own_number = max(context.highest_own_number, int(seq))
    session.flush()
    return None


def follow_own_numbers(session: Session, highest: int) -> None:
    """Orders of this kiosk's own series coming back (a kiosk restored from a backup
    gets its later orders from the server): move the series past them, so that the
    next number is never one already given."""
    if highest == 0:
        return
    current = session.get(NumberSeries, ORDER_SERIES)
    if current is None:
        session.add(NumberSeries(name=ORDER_SERIES, next_value=highest + 1))
    elif current.next_value <= highest:
        current.next_value = highest + 1


def _apply_payment(session: Session, entity_id: uuid.UUID, data: Mapping[str, Any]) -> str | None:
    values = _columns(Payment, data)
    if session.get(Order, values["order_id"]) is None:
        return "payment: order not here"
    values["attendant_id"] = None  # attendants are per kiosk
    if session.get(Payment, entity_id) is None:
        session.add(Payment(**values))  # append-only: never rewritten
    return None


def _apply_rating(session: Session, entity_id: uuid.UUID, data: Mapping[str, Any]) -> str | None:
    values = _columns(Rating, data)
    if session.get(Order, values["order_id"]) is None:
        return "rating: order not here"
    # One rating per order: the server's is the one.
    session.execute(
        delete(Rating).where(Rating.order_id == values["order_id"], Rating.id != entity_id)
    )
    here = session.get(Rating, entity_id)
    if here is None:
        session.add(Rating(**values))
    else:  # the stars stay; the comment goes when its client is erased
        here.comment = values.get("comment", here.comment)
    session.flush()
    return None


def _apply_to_resolve(
    session: Session, entity_id: uuid.UUID, data: Mapping[str, Any]
) -> str | None:
    _upsert(session, ToResolve, entity_id, _columns(ToResolve, data))
    session.flush()
    return None


_APPLIERS: dict[Entity, Callable[[Session, uuid.UUID, Mapping[str, Any]], str | None]] = {
    Entity.CATEGORY: _apply_category,
    Entity.SERVICE: _apply_service,
    Entity.LULU: _apply_lulu,
    Entity.PAYMENT: _apply_payment,
    Entity.RATING: _apply_rating,
    Entity.TO_RESOLVE: _apply_to_resolve,
}
