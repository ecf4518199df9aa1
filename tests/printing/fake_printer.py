"""A fake ESC/POS network printer on a loopback TCP port.

It keeps what it receives, answers the real-time status queries (DLE EOT 2 and 4) the
way an Epson printer does, and can misbehave: paper out, cover open, no status answers,
answer status queries slowly once a job came in (a printer busy printing it), drop the
connection after some bytes (every time, or only the first time), or stall (stop
reading and answering) after some bytes.
"""

from __future__ import annotations

import socket
import struct
import threading
from dataclasses import dataclass, field

DLE_EOT = b"\x10\x04"


@dataclass
class FakePrinter:
    paper_out: bool = False
    cover_open: bool = False
    answers_status: bool = True
    drop_after: int | None = None  # close (RST) once this many bytes came in
    stall_after: int | None = None  # stop reading once this many bytes came in
    drop_once: bool = False  # drop_after applies to the first connection only
    status_delay_after_job: float = 0.0  # seconds before answering, once a job came in
    received: list[bytes] = field(default_factory=list)  # one entry per connection
    connections: int = 0

    def __post_init__(self) -> None:
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.1)
        self.port = self._server.getsockname()[1]
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self._server.close()

    @property
    def printed(self) -> bytes:
        """Everything received but the status queries."""
        with self._lock:
            data = b"".join(self.received)
        for n in (b"\x01", b"\x02", b"\x04"):
            data = data.replace(DLE_EOT + n, b"")
        return data

    def _status_byte(self, n: int) -> bytes:
        value = 0x12
        if n == 1:
            value |= 0x04
        if n == 2 and self.cover_open:
            value |= 0x04
        if n == 4 and self.paper_out:
            value |= 0x60
        return bytes([value])

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            with self._lock:
                self.connections += 1
                self.received.append(b"")
                index = len(self.received) - 1
            self._handle(conn, index)

    def _handle(self, conn: socket.socket, index: int) -> None:
        conn.settimeout(0.1)
        buffer = b""
        total = 0
        seen_job = False
        with conn:
            while not self._stop.is_set():
                if self.stall_after is not None and total >= self.stall_after:
                    self._stop.wait(0.05)  # holds the connection, reads nothing
                    if self._stop.is_set():
                        return
                    continue
                try:
                    chunk = conn.recv(256)
                except TimeoutError:
                    continue
                except OSError:
                    return
                if not chunk:
                    return
                total += len(chunk)
                with self._lock:
                    self.received[index] += chunk
                dropping = self.drop_after is not None and not (self.drop_once and index > 0)
                if dropping and self.drop_after is not None and total >= self.drop_after:
                    # An abrupt reset, as when the printer is switched off mid-job.
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    return
                job_came = len(chunk) > 3 or not chunk.startswith(DLE_EOT)
                seen_job = seen_job or job_came
                buffer += chunk
                while (at := buffer.find(DLE_EOT)) != -1 and len(buffer) > at + 2:
                    n = buffer[at + 2]
                    buffer = buffer[at + 3 :]
                    if self.answers_status:
                        if seen_job and self.status_delay_after_job:
                            self._stop.wait(self.status_delay_after_job)
                        conn.sendall(self._status_byte(n))
                buffer = buffer[-2:]
