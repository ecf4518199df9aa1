"""The operator's log keeps no personal data, and what holds personal data is its owner's
only. A demo month, its whole tour on the kiosk (the resident's screens and the
counter's) in French and English, a sync with a central server on loopback, a printer
fault on a fake network printer, refusals from the command line: then none of the demo
clients' names, phones, streets, descriptions, door codes or comments is in DIR/logs."""

from __future__ import annotations

import logging
import re
import stat
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from kiosk_app.__main__ import main as kiosk
from kiosk_app.comptoir import Comptoir
from kiosk_app.demo.seed import seed_demo
from operator_log import logs_dir, setup_logging
from printing.queue import PrintWorker
from server.demo import start_local_server
from sync.engine import sync_once
from sync.enrolment import enrol, open_client
from sync.protocol import OrderStatus
from tests.printing.fake_printer import FakePrinter
from ui.app import build_window
from ui.tour import TourData, tour

AS_OF = date(2026, 11, 26)
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[tuple[Path, Comptoir]]:
    folder = tmp_path / "kiosk"
    setup_logging(folder, "kiosk")
    seed_demo(folder, as_of=AS_OF)
    comptoir = Comptoir.open(folder, clock=lambda: NOW)
    yield folder, comptoir
    comptoir.close()
    root = logging.getLogger()
    for handler in list(root.handlers):
        if type(handler).__name__ == "OwnerOnlyRotatingHandler":
            root.removeHandler(handler)
            handler.close()


def personal_data(comptoir: Comptoir) -> set[str]:
    """What the store knows of people: read back with plain SQL, as a checker would."""
    found: set[str] = set()
    with comptoir.store.engine.connect() as conn:
        queries = (
            "SELECT name, phone, street, access_notes FROM clients",
            "SELECT description, street, access_notes FROM orders",
            "SELECT comment FROM ratings",
            "SELECT name, phone, email FROM clients",
            "SELECT display_name FROM lulus",
        )
        for query in queries:
            for row in conn.exec_driver_sql(query):
                found.update(str(value) for value in row if value)
    # Phones as typed on a keypad too, and the door codes inside the access notes.
    found |= {re.sub(r"\D", "", value) for value in found if re.fullmatch(r"[\d +.]{10,}", value)}
    found |= {code for value in found for code in re.findall(r"\b[A-Z]?\d{4}[A-Z]?\b", value)}
    return {value for value in found if len(value) >= 4}


def test_no_personal_data_in_the_logs_and_private_files_are_the_owners(
    demo: tuple[Path, Comptoir], qapp: QApplication, tmp_path: Path
) -> None:
    folder, comptoir = demo
    done = comptoir.orders.list(statuses=frozenset({OrderStatus.DONE}), limit=200)
    order = next(o for o in done if comptoir.ratings.for_order(o.id) is None)
    data = TourData(order.number, comptoir.clients.get(order.client_id).phone or "")

    # The resident's and the counter's screens, in both languages.
    for lang in ("fr", "en"):
        window = build_window(comptoir, app=qapp)
        window.resize(1280, 800)
        window.show()
        seen = list(tour(window, data, lang=lang))
        assert len(seen) >= 20
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    # A printer fault (paper out), on a fake ESC/POS printer on loopback.
    printer = FakePrinter(paper_out=True)
    try:
        comptoir.settings.update(
            printer_kind="network", printer_address=f"127.0.0.1:{printer.port}"
        )
        worker = PrintWorker.from_settings(comptoir, folder)
        worker.run_once()
    finally:
        printer.close()

    # A sync with a central server: the demo month, and what the tour wrote.
    central = start_local_server(tmp_path / "central")
    try:
        enrol(comptoir.store, folder, central.url, central.token).close()
        client = open_client(comptoir.store, folder)
        report = sync_once(comptoir.store, client, folder)
        client.close()
        assert report.pushed.applied > 0
    finally:
        central.stop()

    # Refusals from the command line, and one that works.
    assert (
        kiosk(["invoice", "99-9999", "--data-dir", str(folder), "--pdf", str(tmp_path / "x")]) == 3
    )
    assert kiosk(["stats", "--data-dir", str(folder), "--json"]) == 0

    logs = logs_dir(folder)
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(logs.iterdir()))
    assert "print job" in text and "sync: pushed" in text and "order.unknown_number" in text
    secrets = personal_data(comptoir)
    assert len(secrets) > 300
    assert sorted(value for value in secrets if value in text) == []

    # Owner only: the folder, the store and its WAL and index (open now), the logs.
    assert (folder / "comptoir.sqlite3-wal").exists()
    for path in (folder, logs):
        assert stat.S_IMODE(path.stat().st_mode) == 0o700, path
    for path in (*folder.glob("comptoir.sqlite3*"), *logs.iterdir()):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
