"""`kiosk backup` and `kiosk restore FILE` as a manager types them: one sentence in
French or English and a distinct exit status for every bad input, nothing changed; a
restore refused while the kiosk runs, and the replaced store kept aside, owner-only."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import stat
import subprocess
import sys
from contextlib import chdir, closing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kiosk_app.__main__ import main
from kiosk_app.backups import list_backups
from kiosk_app.comptoir import Comptoir
from kiosk_app.kiosk_lock import KioskLock
from kiosk_app.store.database import STORE_FILENAME

from ..conftest import FakeClock
from .support import order_request, sqlite_file


def kiosk(*args: str, lang: str = "en_GB.UTF-8") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk_app", *args],
        capture_output=True,
        text=True,
        check=False,
        env={"LANG": lang, "PATH": "/usr/bin:/bin"},
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def orders_in(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        count: int = conn.execute("SELECT count(*) FROM orders").fetchone()[0]
    return count


@pytest.fixture
def data_dir(comptoir: Comptoir, clock: FakeClock) -> Path:
    """A kiosk's folder, its store closed (as when the kiosk is stopped), one order in it."""
    comptoir.orders.place(order_request(comptoir, clock()))
    comptoir.close()
    return comptoir.store.path.parent


def test_backup_then_restore(data_dir: Path) -> None:
    done = kiosk("backup", "--data-dir", str(data_dir))
    assert done.returncode == 0, done.stderr
    [backup] = list_backups(data_dir)
    assert done.stdout.startswith(f"Backup written: {backup.path} (1 backup(s) kept in ")
    # The kiosk takes a second order, then the store is restored from the backup.
    app = Comptoir.open(data_dir)
    app.orders.place(order_request(app, app.clock()))
    app.close()
    store = data_dir / STORE_FILENAME
    assert orders_in(store) == 2
    done = kiosk("restore", str(backup.path), "--data-dir", str(data_dir), lang="fr_FR.UTF-8")
    assert done.returncode == 0, done.stderr
    [previous] = data_dir.glob(f"{STORE_FILENAME}.before-restore-*")
    assert done.stdout.strip() == (
        f"Base restaurée depuis {backup.path} ; la précédente est gardée dans {previous}."
    )
    assert orders_in(store) == 1
    assert orders_in(previous) == 2  # what the store held, its WAL included
    assert stat.S_IMODE(previous.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.stat().st_mode) == 0o600
    assert not Path(f"{store}-wal").exists()
    # The restored store opens and works.
    app = Comptoir.open(data_dir)
    try:
        assert len(app.orders.list(limit=10)) == 1
    finally:
        app.close()


def test_restore_on_a_new_folder(data_dir: Path, tmp_path: Path) -> None:
    """A replacement PC: nothing before, the backup becomes the store."""
    assert kiosk("backup", "--data-dir", str(data_dir)).returncode == 0
    [backup] = list_backups(data_dir)
    new = tmp_path / "new-kiosk"
    done = kiosk("restore", str(backup.path), "--data-dir", str(new))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Store restored from {backup.path} (there was no store before)."
    assert orders_in(new / STORE_FILENAME) == 1


def test_restore_is_refused_while_the_kiosk_runs(data_dir: Path) -> None:
    assert kiosk("backup", "--data-dir", str(data_dir)).returncode == 0
    [backup] = list_backups(data_dir)
    before = digest(data_dir / STORE_FILENAME)
    with KioskLock.acquire(data_dir):  # what the running kiosk holds
        done = kiosk("restore", str(backup.path), "--data-dir", str(data_dir))
    assert done.returncode == 4
    assert done.stderr.strip() == (
        f"The kiosk is running on {data_dir}: stop it first (sudo systemctl stop comptoir-kiosk)."
    )
    assert digest(data_dir / STORE_FILENAME) == before
    assert not list(data_dir.glob("*.before-restore-*"))


def test_a_second_kiosk_on_the_same_folder_is_refused(data_dir: Path) -> None:
    with KioskLock.acquire(data_dir):
        done = kiosk("--windowed", "--data-dir", str(data_dir), lang="fr_FR.UTF-8")
    assert done.returncode == 4
    assert done.stderr.startswith(f"Le kiosque est ouvert sur {data_dir} : arrêtez-le d’abord")


def _not_sqlite(folder: Path) -> Path:
    path = folder / "notes.sqlite3"
    path.write_text("Liste de courses : pain, lait", encoding="utf-8")
    return path


def _damaged(folder: Path, data_dir: Path) -> Path:
    assert kiosk("backup", "--data-dir", str(data_dir)).returncode == 0
    path = folder / "damaged.sqlite3"
    shutil.copyfile(list_backups(data_dir)[0].path, path)
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(1, len(data) // page_size):  # every page but the first, scrambled
        data[page * page_size + 8 : page * page_size + 64] = bytes(range(56))
    path.write_bytes(bytes(data))
    return path


def _newer(folder: Path, data_dir: Path) -> Path:
    path = folder / "newer.sqlite3"
    shutil.copyfile(data_dir / STORE_FILENAME, path)
    with sqlite_file(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    return path


def _not_a_kiosk(folder: Path) -> Path:
    """A SQLite file at a revision we know, without a kiosk's tables (the central
    server's own SQLite has such an alembic_version)."""
    path = folder / "central.sqlite3"
    with sqlite_file(path) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        conn.execute("INSERT INTO alembic_version VALUES ('0001')")
        conn.execute("CREATE TABLE devices (id INTEGER PRIMARY KEY)")
    return path


@pytest.mark.parametrize(
    ("make", "status", "english", "french"),
    [
        (lambda f, d: f / "nowhere.sqlite3", 3, "The file {path} does not exist", "n’existe pas"),
        (lambda f, d: _not_sqlite(f), 2, "{path} is not a Comptoir store", "n’est pas une base"),
        (lambda f, d: _not_a_kiosk(f), 2, "{path} is not a Comptoir store", "n’est pas une base"),
        (_damaged, 2, "{path} is damaged", "est endommagé"),
        (_newer, 2, "{path} comes from a newer version", "version plus récente"),
    ],
    ids=["missing", "not-sqlite", "not-a-kiosk", "damaged", "newer"],
)
def test_a_bad_file_is_refused_in_one_sentence(
    data_dir: Path, tmp_path: Path, make, status: int, english: str, french: str
) -> None:
    path = make(tmp_path, data_dir)
    before = digest(data_dir / STORE_FILENAME)
    given_file = digest(path) if path.exists() else None
    for lang, words in (("en_GB.UTF-8", english.format(path=path)), ("fr_FR.UTF-8", french)):
        done = kiosk("restore", str(path), "--data-dir", str(data_dir), lang=lang)
        assert done.returncode == status, done.stderr
        assert words in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr  # no traceback
        assert done.stdout == ""
    assert digest(data_dir / STORE_FILENAME) == before
    assert given_file == (digest(path) if path.exists() else None)  # only read
    assert sorted(p.name for p in data_dir.iterdir() if p.name.startswith(".restore")) == []
    assert not list(data_dir.glob("*.before-restore-*"))


def test_backup_of_a_folder_without_a_store(tmp_path: Path) -> None:
    done = kiosk("backup", "--data-dir", str(tmp_path / "empty"), lang="fr_FR.UTF-8")
    assert done.returncode == 3
    assert done.stderr.strip() == f"Aucune base dans {tmp_path / 'empty'} : rien à sauvegarder."
    assert not (tmp_path / "empty").exists()  # nothing created


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    typed=st.one_of(
        st.text(), st.text(min_size=5000, max_size=20000), st.just("'; DROP TABLE orders; --")
    )
)
# Found in CI: "--" and a name starting with "-" made argparse print its usage and an
# English error (three lines) and leave by SystemExit.
@example(typed="--")
@example(typed="-0")
def test_whatever_is_typed_as_the_file_nothing_changes(
    data_dir: Path, typed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(data_dir / STORE_FILENAME)
    status = main(["restore", typed, "--data-dir", str(data_dir)])
    out, err = capsys.readouterr()
    assert status in (2, 3), (typed, err)
    assert out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert digest(data_dir / STORE_FILENAME) == before
    # And typed as the folder to back up: no store there, nothing created. An empty
    # text is the current folder: run from an empty one so that the check holds there.
    elsewhere = data_dir.parent / "elsewhere"
    elsewhere.mkdir(exist_ok=True)
    with chdir(elsewhere):
        status = main(["backup", "--data-dir", typed])
    assert list(elsewhere.iterdir()) == []
    out, err = capsys.readouterr()
    # No store there (3); or, for a text argparse takes for an option ("--"), not
    # understood (2). Either way one sentence, and nothing made.
    assert status in (2, 3), (typed, err)
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("argv", [["backup", "--data-dir=--"], ["stats", "--from=--"]])
def test_an_option_given_a_lone_double_dash_is_not_understood(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """argparse hands back an empty list for "--data-dir=--" without calling its type:
    the backup went on with the default folder. Now one sentence, status 2, nothing made."""
    with chdir(tmp_path):
        status = main(argv)
    _, err = capsys.readouterr()
    assert status == 2
    assert len(err.strip().splitlines()) == 1 and "--help" in err
    assert list(tmp_path.iterdir()) == []
