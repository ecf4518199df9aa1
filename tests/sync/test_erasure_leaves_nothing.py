"""An erasure leaves nothing: a client who ordered at kiosks A and B (a saved ticket
at each, no printer configured) is erased at A; once A and B have synced, no file of A,
of B nor of the central server holds their name, phone, street or door code, the SQLite
files' WALs included. On PostgreSQL, what is reachable (every table's rows) is searched;
what PostgreSQL keeps beyond it is docs/DEPLOYMENT.md's subject."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sync_harness import Clock, Kiosk, LiveServer, order_request

from kiosk_app.domain.validation import phone
from kiosk_app.services.clients import AddressInput
from printing.queue import PrintWorker
from server.models import Base

NAME = "Jeanne Lefèvre"
STREET = "3 impasse des Glycines"
DOOR_CODE = "4821B"
PHONE = "06 98 76 54 32"
# How each may be written down: as typed, stored (E.164), folded for search, on a ticket.
NEEDLES = (
    NAME,
    "Lefèvre",
    "lefevre",
    "Lefevre",
    STREET,
    "impasse des Glycines",
    DOOR_CODE,
    "+33698765432",
    "698765432",
    PHONE,
    "0698765432",
)


def _order_and_ticket(kiosk: Kiosk, clock: Clock, **changes: Any) -> Any:
    request = order_request(kiosk.app, clock.now, **changes)
    request = replace(
        request,
        name=NAME,
        phone=PHONE,
        email=None,
        address=AddressInput(
            street=STREET, postcode="75004", city="Paris", access_notes=f"Code {DOOR_CODE}"
        ),
        description=f"Pour {NAME}, code {DOOR_CODE}",
    )
    order = kiosk.app.orders.place(request)
    # No printer configured: the print queue saves the ticket as PNG and text.
    assert PrintWorker.from_settings(kiosk.app, kiosk.data_dir).run_once() >= 1
    return order


def _files_holding(folder: Path) -> dict[str, list[str]]:
    """Every file under `folder` (the store, its WAL, tickets, exports...) that holds
    one of the needles, and which."""
    found: dict[str, list[str]] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        hits = [needle for needle in NEEDLES if needle.encode() in data]
        if hits:
            found[str(path.relative_to(folder))] = hits
    return found


def _server_rows_holding(central: LiveServer) -> dict[str, list[str]]:
    """Every row of every table of the server's database, as text."""
    found: dict[str, list[str]] = {}
    with central.db.read() as session:
        for table in Base.metadata.sorted_tables:
            if central.db.dialect == "postgresql":
                rows = session.execute(text(f"SELECT CAST(t AS text) FROM {table.name} t"))
            else:
                rows = session.execute(table.select())
            for row in rows:
                written = " ".join(str(value) for value in row)
                hits = [needle for needle in NEEDLES if needle in written]
                if hits:
                    found.setdefault(table.name, []).extend(hits)
    return found


def test_an_erasure_at_one_kiosk_leaves_no_copy_anywhere(
    kiosk: Kiosk, bastille: Kiosk, central: LiveServer, clock: Clock, tmp_path: Path
) -> None:
    at_a = _order_and_ticket(kiosk, clock)
    kiosk.sync()
    # B pulls only its own clients: the resident, at B's counter, is looked up by phone
    # and order number ("follow my order"); B then knows the client and A's order.
    bastille.client.lookup(phone(PHONE), at_a.number)
    bastille.sync()  # the same phone is the same client there
    at_b = _order_and_ticket(bastille, clock, n=1)
    assert at_b.client_id == at_a.client_id
    bastille.sync()
    # B also reprints A's order's ticket (the resident came to B with it).
    bastille.app.print_jobs.reprint(at_a.id)
    PrintWorker.from_settings(bastille.app, bastille.data_dir).run_once()
    for kiosk_, order in ((kiosk, at_a), (bastille, at_b)):
        kiosk_.sync()
        kiosk_.app.orders.cancel(order.id, "Plus besoin", attendant_id=None)
        kiosk_.sync()
    kiosk.sync()
    # Before: the person is in every place this test searches.
    assert _files_holding(kiosk.data_dir) and _files_holding(bastille.data_dir)
    assert any("tickets/" in name for name in _files_holding(bastille.data_dir))
    assert _server_rows_holding(central)

    kiosk.app.client_records.erase(at_a.client_id, attendant_id=None)
    kiosk.sync()
    report = bastille.sync()
    assert report.pushed.rejected == 0 and report.pulled > 0

    assert _files_holding(kiosk.data_dir) == {}
    assert _files_holding(bastille.data_dir) == {}
    assert _server_rows_holding(central) == {}
    if central.db.dialect == "sqlite":
        server_folder = Path(central.db.engine.url.database or "").parent
        assert (server_folder / "central.sqlite3-wal").stat().st_size == 0
        assert _files_holding(server_folder) == {}
    # B kept the order, without the person: the counter shows it under a neutral name.
    kept = bastille.app.orders.get(at_b.id)
    assert kept.number == at_b.number and kept.status.value == "cancelled"
    assert bastille.app.clients.get(at_b.client_id).phone is None
    assert not list((bastille.data_dir / "tickets").glob(f"{at_b.number}-*"))
