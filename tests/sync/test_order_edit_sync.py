"""An order edited at one kiosk's counter reaches the central server and the other
kiosks (a real server on loopback); an edit made after the order was done elsewhere
loses, and the kiosk shows the server's state."""

from __future__ import annotations

from datetime import datetime, timedelta

from sync_harness import (
    Clock,
    Kiosk,
    LiveServer,
    assert_same_records,
    order_request,
    server_rows,
)

from kiosk_app.domain.kinds import Role
from kiosk_app.domain.validation import phone
from kiosk_app.views.orders import OrderChanges
from sync.protocol import OrderStatus


def test_an_edit_at_one_kiosk_reaches_the_server_and_the_other_kiosk(
    kiosk: Kiosk, second: Kiosk, central: LiveServer, clock: Clock
) -> None:
    app = kiosk.app
    who = app.attendants.add("Camille Martin", Role.ATTENDANT, "1234").id
    placed = app.orders.place(order_request(app, clock.now))
    kiosk.sync()
    # The other kiosk reads it once the resident is looked up there (number + phone).
    second.client.lookup(phone(order_request(app, clock.now).phone), placed.number)
    second.sync()
    assert second.app.orders.get(placed.id).slot_start == placed.slot_start

    start = placed.slot_start + timedelta(days=2, hours=4)
    app.order_edits.edit(
        placed.id,
        OrderChanges(
            slot=(start, start + timedelta(minutes=90)),
            estimated_units=3,
            description="Deux packs d'eau seulement",
        ),
        attendant_id=who,
    )
    report = kiosk.sync()
    assert report.pushed.applied == 1 and report.pushed.conflict == 0
    assert report.pending == 0
    on_server = server_rows(central.db, "order")[str(placed.id)]
    assert datetime.fromisoformat(on_server["slot_start"]) == start
    assert on_server["estimated_units"] == 3
    assert_same_records(app, central.db)

    second.sync()
    pulled = second.app.orders.get(placed.id)
    assert (pulled.slot_start, pulled.slot_end) == (start, start + timedelta(minutes=90))
    assert pulled.estimated_units == 3
    assert pulled.description == "Deux packs d'eau seulement"
    assert pulled.version == app.orders.get(placed.id).version
    assert_same_records(second.app, central.db)


def test_an_edit_after_the_order_was_done_elsewhere_gets_the_servers_state(
    kiosk: Kiosk, second: Kiosk, central: LiveServer, clock: Clock
) -> None:
    app, other = kiosk.app, second.app
    placed = app.orders.place(order_request(app, clock.now))
    app.orders.confirm(placed.id, attendant_id=None)
    kiosk.sync()
    second.client.lookup(phone(order_request(app, clock.now).phone), placed.number)
    second.sync()
    # The other kiosk takes the order over, assigns one of its Lulus and marks it done.
    assert other.holding.ask_take_over(placed.id, attendant_id=None)
    second.sync()
    lulu_id = other.lulus.register_application("Karim Benali", "07 81 22 33 44", ["courses"], "")
    other.orders.assign(placed.id, lulu_id, attendant_id=None)
    other.orders.mark_done(placed.id, 35, attendant_id=None)
    second.sync()
    assert server_rows(central.db, "order")[str(placed.id)]["status"] == "done"

    # This kiosk has not pulled that yet: the order is still confirmed here, editable.
    start = placed.slot_start + timedelta(days=1)
    app.order_edits.edit(
        placed.id, OrderChanges(slot=(start, start + timedelta(hours=1))), attendant_id=None
    )
    report = kiosk.sync()

    # It no longer holds the order: refused as not_owner and set aside for a person,
    # and the server's state is shown, read-only, held by the other kiosk.
    assert report.pushed.rejected == 1 and report.pushed.set_aside == 1
    assert report.pushed.applied == 0 and report.pending == 0
    shown = app.orders.get(placed.id)
    assert shown.status is OrderStatus.DONE and shown.held_by == "bastille"
    assert shown.slot_start == placed.slot_start  # the server's slot, not the edit's
    assert shown.actual_units == 2  # 35 minutes in 20-minute units
    on_server = server_rows(central.db, "order")[str(placed.id)]
    assert datetime.fromisoformat(on_server["slot_start"]) == placed.slot_start
