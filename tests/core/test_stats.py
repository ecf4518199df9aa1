"""The figures of the pilot's report, counted from what the store holds, by Paris days."""

from __future__ import annotations

import uuid
from datetime import date

from kiosk_app.comptoir import Comptoir
from kiosk_app.services.orders import OrderView
from kiosk_app.store.models import PaymentKind
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
