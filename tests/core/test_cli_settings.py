"""`kiosk settings list|get|set`: the wizard's checks from a shell; an unknown name exits
3, a refused value 2, each with one sentence on stderr in $LANG's language and nothing
written; a change is audited as the shell's and queued for the central server."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from kiosk_app.__main__ import main
from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.setting_rules import RULES
from kiosk_app.exits import Exit
from kiosk_app.store.models import AuditEntry, OutboxOp

from .test_entry_points_fuzz import SQL_AND_FRIENDS


def kiosk(
    data_dir: Path, *args: str, lang: str = "en_GB.UTF-8"
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk_app", "settings", *args, "--data-dir", str(data_dir)],
        capture_output=True, text=True, check=False,
        env={"LANG": lang, "PATH": "/usr/bin:/bin", "PYTHONPATH": ":".join(sys.path)},
    )  # fmt: skip


def test_set_get_and_list(tmp_path: Path) -> None:
    done = kiosk(tmp_path, "set", "association_siret", "732 829 320 00074")
    assert done.returncode == Exit.OK, done.stderr
    assert done.stdout == "association_siret\t73282932000074\n"
    assert kiosk(tmp_path, "get", "association_siret").stdout == "73282932000074\n"
    listed = kiosk(tmp_path, "list").stdout.splitlines()
    assert "association_siret\t73282932000074" in listed
    assert {line.split("\t")[0] for line in listed} == set(RULES)
    app = Comptoir.open(tmp_path)
    try:
        with app.store.read() as session:
            [entry] = session.scalars(select(AuditEntry)).all()
            [op] = session.scalars(select(OutboxOp)).all()
        assert entry.attendant_id is None
        assert entry.details == {
            "key": "association_siret",
            "source": "cli",
            "value": "73282932000074",
        }
        assert (op.entity, op.data["source"]) == ("setting", "cli")
    finally:
        app.close()


def test_an_unknown_name_and_a_bad_value_exit_differently(tmp_path: Path) -> None:
    unknown = kiosk(tmp_path, "set", "printer_colour", "red")
    assert unknown.returncode == Exit.NOT_FOUND
    assert unknown.stderr == (
        "Unknown setting: printer_colour. 'kiosk settings list' shows them all.\n"
    )
    assert kiosk(tmp_path, "get", "printer_colour").returncode == Exit.NOT_FOUND
    bad = kiosk(tmp_path, "set", "printer_kind", "bluetooth", lang="fr_FR.UTF-8")
    assert bad.returncode == Exit.BAD_INPUT
    assert bad.stderr == (
        "printer_kind: Valeur inconnue : choisissez parmi none, network, usb, serial, cups, file.\n"
    )
    code = kiosk(tmp_path, "set", "kiosk_code", "07")
    assert code.returncode == Exit.BAD_INPUT
    assert "given by the central server" in code.stderr
    assert kiosk(tmp_path, "get", "printer_kind").stdout == "none\n"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-settings")
    Comptoir.open(folder).close()
    return folder


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    return status, out.getvalue(), err.getvalue()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    key=st.one_of(st.sampled_from(sorted(RULES)), st.text(max_size=40)),
    value=st.one_of(
        st.sampled_from(SQL_AND_FRIENDS),
        st.text(max_size=300),
        st.text(min_size=5000, max_size=20000),  # a huge paste
    ),
)
def test_arbitrary_text_at_settings_set(store_dir: Path, key: str, value: str) -> None:
    """Any name and any value: stored as checked, or refused with one sentence and the
    status of its kind; never a traceback, never half-written."""
    if "\x00" in key + value:
        return  # a NUL the shell cannot pass in argv
    app = Comptoir.open(store_dir)
    before = app.settings.get()
    app.close()
    # After "--", as a script passes any text (argparse takes "-x" for an option).
    status, out, err = run(["settings", "set", "--data-dir", str(store_dir), "--", key, value])
    assert "Traceback" not in err
    app = Comptoir.open(store_dir)
    after = app.settings.get()
    app.close()
    if key not in RULES:
        assert status == Exit.NOT_FOUND and after == before
    elif status == Exit.OK:
        assert out.startswith(f"{key}\t")
        assert len(getattr(after, key)) <= 2000
    else:
        assert status == Exit.BAD_INPUT and after == before
        assert err.count("\n") == 1 and err.startswith(f"{key}: ")
