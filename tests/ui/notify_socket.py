"""A stand-in for systemd's notification socket: a real unix datagram socket that keeps
every message it receives, in order. A test sends its own markers to the same socket:
datagrams from one sender keep their order, so what the kiosk sent between two markers
is exactly what it sent between the moments the test sent them."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path


class NotifySocket:
    def __init__(self, folder: Path) -> None:
        self.path = folder / "notify"
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self._socket.bind(str(self.path))
        self._socket.settimeout(0.2)
        self.messages: list[str] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._reader = threading.Thread(target=self._read, name="notify-socket", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while not self._stop.is_set():
            try:
                data = self._socket.recv(4096)
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self.messages.extend(data.decode("utf-8").splitlines())

    def received(self) -> list[str]:
        with self._lock:
            return list(self.messages)

    def mark(self, name: str) -> None:
        """Put a marker in the stream, from this process."""
        sender = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        try:
            sender.sendto(f"TEST-{name}".encode(), str(self.path))
        finally:
            sender.close()

    def wait_until(self, what: Callable[[list[str]], bool], *, timeout: float = 60.0) -> list[str]:
        """Wait (this thread sleeping: no Qt event loop runs here) until what has been
        received satisfies `what`; return it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            received = self.received()
            if what(received):
                return received
            time.sleep(0.02)
        raise AssertionError(f"not received in {timeout:g} s; got {self.received()}")

    def wait_for(self, message: str, *, timeout: float = 60.0) -> list[str]:
        return self.wait_until(lambda received: message in received, timeout=timeout)

    def between(self, first: str, second: str) -> list[str]:
        """What arrived after marker `first` and before marker `second`."""
        received = self.received()
        start = received.index(f"TEST-{first}")
        end = received.index(f"TEST-{second}")
        return received[start + 1 : end]

    def close(self) -> None:
        self._stop.set()
        self._socket.close()
        self._reader.join(timeout=5)
