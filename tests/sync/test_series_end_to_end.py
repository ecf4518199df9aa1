"""Each kiosk numbers in its own series, end to end on a live server: kiosks enrolled
get different codes, a replaced kiosk continues its series without reusing a number,
and an order whose number a kiosk already holds is set aside, not a stopped pull."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sync_harness import HOME, Clock, Kiosk, LiveServer, enrolled, order_request, server_rows

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.validation import phone
from kiosk_app.services.numbers import assign_kiosk_code
from kiosk_app.services.sync_apply import read_cursor
from kiosk_app.services.sync_state import pulled_aside_rows, set_aside_ops, sync_counts
from server.auth import replace
from sync.enrolment import enrol


@pytest.fixture
def open_kiosk(tmp_path: Path, clock: Clock, central: LiveServer) -> Iterator[Any]:
    opened: list[Kiosk] = []

    def open_(name: str) -> Kiosk:
        kiosk = enrolled(Comptoir.open(tmp_path / name, clock=clock), central, name)
        opened.append(kiosk)
        return kiosk

    yield open_
    for kiosk in opened:
        kiosk.client.close()
        kiosk.app.close()


def test_three_kiosks_number_in_three_series(
    open_kiosk: Any, central: LiveServer, clock: Clock
) -> None:
    kiosks = [open_kiosk(name) for name in ("saint-paul", "bastille", "oberkampf")]
    assert [k.app.settings.get().kiosk_code for k in kiosks] == ["01", "02", "03"]
    placed: dict[Kiosk, list[tuple[str, str]]] = {}  # each kiosk's (number, phone)
    for i, kiosk in enumerate(kiosks):
        placed[kiosk] = []
        for n in range(2):
            request = order_request(kiosk.app, clock.now, n=10 * i + n)  # six residents
            order = kiosk.app.orders.place(request)
            placed[kiosk].append((order.number, phone(request.phone)))
        kiosk.sync()
    numbers = sorted(row["number"] for row in server_rows(central.db, "order").values())
    assert numbers == ["01-0001", "01-0002", "02-0001", "02-0002", "03-0001", "03-0002"]
    # A kiosk pulls only its own orders; each resident then follows their order at the
    # two other counters (number and phone, as typed at "follow my order"): looked up,
    # the next pull brings it.
    for kiosk in kiosks:
        for other in kiosks:
            for number, typed in placed[other] if other is not kiosk else []:
                assert kiosk.client.lookup(typed, number).order is not None
        kiosk.sync()
    for kiosk in kiosks:  # every kiosk holds all six, none set aside
        assert sorted(o.number for o in kiosk.app.orders.list(limit=10)) == numbers
        with kiosk.app.store.read() as session:
            assert sync_counts(session).set_aside == 0


def test_a_replaced_kiosk_continues_its_series(
    tmp_path: Path, central: LiveServer, clock: Clock
) -> None:
    folder = tmp_path / "saint-paul"
    first = enrolled(Comptoir.open(folder, clock=clock), central, "saint-paul")
    taken = [first.app.orders.place(order_request(first.app, clock.now, n=n)) for n in range(3)]
    first.sync()
    first.client.close()
    first.app.close()
    shutil.rmtree(folder)  # the disk is dead: nothing of the data folder is left

    with central.db.write() as session:
        token = replace(session, "saint-paul").token  # `kiosk-server replace saint-paul`
    app = Comptoir.open(folder, clock=clock)
    try:
        client = enrol(app.store, folder, central.url, token)
        assert app.settings.get().kiosk_code == "01"
        assert {o.number for o in app.orders.list(limit=10)} == {o.number for o in taken}
        after = app.orders.place(order_request(app, clock.now, n=9))
        assert after.number == "01-0004"
        Kiosk(app, folder, client).sync()
        client.close()
    finally:
        app.close()
    numbers = [row["number"] for row in server_rows(central.db, "order").values()]
    assert sorted(numbers) == ["01-0001", "01-0002", "01-0003", "01-0004"]


def test_an_order_number_held_here_under_another_id_is_set_aside_and_the_pull_goes_on(
    tmp_path: Path,
    kiosk: Kiosk,
    central: LiveServer,
    clock: Clock,
    demo_catalogue: dict[str, Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A kiosk of the days when every kiosk numbered "01" took "01-0001" offline; the
    server holds saint-paul's "01-0001". Joining, it sets the clash aside for a person
    and keeps everything else, pull after pull."""
    caplog.set_level(logging.DEBUG)
    theirs = kiosk.app.orders.place(order_request(kiosk.app, clock.now, n=1))
    second = kiosk.app.orders.place(order_request(kiosk.app, clock.now, n=2))
    kiosk.sync()

    older = Comptoir.open(tmp_path / "older", clock=clock)
    try:
        older.catalogue.load(demo_catalogue)
        with older.store.write() as session:
            assign_kiosk_code(session, "01")  # what every kiosk numbered before codes
        mine = older.orders.place(order_request(older, clock.now, n=3))
        assert mine.number == theirs.number == "01-0001"

        bastille = enrolled(older, central, "bastille")
        assert older.settings.get().kiosk_code == "02"
        # Saint-paul's residents follow their orders at bastille's counter (number and
        # phone): looked up, the next pull brings them, and with them the clash.
        for order, n in ((theirs, 1), (second, 2)):
            typed = phone(order_request(kiosk.app, clock.now, n=n).phone)
            assert bastille.client.lookup(typed, order.number).order is not None
        report = bastille.sync()
        with older.store.read() as session:
            [aside] = pulled_aside_rows(session)
        assert (aside.entity_id, aside.reason) == (
            theirs.id,
            "order 01-0001: this number is already another order here",
        )
        assert older.orders.get(mine.id).number == "01-0001"  # its own, untouched
        assert older.orders.get(second.id).number == "01-0002"  # the rest applied

        # Its own "01-0001" is of another kiosk's series at the server: set aside at
        # once, for a person (two ops set aside: the pulled one and this one).
        assert (report.pushed.rejected, report.set_aside) == (1, 2)
        with older.store.read() as session:
            [refused] = set_aside_ops(session)
        assert refused.entity_id == mine.id and refused.last_error is not None
        assert refused.last_error.startswith("wrong_series")

        # Saint-paul goes on; bastille keeps receiving, its cursor moving.
        later = kiosk.app.orders.place(order_request(kiosk.app, clock.now, n=4))
        kiosk.sync()
        typed = phone(order_request(kiosk.app, clock.now, n=4).phone)
        assert bastille.client.lookup(typed, later.number).order is not None
        with older.store.read() as session:
            cursor = read_cursor(session)
        bastille.sync()
        with older.store.read() as session:
            assert read_cursor(session) > cursor
        assert older.orders.get(later.id).number == "01-0003"
        assert older.orders.place(order_request(older, clock.now, n=5)).number == "02-0002"
        bastille.client.close()
    finally:
        older.close()
    assert HOME.street not in caplog.text and "Code 1234A" not in caplog.text
    numbers = [row["number"] for row in server_rows(central.db, "order").values()]
    assert sorted(numbers) == ["01-0001", "01-0002", "01-0003"]  # nothing twice
