"""The demo month's activity: orders (how the 311 stand at the end of the month, each
with the steps of its lifecycle), their payments and ratings, and the kiosk's visits."""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta
from typing import Any

from sync.protocol import Channel, OrderStatus, PaymentMethod

from ..clock import PARIS
from ..domain.kinds import OnboardingStage, PaymentKind
from ..domain.pricing import units_for_minutes
from ..store.models import KioskVisit, Lulu, LuluSkill, Order, OrderEvent, Payment, Rating
from .month import (
    ASSIGNED,
    CANCELLED,
    CLOSING,
    CONFIRMED,
    DAYS,
    DEMO_KIOSK_CODE,
    KIOSK_VISITS,
    OPENING,
    PAID,
    REQUESTED,
    SERVICES_DONE,
    DemoMonth,
)


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


def add_orders(
    demo: DemoMonth,
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


def _payments(demo: DemoMonth, order_id: uuid.UUID, total: int, at: datetime) -> None:
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


def _rating(
    demo: DemoMonth, order_id: uuid.UUID, lulu_id: uuid.UUID | None, done_at: datetime
) -> None:
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


def add_visits(demo: DemoMonth) -> None:
    for _ in range(KIOSK_VISITS):
        demo.add(
            KioskVisit,
            id=demo.uuid(),
            started_at=demo.moment(demo.day_of_month()),
            lang="en" if demo.rng.random() < 0.1 else "fr",
        )
