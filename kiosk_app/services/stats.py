"""The month at a glance: the pilot's figures (orders, services done, Lulus onboarded
and in progress, kiosk visits) and more, computed from the store."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync.protocol import OrderStatus

from ..clock import PARIS
from ..store.database import Store
from ..store.models import (
    SIGNED_AMOUNT,
    KioskVisit,
    OnboardingStage,
    Order,
    OrderEvent,
    Payment,
    Rating,
)
from .lulus import count_by_stage


@dataclass(frozen=True, slots=True)
class TopService:
    name_fr: str
    name_en: str
    orders: int


@dataclass(frozen=True, slots=True)
class Stats:
    start: date
    end: date  # inclusive
    orders: int
    services_done: int
    lulus_onboarded: int
    lulus_in_progress: int
    lulu_candidates: int
    kiosk_visits: int
    revenue_cents: int
    average_rating: float | None
    ratings: int
    orders_by_status: dict[str, int]
    orders_by_channel: dict[str, int]
    orders_per_day: dict[str, int]
    top_services: list[TopService]

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["start"] = self.start.isoformat()
        data["end"] = self.end.isoformat()
        return data


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """Paris days from `start` to `end` inclusive, as aware instants."""
    return (
        datetime.combine(start, time(), PARIS),
        datetime.combine(end + timedelta(days=1), time(), PARIS),
    )


def compute_stats(session: Session, start: date, end: date) -> Stats:
    since, until = _bounds(start, end)
    in_period = (Order.created_at >= since, Order.created_at < until)

    orders = session.scalar(select(func.count()).select_from(Order).where(*in_period)) or 0
    done = (
        session.scalar(
            select(func.count(func.distinct(OrderEvent.order_id))).where(
                OrderEvent.to_status == OrderStatus.DONE,
                OrderEvent.at >= since,
                OrderEvent.at < until,
            )
        )
        or 0
    )
    stages = count_by_stage(session)
    visits = (
        session.scalar(
            select(func.count())
            .select_from(KioskVisit)
            .where(KioskVisit.started_at >= since, KioskVisit.started_at < until)
        )
        or 0
    )
    revenue = session.scalar(
        select(func.coalesce(func.sum(SIGNED_AMOUNT), 0)).where(
            Payment.at >= since, Payment.at < until
        )
    )
    rating_avg, rating_count = session.execute(
        select(func.avg(Rating.stars), func.count()).where(Rating.at >= since, Rating.at < until)
    ).one()
    by_status = dict(
        session.execute(
            select(Order.status, func.count()).where(*in_period).group_by(Order.status)
        ).all()
    )
    by_channel = dict(
        session.execute(
            select(Order.channel, func.count()).where(*in_period).group_by(Order.channel)
        ).all()
    )
    # Days in Paris time: group in Python over the period's creation times, which is
    # exact across daylight-saving changes (SQLite knows no time zones).
    per_day = {(start + timedelta(days=i)).isoformat(): 0 for i in range((end - start).days + 1)}
    for (created,) in session.execute(select(Order.created_at).where(*in_period)):
        per_day[created.astimezone(PARIS).date().isoformat()] += 1
    top = session.execute(
        select(Order.service_name_fr, Order.service_name_en, func.count().label("n"))
        .where(*in_period)
        .group_by(Order.service_name_fr, Order.service_name_en)
        .order_by(func.count().desc(), Order.service_name_fr)
        .limit(5)
    )
    return Stats(
        start=start,
        end=end,
        orders=orders,
        services_done=done,
        lulus_onboarded=stages[OnboardingStage.ONBOARDED],
        lulus_in_progress=stages[OnboardingStage.FILE_IN_PROGRESS],
        lulu_candidates=stages[OnboardingStage.CANDIDATE],
        kiosk_visits=visits,
        revenue_cents=int(revenue or 0),
        average_rating=round(float(rating_avg), 2) if rating_avg is not None else None,
        ratings=rating_count,
        orders_by_status={s.value: by_status.get(s, 0) for s in OrderStatus},
        orders_by_channel={c.value: n for c, n in by_channel.items()},
        orders_per_day=per_day,
        top_services=[TopService(fr, en, n) for fr, en, n in top],
    )


class StatsService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def compute(self, start: date, end: date) -> Stats:
        with self._store.read() as session:
            return compute_stats(session, start, end)

    def activity_span(self) -> tuple[date, date] | None:
        """First and last Paris day with an order: the default period of `kiosk stats`."""
        with self._store.read() as session:
            span = session.execute(
                select(func.min(Order.created_at), func.max(Order.created_at))
            ).one()
        first: datetime | None = span[0]
        last: datetime | None = span[1]
        if first is None or last is None:
            return None  # no order yet
        return first.astimezone(PARIS).date(), last.astimezone(PARIS).date()
