""" "Print a test page": a short ticket that shows what goes wrong on a badly set
printer — accented letters and € in the chosen code page, a line as wide as the paper's
columns, a QR code — sent at once (no queue) and answered within a time budget, 5 s by
default, so that the person setting the printer up knows whether it worked.

No Qt: the settings form calls `print_test_page` on a worker thread; the command line
could too. The send itself runs on a daemon thread of its own that is given up on once
the budget is spent (a connection's own timeouts end it soon after)."""

from __future__ import annotations

import importlib.util
import threading
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from .blocks import Align, Blank, Cut, Qr, Rule, Text, Ticket
from .connections import Connection, NetworkConnection, PrinterFault, connection_for
from .escpos import render
from .profiles import PrinterProfile, profile_for

BUDGET_SECONDS = 5.0
PARIS = ZoneInfo("Europe/Paris")
ACCENTS = "é è ê ë à â ç ô ö ù û ü î ï œ æ É È À Ç Ô Œ « » ’"
# The Python module each kind needs, and Comptoir's extra that brings it (pyproject.toml:
# "printers" is python-escpos's usb and serial extras, "cups" its cups extra).
EXTRAS = {"usb": ("usb", "printers"), "serial": ("serial", "printers"), "cups": ("cups", "cups")}


@dataclass(frozen=True)
class PageResult:
    printed: bool
    key: str  # a message key of TEST_PAGE_MESSAGES (printing/messages.py)
    params: dict[str, Any] = field(default_factory=dict)


def missing_extra(kind: str) -> str | None:
    """The extra a kind of printer needs and that is not installed, or None."""
    module, extra = EXTRAS.get(kind, ("", ""))
    if module and importlib.util.find_spec(module) is None:
        return extra
    return None


def test_page(
    profile: PrinterProfile, *, now: datetime, kiosk_name: str = "", qr_url: str = ""
) -> Ticket:
    """The page itself, in French (as every ticket the kiosk prints)."""
    ruler = ("1234567890" * 5)[: profile.columns]
    when = now.astimezone(PARIS).strftime("%d/%m/%Y %H:%M")
    return Ticket(
        kind="test_page",
        order_number="TEST",
        blocks=(
            Text("Page de test", bold=True, big=True, align=Align.CENTER),
            Text(f"Comptoir {kiosk_name}".strip(), align=Align.CENTER),
            Text(when, align=Align.CENTER),
            Rule(),
            Text("Accents :", bold=True),
            Text(ACCENTS),
            Text("Euro : 5,00 € – 12,50 €"),
            Rule(),
            Text(f"Papier {profile.width_mm} mm, {profile.columns} colonnes :"),
            Text(ruler),
            Text(f"Page de codes : {profile.codepage.codec.upper()}"),
            Blank(),
            Text("QR code :", bold=True),
            Qr(qr_url or "https://comptoir.example.org/test"),
            Text("Si tout se lit bien, l’imprimante est prête.", align=Align.CENTER),
            Cut(),
        ),
    )


def connection_within(kind: str, address: str, budget: float) -> Connection | None:
    """The printer's connection, with waits that fit the budget: a network printer is
    given a third of it to accept the connection and a fifth for each status answer."""
    connection = connection_for(kind, address)
    if isinstance(connection, NetworkConnection):
        connection.connect_timeout = budget / 3
        connection.status_timeout = budget / 5
        connection.send_timeout = budget / 3
        connection.after_job_timeout = budget / 5
    return connection


def print_test_page(
    kind: str,
    address: str,
    width: str,
    codepage: str,
    *,
    now: datetime,
    kiosk_name: str = "",
    qr_url: str = "",
    budget: float = BUDGET_SECONDS,
) -> PageResult:
    """Print the test page on the printer these settings describe, and say how it went
    within `budget` seconds."""
    extra = missing_extra(kind)
    if extra is not None:
        return PageResult(False, "test_page.needs_extra", {"extra": extra})
    connection = connection_within(kind, address, budget)
    if connection is None:
        return PageResult(False, "test_page.no_printer")
    profile = profile_for(width, codepage)
    data = render(test_page(profile, now=now, kiosk_name=kiosk_name, qr_url=qr_url), profile)
    outcome: list[PageResult] = []

    def send() -> None:
        try:
            connection.send(data)
        except PrinterFault as fault:
            no_answer = fault.key in ("printer.offline", "printer.stalled")
            outcome.append(PageResult(False, "test_page.no_answer" if no_answer else fault.key))
        except Exception:  # a library's own error (pyusb, pycups): the printer said no
            outcome.append(PageResult(False, "test_page.no_answer"))
        else:
            outcome.append(PageResult(True, "test_page.printed"))

    sender = threading.Thread(target=send, name="test-page", daemon=True)
    sender.start()
    sender.join(budget)
    if not outcome:
        return PageResult(False, "test_page.no_answer")
    return outcome[0]
