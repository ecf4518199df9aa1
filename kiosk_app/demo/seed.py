"""A month of demo activity at the Saint-Paul kiosk (Paris 4e), shaped like the pilot's
first month in the seed article: 311 orders, 225 services done, 17 Lulus fully onboarded
and 15 in progress, 3,600 kiosk visits.

Deterministic: the same `as_of` day gives the same store, row for row. The month is the
30 days ending on `as_of`; orders still to do have slots in the days after it, so the
counter's queue looks alive on the day the demo runs. The month waits in the outbox as
on a kiosk that worked offline: its first sync sends it to the central server.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select

from sync.protocol import Channel, OrderStatus, PaymentMethod

from ..clock import PARIS
from ..config import resources_dir
from ..domain.kinds import OnboardingStage, PaymentKind, Role
from ..domain.pricing import units_for_minutes
from ..domain.search_text import fold
from ..errors import NotNow, StoreUnavailable
from ..services.catalogue import load_catalogue
from ..services.invoices import issue_invoice
from ..services.journal import wire_value
from ..services.numbers import ORDER_SERIES, assign_kiosk_code
from ..store.database import STORE_FILENAME, Store, sidecars
from ..store.models import (
    Category,
    Client,
    KioskVisit,
    Lulu,
    LuluApplication,
    LuluFile,
    LuluSkill,
    NumberSeries,
    Order,
    OrderEvent,
    OutboxOp,
    Payment,
    Rating,
    Service,
    Setting,
)
from ..store.refusals import refusal_for
from ..views.lulus import CHECKLIST
from ..views.settings import DEMO_SETTINGS

# The demo store's series code, as a central server would have given it.
DEMO_KIOSK_CODE = "01"

# The pilot's first month (seed article).
ORDERS = 311
SERVICES_DONE = 225
LULUS_ONBOARDED = 17
LULUS_IN_PROGRESS = 15
LULU_CANDIDATES = 6
LULUS_INACTIVE = 2
KIOSK_VISITS = 3600
# How the 311 orders stand at the end of the month.
PAID = 188
CANCELLED = 31
REQUESTED = 14
CONFIRMED = 17
ASSIGNED = ORDERS - SERVICES_DONE - CANCELLED - REQUESTED - CONFIRMED  # 24
CLIENTS = 160
DAYS = 30
SEED = 20150408  # the pilot kiosk opened on 8 April 2015

# Documented in the README: demo logins for the counter.
DEMO_ATTENDANTS = (("Camille", Role.ATTENDANT, "1234"), ("Karim", Role.MANAGER, "2468"))

OPENING, CLOSING = 9, 19  # the kiosk's hours, Paris time


@dataclass
class _Demo:
    rng: random.Random
    as_of: date
    now: datetime
    services: list[Service]
    categories: dict[uuid.UUID, str]
    people: dict[str, Any]
    rows: dict[type, list[dict[str, Any]]] = field(default_factory=dict)

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def add(self, model: type, **values: Any) -> dict[str, Any]:
        self.rows.setdefault(model, []).append(values)
        return values

    def moment(self, day: date, *, earliest: int = OPENING, latest: int = CLOSING) -> datetime:
        """A time of the kiosk's day, in UTC."""
        minutes = self.rng.randrange(earliest * 60, latest * 60)
        local = datetime.combine(day, time(minutes // 60, minutes % 60), PARIS)
        return local.astimezone(UTC)

    def day_of_month(self) -> date:
        """A day of the month, busier on Saturdays, quiet on Sundays."""
        weights = []
        for i in range(DAYS):
            weekday = (self.as_of - timedelta(days=i)).weekday()
            weights.append(0.4 if weekday == 6 else 1.6 if weekday == 5 else 1.0)
        return self.as_of - timedelta(days=self.rng.choices(range(DAYS), weights)[0])


def _siret(rng: random.Random) -> str:
    """A fictional 14-digit SIRET that passes the Luhn check, as real ones do."""
    digits = [rng.randrange(10) for _ in range(13)]
    for check in range(10):
        candidate = [*digits, check]
        total = 0
        for i, d in enumerate(reversed(candidate)):
            d = d * 2 if i % 2 else d
            total += d - 9 if d > 9 else d
        if total % 10 == 0:
            return "".join(map(str, candidate))
    raise AssertionError("unreachable: one check digit always fits")


def _phone(rng: random.Random, used: set[str]) -> str:
    while True:
        number = (
            f"+336{rng.randrange(10**8):08d}"
            if rng.random() < 0.8
            else (f"+331{rng.randrange(40000000, 50000000):08d}")
        )
        if number not in used:
            used.add(number)
            return number


def _lulus(demo: _Demo, used_phones: set[str]) -> dict[OnboardingStage, list[uuid.UUID]]:
    rng, people = demo.rng, demo.people
    stages = (
        [OnboardingStage.ONBOARDED] * LULUS_ONBOARDED
        + [OnboardingStage.FILE_IN_PROGRESS] * LULUS_IN_PROGRESS
        + [OnboardingStage.INACTIVE] * LULUS_INACTIVE
    )
    by_stage: dict[OnboardingStage, list[uuid.UUID]] = {stage: [] for stage in OnboardingStage}
    category_ids = sorted(demo.categories, key=lambda cid: demo.categories[cid])
    for stage in stages:
        lulu_id = demo.uuid()
        first = rng.choice(people["first_names"])
        last = rng.choice(people["last_names"])
        joined = demo.now - timedelta(days=rng.randrange(20, 60))
        demo.add(
            Lulu,
            id=lulu_id,
            display_name=f"{first} {last[0]}.",
            neighbourhood=rng.choice(people["neighbourhoods"]),
            languages=",".join(
                [
                    "fr",
                    *rng.sample(["en", "ar", "es", "pt", "zh", "wo"], k=rng.choice([0, 1, 1, 2])),
                ]
            ),
            rating_sum=0,
            rating_count=0,
            created_at=joined,
            version=1,
        )
        for category_id in rng.sample(category_ids, k=rng.randint(2, 4)):
            demo.add(LuluSkill, lulu_id=lulu_id, category_id=category_id)
        done_items = (
            set(CHECKLIST)
            if stage in (OnboardingStage.ONBOARDED, OnboardingStage.INACTIVE)
            else set(rng.sample(CHECKLIST, k=rng.randint(1, 4)))
        )
        demo.add(
            LuluFile,
            lulu_id=lulu_id,
            phone=_phone(rng, used_phones),
            siret=_siret(rng) if "business_registered" in done_items else None,
            stage=stage,
            tutor_id=None,
            stage_changed_at=joined + timedelta(days=rng.randrange(1, 15)),
            notes="",
            **{item: item in done_items for item in CHECKLIST},
        )
        by_stage[stage].append(lulu_id)
    # Each Lulu still in training has an onboarded tutor.
    for row in demo.rows[LuluFile]:
        if row["stage"] is OnboardingStage.FILE_IN_PROGRESS:
            row["tutor_id"] = rng.choice(by_stage[OnboardingStage.ONBOARDED])
    return by_stage


def _applications(demo: _Demo, used_phones: set[str]) -> None:
    """Candidates who applied on the touchscreen this month."""
    rng = demo.rng
    availabilities = [
        "Le matin en semaine",
        "Tous les après-midi sauf le mercredi",
        "Le week-end",
        "En soirée après 18 h",
        "Lundi, mardi et jeudi toute la journée",
        "Disponible tout de suite, à plein temps",
    ]
    codes = sorted(demo.categories.values())
    for i in range(LULU_CANDIDATES):
        lulu_id = demo.uuid()
        name = f"{rng.choice(demo.people['first_names'])} {rng.choice(demo.people['last_names'])}"
        applied = demo.moment(demo.as_of - timedelta(days=rng.randrange(DAYS)))
        phone = _phone(rng, used_phones)
        skills = rng.sample(codes, k=rng.randint(1, 3))
        demo.add(
            Lulu,
            id=lulu_id,
            display_name=name,
            neighbourhood="",
            languages="fr",
            rating_sum=0,
            rating_count=0,
            created_at=applied,
            version=1,
        )
        code_to_id = {code: cid for cid, code in demo.categories.items()}
        for code in skills:
            demo.add(LuluSkill, lulu_id=lulu_id, category_id=code_to_id[code])
        demo.add(
            LuluFile,
            lulu_id=lulu_id,
            phone=phone,
            siret=None,
            stage=OnboardingStage.CANDIDATE,
            tutor_id=None,
            stage_changed_at=applied,
            notes="",
            **dict.fromkeys(CHECKLIST, False),
        )
        demo.add(
            LuluApplication,
            id=demo.uuid(),
            name=name,
            phone=phone,
            skills=skills,
            availability=availabilities[i % len(availabilities)],
            created_at=applied,
            lulu_id=lulu_id,
        )


def _clients(demo: _Demo, used_phones: set[str]) -> list[dict[str, Any]]:
    rng, people = demo.rng, demo.people
    clients = []
    for _ in range(CLIENTS):
        name = f"{rng.choice(people['first_names'])} {rng.choice(people['last_names'])}"
        street = rng.choice(people["streets"])
        floor = rng.choice([0, 1, 2, 2, 3, 3, 4, 5, 5, 6])
        created = demo.moment(demo.as_of - timedelta(days=DAYS - 1 + rng.randrange(0, 5)))
        clients.append(
            demo.add(
                Client,
                id=demo.uuid(),
                name=name,
                search_name=fold(name),
                phone=_phone(rng, used_phones),
                email=None,
                lang="en" if rng.random() < 0.08 else "fr",
                consent_at=created,
                created_at=created,
                updated_at=created,
                erased_at=None,
                version=1,
                street=f"{rng.randint(1, 60)} {street['street']}",
                postcode=street["postcode"],
                city="Paris",
                building=rng.choice(["", "", "", "Bât. A", "Bât. B", "Escalier 2"]),
                floor=floor,
                has_lift=rng.random() < 0.35 if floor > 1 else None,
                access_notes=rng.choice(people["access_notes_fr"]) if rng.random() < 0.6 else "",
            )
        )
    return clients


def _statuses(rng: random.Random) -> list[OrderStatus]:
    statuses = (
        [OrderStatus.PAID] * PAID
        + [OrderStatus.DONE] * (SERVICES_DONE - PAID)
        + [OrderStatus.CANCELLED] * CANCELLED
        + [OrderStatus.REQUESTED] * REQUESTED
        + [OrderStatus.CONFIRMED] * CONFIRMED
        + [OrderStatus.ASSIGNED] * ASSIGNED
    )
    rng.shuffle(statuses)
    return statuses


_PATHS = {
    OrderStatus.REQUESTED: [OrderStatus.REQUESTED],
    OrderStatus.CONFIRMED: [OrderStatus.REQUESTED, OrderStatus.CONFIRMED],
    OrderStatus.ASSIGNED: [OrderStatus.REQUESTED, OrderStatus.CONFIRMED, OrderStatus.ASSIGNED],
    OrderStatus.DONE: [
        OrderStatus.REQUESTED,
        OrderStatus.CONFIRMED,
        OrderStatus.ASSIGNED,
        OrderStatus.DONE,
    ],
    OrderStatus.PAID: [
        OrderStatus.REQUESTED,
        OrderStatus.CONFIRMED,
        OrderStatus.ASSIGNED,
        OrderStatus.DONE,
        OrderStatus.PAID,
    ],
}


def _orders(
    demo: _Demo,
    clients: Sequence[dict[str, Any]],
    lulus: dict[OnboardingStage, list[uuid.UUID]],
) -> None:
    rng = demo.rng
    skills: dict[uuid.UUID, list[uuid.UUID]] = {}
    for row in demo.rows[LuluSkill]:
        skills.setdefault(row["category_id"], []).append(row["lulu_id"])
    working = set(lulus[OnboardingStage.ONBOARDED]) | set(lulus[OnboardingStage.INACTIVE])
    # Popular services come up more often, as in a real neighbourhood.
    weights = [
        5 if s.code in ("montee-courses", "menage", "repassage", "faire-les-courses") else 1
        for s in demo.services
    ]
    planned = []
    for status in _statuses(rng):
        pending = status in (OrderStatus.REQUESTED, OrderStatus.CONFIRMED, OrderStatus.ASSIGNED)
        if pending:
            created_day = demo.as_of - timedelta(days=rng.randrange(0, 5))
            slot_day = demo.as_of + timedelta(days=rng.randrange(1, 9))
        else:
            created_day = demo.day_of_month()
            slot_day = created_day + timedelta(days=rng.choice([0, 1, 1, 2, 3, 5]))
        planned.append((created_day, slot_day, status))
    planned.sort(key=lambda p: p[0])  # numbers follow the order of creation

    for number, (created_day, slot_day, status) in enumerate(planned, start=1):
        client = rng.choice(clients)
        service = rng.choices(demo.services, weights)[0]
        created = demo.moment(created_day, latest=CLOSING - 1)
        hour = rng.randrange(OPENING, CLOSING - 2)
        slot_start = datetime.combine(slot_day, time(hour, rng.choice([0, 30])), PARIS)
        slot_start = slot_start.astimezone(UTC)
        if slot_start <= created:
            slot_start = created + timedelta(hours=2)
        estimated = max(
            1, min(service.max_units, service.typical_units + rng.choice([-1, 0, 0, 1]))
        )
        slot_end = slot_start + timedelta(minutes=service.unit_minutes * estimated)
        done_at = slot_end
        if status in (OrderStatus.DONE, OrderStatus.PAID) and done_at > demo.now:
            # A slot later today: the service was done earlier in the month instead.
            shift = done_at - demo.now + timedelta(days=1)
            created, slot_start, slot_end, done_at = (
                created - shift,
                slot_start - shift,
                slot_end - shift,
                done_at - shift,
            )
        if created.astimezone(PARIS).date() < demo.as_of - timedelta(days=DAYS - 1):
            created = demo.moment(demo.as_of - timedelta(days=DAYS - 1), latest=OPENING + 1)
            slot_start = max(slot_start, created + timedelta(hours=1))
            slot_end = slot_start + timedelta(minutes=service.unit_minutes * estimated)
            done_at = slot_end
        channel = rng.choices([Channel.COUNTER, Channel.SELF_SERVICE, Channel.WEB], [55, 35, 10])[0]
        candidates = [lid for lid in skills.get(service.category_id, []) if lid in working]
        order_id = demo.uuid()
        actual_units = actual_minutes = None
        if status in (OrderStatus.DONE, OrderStatus.PAID):
            minutes = max(5, service.unit_minutes * estimated + rng.randint(-15, 25))
            actual_units = units_for_minutes(minutes, service.unit_minutes)
            actual_minutes = minutes
        path = _PATHS.get(status) or [OrderStatus.REQUESTED, OrderStatus.CANCELLED]
        if status is OrderStatus.CANCELLED and rng.random() < 0.5:
            path = [OrderStatus.REQUESTED, OrderStatus.CONFIRMED, OrderStatus.CANCELLED]
        lulu_id = None
        if OrderStatus.ASSIGNED in path:
            lulu_id = rng.choice(candidates or sorted(working))
        # Step times: confirmed within hours, assigned before the slot, done at its end.
        times = [created]
        for step in path[1:]:
            if step is OrderStatus.DONE:
                times.append(done_at)
            elif step is OrderStatus.PAID:
                times.append(
                    min(demo.now, done_at + timedelta(hours=rng.choice([0, 0, 2, 20, 44])))
                )
            else:
                times.append(min(demo.now, times[-1] + timedelta(minutes=rng.randrange(20, 240))))
        client_address = {
            k: client[k]
            for k in ("street", "postcode", "city", "building", "floor", "has_lift", "access_notes")
        }
        demo.add(
            Order,
            id=order_id,
            number=f"{DEMO_KIOSK_CODE}-{number:04d}",
            client_id=client["id"],
            service_id=service.id,
            service_name_fr=service.name_fr,
            service_name_en=service.name_en,
            unit_minutes=service.unit_minutes,
            unit_price_cents=service.unit_price_cents,
            tax_credit=service.tax_credit,
            slot_start=slot_start,
            slot_end=slot_end,
            estimated_units=estimated,
            actual_units=actual_units,
            actual_minutes=actual_minutes,
            description=rng.choice(demo.people["order_descriptions_fr"]),
            channel=channel,
            lulu_id=lulu_id,
            status=status,
            cancel_reason=(
                rng.choice(
                    [
                        "Le client a trouvé une autre solution",
                        "Créneau impossible pour le client",
                        "Aucun Lulu disponible à cette heure",
                        "Demande en double",
                    ]
                )
                if status is OrderStatus.CANCELLED
                else None
            ),
            lang=client["lang"],
            public_token=f"demo{demo.rng.getrandbits(160):040x}",
            created_at=created,
            updated_at=times[-1],
            version=len(path),
            **client_address,
        )
        previous = None
        for step, at in zip(path, times, strict=True):
            demo.add(
                OrderEvent,
                order_id=order_id,
                from_status=previous,
                to_status=step,
                at=at,
                attendant_id=None,
            )
            previous = step
        if status is OrderStatus.PAID:
            assert actual_units is not None
            _payments(demo, order_id, actual_units * service.unit_price_cents, times[-1])
        if status in (OrderStatus.DONE, OrderStatus.PAID) and rng.random() < 0.62:
            _rating(demo, order_id, lulu_id, done_at)


def _payments(demo: _Demo, order_id: uuid.UUID, total: int, at: datetime) -> None:
    rng = demo.rng
    methods = [
        PaymentMethod.CASH,
        PaymentMethod.CARD,
        PaymentMethod.CHEQUE,
        PaymentMethod.CESU,
        PaymentMethod.TRANSFER,
    ]
    method = rng.choices(methods, [35, 30, 10, 20, 5])[0]
    parts = [(method, total)]
    if method is PaymentMethod.CESU and total > 1500 and rng.random() < 0.5:
        parts = [(PaymentMethod.CESU, 1500), (PaymentMethod.CASH, total - 1500)]
    for method, amount in parts:
        demo.add(
            Payment,
            id=demo.uuid(),
            order_id=order_id,
            kind=PaymentKind.PAYMENT,
            method=method,
            amount_cents=amount,
            at=at,
            attendant_id=None,
        )


def _rating(demo: _Demo, order_id: uuid.UUID, lulu_id: uuid.UUID | None, done_at: datetime) -> None:
    rng = demo.rng
    stars = rng.choices([5, 4, 3, 2, 1], [58, 28, 9, 3, 2])[0]
    demo.add(
        Rating,
        id=demo.uuid(),
        order_id=order_id,
        stars=stars,
        comment=rng.choice(demo.people["rating_comments_fr"]) if rng.random() < 0.7 else "",
        at=min(demo.now, done_at + timedelta(hours=rng.randrange(1, 30))),
    )
    if lulu_id is not None:
        for lulu in demo.rows[Lulu]:
            if lulu["id"] == lulu_id:
                lulu["rating_sum"] += stars
                lulu["rating_count"] += 1


def _visits(demo: _Demo) -> None:
    for _ in range(KIOSK_VISITS):
        demo.add(
            KioskVisit,
            id=demo.uuid(),
            started_at=demo.moment(demo.day_of_month()),
            lang="en" if demo.rng.random() < 0.1 else "fr",
        )


# What the outbox holds for the month, in the order the server needs them (a client
# before its orders, an order before its payments and rating), as the services write it:
# an order is created `requested` and moved along its path by transitions (the server
# refuses an order created in any other state).
_PENDING: tuple[tuple[type, str, str, str], ...] = (
    (Client, "client", "create", "created_at"),
    (LuluApplication, "lulu_application", "append", "created_at"),
    (Order, "order", "create", "created_at"),
    (OrderEvent, "order", "transition", "at"),
    (Payment, "payment", "append", "at"),
    (Rating, "rating", "append", "at"),
    (KioskVisit, "visit", "append", "started_at"),
)
_AS_PLACED: dict[str, Any] = {
    "status": OrderStatus.REQUESTED.value,
    "version": 1,
    "lulu_id": None,
    "actual_units": None,
    "cancel_reason": None,
}


def _transition(order: dict[str, Any], event: dict[str, Any]) -> dict[str, Any]:
    """An order event as the counter's transition op carries it."""
    step: dict[str, Any] = {"from": event["from_status"].value, "to": event["to_status"].value}
    if event["to_status"] is OrderStatus.ASSIGNED:
        step["lulu_id"] = str(order["lulu_id"])
    elif event["to_status"] is OrderStatus.DONE:
        step["actual_units"] = order["actual_units"]
    elif event["to_status"] is OrderStatus.CANCELLED:
        step["reason"] = order["cancel_reason"]
    return step


def _pending_ops(demo: _Demo) -> list[dict[str, Any]]:
    orders = {row["id"]: row for row in demo.rows.get(Order, [])}
    ops = []
    for model, entity, kind, time_column in _PENDING:
        rows = demo.rows.get(model, [])
        if model is OrderEvent:
            rows = sorted(
                (row for row in rows if row["from_status"] is not None), key=lambda r: r["at"]
            )
        for row in rows:
            if model is OrderEvent:
                entity_id = row["order_id"]
                data = _transition(orders[entity_id], row)
            else:
                entity_id = row["id"]
                data = {k: wire_value(v) for k, v in row.items() if k != "search_name"}
            if model is Order:
                data.update(_AS_PLACED, updated_at=data["created_at"])
            ops.append(
                {
                    "op_id": demo.uuid(),
                    "entity": entity,
                    "entity_id": entity_id,
                    "kind": kind,
                    "base_version": None,
                    "data": data,
                    "created_at": row[time_column],
                    "attempts": 0,
                    "set_aside": False,
                }
            )
    return ops


@dataclass(frozen=True)
class SeedSummary:
    orders: int
    clients: int
    lulus: int
    visits: int

    def __str__(self) -> str:
        return (
            f"{self.orders} orders, {self.clients} clients, {self.lulus} Lulus, "
            f"{self.visits} kiosk visits"
        )


def seed_demo(data_dir: Path, *, as_of: date) -> SeedSummary:
    """Fill a new data folder with the demo month ending on `as_of`. Refuses a folder
    that already holds orders: demo data never mixes with real data. A store this call
    created and could not finish (a full disk) is removed: nothing half-written."""
    store_path = data_dir / STORE_FILENAME
    created = not store_path.exists()
    try:
        return _seed(data_dir, as_of)
    except NotNow:
        raise
    except Exception as error:
        if created:
            for leftover in (store_path, *sidecars(store_path)):
                leftover.unlink(missing_ok=True)
        refusal = error if isinstance(error, StoreUnavailable) else refusal_for(error, data_dir)
        if refusal is None:
            raise
        raise refusal from error


def _seed(data_dir: Path, as_of: date) -> SeedSummary:
    from ..services.attendants import AttendantService

    store = Store.open(data_dir)
    try:
        with store.read() as session:
            if session.scalar(select(func.count()).select_from(Order)):
                raise NotNow("demo.folder_has_data", path=str(data_dir))
        resources = resources_dir() / "demo"
        catalogue = json.loads((resources / "catalogue.json").read_text(encoding="utf-8"))
        people = json.loads((resources / "people.json").read_text(encoding="utf-8"))
        with store.write() as session:
            load_catalogue(session, catalogue)
            assign_kiosk_code(session, DEMO_KIOSK_CODE)
            for key, value in {"kiosk_name": "Saint-Paul", **DEMO_SETTINGS}.items():
                session.add(Setting(key=key, value=value))
        with store.read() as session:
            services = sorted(session.scalars(select(Service)).all(), key=lambda s: s.code)
            categories = dict(session.execute(select(Category.id, Category.code)).all())
        now = datetime.combine(as_of, time(CLOSING, 0), PARIS).astimezone(UTC)
        demo = _Demo(random.Random(SEED), as_of, now, services, categories, people)
        used_phones: set[str] = set()
        lulus = _lulus(demo, used_phones)
        _applications(demo, used_phones)
        clients = _clients(demo, used_phones)
        _orders(demo, clients, lulus)
        _visits(demo)
        with store.write() as session:
            for model in (
                Lulu,
                LuluSkill,
                LuluFile,
                LuluApplication,
                Client,
                Order,
                OrderEvent,
                Payment,
                Rating,
                KioskVisit,
            ):
                rows = demo.rows.get(model, [])
                if rows:
                    session.execute(insert(model), rows)
            session.execute(insert(NumberSeries).values(name=ORDER_SERIES, next_value=ORDERS + 1))
        # The month waits in the outbox, as on a kiosk that worked offline: the first
        # sync sends it to the central server (`kiosk --demo` starts one on loopback).
        with store.write() as session:
            session.execute(insert(OutboxOp), _pending_ops(demo))
        # Each paid order has its invoice, numbered in the order they were paid, as the
        # counter would have issued them (gapless, chronological).
        paid_at = {
            row["order_id"]: row["at"]
            for row in demo.rows[OrderEvent]
            if row["to_status"] is OrderStatus.PAID
        }
        with store.write() as session:
            paid = session.scalars(select(Order).where(Order.status == OrderStatus.PAID)).all()
            for order in sorted(paid, key=lambda o: (paid_at[o.id], o.number)):
                issue_invoice(session, order, now=paid_at[order.id])
        attendants = AttendantService(store, clock=lambda: now)
        for name, role, pin in DEMO_ATTENDANTS:
            attendants.add(name, role, pin)
        return SeedSummary(
            orders=len(demo.rows[Order]),
            clients=len(clients),
            lulus=len(demo.rows[Lulu]),
            visits=len(demo.rows[KioskVisit]),
        )
    finally:
        store.close()
