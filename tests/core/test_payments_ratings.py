"""Payments, refunds and ratings of a done order; the final price from the actual time."""

from __future__ import annotations

import json
import uuid

import pytest

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import PaymentKind
from kiosk_app.errors import (
    AlreadyRated,
    NotFound,
    NotRatable,
    TransitionNotAllowed,
    ValidationError,
)
from kiosk_app.views.attendants import AttendantView
from kiosk_app.views.orders import OrderView
from sync.protocol import OrderStatus, PaymentMethod

from .support import Clock, grown, order_request, row_counts, sqlite_file


@pytest.mark.parametrize(
    ("minutes", "units"), [(1, 1), (20, 1), (21, 2), (40, 2), (41, 3), (24 * 60, 72)]
)
def test_mark_done_rounds_the_actual_time_up_to_the_unit(
    comptoir: Comptoir,
    placed: OrderView,
    lulu_id: uuid.UUID,
    attendant: AttendantView,
    minutes: int,
    units: int,
) -> None:
    comptoir.orders.confirm(placed.id, attendant_id=attendant.id)
    comptoir.orders.assign(placed.id, lulu_id, attendant_id=attendant.id)

    done = comptoir.orders.mark_done(placed.id, minutes, attendant_id=attendant.id)

    assert done.actual_units == units
    assert done.final_price is not None
    assert done.final_price.total_cents == units * 500
    assert comptoir.orders.get(placed.id).price_due.total_cents == units * 500
    assert comptoir.payments.balance_due(placed.id) == units * 500


@pytest.mark.parametrize("minutes", [0, -5, 24 * 60 + 1])
def test_mark_done_refuses_an_impossible_time(
    comptoir: Comptoir,
    placed: OrderView,
    lulu_id: uuid.UUID,
    attendant: AttendantView,
    minutes: int,
) -> None:
    comptoir.orders.confirm(placed.id, attendant_id=attendant.id)
    assigned = comptoir.orders.assign(placed.id, lulu_id, attendant_id=attendant.id)
    before = row_counts(comptoir)
    with pytest.raises(ValidationError) as raised:
        comptoir.orders.mark_done(placed.id, minutes, attendant_id=attendant.id)
    assert raised.value.fields == {"actual_minutes": "actual_minutes.out_of_range"}
    assert comptoir.orders.get(placed.id) == assigned
    assert row_counts(comptoir) == before


def test_partial_then_full_payment_marks_a_done_order_paid(
    comptoir: Comptoir, done: OrderView, attendant: AttendantView
) -> None:
    assert done.price_due.total_cents == 1000
    before = row_counts(comptoir)

    comptoir.payments.record(done.id, PaymentMethod.CASH, 400, attendant_id=attendant.id)
    assert comptoir.orders.get(done.id).status is OrderStatus.DONE
    assert comptoir.payments.balance_due(done.id) == 600

    comptoir.payments.record(done.id, PaymentMethod.CESU, 600, attendant_id=attendant.id)
    paid = comptoir.orders.get(done.id)
    assert paid.status is OrderStatus.PAID
    assert paid.version == done.version + 1
    assert comptoir.payments.balance_due(done.id) == 0
    assert [(p.method, p.amount_cents) for p in comptoir.payments.for_order(done.id)] == [
        (PaymentMethod.CASH, 400),
        (PaymentMethod.CESU, 600),
    ]
    # Two payments and one transition, each with its outbox row; audited.
    delta = grown(before, row_counts(comptoir))
    assert delta["payments"] == 2
    assert delta["order_events"] == 1
    assert delta["audit_log"] == 3
    with sqlite_file(comptoir.store.path) as conn:
        ops = conn.execute(
            "SELECT entity, kind, data FROM outbox WHERE seq > ? ORDER BY seq",
            (before["outbox"],),
        ).fetchall()
    payment_ops = [
        json.loads(data)["amount_cents"]
        for entity, kind, data in ops
        if (entity, kind) == ("payment", "append")
    ]
    assert payment_ops == [400, 600]
    transitions = [json.loads(data) for entity, kind, data in ops if kind == "transition"]
    # With the units it was paid on: the server refuses it on another kiosk's done.
    assert transitions == [{"from": "done", "to": "paid", "actual_units": done.actual_units}]


def test_paying_before_the_service_is_done_keeps_the_order_open(
    comptoir: Comptoir, placed: OrderView, attendant: AttendantView
) -> None:
    comptoir.payments.record(placed.id, PaymentMethod.CARD, 1000, attendant_id=attendant.id)
    assert comptoir.orders.get(placed.id).status is OrderStatus.REQUESTED


def test_refunds_cannot_exceed_what_was_paid(
    comptoir: Comptoir, done: OrderView, attendant: AttendantView
) -> None:
    comptoir.payments.record(done.id, PaymentMethod.CASH, 1000, attendant_id=attendant.id)
    before = row_counts(comptoir)
    with pytest.raises(ValidationError) as raised:
        comptoir.payments.record(
            done.id, PaymentMethod.CASH, 1001, attendant_id=None, kind=PaymentKind.REFUND
        )
    assert raised.value.fields == {"amount": "refund.more_than_paid"}
    assert row_counts(comptoir) == before

    comptoir.payments.record(
        done.id, PaymentMethod.CASH, 300, attendant_id=None, kind=PaymentKind.REFUND
    )
    comptoir.payments.record(
        done.id, PaymentMethod.CASH, 700, attendant_id=None, kind=PaymentKind.REFUND
    )
    with pytest.raises(ValidationError):
        comptoir.payments.record(
            done.id, PaymentMethod.CASH, 1, attendant_id=None, kind=PaymentKind.REFUND
        )
    # The order was paid and invoiced: each refund cancelled that much of the invoice
    # (a credit note), so nothing is owed again and no new payment is taken.
    credit_notes = [i for i in comptoir.invoices.for_order(done.id) if i.kind.value != "invoice"]
    assert [c.amount_cents for c in credit_notes] == [300, 700]
    assert comptoir.payments.balance_due(done.id) == 0
    with pytest.raises(ValidationError) as raised:
        comptoir.payments.record(done.id, PaymentMethod.CASH, 100, attendant_id=None)
    assert raised.value.fields == {"amount": "payment.nothing_due"}


@pytest.mark.parametrize("amount", [0, -100, 10_000_01])
def test_amounts_out_of_range_are_refused(comptoir: Comptoir, done: OrderView, amount: int) -> None:
    before = row_counts(comptoir)
    with pytest.raises(ValidationError) as raised:
        comptoir.payments.record(done.id, PaymentMethod.CASH, amount, attendant_id=None)
    assert raised.value.fields == {"amount": "amount.out_of_range"}
    assert row_counts(comptoir) == before


def test_a_cancelled_order_takes_no_payment(comptoir: Comptoir, placed: OrderView) -> None:
    comptoir.orders.cancel(placed.id, "Le client a trouvé quelqu'un", attendant_id=None)
    before = row_counts(comptoir)
    with pytest.raises(TransitionNotAllowed):
        comptoir.payments.record(placed.id, PaymentMethod.CASH, 500, attendant_id=None)
    assert row_counts(comptoir) == before


def test_payment_of_an_unknown_order_is_not_found(comptoir: Comptoir) -> None:
    with pytest.raises(NotFound):
        comptoir.payments.record(uuid.uuid4(), PaymentMethod.CASH, 500, attendant_id=None)


def test_a_done_order_is_rated_once_and_the_lulu_rating_moves(
    comptoir: Comptoir, done: OrderView, lulu_id: uuid.UUID
) -> None:
    assert comptoir.lulus.get(lulu_id).rating_average is None

    rating = comptoir.ratings.rate(done.id, 4, "Très aimable, merci ! 🙏")

    assert comptoir.ratings.for_order(done.id) == rating
    assert rating.comment == "Très aimable, merci ! 🙏"
    lulu = comptoir.lulus.get(lulu_id)
    assert (lulu.rating_count, lulu.rating_average) == (1, 4.0)
    before = row_counts(comptoir)
    with pytest.raises(AlreadyRated):
        comptoir.ratings.rate(done.id, 1, "En fait non")
    assert row_counts(comptoir) == before
    assert comptoir.lulus.get(lulu_id).rating_average == 4.0


def test_a_paid_order_can_be_rated(comptoir: Comptoir, done: OrderView, lulu_id: uuid.UUID) -> None:
    comptoir.payments.record(done.id, PaymentMethod.CASH, 1000, attendant_id=None)
    assert comptoir.orders.get(done.id).status is OrderStatus.PAID
    comptoir.ratings.rate(done.id, 2)
    assert comptoir.lulus.get(lulu_id).rating_average == 2.0


@pytest.mark.parametrize("step", ["requested", "confirmed", "assigned", "cancelled"])
def test_only_done_orders_are_rated(
    comptoir: Comptoir, placed: OrderView, lulu_id: uuid.UUID, step: str
) -> None:
    if step in ("confirmed", "assigned"):
        comptoir.orders.confirm(placed.id, attendant_id=None)
    if step == "assigned":
        comptoir.orders.assign(placed.id, lulu_id, attendant_id=None)
    if step == "cancelled":
        comptoir.orders.cancel(placed.id, "Erreur de saisie", attendant_id=None)
    before = row_counts(comptoir)
    with pytest.raises(NotRatable):
        comptoir.ratings.rate(placed.id, 5)
    assert row_counts(comptoir) == before
    assert comptoir.ratings.for_order(placed.id) is None


@pytest.mark.parametrize("stars", [0, 6, -1])
def test_stars_out_of_range_are_refused(comptoir: Comptoir, done: OrderView, stars: int) -> None:
    with pytest.raises(ValidationError) as raised:
        comptoir.ratings.rate(done.id, stars, "x" * 501)
    assert raised.value.fields == {"stars": "stars.out_of_range", "comment": "comment.too_long"}
    assert comptoir.ratings.for_order(done.id) is None


def test_visits_are_counted(comptoir: Comptoir) -> None:
    before = row_counts(comptoir)
    comptoir.visits.count_visit("fr")
    comptoir.visits.count_visit("en")
    comptoir.visits.count_visit("xx")
    assert grown(before, row_counts(comptoir)) == {"kiosk_visits": 3, "outbox": 3}
    with sqlite_file(comptoir.store.path) as conn:
        langs = sorted(lang for (lang,) in conn.execute("SELECT lang FROM kiosk_visits"))
        kinds = set(conn.execute("SELECT entity, kind FROM outbox"))
    assert langs == ["en", "fr", "fr"]
    assert kinds == {("visit", "append")}


def test_paid_ahead_is_settled_when_marked_done_and_overpayment_is_refused(
    comptoir: Comptoir, clock: Clock, lulu_id: uuid.UUID
) -> None:
    """A resident pays the estimate at the counter before the Lulu comes: when the
    attendant marks the order done within the estimate, it is paid and invoiced at once;
    paying again is refused instead of silently recorded."""
    order = comptoir.orders.place(order_request(comptoir, clock.now))
    comptoir.orders.confirm(order.id, attendant_id=None)
    due = comptoir.payments.balance_due(order.id)
    with pytest.raises(ValidationError) as too_much:
        comptoir.payments.record(order.id, PaymentMethod.CARD, due + 1, attendant_id=None)
    assert too_much.value.fields == {"amount": "payment.more_than_due"}
    comptoir.payments.record(order.id, PaymentMethod.CARD, due, attendant_id=None)
    comptoir.orders.assign(order.id, lulu_id, attendant_id=None)
    minutes = order.estimated_units * order.unit_minutes
    done = comptoir.orders.mark_done(order.id, minutes, attendant_id=None)
    assert done.status is OrderStatus.PAID
    assert [i.number for i in comptoir.invoices.for_order(order.id)] == ["F01-2026-00001"]
    with pytest.raises(ValidationError) as again:
        comptoir.payments.record(order.id, PaymentMethod.CASH, 100, attendant_id=None)
    assert again.value.fields == {"amount": "payment.nothing_due"}
