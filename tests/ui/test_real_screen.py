"""The kiosk as a user starts it: the real `kiosk` command on Qt's xcb platform (not
offscreen) under an X server of its own (Xvfb), seen from outside through a screenshot
of the X screen, and stopped with SIGTERM. A system library that Qt's xcb plugin needs
and the machine lacks fails here, as it would fail a user's `./comptoir demo`
(deploy/debian-runtime-packages lists them)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ui.supervision import OUT_OF_ORDER
from ui.theme import PALETTE

from .notify_socket import NotifySocket
from .xserver import Screenshot, XServer, wait_for_line, xvfb

KIOSK = [sys.executable, "-m", "kiosk_app"]
WIDTH, HEIGHT = 1280, 800
SHOTS = os.environ.get("COMPTOIR_TEST_SCREENSHOTS")  # a folder to keep them in, to look


@pytest.fixture
def screen() -> Iterator[XServer]:
    with xvfb(WIDTH, HEIGHT) as server:
        yield server


def start_kiosk(
    screen: XServer, tmp_path: Path, *args: str, extra: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        **(extra or {}),
        "DISPLAY": screen.display,
        "QT_QPA_PLATFORM": "xcb",
        "HOME": str(tmp_path / "home"),
        "LANG": "fr_FR.UTF-8",
    }
    env.pop("XDG_RUNTIME_DIR", None)
    return subprocess.Popen(
        [*KIOSK, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def stop(kiosk: subprocess.Popen[bytes]) -> tuple[int, str]:
    kiosk.send_signal(signal.SIGTERM)
    _out, err = kiosk.communicate(timeout=60)
    return kiosk.returncode, err.decode(errors="replace")


def keep(shot: Screenshot, name: str) -> None:
    if SHOTS:
        shot.save_png(Path(SHOTS) / f"{name}.png")


def share(shot: Screenshot, colour: str) -> float:
    return shot.count(colour) / (shot.width * shot.height)


def test_the_demo_paints_its_welcome_screen_on_xcb(screen: XServer, tmp_path: Path) -> None:
    data = tmp_path / "demo"
    kiosk = start_kiosk(screen, tmp_path, "--demo", "--data-dir", str(data))
    try:
        wait_for_line(data / "logs" / "kiosk.log", "the kiosk is ready", process=kiosk, timeout=120)
        shot = screen.settled_screenshot()
    finally:
        status, err = stop(kiosk)
    keep(shot, "welcome-xcb")
    assert (shot.width, shot.height) == (WIDTH, HEIGHT)
    # The welcome screen, full screen: the theme's background around four white tiles
    # framed in the primary colour, two by two, and dark text on them.
    assert share(shot, PALETTE["background"]) > 0.2
    assert share(shot, PALETTE["tile"]) > 0.2
    assert shot.count(PALETTE["tile_border"]) > 4 * 2 * (400 + 100)  # four 3-px frames
    assert shot.count(PALETTE["text"]) > 500
    quarters = {
        (x * 2 // WIDTH, y * 2 // HEIGHT)
        for x in range(0, WIDTH, 8)
        for y in range(HEIGHT // 3, HEIGHT, 8)
        if shot.rgb(x, y) == (255, 255, 255)
    }
    assert quarters == {(0, 0), (1, 0), (0, 1), (1, 1)}, "a tile in each quarter"
    assert status == 0, err
    assert "Traceback" not in err
    assert "stop window: exit 0" in (data / "logs" / "kiosk.log").read_text(encoding="utf-8")


def test_a_damaged_store_shows_out_of_order_and_stays_untouched(
    screen: XServer, tmp_path: Path
) -> None:
    data = tmp_path / "kiosk"
    data.mkdir()
    store = data / "comptoir.sqlite3"
    store.write_bytes(b"this is not a database " * 2000)
    before = store.read_bytes()
    notify = NotifySocket(tmp_path)
    kiosk = start_kiosk(screen, tmp_path, "--data-dir", str(data),
                        extra={"NOTIFY_SOCKET": str(notify.path)})  # fmt: skip
    try:
        wait_for_line(data / "logs" / "kiosk.log", "out of order", process=kiosk, timeout=120)
        shot = screen.settled_screenshot()
    finally:
        status, err = stop(kiosk)
        notify.close()
    # What `systemctl status` shows the technician.
    assert f"STATUS={OUT_OF_ORDER}" in notify.received()
    keep(shot, "out-of-order-xcb")
    # The page: white, its titles in the error colour, no tile of the welcome screen.
    assert share(shot, PALETTE["surface"]) > 0.6
    assert shot.count(PALETTE["error"]) > 300
    assert shot.count(PALETTE["tile_border"]) == 0
    assert store.read_bytes() == before
    assert sorted(p.name for p in data.iterdir()) == ["comptoir.sqlite3", "kiosk.lock", "logs"]
    log = (data / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert "store.corrupt" in log or "StoreUnavailable" in log
    assert status == 0, err
    assert shutil.which("xwd")
