"""Invoices and credit notes kept by the central server as issued: a replay is a
duplicate, the same number with other content is refused, and a content whose hash is
not the one sent is refused — nothing is ever overwritten."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import select
from wire_ops import NOW, Server, op

from documents.content import (
    DocumentKind,
    Intervener,
    InvoiceContent,
    Issuer,
    Line,
    PaymentEntry,
    as_json,
    content_hash,
)
from server.database import Database
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
