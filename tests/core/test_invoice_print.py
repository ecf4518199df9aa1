"""Printing an order's invoice from the counter: a new print job each time, audited with
the attendant, and refused in plain words (nothing written) when the order has no
invoice yet."""

from __future__ import annotations

import subprocess
import uuid

import pytest
from sqlalchemy import select

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import Role
from kiosk_app.errors import NotFound
from kiosk_app.messages import message
from kiosk_app.store.models import AuditEntry
from printing.files import invoice_file
from printing.profiles import profile_for
from printing.queue import PrintWorker
from sync.protocol import PaymentMethod

from .support import Clock, grown, order_request, row_counts


def paid_order(comptoir: Comptoir, clock: Clock) -> uuid.UUID:
    order = comptoir.orders.place(order_request(comptoir, clock.now))
    lulu = comptoir.lulus.register_application(
        "Karim Benali", "07 81 22 33 44", ["courses"], "Le soir"
    )
    comptoir.orders.confirm(order.id, attendant_id=None)
    comptoir.orders.assign(order.id, lulu, attendant_id=None)
    done = comptoir.orders.mark_done(order.id, 40, attendant_id=None)
    due = done.price_due.total_cents
    comptoir.payments.record(order.id, PaymentMethod.CHEQUE, due, attendant_id=None)
    return order.id


def test_the_invoice_is_queued_each_time_and_audited(comptoir: Comptoir, clock: Clock) -> None:
    order_id = paid_order(comptoir, clock)
    (invoice,) = comptoir.invoices.for_order(order_id)
    camille = comptoir.attendants.add("Camille", Role.ATTENDANT, "1234")
    before = row_counts(comptoir)
    assert comptoir.print_jobs.print_invoice(order_id, attendant_id=camille.id) == invoice.number
    assert comptoir.print_jobs.print_invoice(order_id, attendant_id=camille.id) == invoice.number
    assert grown(before, row_counts(comptoir)) == {"print_jobs": 2, "audit_log": 2}
    jobs = [j for j in comptoir.print_jobs.for_order(order_id) if j.kind == "invoice"]
    assert len(jobs) == 2 and {j.status.value for j in jobs} == {"queued"}
    with comptoir.store.read() as session:
        rows = session.execute(
            select(AuditEntry.action, AuditEntry.attendant_id, AuditEntry.details).where(
                AuditEntry.entity_id == str(invoice.id)
            )
        ).all()
    assert [(a, who) for a, who, _ in rows] == [("invoice.print", camille.id)] * 2
    assert rows[0][2]["number"] == invoice.number


def test_the_worker_saves_the_invoice_as_a_pdf_in_the_data_folder(
    comptoir: Comptoir, clock: Clock
) -> None:
    order_id = paid_order(comptoir, clock)
    (invoice,) = comptoir.invoices.for_order(order_id)
    comptoir.print_jobs.print_invoice(order_id, attendant_id=None)
    data_dir = comptoir.store.path.parent
    worker = PrintWorker(
        comptoir, connection=None, profile=profile_for(), tickets_dir=data_dir / "tickets"
    )
    worker.run_once()
    pdf = invoice_file(data_dir, invoice.number)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert invoice.number in text
    assert f"{invoice.amount_cents // 100},{invoice.amount_cents % 100:02d} €" in text
    assert {j.status.value for j in comptoir.print_jobs.for_order(order_id)} == {"printed"}


def test_an_order_without_an_invoice_is_refused_and_nothing_is_written(
    comptoir: Comptoir, clock: Clock
) -> None:
    order = comptoir.orders.place(order_request(comptoir, clock.now))
    before = row_counts(comptoir)
    with pytest.raises(NotFound) as refused:
        comptoir.print_jobs.print_invoice(order.id, attendant_id=None)
    assert refused.value.params == {"entity": "invoice"}
    assert message(refused.value.key, "fr", **refused.value.params)
    with pytest.raises(NotFound):
        comptoir.print_jobs.print_invoice(uuid.uuid4(), attendant_id=None)
    assert grown(before, row_counts(comptoir)) == {}
