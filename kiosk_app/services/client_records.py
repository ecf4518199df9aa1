"""A client's record at the counter: their history, editing their details, exporting
everything the store holds about them (client_export.py) and erasing them
(client_erasure.py says what goes, what stays and why)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from sync.protocol import Entity

from ..clock import Clock, utc_now
from ..domain import validation
from ..domain.search_text import fold
from ..errors import NotFound, ValidationError
from ..store.database import Store
from ..store.models import Client, Invoice, Order, Payment, Rating
from ..views.clients import (
    ClientChanges,
    ClientHistory,
    ClientOrder,
    ClientView,
    PaymentLine,
)
from .client_erasure import (
    ClientErased,
    anonymise,
    empty_the_wal,
    forget_exports,
    forget_ticket_files,
)
from .client_export import EXPORTS_FOLDER, by_order, export_document, save_export
from .clients import address_values, check_address, client_view
from .journal import audit, enqueue_op
from .order_rows import order_view

LANGUAGES = ("fr", "en")


def _client(session: Session, client_id: uuid.UUID) -> Client:
    row = session.get(Client, client_id)
    if row is None:
        raise NotFound(entity="client")
    return row


def _orders(session: Session, client_id: uuid.UUID) -> list[Order]:
    return list(
        session.scalars(
            select(Order)
            .where(Order.client_id == client_id)
            .order_by(Order.slot_start.desc(), Order.created_at.desc())
        )
    )


class ClientRecordService:
    def __init__(self, store: Store, *, clock: Clock = utc_now) -> None:
        self._store = store
        self._clock = clock

    @property
    def exports_dir(self) -> Path:
        return self._store.path.parent / EXPORTS_FOLDER

    # --- Reading ----------------------------------------------------------------------

    def get(self, client_id: uuid.UUID) -> ClientView:
        """The client as the counter shows them (an erased one under `erased_name`)."""
        with self._store.read() as session:
            return client_view(_client(session, client_id))

    def history(self, client_id: uuid.UUID) -> ClientHistory:
        with self._store.read() as session:
            client = client_view(_client(session, client_id))
            orders = _orders(session, client_id)
            ids = [order.id for order in orders]
            payments = by_order(
                session.scalars(
                    select(Payment).where(Payment.order_id.in_(ids)).order_by(Payment.at)
                )
            )
            ratings = {
                rating.order_id: rating.stars
                for rating in session.scalars(select(Rating).where(Rating.order_id.in_(ids)))
            }
            invoices = by_order(
                session.scalars(
                    select(Invoice).where(Invoice.order_id.in_(ids)).order_by(Invoice.issued_at)
                )
            )
            return ClientHistory(
                client=client,
                orders=tuple(
                    ClientOrder(
                        id=order.id,
                        number=order.number,
                        service_name_fr=order.service_name_fr,
                        service_name_en=order.service_name_en,
                        slot_start=order.slot_start,
                        status=order.status,
                        price_cents=order_view(order).price_due.total_cents,
                        payments=tuple(
                            PaymentLine(p.kind, p.method, p.amount_cents, p.at)
                            for p in payments.get(order.id, [])
                        ),
                        stars=ratings.get(order.id),
                        invoice_numbers=tuple(i.number for i in invoices.get(order.id, [])),
                    )
                    for order in orders
                ),
            )

    # --- Editing ----------------------------------------------------------------------

    def edit(
        self, client_id: uuid.UUID, changes: ClientChanges, *, attendant_id: uuid.UUID | None
    ) -> ClientView:
        """Validate every field at once, then write what changed, its per-field patch for
        the server and the audit row in one transaction. A phone another client holds is
        refused beside the phone field."""
        checker = validation.Checker()
        name = checker.check(lambda: validation.person_name(changes.name))
        phone = checker.check(lambda: validation.phone(changes.phone))
        email = checker.check(lambda: validation.optional_email(changes.email))
        address = check_address(checker, changes.address)
        if changes.lang not in LANGUAGES:
            checker.fields["lang"] = "lang.invalid"
        checker.done()
        assert name is not None and phone is not None
        now = self._clock()
        with self._store.write() as session:
            row = _client(session, client_id)
            if row.erased_at is not None:
                raise ClientErased()
            taken = session.scalar(
                select(Client.id).where(Client.phone == phone, Client.id != client_id)
            )
            if taken is not None:
                raise ValidationError({"phone": "phone.taken"})
            wanted: dict[str, Any] = {
                "name": name,
                "phone": phone,
                "email": email,
                "lang": changes.lang,
                **address_values(address),
            }
            changed = {key: value for key, value in wanted.items() if getattr(row, key) != value}
            if not changed:
                return client_view(row)
            extra = {"search_name": fold(name)} if "name" in changed else {}
            version = row.version  # the UPDATE below refreshes `row` in the session
            session.execute(
                update(Client)
                .where(Client.id == client_id)
                .values(**changed, **extra, updated_at=now, version=version + 1)
            )
            enqueue_op(
                session,
                entity=Entity.CLIENT,
                entity_id=client_id,
                kind="patch",
                data=changed,
                base_version=version,
                now=now,
            )
            audit(
                session,
                attendant_id=attendant_id,
                action="client.edit",
                entity="client",
                entity_id=client_id,
                now=now,
                details={"fields": sorted(changed)},  # which fields, never their values
            )
            session.flush()
            session.expire(row)
            return client_view(_client(session, client_id))

    # --- Export -----------------------------------------------------------------------

    def export(self, client_id: uuid.UUID, *, attendant_id: uuid.UUID | None) -> Path:
        """Write everything the store holds about the client to one JSON file in the
        data folder's exports/ (owner-only), audit it, and return its path."""
        now = self._clock()
        with self._store.write() as session:
            row = _client(session, client_id)
            document = export_document(session, row, _orders(session, client_id), now)
            path = save_export(self.exports_dir, client_id, document, now)
            audit(
                session,
                attendant_id=attendant_id,
                action="client.export",
                entity="client",
                entity_id=client_id,
                now=now,
            )
            return path

    # --- Erasure ----------------------------------------------------------------------

    def erase(self, client_id: uuid.UUID, *, attendant_id: uuid.UUID | None) -> ClientView:
        """Anonymise the client (client_erasure.py), in one transaction with the
        outbox's erasure patch and the audit row; then leave no old copy on disk.
        Refused while one of their orders is open (ClientHasOpenOrders)."""
        now = self._clock()
        with self._store.write() as session:
            row = _client(session, client_id)
            if row.erased_at is not None:
                raise ClientErased()
            orders = _orders(session, client_id)
            anonymise(session, row, orders, now=now, attendant_id=attendant_id)
        forget_ticket_files(self._store.path.parent, [order.number for order in orders])
        forget_exports(self.exports_dir, client_id)
        empty_the_wal(self._store.engine)
        return self.get(client_id)
