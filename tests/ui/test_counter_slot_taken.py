"""Two kiosks (saint-paul, code 01, and this counter, code 02) on one live central
server send the same Lulu to the same slot while offline. Saint-Paul's assignment
reached the server first: at this counter, after the sync, the order is back to
"confirmed", and its page says who has the slot and where — the other order's number
and kiosk, never its client."""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from kiosk_app.comptoir import Comptoir
from server.catalogue import import_catalogue
from sync.protocol import OrderStatus

from .counter_support import log_in, place_order
from .support import Resident
from .test_counter_suggestions import open_order

# The live server and kiosk helpers are the sync tests' own.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))
from sync_harness import Kiosk, LiveServer, database, enrolled

AWA = uuid.UUID("0c5a1a2e-0000-4000-8000-00000000a0a0")


@pytest.fixture
def central(tmp_path: Path) -> Iterator[LiveServer]:
    folder = tmp_path / "central"
    folder.mkdir()
    with database("sqlite", folder) as db:
        server = LiveServer(db).start()
        try:
            server.import_demo_catalogue(datetime.now(UTC))
            with db.write() as session:
                lulus = {"lulus": [{"id": str(AWA), "display_name": "Awa D.", "skills": []}]}
                import_catalogue(session, lulus, now=datetime.now(UTC))
            yield server
        finally:
            server.stop()


@pytest.fixture
def saint_paul(
    tmp_path: Path, clock: Any, demo_catalogue: dict[str, Any], central: LiveServer
) -> Iterator[Kiosk]:
    app = Comptoir.open(tmp_path / "saint-paul", clock=clock)
    app.catalogue.load(demo_catalogue)
    k = enrolled(app, central, "saint-paul")
    k.sync()
    yield k
    k.client.close()
    app.close()


def test_the_counter_shows_who_took_the_lulus_slot_and_where(
    kiosk: Resident, comptoir: Comptoir, attendants: None, central: LiveServer, saint_paul: Kiosk
) -> None:
    here = enrolled(comptoir, central, "bastille")
    try:
        here.sync()
        theirs = place_order(saint_paul.app, phone="06 55 44 33 22")
        saint_paul.app.orders.confirm(theirs.id, attendant_id=None)
        saint_paul.app.orders.assign(theirs.id, AWA, attendant_id=None)
        ours = place_order(comptoir)  # the same slot, 14:00–16:00 UTC
        comptoir.orders.confirm(ours.id, attendant_id=None)
        comptoir.orders.assign(ours.id, AWA, attendant_id=None)
        saint_paul.sync()
        assert here.sync().pushed.conflict == 1
    finally:
        here.client.close()

    log_in(kiosk)
    open_order(kiosk, ours.number)
    detail = kiosk.window.counter.detail
    assert detail.order is not None and detail.order.status is OrderStatus.CONFIRMED
    note = detail.server_notes
    assert note.isVisible()
    assert note.text() == (
        f"Commande {ours.number} : le Lulu Awa D. n’a pas pu lui être attribué, Awa D. a déjà "
        f"la commande {theirs.number} (kiosque 01) à ce moment-là. La commande est revenue à "
        "« confirmée » : choisissez un autre Lulu."
    )
    assert "Odette" not in note.text() and "Vidal" not in note.text()
    assert f"Commande {ours.number} : Confirmée" in detail.heading.text()
    assert detail.assign_box.isVisible()  # another Lulu can be chosen at once
