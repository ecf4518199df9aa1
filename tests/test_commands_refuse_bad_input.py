"""Every `kiosk` and `kiosk-server` command answers bad input with one sentence in the
person's language, the exit status of its kind (README, "Commands"), no traceback, and
nothing written: the real commands, run as a person runs them (subprocesses), over real
folders, a real central server on loopback and a real closed port for the printer."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from kiosk_app.demo.seed import seed_demo
from kiosk_app.version import comptoir_version
from server.database import Database, sqlite_url
from server.demo import start_local_server

KIOSK = [sys.executable, "-m", "kiosk_app"]
SERVER = [sys.executable, "-m", "server"]
FR, EN = "fr_FR.UTF-8", "en_GB.UTF-8"


@dataclass
class Place:
    """What a case runs in: its data folder, a scratch folder, and what the module
    started (a central server's URL and token, a closed port)."""

    data: Path
    scratch: Path
    server_url: str
    token: str
    closed_port: int
    order_not_done: str
    central_data: Path
    env: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Case:
    name: str
    argv: Callable[[Place], list[str]]
    status: int
    said: dict[str, str]  # lang -> a sentence the person reads
    prepare: Callable[[Place], None] = lambda place: None
    preexec: Callable[[], None] | None = None
    unprivileged: bool = False  # root writes anywhere: drop that power for the case
    folder: str = "data"  # the Place's folder that must stay as it was


def token_file(place: Place, token: str) -> None:
    place.scratch.mkdir(parents=True, exist_ok=True)
    (place.scratch / "token").write_text(token + "\n", encoding="utf-8")


def garbage(place: Place) -> None:
    (place.data / "comptoir.sqlite3").write_bytes(os.urandom(40_000))


def truncated(place: Place) -> None:
    store = place.data / "comptoir.sqlite3"
    store.write_bytes(store.read_bytes()[: store.stat().st_size // 2])


def too_new(place: Place) -> None:
    with sqlite3.connect(place.data / "comptoir.sqlite3") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.close()


def a_file_instead(place: Place) -> None:
    shutil.rmtree(place.data)
    place.data.write_text("notes\n", encoding="utf-8")


def read_only(place: Place) -> None:
    place.data.chmod(0o555)


def empty(place: Place) -> None:
    shutil.rmtree(place.data)
    place.data.mkdir()


def network_printer_on_closed_port(place: Place) -> None:
    with sqlite3.connect(place.data / "comptoir.sqlite3") as conn:
        conn.executemany(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
            [("printer_kind", "network"), ("printer_address", f"127.0.0.1:{place.closed_port}")],
        )
    conn.close()


def central_file_instead(place: Place) -> None:
    shutil.rmtree(place.central_data)
    place.central_data.write_text("notes\n", encoding="utf-8")


def not_a_catalogue(place: Place) -> None:
    (place.scratch / "notes.json").write_text('{\n  "hello": "world"\n}\n', encoding="utf-8")


def catalogue_with_a_bad_service(place: Place) -> None:
    (place.scratch / "bad.csv").write_text(
        "code,category,name_fr,name_en,unit_price_cents\n"
        "courses,aide,Courses,Shopping,500\n"
        "repassage,aide,Repassage,Ironing,cinq euros\n",
        encoding="utf-8",
    )


def small_disk() -> None:
    """A full disk, simulated: files of this process may not grow past 200 kB
    (RLIMIT_FSIZE); SIGXFSZ ignored, so a write past it fails with EFBIG as it would with
    ENOSPC on a full disk, and the store's migrations cannot finish."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))


def data(place: Place) -> list[str]:
    return ["--data-dir", str(place.data)]


def central_data(place: Place) -> list[str]:
    return ["--data-dir", str(place.central_data)]


CASES = [
    Case(
        "corrupt store",
        lambda p: ["stats", *data(p)],
        5,
        {"fr": "est abîmé ou n’est pas un fichier de Comptoir", "en": "is damaged or is not"},
        garbage,
    ),
    Case(
        "truncated store",
        lambda p: ["stats", *data(p)],
        5,
        {"fr": "est incomplet", "en": "is incomplete (cut short"},
        truncated,
    ),
    Case(
        "store from a newer Comptoir",
        lambda p: ["ticket", p.order_not_done, *data(p)],
        5,
        {"en": "comes from a newer version of Comptoir"},
        too_new,
    ),
    Case(
        "data folder is a file",
        lambda p: ["stats", *data(p)],
        5,
        {"fr": "est un fichier, là où Comptoir attend son dossier", "en": "is a file, where"},
        a_file_instead,
    ),
    Case(
        "data folder not writable",
        lambda p: ["sync", *data(p)],
        5,
        {"en": "Comptoir cannot write in its data folder"},
        read_only,
        unprivileged=True,
    ),
    Case(
        "full disk while seeding",
        lambda p: ["seed-demo", *data(p), "--as-of", "2026-11-26"],
        5,
        {"fr": "est plein (ou défaillant)", "en": "is full (or failing)"},
        empty,
        preexec=small_disk,
    ),
    Case(
        "seed-demo on a folder with data",
        lambda p: ["seed-demo", *data(p), "--as-of", "2026-11-26"],
        4,
        {"fr": "contient déjà des données", "en": "already holds data"},
    ),
    Case(
        "unknown order number",
        lambda p: ["ticket", "99-9999", *data(p)],
        3,
        {"fr": "Aucune commande ne porte le numéro 99-9999.", "en": "No order has the number"},
    ),
    Case(
        "invoice of an order not yet done",
        lambda p: ["invoice", p.order_not_done, *data(p), "--pdf", str(p.scratch / "f.pdf")],
        4,
        {"fr": "n’a pas encore de facture", "en": "has no invoice yet: it is made once"},
    ),
    Case(
        "wrong enrolment token",
        lambda p: ["enrol", p.server_url, "--token-file", str(p.scratch / "token"), *data(p)],
        2,
        {"fr": "Le serveur central refuse ce jeton", "en": "refuses this token"},
        lambda p: token_file(p, "not-the-token"),
    ),
    Case(
        "unreachable server at enrolment",
        lambda p: [
            "enrol",
            f"http://127.0.0.1:{p.closed_port}",
            "--token-file",
            str(p.scratch / "token"),
            *data(p),
        ],
        1,
        {"en": "cannot be reached: check the address and the network. Nothing was changed."},
        lambda p: token_file(p, "a-token"),
    ),
    Case(
        "printer fault from the command line",
        lambda p: ["ticket", p.order_not_done, *data(p)],
        1,
        {"fr": "rien n’a été mis en attente", "en": "nothing was queued, run the command again"},
        network_printer_on_closed_port,
    ),
]

SERVER_CASES = [
    Case(
        "a JSON file that is not a catalogue",
        lambda p: ["import-catalogue", str(p.scratch / "notes.json"), *central_data(p)],
        2,
        {"fr": "notes.json, ligne 1 : ce n’est pas un catalogue", "en": "line 1: this is not"},
        not_a_catalogue,
        folder="central_data",
    ),
    Case(
        "a CSV catalogue with a bad price",
        lambda p: ["import-catalogue", str(p.scratch / "bad.csv"), *central_data(p)],
        2,
        {"en": "bad.csv, line 3: this is not a catalogue ('unit_price_cents' must be a whole"},
        catalogue_with_a_bad_service,
        folder="central_data",
    ),
    Case(
        "server data folder is a file",
        lambda p: ["revoke", "saint-paul", *central_data(p)],
        5,
        {"en": "is a file, where the server expects its data folder"},
        central_file_instead,
        folder="central_data",
    ),
    Case(
        "revoking a kiosk nobody enrolled",
        lambda p: ["revoke", "nowhere", *central_data(p)],
        3,
        {"fr": "Aucun kiosque inscrit ne s’appelle nowhere.", "en": "No enrolled kiosk"},
        folder="central_data",
    ),
]


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo") / "kiosk"
    seed_demo(folder, as_of=date(2026, 11, 26))
    return folder


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    server = start_local_server(tmp_path_factory.mktemp("central"))
    try:
        yield server.url, server.token
    finally:
        server.stop()


@pytest.fixture(scope="module")
def closed_port() -> int:
    """A loopback port nobody listens on (bound, then closed)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def central_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A central server's data folder, migrated, with no kiosk enrolled."""
    folder = tmp_path_factory.mktemp("server") / "central"
    folder.mkdir()
    Database.open(sqlite_url(folder)).close()
    return folder


def _place(
    tmp_path: Path, demo_store: Path, central_store: Path, central: tuple[str, str], port: int
) -> Place:
    data_dir = tmp_path / "kiosk"
    shutil.copytree(demo_store, data_dir)
    with sqlite3.connect(data_dir / "comptoir.sqlite3") as conn:
        [number] = conn.execute(
            "SELECT number FROM orders WHERE status = 'confirmed' ORDER BY number LIMIT 1"
        ).fetchone()
    conn.close()
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    server_data = tmp_path / "central"
    shutil.copytree(central_store, server_data)
    home = tmp_path / "home"  # where a refused folder's log goes (the user's log folder)
    return Place(data_dir, scratch, *central, port, number, server_data, {"HOME": str(home)})


def files(folder: Path) -> dict[str, bytes]:
    """Every file of a folder and its bytes, the logs aside (they say what happened)."""
    if folder.is_file():
        return {".": folder.read_bytes()}
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "logs" not in path.relative_to(folder).parts
    }


def run(
    command: list[str], case: Case, place: Place, lang: str
) -> subprocess.CompletedProcess[str]:
    argv = [*command, *case.argv(place)]
    if case.unprivileged and os.geteuid() == 0:
        # Root ignores a folder's permissions: run the case as root without that power.
        argv = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *argv]
    return subprocess.run(
        argv,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **place.env, "LANG": lang},
        preexec_fn=case.preexec,
    )


@pytest.mark.parametrize(
    ("command", "case", "lang"),
    [
        pytest.param(command, case, lang, id=f"{name} {case.name} {lang[:2]}")
        for name, command, cases in (
            ("kiosk", KIOSK, CASES),
            ("kiosk-server", SERVER, SERVER_CASES),
        )
        for case in cases
        for lang in ((FR, EN) if len(case.said) == 2 else (FR if "fr" in case.said else EN,))
    ],
)
def test_each_bad_input_gets_its_sentence_and_status_and_nothing_is_written(
    command: list[str],
    case: Case,
    lang: str,
    tmp_path: Path,
    demo_store: Path,
    central_store: Path,
    central: tuple[str, str],
    closed_port: int,
) -> None:
    place = _place(tmp_path, demo_store, central_store, central, closed_port)
    case.prepare(place)
    folder: Path = getattr(place, case.folder)
    before = files(folder)
    try:
        done = run(command, case, place, lang)
    finally:
        if folder.is_dir():
            folder.chmod(0o700)
    sentence = case.said[lang[:2]]
    lines = done.stderr.strip().splitlines()
    assert (done.returncode, len(lines)) == (case.status, 1), done.stderr
    assert sentence in lines[0]
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert files(folder) == before, "nothing written"


def test_a_reader_that_goes_away_ends_the_command_quietly(tmp_path: Path, demo_store: Path) -> None:
    """`kiosk stats --json | head`: the pipe's reader is gone before the first line."""
    read, write = os.pipe()
    os.close(read)
    done = subprocess.run(
        [*KIOSK, "stats", "--json", "--data-dir", str(demo_store)],
        stdout=write,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
    )
    os.close(write)
    assert (done.returncode, done.stderr) == (141, "")


@pytest.mark.parametrize(("command", "name"), [(KIOSK, "kiosk"), (SERVER, "kiosk-server")])
def test_version(command: list[str], name: str) -> None:
    done = subprocess.run([*command, "--version"], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout.strip()) == (0, f"{name} {comptoir_version()}")
