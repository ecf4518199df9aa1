"""`kiosk attendant add`: the PIN asked twice, never echoed nor printed, stored hashed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import Role


def add_attendant(data_dir: Path, typed: str, *extra: str) -> subprocess.CompletedProcess[str]:
    # A new session has no controlling terminal: getpass then reads the PIN from stdin,
    # as when a script feeds it.
    return subprocess.run(
        [sys.executable, "-m", "kiosk_app", "attendant", "add", "Nadia Benali", *extra,
         "--data-dir", str(data_dir)],
        input=typed, capture_output=True, text=True, start_new_session=True, check=False,
        env={"LANG": "en_GB.UTF-8", "PATH": "/usr/bin:/bin"},
    )  # fmt: skip


def test_an_attendant_is_added_with_the_pin_asked_twice(tmp_path: Path) -> None:
    done = add_attendant(tmp_path, "482915\n482915\n", "--role", "manager")
    assert done.returncode == 0, done.stderr
    assert "Nadia Benali (manager)" in done.stdout
    assert "482915" not in done.stdout + done.stderr
    app = Comptoir.open(tmp_path)
    try:
        [nadia] = app.attendants.list()
        assert nadia.role is Role.MANAGER
        assert app.attendants.log_in(nadia.id, "482915").name == "Nadia Benali"
    finally:
        app.close()
    assert b"482915" not in (tmp_path / "comptoir.sqlite3").read_bytes()


def test_two_different_pins_add_no_one(tmp_path: Path) -> None:
    done = add_attendant(tmp_path, "482915\n482916\n")
    assert done.returncode == 2
    assert "The two PINs differ." in done.stderr
    app = Comptoir.open(tmp_path)
    try:
        assert app.attendants.list() == []
    finally:
        app.close()


def test_a_pin_that_is_not_digits_is_refused_in_plain_words(tmp_path: Path) -> None:
    done = add_attendant(tmp_path, "abcd\nabcd\n")
    assert done.returncode == 2
    assert "The PIN has 4 to 8 digits." in done.stderr
