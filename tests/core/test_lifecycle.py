"""The lifecycle table, through the services: whatever the attendant taps, in whatever
order, an order only ever moves along the table; `paid` and `cancelled` are final; a
refused step changes nothing."""

from __future__ import annotations

import itertools
import json
import uuid
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import Role
from kiosk_app.errors import NotFound, TransitionNotAllowed, ValidationError
from kiosk_app.views.attendants import AttendantView
from kiosk_app.views.orders import OrderView
from sync.protocol import FINAL_STATUSES, TRANSITIONS, OrderStatus, PaymentMethod, is_allowed

from .conftest import FreshComptoir
from .support import Clock, order_request, row_counts, sqlite_file

S = OrderStatus
ACTIONS = ("confirm", "assign", "withdraw", "mark_done", "cancel", "pay")

# What each action asks for, and from where (None: wherever the table allows).
TARGET = {
    "confirm": (S.CONFIRMED, S.REQUESTED),
    "assign": (S.ASSIGNED, None),
    "withdraw": (S.CONFIRMED, S.ASSIGNED),
    "mark_done": (S.DONE, None),
    "cancel": (S.CANCELLED, None),
}


@dataclass
class Counter:
    """The attendant's hands on one order."""

    app: Comptoir
    lulu_id: uuid.UUID
    attendant_id: uuid.UUID

    def do(self, action: str, order_id: uuid.UUID) -> None:
        orders, who = self.app.orders, self.attendant_id
        if action == "confirm":
            orders.confirm(order_id, attendant_id=who)
        elif action == "assign":
            orders.assign(order_id, self.lulu_id, attendant_id=who)
        elif action == "withdraw":
            orders.withdraw(order_id, attendant_id=who)
        elif action == "mark_done":
            orders.mark_done(order_id, 50, attendant_id=who)
        elif action == "cancel":
            orders.cancel(order_id, "Le résident a annulé", attendant_id=who)
        else:
            # The attendant takes what is still due (nothing when all is paid ahead).
            due = self.app.payments.balance_due(order_id)
            self.app.payments.record(order_id, PaymentMethod.CASH, due, attendant_id=who)


def outbox_transitions(app: Comptoir, order: OrderView) -> list[tuple[str, str]]:
    with sqlite_file(app.store.path) as conn:
        rows = conn.execute(
            "SELECT data FROM outbox WHERE entity = 'order' AND kind = 'transition' "
            "AND entity_id = ? ORDER BY seq",
            (order.id.hex,),
        ).fetchall()
    return [(json.loads(data)["from"], json.loads(data)["to"]) for (data,) in rows]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(actions=st.lists(st.sampled_from(ACTIONS), max_size=10))
def test_random_steps_only_follow_the_table(
    fresh_comptoir: FreshComptoir, actions: list[str]
) -> None:
    # Each example starts from the same store: an earlier example's order must not keep
    # the Lulu busy at this one's slot.
    with fresh_comptoir() as (comptoir, clock):
        follow_the_table(comptoir, clock, actions)


def follow_the_table(comptoir: Comptoir, clock: Clock, actions: list[str]) -> None:
    """The attendant taps `actions` in turn on one new order."""
    attendant = comptoir.attendants.add("Camille Martin", Role.ATTENDANT, "482913")
    lulu_id = comptoir.lulus.register_application(
        "Karim Benali", "07 81 22 33 44", ["manutention", "courses"], "Le matin"
    )
    counter = Counter(comptoir, lulu_id, attendant.id)
    order = comptoir.orders.place(order_request(comptoir, clock.now))
    expected: OrderStatus = S.REQUESTED
    for action in actions:
        target: OrderStatus
        clock.advance(minutes=1)
        before = comptoir.orders.get(order.id)
        before_rows = row_counts(comptoir)
        nothing_due = comptoir.payments.balance_due(order.id) == 0
        if action == "pay":
            # A payment is taken while something is due (but on a cancelled order); it
            # settles a done order, and is a payment ahead on one not done yet.
            allowed = expected is not S.CANCELLED and not nothing_due
            target = S.PAID if expected is S.DONE else expected
            # On a cancelled order nothing is due: refused as a step or as an amount.
            refusal: type[Exception] | tuple[type[Exception], ...] = (
                (TransitionNotAllowed, ValidationError)
                if expected is S.CANCELLED
                else ValidationError
            )
        else:
            target, only_from = TARGET[action]
            allowed = is_allowed(expected, target) and only_from in (None, expected)
            refusal = TransitionNotAllowed
        if not allowed:
            with pytest.raises(refusal):
                counter.do(action, order.id)
            # Refused: the order, its version and every table are as they were.
            assert comptoir.orders.get(order.id) == before
            assert row_counts(comptoir) == before_rows
            continue
        counter.do(action, order.id)
        after = comptoir.orders.get(order.id)
        assert after.status is target
        if target is not before.status:
            assert after.version == before.version + 1
            assert after.updated_at == clock.now
        if target is S.ASSIGNED:
            assert after.lulu_id == lulu_id
        if action == "withdraw":
            assert after.lulu_id is None
        if action == "mark_done":
            assert after.actual_units == 3  # 50 minutes in 20-minute units
        expected = target

    # The history and the outbox tell the same story, step by allowed step.
    steps = [step.status for step in comptoir.orders.timeline(order.id)]
    assert steps[0] is S.REQUESTED and steps[-1] is expected
    pairs = list(itertools.pairwise(steps))
    assert all(is_allowed(a, b) for a, b in pairs)
    assert outbox_transitions(comptoir, order) == [(a.value, b.value) for a, b in pairs]
    assert not any(a in FINAL_STATUSES for a, _ in pairs)


def test_paid_and_cancelled_are_final() -> None:
    assert {S.PAID, S.CANCELLED} == FINAL_STATUSES
    for final in FINAL_STATUSES:
        assert TRANSITIONS[final] == frozenset()
        assert not any(is_allowed(final, target) for target in S)


@pytest.mark.parametrize("reason", ["", "   ", "x" * 501, "ok\x00"])
def test_a_cancellation_needs_a_reason(comptoir: Comptoir, placed: OrderView, reason: str) -> None:
    before = row_counts(comptoir)
    with pytest.raises(ValidationError) as raised:
        comptoir.orders.cancel(placed.id, reason, attendant_id=None)
    assert set(raised.value.fields) == {"reason"}
    assert comptoir.orders.get(placed.id) == placed
    assert row_counts(comptoir) == before


def test_assigning_needs_a_known_lulu(comptoir: Comptoir, placed: OrderView) -> None:
    comptoir.orders.confirm(placed.id, attendant_id=None)
    confirmed = comptoir.orders.get(placed.id)
    with pytest.raises(ValidationError) as raised:
        comptoir.orders.assign(placed.id, uuid.uuid4(), attendant_id=None)
    assert raised.value.fields == {"lulu": "lulu.required"}
    assert comptoir.orders.get(placed.id) == confirmed


def test_the_timeline_shows_each_step(
    comptoir: Comptoir, clock: Clock, done: OrderView, attendant: AttendantView
) -> None:
    assert [step.status for step in comptoir.orders.timeline(done.id)] == [
        S.REQUESTED,
        S.CONFIRMED,
        S.ASSIGNED,
        S.DONE,
    ]
    with sqlite_file(comptoir.store.path) as conn:
        actions = [a for (a,) in conn.execute("SELECT action FROM audit_log ORDER BY id")]
    assert actions[-3:] == ["order.confirmed", "order.assigned", "order.done"]


def test_unknown_orders_are_not_found(comptoir: Comptoir) -> None:
    with pytest.raises(NotFound):
        comptoir.orders.confirm(uuid.uuid4(), attendant_id=None)
    with pytest.raises(NotFound):
        comptoir.orders.get(uuid.uuid4())
