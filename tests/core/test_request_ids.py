"""Every tap once, in the core: an order, a payment, a refund, a rating and a till
closing carry the screen's request id; the same id twice is one record (the first is
returned, nothing is written again, not even to the outbox)."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain import validation
from kiosk_app.errors import ValidationError
from kiosk_app.views.attendants import AttendantView
from kiosk_app.views.orders import OrderView
from kiosk_app.views.payments import PaymentView
from sync.protocol import OrderStatus, PaymentMethod

from .support import Clock, order_request, row_counts


def test_the_same_order_request_twice_is_one_order(comptoir: Comptoir, clock: Clock) -> None:
    request_id = uuid.uuid4()
    first = comptoir.orders.place(order_request(comptoir, clock.now), request_id=request_id)
    before = row_counts(comptoir)
    # Even once its slot has begun: a retry is that order, not a refusal.
    clock.advance(days=2)
    again = comptoir.orders.place(order_request(comptoir, clock.now), request_id=request_id)
    assert again.id == first.id and again.number == first.number
    assert row_counts(comptoir) == before
    other = comptoir.orders.place(order_request(comptoir, clock.now), request_id=uuid.uuid4())
    assert other.id != first.id


def test_the_same_payment_request_twice_is_one_payment(
    comptoir: Comptoir, done: OrderView, attendant: AttendantView
) -> None:
    request_id = str(uuid.uuid4())
    first = comptoir.payments.record(
        done.id, PaymentMethod.CASH, 500, attendant_id=attendant.id, request_id=request_id
    )
    before = row_counts(comptoir)
    again = comptoir.payments.record(
        done.id, PaymentMethod.CASH, 500, attendant_id=attendant.id, request_id=request_id
    )
    assert again == first
    assert row_counts(comptoir) == before
    assert [p.amount_cents for p in comptoir.payments.for_order(done.id)] == [500]
    assert comptoir.orders.get(done.id).status is OrderStatus.DONE  # 5 € of 10 € paid


def test_a_payment_that_settled_the_order_answers_its_retry(
    comptoir: Comptoir, done: OrderView, attendant: AttendantView
) -> None:
    """After the first settled the order, nothing is due: the retry is still answered
    with that payment, not refused as "nothing due"."""
    request_id = uuid.uuid4()
    first = comptoir.payments.record(
        done.id, PaymentMethod.CARD, 1000, attendant_id=attendant.id, request_id=request_id
    )
    before = row_counts(comptoir)
    again = comptoir.payments.record(
        done.id, PaymentMethod.CARD, 1000, attendant_id=attendant.id, request_id=request_id
    )
    assert again == first and row_counts(comptoir) == before


def test_the_same_refund_request_twice_gives_back_once(
    comptoir: Comptoir, done: OrderView, attendant: AttendantView
) -> None:
    paid = comptoir.payments.record(done.id, PaymentMethod.CASH, 1000, attendant_id=attendant.id)
    request_id = uuid.uuid4()
    first = comptoir.refunds.refund(paid.id, 300, attendant_id=attendant.id, request_id=request_id)
    before = row_counts(comptoir)
    again = comptoir.refunds.refund(paid.id, 300, attendant_id=attendant.id, request_id=request_id)
    assert again == first
    assert row_counts(comptoir) == before
    assert comptoir.refunds.refundable(paid.id) == 700


def test_the_same_rating_request_twice_is_one_rating(comptoir: Comptoir, done: OrderView) -> None:
    request_id = uuid.uuid4()
    first = comptoir.ratings.rate(done.id, 5, "Merci !", request_id=request_id)
    before = row_counts(comptoir)
    again = comptoir.ratings.rate(done.id, 5, "Merci !", request_id=request_id)
    assert again == first and row_counts(comptoir) == before


def test_the_same_closing_request_twice_closes_once(
    comptoir: Comptoir, done: OrderView, attendant: AttendantView
) -> None:
    comptoir.till.open(100_00, attendant.id)
    comptoir.payments.record(done.id, PaymentMethod.CASH, 1000, attendant_id=attendant.id)
    session = comptoir.till.current()
    assert session is not None
    counted = {line.method: line.expected_cents for line in session.lines}
    request_id = uuid.uuid4()
    first = comptoir.till.close(counted, attendant.id, request_id=request_id)
    before = row_counts(comptoir)
    again = comptoir.till.close(counted, attendant.id, request_id=request_id)
    assert again == first and not again.is_open
    assert row_counts(comptoir) == before
    assert [s.number for s in comptoir.till.closed()] == [first.number]


def test_a_request_id_used_for_another_action_is_refused(
    comptoir: Comptoir, done: OrderView, attendant: AttendantView
) -> None:
    request_id = uuid.uuid4()
    comptoir.ratings.rate(done.id, 4, request_id=request_id)
    before = row_counts(comptoir)
    with pytest.raises(ValidationError) as refused:
        comptoir.payments.record(
            done.id, PaymentMethod.CASH, 500, attendant_id=attendant.id, request_id=request_id
        )
    assert refused.value.fields == {"request_id": "request_id.reused"}
    assert row_counts(comptoir) == before


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    request_id=st.one_of(
        st.text(st.characters(exclude_categories=()), max_size=80),
        st.sampled_from(["'; DROP TABLE payments;--", "😀", "\x00", "a" * 65, "a" * 64, " "]),
        st.builds(lambda chunk: chunk * 5_000, st.text(min_size=1, max_size=3)),
        st.integers(),
        st.none(),
    )
)
def test_any_request_id_is_kept_whole_or_refused_before_writing(
    comptoir: Comptoir, done: OrderView, attendant: AttendantView, request_id: object
) -> None:
    before = row_counts(comptoir)
    try:
        expected = validation.request_id(request_id) if request_id is not None else None
    except ValidationError:
        expected = "refused"

    def pay() -> PaymentView:
        return comptoir.payments.record(
            done.id,
            PaymentMethod.CASH,
            1,  # a cent: a thousand new payments fit in the 10 € due
            attendant_id=attendant.id,
            request_id=request_id,  # type: ignore[arg-type]
        )

    try:
        payment = pay()
    except ValidationError as error:
        assert expected == "refused"
        assert error.fields == {"request_id": "request_id.invalid"}
        assert row_counts(comptoir) == before
        return
    assert expected != "refused"
    if expected is not None:
        # The same id again (first time or not in this run): still one payment under it.
        assert pay() == payment
