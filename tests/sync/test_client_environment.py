"""The client reads the environment once, when it is made (requests would read it on
every request): a proxy it names is still used, NO_PROXY still honoured, and a CA
bundle from $REQUESTS_CA_BUNDLE still trusted unless one is configured."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sync_harness import LiveServer
from test_tls import make_certificates

from server.database import Database, sqlite_url
from sync.client import NetworkDown, SyncClient, TlsFailure

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


@pytest.fixture
def bare_environment(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in (*PROXY_VARIABLES, "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    return monkeypatch


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # nothing listens there once closed


def test_a_proxy_named_by_the_environment_is_used_unless_no_proxy_says_otherwise(
    central: LiveServer, bare_environment: pytest.MonkeyPatch
) -> None:
    token = central.enrol("saint-paul", datetime.now(UTC))
    bare_environment.setenv("HTTP_PROXY", f"http://127.0.0.1:{closed_port()}")
    through_proxy = SyncClient(central.url, token)
    with pytest.raises(NetworkDown):  # the request went to the (dead) proxy
        through_proxy.meta()
    through_proxy.close()
    bare_environment.setenv("NO_PROXY", "127.0.0.1")
    direct = SyncClient(central.url, token)
    assert direct.meta().protocol_version == 1
    direct.close()


@pytest.fixture
def https_server(tmp_path: Path) -> Iterator[tuple[LiveServer, Path]]:
    ca, cert, key = make_certificates(tmp_path)
    db = Database.open(sqlite_url(tmp_path))
    server = LiveServer(db, tls=(cert, key)).start()
    try:
        yield server, ca
    finally:
        server.stop()
        db.close()


def test_the_environments_ca_bundle_is_trusted_and_a_configured_one_wins(
    https_server: tuple[LiveServer, Path],
    bare_environment: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    server, ca = https_server
    token = server.enrol("saint-paul", datetime.now(UTC))
    bare_environment.setenv("REQUESTS_CA_BUNDLE", str(ca))
    trusting = SyncClient(server.url, token)
    assert trusting.meta().schema_version == 1
    trusting.close()
    (tmp_path / "other").mkdir()
    other_ca, _cert, _key = make_certificates(tmp_path / "other")
    configured = SyncClient(server.url, token, ca_bundle=str(other_ca))
    with pytest.raises(TlsFailure):
        configured.meta()
    configured.close()
