"""Printing's commands: `kiosk ticket`, `kiosk invoice`, `kiosk certificates`,
`kiosk till-report`, for reprints, for support, and for checking a printer's output by
hand."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from documents.pdf.certificate import write_certificates
from documents.pdf.invoice import invoice_pdf
from kiosk_app.comptoir import Comptoir
from kiosk_app.config import default_data_dir
from kiosk_app.domain.file_names import file_stem
from kiosk_app.domain.kinds import InvoiceKind
from kiosk_app.errors import NotFound, NotNow
from kiosk_app.views.orders import OrderView
from sync.protocol import OrderStatus

from .connections import PrinterFault, connection_for
from .escpos import render
from .image import save_ticket
from .messages import page_result_message, printer_cli_message
from .pdf.ticket_preview import ticket_pdf
from .profiles import profile_for
from .sources import TICKET_KINDS, ticket_for
from .test_page import print_test_page
from .till_report import till_report


def add_printing_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ticket = commands.add_parser("ticket", help="print an order's ticket, or write its bytes")
    ticket.add_argument("order_number", help="e.g. 01-0042")
    ticket.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    ticket.add_argument("--escpos", type=Path, help="write the ESC/POS bytes to this file")
    ticket.add_argument("--kind", choices=sorted(TICKET_KINDS), default="order_ticket")
    ticket.set_defaults(handler=run_ticket)

    invoice = commands.add_parser("invoice", help="write an order's invoice as a PDF")
    invoice.add_argument("order_number")
    invoice.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    invoice.add_argument("--pdf", type=Path, required=True, help="the PDF file to write")
    invoice.set_defaults(handler=run_invoice)

    certificates = commands.add_parser(
        "certificates",
        help="write the year's tax certificates from THIS kiosk's invoices only "
        "(the association's, over every kiosk: kiosk-server certificates)",
    )
    certificates.add_argument("--year", type=int, required=True)
    certificates.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    certificates.add_argument("--out", type=Path, help="folder (default: DATA/certificates/YEAR)")
    certificates.set_defaults(handler=run_certificates)

    till = commands.add_parser(
        "till-report", help="a till session's closing report (Z): PDF, ESC/POS, or printed"
    )
    till.add_argument("session", help="the session's number (the Z's), or 'latest'")
    till.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    till.add_argument("--pdf", type=Path, help="write the report as an 80 mm PDF")
    till.add_argument("--escpos", type=Path, help="write the ESC/POS bytes to this file")
    till.set_defaults(handler=run_till_report)

    test = commands.add_parser(
        "test-page", help="print the test page (accents, €, QR code) on the configured printer"
    )
    test.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    test.set_defaults(handler=run_test_page)


log = logging.getLogger(__name__)


def _data_dir(args: argparse.Namespace) -> Path:
    return getattr(args, "data_dir", None) or default_data_dir()


def _order(comptoir: Comptoir, typed_number: str) -> OrderView:
    try:
        return comptoir.orders.by_number(typed_number)
    except NotFound:
        raise NotFound("order.unknown_number", number=typed_number.strip()[:20]) from None


def _printer_fault(key: str) -> int:
    """Straight from the command line nothing waits in the queue: say the fault and
    that the command is to be run again; 1 = try again later."""
    log.warning("printer fault from the command line: %s", key)
    print(printer_cli_message(key, _lang()), file=sys.stderr)
    return 1


def run_ticket(args: argparse.Namespace) -> int:
    data_dir = _data_dir(args)
    comptoir = Comptoir.open(data_dir)
    try:
        order = _order(comptoir, args.order_number)
        ticket = ticket_for(comptoir, args.kind, order.id)
        settings = comptoir.settings.get()
    finally:
        comptoir.close()
    profile = profile_for(settings.printer_width, settings.printer_codepage)
    data = render(ticket, profile)
    if args.escpos:
        args.escpos.write_bytes(data)
        print(f"{args.escpos}: {len(data)} bytes ({profile.width_mm} mm, {profile.codepage.codec})")
        return 0
    connection = connection_for(settings.printer_kind, settings.printer_address)
    if connection is None:
        name = f"{file_stem(order.number)}-{args.kind}"
        saved = save_ticket(ticket, profile, data_dir / "tickets", name)
        print(f"{saved.png}\n{saved.text}")
        return 0
    try:
        connection.send(data)
    except PrinterFault as fault:
        return _printer_fault(fault.key)
    return 0


def run_invoice(args: argparse.Namespace) -> int:
    comptoir = Comptoir.open(_data_dir(args))
    try:
        order = _order(comptoir, args.order_number)
        invoices = [
            i for i in comptoir.invoices.for_order(order.id) if i.kind is InvoiceKind.INVOICE
        ]
        if not invoices:
            # An invoice is issued when the order is paid: say so, not "not found".
            cancelled = order.status is OrderStatus.CANCELLED
            key = "invoice.cancelled" if cancelled else "invoice.not_yet"
            raise NotNow(key, number=order.number, status=order.status.value)
        document = comptoir.invoices.document(invoices[-1].id)
    finally:
        comptoir.close()
    invoice_pdf(document, args.pdf)
    print(f"{args.pdf}: {document.number}")
    return 0


def run_certificates(args: argparse.Namespace) -> int:
    data_dir = _data_dir(args)
    out = args.out or data_dir / "certificates" / str(args.year)
    started = time.perf_counter()
    comptoir = Comptoir.open(data_dir)
    try:
        certificates = comptoir.invoices.certificates(args.year)
    finally:
        comptoir.close()
    written = sum(1 for _ in write_certificates(certificates, out))
    print(f"{written} → {out} ({time.perf_counter() - started:.1f} s)")
    # Said plainly: a client who also paid at another kiosk or on the web needs the
    # central server's certificate, which covers them all.
    print(
        "Ces attestations ne couvrent que les factures de ce comptoir ; celles de "
        "l’association, tous comptoirs confondus : kiosk-server certificates."
        if _lang() == "fr"
        else "These certificates cover this kiosk's invoices only; the association's, "
        "over every kiosk: kiosk-server certificates.",
        file=sys.stderr,
    )
    return 0


def run_till_report(args: argparse.Namespace) -> int:
    """Without --pdf or --escpos the report goes to the printer (or, with none
    configured, to files beside the tickets), as a reprint from the store."""
    data_dir = _data_dir(args)
    comptoir = Comptoir.open(data_dir)
    try:
        if args.session.strip().lower() == "latest":
            session = comptoir.till.latest_closed()
        else:
            number = args.session.strip().upper().removeprefix("Z").lstrip("-")
            if not (number.isascii() and number.isdigit()):
                raise NotFound(entity="cash_session")
            session = comptoir.till.get(int(number))
        settings = comptoir.settings.get()
    finally:
        comptoir.close()
    report = till_report(session, settings)
    profile = profile_for(settings.printer_width, settings.printer_codepage)
    if args.pdf:
        ticket_pdf(report, profile, args.pdf)
        print(f"{args.pdf}: {report.order_number}")
    if args.escpos:
        args.escpos.write_bytes(render(report, profile))
        print(f"{args.escpos}: {report.order_number} ({profile.width_mm} mm)")
    if args.pdf or args.escpos:
        return 0
    connection = connection_for(settings.printer_kind, settings.printer_address)
    if connection is None:
        saved = save_ticket(report, profile, data_dir / "tickets", file_stem(report.order_number))
        print(f"{saved.png}\n{saved.text}")
        return 0
    try:
        connection.send(render(report, profile))
    except PrinterFault as fault:
        return _printer_fault(fault.key)
    return 0


def run_test_page(args: argparse.Namespace) -> int:
    """The settings form's "Print a test page" from a shell (over SSH, at installation):
    0 printed, 1 the printer did not answer (try again), 2 no printer or a module
    missing, 4 a fault a person must clear (paper, cover)."""
    comptoir = Comptoir.open(_data_dir(args))
    try:
        settings = comptoir.settings.get()
        now = comptoir.clock()
    finally:
        comptoir.close()
    result = print_test_page(
        settings.printer_kind, settings.printer_address,
        settings.printer_width, settings.printer_codepage,
        now=now, kiosk_name=settings.kiosk_name, qr_url=settings.server_url,
    )  # fmt: skip
    said = page_result_message(result.key, _lang(), **result.params)
    if result.printed:
        print(said)
        return 0
    print(said, file=sys.stderr)
    if result.key == "test_page.no_answer":
        return 1
    if result.key in ("test_page.no_printer", "test_page.needs_extra"):
        return 2
    return 4


def _lang() -> str:
    from kiosk_app.cli import cli_lang

    return cli_lang()
