"""A lifecycle step is not applied on the server after another kiosk's step that
contradicts it (issue 12): a "paid" taken on "done, 3 units" does not land on another
kiosk's "done, 5 units", nor a "done" taken with one Lulu on another kiosk's assignment
of another Lulu. Found by the three-kiosk chaos test (test_three_kiosks_chaos.py).
With one owner per order, the other kiosk took the order over first: the step taken
offline at the former holder is refused `not_owner` and set aside."""

from __future__ import annotations

import uuid

from sync_harness import (
    Clock,
    Kiosk,
    LiveServer,
    assert_same_records,
    order_request,
    server_rows,
)

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.validation import phone
from kiosk_app.services.sync_state import set_aside_ops
from sync.protocol import OrderStatus, PaymentMethod


def lulu(app: Comptoir, name: str) -> uuid.UUID:
    return app.lulus.register_application(name, "07 81 22 33 44", ["courses"], "")


def assigned_at_both(kiosk: Kiosk, second: Kiosk, clock: Clock, lulu_id: uuid.UUID) -> uuid.UUID:
    """Placed and assigned at the first kiosk; the resident then comes to the second's
    counter, which looks them up (it reads the order) and takes the order over (one
    owner per order: only its holder changes it)."""
    app = kiosk.app
    request = order_request(app, clock.now)
    placed = app.orders.place(request)
    app.orders.confirm(placed.id, attendant_id=None)
    app.orders.assign(placed.id, lulu_id, attendant_id=None)
    kiosk.sync()
    second.client.lookup(phone(request.phone), placed.number)
    second.sync()
    assert second.app.orders.get(placed.id).status is OrderStatus.ASSIGNED
    assert second.app.holding.ask_take_over(placed.id, attendant_id=None)
    second.sync()
    assert second.app.holding.holder(placed.id) is None  # held at the second kiosk now
    return placed.id


def set_aside_reasons(k: Kiosk) -> list[tuple[str, str]]:
    with k.app.store.read() as session:
        return [(op.kind, (op.last_error or "").split(":")[0]) for op in set_aside_ops(session)]


def test_a_paid_on_3_units_does_not_land_on_another_kiosks_done_5_units(
    kiosk: Kiosk, second: Kiosk, central: LiveServer, clock: Clock
) -> None:
    order_id = assigned_at_both(kiosk, second, clock, lulu(kiosk.app, "Karim Benali"))
    second.app.orders.mark_done(order_id, 100, attendant_id=None)  # 5 units of 20 min
    second.sync()
    # Not pulled yet here: done with 3 units, and paid in full for them.
    done_here = kiosk.app.orders.mark_done(order_id, 60, attendant_id=None)
    assert done_here.actual_units == 3
    price_3 = kiosk.app.payments.balance_due(order_id)
    kiosk.app.payments.record(order_id, PaymentMethod.CASH, price_3, attendant_id=None)
    assert kiosk.app.orders.get(order_id).status is OrderStatus.PAID

    report = kiosk.sync()

    # The done and the paid came after the hand-over: refused, not_owner, set aside.
    assert report.pushed.conflict == 0 and report.pushed.set_aside == 2
    assert set_aside_reasons(kiosk) == [("transition", "not_owner")] * 2
    on_server = server_rows(central.db, "order")[str(order_id)]
    assert (on_server["status"], on_server["actual_units"]) == ("done", 5)
    shown = kiosk.app.orders.get(order_id)
    assert (shown.status, shown.actual_units) == (OrderStatus.DONE, 5)
    # The cash is in the till all the same: the payment is on the server, and the
    # order still owes the 2 more units.
    payments = server_rows(central.db, "payment")
    assert [p["amount_cents"] for p in payments.values()] == [price_3]
    assert kiosk.app.payments.balance_due(order_id) == price_3 * 5 // 3 - price_3
    assert_same_records(kiosk.app, central.db)


def test_a_paid_on_the_same_done_still_applies(
    kiosk: Kiosk, second: Kiosk, central: LiveServer, clock: Clock
) -> None:
    order_id = assigned_at_both(kiosk, second, clock, lulu(kiosk.app, "Karim Benali"))
    second.app.orders.mark_done(order_id, 60, attendant_id=None)
    second.sync()
    # The resident pays at the first kiosk's counter, which takes the order back.
    kiosk.sync()
    assert kiosk.app.holding.ask_take_over(order_id, attendant_id=None)
    kiosk.sync()
    due = kiosk.app.payments.balance_due(order_id)
    kiosk.app.payments.record(order_id, PaymentMethod.CARD, due, attendant_id=None)
    report = kiosk.sync()
    assert report.pushed.conflict == 0
    assert server_rows(central.db, "order")[str(order_id)]["status"] == "paid"
    assert_same_records(kiosk.app, central.db)


def test_a_done_with_one_lulu_does_not_land_on_another_lulus_assignment(
    kiosk: Kiosk, second: Kiosk, central: LiveServer, clock: Clock
) -> None:
    order_id = assigned_at_both(kiosk, second, clock, lulu(kiosk.app, "Karim Benali"))
    # The other kiosk withdraws Karim and sends Awa instead.
    awa = lulu(second.app, "Awa Diallo")
    second.app.orders.withdraw(order_id, attendant_id=None)
    second.app.orders.assign(order_id, awa, attendant_id=None)
    second.sync()
    # Here Karim is still on it, and is said to have done it.
    kiosk.app.orders.mark_done(order_id, 40, attendant_id=None)

    report = kiosk.sync()

    # The done came after the hand-over: refused, not_owner, set aside.
    assert report.pushed.conflict == 0 and report.pushed.set_aside == 1
    assert set_aside_reasons(kiosk) == [("transition", "not_owner")]
    on_server = server_rows(central.db, "order")[str(order_id)]
    assert (on_server["status"], on_server["lulu_id"]) == ("assigned", str(awa))
    assert kiosk.app.orders.get(order_id).status is OrderStatus.ASSIGNED
