"""Invoices, credit notes, certificates and statements: numbered without gaps in the
payment's own transaction, and readable back from the PDF with every mandatory mention."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest
from pdf_tools import assert_only_embedded_dejavu, pdf_text
from printing_support import LULU_SIRET, CompleteOrder, PlaceOrder
from sqlalchemy import func, select

from documents.pdf.certificate import write_certificates
from documents.pdf.invoice import invoice_pdf
from documents.pdf.statement import statement_pdf
from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import InvoiceKind, PaymentKind
from kiosk_app.store.models import Invoice, Order
from printing.pdf.ticket_preview import ticket_pdf
from printing.profiles import profile_for
from printing.sources import ticket_for
from sync.protocol import OrderStatus, PaymentMethod


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_paying_an_order_issues_its_invoice_in_a_gapless_series(
    association: Comptoir, place_order: PlaceOrder, complete_order: CompleteOrder
) -> None:
    first = complete_order(place_order(phone="06 11 11 11 11"))
    second = complete_order(place_order(phone="06 22 22 22 22"), methods=(PaymentMethod.CASH,) * 2)
    numbers = [
        [i.number for i in association.invoices.for_order(order.id)] for order in (first, second)
    ]
    assert numbers == [["F01-2026-00001"], ["F01-2026-00002"]]
    assert first.status is OrderStatus.PAID


def test_a_partial_payment_issues_no_invoice(
    association: Comptoir, place_order: PlaceOrder, lulu_id: uuid.UUID
) -> None:
    order = place_order()
    association.orders.confirm(order.id, attendant_id=None)
    association.orders.assign(order.id, lulu_id, attendant_id=None)
    association.orders.mark_done(order.id, 60, attendant_id=None)
    association.payments.record(order.id, PaymentMethod.CASH, 500, attendant_id=None)
    assert association.invoices.for_order(order.id) == []


def test_a_payment_that_fails_leaves_no_invoice_number_taken(
    association: Comptoir, place_order: PlaceOrder, complete_order: CompleteOrder
) -> None:
    """The invoice and the payment commit together: when the transaction is rolled back
    (here: the invoice number is already taken by a row put there by hand), neither the
    payment, nor the paid status, nor the number survive."""
    order = complete_order(place_order(phone="06 11 11 11 11"))
    second = place_order(phone="06 33 33 33 33")
    with association.store.write() as session:
        session.execute(
            Invoice.__table__.update()
            .where(Invoice.order_id == order.id)
            .values(number="F01-2026-00002")
        )
    association.orders.confirm(second.id, attendant_id=None)
    association.orders.assign(second.id, association.lulus.list()[0].id, attendant_id=None)
    association.orders.mark_done(second.id, 60, attendant_id=None)
    with pytest.raises(Exception, match="UNIQUE"):
        association.payments.record(second.id, PaymentMethod.CARD, 1500, attendant_id=None)
    assert association.orders.get(second.id).status is OrderStatus.DONE
    assert association.payments.for_order(second.id) == []
    with association.store.read() as session:
        assert session.scalar(select(func.count()).select_from(Invoice)) == 1


def test_a_refund_issues_a_credit_note_and_never_deletes(
    association: Comptoir, place_order: PlaceOrder, complete_order: CompleteOrder, tmp_path: Path
) -> None:
    order = complete_order(place_order(), methods=(PaymentMethod.CARD,))
    association.payments.record(
        order.id, PaymentMethod.CARD, 500, attendant_id=None, kind=PaymentKind.REFUND
    )
    association.payments.record(
        order.id, PaymentMethod.CARD, 1000, attendant_id=None, kind=PaymentKind.REFUND
    )
    invoices = association.invoices.for_order(order.id)
    assert [(i.number, i.kind, i.amount_cents) for i in invoices] == [
        ("F01-2026-00001", InvoiceKind.INVOICE, 1500),
        ("A01-2026-00001", InvoiceKind.CREDIT_NOTE, 500),
        ("A01-2026-00002", InvoiceKind.CREDIT_NOTE, 1000),
    ]
    path = tmp_path / "avoir.pdf"
    invoice_pdf(association.invoices.document(invoices[1].id), path)
    text = _flat(pdf_text(path))
    assert "AVOIR n° A01-2026-00001" in text
    assert "F01-2026-00001" in text and "Remboursement" in text and "-5,00 €" in text
    # The order was paid: a refund cancelled that much of its invoice, nothing is owed.
    assert association.payments.balance_due(order.id) == 0
    assert_only_embedded_dejavu(path)


def test_invoice_pdf_carries_every_mandatory_mention(
    association: Comptoir, place_order: PlaceOrder, complete_order: CompleteOrder, tmp_path: Path
) -> None:
    association.settings.update(intervention_mode="mandataire")
    order = complete_order(place_order(street="8 rue François-Miron"), minutes=50)
    invoice = association.invoices.for_order(order.id)[0]
    path = tmp_path / "facture.pdf"
    invoice_pdf(association.invoices.document(invoice.id), path)
    text = _flat(pdf_text(path))
    for mention in (
        "FACTURE n° F01-2026-00001",
        "Série chronologique : F01-2026",
        "Lulu dans ma rue (démo)",  # the association
        "12 rue Saint-Paul, 75004 Paris",
        "SIRET : 00000000000018",
        "Déclaration SAP n° SAP000000000 du 01/03/2015",
        "Madeleine Légère",  # the client
        "8 rue François-Miron, 75004 Paris",  # their address and the place
        "Lieu d’intervention",
        "Nature du service",
        "27/11/2026",  # the date of the service
        "50 min",  # the minutes actually worked, not the 3 × 20 min billed
        "15,00 € / h",  # the hourly price TTC
        "Aïcha Benali",  # the Lulu
        LULU_SIRET,  # and their identification number
        "Mode d’intervention : mandataire",
        "Total TTC 15,00 €",
        "TVA non applicable, art. 293 B du CGI",
        "Part ouvrant droit au crédit d’impôt : 0,00 €",  # all in CESU préfinancé
        "27/11/2026 — CESU préfinancé — 15,00 €",  # the payment: date, method, amount
        "personnellement financé",  # the CESU sentence
        "DEMO",  # a demo store's document says so
    ):
        assert mention in text, mention
    # A narrow table's header wraps: its words come in the columns' order.
    assert re.search(r"Durée .{0,40}effective", text)
    assert re.search(r"Prix horaire .{0,60}TTC", text)
    assert "Code 4B12" not in text  # access notes stay private
    assert_only_embedded_dejavu(path)


@pytest.mark.dates
def test_certificates_count_only_eligible_payments(
    association: Comptoir, place_order: PlaceOrder, complete_order: CompleteOrder, tmp_path: Path
) -> None:
    mixed = complete_order(
        place_order(name="Geneviève Œttinger", phone="06 11 11 11 11"),
        methods=(PaymentMethod.CASH, PaymentMethod.CESU),
    )
    complete_order(
        place_order(name="Zoé Cash", phone="06 22 22 22 22"), methods=(PaymentMethod.CASH,)
    )
    certificates = association.invoices.certificates(2026)
    # Cash only: the client paid nothing that opens the right, but still gets the
    # certificate of what they paid (it says cash does not count).
    assert [c.client_name for c in certificates] == ["Geneviève Œttinger", "Zoé Cash"]
    certificate = certificates[0]
    figures = (
        certificate.paid_cents,
        certificate.cash_cents,
        certificate.cesu_cents,
        certificate.eligible_cents,
    )
    assert figures == (1500, 750, 750, 0)  # CESU: only the client's own part counts
    assert [line.interventions for line in certificate.lines] == [1]
    assert mixed.number
    assert association.invoices.certificates(2025) == []

    paths = list(write_certificates(certificates, tmp_path / "certs"))
    assert len(paths) == 2
    text = _flat(pdf_text(paths[0]))
    for mention in (
        "ATTESTATION FISCALE 2026",
        "art. D7233-4",
        "Geneviève Œttinger",
        "SIRET : 00000000000018",
        "SAP000000000",
        "Aïcha Benali",
        LULU_SIRET,
        "Déclaration SAP n° SAP000000000 du 01/03/2015",
        "novembre 2026",  # the month of the interventions
        "50 min",  # their actual duration
        "15,00 € / h",
        "Montant effectivement acquitté en 2026, net des avoirs : 15,00 €",
        "dont réglé en CESU préfinancés : 7,50 €",
        "dont réglé en espèces : 7,50 €",
        "Montant ouvrant droit au crédit d’impôt, hors CESU préfinancés : 0,00 €",
        "n’ouvrent pas droit au crédit d’impôt (art. D7233-3",
        "personnellement financé",
        "Fait le samedi 28 novembre 2026",  # the day it is made
    ):
        assert mention in text, mention
    assert paths[0].name.startswith("attestation-2026-Genevieve-OEttinger-")
    assert_only_embedded_dejavu(paths[0])


def test_lulu_statement_lists_the_month(
    association: Comptoir,
    place_order: PlaceOrder,
    complete_order: CompleteOrder,
    lulu_id: uuid.UUID,
    tmp_path: Path,
) -> None:
    first = complete_order(place_order(phone="06 11 11 11 11"), minutes=40)
    second = complete_order(place_order(phone="06 22 22 22 22"), minutes=61)
    statement = association.invoices.lulu_statement(lulu_id, 2026, 11)
    assert [line.order_number for line in statement.lines] == [first.number, second.number]
    assert statement.total_cents == 1000 + 2000
    assert association.invoices.lulu_statement(lulu_id, 2026, 12).lines == ()
    path = tmp_path / "releve.pdf"
    statement_pdf(statement, path)
    text = _flat(pdf_text(path))
    for mention in ("RELEVÉ MENSUEL", "novembre 2026", "Aïcha Benali", LULU_SIRET, "30,00 €"):
        assert mention in text, mention
    assert "Prestations : 2, 1 h 41, 30,00 €" in text  # 40 + 61 minutes worked
    assert_only_embedded_dejavu(path)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_ticket_preview_pdf(
    association: Comptoir, place_order: PlaceOrder, tmp_path: Path, lang: str
) -> None:
    order = place_order(street="3 rue des Jardins-Saint-Paul — cœur", lang=lang)
    path = tmp_path / "ticket.pdf"
    ticket_pdf(ticket_for(association, "order_ticket", order.id), profile_for("80"), path)
    text = _flat(pdf_text(path))
    assert "01-0001" in text and ("15,00 €" if lang == "fr" else "€15.00") in text
    assert "Lulu dans ma rue (démo)" in text
    assert ("Et maintenant ?" if lang == "fr" else "What happens next?") in text
    assert "coeur" in text  # what the CP858 printer would print
    assert_only_embedded_dejavu(path)


def test_order_rows_are_untouched_by_invoicing(
    association: Comptoir, place_order: PlaceOrder, complete_order: CompleteOrder
) -> None:
    order = complete_order(place_order())
    with association.store.read() as session:
        assert session.get_one(Order, order.id).status is OrderStatus.PAID
