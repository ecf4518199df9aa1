"""The kiosks' health on the central server, end to end: three kiosks sync with one real
server on loopback (SQLite, and PostgreSQL when given), a fourth is enrolled but never
installed. One kiosk's printer is out of paper, one goes offline after its first sync
while the server's clock moves past an hour. The endpoint and the page, in French and
English, say what needs a person."""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from kiosks_view import read_page
from sync_harness import Clock, Kiosk, LiveServer, database, enrolled, order_request, pg_url

from kiosk_app.backups import take_backup
from kiosk_app.comptoir import Comptoir
from kiosk_app.services.health import HealthProbe
from printing.queue import PrintWorker
from server.scopes import DeviceKind
from sync.client import NetworkDown, SyncClient
from sync.engine import SyncReport, sync_once
from sync.enrolment import open_client
from sync.protocol import HEALTH_PATH
from sync.worker import SyncWorker

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "printing"))
from fake_printer import FakePrinter

SERVER_KINDS = ["sqlite", *(["postgresql"] if pg_url() else [])]
# Disk and version fixed, so that no kiosk is flagged for this machine's disk; the
# backups are read from each data folder for real.
PROBE = HealthProbe(
    version=lambda: "0.1.0", disk_space=lambda _folder: (21_400_000_000, 31_900_000_000)
)
KIOSK_AHEAD = timedelta(seconds=30)  # the kiosks' clocks run a little fast


START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # the root conftest's


@dataclass
class Central:
    live: LiveServer
    clock: Clock  # the server's own
    admin: str  # a token that may read the kiosks' health

    def get(self, path: str, **params: str) -> requests.Response:
        return requests.get(
            self.live.url + path,
            params=params,
            headers={"Authorization": f"Bearer {self.admin}"},
            timeout=30,
        )


@pytest.fixture(params=SERVER_KINDS)
def central(request: pytest.FixtureRequest, tmp_path: Path, clock: Clock) -> Iterator[Central]:
    folder = tmp_path / "central"
    folder.mkdir()
    assert clock.now == START
    server_clock = type(clock)(START)
    with database(request.param, folder) as db:
        live = LiveServer(db, clock=server_clock).start()
        try:
            live.import_demo_catalogue(START)
            # The association's back office: an administrator's token.
            yield Central(live, server_clock, live.enrol("Bureau", START, kind=DeviceKind.ADMIN))
        finally:
            live.stop()


@pytest.fixture
def kiosk_clock(clock: Clock) -> Clock:
    clock.advance(seconds=KIOSK_AHEAD.total_seconds())
    return clock


@pytest.fixture
def open_kiosk(tmp_path: Path, central: Central, kiosk_clock: Clock) -> Iterator[Any]:
    opened: list[Kiosk] = []

    def open_(name: str) -> Kiosk:
        app = Comptoir.open(tmp_path / name, clock=kiosk_clock)
        app.settings.update(kiosk_name=name)  # (its code comes with the enrolment)
        kiosk = enrolled(app, central.live, name)
        code = app.settings.get().kiosk_code
        last_night = kiosk_clock.now - timedelta(hours=7)
        take_backup(kiosk.data_dir, taken_at=last_night, kiosk_code=code)
        opened.append(kiosk)
        return kiosk

    yield open_
    for kiosk in opened:
        kiosk.client.close()
        kiosk.app.close()


def sync(kiosk: Kiosk) -> SyncReport:
    return sync_once(
        kiosk.app.store, kiosk.client, kiosk.data_dir, clock=kiosk.app.clock, probe=PROBE
    )


def with_printer(kiosk: Kiosk, printer: FakePrinter) -> PrintWorker:
    kiosk.app.settings.update(printer_kind="network", printer_address=f"127.0.0.1:{printer.port}")
    return PrintWorker.from_settings(kiosk.app, kiosk.data_dir)


def later(central: Central, kiosk_clock: Clock, **delta: float) -> None:
    central.clock.advance(**delta)
    kiosk_clock.advance(**delta)


def test_three_kiosks_one_out_of_paper_one_offline(
    central: Central, open_kiosk: Any, kiosk_clock: Clock
) -> None:
    good_printer, empty_printer = FakePrinter(), FakePrinter(paper_out=True)
    try:
        saint_paul, marais, bastille = (open_kiosk(n) for n in ("Saint-Paul", "Marais", "Bastille"))
        central.live.enrol("Oberkampf", START)  # enrolled, never installed
        paul_printer = with_printer(saint_paul, good_printer)
        marais_printer = with_printer(marais, empty_printer)
        for n, kiosk in enumerate((saint_paul, marais, bastille)):
            kiosk.app.orders.place(order_request(kiosk.app, kiosk_clock.now, n=n))
        assert paul_printer.run_once() == 1 and marais_printer.run_once() == 0
        for kiosk in (saint_paul, marais, bastille):
            assert sync(kiosk).pushed.applied == 2
        first_seen = central.clock.now

        later(central, kiosk_clock, minutes=61)  # Bastille is offline from now on
        saint_paul.app.orders.place(order_request(saint_paul.app, kiosk_clock.now, n=7))
        assert paul_printer.run_once() == 1
        assert sync(saint_paul).pushed.applied == 2
        assert sync(marais).pushed.applied == 0
    finally:
        good_printer.close()
        empty_printer.close()

    answer = central.get("/api/v1/kiosks")
    assert answer.status_code == 200
    kiosks = {k["name"]: k for k in answer.json()["kiosks"]}
    assert {
        name: kiosks[name]["needs"] for name in ("Saint-Paul", "Marais", "Bastille", "Oberkampf")
    } == {
        "Saint-Paul": [],
        "Marais": ["printer"],
        "Bastille": ["no_sync"],
        "Oberkampf": ["never_seen"],
    }
    marais_printer_state = kiosks["Marais"]["report"]["printer"]
    assert marais_printer_state == {
        "state": "fault",
        "fault": "printer.paper_out",
        "jobs_waiting": 1,
    }
    assert kiosks["Saint-Paul"]["report"]["printer"] == {
        "state": "ok",
        "fault": None,
        "jobs_waiting": 0,
    }
    # Last seen is the server's clock; the report keeps the kiosk's own beside it.
    assert kiosks["Bastille"]["last_seen"] == first_seen.isoformat().replace("+00:00", "Z")
    paul = kiosks["Saint-Paul"]
    assert datetime.fromisoformat(paul["last_seen"]) == central.clock.now
    assert datetime.fromisoformat(paul["report"]["kiosk_time"]) == kiosk_clock.now
    assert kiosks["Oberkampf"]["last_seen"] is None and kiosks["Oberkampf"]["report"] is None

    french = read_page(central.get("/kiosks").text)
    assert french.card("Marais").startswith(
        "Marais À voir Imprimante : plus de papier, 1 ticket attend. Mettez un rouleau neuf."
    )
    assert "Imprimante plus de papier, 1 ticket en attente" in french.card("Marais")
    bastille_card = french.card("Bastille")
    assert bastille_card.startswith(
        "Bastille À voir Aucune nouvelle depuis 1 h 01 : vérifiez qu’il est allumé et que son "
        "réseau passe. État au dernier contact : Dernier contact il y a 1 h 01 (26/11 à 10 h)"
    )
    assert french.card("Saint-Paul").startswith(
        "Saint-Paul Tout va bien Dernier contact à l’instant Version 0.1.0"
    )
    assert "Envois en attente aucun Imprimante en état Espace" in french.card("Saint-Paul")
    assert "Dernière sauvegarde 26/11 à 3 h" in french.card("Saint-Paul")
    assert "Horloge 11 h 01, à l’heure" in french.card("Saint-Paul")
    assert french.card("Oberkampf").startswith("Oberkampf À voir Jamais vu :")
    # The kiosks that need a person come first.
    assert [c.split(" ")[0] for c in french.cards].index("Saint-Paul") > 2

    english = read_page(central.get("/kiosks", lang="en").text)
    assert english.card("Marais").startswith(
        "Marais Needs a person Printer: out of paper, 1 ticket waiting. Put in a new roll."
    )
    assert english.card("Bastille").startswith(
        "Bastille Needs a person No news for 1 h 01: check that it is on and that its "
        "network works. As of its last report: Last seen 1 h 01 ago (26/11 at 10:00)"
    )
    assert english.card("Saint-Paul").startswith(
        "Saint-Paul All fine Last seen just now Version 0.1.0"
    )
    assert english.card("Oberkampf").startswith("Oberkampf Needs a person Never seen:")
    assert (
        "A kiosk needs a person when:" in english.outside and "no news for 1 h" in english.outside
    )


def test_an_empty_sync_reports_at_most_once_a_minute(
    central: Central, open_kiosk: Any, kiosk_clock: Clock
) -> None:
    kiosk = open_kiosk("Saint-Paul")

    def last_seen() -> str:
        (found,) = [
            k for k in central.get("/api/v1/kiosks").json()["kiosks"] if k["name"] == "Saint-Paul"
        ]
        return str(found["last_seen"])

    report = sync(kiosk)
    assert report.pushed.total == 0 and report.pulled == 0  # nothing to push, nothing new
    first = last_seen()
    assert datetime.fromisoformat(first) == central.clock.now
    later(central, kiosk_clock, seconds=20)
    sync(kiosk)
    assert last_seen() == first  # within the minute: not sent again
    later(central, kiosk_clock, seconds=45)
    sync(kiosk)
    assert datetime.fromisoformat(last_seen()) == central.clock.now


def test_the_kiosks_sync_worker_reports_from_its_first_sync(
    central: Central, open_kiosk: Any, kiosk_clock: Clock
) -> None:
    kiosk = open_kiosk("Saint-Paul")
    worker = SyncWorker(
        kiosk.app.store,
        kiosk.data_dir,
        lambda: open_client(kiosk.app.store, kiosk.data_dir),
        interval_s=3600,
        poll_s=0.05,
        clock=kiosk_clock,
    )
    worker.start()
    try:
        assert worker.wait_for_syncs(1, timeout=30)
    finally:
        worker.stop()
    (found,) = [
        k for k in central.get("/api/v1/kiosks").json()["kiosks"] if k["name"] == "Saint-Paul"
    ]
    assert datetime.fromisoformat(found["last_seen"]) == central.clock.now
    assert found["report"]["outbox_pending"] == 0 and found["report"]["version"]


def test_after_a_failed_sync_the_next_report_says_so(
    central: Central, open_kiosk: Any, kiosk_clock: Clock
) -> None:
    kiosk = open_kiosk("Marais")
    sync(kiosk)
    with socket.socket() as unused:  # a port where nothing listens: the network is down
        unused.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{unused.getsockname()[1]}"
    later(central, kiosk_clock, minutes=3)
    failed_at = kiosk_clock.now
    offline = SyncClient(dead, "any")
    with pytest.raises(NetworkDown):
        sync_once(kiosk.app.store, offline, kiosk.data_dir, clock=kiosk_clock, probe=PROBE)
    offline.close()
    later(central, kiosk_clock, seconds=20)  # back within the minute: it reports at once
    sync(kiosk)
    (found,) = [k for k in central.get("/api/v1/kiosks").json()["kiosks"] if k["name"] == "Marais"]
    assert found["report"]["last_error"] == "sync.network_down"
    assert datetime.fromisoformat(found["report"]["last_error_at"]) == failed_at
    assert found["needs"] == []  # it is back: nothing to do, but the page tells
    french = read_page(central.get("/kiosks").text).card("Marais")
    assert "Dernière erreur réseau coupé, 26/11 à 10 h 03" in french
    english = read_page(central.get("/kiosks", lang="en").text).card("Marais")
    assert "Last error network down, 26/11 at 10:03" in english


def test_a_server_without_the_health_endpoint_fails_no_sync(tmp_path: Path, clock: Clock) -> None:
    """An older central server answers 404 to the report: the orders still go."""
    with database("sqlite", tmp_path) as db:
        older = LiveServer(db)
        older.app.router.routes[:] = [
            r for r in older.app.router.routes if getattr(r, "path", "") != HEALTH_PATH
        ]
        older.start()
        app = Comptoir.open(tmp_path / "kiosk", clock=clock)
        try:
            older.import_demo_catalogue(datetime.now(UTC))
            kiosk = enrolled(app, older, "Saint-Paul")
            app.orders.place(order_request(app, clock.now))
            report = sync_once(app.store, kiosk.client, kiosk.data_dir, clock=clock, probe=PROBE)
            assert report.pushed.applied == 2 and report.pending == 0
            kiosk.client.close()
        finally:
            app.close()
            older.stop()


def test_only_a_token_opens_the_kiosks_page_and_endpoint(central: Central) -> None:
    url = central.live.url
    for path in ("/kiosks", "/api/v1/kiosks"):
        bare = requests.get(url + path, timeout=30)
        assert bare.status_code == 401
        assert bare.headers["WWW-Authenticate"].startswith("Basic ")  # a browser asks
        assert bare.json()["error"] == "unauthorized"
        wrong = requests.get(url + path, auth=("bureau", "not-a-token"), timeout=30)
        assert wrong.status_code == 401
        garbled = requests.get(url + path, headers={"Authorization": "Basic ???"}, timeout=30)
        assert garbled.status_code == 401 and garbled.json()["error"] == "unauthorized"
        # A browser sends the token as the password of HTTP Basic (any user name).
        assert (
            requests.get(url + path, auth=("bureau", central.admin), timeout=30).status_code == 200
        )
    from server.auth import revoke

    with central.live.db.write() as session:
        assert revoke(session, "Bureau", now=START)
    assert central.get("/kiosks").status_code == 401
