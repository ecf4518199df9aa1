"""The month at a glance: the pilot's figures (orders, services done, Lulus onboarded
and in progress, kiosk visits) and more, computed from the store."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync.protocol import Channel, OrderStatus

from ..clock import PARIS
from ..domain.kinds import OnboardingStage
from ..store.database import Store
from ..store.models import SIGNED_AMOUNT, KioskVisit, Order, OrderEvent, Payment, Rating
from ..views.stats import Stats, TopService
from .lulus import count_by_stage


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """Paris days from `start` to `end` inclusive, as aware instants."""
    return (
        datetime.combine(start, time(), PARIS),
        datetime.combine(end + timedelta(days=1), time(), PARIS),
    )


def compute_stats(session: Session, start: date, end: date) -> Stats:
    since, until = _bounds(start, end)
    in_period = (Order.created_at >= since, Order.created_at < until)

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
    # The period's orders are read once, counted by status, channel and UTC hour: one
    # pass over the creation-time index gives the total, both breakdowns and the days.
    # Days are Paris days: SQLite knows no time zones, so each UTC hour ("2026-11-26 08",
    # as stored) goes to its Paris day, exact across daylight-saving changes (Paris is a
    # whole number of hours off UTC).
    utc_hour = func.substr(Order.created_at, 1, 13)
    by_status: Counter[OrderStatus] = Counter()
    by_channel: Counter[Channel] = Counter()
    per_day = {(start + timedelta(days=i)).isoformat(): 0 for i in range((end - start).days + 1)}
    for status, channel, hour, count in session.execute(
        select(Order.status, Order.channel, utc_hour, func.count())
        .where(*in_period)
        .group_by(Order.status, Order.channel, utc_hour)
    ):
        by_status[status] += count
        by_channel[channel] += count
        moment = datetime.strptime(hour, "%Y-%m-%d %H").replace(tzinfo=UTC)
        per_day[moment.astimezone(PARIS).date().isoformat()] += count
    orders = sum(by_status.values())
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
        orders_by_channel={c.value: by_channel[c] for c in Channel if by_channel[c]},
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
