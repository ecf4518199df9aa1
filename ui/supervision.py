"""The kiosk under systemd (deploy/comptoir-kiosk.service): service notifications
(sd_notify(3)) sent from the Qt event loop, and what a manager's "Quit" leaves behind.

- READY=1 once the welcome screen is painted: the unit (Type=notify) has started.
- STATUS= what the kiosk is doing, which `systemctl status` shows the technician: the
  store opening, then ready for residents, or out of order. No personal data in it.
- WATCHDOG=1 every half of $WATCHDOG_USEC, from a QTimer on the GUI thread. If the
  event loop freezes, the pings stop and systemd kills the kiosk and starts it again
  (WatchdogSec=, Restart=always). A ping from a worker thread would keep a frozen
  screen alive: it must come from the loop that paints.
- STOPPING=1 on the way out.

A notification is one datagram on the unix socket that $NOTIFY_SOCKET names (a leading
"@" is Linux's abstract namespace). The kiosk runs inside cage, as cage's child, so the
unit says NotifyAccess=all and $WATCHDOG_PID (cage's) is not compared with ours.
Without $NOTIFY_SOCKET (a developer's `kiosk`, the tests) nothing is sent.
"""

from __future__ import annotations

import contextlib
import os
import socket
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

# Written in the unit's runtime folder when a manager quits: the unit's ExecCondition
# finds it and skips the automatic restart (cage 0.1.4, Debian 12's, does not pass the
# kiosk's exit status on, so an exit status cannot say it). /run is emptied at boot.
STOPPED_BY_MANAGER = "stopped-by-manager"

# What `systemctl status comptoir-kiosk` says the kiosk is doing.
OPENING = "opening the store"
SERVING = "ready for residents"
OUT_OF_ORDER = "out of order: the store cannot be opened (see the journal)"


class Notifier:
    """Sends notifications to systemd. Never raises: a supervisor gone away must not
    take the counter down with it."""

    def __init__(self, address: str) -> None:
        # "@name" is an abstract socket: a leading NUL byte, no file.
        self.address: str | bytes = "\0" + address[1:] if address.startswith("@") else address
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC)

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> Notifier | None:
        address = environ.get("NOTIFY_SOCKET", "")
        return cls(address) if address.startswith(("/", "@")) else None

    def send(self, message: str) -> bool:
        try:
            self._socket.sendto(message.encode("utf-8"), self.address)
        except OSError:
            return False
        return True

    def close(self) -> None:
        self._socket.close()


def watchdog_interval_ms(environ: Mapping[str, str] = os.environ) -> int | None:
    """Half the watchdog's timeout, as sd_watchdog_enabled(3) advises; None when the
    unit has no watchdog."""
    try:
        usec = int(environ.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    return max(1, usec // 2000) if usec > 0 else None


class Supervision(QObject):
    """READY=1, then WATCHDOG=1 pings from the event loop, and STOPPING=1."""

    def __init__(
        self, notifier: Notifier, *, interval_ms: int | None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.notifier = notifier
        self.timer = QTimer(self)
        if interval_ms is not None:
            self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.ping)
        self._watchdog = interval_ms is not None

    @classmethod
    def from_environment(
        cls, *, parent: QObject | None = None, environ: Mapping[str, str] = os.environ
    ) -> Supervision | None:
        notifier = Notifier.from_environment(environ)
        if notifier is None:
            return None
        return cls(notifier, interval_ms=watchdog_interval_ms(environ), parent=parent)

    def ready(self) -> None:
        """The welcome screen is on the screen: the unit has started."""
        self.notifier.send(f"READY=1\nSTATUS={OPENING}")
        if self._watchdog:
            self.ping()
            self.timer.start()

    def ping(self) -> None:
        self.notifier.send("WATCHDOG=1")

    def status(self, text: str) -> None:
        """One line for `systemctl status` (in English, like the journal)."""
        self.notifier.send(f"STATUS={text}")

    def stopping(self) -> None:
        self.timer.stop()
        self.notifier.send("STOPPING=1")
        self.notifier.close()


def leave_stopped(environ: Mapping[str, str] = os.environ) -> Path | None:
    """A manager quit the kiosk: tell the unit not to start it again until someone
    does (`systemctl start comptoir-kiosk`, or a reboot). Outside systemd, nothing."""
    runtime = environ.get("RUNTIME_DIRECTORY", "").split(":")[0]
    if not runtime:
        return None
    marker = Path(runtime) / STOPPED_BY_MANAGER
    with contextlib.suppress(OSError):
        marker.touch()
        return marker
    return None
