"""A flapping link: a loopback TCP proxy that, connection by connection, passes,
delays, drops or truncates at random, from a fixed seed."""

from __future__ import annotations

import random
import socket
import threading
import time
from contextlib import suppress


class FlakyLink:
    def __init__(self, target_port: int, *, seed: int, break_rate: float = 0.4) -> None:
        self._target = ("127.0.0.1", target_port)
        self._rng = random.Random(seed)
        self._rng_lock = threading.Lock()
        self._break_rate = break_rate
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._workers: list[threading.Thread] = []
        self.faults: dict[str, int] = {"pass": 0, "drop": 0, "delay": 0, "truncate": 0}

    def __enter__(self) -> FlakyLink:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join(5)
        for worker in self._workers:
            worker.join(5)
        self._listener.close()

    def _choose(self) -> tuple[str, float, float]:
        with self._rng_lock:
            roll = self._rng.random()
            delay = self._rng.uniform(0.0, 0.3)
            cut = self._rng.uniform(0.0, 1.0)
        if roll >= self._break_rate:
            return "pass", 0.0, 1.0
        kind = ("drop", "delay", "truncate")[int(roll / self._break_rate * 3) % 3]
        return kind, delay, cut

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            fault = self._choose()
            self.faults[fault[0]] += 1
            worker = threading.Thread(target=self._relay, args=(client, *fault), daemon=True)
            self._workers.append(worker)
            worker.start()

    def _relay(self, client: socket.socket, kind: str, delay: float, cut: float) -> None:
        with suppress(OSError):  # either end hung up: what a flapping link does
            self._relay_one(client, kind, delay, cut)

    def _relay_one(self, client: socket.socket, kind: str, delay: float, cut: float) -> None:
        with client:
            client.settimeout(10)
            if kind == "drop":
                return  # the connection closes before a byte is forwarded
            if kind == "delay":
                time.sleep(delay)
            try:
                upstream = socket.create_connection(self._target, timeout=10)
            except OSError:
                return
            with upstream:
                request = self._read_request(client)
                if request is None:
                    return
                upstream.sendall(request)
                response = self._read_all(upstream)
                if kind == "truncate":
                    response = response[: int(len(response) * cut)]
                try:
                    client.sendall(response)
                except OSError:
                    return

    @staticmethod
    def _read_request(sock: socket.socket) -> bytes | None:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                return None
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        while len(body) < length:
            chunk = sock.recv(65536)
            if not chunk:
                return None
            body += chunk
        # One request per connection: the answer ends when the server closes.
        head = b"\r\n".join(
            line for line in head.split(b"\r\n") if not line.lower().startswith(b"connection:")
        )
        return head + b"\r\nConnection: close\r\n\r\n" + body

    @staticmethod
    def _read_all(sock: socket.socket) -> bytes:
        chunks = []
        while True:
            try:
                chunk = sock.recv(65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)
