"""A client erased at the counter is erased on the central server too, whether the
server already had them or learns of them in the same sync; and what the kiosk pulls
back shows the same neutral name."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sync_harness import HOME, Clock, Kiosk, LiveServer, kiosk_rows, order_request, server_rows

from kiosk_app.domain.kinds import Role
from kiosk_app.views.clients import erased_name
from server.models import Record

PERSONAL = ("name", "phone", "email", "street", "postcode", "building", "access_notes")


def _cancelled_client(kiosk: Kiosk, clock: Clock) -> uuid.UUID:
    """A client whose one order was cancelled: erasure is allowed."""
    app = kiosk.app
    attendant = app.attendants.add("Camille Martin", Role.ATTENDANT, "482913")
    order = app.orders.place(order_request(app, clock.now))
    app.orders.cancel(order.id, "Plus besoin", attendant_id=attendant.id)
    return order.client_id


def test_an_erasure_reaches_the_server_which_keeps_nothing_personal(
    kiosk: Kiosk, central: LiveServer, clock: Clock
) -> None:
    client_id = _cancelled_client(kiosk, clock)
    kiosk.sync()
    assert server_rows(central.db, "client")[str(client_id)]["name"] == "Jeanne Lefèvre"

    kiosk.app.client_records.erase(client_id, attendant_id=None)
    report = kiosk.sync()

    assert report.pushed.applied == 1 and report.pushed.rejected == report.pushed.conflict == 0
    _assert_erased_on_both(kiosk, central, client_id)


def test_a_client_erased_before_the_server_ever_saw_them(
    kiosk: Kiosk, central: LiveServer, clock: Clock
) -> None:
    """Offline: the client's creation, still in the outbox, is scrubbed and goes up with
    the erasure; the server never holds the name."""
    client_id = _cancelled_client(kiosk, clock)
    kiosk.app.client_records.erase(client_id, attendant_id=None)
    report = kiosk.sync()
    assert report.pushed.rejected == report.pushed.conflict == report.pushed.set_aside == 0
    _assert_erased_on_both(kiosk, central, client_id)


def _assert_erased_on_both(kiosk: Kiosk, central: LiveServer, client_id: uuid.UUID) -> None:
    there = server_rows(central.db, "client")[str(client_id)]
    assert there["erased_at"] is not None
    assert all(not there[key] for key in PERSONAL), there
    here = kiosk_rows(kiosk.app, "client")[str(client_id)]
    assert here["erased_at"] is not None and here["phone"] is None
    assert kiosk.app.clients.get(client_id).name == erased_name(client_id)
    with central.db.read() as session:
        orders = session.scalars(select(Record).where(Record.entity == "order")).all()
        assert len(orders) == 1 and orders[0].data["status"] == "cancelled"
        # The order stays for the accounts, without where the Lulu went nor what was
        # written about the person; the area stays.
        order = orders[0].data
        assert order["street"] == order["description"] == order["access_notes"] == ""
        assert order["postcode"] == HOME.postcode and order["estimated_units"] == 2
