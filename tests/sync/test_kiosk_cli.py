"""`kiosk enrol URL` (the token on standard input or in a file) and `kiosk sync`, as
support staff and scripts use them."""

from __future__ import annotations

import io
import stat
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

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
    monkeypatch.setattr("sys.stdin", io.StringIO("-wrong-token-starting-with-a-dash\n"))
    assert main(["enrol", central.url, "--data-dir", str(data_dir)]) == 2
    assert "The central server refuses this token" in capsys.readouterr().err  # not "no longer"
    assert not (data_dir / "sync-token").exists()
    monkeypatch.setattr("sys.stdin", io.StringIO(token + "\n"))
    assert main(["enrol", central.url, "--data-dir", str(data_dir)]) == 0
    mode = stat.S_IMODE((data_dir / "sync-token").stat().st_mode)
    assert mode == 0o600
    assert "Kiosk code: 01 (orders 01-0001, …)" in capsys.readouterr().out
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
    monkeypatch.setattr("sys.stdin", io.StringIO("t\n"))
    assert main(["enrol", "http://central.example.org", "--data-dir", str(data_dir)]) == 2
    assert "https://" in capsys.readouterr().err
    assert main(["sync", "--data-dir", str(data_dir)]) == 2
    assert "kiosk enrol" in capsys.readouterr().err


def test_the_token_from_a_file_and_never_on_the_command_line(
    comptoir: Comptoir,
    central: LiveServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    data_dir = comptoir.store.path.parent
    token_file = tmp_path / "token"
    token_file.write_text(central.enrol("saint-paul", datetime.now(UTC)) + "\n")
    args = ["enrol", central.url, "--token-file", str(tmp_path / "missing"), "--data-dir"]
    assert main([*args, str(data_dir)]) == 2
    assert "The token's file cannot be read" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["enrol", central.url, "--data-dir", str(data_dir)]) == 2
    assert "No token given" in capsys.readouterr().err
    args = ["enrol", central.url, "--token-file", str(token_file), "--data-dir", str(data_dir)]
    assert main(args) == 0
    assert (data_dir / "sync-token").read_text() == token_file.read_text().strip()
    # The old form, with the token as an argument, is refused by the parser.
    old = subprocess.run(
        [sys.executable, "-m", "kiosk_app", "enrol", central.url, "tok", "--data-dir", "x"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    # One sentence naming the command's help, never what was typed (a token).
    assert old.returncode == 2 and len(old.stderr.strip().splitlines()) == 1
    assert "--help" in old.stderr and "tok" not in old.stderr


def test_a_web_platform_token_is_refused_to_a_kiosk(
    comptoir: Comptoir,
    central: LiveServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from server.scopes import DeviceKind

    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    web = central.enrol("web-platform", datetime.now(UTC), kind=DeviceKind.WEB)
    monkeypatch.setattr("sys.stdin", io.StringIO(web + "\n"))
    data_dir = comptoir.store.path.parent
    assert main(["enrol", central.url, "--data-dir", str(data_dir)]) == 2
    assert "pas celui d'un kiosque" in capsys.readouterr().err
    assert not (data_dir / "sync-token").exists()
