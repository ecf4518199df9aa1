"""The central server of the chaos test as a process of its own, so that it can be
killed for real (SIGKILL) in the middle of a push and started again on the same port
and database; and the faulty link between each kiosk and it.

The server process wraps every push handler: once the kill file exists, the second op
handled (the first one applied, the batch's transaction open) kills the process. The
batch is then neither committed nor answered, as when the machine loses power.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from flaky_link import FlakyLink

ROOT = Path(__file__).resolve().parents[2]

SERVE = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    import uvicorn
    from server import push
    from server.app import create_app
    from server.database import Database

    url, port, kill_file = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])

    armed = []

    def killing(handler):
        def handle(writer, op):
            try:
                handler(writer, op)
            finally:
                # The second op handled once armed: one op of the batch applied, its
                # transaction open, and the power goes.
                if kill_file.exists():
                    armed.append(op)
                    if len(armed) >= 2:
                        kill_file.unlink()
                        os.kill(os.getpid(), signal.SIGKILL)
        return handle

    for key, handler in list(push.HANDLERS.items()):
        push.HANDLERS[key] = killing(handler)
    app = create_app(Database.open(url))
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    """
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class ServerProcess:
    """`python -c SERVE` on a fixed loopback port; `kill_mid_push()` arms the kill."""

    def __init__(self, url: str, folder: Path) -> None:
        self.db_url = url
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.kill_file = folder / "kill-at-next-op"
        self.log = folder / "server.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.kills = 0

    def start(self) -> ServerProcess:
        self.kill_file.unlink(missing_ok=True)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])}
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-c", SERVE, self.db_url, str(self.port), str(self.kill_file)],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server did not start: {self.log.read_text()[-2000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("the server did not listen within 30 s")

    def arm_kill(self) -> None:
        """The second op handled from now kills the process (see SERVE)."""
        self.kill_file.touch()

    def is_dead(self) -> bool:
        return self.process is not None and self.process.poll() is not None

    def restart(self) -> None:
        self.stop()
        self.kills += 1
        self.start()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


# --- The faulty link ---------------------------------------------------------------

GATEWAY = {
    "502": b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
    "503": (
        b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 0\r\n"
        b"Content-Length: 0\r\nConnection: close\r\n\r\n"
    ),
}


class ChaosLink(FlakyLink):
    """FlakyLink's drops, delays and truncations, plus what a reverse proxy in front of
    the server does: 502/503 without reaching it, a 502 *after* the server committed
    (the kiosk never learns it did), and a request replayed (sent twice, the second
    answer returned)."""

    KINDS = ("drop", "delay", "truncate", "502", "503", "502-after", "replay")

    def __init__(self, target_port: int, *, seed: int, break_rate: float = 0.3) -> None:
        super().__init__(target_port, seed=seed, break_rate=break_rate)
        self.faults = {kind: 0 for kind in ("pass", *self.KINDS)}
        self.enabled = True

    def _choose(self) -> tuple[str, float, float]:
        with self._rng_lock:
            roll = self._rng.random()
            kind = self._rng.choice(self.KINDS)
            delay = self._rng.uniform(0.0, 0.3)
            cut = self._rng.uniform(0.0, 1.0)
        if not self.enabled or roll >= self._break_rate:
            return "pass", 0.0, 1.0
        return kind, delay, cut

    def _relay_one(self, client: socket.socket, kind: str, delay: float, cut: float) -> None:
        if kind in ("drop", "delay", "truncate", "pass"):
            super()._relay_one(client, kind, delay, cut)
            return
        with client:
            client.settimeout(10)
            request = self._read_request(client)
            if request is None:
                return
            if kind in GATEWAY:
                client.sendall(GATEWAY[kind])
                return
            response = b""
            for _ in range(2 if kind == "replay" else 1):
                try:
                    with socket.create_connection(self._target, timeout=10) as upstream:
                        upstream.sendall(request)
                        response = self._read_all(upstream)
                except OSError:
                    return
            client.sendall(GATEWAY["502"] if kind == "502-after" else response)
