"""The till's closing report (the Z) as a ticket: the float, and per payment method what
was expected, what was counted, the difference and the number of payments. An internal
document of the association: always in French."""

from __future__ import annotations

from datetime import datetime

from documents import formats
from kiosk_app.clock import to_paris
from kiosk_app.views.settings import KioskSettings
from kiosk_app.views.till import CashSessionView, TillLine

from .blocks import Align, Blank, Block, Cut, Row, Rule, Text, Ticket
from .tickets import METHODS

KIND = "till_report"


def report_name(number: int) -> str:
    """How a report is named on paper and in file names: "Z-0012"."""
    return f"Z-{number:04d}"


def _moment(moment: datetime) -> str:
    day = formats.short_date(to_paris(moment).date())
    return f"{day} à {formats.clock_time(moment)}"


def _signed(cents: int) -> str:
    # A surplus reads "+2,00 €": at a glance, what is over and what is short.
    return ("+" if cents > 0 else "") + formats.euros(cents)


def _method_blocks(line: TillLine) -> list[Block]:
    name = METHODS["fr"][line.method]
    difference = line.difference_cents
    if not (line.payments or line.expected_cents or line.counted_cents):
        return [Row(f"{name} : aucun", formats.euros(0))]  # one line for an idle method
    blocks: list[Block] = [
        Text(f"{name} ({line.payments} paiement{'s' if line.payments > 1 else ''})", bold=True),
        Row("  Attendu", formats.euros(line.expected_cents)),
    ]
    if line.counted_cents is not None and difference is not None:
        blocks += [
            Row("  Compté", formats.euros(line.counted_cents)),
            Row("  Écart", _signed(difference), bold=difference != 0),
        ]
    return blocks


def till_report(session: CashSessionView, settings: KioskSettings) -> Ticket:
    """The Z of a closed session (an open one prints as a mid-day reading, "X", with no
    counts)."""
    closed = session.closed_at is not None
    name = report_name(session.number)
    blocks: list[Block] = [
        Text(settings.association_name, bold=True, align=Align.CENTER),
        Text(f"Comptoir {settings.kiosk_name}", align=Align.CENTER),
    ]
    if settings.association_address:
        blocks.append(Text(settings.association_address, align=Align.CENTER))
    blocks += [
        Rule(),
        Text("CLÔTURE DE CAISSE" if closed else "LECTURE DE CAISSE", bold=True, align=Align.CENTER),
        Text(
            name if closed else f"X-{session.number:04d}", bold=True, big=True, align=Align.CENTER
        ),
        Rule(),
        Text(f"Ouverture : {_moment(session.opened_at)}"),
        Text(f"par {session.opened_by}"),
    ]
    if session.closed_at is not None:
        blocks += [
            Text(f"Clôture : {_moment(session.closed_at)}"),
            Text(f"par {session.closed_by or ''}"),
        ]
    blocks += [
        Blank(),
        Row("Fond de caisse", formats.euros(session.float_cents), bold=True),
        Rule(),
    ]
    for line in session.lines:
        blocks += _method_blocks(line)
    blocks += [
        Rule(),
        Row("Nombre de paiements", str(session.payments)),
        Row("Total attendu", formats.euros(session.expected_cents)),
    ]
    if session.counted_cents is not None and session.difference_cents is not None:
        blocks += [
            Row("Total compté", formats.euros(session.counted_cents)),
            Row("Écart total", _signed(session.difference_cents), bold=True),
        ]
    if session.approved_by:
        blocks += [Blank(), Text("Écart validé par :"), Text(session.approved_by, bold=True)]
    blocks += [Blank(), Text("Signature :"), Blank(), Blank(), Cut()]
    return Ticket(KIND, name, tuple(blocks))
