"""Kiosks never build a file name from a received string without checking it. A server
(an older one, or one broken into) sends orders numbered "*", "../../x" or "01-0001/x":
the kiosk keeps none of them. And a store that already holds such a number (pulled before
this check) neither jams its print queue nor lets an erasure delete other tickets."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sync_harness import Clock, Kiosk, LiveServer, order_request

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.file_names import UnsafeFileName, file_stem, files_of
from kiosk_app.store.models import Order
from printing.files import invoice_file
from printing.queue import PrintWorker
from server.auth import device_for_token
from server.models import Record
from server.ownership import grant, make_readable
from server.record_statements import Held
from server.writer import Writer
from sync.client import load_token
from sync.protocol import Entity

HOSTILE = ["*", "../../evil", "01-0001/x", "..", ".hidden", "-rf", "01-0001\x00", "a b", ""]


@pytest.mark.parametrize("number", HOSTILE)
def test_a_hostile_number_names_no_file(tmp_path: Path, number: str) -> None:
    with pytest.raises(UnsafeFileName):
        file_stem(number)
    with pytest.raises(UnsafeFileName):
        invoice_file(tmp_path, number)
    (tmp_path / "tickets").mkdir()
    (tmp_path / "tickets" / "01-0001-order_ticket-abc.txt").write_text("kept")
    assert files_of(tmp_path / "tickets", number) == []


def test_a_plain_number_finds_only_its_own_files(tmp_path: Path) -> None:
    for name in ("01-0001-a.txt", "01-00011-a.txt", ".01-0001-b.png.partial", "02-0001-a.txt"):
        (tmp_path / name).write_text("x")
    assert sorted(p.name for p in files_of(tmp_path, "01-0001")) == [
        ".01-0001-b.png.partial",
        "01-0001-a.txt",
    ]


def _serve_number(central: LiveServer, order_id: uuid.UUID, number: str) -> None:
    """The server's order renumbered behind the protocol's back, as a changed record."""
    with central.db.write() as session:
        record = session.scalars(
            select(Record).where(Record.entity == "order", Record.entity_id == order_id)
        ).one()
        held = Held(record.entity, record.entity_id, record.version, dict(record.data))
        writer = Writer(session, datetime.now(UTC))
        writer.update(held, {**held.data, "number": number})
        writer.finish()


def _readable_by(central: LiveServer, kiosk: Kiosk, order_id: uuid.UUID) -> None:
    """Let `kiosk` read the order and its client (server/ownership.py)."""
    with central.db.write() as session:
        caller = device_for_token(session, load_token(kiosk.data_dir))
        assert caller is not None
        w = Writer(session, datetime.now(UTC), caller)
        held = w.get(Entity.ORDER, order_id)
        assert held is not None
        grant(w, caller.device_id, order_id)
        make_readable(w, caller.device_id, held)
        w.finish()


@pytest.mark.parametrize("number", ["*", "../../evil", "01-0001/x"])
def test_orders_with_hostile_numbers_pulled_from_a_server_are_not_kept(
    kiosk: Kiosk,
    central: LiveServer,
    clock: Clock,
    tmp_path: Path,
    demo_catalogue: dict[str, object],
    number: str,
) -> None:
    order = kiosk.app.orders.place(order_request(kiosk.app, clock.now))
    kiosk.sync()
    _serve_number(central, order.id, number)
    other = Comptoir.open(tmp_path / "bastille", clock=clock)
    try:
        other.catalogue.load(demo_catalogue)
        from sync_harness import enrolled

        joined = enrolled(other, central, "bastille")
        _readable_by(central, joined, order.id)  # as a hand-over or a look-up makes it
        joined.sync()
        joined.client.close()
        with other.store.read() as session:
            assert session.scalars(select(Order.number)).all() == []
        assert other.clients.get(order.client_id).phone  # the order's client came
    finally:
        other.close()


def test_a_stored_hostile_number_neither_jams_the_queue_nor_widens_an_erasure(
    comptoir: Comptoir, clock: Clock
) -> None:
    data_dir = comptoir.store.path.parent
    hostile = comptoir.orders.place(order_request(comptoir, clock.now))
    with comptoir.store.write() as session:  # as a store that pulled it before the check
        session.execute(update(Order).where(Order.id == hostile.id).values(number="*"))
    kept = comptoir.orders.place(order_request(comptoir, clock.now, n=1))
    worker = PrintWorker.from_settings(comptoir, data_dir)
    worker.run_once()
    tickets = data_dir / "tickets"
    saved = sorted(p.name for p in tickets.iterdir())
    assert saved and all(name.startswith(f"{kept.number}-") for name in saved)
    assert comptoir.print_jobs.queued() == []  # the hostile job was given up, not retried
    assert sorted(p.name for p in data_dir.iterdir() if p.name.startswith("*")) == []

    comptoir.orders.cancel(hostile.id, "Plus besoin", attendant_id=None)
    comptoir.client_records.erase(hostile.client_id, attendant_id=None)
    assert sorted(p.name for p in tickets.iterdir()) == saved  # "*" deleted nothing
