"""Faults 6 to 8 of issue 6: the server decides. The lifecycle settles concurrent
transitions, a bad op is rejected alone and set aside, and the kiosk's clock changes
nothing in what is applied."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import update
from sync_harness import Clock, Kiosk, LiveServer, assert_same_records, order_request, server_rows

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.validation import phone
from kiosk_app.store.models import OutboxOp
from server.catalogue import import_catalogue
from server.scopes import DeviceKind
from sync.client import SyncClient
from sync.protocol import OrderStatus, Outcome

LULU_ID = uuid.UUID("5a1d0c5e-8d62-4a55-9d52-0a3c1e2f7b10")


def add_lulu(central: LiveServer) -> None:
    with central.db.write() as session:
        import_catalogue(
            session,
            {"lulus": [{"id": str(LULU_ID), "display_name": "Karim B.", "skills": ["courses"]}]},
            now=datetime.now(UTC),
        )


def web_client(central: LiveServer) -> SyncClient:
    """The association's back office, which may change any order (an administrator's
    credential: another kiosk may not, see test_order_owners.py)."""
    token = central.enrol(f"web-{uuid.uuid4().hex[:6]}", datetime.now(UTC), kind=DeviceKind.ADMIN)
    return SyncClient(central.url, token)


def transition(order_id: uuid.UUID, from_: str, to: str, **extra: Any) -> dict[str, Any]:
    return {
        "op_id": str(uuid.uuid4()),
        "entity": "order",
        "entity_id": str(order_id),
        "kind": "transition",
        "base_version": None,
        "data": {"from": from_, "to": to, **extra},
    }


def test_a_cancellation_at_the_kiosk_loses_to_an_assignment_on_the_web(
    kiosk: Kiosk, central: LiveServer, clock: Clock
) -> None:
    """Fault 6: the web side assigned the order while the kiosk (not yet told)
    cancelled it from `confirmed`. The lifecycle decides; the kiosk gets `conflict`
    and shows the server's state."""
    add_lulu(central)
    kiosk.sync()
    order = kiosk.app.orders.place(order_request(kiosk.app, clock.now))
    kiosk.app.orders.confirm(order.id, attendant_id=None)
    kiosk.sync()
    web = web_client(central)
    answer = web.push([transition(order.id, "confirmed", "assigned", lulu_id=str(LULU_ID))], "w1")
    assert answer.results[0].outcome is Outcome.APPLIED
    kiosk.app.orders.cancel(order.id, "Plus besoin", attendant_id=None)
    report = kiosk.sync()
    assert report.pushed.conflict == 1
    shown = kiosk.app.orders.get(order.id)
    assert shown.status is OrderStatus.ASSIGNED and shown.lulu_id == LULU_ID
    assert [step.status for step in kiosk.app.orders.timeline(order.id)][-1] is (
        OrderStatus.ASSIGNED
    )
    web.close()
    assert_same_records(kiosk.app, central.db)


def test_transitions_in_the_wrong_order_and_final_states_never_regress(
    kiosk: Kiosk, central: LiveServer, clock: Clock
) -> None:
    add_lulu(central)
    kiosk.sync()
    order = kiosk.app.orders.place(order_request(kiosk.app, clock.now))
    kiosk.sync()
    web = web_client(central)
    done_first = transition(order.id, "assigned", "done", actual_units=2)
    assign = transition(order.id, "confirmed", "assigned", lulu_id=str(LULU_ID))
    confirm = transition(order.id, "requested", "confirmed")
    answer = web.push([done_first, assign, confirm], "w1")
    assert [r.outcome for r in answer.results] == [
        Outcome.CONFLICT,
        Outcome.CONFLICT,
        Outcome.APPLIED,
    ]
    assert answer.results[0].server_row is not None
    assert answer.results[0].server_row["status"] == "requested"
    cancel = transition(order.id, "confirmed", "cancelled", reason="Annulée au téléphone")
    assert web.push([cancel], "w2").results[0].outcome is Outcome.APPLIED
    # A late step from the kiosk's past: cancelled is final.
    late = web.push([transition(order.id, "confirmed", "assigned", lulu_id=str(LULU_ID))], "w3")
    assert late.results[0].outcome is Outcome.CONFLICT
    assert server_rows(central.db, "order")[str(order.id)]["status"] == "cancelled"
    kiosk.sync()
    assert kiosk.app.orders.get(order.id).status is OrderStatus.CANCELLED
    web.close()
    assert_same_records(kiosk.app, central.db)


def test_one_invalid_op_among_a_hundred(kiosk: Kiosk, central: LiveServer, clock: Clock) -> None:
    """Fault 7: 99 applied, 1 rejected with its reason; the queue moves on, and an op
    rejected three times is set aside for the attendant."""
    placed = [
        kiosk.app.orders.place(order_request(kiosk.app, clock.now + timedelta(minutes=n)))
        for n in range(99)
    ]  # one client (same phone) and 99 orders: 100 ops
    bad = placed[41]
    with kiosk.app.store.write() as session:
        op = session.query(OutboxOp).filter(OutboxOp.entity_id == bad.id).one()
        session.execute(
            update(OutboxOp)
            .where(OutboxOp.seq == op.seq)
            .values(data={**op.data, "estimated_units": -3})
        )
    report = kiosk.sync()
    assert (report.pushed.applied, report.pushed.rejected) == (99, 1)
    assert len(server_rows(central.db, "order")) == 98
    with kiosk.app.store.read() as session:
        left = session.query(OutboxOp).one()
        assert left.entity_id == bad.id and "estimated_units" in (left.last_error or "")
    kiosk.sync()
    final = kiosk.sync()
    assert final.set_aside == 1 and final.pending == 0
    from kiosk_app.services.sync_state import set_aside_ops

    with kiosk.app.store.read() as session:
        (aside,) = set_aside_ops(session)
    assert aside.entity_id == bad.id and aside.attempts == 3
    from kiosk_app.services.sync_state import SyncStateService

    state = SyncStateService(kiosk.app.store)
    (shown,) = state.set_aside()
    assert "estimated_units" in (shown.last_error or "") and state.counts().set_aside == 1
    state.retry(shown.op_id)  # the attendant puts it back: it is refused again, once
    assert kiosk.sync().pushed.rejected == 1 and state.counts().set_aside == 0
    kiosk.sync()
    assert kiosk.sync().set_aside == 1  # and set aside again after three refusals
    # Everything but the set-aside order agrees, record by record.
    assert_same_records(kiosk.app, central.db, set_aside=frozenset({str(bad.id)}))


def test_the_kiosks_clock_changes_nothing(
    kiosk: Kiosk, central: LiveServer, clock: Clock, tmp_path: Any
) -> None:
    """Fault 8: a kiosk a year ahead and one a day behind: their orders apply as any
    other, and the pull cursor (the server's numbers) is not a time."""
    clock.advance(days=365)
    ahead = kiosk.app.orders.place(order_request(kiosk.app, clock.now, n=1))
    assert kiosk.sync().pushed.applied == 2
    behind_clock = type(clock)(datetime.now(UTC) - timedelta(days=1))
    behind_app = Comptoir.open(tmp_path / "behind", clock=behind_clock)
    try:
        from sync_harness import enrolled

        # Its own order series: the code the server gives it at enrolment.
        behind = enrolled(behind_app, central, "behind")
        assert behind_app.settings.get().kiosk_code not in ("", kiosk.app.settings.get().kiosk_code)
        behind.sync()
        late = behind_app.orders.place(order_request(behind_app, behind_clock.now, n=2))
        assert behind.sync().pushed.applied == 2
        # Each reads the other's order once the resident is looked up at its counter.
        kiosk.client.lookup(phone(order_request(kiosk.app, clock.now, n=2).phone), late.number)
        behind.client.lookup(phone(order_request(kiosk.app, clock.now, n=1).phone), ahead.number)
        behind.sync()
        kiosk.sync()
        assert kiosk.app.orders.get(late.id).number == late.number
        assert behind_app.orders.get(ahead.id).number == ahead.number
        assert_same_records(kiosk.app, central.db)
        assert_same_records(behind_app, central.db)
        behind.client.close()
    finally:
        behind_app.close()
