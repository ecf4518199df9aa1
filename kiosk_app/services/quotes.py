"""Quotes (devis): given free, in writing, before a service whose estimate reaches
100 € TTC (arrêté du 17 mars 2015), printed at the counter and saved as PDF. Like an
invoice, a quote's content is frozen when it is numbered ("D01-2026-00001")."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from documents.content import QuoteContent, as_json, content_hash
from documents.mentions import QUOTE_THRESHOLD_CENTS

from ..clock import Clock, to_paris, utc_now
from ..errors import NotFound
from ..store.database import Store
from ..store.models import Client, Order, Quote
from ..views.invoices import one_line_address
from ..views.print_jobs import QUOTE_KIND
from .document_lines import issuer_of, order_line, order_place
from .journal import enqueue_print
from .numbers import next_number, require_kiosk_code
from .order_rows import order_view
from .settings import document_problems, require_document_details

VALID_DAYS = 30  # how long the quoted price holds


def quote_due(order: Order) -> bool:
    return order.estimated_units * order.unit_price_cents >= QUOTE_THRESHOLD_CENTS


def issue_quote(session: Session, order: Order, *, now: datetime) -> uuid.UUID:
    """Number and freeze the order's quote, and queue its PDF and its ticket, in the
    caller's transaction. Refused while the association's details are not all set."""
    settings = require_document_details(session)
    year, code = to_paris(now).year, require_kiosk_code(session)
    prefix = f"D{code}-{year}"
    number = f"{prefix}-{next_number(session, f'quote-{code}-{year}'):05d}"
    client = session.get_one(Client, order.client_id)
    line = order_line(session, order).model_copy(
        update={
            "minutes_worked": order.estimated_units * order.unit_minutes,
            "billed_units": order.estimated_units,
            "amount_cents": order.estimated_units * order.unit_price_cents,
        }
    )
    price = order_view(order).estimated_price
    content = QuoteContent(
        number=number,
        issued_at=now,
        valid_until=to_paris(now).date() + timedelta(days=VALID_DAYS),
        issuer=issuer_of(settings),
        client_name=client.name,
        client_address=one_line_address(
            client.street, client.postcode, client.city, client.building
        ),
        place=order_place(order),
        line=line,
        amount_cents=price.total_cents,
        tax_credit_cents=price.tax_credit_cents,
    )
    quote_id = uuid.uuid4()
    session.execute(
        insert(Quote).values(
            id=quote_id,
            number=number,
            order_id=order.id,
            issued_at=now,
            amount_cents=price.total_cents,
            content=as_json(content),
            content_sha256=content_hash(content),
        )
    )
    enqueue_print(
        session, kind=QUOTE_KIND, order_id=order.id, lang=order.lang, now=now, document_id=quote_id
    )
    enqueue_print(session, kind="quote_ticket", order_id=order.id, lang=order.lang, now=now)
    return quote_id


def issue_quote_if_due(session: Session, order_id: uuid.UUID, *, now: datetime) -> bool:
    """At order time: a quote when the estimate reaches 100 € TTC and the association's
    details allow documents (otherwise the counter gives it later, once they are set)."""
    order = session.get_one(Order, order_id)
    if not quote_due(order) or document_problems(session):
        return False
    issue_quote(session, order, now=now)
    return True


class QuoteService:
    def __init__(self, store: Store, *, clock: Clock = utc_now) -> None:
        self._store = store
        self._clock = clock

    def for_order(self, order_id: uuid.UUID) -> list[tuple[uuid.UUID, str]]:
        """An order's quotes (id, number), oldest first."""
        with self._store.read() as session:
            rows = session.execute(
                select(Quote.id, Quote.number)
                .where(Quote.order_id == order_id)
                .order_by(Quote.issued_at)
            )
            return [(row.id, row.number) for row in rows]

    def document(self, quote_id: uuid.UUID) -> QuoteContent:
        with self._store.read() as session:
            row = session.get(Quote, quote_id)
            if row is None:
                raise NotFound(entity="quote")
            return QuoteContent.model_validate(row.content)

    def issue(self, order_id: uuid.UUID) -> str:
        """A quote for the order now (the client asked one, or the details were set
        since): its number."""
        now = self._clock()
        with self._store.write() as session:
            order = session.get(Order, order_id)
            if order is None:
                raise NotFound(entity="order")
            quote_id = issue_quote(session, order, now=now)
            return session.get_one(Quote, quote_id).number
