"""The kiosk under systemd, with a real unix datagram socket standing in for systemd's:
READY=1 once the welcome screen is painted, its status as the store opens, WATCHDOG=1
pings while the event loop runs and none while it is frozen, STOPPING=1 and a clean exit
on SIGTERM, quit() refused by the window, and a manager's quit leaving the unit stopped."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ui.supervision import (
    OPENING,
    SERVING,
    STOPPED_BY_MANAGER,
    Notifier,
    Supervision,
    leave_stopped,
    watchdog_interval_ms,
)

from .notify_socket import NotifySocket

PING = "WATCHDOG=1"


@pytest.fixture
def notify_socket(tmp_path: Path) -> Iterator[NotifySocket]:
    sock = NotifySocket(tmp_path)
    yield sock
    sock.close()


def test_what_the_environment_says() -> None:
    assert Notifier.from_environment({}) is None
    assert Notifier.from_environment({"NOTIFY_SOCKET": "relative/path"}) is None
    abstract = Notifier.from_environment({"NOTIFY_SOCKET": "@systemd/notify"})
    assert abstract is not None and abstract.address == "\0systemd/notify"
    abstract.close()
    assert watchdog_interval_ms({}) is None
    assert watchdog_interval_ms({"WATCHDOG_USEC": "soon"}) is None
    assert watchdog_interval_ms({"WATCHDOG_USEC": "0"}) is None
    assert watchdog_interval_ms({"WATCHDOG_USEC": "60000000"}) == 30_000
    assert leave_stopped({}) is None


def test_a_notification_to_a_vanished_socket_does_not_raise(tmp_path: Path) -> None:
    notifier = Notifier(str(tmp_path / "gone"))
    assert notifier.send("READY=1") is False
    notifier.close()


def test_pings_come_from_the_event_loop_and_stop_when_it_freezes(
    qtbot: QtBot, notify_socket: NotifySocket
) -> None:
    supervision = Supervision(Notifier(str(notify_socket.path)), interval_ms=20)
    supervision.ready()
    qtbot.waitUntil(lambda: notify_socket.received().count(PING) >= 4, timeout=10_000)
    assert notify_socket.received()[0] == "READY=1"
    notify_socket.mark("FREEZE")
    time.sleep(0.5)  # the GUI thread is blocked: 25 intervals without a turn of the loop
    notify_socket.mark("THAW")
    qtbot.waitUntil(lambda: notify_socket.received()[-1] == PING, timeout=10_000)
    assert notify_socket.between("FREEZE", "THAW") == []
    supervision.stopping()
    qtbot.waitUntil(lambda: notify_socket.received()[-1] == "STOPPING=1", timeout=10_000)


# The real `kiosk` command in a process of its own. The probe reports to the same socket:
# the welcome screen's first paint event, then, once the core is attached, it calls
# quit() (which the window must refuse), freezes the GUI thread for a second, and
# finally either waits for SIGTERM or quits as a manager does.
PROBE = """
import os, socket, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from ui.app import application
import kiosk_app.__main__ as kiosk

app = application()
out = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)

def tell(what):
    out.sendto(("TEST-" + what).encode(), os.environ["NOTIFY_SOCKET"])

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and type(watched).__name__ == "WelcomeScreen":
            tell("WELCOME-PAINT")
            app.removeEventFilter(self)
        return False

first_paint = FirstPaint()
app.installEventFilter(first_paint)

def window():
    return next((w for w in app.topLevelWidgets() if type(w).__name__ == "KioskWindow"), None)

def when_ready():
    kiosk_window = window()
    if kiosk_window is None or not kiosk_window.ready:
        QTimer.singleShot(50, when_ready)
        return
    QApplication.quit()
    QTimer.singleShot(300, after_quit)

def after_quit():
    tell("STILL-THERE" if window().isVisible() else "GONE")
    tell("FREEZE")
    time.sleep(1.0)
    tell("THAW")
    if sys.argv[1] == "manager-quits":
        QTimer.singleShot(500, manager_quits)

def manager_quits():
    window().allow_quit()
    window().close()

QTimer.singleShot(0, when_ready)
sys.exit(kiosk.main(sys.argv[2:]))
"""


def _start_kiosk(tmp_path: Path, notify: NotifySocket, ending: str) -> subprocess.Popen[str]:
    runtime = tmp_path / "run"
    runtime.mkdir()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "NOTIFY_SOCKET": str(notify.path),
        "WATCHDOG_USEC": "200000",  # a ping every 100 ms
        "RUNTIME_DIRECTORY": str(runtime),
    }
    return subprocess.Popen(
        [sys.executable, "-c", PROBE, ending, "--windowed", "--data-dir", str(tmp_path / "data")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_the_kiosk_tells_systemd_it_is_up_alive_and_stopping(
    tmp_path: Path, notify_socket: NotifySocket
) -> None:
    process = _start_kiosk(tmp_path, notify_socket, "sigterm")
    try:
        notify_socket.wait_until(lambda got: "TEST-THAW" in got and PING in after_thaw(got))
    finally:
        process.send_signal(signal.SIGTERM)
        _, errors = process.communicate(timeout=30)
    assert process.returncode == 0, errors
    received = notify_socket.wait_for("STOPPING=1")
    # READY=1 once, after the welcome screen's first paint, and before any ping.
    assert received.count("READY=1") == 1
    assert received.index("TEST-WELCOME-PAINT") < received.index("READY=1")
    assert received.index("READY=1") < received.index(PING)
    # And what `systemctl status` shows: the store opening, then ready for residents.
    statuses = [m for m in received if m.startswith("STATUS=")]
    assert statuses == [f"STATUS={OPENING}", f"STATUS={SERVING}"]
    assert received.index("READY=1") < received.index(f"STATUS={SERVING}")
    # quit() asked the window to close: it refused, the kiosk went on.
    assert "TEST-STILL-THERE" in received
    # Pinged while the loop ran; not once while the GUI thread was blocked; again after.
    before = received[: received.index("TEST-FREEZE")]
    assert before.count(PING) >= 1
    assert notify_socket.between("FREEZE", "THAW") == []
    assert PING in after_thaw(received)
    assert received[-1] == "STOPPING=1"
    # Stopped by systemd, not by a manager: the unit may start it again.
    assert not (tmp_path / "run" / STOPPED_BY_MANAGER).exists()


def after_thaw(received: list[str]) -> list[str]:
    return received[received.index("TEST-THAW") :]


def test_a_manager_quits_and_the_unit_stays_stopped(
    tmp_path: Path, notify_socket: NotifySocket
) -> None:
    process = _start_kiosk(tmp_path, notify_socket, "manager-quits")
    try:
        _, errors = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, errors
    received = notify_socket.received()
    assert "TEST-STILL-THERE" in received
    assert received[-1] == "STOPPING=1"
    assert (tmp_path / "run" / STOPPED_BY_MANAGER).exists()
