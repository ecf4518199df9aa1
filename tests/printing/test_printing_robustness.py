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
from documents.content import (
    CashRule,
    CertificateContent,
    CertificateLine,
    DocumentKind,
    Intervener,
    InvoiceContent,
    Issuer,
    Line,
    PaymentEntry,
)
from documents.pdf.certificate import certificate_pdf
from documents.pdf.invoice import invoice_pdf
from kiosk_app.domain.kinds import PaymentKind
from kiosk_app.views.payments import PaymentView
from kiosk_app.views.settings import DEFAULTS, KioskSettings
from printing.escpos import render
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


def _issuer(name: str) -> Issuer:
    # The content's bounds are the core's: a name longer than that never reaches it.
    return Issuer(
        name=name[:120],
        address=name[:400],
        siret="00000000000018",
        sap_number="SAP000000000",
        sap_date=date(2015, 3, 1),
        intervention_mode="prestataire",
        vat_mention="TVA non applicable, art. 293 B du CGI",
        demo=True,
    )


def _line(service: str, lulu: str) -> Line:
    return Line(
        order_number="01-0001",
        service_name=service[:120],
        start=WHEN,
        minutes_worked=70,
        billed_units=4,
        unit_minutes=20,
        unit_price_cents=500,
        amount_cents=2000,
        tax_credit=True,
        interveners=(Intervener(name=lulu[:120], tutor_name=lulu[:120]),),
    )


@settings(max_examples=12, deadline=None)
@given(client=nasty, service=nasty, lulu=nasty, association=nasty, reason=nasty)
def test_documents_take_any_text(
    client: str, service: str, lulu: str, association: str, reason: str
) -> None:
    document = InvoiceContent(
        kind=DocumentKind.CREDIT_NOTE,
        number="A01-2026-00001",
        series="A01-2026",
        issued_at=WHEN,
        issuer=_issuer(association),
        client_id=str(uuid.uuid4()),
        client_name=client[:120],
        client_address=client[:400],
        place=service[:400],
        lines=(_line(service, lulu),),
        amount_cents=1500,
        payments=(PaymentEntry(at=WHEN, method="cash", kind="refund", amount_cents=1500),),
        credits_number="F01-2026-00001",
        reason=reason[:400],
    )
    assert invoice_pdf(document).startswith(b"%PDF")
    certificate = CertificateContent(
        issuer=_issuer(association),
        year=2026,
        issued_on=date(2027, 1, 15),
        client_id=str(uuid.uuid4()),
        client_name=client[:120],
        client_address=client[:400],
        lines=(
            CertificateLine(
                month=date(2026, 11, 1),
                service_name=service[:120],
                interveners=(Intervener(name=lulu[:120]),),
                interventions=1,
                minutes_worked=70,
                hourly_price_cents=1500,
                amount_cents=2000,
            ),
        ),
        paid_cents=2000,
        cesu_cents=500,
        cash_cents=500,
        eligible_cents=1000,
        cash_rule=CashRule.EXCLUDED,
    )
    assert certificate_pdf(certificate).startswith(b"%PDF")


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
