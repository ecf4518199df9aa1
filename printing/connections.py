"""Ways to reach a printer, each saying how a job went in one of our fault keys.

A job counts as printed only when `send` returns: every byte was written. Over the
network, the printer's status is asked before (paper, cover) and after the job (an
answer after the job means it took every byte before it). A status query that gets no
answer is "unknown", never "fine": python-escpos reads an empty reply as "paper OK".
"""

from __future__ import annotations

import contextlib
import socket
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

DLE_EOT = b"\x10\x04"
QUERY_OFFLINE_CAUSE = DLE_EOT + b"\x02"  # cover open, error
QUERY_PAPER = DLE_EOT + b"\x04"  # roll paper sensor
NETWORK_PORT = 9100


class PrinterStatus(StrEnum):
    READY = "ready"
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    UNKNOWN = "unknown"


class PrinterFault(Exception):
    """A job did not print. `key` is a message key (see `messages.py`); `attempted` is
    False when nothing was sent (the printer was found not ready)."""

    def __init__(self, key: str, *, attempted: bool = True) -> None:
        super().__init__(key)
        self.key = key
        self.attempted = attempted


class Connection(Protocol):
    def send(self, data: bytes) -> None:
        """Write the whole job or raise PrinterFault."""


def _valid_status_byte(value: int) -> bool:
    # Every real-time status byte has bit 1 and bit 4 set, bits 0 and 7 clear.
    return value & 0b1001_0011 == 0b0001_0010


@dataclass
class NetworkConnection:
    """A printer on the network (raw TCP, port 9100)."""

    host: str
    port: int = NETWORK_PORT
    connect_timeout: float = 3.0
    send_timeout: float = 10.0
    status_timeout: float = 1.0

    def _ask(self, sock: socket.socket, query: bytes) -> int | None:
        """One status byte, or None when the printer does not answer."""
        sock.settimeout(self.status_timeout)
        try:
            sock.sendall(query)
            reply = sock.recv(1)
        except TimeoutError:
            return None
        except OSError as error:
            raise PrinterFault("printer.dropped") from error
        if not reply:
            raise PrinterFault("printer.dropped")  # the printer closed the connection
        return reply[0] if _valid_status_byte(reply[0]) else None

    def status_on(self, sock: socket.socket) -> PrinterStatus:
        cause = self._ask(sock, QUERY_OFFLINE_CAUSE)
        if cause is not None and cause & 0x04:
            return PrinterStatus.COVER_OPEN
        paper = self._ask(sock, QUERY_PAPER)
        if paper is not None and paper & 0x60:
            return PrinterStatus.PAPER_OUT
        if cause is None and paper is None:
            return PrinterStatus.UNKNOWN
        return PrinterStatus.READY

    def status(self) -> PrinterStatus:
        try:
            with socket.create_connection((self.host, self.port), self.connect_timeout) as sock:
                return self.status_on(sock)
        except OSError:
            return PrinterStatus.UNKNOWN
        except PrinterFault:
            return PrinterStatus.UNKNOWN

    def send(self, data: bytes) -> None:
        try:
            sock = socket.create_connection((self.host, self.port), self.connect_timeout)
        except OSError as error:
            raise PrinterFault("printer.offline", attempted=False) from error
        with sock:
            before = self.status_on(sock)
            if before is PrinterStatus.PAPER_OUT or before is PrinterStatus.COVER_OPEN:
                raise PrinterFault(f"printer.{before.value}", attempted=False)
            sock.settimeout(self.send_timeout)
            try:
                sock.sendall(data)
            except TimeoutError as error:
                raise PrinterFault("printer.stalled") from error
            except OSError as error:
                raise PrinterFault("printer.dropped") from error
            after = self.status_on(sock)
            if after is PrinterStatus.UNKNOWN and before is not PrinterStatus.UNKNOWN:
                # It answered before the job and not after: it stopped taking bytes.
                raise PrinterFault("printer.stalled")
            if after is PrinterStatus.PAPER_OUT or after is PrinterStatus.COVER_OPEN:
                raise PrinterFault(f"printer.{after.value}")  # ran out during the job


@dataclass
class FileConnection:
    """A device file (/dev/usb/lp0) or a plain file that collects jobs."""

    path: Path

    def send(self, data: bytes) -> None:
        try:
            handle = self.path.open("ab", buffering=0)
        except OSError as error:
            raise PrinterFault("printer.offline", attempted=False) from error
        try:
            with handle:
                written = 0
                view = memoryview(data)
                while written < len(data):
                    count = handle.write(view[written:])
                    if not count:
                        raise PrinterFault("printer.stalled")
                    written += count
        except OSError as error:
            raise PrinterFault("printer.dropped") from error


@dataclass
class EscposConnection:
    """USB, serial or CUPS through python-escpos's printer classes. They give no
    trustworthy status, so only write errors count."""

    kind: str  # usb | serial | cups
    address: str

    def _printer(self) -> Any:
        from escpos import printer

        if self.kind == "usb":
            vendor, _, product = self.address.partition(":")
            return printer.Usb(int(vendor, 16), int(product, 16))
        if self.kind == "serial":
            return printer.Serial(devfile=self.address)
        if self.kind == "cups":
            return printer.CupsPrinter(printer_name=self.address)
        raise ValueError(f"unknown printer kind: {self.kind}")

    def send(self, data: bytes) -> None:
        try:
            device = self._printer()
            device.open()
        except Exception as error:  # the library raises its own and the OS's errors
            raise PrinterFault("printer.offline", attempted=False) from error
        try:
            device._raw(data)
        except Exception as error:
            raise PrinterFault("printer.dropped") from error
        finally:
            with contextlib.suppress(Exception):  # closing a device that just failed
                device.close()


def connection_for(kind: str, address: str) -> Connection | None:
    """The connection the settings describe; None when no printer is configured."""
    kind = kind.strip().lower()
    address = address.strip()
    if kind in ("", "none") or not address:
        return None
    if kind == "network":
        host, _, port = address.rpartition(":") if ":" in address else (address, "", "")
        return NetworkConnection(host or address, int(port) if port.isdigit() else NETWORK_PORT)
    if kind == "file":
        return FileConnection(Path(address))
    if kind in ("usb", "serial", "cups"):
        return EscposConnection(kind, address)
    return None
