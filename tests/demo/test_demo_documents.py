"""The documents of the demo store, read back with pdftotext as a person's reader would:
an invoice, a credit note, a quote and a tax certificate each show every mention the
texts ask (docs/LEGAL.md), in French; "DEMO" is on every one; and an invoice printed
again after the association's details and the Lulu's profile changed is the very same
file."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from documents.content import DocumentKind, InvoiceContent, Line
from documents.pdf.certificate import certificate_pdf
from documents.pdf.invoice import invoice_pdf
from documents.pdf.quote import quote_pdf
from kiosk_app.comptoir import Comptoir
from kiosk_app.demo.seed import seed_demo
from kiosk_app.domain.kinds import PaymentKind
from kiosk_app.store.models import LuluFile
from kiosk_app.views.clients import AddressInput
from kiosk_app.views.orders import OrderRequest
from sync.protocol import Channel, OrderStatus

AS_OF = date(2026, 11, 26)
NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)

# The mentions every document of the association carries (art. D7233-1, 1° and 2°).
ASSOCIATION = [
    "Lulu dans ma rue (démo)",
    "12 rue Saint-Paul, 75004 Paris",
    "SIRET : 00000000000018",
    "Déclaration SAP n° SAP000000000 du 01/03/2015",
    "Mode d’intervention : prestataire",
    "DEMO",
]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo") / "kiosk"
    seed_demo(folder, as_of=AS_OF)
    return folder


@pytest.fixture
def demo(template: Path, tmp_path: Path) -> Iterator[Comptoir]:
    shutil.copytree(template, tmp_path / "kiosk")
    app = Comptoir.open(tmp_path / "kiosk", clock=lambda: NOW)
    yield app
    app.close()


def text_of(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "document.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def assert_mentions(text: str, mentions: list[str]) -> None:
    missing = [mention for mention in mentions if mention not in text]
    assert missing == [], text


def tax_credit_invoice(demo: Comptoir) -> tuple[InvoiceContent, Line]:
    """A paid demo order with the tax credit, done by a Lulu with a SIRET, and its invoice."""
    for document in demo.invoices.all_documents(2026):
        line = document.lines[0]
        if (
            document.kind is DocumentKind.INVOICE
            and line.tax_credit
            and line.interveners
            and line.interveners[0].siret
        ):
            return document, line
    raise AssertionError("the demo has no such invoice")


def test_a_demo_invoice_shows_every_mention(demo: Comptoir, tmp_path: Path) -> None:
    document, line = tax_credit_invoice(demo)
    text = text_of(invoice_pdf(document), tmp_path)
    person = line.interveners[0]
    assert_mentions(
        text,
        [
            *ASSOCIATION,
            f"FACTURE n° {document.number}",
            "Série chronologique : F01-2026",
            "Date d’émission",
            document.client_name,
            "Lieu d’intervention",
            "Nature du service",
            line.service_name,
            f"commande {line.order_number}",
            "facturé",  # the billed units beside the minutes worked
            person.name,
            f"SIRET {person.siret}",  # the identification of who intervened
            "/ h",  # the hourly price TTC
            "Total TTC",
            "TVA non applicable, art. 293 B du CGI",
            "Crédit d’impôt de 50 %",
            "Part ouvrant droit au crédit d’impôt",
            "Règlements reçus à la date de la facture",
        ],
    )
    assert " min" in text or " h" in text  # the actual duration


def test_a_demo_credit_note_shows_every_mention(demo: Comptoir, tmp_path: Path) -> None:
    document, _line = tax_credit_invoice(demo)
    order = demo.orders.by_number(document.lines[0].order_number)
    payment = next(p for p in demo.payments.for_order(order.id) if p.kind is PaymentKind.PAYMENT)
    result = demo.refunds.refund(payment.id, 100, attendant_id=None)
    assert result.credit_note_number is not None and result.balance_due_cents == 0
    note = demo.invoices.document(demo.invoices.by_number(result.credit_note_number).id)
    text = text_of(invoice_pdf(note), tmp_path)
    assert_mentions(
        text,
        [
            *ASSOCIATION,
            f"AVOIR n° {note.number}",
            f"Annule (en tout ou partie) la facture n° {document.number}",
            "Motif : Remboursement",
            note.client_name,
            "Total de l’avoir TTC",
            "-1,00 €",
            "Remboursements",
            "Remboursement (",
        ],
    )


def test_a_demo_quote_shows_every_mention(demo: Comptoir, tmp_path: Path) -> None:
    # A big clean-up, 5 € per 20 minutes: 20 units (6 h 40) come to 100 € TTC.
    service = next(s for s in demo.catalogue.all_services() if s.code == "grand-menage")
    units = -(-100_00 // service.unit_price_cents)
    start = NOW + timedelta(days=2)
    order = demo.orders.place(
        OrderRequest(
            service_id=service.id,
            slot_start=start,
            slot_end=start + timedelta(minutes=units * service.unit_minutes),
            estimated_units=units,
            phone="06 98 76 54 31",
            address=AddressInput(street="3 rue Charlemagne", postcode="75004"),
            channel=Channel.COUNTER,
            name="Paulette Rivière",
            consent=True,
        )
    )
    [(quote_id, number)] = demo.quotes.for_order(order.id)
    assert [j.kind for j in demo.print_jobs.for_order(order.id)] == [
        "order_ticket",
        "quote",
        "quote_ticket",
    ]
    text = text_of(quote_pdf(demo.quotes.document(quote_id)), tmp_path)
    assert_mentions(
        text,
        [
            *ASSOCIATION,
            f"DEVIS n° {number}",
            "Devis gratuit",
            "Valable jusqu’au",
            "Paulette Rivière",
            "3 rue Charlemagne",
            service.name_fr,
            "Durée estimée",
            "/ h",
            "Prix total TTC",
            "après crédit d’impôt",
            "100 € TTC",  # the rule the counter follows
        ],
    )


def test_a_demo_certificate_shows_every_mention(demo: Comptoir, tmp_path: Path) -> None:
    certificates = demo.invoices.certificates(2026)
    certificate = next(c for c in certificates if c.lines and c.paid_cents > 0)
    text = text_of(certificate_pdf(certificate), tmp_path)
    line = certificate.lines[0]
    assert_mentions(
        text,
        [
            *ASSOCIATION,
            "ATTESTATION FISCALE 2026",
            "art. D7233-4 du code du travail",
            certificate.client_name,
            "novembre 2026",  # the interventions, by month
            line.service_name.split()[0],  # a narrow cell wraps the rest
            line.interveners[0].name,
            "Durée",
            "/ h",
            "Montant effectivement acquitté en 2026, net des avoirs",
            "dont réglé en CESU préfinancés",
            "dont réglé en espèces",
            "Montant ouvrant droit au crédit d’impôt, hors CESU préfinancés",
            "art. D7233-3 du code du travail",
            "comptoir 01 (Saint-Paul) seulement",  # a kiosk's certificate says its scope
        ],
    )


def test_an_invoice_printed_again_after_details_change_is_the_same_file(
    demo: Comptoir, tmp_path: Path
) -> None:
    document, line = tax_credit_invoice(demo)
    invoice = demo.invoices.by_number(document.number)
    first = invoice_pdf(demo.invoices.document(invoice.id))
    demo.settings.update(
        association_name="Lulu dans ma rue Paris Centre",
        association_address="1 place de la Bastille, 75004 Paris",
        intervention_mode="mandataire",
    )
    order = demo.orders.by_number(line.order_number)
    with demo.store.write() as session:
        session.execute(
            update(LuluFile).where(LuluFile.lulu_id == order.lulu_id).values(siret="11111111111111")
        )
    again = invoice_pdf(demo.invoices.document(invoice.id))
    assert again == first  # byte for byte
    assert "Paris Centre" not in text_of(again, tmp_path)
    assert demo.orders.get(order.id).status is OrderStatus.PAID


def test_the_demo_opens_on_the_welcome_screen_not_the_set_up_wizard(demo: Comptoir) -> None:
    """The demo seed sets the association's details: no first-run wizard on `--demo`."""
    assert not demo.settings.setup_needed()
    assert demo.settings.get().setup_state == ""
