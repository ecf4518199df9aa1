"""The everyday path: orders placed at the counter reach the server once, and the
server's answer comes back to the kiosk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sync_harness import (
    Clock,
    Kiosk,
    LiveServer,
    assert_same_records,
    enrolled,
    order_request,
    rate_on_page,
)

from kiosk_app.comptoir import Comptoir
from kiosk_app.services.numbers import assign_kiosk_code
from kiosk_app.services.sync_apply import read_cursor


def test_an_order_placed_offline_reaches_the_server_once(
    kiosk: Kiosk, central: LiveServer, clock: Clock
) -> None:
    placed = kiosk.app.orders.place(order_request(kiosk.app, clock.now))
    report = kiosk.sync()
    assert report.pushed.applied == 2  # the new client, then the order
    assert report.pending == 0
    assert_same_records(kiosk.app, central.db)
    again = kiosk.sync()
    assert again.pushed.applied == 0 and again.pulled == 0
    assert kiosk.app.orders.get(placed.id).number == placed.number


def test_the_catalogue_is_the_servers(kiosk: Kiosk, central: LiveServer) -> None:
    from server.catalogue import stable_id
    from sync.protocol import Entity

    services = {s.code: s.id for s in kiosk.app.catalogue.all_services()}
    assert services["montee-courses"] == stable_id(Entity.SERVICE, "montee-courses")
    found = kiosk.app.catalogue.search("montee courses")
    assert found and found[0].code == "montee-courses"
    with kiosk.app.store.read() as session:
        assert read_cursor(session) > 0


def test_a_whole_life_and_a_rating_from_the_public_page(
    kiosk: Kiosk, central: LiveServer, clock: Clock
) -> None:
    """Placed, confirmed, assigned to a Lulu the association published, done and paid
    at the counter; then rated on the ticket's page: the rating reaches the kiosk."""
    import uuid
    from datetime import UTC, datetime

    from server.catalogue import import_catalogue
    from sync.protocol import OrderStatus, PaymentMethod

    lulu_id = uuid.UUID("0c6d8a52-2f1e-4f43-9a43-2b1a6c5b9e01")
    with central.db.write() as session:
        import_catalogue(
            session,
            {"lulus": [{"id": str(lulu_id), "display_name": "Awa D.", "skills": ["courses"]}]},
            now=datetime.now(UTC),
        )
    kiosk.sync()
    order = kiosk.app.orders.place(order_request(kiosk.app, clock.now))
    kiosk.app.orders.confirm(order.id, attendant_id=None)
    kiosk.app.orders.assign(order.id, lulu_id, attendant_id=None)
    kiosk.app.orders.mark_done(order.id, 40, attendant_id=None)
    due = kiosk.app.payments.balance_due(order.id)
    kiosk.app.payments.record(order.id, PaymentMethod.CASH, due, attendant_id=None)
    assert kiosk.app.orders.get(order.id).status is OrderStatus.PAID
    report = kiosk.sync()
    assert report.pushed.rejected == 0 and report.pushed.conflict == 0
    assert_same_records(kiosk.app, central.db)

    page = central.url + f"/o/{order.public_token}"
    sent = rate_on_page(page, 5, "Merci Awa !")
    assert sent.status_code == 200 and "(5/5)" in sent.text
    kiosk.sync()
    rating = kiosk.app.ratings.for_order(order.id)
    assert rating is not None and (rating.stars, rating.comment) == (5, "Merci Awa !")
    lulu = kiosk.app.lulus.get(lulu_id)
    assert (lulu.rating_average, lulu.rating_count) == (5.0, 1)
    assert_same_records(kiosk.app, central.db)


def test_a_kiosk_with_its_own_catalogue_ids_takes_the_servers(
    tmp_path: Path, central: LiveServer, clock: Clock, demo_catalogue: dict[str, Any]
) -> None:
    """A catalogue loaded locally under other ids (an older file, another source): on
    joining, the kiosk gives its rows the server's ids, matched by code, and an order
    placed before joining reaches the server naming the server's service."""
    import uuid

    from server.catalogue import stable_id
    from sync.protocol import Entity

    own = {
        "categories": [{**c, "id": str(uuid.uuid4())} for c in demo_catalogue["categories"]],
        "services": [{**s, "id": str(uuid.uuid4())} for s in demo_catalogue["services"]],
    }
    app = Comptoir.open(tmp_path / "older", clock=clock)
    try:
        app.catalogue.load(own)
        # An older kiosk, of the days when every kiosk numbered "01" (the code the
        # server now gives the first kiosk it enrols): no order without a code.
        with app.store.write() as session:
            assign_kiosk_code(session, "01")
        placed = app.orders.place(order_request(app, clock.now))
        assert placed.service_id != stable_id(Entity.SERVICE, "montee-courses")
        kiosk = enrolled(app, central, "older")
        kiosk.sync()
        kiosk.client.close()
        assert app.orders.get(placed.id).service_id == stable_id(Entity.SERVICE, "montee-courses")
        found = app.catalogue.search("montee courses")
        assert found and found[0].id == stable_id(Entity.SERVICE, "montee-courses")
        assert_same_records(app, central.db)
    finally:
        app.close()


def test_a_closed_till_reaches_the_server_and_the_queue_moves_on(
    kiosk: Kiosk, central: LiveServer, clock: Clock
) -> None:
    """The Z of a till session is kept by the association too; an order placed after
    it still goes through (an op the server could not read would hold up every batch)."""
    from sync_harness import server_rows

    from kiosk_app.domain.kinds import Role
    from sync.protocol import PaymentMethod

    attendant = kiosk.app.attendants.add("Camille Martin", Role.ATTENDANT, "1234")
    session = kiosk.app.till.open(5000, attendant.id)
    kiosk.app.till.close({PaymentMethod.CASH: 5000}, attendant.id)
    placed = kiosk.app.orders.place(order_request(kiosk.app, clock.now))
    report = kiosk.sync()
    assert report.pushed.rejected == 0 and report.pending == 0
    closings = server_rows(central.db, "cash_session")
    assert list(closings) == [str(session.id)]
    assert closings[str(session.id)]["float_cents"] == 5000
    assert closings[str(session.id)]["methods"]["cash"]["counted_cents"] == 5000
    assert kiosk.app.orders.get(placed.id).number == placed.number
