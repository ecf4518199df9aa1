"""The figures of the pilot's report, counted from what the store holds, by Paris days."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import PaymentKind
from kiosk_app.views.orders import OrderView
from kiosk_app.views.stats import month_of, months_after
from sync.protocol import PaymentMethod

from .support import Clock, order_request

THURSDAY = date(2026, 11, 26)


def test_visits_orders_services_done_and_revenue(
    comptoir: Comptoir, clock: Clock, done: OrderView, lulu_id: uuid.UUID
) -> None:
    for lang in ("fr", "fr", "en"):
        comptoir.visits.count_visit(lang)
    comptoir.payments.record(done.id, PaymentMethod.CASH, 1000, attendant_id=None)
    comptoir.payments.record(
        done.id, PaymentMethod.CASH, 200, attendant_id=None, kind=PaymentKind.REFUND
    )
    comptoir.ratings.rate(done.id, 5)
    comptoir.orders.place(order_request(comptoir, clock.now, phone="06 98 76 54 32"))

    stats = comptoir.stats.compute(THURSDAY, THURSDAY)

    assert stats.kiosk_visits == 3
    assert stats.orders == 2
    assert stats.services_done == 1
    assert stats.revenue_cents == 800
    assert (stats.ratings, stats.average_rating) == (1, 5.0)
    assert stats.lulu_candidates == 1
    assert stats.orders_by_status["paid"] == 1
    assert stats.orders_by_status["requested"] == 1
    assert stats.orders_per_day == {"2026-11-26": 2}
    assert stats.top_services[0].name_fr == "Montée de courses"
    assert stats.top_services[0].orders == 2


def test_days_are_paris_days(comptoir: Comptoir, clock: Clock) -> None:
    # 23:30 UTC on Thursday is 00:30 on Friday in Paris (UTC+1 in November).
    clock.advance(hours=14, minutes=30)
    comptoir.visits.count_visit("fr")
    comptoir.orders.place(order_request(comptoir, clock.now))

    thursday = comptoir.stats.compute(THURSDAY, THURSDAY)
    friday = comptoir.stats.compute(date(2026, 11, 27), date(2026, 11, 27))

    assert (thursday.orders, thursday.kiosk_visits) == (0, 0)
    assert (friday.orders, friday.kiosk_visits) == (1, 1)
    assert friday.orders_per_day == {"2026-11-27": 1}


def test_orders_per_day_follow_paris_days_across_the_clocks_going_back(
    comptoir: Comptoir, clock: Clock
) -> None:
    # Sunday 25 October 2026, 03:00 summer time became 02:00 winter time (01:00 UTC):
    # that Paris day lasted 25 hours, from 22:00 UTC on the 24th to 23:00 UTC on the 25th.
    for moment in (
        datetime(2026, 10, 24, 21, 30, tzinfo=UTC),  # 23:30 on the 24th, summer time
        datetime(2026, 10, 24, 22, 30, tzinfo=UTC),  # 00:30 on the 25th, summer time
        datetime(2026, 10, 25, 22, 30, tzinfo=UTC),  # 23:30 on the 25th, winter time
        datetime(2026, 10, 25, 23, 30, tzinfo=UTC),  # 00:30 on the 26th, winter time
    ):
        clock.now = moment
        comptoir.orders.place(order_request(comptoir, moment + timedelta(days=2)))

    stats = comptoir.stats.compute(date(2026, 10, 24), date(2026, 10, 26))

    assert stats.orders_per_day == {"2026-10-24": 1, "2026-10-25": 2, "2026-10-26": 1}
    assert comptoir.stats.compute(date(2026, 10, 25), date(2026, 10, 25)).orders == 2


def test_an_empty_period_counts_zero_every_day(comptoir: Comptoir) -> None:
    stats = comptoir.stats.compute(date(2026, 2, 1), date(2026, 2, 28))

    assert (stats.orders, stats.services_done, stats.kiosk_visits, stats.revenue_cents) == (
        0,
        0,
        0,
        0,
    )
    assert stats.average_rating is None and stats.top_services == []
    assert list(stats.orders_per_day.values()) == [0] * 28


def test_month_of_gives_the_calendar_month() -> None:
    assert month_of(date(2026, 11, 26)) == (date(2026, 11, 1), date(2026, 11, 30))
    assert month_of(date(2028, 2, 29)) == (date(2028, 2, 1), date(2028, 2, 29))
    assert month_of(date(2026, 12, 31)) == (date(2026, 12, 1), date(2026, 12, 31))
    assert months_after(date(2026, 11, 26), -1) == date(2026, 10, 1)
    assert months_after(date(2026, 12, 5), 1) == date(2027, 1, 1)
    assert months_after(date(2026, 1, 31), -13) == date(2024, 12, 1)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)), st.integers(-60, 60))
def test_months_move_by_whole_months_and_back(day: date, count: int) -> None:
    first, last = month_of(day)
    assert first.day == 1 and first <= day <= last
    assert (last + timedelta(days=1)).day == 1 and last.month == day.month
    moved = months_after(day, count)
    assert moved.day == 1
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == count
    assert months_after(moved, -count) == first
