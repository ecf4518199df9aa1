"""Invoices frozen at issue, as the store holds them: the minutes actually worked, the
people who intervened (a trainee with the tutor who went along), the hash of the
content; no document while the association's details are not set; a refund before the
invoice gives back a deposit."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from documents.content import InvoiceContent, content_hash
from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import OnboardingStage, PaymentKind
from kiosk_app.errors import DocumentDetailsMissing, ValidationError
from kiosk_app.store.models import Invoice, OutboxOp, Payment, Setting
from kiosk_app.views.attendants import AttendantView
from sync.protocol import OrderStatus, PaymentMethod

from .conftest import FreshComptoir
from .support import Clock
from .test_suggestions import add_lulu, place


def test_an_invoice_states_the_minutes_worked_and_the_trainee_with_their_tutor(
    comptoir: Comptoir, clock: Clock, attendant: AttendantView
) -> None:
    tutor = add_lulu(comptoir, "Marie Tutor")
    trainee = add_lulu(
        comptoir, "Inès Trainee", stage=OnboardingStage.FILE_IN_PROGRESS, tutor=tutor
    )
    order = place(comptoir, clock)
    comptoir.suggestions.assign(order.id, trainee, with_tutor=True, attendant_id=attendant.id)
    comptoir.orders.mark_done(order.id, 70, attendant_id=attendant.id)  # billed 4 × 20 min
    comptoir.payments.record(order.id, PaymentMethod.CARD, 20_00, attendant_id=attendant.id)

    [summary] = comptoir.invoices.for_order(order.id)
    content = comptoir.invoices.document(summary.id)
    [line] = content.lines
    assert (line.minutes_worked, line.billed_units, line.amount_cents) == (70, 4, 20_00)
    [person] = line.interveners
    assert (person.name, person.tutor_name) == ("Inès Trainee", "Marie Tutor")
    with comptoir.store.read() as session:
        row = session.get_one(Invoice, summary.id)
        assert row.content_sha256 == content_hash(InvoiceContent.model_validate(row.content))
        [op] = session.query(OutboxOp).filter(OutboxOp.entity == "invoice").all()
        assert op.data["number"] == summary.number
        assert op.data["content_sha256"] == row.content_sha256


def test_no_invoice_while_the_associations_details_are_not_set(
    comptoir: Comptoir, clock: Clock, attendant: AttendantView, lulu_id: object
) -> None:
    with comptoir.store.write() as session:
        session.execute(
            delete(Setting).where(Setting.key.in_(("association_siret", "association_sap_date")))
        )
    order = place(comptoir, clock)
    comptoir.orders.assign(order.id, lulu_id, attendant_id=attendant.id)  # type: ignore[arg-type]
    comptoir.orders.mark_done(order.id, 60, attendant_id=attendant.id)
    with pytest.raises(DocumentDetailsMissing) as refused:
        comptoir.payments.record(order.id, PaymentMethod.CASH, 15_00, attendant_id=None)
    assert refused.value.problems == (
        "documents.siret_missing",
        "documents.sap_date_missing",
    )
    # Nothing half-written: no payment, no invoice, the order still done.
    assert comptoir.payments.for_order(order.id) == []
    assert comptoir.orders.get(order.id).status is OrderStatus.DONE
    comptoir.settings.update(association_siret="12345678901234", association_sap_date="2015")
    with pytest.raises(DocumentDetailsMissing) as refused:
        comptoir.payments.record(order.id, PaymentMethod.CASH, 15_00, attendant_id=None)
    assert refused.value.problems == (
        "documents.siret_invalid",
        "documents.sap_date_invalid",
    )


def test_a_refund_before_the_invoice_gives_back_a_deposit(
    comptoir: Comptoir, clock: Clock, attendant: AttendantView, lulu_id: object
) -> None:
    order = place(comptoir, clock)
    due = comptoir.payments.balance_due(order.id)
    deposit = comptoir.payments.record(order.id, PaymentMethod.CASH, 5_00, attendant_id=None)
    result = comptoir.refunds.refund(deposit.id, 5_00, attendant_id=attendant.id)
    assert result.credit_note_number is None  # nothing was invoiced
    assert result.balance_due_cents == due  # the price is owed again
    assert comptoir.refunds.refundable(deposit.id) == 0
    with comptoir.store.read() as session:
        refund = session.get_one(Payment, result.refund.id)
        assert (refund.kind, refund.refunds_payment_id) == (PaymentKind.REFUND, deposit.id)
    assert [j.kind for j in comptoir.print_jobs.for_order(order.id)][-1] == "refund_receipt"


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(amount=st.one_of(st.integers(), st.booleans(), st.just(10**30)))
def test_a_refund_never_gives_back_more_than_was_paid(
    fresh_comptoir: FreshComptoir, amount: int
) -> None:
    with fresh_comptoir() as (app, clock):
        order = place(app, clock)
        paid = app.payments.record(order.id, PaymentMethod.CASH, 5_00, attendant_id=None)
        try:
            app.refunds.refund(paid.id, amount, attendant_id=None)
        except ValidationError:
            assert app.refunds.refundable(paid.id) == 5_00  # nothing written
            return
        assert not isinstance(amount, bool) and 1 <= amount <= 5_00
        assert app.refunds.refundable(paid.id) == 5_00 - amount
