"""The running kiosk's lock on its data folder: an exclusive flock(2) on `DIR/kiosk.lock`,
held as long as the kiosk's window runs. A restore takes the same lock, so that it never
replaces the store under a running kiosk, and a kiosk never starts in the middle of a
restore. The kernel releases the lock when the process ends, however it ends (a crash,
systemd's watchdog): no stale lock is ever left to clean up. The command line's other
commands (stats, sync, backup) do not take it: they work beside a running kiosk."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from .backups import shown_path
from .errors import KioskRunning

LOCK_FILENAME = "kiosk.lock"


class KioskLock:
    def __init__(self, fd: int) -> None:
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, data_dir: Path) -> KioskLock:
        """Take the lock, or raise KioskRunning at once (never wait: the kiosk may run
        for months)."""
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(data_dir / LOCK_FILENAME, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise KioskRunning(data_dir=shown_path(data_dir)) from None
        return cls(fd)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the file releases the flock
            self._fd = None

    def __enter__(self) -> KioskLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()
