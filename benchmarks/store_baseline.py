"""The floor to compare with: placing the same orders with the sqlite3 module alone.

Same file layout (a store made by Comptoir, so the same tables, indexes and triggers),
same PRAGMAs, the same statements as `OrderService.place` issues, with values encoded as
SQLAlchemy stores them (hex UUIDs, "YYYY-MM-DD HH:MM:SS.ffffff" datetimes, JSON text),
so the rows have the same sizes. One BEGIN IMMEDIATE ... COMMIT per order. What it leaves
out is the library: validation, phone parsing, SQLAlchemy, building the OrderView."""

from __future__ import annotations

import json
import secrets
import sqlite3
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk_app.domain.search_text import fold
from kiosk_app.store.database import BUSY_TIMEOUT_MS

from .store_orders import PlannedOrder

_ADDRESS = ("street", "postcode", "city", "building", "floor", "has_lift", "access_notes")
_ORDER_COLUMNS = (
    "id",
    "number",
    "client_id",
    "service_id",
    "service_name_fr",
    "service_name_en",
    "unit_minutes",
    "unit_price_cents",
    "tax_credit",
    "slot_start",
    "slot_end",
    "estimated_units",
    "actual_units",
    "description",
    "channel",
    "lulu_id",
    "status",
    "cancel_reason",
    "lang",
    "public_token",
    "created_at",
    "updated_at",
    "version",
    *_ADDRESS,
)
_CLIENT_COLUMNS = (
    "id",
    "name",
    "search_name",
    "phone",
    "email",
    "lang",
    "consent_at",
    "created_at",
    "updated_at",
    "erased_at",
    "version",
    *_ADDRESS,
)


def _insert(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


_INSERT_ORDER = _insert("orders", _ORDER_COLUMNS)
_INSERT_CLIENT = _insert("clients", _CLIENT_COLUMNS)
_OUTBOX_COLUMNS = ("op_id", "entity", "entity_id", "kind", "base_version", "data", "created_at")
_INSERT_OUTBOX = _insert("outbox", (*_OUTBOX_COLUMNS, "attempts", "set_aside"))
_INSERT_EVENT = _insert("order_events", ("order_id", "from_status", "to_status", "at"))
_INSERT_EVENT_BY = _insert(
    "order_events", ("order_id", "from_status", "to_status", "at", "attendant_id")
)
_INSERT_PRINT = _insert(
    "print_jobs", ("id", "kind", "order_id", "lang", "status", "attempts", "created_at")
)
_INSERT_AUDIT = _insert(
    "audit_log", ("at", "attendant_id", "action", "entity", "entity_id", "details")
)


def _when(moment: datetime) -> str:
    return moment.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def _wire(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _stored(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, datetime):
        return _when(value)
    return value


class RawPlacer:
    """Places orders into the store file at `path` with plain sqlite3."""

    def __init__(self, path: Path, *, attendant_id: uuid.UUID) -> None:
        self._attendant_id = attendant_id
        self._conn = sqlite3.connect(path, isolation_level=None)
        for pragma in (
            "journal_mode=WAL",
            "synchronous=FULL",
            "foreign_keys=ON",
            f"busy_timeout={BUSY_TIMEOUT_MS}",
        ):
            self._conn.execute(f"PRAGMA {pragma}")

    def close(self) -> None:
        self._conn.close()

    def _outbox(
        self,
        entity: str,
        entity_id: uuid.UUID,
        kind: str,
        data: dict[str, Any],
        *,
        now: str,
        base_version: int | None = None,
    ) -> None:
        payload = json.dumps({key: _wire(value) for key, value in data.items()})
        self._conn.execute(
            _INSERT_OUTBOX,
            (uuid.uuid4().hex, entity, entity_id.hex, kind, base_version, payload, now, 0, 0),
        )

    def place(self, planned: PlannedOrder) -> tuple[Any, ...]:
        request, conn, now = planned.request, self._conn, _when(planned.at)
        address = {key: getattr(request.address, key) for key in _ADDRESS}
        conn.execute("BEGIN IMMEDIATE")
        try:
            service = conn.execute(
                "SELECT name_fr, name_en, unit_minutes, unit_price_cents, tax_credit, max_units "
                "FROM services WHERE id = ? AND active = 1",
                (request.service_id.hex,),
            ).fetchone()
            client = conn.execute(
                "SELECT id, version FROM clients WHERE phone = ?", (planned.phone_e164,)
            ).fetchone()
            if client is None:
                client_id = self._create_client(planned, address, now)
            else:
                client_id = uuid.UUID(hex=client[0])
                self._update_client(client_id, client[1], planned, address, now)
            conn.execute("SELECT key, value FROM settings").fetchall()
            (next_value,) = conn.execute(
                "UPDATE number_series SET next_value = next_value + 1 WHERE name = 'orders' "
                "RETURNING next_value"
            ).fetchone() or (None,)
            if next_value is None:
                conn.execute("INSERT INTO number_series (name, next_value) VALUES ('orders', 2)")
                next_value = 2
            order_id = uuid.uuid4()
            values: dict[str, Any] = {
                "id": order_id,
                "number": f"01-{next_value - 1:04d}",
                "client_id": client_id,
                "service_id": request.service_id,
                "service_name_fr": service[0],
                "service_name_en": service[1],
                "unit_minutes": service[2],
                "unit_price_cents": service[3],
                "tax_credit": service[4],
                "slot_start": request.slot_start,
                "slot_end": request.slot_end,
                "estimated_units": request.estimated_units,
                "actual_units": None,
                "description": request.description,
                "channel": request.channel.value,
                "lulu_id": None,
                "status": "requested",
                "cancel_reason": None,
                "lang": request.lang,
                "public_token": secrets.token_urlsafe(32),
                "created_at": planned.at,
                "updated_at": planned.at,
                "version": 1,
                **address,
            }
            conn.execute(_INSERT_ORDER, [_stored(values[c]) for c in _ORDER_COLUMNS])
            attendant = self._attendant_id if planned.at_counter else None
            if attendant is None:
                conn.execute(_INSERT_EVENT, (order_id.hex, None, "requested", now))
            else:
                conn.execute(
                    _INSERT_EVENT_BY, (order_id.hex, None, "requested", now, attendant.hex)
                )
            self._outbox("order", order_id, "create", values, now=now)
            conn.execute(
                _INSERT_PRINT,
                (uuid.uuid4().hex, "order_ticket", order_id.hex, request.lang, "queued", 0, now),
            )
            if attendant is not None:
                conn.execute(
                    _INSERT_AUDIT,
                    (now, attendant.hex, "order.place", "order", str(order_id), "{}"),
                )
            row: tuple[Any, ...] = conn.execute(
                "SELECT * FROM orders WHERE id = ?", (order_id.hex,)
            ).fetchone()
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return row

    def _create_client(self, planned: PlannedOrder, address: dict[str, Any], now: str) -> uuid.UUID:
        request = planned.request
        client_id = uuid.uuid4()
        values: dict[str, Any] = {
            "id": client_id,
            "name": request.name,
            "search_name": fold(request.name),
            "phone": planned.phone_e164,
            "email": request.email.lower() or None,
            "lang": request.lang,
            "consent_at": planned.at,
            "created_at": planned.at,
            "updated_at": planned.at,
            "erased_at": None,
            "version": 1,
            **address,
        }
        self._conn.execute(_INSERT_CLIENT, [_stored(values[c]) for c in _CLIENT_COLUMNS])
        values.pop("search_name")
        self._outbox("client", client_id, "create", values, now=now)
        return client_id

    def _update_client(
        self,
        client_id: uuid.UUID,
        version: int,
        planned: PlannedOrder,
        address: dict[str, Any],
        now: str,
    ) -> None:
        cursor = self._conn.execute("SELECT * FROM clients WHERE id = ?", (client_id.hex,))
        names = [d[0] for d in cursor.description]
        row = dict(zip(names, cursor.fetchone(), strict=True))
        wanted: dict[str, Any] = {**address, "lang": planned.request.lang}
        if planned.request.email:
            wanted["email"] = planned.request.email.lower()
        changed = {key: value for key, value in wanted.items() if row[key] != value}
        if not changed:
            return
        assignments = ", ".join(f"{key} = ?" for key in changed)
        self._conn.execute(
            f"UPDATE clients SET {assignments}, updated_at = ?, version = ? WHERE id = ?",
            (*changed.values(), now, version + 1, client_id.hex),
        )
        self._outbox("client", client_id, "patch", changed, now=now, base_version=version)
