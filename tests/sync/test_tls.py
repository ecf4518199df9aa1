"""TLS: the client verifies the server's certificate, against the system's authorities
or a CA bundle configured at enrolment; an unknown certificate is refused in plain
words. The server is the real one over https on loopback, its certificate made here
with openssl."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sync_harness import Clock, LiveServer, assert_same_records, order_request

from kiosk_app.comptoir import Comptoir
from server.database import Database, sqlite_url
from sync.client import SyncClient, TlsFailure
from sync.engine import sync_once
from sync.enrolment import enrol, open_client


def make_certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A CA, and a certificate it signed for 127.0.0.1: (ca, cert, key)."""
    ca, ca_key = folder / "ca.pem", folder / "ca.key"
    cert, key, request = folder / "server.pem", folder / "server.key", folder / "server.csr"
    extensions = folder / "san.cnf"
    extensions.write_text("subjectAltName=IP:127.0.0.1\n", encoding="utf-8")
    commands = (
        f"req -x509 -newkey rsa:2048 -nodes -days 2 -keyout {ca_key} -out {ca}",
        f"req -newkey rsa:2048 -nodes -keyout {key} -out {request}",
        f"x509 -req -days 2 -CAcreateserial -in {request} -CA {ca} -CAkey {ca_key} -out {cert}"
        f" -extfile {extensions}",
    )
    subjects = (["-subj", "/CN=Comptoir test CA"], ["-subj", "/CN=127.0.0.1"], [])
    for command, subject in zip(commands, subjects, strict=True):
        argv = ["openssl", *command.split(), *subject]  # pytest's folders have no spaces
        subprocess.run(argv, check=True, capture_output=True)
    return ca, cert, key


@pytest.fixture
def https_server(tmp_path: Path) -> Iterator[tuple[LiveServer, Path]]:
    ca, cert, key = make_certificates(tmp_path)
    db = Database.open(sqlite_url(tmp_path))
    server = LiveServer(db, tls=(cert, key)).start()
    try:
        server.import_demo_catalogue(datetime.now(UTC))
        yield server, ca
    finally:
        server.stop()
        db.close()


def test_a_certificate_from_the_configured_ca_is_trusted(
    comptoir: Comptoir, https_server: tuple[LiveServer, Path], clock: Clock
) -> None:
    server, ca = https_server
    assert server.url.startswith("https://")
    data_dir = comptoir.store.path.parent
    token = server.enrol("saint-paul", datetime.now(UTC))
    enrol(comptoir.store, data_dir, server.url, token, ca_bundle=str(ca)).close()
    comptoir.orders.place(order_request(comptoir, clock.now))
    client = open_client(comptoir.store, data_dir)  # the bundle is kept with the URL
    report = sync_once(comptoir.store, client, data_dir)
    client.close()
    assert report.pushed.applied == 2
    assert_same_records(comptoir, server.db)


def test_an_unknown_certificate_is_refused(
    comptoir: Comptoir, https_server: tuple[LiveServer, Path]
) -> None:
    server, _ca = https_server
    token = server.enrol("saint-paul", datetime.now(UTC))
    client = SyncClient(server.url, token)  # the system's authorities only
    with pytest.raises(TlsFailure) as refused:
        client.pull(0, 1)
    client.close()
    assert refused.value.key == "sync.tls"
    data_dir = comptoir.store.path.parent
    with pytest.raises(TlsFailure):
        enrol(comptoir.store, data_dir, server.url, token)
    assert not (data_dir / "sync-token").exists()
