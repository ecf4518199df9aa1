"""`kiosk enrol URL TOKEN` and `kiosk sync`, as support staff and scripts use them."""

from __future__ import annotations

import stat
from datetime import UTC, datetime

import pytest
from sync_harness import Clock, LiveServer, assert_same_records, order_request

from kiosk_app.__main__ import main
from kiosk_app.comptoir import Comptoir


def test_enrol_then_sync_from_the_command_line(
    comptoir: Comptoir,
    central: LiveServer,
    clock: Clock,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    data_dir = comptoir.store.path.parent
    token = central.enrol("saint-paul", datetime.now(UTC))
    assert main(["enrol", central.url, "wrong-token", "--data-dir", str(data_dir)]) == 2
    assert "The central server refuses this token" in capsys.readouterr().err  # not "no longer"
    assert not (data_dir / "sync-token").exists()
    assert main(["enrol", central.url, token, "--data-dir", str(data_dir)]) == 0
    mode = stat.S_IMODE((data_dir / "sync-token").stat().st_mode)
    assert mode == 0o600
    capsys.readouterr()
    assert main(["sync", "--data-dir", str(data_dir)]) == 0
    first = capsys.readouterr().out
    assert "Pulled: 0 change(s)" in first  # enrolling took the catalogue already
    from server.catalogue import stable_id
    from sync.protocol import Entity

    ids = {s.id for s in comptoir.catalogue.all_services()}
    assert stable_id(Entity.SERVICE, "montee-courses") in ids and len(ids) == 70
    comptoir.orders.place(order_request(comptoir, clock.now))
    assert main(["sync", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "Pushed: 2 applied, 0 duplicate, 0 rejected, 0 conflict" in out
    assert "Pending: 0; set aside: 0" in out
    assert_same_records(comptoir, central.db)


def test_plain_http_is_refused_beyond_this_machine(
    comptoir: Comptoir, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    data_dir = comptoir.store.path.parent
    assert main(["enrol", "http://central.example.org", "t", "--data-dir", str(data_dir)]) == 2
    assert "https://" in capsys.readouterr().err
    assert main(["sync", "--data-dir", str(data_dir)]) == 2
    assert "kiosk enrol" in capsys.readouterr().err
