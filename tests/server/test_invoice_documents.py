"""Invoices and credit notes kept by the central server as issued: a replay is a
duplicate, the same number with other content is refused, and a content whose hash is
not the one sent is refused — nothing is ever overwritten."""

from __future__ import annotations

import subprocess
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from wire_ops import LULU_ID, NOW, Server, new_client, new_order, op, step

from documents.content import (
    CashRule,
    DocumentKind,
    Intervener,
    InvoiceContent,
    Issuer,
    Line,
    PaymentEntry,
    as_json,
    content_hash,
)
from server.__main__ import main
from server.database import Database
from server.documents import month_statements, year_certificates
from server.models import Record
from sync.protocol import Outcome

ISSUER = Issuer(
    name="Lulu dans ma rue",
    address="12 rue Saint-Paul, 75004 Paris",
    siret="00000000000018",
    sap_number="SAP000000000",
    sap_date=date(2015, 3, 1),
    intervention_mode="prestataire",
    vat_mention="TVA non applicable, art. 293 B du CGI",
)


def invoice(number: str = "F01-2026-00001", *, amount: int = 1500) -> InvoiceContent:
    return InvoiceContent(
        kind=DocumentKind.INVOICE,
        number=number,
        series=number.rsplit("-", 1)[0],
        issued_at=NOW,
        issuer=ISSUER,
        client_id=str(uuid.uuid4()),
        client_name="Jeanne Lefèvre",
        client_address="12 rue des Rosiers, 75004 Paris",
        place="12 rue des Rosiers, 75004 Paris",
        lines=(
            Line(
                order_number="01-0001",
                service_name="Montée de courses",
                start=NOW,
                minutes_worked=50,
                billed_units=3,
                unit_minutes=20,
                unit_price_cents=500,
                amount_cents=amount,
                tax_credit=True,
                interveners=(Intervener(name="Aïcha Benali", siret="73282932000074"),),
            ),
        ),
        amount_cents=amount,
        payments=(PaymentEntry(at=NOW, method="card", amount_cents=amount),),
    )


def document_op(document: InvoiceContent, **override: Any) -> dict[str, Any]:
    invoice_id = uuid.uuid4()
    data = {
        "id": str(invoice_id),
        "order_id": str(uuid.uuid4()),
        "number": document.number,
        "content": as_json(document),
        "content_sha256": content_hash(document),
    } | override
    return op("invoice", invoice_id, "append", data)


def test_a_document_is_kept_once_and_never_replaced(db: Database) -> None:
    server = Server(db)
    first = document_op(invoice())
    [applied] = server.push([first])
    assert applied.outcome is Outcome.APPLIED
    # The kiosk sends it again (an answer lost on the way): a duplicate.
    replay = {**first, "op_id": str(uuid.uuid4())}
    assert [r.outcome for r in server.push([replay])] == [Outcome.DUPLICATE]
    # Another document under the same number: refused, the first one stays.
    [refused] = server.push([document_op(invoice(amount=2000))])
    assert (refused.outcome, refused.code) == (Outcome.REJECTED, "number_taken")
    with db.read() as session:
        rows = session.scalars(select(Record).where(Record.entity == "invoice")).all()
    assert [(r.lookup, r.data["content"]["amount_cents"]) for r in rows] == [
        ("F01-2026-00001", 1500)
    ]


def test_a_content_that_is_not_its_hash_or_not_a_document_is_refused(db: Database) -> None:
    server = Server(db)
    content = invoice()
    tampered = document_op(content, content_sha256="0" * 64)
    wrong_number = document_op(content, number="F01-2026-00002")
    not_a_document = document_op(content, content={"kind": "invoice"})
    results = server.push([tampered, wrong_number, not_a_document])
    assert [(r.outcome, r.code) for r in results] == [(Outcome.REJECTED, "invalid")] * 3
    with db.read() as session:
        assert session.scalars(select(Record).where(Record.entity == "invoice")).all() == []


def test_one_certificate_per_client_over_every_kiosk(db: Database, tmp_path: Path) -> None:
    """A client who paid at two kiosks (a record at each, one phone) gets
    one certificate with both, from `kiosk-server certificates`; the server merges the two
    records (same phone), and the invoices that name the merged one count for the survivor."""
    server, bastille = Server(db), Server(db, "bastille")  # series 01 and 02
    at_saint_paul, at_bastille = uuid.uuid4(), uuid.uuid4()
    first = invoice("F01-2026-00001").model_copy(update={"client_id": str(at_saint_paul)})
    second = invoice("F02-2026-00001", amount=1000).model_copy(
        update={"client_id": str(at_bastille)}
    )
    results = server.push(
        [
            new_client(at_saint_paul, phone="+33612345678"),
            new_client(at_bastille, phone="+33612345678"),
            document_op(first),
        ]
    )
    results += bastille.push([document_op(second)])
    assert {r.outcome for r in results} == {Outcome.APPLIED}
    with db.read() as session:
        [certificate] = year_certificates(
            session, 2026, issued_on=date(2027, 1, 15), cash_rule=CashRule.EXCLUDED
        )
    assert (certificate.paid_cents, certificate.eligible_cents) == (2500, 2500)
    assert [line.interventions for line in certificate.lines] == [2]

    url = db.engine.url.render_as_string(hide_password=False)
    out = tmp_path / "certificates"
    assert main(["certificates", "--year", "2026", "--out", str(out), "--database-url", url]) == 0
    [pdf] = out.glob("*.pdf")
    assert pdf.name.startswith("attestation-2026-Jeanne-Lefevre-")
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "Montant effectivement acquitté en 2026, net des avoirs : 25,00 €" in text
    assert "tous les comptoirs" in text
    with pytest.raises(SystemExit) as refused:  # argparse: one sentence, status 2
        main(["statements", "--month", "2026-13", "--database-url", url])
    assert refused.value.code == 2


def test_a_lulus_statement_covers_every_kiosk(db: Database, tmp_path: Path) -> None:
    """Orders done at two kiosks by one Lulu: one statement with both, the minutes
    worked, and the Lulu's SIRET as the invoices stated it."""
    server = Server(db)
    with db.write() as session:
        session.add(
            Record(
                entity="lulu",
                entity_id=LULU_ID,
                version=1,
                data={"id": str(LULU_ID), "display_name": "Aïcha Benali"},
                updated_at=NOW,
            )
        )
    client_id = uuid.uuid4()
    assert {r.outcome for r in server.push([new_client(client_id), document_op(invoice())])} == {
        Outcome.APPLIED
    }
    bastille = Server(db, "bastille")  # series 02
    for kiosk, number in ((server, "01-0001"), (bastille, "02-0001")):
        order_id = uuid.uuid4()
        created = new_order(order_id, client_id)
        created["data"]["number"] = number
        ops = [
            created,
            step(order_id, "requested", "confirmed"),
            step(order_id, "confirmed", "assigned", lulu_id=str(LULU_ID)),
            step(order_id, "assigned", "done", actual_units=3, actual_minutes=55),
        ]
        assert {r.outcome for r in kiosk.push(ops)} == {Outcome.APPLIED}
    with db.read() as session:
        [statement] = month_statements(session, 2026, 11)
    assert (statement.lulu_name, statement.lulu_siret) == ("Aïcha Benali", "73282932000074")
    assert [(line.order_number, line.kiosk) for line in statement.lines] == [
        ("01-0001", "01"),
        ("02-0001", "02"),
    ]
    assert (statement.total_minutes, statement.total_cents) == (110, 30_00)

    url = db.engine.url.render_as_string(hide_password=False)
    out = tmp_path / "statements"
    assert main(["statements", "--month", "2026-11", "--out", str(out), "--database-url", url]) == 0
    [pdf] = out.glob("*.pdf")
    assert pdf.name == "releve-2026-11-Aicha-Benali.pdf"
