"""Arbitrary text (emoji, huge pastes, markup, SQL-looking strings) in every printed field
of receipts and PDF documents: nothing crashes, tickets stay within the page."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, date, datetime

from escpos_reader import read
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from printing_support import PlaceOrder

from benchmarks.printing import run
from kiosk_app.domain.kinds import InvoiceKind, PaymentKind
from kiosk_app.views.invoices import InvoiceDocument, InvoiceLine, PaymentLine, TaxCertificate
from kiosk_app.views.payments import PaymentView
from kiosk_app.views.settings import DEFAULTS, KioskSettings
from printing.escpos import render
from printing.pdf.certificate import certificate_pdf
from printing.pdf.invoice import invoice_pdf
from printing.profiles import profile_for
from printing.tickets import InvoiceRef, receipt
from sync.protocol import PaymentMethod

nasty = st.one_of(
    st.text(max_size=100),
    st.sampled_from(
        [
            "<b>gras</b> & <font name='Helvetica'>x</font>",
            "'; DROP TABLE invoices; --",
            "👵🏽‍🦳🎉" * 30,
            "x" * 5000,
            "\x00\x1b@\x1dV\x00",
        ]
    ),
)
WHEN = datetime(2026, 11, 27, 10, tzinfo=UTC)


def _association(name: str) -> KioskSettings:
    return KioskSettings(**{**DEFAULTS, "association_name": name})


def _line(service: str, lulu: str) -> InvoiceLine:
    return InvoiceLine(
        "01-0001", service, date(2026, 11, 27), WHEN, 60, 3, 20, 500, 1500, True, lulu, "1"
    )


@settings(max_examples=12, deadline=None)
@given(client=nasty, service=nasty, lulu=nasty, association=nasty, reason=nasty)
def test_invoice_pdf_takes_any_text(
    client: str, service: str, lulu: str, association: str, reason: str
) -> None:
    document = InvoiceDocument(
        association=_association(association),
        number="A01-2026-00001",
        kind=InvoiceKind.CREDIT_NOTE,
        issued_at=WHEN,
        credits_number="F01-2026-00001",
        reason=reason,
        client_name=client,
        client_address=client,
        place=service,
        lines=(_line(service, lulu),),
        amount_cents=1500,
        tax_credit_cents=750,
        payments=(PaymentLine(PaymentMethod.CASH, PaymentKind.PAYMENT, 1500, WHEN),),
    )
    assert invoice_pdf(document).startswith(b"%PDF")
    certificate = TaxCertificate(
        _association(association),
        2026,
        uuid.uuid4(),
        client,
        client,
        (_line(service, lulu),),
        1500,
        750,
        750,
    )
    assert certificate_pdf(certificate, issued_on=date(2027, 1, 15)).startswith(b"%PDF")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(service=nasty, association=nasty, number=nasty)
def test_receipt_takes_any_text(
    place_order: PlaceOrder, service: str, association: str, number: str
) -> None:
    order = dataclasses.replace(place_order(), service_name_fr=service)
    payments = [
        PaymentView(uuid.uuid4(), order.id, PaymentKind.PAYMENT, PaymentMethod.CASH, 700, WHEN)
    ]
    ticket = receipt(order, payments, _association(association), invoices=[InvoiceRef(number)])
    for width in ("80", "58"):
        profile = profile_for(width, "cp858")
        printout = read(render(ticket, profile))
        assert all(len(line.text) <= profile.columns for line in printout.lines)
        assert printout.drawer_kicks == 1


def test_benchmark_suite_runs_small() -> None:
    figures = run(scale=0.01)
    for name in ("escpos_ticket_median_ms", "pdf_invoice_median_ms", "certificates_1000_s"):
        assert figures[name] > 0
