"""`kiosk attendant add`: the PIN asked twice, never echoed nor printed, stored hashed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk_app.__main__ import main
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


def kiosk(data_dir: Path, *args: str, typed: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk_app", "attendant", *args, "--data-dir", str(data_dir)],
        input=typed, capture_output=True, text=True, start_new_session=True, check=False,
        env={"LANG": "en_GB.UTF-8", "PATH": "/usr/bin:/bin"},
    )  # fmt: skip


def with_team(data_dir: Path) -> None:
    app = Comptoir.open(data_dir)
    try:
        app.attendants.add("Karim Haddad", Role.MANAGER, "2468")
        app.attendants.add("Camille Martin", Role.ATTENDANT, "1357")
    finally:
        app.close()


def test_list_disable_set_role_and_the_last_manager_refused(tmp_path: Path) -> None:
    with_team(tmp_path)
    refused = kiosk(tmp_path, "disable", "Karim Haddad")
    assert refused.returncode == 4  # Exit.NOT_NOW: right, but not while they are the last
    assert refused.stderr.strip() == (
        "This is the kiosk’s last manager: make someone else a manager first."
    )
    assert kiosk(tmp_path, "set-role", "Karim Haddad", "attendant").returncode == 4

    done = kiosk(tmp_path, "set-role", "Camille Martin", "manager")
    assert (done.returncode, done.stdout) == (0, "Camille Martin (manager)\n")
    done = kiosk(tmp_path, "disable", "Karim Haddad")
    assert (done.returncode, done.stdout) == (0, "Karim Haddad (manager, disabled)\n")
    listed = kiosk(tmp_path, "list")
    assert listed.stdout == "Camille Martin\tmanager\nKarim Haddad\tmanager  (disabled)\n"
    assert kiosk(tmp_path, "enable", "Karim Haddad").returncode == 0


def test_an_unknown_name_says_so_with_its_own_status(tmp_path: Path) -> None:
    with_team(tmp_path)
    done = kiosk(tmp_path, "disable", "Robert'); DROP TABLE attendants;--\x1b[2J")
    assert done.returncode == 3  # Exit.NOT_FOUND
    assert done.stderr.splitlines() == [
        "No attendant has this name: “Robert'); DROP TABLE attendants;--\\x1b[2J”."
    ]
    assert kiosk(tmp_path, "set-role", "Karim Haddad", "boss").returncode == 2  # argparse


def test_a_pin_is_reset_from_stdin_never_argv(tmp_path: Path) -> None:
    with_team(tmp_path)
    differ = kiosk(tmp_path, "reset-pin", "Camille Martin", typed="97531\n97532\n")
    assert differ.returncode == 2 and "The two PINs differ." in differ.stderr
    done = kiosk(tmp_path, "reset-pin", "Camille Martin", typed="97531\n97531\n")
    assert done.returncode == 0, done.stderr
    assert "97531" not in done.stdout + done.stderr
    app = Comptoir.open(tmp_path)
    try:
        camille = app.attendants.by_name("Camille Martin")
        assert app.attendants.log_in(camille.id, "97531").name == "Camille Martin"
    finally:
        app.close()
    # Nobody to reset: said before any PIN is asked.
    unknown = kiosk(tmp_path, "reset-pin", "Personne", typed="")
    assert unknown.returncode == 3 and "PIN" not in unknown.stdout + unknown.stderr


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.one_of(
        st.text(),
        st.sampled_from(
            ["Karim Haddad", "'; DROP TABLE attendants;--", "😀\u202e", "\ud800", "x" * 5000]
        ),
    )
)
def test_any_typed_name_gets_one_line_and_its_status(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    # Every example is refused and writes nothing: they share one store.
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    data_dir = tmp_path / "kiosk"
    if not data_dir.exists():
        with_team(data_dir)
    capsys.readouterr()
    # After `--`, as a script passes any name: one starting with "-" is then a name,
    # not an option (typed by hand, `kiosk attendant set-role -x …` is argparse's usage).
    status = main(["attendant", "set-role", "--data-dir", str(data_dir), "--", name, "attendant"])
    said = capsys.readouterr()
    if name.strip() == "Karim Haddad":
        assert status == 4  # the last manager
    else:
        assert status == 3  # no one of that name
        assert said.err.startswith("Aucun agent d’accueil ne porte ce nom")
    assert len(said.err.splitlines()) == 1 and said.out == ""
    app = Comptoir.open(data_dir)
    try:
        assert [(a.name, a.role) for a in app.attendants.list()] == [
            ("Camille Martin", Role.ATTENDANT), ("Karim Haddad", Role.MANAGER)
        ]  # fmt: skip
    finally:
        app.close()
