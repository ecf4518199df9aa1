"""Orders: placing one (order, client, outbox rows and print job in one durable
transaction) and moving it through the lifecycle."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from sync.protocol import Channel, OrderStatus

from ..clock import Clock, utc_now
from ..domain import validation
from ..domain.lifecycle import ensure_allowed
from ..domain.pricing import Price, price_for, units_for_minutes
from ..domain.search_text import fold
from ..errors import NotFound, TransitionNotAllowed, ValidationError
from ..store.database import Store
from ..store.fast import RowWriter, driver_connection
from ..store.models import Client, Lulu, Order, OrderEvent
from .availability import busy_lulus
from .clients import AddressInput, check_address
from .journal import audit, enqueue_op, enqueue_print
from .order_queue import QUEUE_ORDER
from .order_queue import counts_query as queue_counts_query
from .order_queue import filtered as queue_filtered
from .settings import DEFAULTS

ORDER_SERIES = "orders"
# place() is the hot path: its writes go through store/fast.py (why is explained there).
_ORDERS = RowWriter(Order.__table__)  # type: ignore[arg-type]
_ORDER_EVENTS = RowWriter(OrderEvent.__table__)  # type: ignore[arg-type]
_CLIENTS = RowWriter(Client.__table__)  # type: ignore[arg-type]
_ADDRESS_COLUMNS = ("street", "postcode", "city", "building", "floor", "has_lift", "access_notes")


@dataclass(frozen=True, slots=True)
class OrderRequest:
    """An order as a resident or an attendant gives it."""

    service_id: uuid.UUID
    slot_start: datetime
    slot_end: datetime
    estimated_units: int
    phone: str
    address: AddressInput
    channel: Channel
    name: str = ""  # needed for a new client; a known one is recognised by phone
    email: str = ""
    description: str = ""
    lang: str = "fr"
    consent: bool = False  # to the processing of personal data; needed for a new client


@dataclass(frozen=True, slots=True)
class OrderView:
    id: uuid.UUID
    number: str
    status: OrderStatus
    channel: Channel
    client_id: uuid.UUID
    service_id: uuid.UUID
    service_name_fr: str
    service_name_en: str
    unit_minutes: int
    unit_price_cents: int
    tax_credit: bool
    slot_start: datetime
    slot_end: datetime
    estimated_units: int
    actual_units: int | None
    description: str
    address: AddressInput
    lulu_id: uuid.UUID | None
    cancel_reason: str | None
    lang: str
    public_token: str
    created_at: datetime
    updated_at: datetime
    version: int

    def service_name(self, lang: str) -> str:
        return self.service_name_en if lang == "en" else self.service_name_fr

    @property
    def estimated_price(self) -> Price:
        return price_for(
            self.estimated_units, self.unit_price_cents, tax_credit_eligible=self.tax_credit
        )

    @property
    def final_price(self) -> Price | None:
        if self.actual_units is None:
            return None
        return price_for(
            self.actual_units, self.unit_price_cents, tax_credit_eligible=self.tax_credit
        )

    @property
    def price_due(self) -> Price:
        """What the client owes: the final price once done, else the estimate."""
        return self.final_price or self.estimated_price


@dataclass(frozen=True, slots=True)
class TimelineStep:
    status: OrderStatus
    at: datetime


def order_view(row: Order) -> OrderView:
    return OrderView(
        id=row.id,
        number=row.number,
        status=row.status,
        channel=row.channel,
        client_id=row.client_id,
        service_id=row.service_id,
        service_name_fr=row.service_name_fr,
        service_name_en=row.service_name_en,
        unit_minutes=row.unit_minutes,
        unit_price_cents=row.unit_price_cents,
        tax_credit=row.tax_credit,
        slot_start=row.slot_start,
        slot_end=row.slot_end,
        estimated_units=row.estimated_units,
        actual_units=row.actual_units,
        description=row.description,
        address=AddressInput(
            street=row.street,
            postcode=row.postcode,
            city=row.city,
            building=row.building,
            floor=row.floor,
            has_lift=row.has_lift,
            access_notes=row.access_notes,
        ),
        lulu_id=row.lulu_id,
        cancel_reason=row.cancel_reason,
        lang=row.lang,
        public_token=row.public_token,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
    )


def _placed_view(values: dict[str, Any]) -> OrderView:
    """The view of an order just written, from the values written (no read back)."""
    address = AddressInput(**{key: values[key] for key in _ADDRESS_COLUMNS})
    fields = {key: values[key] for key in OrderView.__dataclass_fields__ if key in values}
    return OrderView(**fields, address=address)


def normalise_order_number(typed: str) -> str | None:
    """ "01-0042", "010042" or "1-42" typed on a number pad, as stored: "01-0042"."""
    typed = typed.strip()
    if "-" in typed:
        kiosk, _, seq = typed.partition("-")
    else:
        kiosk, seq = typed[:2], typed[2:]
    # isdecimal(), not isdigit(): "²" is a digit that int() refuses.
    if not (kiosk.isdecimal() and seq.isdecimal()) or len(kiosk) > 2 or len(seq) > 9:
        return None
    return f"{int(kiosk):02d}-{int(seq):04d}"


def next_number(session: Session, series: str) -> int:
    """Take the next value of a series inside the caller's transaction: the write lock
    (BEGIN IMMEDIATE) makes it gapless and unique."""
    connection = driver_connection(session)
    row = connection.execute(
        "UPDATE number_series SET next_value = next_value + 1 WHERE name = ? RETURNING next_value",
        (series,),
    ).fetchone()
    if row is None:
        connection.execute("INSERT INTO number_series (name, next_value) VALUES (?, 2)", (series,))
        return 1
    return int(row[0]) - 1


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
            f"SELECT id, version, email, lang, {', '.join(_ADDRESS_COLUMNS)} "
            "FROM clients WHERE phone = ?",
            (phone,),
        )
        .fetchone()
    )
    if row is None:
        return None
    address = dict(zip(_ADDRESS_COLUMNS, row[4:], strict=True))
    if address["has_lift"] is not None:
        address["has_lift"] = bool(address["has_lift"])
    return _KnownClient(uuid.UUID(hex=row[0]), row[1], row[2], row[3], address)


def _kiosk_code(session: Session) -> str:
    row = (
        driver_connection(session)
        .execute("SELECT value FROM settings WHERE key = 'kiosk_code'")
        .fetchone()
    )
    return str(row[0]) if row else DEFAULTS["kiosk_code"]


class OrderService:
    def __init__(self, store: Store, *, clock: Clock = utc_now) -> None:
        self._store = store
        self._clock = clock

    # --- Placing an order -------------------------------------------------------------

    def place(self, request: OrderRequest, *, attendant_id: uuid.UUID | None = None) -> OrderView:
        """Validate, then write the order, its client, their outbox rows, the history's
        first step and the ticket's print job in one durable transaction."""
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
            number = f"{_kiosk_code(session)}-{next_number(session, ORDER_SERIES):04d}"
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
            audit(
                session,
                attendant_id=attendant_id,
                action="order.place",
                entity="order",
                entity_id=order_id,
                now=now,
            )
        return _placed_view(values)

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

    # --- Reading ----------------------------------------------------------------------

    def get(self, order_id: uuid.UUID) -> OrderView:
        with self._store.read() as session:
            row = session.get(Order, order_id)
            if row is None:
                raise NotFound(entity="order")
            return order_view(row)

    def by_number(self, typed_number: str) -> OrderView:
        number = normalise_order_number(typed_number)
        with self._store.read() as session:
            row = session.scalar(select(Order).where(Order.number == number)) if number else None
            if row is None:
                raise NotFound(entity="order")
            return order_view(row)

    def find_for_resident(self, typed_number: str, typed_phone: str) -> OrderView:
        """A resident's own order, by its number and the phone it was placed with. Any
        mismatch is the same "not found": the touchscreen never tells whether a number
        exists for somebody else."""
        checker = validation.Checker()
        number = normalise_order_number(typed_number)
        if number is None:
            checker.fields["number"] = "order_number.invalid"
        phone = checker.check(lambda: validation.phone(typed_phone))
        checker.done()
        with self._store.read() as session:
            row = session.scalar(
                select(Order)
                .join(Client, Client.id == Order.client_id)
                .where(Order.number == number, Client.phone == phone)
            )
            if row is None:
                raise NotFound(entity="order")
            return order_view(row)

    def timeline(self, order_id: uuid.UUID) -> list[TimelineStep]:
        with self._store.read() as session:
            rows = session.execute(
                select(OrderEvent.to_status, OrderEvent.at)
                .where(OrderEvent.order_id == order_id)
                .order_by(OrderEvent.id)
            )
            return [TimelineStep(status, at) for status, at in rows]

    def list(
        self,
        *,
        statuses: frozenset[OrderStatus] | None = None,
        day: date | None = None,
        channel: Channel | None = None,
        offset: int = 0,
        limit: int = 100,
    ) -> list[OrderView]:
        """Orders newest first, filtered, in the counter queue's order (order_queue.py,
        which reads the queue's lines themselves a page at a time)."""
        query = queue_filtered(select(Order), statuses=statuses, day=day, channel=channel)
        query = query.order_by(*QUEUE_ORDER).offset(offset).limit(limit)
        with self._store.read() as session:
            return [order_view(row) for row in session.scalars(query)]

    def counts_by_status(
        self, *, day: date | None = None, channel: Channel | None = None
    ) -> dict[OrderStatus, int]:
        with self._store.read() as session:
            counts: dict[OrderStatus, int] = dict(
                session.execute(queue_counts_query(day, channel)).all()
            )
        return {status: counts.get(status, 0) for status in OrderStatus}

    # --- Moving through the lifecycle -------------------------------------------------

    def confirm(self, order_id: uuid.UUID, *, attendant_id: uuid.UUID | None) -> OrderView:
        # Only a requested order: on an assigned one, "confirmed" would drop its Lulu.
        return self._transition(
            order_id,
            OrderStatus.CONFIRMED,
            attendant_id=attendant_id,
            only_from=OrderStatus.REQUESTED,
        )

    def assign(
        self, order_id: uuid.UUID, lulu_id: uuid.UUID, *, attendant_id: uuid.UUID | None
    ) -> OrderView:
        return self._transition(
            order_id, OrderStatus.ASSIGNED, attendant_id=attendant_id, lulu_id=lulu_id
        )

    def withdraw(self, order_id: uuid.UUID, *, attendant_id: uuid.UUID | None) -> OrderView:
        """The Lulu can no longer come: back to confirmed, to assign someone else."""
        return self._transition(
            order_id,
            OrderStatus.CONFIRMED,
            attendant_id=attendant_id,
            only_from=OrderStatus.ASSIGNED,
        )

    def mark_done(
        self, order_id: uuid.UUID, actual_minutes: int, *, attendant_id: uuid.UUID | None
    ) -> OrderView:
        """Done, with the time actually spent, rounded up to the unit: the final price.
        A client who paid ahead and is covered is settled at once (paid, invoiced)."""
        # payments imports this module (apply_transition): import it at call time.
        from .payments import settle_if_covered

        now = self._clock()
        with self._store.write() as session:
            order = session.get(Order, order_id)
            if order is None:
                raise NotFound(entity="order")
            apply_transition(
                session,
                order,
                OrderStatus.DONE,
                now=now,
                attendant_id=attendant_id,
                actual_minutes=actual_minutes,
            )
            settle_if_covered(session, order, now=now, attendant_id=attendant_id)
            return order_view(order)

    def cancel(
        self, order_id: uuid.UUID, reason: str, *, attendant_id: uuid.UUID | None
    ) -> OrderView:
        return self._transition(
            order_id, OrderStatus.CANCELLED, attendant_id=attendant_id, reason=reason
        )

    def _transition(
        self,
        order_id: uuid.UUID,
        target: OrderStatus,
        *,
        attendant_id: uuid.UUID | None,
        lulu_id: uuid.UUID | None = None,
        actual_minutes: int | None = None,
        reason: str | None = None,
        only_from: OrderStatus | None = None,
    ) -> OrderView:
        now = self._clock()
        with self._store.write() as session:
            order = session.get(Order, order_id)
            if order is None:
                raise NotFound(entity="order")
            if only_from is not None and order.status is not only_from:
                raise TransitionNotAllowed(current=order.status.value, target=target.value)
            apply_transition(
                session,
                order,
                target,
                now=now,
                attendant_id=attendant_id,
                lulu_id=lulu_id,
                actual_minutes=actual_minutes,
                reason=reason,
            )
            return order_view(order)


def apply_transition(
    session: Session,
    order: Order,
    target: OrderStatus,
    *,
    now: datetime,
    attendant_id: uuid.UUID | None,
    lulu_id: uuid.UUID | None = None,
    tutor_id: uuid.UUID | None = None,
    actual_minutes: int | None = None,
    reason: str | None = None,
) -> None:
    """Move `order` to `target` inside the caller's transaction: checks the lifecycle
    table and the step's own data, records history, outbox op and audit entry. An
    assignment may name the tutor going along with a Lulu in training: the central
    server keeps it on the order (the association pays the tutor's time)."""
    ensure_allowed(order.status, target)
    data: dict[str, Any] = {"from": order.status.value, "to": target.value}
    if target is OrderStatus.ASSIGNED:
        lulu = session.get(Lulu, lulu_id) if lulu_id is not None else None
        if lulu is None:
            raise ValidationError({"lulu": "lulu.required"})
        clashes = busy_lulus(session, order.id, order.slot_start, order.slot_end).get(lulu.id)
        if clashes:  # never two places at once
            raise ValidationError(
                {"lulu": "lulu.busy"}, name=lulu.display_name, number=", ".join(clashes)
            )
        order.lulu_id = lulu_id
        data["lulu_id"] = lulu_id
        if tutor_id is not None:
            data["tutor_id"] = tutor_id
    elif target is OrderStatus.CONFIRMED and order.status is OrderStatus.ASSIGNED:
        order.lulu_id = None
        data["lulu_id"] = None
    elif target is OrderStatus.DONE:
        max_minutes = 24 * 60
        if actual_minutes is None or not 1 <= actual_minutes <= max_minutes:
            raise ValidationError(
                {"actual_minutes": "actual_minutes.out_of_range"}, max=max_minutes
            )
        order.actual_units = units_for_minutes(actual_minutes, order.unit_minutes)
        data["actual_units"] = order.actual_units
    elif target is OrderStatus.CANCELLED:
        order.cancel_reason = validation.bounded_text(
            reason, field="reason", max_length=validation.COMMENT_MAX, required=True
        )
        data["reason"] = order.cancel_reason
    base_version = order.version
    order.status = target
    order.updated_at = now
    order.version = base_version + 1
    session.add(
        OrderEvent(
            order_id=order.id,
            from_status=OrderStatus(data["from"]),
            to_status=target,
            at=now,
            attendant_id=attendant_id,
        )
    )
    session.flush()
    enqueue_op(
        session,
        entity="order",
        entity_id=order.id,
        kind="transition",
        data=data,
        base_version=base_version,
        now=now,
    )
    audit(
        session,
        attendant_id=attendant_id,
        action=f"order.{target.value}",
        entity="order",
        entity_id=order.id,
        now=now,
        details={"from": data["from"], "to": target.value},
    )


def address_values(address: AddressInput) -> dict[str, Any]:
    return {
        "street": address.street,
        "postcode": address.postcode,
        "city": address.city,
        "building": address.building,
        "floor": address.floor,
        "has_lift": address.has_lift,
        "access_notes": address.access_notes,
    }
