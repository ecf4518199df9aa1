"""The packaged kiosk, run outside the virtual environment: it answers --version, seeds
the demo month and says the pilot's figures, prints a ticket and an invoice, and on a
real X screen (Xvfb, Qt's xcb platform) paints the same welcome screen as the venv's
kiosk, seen from outside through `xwd -root`. And the .deb holds what a kiosk needs; and
the package suite's start measure runs on this bundle. One file, so that pytest-xdist
(`--dist loadfile`) gives every test of the bundle to the worker that built it: built
once, not once per worker."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.package import TARGETS, folder_mb, measure_start
from ui.supervision import SERVING
from ui.theme import PALETTE

from ..ui.notify_socket import NotifySocket
from .conftest import ROOT, Built, build_package_module, outside_env, run_bundle
from .screen import Screenshot, XServer, xvfb

WIDTH, HEIGHT = 1280, 800
SHOTS = os.environ.get("COMPTOIR_TEST_SCREENSHOTS")  # a folder to keep them in, to look


def test_the_bundle_says_its_version(built: Built, tmp_path: Path) -> None:
    from importlib.metadata import version

    done = run_bundle(built, tmp_path, "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"kiosk {version('comptoir')}"


def test_the_bundle_holds_the_kiosk_and_not_the_server(built: Built) -> None:
    megabytes = sum(p.lstat().st_size for p in built.bundle.rglob("*")) / 2**20
    assert megabytes <= 200  # the package suite's target (benchmarks/package.py)
    internal = built.bundle / "_internal"
    assert (internal / "resources/i18n/comptoir_fr.qm").is_file()
    assert (internal / "kiosk_app/store/migrations/versions/0001_first_schema.py").is_file()
    plugins = {p.name for p in (internal / "PySide6/Qt/plugins/platforms").iterdir()}
    assert plugins == {"libqxcb.so", "libqwayland.so", "libqoffscreen.so"}
    assert not list(internal.glob("fastapi*")) and not list(internal.glob("uvicorn*"))


def test_the_demo_month_and_its_figures(built: Built, demo: Path, tmp_path: Path) -> None:
    done = run_bundle(built, tmp_path, "stats", "--data-dir", str(demo), "--json")
    assert done.returncode == 0, done.stderr
    stats = json.loads(done.stdout)
    assert stats["orders"] == 311
    assert stats["services_done"] == 225
    assert stats["lulus_onboarded"] == 17
    assert stats["lulus_in_progress"] == 15
    assert stats["kiosk_visits"] == 3600


def test_a_ticket_an_invoice_and_a_backup(built: Built, demo: Path, tmp_path: Path) -> None:
    """python-escpos, reportlab (with its barcodes), Pillow and the fonts, in the bundle."""
    ticket = tmp_path / "ticket.bin"
    done = run_bundle(built, tmp_path, "ticket", "01-0009", "--data-dir", str(demo),
                      "--escpos", str(ticket))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert ticket.read_bytes().startswith(b"\x1b@") and b"01-0009" in ticket.read_bytes()
    pdf = tmp_path / "facture.pdf"
    done = run_bundle(built, tmp_path, "invoice", "01-0009", "--data-dir", str(demo),
                      "--pdf", str(pdf))  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "FACTURE n° F01-2026-00002" in text and "25,00 €" in text
    done = run_bundle(built, tmp_path, "backup", "--data-dir", str(demo))
    assert done.returncode == 0, done.stderr
    assert len(list((demo / "backups").glob("comptoir-01-*.sqlite3"))) == 1


def _start(command: list[str], screen: XServer, data: Path, notify: NotifySocket,
           env: dict[str, str]) -> subprocess.Popen[str]:  # fmt: skip
    env = {**env, "DISPLAY": screen.display, "QT_QPA_PLATFORM": "xcb",
           "NOTIFY_SOCKET": str(notify.path)}  # fmt: skip
    return subprocess.Popen(
        [*command, "--data-dir", str(data)],
        env=env, cwd=data.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _settled(screen: XServer, notify: NotifySocket) -> Screenshot:
    """The screen once the kiosk has said it is ready for residents (the welcome screen
    shows before the store opens; the association's name comes with the store) and three
    screenshots in a row agree. Not the store's WAL appearing: on a loaded machine the
    screens took over a second to be built after it, and the name was not yet painted."""
    deadline = time.monotonic() + 120
    notify.wait_for(f"STATUS={SERVING}", timeout=120)
    shots = [screen.screenshot()]
    while time.monotonic() < deadline:
        time.sleep(0.5)
        shots.append(screen.screenshot())
        if len(shots) >= 3 and shots[-1].pixels == shots[-2].pixels == shots[-3].pixels:
            return shots[-1]
    raise AssertionError("the screen never settled")


def _welcome(command: list[str], screen: XServer, data: Path, tmp_path: Path,
             env: dict[str, str], name: str) -> Screenshot:  # fmt: skip
    notify = NotifySocket(tmp_path)
    kiosk = _start(command, screen, data, notify, env)
    try:
        notify.wait_until(lambda got: "READY=1" in got or kiosk.poll() is not None)
        assert kiosk.poll() is None, kiosk.communicate()[1]
        shot = _settled(screen, notify)
    finally:
        kiosk.send_signal(signal.SIGTERM)
        _, errors = kiosk.communicate(timeout=60)
        notify.close()
    assert kiosk.returncode == 0, errors
    if SHOTS:
        shot.save_png(Path(SHOTS) / f"{name}.png")
    return shot


@pytest.fixture
def screen() -> XServer:
    with xvfb(WIDTH, HEIGHT) as server:
        yield server  # type: ignore[misc]


def test_the_bundle_paints_the_welcome_screen_on_a_real_x_screen(
    built: Built, demo: Path, tmp_path: Path, screen: XServer
) -> None:
    (tmp_path / "bundle").mkdir()
    (tmp_path / "venv").mkdir()
    bundled = _welcome([str(built.kiosk)], screen, demo, tmp_path / "bundle",
                       outside_env(tmp_path / "home"), "welcome-bundle")  # fmt: skip
    # What the welcome screen is made of: the theme's background, white tiles, the
    # primary blue of their borders and titles.
    assert bundled.share(PALETTE["background"]) > 0.4
    assert bundled.share(PALETTE["tile"]) > 0.1
    assert bundled.share(PALETTE["primary"]) > 0.005  # with the association's name
    # And exactly what the venv's kiosk paints there: same fonts, same French words
    # (the bundle's translations), same association's name (the bundle's store).
    venv = _welcome([sys.executable, "-m", "kiosk_app"], screen, demo, tmp_path / "venv",
                    {**os.environ, "LANG": "C.UTF-8"}, "welcome-venv")  # fmt: skip
    assert bundled.differing(venv) < 0.001


def test_the_deb_installs_the_bundle_the_session_and_the_command(built: Built) -> None:
    info = subprocess.run(
        ["dpkg-deb", "--field", str(built.deb), "Package", "Depends"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    depends = {d.strip() for d in info.split("Depends:", 1)[1].split(",")}
    wanted = build_package_module().runtime_packages()  # type: ignore[attr-defined]
    assert "libxcb-cursor0" in wanted and "fonts-dejavu-core" in wanted
    assert set(wanted) | {"cage", "xwayland", "libpam-systemd", "dbus"} <= depends
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(built.deb)], capture_output=True, text=True, check=True
    ).stdout
    for path in (
        "./opt/comptoir/kiosk/kiosk",
        "./usr/bin/kiosk -> /opt/comptoir/kiosk/kiosk",
        "./lib/systemd/system/comptoir-kiosk.service",
        "./etc/pam.d/comptoir-kiosk",
        "./lib/udev/rules.d/60-comptoir-receipt-printer.rules",
    ):
        assert path in listing
    scripts = subprocess.run(
        ["dpkg-deb", "--info", str(built.deb)], capture_output=True, text=True, check=True
    ).stdout
    for script in ("postinst", "prerm", "postrm"):
        assert f"* {script}" in " ".join(scripts.split()), scripts  # executable


def test_the_unit_verifies() -> None:
    done = subprocess.run(
        ["systemd-analyze", "verify", str(ROOT / "deploy" / "comptoir-kiosk.service")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0 and done.stderr == "", done.stderr


def _printing_tool(name: str) -> object:
    """A helper module of tests/printing (a folder of plain modules, not a package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / "printing" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_the_bundle_prints_a_test_page_on_a_network_printer(built: Built, tmp_path: Path) -> None:
    """A new kiosk's printer set from a shell, then its test page on a loopback fake
    network printer: accents, € and the QR code, through the bundle's python-escpos."""
    fake = _printing_tool("fake_printer").FakePrinter()  # type: ignore[attr-defined]
    reader = _printing_tool("escpos_reader")
    folder = str(tmp_path / "kiosk")
    try:
        for key, value in (
            ("printer_address", f"127.0.0.1:{fake.port}"),
            ("printer_kind", "network"),  # the address first: a kind needs its address
        ):
            done = run_bundle(built, tmp_path, "settings", "set", key, value, "--data-dir", folder)
            assert done.returncode == 0, done.stderr
        done = run_bundle(built, tmp_path, "test-page", "--data-dir", folder, LANG="en_GB.UTF-8")
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("The test page went through")
        page = reader.read(fake.printed)  # type: ignore[attr-defined]
        assert "€" in page.text and "é" in page.text and len(page.qr_codes) == 1
    finally:
        fake.close()


def test_the_start_measure_times_both_kiosks(built: Built, demo: Path) -> None:
    """The package suite's start measure (`python -m benchmarks package --quick` builds its
    own bundle): both starts timed to READY=1 and the ratio computed. No timing is
    asserted, only that each figure is measured."""
    figures = measure_start(built.bundle, demo, runs=1)
    assert figures["bundle_cold_start_median_s"] > 0
    assert figures["venv_cold_start_median_s"] > 0
    assert figures["bundle_cold_start_ratio_vs_venv"] > 0
    assert 50 < folder_mb(built.bundle) <= TARGETS["bundle_mb"]
