"""The same phone typed at two kiosks before either heard of the other: once both have
synced, every store holds one client (the one created first), its orders from both
kiosks point to it, nothing lost its phone, and a resident follows each of their orders
with number and phone at either kiosk."""

from __future__ import annotations

import uuid
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sync_harness import (
    Clock,
    Kiosk,
    LiveServer,
    assert_same_records,
    enrolled,
    kiosk_rows,
    order_request,
    server_rows,
)

from kiosk_app.comptoir import Comptoir
from kiosk_app.services.sync_apply import apply_page, read_cursor
from kiosk_app.store.models import Client
from sync.engine import sync_once
from sync.lookup import look_up_and_pull

PHONE = "06 98 76 54 32"  # as typed
STORED = "+33698765432"  # as every store keeps it


def _follow_anywhere(*kiosks: Kiosk) -> None:
    """As each kiosk's start-up sets it once enrolled (kiosk_app/__main__.py): an order
    another kiosk holds is asked of the central server by number and phone, and pulled."""
    for k in kiosks:
        k.app.orders.remote_lookup = partial(look_up_and_pull, k.app.store, k.data_dir)


def _place(kiosk: Kiosk, clock: Clock, **changes: Any) -> Any:
    request = replace(order_request(kiosk.app, clock.now), **{"phone": PHONE, **changes})
    return kiosk.app.orders.place(request)


def test_one_phone_at_two_kiosks_ends_as_one_client_everywhere(
    kiosk: Kiosk, bastille: Kiosk, central: LiveServer, clock: Clock
) -> None:
    _follow_anywhere(kiosk, bastille)
    first_order = _place(kiosk, clock, email=None)  # created first: the survivor
    clock.advance(minutes=3)
    later_order = _place(
        bastille, clock, name="J. Lefèvre", email="jeanne@example.fr", phone="+33 6 98 76 54 32"
    )
    again = _place(kiosk, clock)  # the same phone again here: the same client
    assert again.client_id == first_order.client_id
    # The later copy reaches the server first; then the first, then each hears back.
    bastille.sync()
    kiosk.sync()
    bastille.sync()
    kiosk.sync()

    survivor = str(first_order.client_id)
    held = {kiosk: {first_order.id, again.id}, bastille: {later_order.id}}
    for k in (kiosk, bastille):
        clients = kiosk_rows(k.app, "client")
        assert list(clients) == [survivor]
        # Before any look-up: each kiosk still holds its own orders, now the survivor's.
        assert {uuid.UUID(o) for o in kiosk_rows(k.app, "order")} == held[k]
        assert clients[survivor]["phone"] == STORED
        # Per field: the survivor's name stays, its missing e-mail takes the other's.
        assert clients[survivor]["name"] == "Jeanne Lefèvre"
        assert clients[survivor]["email"] == "jeanne@example.fr"
        orders = kiosk_rows(k.app, "order")
        assert {o["client_id"] for o in orders.values()} == {survivor}
        for order in (first_order, later_order, again):
            followed = k.app.orders.find_for_resident(order.number.replace("-", ""), PHONE)
            assert followed.id == order.id
        assert_same_records(k.app, central.db)
    assert list(server_rows(central.db, "client")) == [survivor]


def test_a_kiosk_with_the_other_copy_still_to_send_keeps_its_orders_and_phone(
    kiosk: Kiosk, bastille: Kiosk, central: LiveServer, clock: Clock
) -> None:
    """The second kiosk pulls the survivor while its own copy waits in its outbox: its
    copy keeps the phone until the server has merged them, then the survivor holds it."""
    _follow_anywhere(kiosk, bastille)
    _place(kiosk, clock)
    kiosk.sync()
    clock.advance(minutes=1)
    later = _place(bastille, clock)
    # Pull only (as after a push that failed): the survivor arrives, the copy is pending.
    with bastille.app.store.write() as session:
        apply_page(session, bastille.client.pull(read_cursor(session), 500))
    with bastille.app.store.read() as session:
        phones = dict(session.execute(select(Client.id, Client.phone)).all())
    assert phones[later.client_id] == STORED  # the resident's own copy still answers
    assert (
        bastille.app.orders.find_for_resident(later.number.replace("-", ""), PHONE).id == later.id
    )
    bastille.sync()
    kiosk.sync()
    bastille.sync()
    for k in (kiosk, bastille):
        assert k.app.orders.find_for_resident(later.number.replace("-", ""), PHONE).id == later.id
        assert len(kiosk_rows(k.app, "client")) == 1
        assert_same_records(k.app, central.db)


@pytest.mark.parametrize("page", [500, 1])
def test_three_copies_arriving_latest_first_end_as_the_earliest_everywhere(
    page: int,
    kiosk: Kiosk,
    bastille: Kiosk,
    central: LiveServer,
    clock: Clock,
    tmp_path: Path,
    demo_catalogue: dict[str, Any],
) -> None:
    """Each copy the server receives is earlier than the one it holds, so the survivor
    changes twice: the first merged copy must follow to the last survivor on every
    kiosk, including one that never held the middle copy. With pages of one change, a
    copy pulled before its survivor is settled when its later change arrives."""
    app = Comptoir.open(tmp_path / "belleville", clock=clock)
    app.catalogue.load(demo_catalogue)
    third = enrolled(app, central, "belleville")
    _follow_anywhere(kiosk, bastille, third)
    try:
        third.sync()
        earliest = _place(third, clock, email=None)
        clock.advance(minutes=1)
        middle = _place(bastille, clock)
        clock.advance(minutes=1)
        latest = _place(kiosk, clock)
        for k in (kiosk, bastille, third, kiosk, bastille, third):
            sync_once(k.app.store, k.client, k.data_dir, pull_limit=page)
        survivor = str(earliest.client_id)
        held = {kiosk: latest.id, bastille: middle.id, third: earliest.id}
        for k in (kiosk, bastille, third):
            assert list(kiosk_rows(k.app, "client")) == [survivor]
            own = kiosk_rows(k.app, "order")  # before any look-up: its own order only
            assert {uuid.UUID(o) for o in own} == {held[k]}
            assert own[str(held[k])]["client_id"] == survivor
            for order in (earliest, middle, latest):
                followed = k.app.orders.find_for_resident(order.number.replace("-", ""), PHONE)
                assert followed.id == order.id and followed.client_id == earliest.client_id
            assert_same_records(k.app, central.db)
    finally:
        third.client.close()
        app.close()
