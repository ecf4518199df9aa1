"""Ways to reach a printer, each saying how a job went in one of our fault keys.

A job counts as printed when `send` returns: every byte was accepted. Over the network,
the printer's status is asked before the job (paper, cover: nothing is sent to a printer
that cannot print) and after it, with a patient wait: a printer busy printing may answer
seconds later, and a late answer still means it took every byte. Only a printer that
stops answering, drops the connection or runs out of paper during the job has cut it
(`PrinterFault.partial`): the queue prints such a job again once, marked "REPRINT" —
never the whole job again for a slow answer. A status query that gets no answer is
"unknown", never "fine": python-escpos reads an empty reply as "paper OK".
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
    """A job did not print whole. `key` is a message key (see `messages.py`);
    `attempted` is False when nothing was sent (the printer was found not ready);
    `partial` is True when bytes went out and the job may be cut on paper."""

    def __init__(self, key: str, *, attempted: bool = True, partial: bool = False) -> None:
        super().__init__(key)
        self.key = key
        self.attempted = attempted
        self.partial = partial


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
    # After a job the printer is busy printing it: its status may come seconds later.
    after_job_timeout: float = 8.0

    def _ask(self, sock: socket.socket, query: bytes, timeout: float | None = None) -> int | None:
        """One status byte, or None when the printer does not answer."""
        sock.settimeout(self.status_timeout if timeout is None else timeout)
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

    def status_on(self, sock: socket.socket, timeout: float | None = None) -> PrinterStatus:
        cause = self._ask(sock, QUERY_OFFLINE_CAUSE, timeout)
        if cause is None and timeout is not None:
            return PrinterStatus.UNKNOWN  # already waited long: a second wait says no more
        if cause is not None and cause & 0x04:
            return PrinterStatus.COVER_OPEN
        paper = self._ask(sock, QUERY_PAPER, timeout)
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
                raise PrinterFault("printer.stalled", partial=True) from error
            except OSError as error:
                raise PrinterFault("printer.dropped", partial=True) from error
            try:
                after = self.status_on(sock, self.after_job_timeout)
            except PrinterFault as fault:  # dropped before acknowledging the job
                raise PrinterFault(fault.key, partial=True) from fault
            if after is PrinterStatus.UNKNOWN and before is not PrinterStatus.UNKNOWN:
                # It answered before the job and, after a long wait, not after: it
                # stopped taking bytes somewhere in the job.
                raise PrinterFault("printer.stalled", partial=True)
            if after is PrinterStatus.PAPER_OUT or after is PrinterStatus.COVER_OPEN:
                # Ran out during the job: the end of it is not on paper.
                raise PrinterFault(f"printer.{after.value}", partial=True)


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
                        raise PrinterFault("printer.stalled", partial=written > 0)
                    written += count
        except OSError as error:
            raise PrinterFault("printer.dropped", partial=True) from error


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
            raise PrinterFault("printer.dropped", partial=True) from error
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
        if address.count(":") > 1 and not address.startswith("["):  # a bare IPv6 address
            host, port = address, ""
        host = (host or address).removeprefix("[").removesuffix("]")
        return NetworkConnection(host, int(port) if port.isdigit() else NETWORK_PORT)
    if kind == "file":
        return FileConnection(Path(address))
    if kind in ("usb", "serial", "cups"):
        return EscposConnection(kind, address)
    return None
