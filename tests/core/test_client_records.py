"""A client's record at the counter: history, edit, export and erasure, read back from
the store (and from the SQLite file's own bytes for the erasure)."""

from __future__ import annotations

import json
import stat
import uuid
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given
from hypothesis import strategies as st
from sqlalchemy import delete, select

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.search_text import fold
from kiosk_app.errors import ValidationError
from kiosk_app.services.client_erasure import ClientErased, ClientHasOpenOrders
from kiosk_app.store.models import AuditEntry, Invoice, OutboxOp
from kiosk_app.views.attendants import AttendantView
from kiosk_app.views.clients import ClientChanges, erased_name
from kiosk_app.views.orders import OrderView
from sync.protocol import OrderStatus, PaymentMethod

from .support import HOME, Clock, order_request, row_counts, sqlite_file
from .test_entry_points_fuzz import FUZZ, GOOD_NAMES, GOOD_PHONES, nasty, outcome

# What the resident of `order_request` gave, as the store holds it.
SECRETS = (
    "Jeanne Lefèvre",
    "jeanne lefevre",  # the folded search name
    "+33612345678",
    "jeanne@example.fr",
    "12 rue des Rosiers",
    "Code 1234A",
    "Six packs d'eau",
    "Merci Karim, très gentil",  # the rating's comment
)


def changes_of(comptoir: Comptoir, client_id: uuid.UUID, **typed: Any) -> ClientChanges:
    """The client's details as the profile shows them, with `typed` changed."""
    client = comptoir.clients.get(client_id)
    values: dict[str, Any] = {
        "name": client.name,
        "phone": client.phone_display,
        "address": client.address,
        "email": client.email or "",
        "lang": client.lang,
    }
    return ClientChanges(**{**values, **typed})


def audit_rows(comptoir: Comptoir, action: str) -> list[AuditEntry]:
    with comptoir.store.read() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def outbox(comptoir: Comptoir) -> list[OutboxOp]:
    with comptoir.store.read() as session:
        return list(session.scalars(select(OutboxOp).order_by(OutboxOp.seq)))


@pytest.fixture
def history(
    comptoir: Comptoir, clock: Clock, done: OrderView, attendant: AttendantView
) -> OrderView:
    """Jeanne's first order done, paid (so invoiced) and rated; a second one placed two
    days later and cancelled. Returns the paid one."""
    comptoir.payments.record(done.id, PaymentMethod.CASH, 1000, attendant_id=attendant.id)
    comptoir.ratings.rate(done.id, 5, "Merci Karim, très gentil")
    clock.advance(days=2)
    later = comptoir.orders.place(order_request(comptoir, clock.now, service="menage"))
    comptoir.orders.cancel(later.id, "Plus besoin", attendant_id=attendant.id)
    return comptoir.orders.get(done.id)


# --- History ------------------------------------------------------------------------


def test_history_lists_orders_newest_first_with_money_rating_and_invoice(
    comptoir: Comptoir, history: OrderView
) -> None:
    record = comptoir.client_records.history(history.client_id)
    assert record.client.name == "Jeanne Lefèvre"
    assert [o.status for o in record.orders] == [OrderStatus.CANCELLED, OrderStatus.PAID]
    cancelled, paid = record.orders
    assert cancelled.service_name("fr") == "Ménage"
    assert cancelled.payments == () and cancelled.invoice_numbers == ()
    assert paid.service_name("en") == "Carry shopping upstairs"
    assert paid.number == history.number
    assert paid.price_cents == 1000 and paid.paid_cents == 1000
    assert [(p.method, p.amount_cents) for p in paid.payments] == [(PaymentMethod.CASH, 1000)]
    assert paid.stars == 5
    assert len(paid.invoice_numbers) == 1 and paid.invoice_numbers[0]
    assert record.open_orders == 0


# --- Editing ------------------------------------------------------------------------


def test_edit_writes_what_changed_its_patch_and_an_audit_row_without_values(
    comptoir: Comptoir, placed: OrderView, attendant: AttendantView
) -> None:
    before = outbox(comptoir)
    changes = changes_of(
        comptoir,
        placed.client_id,
        name="  Jeanne   Lefèvre-Martin ",
        phone="07 81 22 33 44",
        address=replace(HOME, street="3 rue Vieille-du-Temple", floor=2),
        lang="en",
    )
    shown = comptoir.client_records.edit(placed.client_id, changes, attendant_id=attendant.id)
    assert shown.name == "Jeanne Lefèvre-Martin"
    assert shown.phone == "+33781223344"
    assert shown.address.street == "3 rue Vieille-du-Temple" and shown.address.floor == 2
    assert comptoir.clients.get(placed.client_id) == shown
    assert [c.name for c in comptoir.clients.search("martin")] == ["Jeanne Lefèvre-Martin"]
    assert comptoir.clients.find_by_phone("06 12 34 56 78") is None
    (patch,) = outbox(comptoir)[len(before) :]
    assert (patch.entity, patch.kind, patch.base_version) == ("client", "patch", 1)
    assert patch.data == {
        "name": "Jeanne Lefèvre-Martin",
        "phone": "+33781223344",
        "street": "3 rue Vieille-du-Temple",
        "floor": 2,
        "lang": "en",
    }
    (row,) = audit_rows(comptoir, "client.edit")
    assert row.attendant_id == attendant.id and row.entity_id == str(placed.client_id)
    assert row.details == {"fields": ["floor", "lang", "name", "phone", "street"]}
    # Nothing changed: nothing written.
    counts = row_counts(comptoir)
    comptoir.client_records.edit(placed.client_id, changes, attendant_id=attendant.id)
    assert row_counts(comptoir) == counts


def test_a_phone_another_client_has_is_refused_beside_the_phone(
    comptoir: Comptoir, clock: Clock, placed: OrderView, attendant: AttendantView
) -> None:
    comptoir.orders.place(order_request(comptoir, clock.now, name="Paul Roux", phone="0142720000"))
    counts = row_counts(comptoir)
    changes = changes_of(comptoir, placed.client_id, phone="01 42 72 00 00", name="Jeanne L")
    with pytest.raises(ValidationError) as refused:
        comptoir.client_records.edit(placed.client_id, changes, attendant_id=attendant.id)
    assert refused.value.fields == {"phone": "phone.taken"}
    assert row_counts(comptoir) == counts
    assert comptoir.clients.get(placed.client_id).name == "Jeanne Lefèvre"


def test_every_bad_field_is_named_at_once(comptoir: Comptoir, placed: OrderView) -> None:
    changes = changes_of(
        comptoir,
        placed.client_id,
        name="R2-D2",
        phone="12",
        email="jeanne@",
        address=replace(HOME, street="", postcode="7500"),
        lang="de",
    )
    counts = row_counts(comptoir)
    with pytest.raises(ValidationError) as refused:
        comptoir.client_records.edit(placed.client_id, changes, attendant_id=None)
    assert refused.value.fields == {
        "name": "name.invalid_characters",
        "phone": "phone.invalid",
        "email": "email.invalid",
        "street": "street.required",
        "postcode": "postcode.invalid",
        "lang": "lang.invalid",
    }
    assert row_counts(comptoir) == counts


# --- Export -------------------------------------------------------------------------


def test_export_writes_everything_held_owner_only_and_audits_it(
    comptoir: Comptoir, history: OrderView, attendant: AttendantView
) -> None:
    path = comptoir.client_records.export(history.client_id, attendant_id=attendant.id)
    assert path.parent == comptoir.store.path.parent / "exports"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    document = json.loads(path.read_text(encoding="utf-8"))
    client = document["client"]
    assert client["name"] == "Jeanne Lefèvre" and client["phone"] == "+33612345678"
    assert client["access_notes"] == "Code 1234A, 5e gauche"
    assert client["consent_at"] is not None
    cancelled, paid = document["orders"]
    assert cancelled["status"] == "cancelled" and cancelled["cancel_reason"] == "Plus besoin"
    assert paid["description"] == "Six packs d'eau au 5e sans ascenseur"
    assert [p["amount_cents"] for p in paid["payments"]] == [1000]
    assert paid["rating"]["stars"] == 5 and paid["rating"]["comment"].startswith("Merci")
    assert [e["to_status"] for e in paid["events"]] == [
        "requested",
        "confirmed",
        "assigned",
        "done",
        "paid",
    ]
    (invoice,) = document["invoices"]
    assert invoice["client_name"] == "Jeanne Lefèvre" and invoice["kind"] == "invoice"
    assert invoice["amount_cents"] == 1000
    assert document["visits"] == []
    assert "client.export" not in {a["action"] for a in document["actions"]}  # before it
    (row,) = audit_rows(comptoir, "client.export")
    assert row.attendant_id == attendant.id and row.entity_id == str(history.client_id)
    # A second export the same second is a second file, the first kept.
    again = comptoir.client_records.export(history.client_id, attendant_id=attendant.id)
    assert again != path and path.exists()


# --- Erasure ------------------------------------------------------------------------


def test_erasure_is_refused_while_an_order_is_open(
    comptoir: Comptoir, placed: OrderView, attendant: AttendantView
) -> None:
    counts = row_counts(comptoir)
    with pytest.raises(ClientHasOpenOrders) as refused:
        comptoir.client_records.erase(placed.client_id, attendant_id=attendant.id)
    assert refused.value.params == {"count": 1}
    assert row_counts(comptoir) == counts
    assert comptoir.clients.get(placed.client_id).name == "Jeanne Lefèvre"


def _texts(comptoir: Comptoir) -> dict[str, list[str]]:
    """Every text held in every table, as "table.column" -> values."""
    held: dict[str, list[str]] = {}
    with sqlite_file(comptoir.store.path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info('{table}')")]
            for column in columns:
                values = conn.execute(f'SELECT "{column}" FROM "{table}"').fetchall()
                held[f"{table}.{column}"] = [str(v[0]) for v in values if v[0] is not None]
    return held


def test_erasure_leaves_no_personal_data_but_keeps_orders_invoices_and_totals(
    comptoir: Comptoir, clock: Clock, history: OrderView, attendant: AttendantView
) -> None:
    client_id = history.client_id
    month = (date(2026, 11, 1), date(2026, 12, 31))
    stats = comptoir.stats.compute(*month)
    with comptoir.store.read() as session:
        invoices = [
            (i.number, i.client_name, i.client_address, i.amount_cents)
            for i in session.scalars(select(Invoice))
        ]
    counts = row_counts(comptoir)

    shown = comptoir.client_records.erase(client_id, attendant_id=attendant.id)

    assert shown.name == erased_name(client_id) and shown.erased
    assert shown.phone is None and shown.email is None and shown.address.street == ""
    assert comptoir.clients.get(client_id).name == erased_name(client_id)
    assert comptoir.clients.search("jeanne") == []
    assert comptoir.clients.find_by_phone("06 12 34 56 78") is None
    # Orders, payments and invoices all stay; the totals the association reports too.
    after = row_counts(comptoir)
    assert after == {**counts, "outbox": counts["outbox"] + 1, "audit_log": after["audit_log"]}
    assert after["audit_log"] == counts["audit_log"] + 1
    assert comptoir.stats.compute(*month) == stats
    record = comptoir.client_records.history(client_id)
    assert [o.status for o in record.orders] == [OrderStatus.CANCELLED, OrderStatus.PAID]
    assert record.orders[1].paid_cents == 1000 and record.orders[1].stars == 5
    order = comptoir.orders.get(history.id)
    assert (order.address.postcode, order.address.city) == ("75004", "Paris")
    assert order.address.street == order.address.access_notes == order.description == ""
    with comptoir.store.read() as session:
        kept = [
            (i.number, i.client_name, i.client_address, i.amount_cents)
            for i in session.scalars(select(Invoice))
        ]
    assert kept == invoices  # legal documents: as issued

    # Nowhere else in the store: not in the clients, orders, ratings, outbox, audit.
    texts = _texts(comptoir)
    # An invoice on its way to the central server is the invoice as issued, which the
    # server keeps for the accounts (like the invoices table here): sent as it is.
    with sqlite_file(comptoir.store.path) as conn:
        texts["outbox.data"] = [
            str(row[0]) for row in conn.execute("SELECT data FROM outbox WHERE entity != 'invoice'")
        ]
    for where, values in texts.items():
        # The invoices as issued (their snapshot too): kept for the accounts, by law.
        if where in ("invoices.client_name", "invoices.client_address", "invoices.content"):
            continue
        for secret in SECRETS:
            assert not any(secret in value for value in values), (secret, where)

    erasure = outbox(comptoir)[-1]
    assert (erasure.entity, erasure.kind, erasure.entity_id) == ("client", "patch", client_id)
    assert erasure.data["erased_at"] == clock.now.isoformat()
    assert erasure.data["phone"] is None and erasure.data["name"] == erased_name(client_id)
    (row,) = audit_rows(comptoir, "client.erase")
    assert row.attendant_id == attendant.id and row.details == {"orders": 2}

    # Erased is final: no edit, no second erasure; the same phone is a new client.
    with pytest.raises(ClientErased):
        comptoir.client_records.erase(client_id, attendant_id=attendant.id)
    with pytest.raises(ClientErased):
        comptoir.client_records.edit(
            client_id,
            changes_of(comptoir, client_id, name="Jeanne", phone="0612345678", address=HOME),
            attendant_id=None,
        )
    again = comptoir.orders.place(order_request(comptoir, clock.now))
    assert again.client_id != client_id


def test_the_store_file_itself_keeps_no_copy_of_what_was_erased(
    comptoir: Comptoir, placed: OrderView, attendant: AttendantView
) -> None:
    """Not just the rows: the SQLite file and its WAL, byte for byte (old row versions
    live on in free pages and WAL frames unless overwritten), and the ticket files."""
    tickets = comptoir.store.path.parent / "tickets"
    tickets.mkdir()
    saved = tickets / f"{placed.number}-order_ticket-1a2b3c4d.txt"
    saved.write_text("12 rue des Rosiers", encoding="utf-8")
    other = tickets / "01-9999-order_ticket-1a2b3c4d.txt"
    other.write_text("someone else", encoding="utf-8")
    comptoir.orders.cancel(placed.id, "Plus besoin", attendant_id=attendant.id)
    data = b"".join(_store_bytes(comptoir.store.path))
    assert "Jeanne Lefèvre".encode() in data and b"+33612345678" in data  # the test can fail

    comptoir.client_records.erase(placed.client_id, attendant_id=attendant.id)

    data = b"".join(_store_bytes(comptoir.store.path))
    for secret in SECRETS:
        assert secret.encode("utf-8") not in data, secret
    assert not saved.exists() and other.exists()


def test_a_second_erasure_after_ops_were_sent_keeps_no_copy_nor_export(
    comptoir: Comptoir, clock: Clock, attendant: AttendantView
) -> None:
    """The sync deletes sent outbox rows (full of names and addresses) long before an
    erasure; a first erasure must not leave later deletions unzeroed; and the export the
    resident asked for before being erased goes with them."""
    first = comptoir.orders.place(order_request(comptoir, clock.now, phone="0698765432"))
    comptoir.orders.cancel(first.id, "Plus besoin", attendant_id=attendant.id)
    comptoir.client_records.erase(first.client_id, attendant_id=attendant.id)

    second = comptoir.orders.place(order_request(comptoir, clock.now))
    with comptoir.store.write() as session:  # pushed and acknowledged, as the sync does
        session.execute(delete(OutboxOp))
    comptoir.orders.cancel(second.id, "Plus besoin", attendant_id=attendant.id)
    exported = comptoir.client_records.export(second.client_id, attendant_id=attendant.id)
    assert b"+33612345678" in exported.read_bytes()  # the test can fail

    comptoir.client_records.erase(second.client_id, attendant_id=attendant.id)

    data = b"".join(_store_bytes(comptoir.store.path))
    for secret in ("Jeanne Lefèvre", "+33612345678", "12 rue des Rosiers", "Six packs d'eau"):
        assert secret.encode("utf-8") not in data, secret
    assert not exported.exists()


def _store_bytes(path: Path) -> list[bytes]:
    return [p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists()]


# --- Any text at the entry points ------------------------------------------------------


@FUZZ
@given(
    typed=st.dictionaries(
        st.sampled_from(("name", "phone", "email", "street", "postcode", "access_notes")),
        nasty(*GOOD_NAMES, *GOOD_PHONES),
        min_size=1,
        max_size=3,
    ),
    lang=st.sampled_from(("fr", "en", "de", "", "'; DROP TABLE clients;--")),
)
def test_edit_takes_any_text(
    comptoir: Comptoir, clock: Clock, typed: dict[str, str], lang: str
) -> None:
    if row_counts(comptoir)["clients"] == 0:
        comptoir.orders.place(order_request(comptoir, clock.now))
    (client,) = comptoir.clients.search("+33612345678") or comptoir.clients.search("jeanne")[:1]
    address: dict[str, Any] = {
        k: v for k, v in typed.items() if k in ("street", "postcode", "access_notes")
    }
    changes = changes_of(
        comptoir,
        client.id,
        address=replace(client.address, **address),
        lang=lang,
        **{k: v for k, v in typed.items() if k in ("name", "phone", "email")},
    )
    shown = outcome(
        comptoir, lambda: comptoir.client_records.edit(client.id, changes, attendant_id=None)
    )
    event("edited" if shown else "refused")
    if shown is None:
        return
    stored = comptoir.clients.get(client.id)
    assert stored == shown
    assert stored.lang == lang
    assert fold(stored.name) == fold(" ".join(changes.name.split()))
    # Put Jeanne back, so the next example finds her.
    comptoir.client_records.edit(
        client.id,
        ClientChanges(name="Jeanne Lefèvre", phone="0612345678", address=HOME),
        attendant_id=None,
    )


@FUZZ
@given(typed=nasty(*GOOD_PHONES, "Jeanne", "lef", "0612"))
def test_search_then_history_take_any_text(comptoir: Comptoir, clock: Clock, typed: str) -> None:
    if row_counts(comptoir)["clients"] == 0:
        comptoir.orders.place(order_request(comptoir, clock.now))
    found = outcome(comptoir, lambda: comptoir.clients.search(typed))
    assert found is not None
    for client in found:
        record = comptoir.client_records.history(client.id)
        assert record.client.name == "Jeanne Lefèvre" and len(record.orders) == 1


def test_an_unknown_client_is_not_found(comptoir: Comptoir) -> None:
    nobody = uuid.uuid4()
    for call in (
        lambda: comptoir.client_records.history(nobody),
        lambda: comptoir.client_records.export(nobody, attendant_id=None),
        lambda: comptoir.client_records.erase(nobody, attendant_id=None),
    ):
        assert outcome(comptoir, call) is None
    assert not (comptoir.store.path.parent / "exports").exists() or not any(
        (comptoir.store.path.parent / "exports").iterdir()
    )
