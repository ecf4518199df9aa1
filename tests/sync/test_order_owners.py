"""One owner per order, on a live server (SQLite and PostgreSQL): the kiosk where an
order was placed holds it, another kiosk reads it only once the resident was looked up
at its counter, may not change it (refused `not_owner`, set aside for a person), takes it
over and gives it back; a payment the holder did not expect is kept and lands on the
to-resolve list, at the counter concerned and for administrators."""

from __future__ import annotations

import logging
import uuid
from functools import partial
from typing import Any

import pytest
import requests
from sqlalchemy import select
from sync_harness import Clock, Kiosk, LiveServer, order_request, server_rows

from kiosk_app.domain.validation import phone
from kiosk_app.errors import NotFound, ValidationError
from kiosk_app.services.sync_state import set_aside_ops
from kiosk_app.store.models import Client, Order
from server.scopes import DeviceKind
from sync.client import load_token
from sync.protocol import OrderStatus, PaymentMethod


def _ids(kiosk: Kiosk, model: type[Client] | type[Order]) -> set[uuid.UUID]:
    with kiosk.app.store.read() as session:
        return set(session.scalars(select(model.id)))


def _held_by(kiosk: Kiosk, order_id: uuid.UUID) -> str | None:
    return kiosk.app.holding.holder(order_id)


def _admin(central: LiveServer) -> dict[str, str]:
    token = central.enrol(f"office-{uuid.uuid4().hex[:6]}", central_now(), kind=DeviceKind.ADMIN)
    return {"Authorization": f"Bearer {token}"}


def central_now() -> Any:
    from datetime import UTC, datetime

    return datetime.now(UTC)


def test_another_kiosk_reads_an_order_only_after_a_logged_look_up(
    kiosk: Kiosk, second: Kiosk, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    order = kiosk.app.orders.place(order_request(kiosk.app, clock.now))
    kiosk.sync()
    second.sync()
    # B pulls the catalogue, not A's client nor A's order.
    assert order.client_id not in _ids(second, Client)
    assert order.id not in _ids(second, Order)
    typed = order_request(kiosk.app, clock.now).phone
    with caplog.at_level(logging.INFO, logger="comptoir.server.lookup"):
        found = second.client.lookup(phone(typed))
    assert [c["id"] for c in found.clients] == [str(order.client_id)]
    # Logged, without the phone in clear: its last two digits only.
    logged = [r.getMessage() for r in caplog.records if r.name == "comptoir.server.lookup"]
    assert len(logged) == 1 and "phone ending 00" in logged[0]
    assert phone(typed) not in logged[0] and phone(typed)[3:] not in logged[0]
    second.sync()
    assert order.client_id in _ids(second, Client)
    # The client and their orders under way: "follow my order" with the phone alone.
    assert order.id in _ids(second, Order)
    # "Follow my order" at B: the number and the phone bring the order, held by A.
    found = second.client.lookup(phone(typed), order.number)
    assert found.order is not None and found.order["number"] == order.number
    second.sync()
    assert order.id in _ids(second, Order)
    assert _held_by(second, order.id) == "saint-paul"
    assert _held_by(kiosk, order.id) is None  # A holds it: nothing to show there
    # A wrong number with the right phone finds nothing.
    assert second.client.lookup(phone(typed), "01-9999").clients == []


def test_a_change_to_an_order_held_elsewhere_is_refused_and_set_aside(
    kiosk: Kiosk, second: Kiosk, clock: Clock
) -> None:
    order = kiosk.app.orders.place(order_request(kiosk.app, clock.now))
    kiosk.sync()
    second.client.lookup(phone(order_request(kiosk.app, clock.now).phone), order.number)
    second.sync()
    # At B's counter the order is read-only, with who holds it.
    with pytest.raises(ValidationError) as refused:
        second.app.orders.confirm(order.id, attendant_id=None)
    assert refused.value.fields == {"status": "order.held_elsewhere"}
    assert refused.value.params["kiosk"] == "saint-paul"
    # B takes it over; A, offline meanwhile, confirms it.
    assert second.app.holding.ask_take_over(order.id, attendant_id=None)
    assert not second.app.holding.ask_take_over(order.id, attendant_id=None)  # once
    kiosk.app.orders.confirm(order.id, attendant_id=None)
    second.sync()
    assert _held_by(second, order.id) is None
    report = kiosk.sync()
    # A's confirmation came after the hand-over: refused as not_owner, set aside at once,
    # and A shows the order as the server holds it (requested, held by B).
    with kiosk.app.store.read() as session:
        aside = set_aside_ops(session)
    assert [(op.kind, (op.last_error or "").split(":")[0]) for op in aside] == [
        ("transition", "not_owner")
    ]
    assert report.pushed.set_aside == 1
    assert kiosk.app.orders.get(order.id).status is OrderStatus.REQUESTED
    assert _held_by(kiosk, order.id) == "bastille"
    # B confirms (it holds it now); A asks it back and gets it.
    second.app.orders.confirm(order.id, attendant_id=None)
    second.sync()
    assert kiosk.app.holding.ask_take_over(order.id, attendant_id=None)
    kiosk.sync()
    second.sync()
    assert _held_by(kiosk, order.id) is None
    assert _held_by(second, order.id) == "saint-paul"
    assert kiosk.app.orders.get(order.id).status is OrderStatus.CONFIRMED
    kiosk.app.orders.cancel(order.id, "Plus besoin", attendant_id=None)
    kiosk.sync()
    second.sync()
    assert second.app.orders.get(order.id).status is OrderStatus.CANCELLED


def test_a_payment_the_holder_did_not_expect_is_kept_and_listed_to_resolve(
    kiosk: Kiosk, second: Kiosk, clock: Clock, central: LiveServer
) -> None:
    order = kiosk.app.orders.place(order_request(kiosk.app, clock.now))
    kiosk.sync()
    second.client.lookup(phone(order_request(kiosk.app, clock.now).phone), order.number)
    second.sync()
    due = order.estimated_price.total_cents
    # Money taken at B for A's order: B's till holds it, the server keeps it.
    paid = second.app.payments.record(order.id, PaymentMethod.CASH, due, attendant_id=None)
    second.sync()
    assert str(paid.id) in server_rows(central.db, "payment")
    items = second.app.holding.to_resolve()
    assert [(i.order_number, i.reason, i.action, i.amount_cents) for i in items] == [
        (order.number, "not_owner", "move_or_refund", due)
    ]
    kiosk.sync()
    assert kiosk.app.holding.to_resolve() == []  # B's to settle, not A's
    # The administrators see it, with the kiosk concerned and what to do.
    headers = _admin(central)
    listed = requests.get(central.url + "/api/v1/to-resolve", headers=headers, timeout=10).json()
    assert [(e["kiosk"], e["item"]["reason"]) for e in listed["open"]] == [
        ("bastille", "not_owner")
    ]
    page = requests.get(central.url + "/to-resolve", headers=headers, timeout=10)
    assert "bastille" in page.text and "remboursez la personne" in page.text
    english = requests.get(central.url + "/to-resolve?lang=en", headers=headers, timeout=10)
    assert "refund the person" in english.text
    # A person at B refunds and says so: resolved everywhere.
    second.app.holding.resolve(items[0].id, "Remboursé 😊 en espèces", attendant_id=None)
    second.sync()
    assert second.app.holding.to_resolve() == []
    listed = requests.get(central.url + "/api/v1/to-resolve", headers=headers, timeout=10).json()
    assert listed["open"] == []
    assert [e["item"]["note"] for e in listed["resolved"]] == ["Remboursé 😊 en espèces"]
    # A kiosk cannot read the administrators' list.
    kiosk_token = {"Authorization": f"Bearer {load_token(kiosk.data_dir)}"}
    assert (
        requests.get(
            central.url + "/api/v1/to-resolve", headers=kiosk_token, timeout=10
        ).status_code
        == 403
    )


def test_follow_my_order_works_at_a_kiosk_that_does_not_hold_it(
    kiosk: Kiosk, second: Kiosk, clock: Clock
) -> None:
    """What the resident types at B's "follow my order" (number and phone as typed):
    B asks the server, pulls, and finds the order; a wrong phone finds nothing."""
    from sync.lookup import look_up_and_pull

    order = kiosk.app.orders.place(order_request(kiosk.app, clock.now))
    kiosk.sync()
    typed_phone = order_request(kiosk.app, clock.now).phone
    orders = second.app.orders
    with pytest.raises(NotFound):
        orders.find_for_resident(order.number, typed_phone)  # not here, and nobody asked
    # As the kiosk's start-up sets it once enrolled (kiosk_app/__main__.py).
    orders.remote_lookup = partial(look_up_and_pull, second.app.store, second.data_dir)
    with pytest.raises(NotFound):
        orders.find_for_resident(order.number, "06 99 99 99 99")
    found = orders.find_for_resident(order.number, typed_phone)
    assert found.id == order.id and found.held_by == "saint-paul"


def test_follow_my_order_by_the_phone_alone_at_another_kiosk(
    kiosk: Kiosk, second: Kiosk, clock: Clock
) -> None:
    """The resident types only their phone at B: B asks the server, which lets B read
    that phone's orders under way (and recent), and B lists them."""
    from sync.lookup import look_up_and_pull

    order = kiosk.app.orders.place(order_request(kiosk.app, clock.now))
    kiosk.sync()
    typed_phone = order_request(kiosk.app, clock.now).phone
    orders = second.app.orders
    assert orders.for_resident_phone(typed_phone) == []  # not here, and nobody asked
    orders.remote_lookup = partial(look_up_and_pull, second.app.store, second.data_dir)
    assert orders.for_resident_phone("06 99 99 99 99") == []
    found = orders.for_resident_phone(typed_phone)
    assert [(o.id, o.held_by) for o in found] == [(order.id, "saint-paul")]
