"""The printing suite: ESC/POS bytes of a 20-line ticket, one A4 invoice PDF (warm), and
the tax certificates of 1,000 clients; each beside a baseline measured in the same run
(python-escpos's own Dummy text of the same lines; a bare reportlab page with the same
embedded font).

Figures: escpos_ticket_median_ms, escpos_dummy_text_median_ms, order_ticket_median_ms,
pdf_invoice_median_ms, pdf_bare_page_median_ms, certificates_1000_s (extrapolated from
certificates_count when scaled down), certificates_query_s, certificates_bare_pages_s.
"""

from __future__ import annotations

import io
import os
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from escpos.printer import Dummy
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import insert, select

from documents.pdf.base import FONT, register_fonts
from documents.pdf.certificate import PER_PROCESS_MIN, write_certificates
from documents.pdf.invoice import invoice_pdf
from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import OnboardingStage, PaymentKind
from kiosk_app.services.invoices import issue_invoice
from kiosk_app.store.models import Client, Lulu, LuluFile, Order, Payment, Service
from kiosk_app.views.settings import DEMO_SETTINGS
from printing.blocks import Align, Cut, Row, Text, Ticket
from printing.escpos import render
from printing.profiles import profile_for
from printing.sources import ticket_for
from sync.protocol import Channel, OrderStatus, PaymentMethod

from .measure import median_ms, note, scaled
from .store_data import as_enrolled, demo_catalogue

TARGETS = {
    "escpos_ticket_median_ms": 2.0,
    "pdf_invoice_median_ms": 20.0,
    "certificates_1000_s": 20.0,
}
WHEN = datetime(2026, 6, 15, 9, 0, tzinfo=UTC)


def twenty_line_ticket() -> Ticket:
    """Twenty printed lines of French text, prices and accents (no QR: lines only)."""
    blocks: list[Text | Row | Cut] = [
        Text("Lulu dans ma rue — Comptoir Saint-Paul", bold=True, align=Align.CENTER),
        Text("01-0042", bold=True, big=True, align=Align.CENTER),
    ]
    for i in range(9):
        blocks.append(Text(f"Prestation n° {i} : étagère, œuvre à l’étage"))
        blocks.append(Row(f"Durée {20 * (i + 1)} min — crédit d’impôt", f"{5 * (i + 1)},00 €"))
    blocks.append(Cut())
    return Ticket("order_ticket", "01-0042", tuple(blocks))


def _time_ms(function: Any, runs: int) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter_ns()
        function()
        samples.append(time.perf_counter_ns() - started)
    return median_ms(samples)


def measure_escpos(comptoir: Comptoir, order_id: uuid.UUID, *, runs: int) -> dict[str, Any]:
    ticket = twenty_line_ticket()
    profile = profile_for("80", "cp858")
    printed = render(ticket, profile).count(b"\n")
    if printed != 20:
        raise RuntimeError(f"the ticket prints {printed} lines, not 20")
    from printing.layout import block_lines

    lines = [line.text for block in ticket.blocks for line in block_lines(block, profile)]

    def dummy() -> bytes:
        printer = Dummy()
        for line in lines:
            printer.text(line + "\n")
        return bytes(printer.output)

    render(ticket, profile)  # warm the encoder's cache, as a running kiosk has it
    dummy()
    order_ticket = ticket_for(comptoir, "order_ticket", order_id)
    return {
        "escpos_ticket_median_ms": _time_ms(lambda: render(ticket, profile), runs),
        "escpos_dummy_text_median_ms": _time_ms(dummy, runs),
        "order_ticket_median_ms": _time_ms(lambda: render(order_ticket, profile), runs),
        "escpos_runs": runs,
    }


def bare_page() -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, initialFontName=FONT)
    canvas.setFont(FONT, 10)
    for i in range(30):
        canvas.drawString(60, 780 - 20 * i, f"Ligne {i} : prestation à domicile, 15,00 €")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def measure_invoice(comptoir: Comptoir, invoice_id: uuid.UUID, *, runs: int) -> dict[str, Any]:
    document = comptoir.invoices.document(invoice_id)
    for _ in range(3):  # warm: fonts parsed, styles built
        invoice_pdf(document)
        bare_page()
    return {
        "pdf_invoice_median_ms": _time_ms(lambda: invoice_pdf(document), runs),
        "pdf_bare_page_median_ms": _time_ms(bare_page, runs),
        "pdf_runs": runs,
    }


def fill_clients(comptoir: Comptoir, count: int) -> None:
    """`count` clients, each with two tax-credit services paid by CESU and cash in 2026,
    written in one transaction (the services' own path is measured by the store suite)."""
    with comptoir.store.write() as session:
        service = session.execute(
            select(Service.id, Service.name_fr, Service.name_en, Service.unit_price_cents).where(
                Service.tax_credit
            )
        ).first()
        assert service is not None
        lulu_id = uuid.uuid4()
        session.execute(
            insert(Lulu).values(id=lulu_id, display_name="Aïcha Benali", created_at=WHEN)
        )
        session.execute(
            insert(LuluFile).values(
                lulu_id=lulu_id,
                siret="73282932000074",
                stage=OnboardingStage.ONBOARDED,
                stage_changed_at=WHEN,
            )
        )
        clients, orders, payments = [], [], []
        for i in range(count):
            client_id = uuid.uuid4()
            clients.append(
                {
                    "id": client_id,
                    "name": f"Cliente n° {i} Léa Dupré-Œhm",
                    "search_name": f"cliente {i}",
                    "phone": f"+3361{i:07d}",
                    "lang": "fr",
                    "created_at": WHEN,
                    "updated_at": WHEN,
                    "street": f"{i % 90 + 1} rue Saint-Antoine",
                    "postcode": "75004",
                    "city": "Paris",
                    "building": "",
                    "access_notes": "",
                }
            )
            for j in range(2):
                order_id = uuid.uuid4()
                at = WHEN + timedelta(days=j * 30, minutes=i)
                orders.append(
                    {
                        "id": order_id,
                        "number": f"01-{2 * i + j + 1:06d}",
                        "client_id": client_id,
                        "service_id": service.id,
                        "service_name_fr": service.name_fr,
                        "service_name_en": service.name_en,
                        "unit_minutes": 20,
                        "unit_price_cents": service.unit_price_cents,
                        "tax_credit": True,
                        "slot_start": at,
                        "slot_end": at + timedelta(hours=1),
                        "estimated_units": 3,
                        "actual_units": 3,
                        "channel": Channel.COUNTER,
                        "lulu_id": lulu_id,
                        "status": OrderStatus.PAID,
                        "lang": "fr",
                        "public_token": uuid.uuid4().hex,
                        "created_at": at,
                        "updated_at": at,
                        "street": "1 rue Saint-Antoine",
                        "postcode": "75004",
                        "city": "Paris",
                        "building": "",
                        "access_notes": "",
                    }
                )
                method = PaymentMethod.CESU if j == 0 else PaymentMethod.CASH
                payments.append(
                    {
                        "id": uuid.uuid4(),
                        "order_id": order_id,
                        "kind": PaymentKind.PAYMENT,
                        "method": method,
                        "amount_cents": 3 * service.unit_price_cents,
                        "at": at + timedelta(hours=2),
                    }
                )
        session.execute(insert(Client), clients)
        session.execute(insert(Order), orders)
        session.execute(insert(Payment), payments)
        # Each paid order's invoice, frozen as the payment that settled it would have:
        # the certificates are made from the invoices.
        for order in orders:
            row = session.get_one(Order, order["id"])
            issue_invoice(session, row, now=order["slot_start"] + timedelta(hours=2))


def measure_certificates(workdir: Path, *, count: int) -> dict[str, Any]:
    comptoir = Comptoir.open(workdir / "certificates")
    try:
        comptoir.catalogue.load(demo_catalogue())
        comptoir.settings.update(**DEMO_SETTINGS)
        as_enrolled(comptoir)
        fill_clients(comptoir, count)
        started = time.perf_counter()
        certificates = comptoir.invoices.certificates(2026)
        queried = time.perf_counter() - started
        written = list(write_certificates(certificates, workdir / "out"))
        total = time.perf_counter() - started
    finally:
        comptoir.close()
    if len(written) != count:
        raise RuntimeError(f"{len(written)} certificates written, not {count}")
    started = time.perf_counter()
    for i in range(count):
        (workdir / f"bare-{i}.pdf").write_bytes(bare_page())
    bare = time.perf_counter() - started
    return {
        "certificates_count": count,
        "certificates_measured_s": round(total, 3),
        "certificates_1000_s": round(total * 1000 / count, 3),
        "certificates_query_s": round(queried, 3),
        "certificates_bare_pages_s": round(bare * 1000 / count, 3),  # one process
        "certificates_workers": min(os.cpu_count() or 1, max(1, count // PER_PROCESS_MIN)),
    }


def _sample_order(comptoir: Comptoir) -> tuple[uuid.UUID, uuid.UUID]:
    """An order with its invoice, through the services: placed, done, paid."""
    from kiosk_app.views.clients import AddressInput
    from kiosk_app.views.orders import OrderRequest

    comptoir.catalogue.load(demo_catalogue())
    comptoir.settings.update(**DEMO_SETTINGS)
    as_enrolled(comptoir)
    service = next(s for s in comptoir.catalogue.all_services() if s.tax_credit)
    now = datetime.now(UTC)
    order = comptoir.orders.place(
        OrderRequest(
            service_id=service.id,
            slot_start=now + timedelta(days=1),
            slot_end=now + timedelta(days=1, hours=1),
            estimated_units=3,
            phone="06 12 34 56 78",
            address=AddressInput(street="14 rue de l’Ave-Maria", postcode="75004", floor=3),
            channel=Channel.COUNTER,
            name="Madeleine Légère",
            consent=True,
        )
    )
    category = comptoir.catalogue.categories()[0].code
    lulu = comptoir.lulus.register_application("Aïcha Benali", "06 98 76 54 32", [category], "")
    comptoir.orders.confirm(order.id, attendant_id=None)
    comptoir.orders.assign(order.id, lulu, attendant_id=None)
    comptoir.orders.mark_done(order.id, 55, attendant_id=None)
    comptoir.payments.record(order.id, PaymentMethod.CHEQUE, 1500, attendant_id=None)
    return order.id, comptoir.invoices.for_order(order.id)[0].id


def run(*, scale: float) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="comptoir-bench-printing-") as tmp:
        workdir = Path(tmp)
        comptoir = Comptoir.open(workdir / "sample")
        try:
            order_id, invoice_id = _sample_order(comptoir)
            runs = scaled(2_000, scale, minimum=20)
            note(f"ESC/POS: a 20-line ticket, {runs} times, and python-escpos's Dummy text")
            figures.update(measure_escpos(comptoir, order_id, runs=runs))
            runs = scaled(200, scale, minimum=5)
            note(f"PDF: one A4 invoice, {runs} times warm, and a bare reportlab page")
            figures.update(measure_invoice(comptoir, invoice_id, runs=runs))
        finally:
            comptoir.close()
        count = scaled(1_000, scale, minimum=10)
        note(f"tax certificates for {count} clients")
        figures.update(measure_certificates(workdir, count=count))
    figures["targets"] = TARGETS
    return figures
