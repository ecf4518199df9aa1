"""The invariants of issue 12 ("One owner per order"), checked after convergence by
reading the central server's store and every kiosk's store. Each check returns one
line per breach (empty: it holds), naming orders by number, never a person.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from chaos_kiosks import Kiosk, Step
from sqlalchemy import select
from sync_harness import kiosk_rows, readable_server_rows, server_rows

from kiosk_app.domain.kinds import InvoiceKind
from kiosk_app.store.models import Invoice, Lulu
from server.database import Database
from server.models import AppliedOp, Record
from sync.client import load_token
from sync.protocol import Entity, OrderStatus


def to_resolve_order_ids(server_store: Database) -> set[uuid.UUID]:
    """The orders on the server's "to resolve" list (server/to_resolve.py): money a
    person must settle by hand (a refund, a credit note, a move to another order)."""
    with server_store.read() as session:
        rows = session.scalars(
            select(Record.parent_id).where(Record.entity == Entity.TO_RESOLVE.value)
        ).all()
    return {uuid.UUID(str(row)) for row in rows if row is not None}


# --- What the stores hold, read once --------------------------------------------------


@dataclass(frozen=True)
class Document:
    """An invoice or a credit note, wherever it is held (a kiosk, the server)."""

    number: str
    kind: str  # "invoice" | "credit_note"
    order_id: str
    amount_cents: int
    credits_number: str | None
    held_by: str  # "server" or a kiosk's code


@dataclass
class Stores:
    orders: dict[str, dict[str, Any]]  # the server's, by id
    payments: dict[str, dict[str, Any]]
    documents: list[Document]
    kiosks: list[Kiosk]
    db: Database


def read_stores(db: Database, kiosks: list[Kiosk]) -> Stores:
    documents = [
        Document(
            number=row["number"],
            kind=row["content"]["kind"],
            order_id=row["order_id"],
            amount_cents=row["content"]["amount_cents"],
            credits_number=row["content"].get("credits_number"),
            held_by="server",
        )
        for row in server_rows(db, "invoice").values()
    ]
    for kiosk in kiosks:
        with kiosk.app.store.read() as session:
            numbers = {i: n for i, n in session.execute(select(Invoice.id, Invoice.number))}
            for invoice in session.scalars(select(Invoice)):
                credited = numbers.get(invoice.credits_invoice_id)  # type: ignore[arg-type]
                documents.append(
                    Document(
                        invoice.number,
                        invoice.kind.value,
                        str(invoice.order_id),
                        invoice.amount_cents,
                        credited,
                        kiosk.code,
                    )
                )
    return Stores(server_rows(db, "order"), server_rows(db, "payment"), documents, kiosks, db)


def final_price(order: dict[str, Any]) -> int:
    """What the client owes for the order as the server holds it: nothing when it is
    cancelled, the actual units once done, the estimate before."""
    if order["status"] == OrderStatus.CANCELLED.value:
        return 0
    units = order.get("actual_units") or order["estimated_units"]
    return int(units) * int(order["unit_price_cents"])


def net_paid(stores: Stores) -> dict[str, int]:
    paid: dict[str, int] = defaultdict(int)
    for payment in stores.payments.values():
        sign = -1 if payment["kind"] == "refund" else 1
        paid[payment["order_id"]] += sign * int(payment["amount_cents"])
    return paid


def live_invoices(stores: Stores) -> dict[str, list[Document]]:
    """Each order's invoices that no credit note cancels in full (one per number)."""
    by_number = {d.number: d for d in stores.documents}
    credited: dict[str, int] = defaultdict(int)
    for doc in by_number.values():
        if doc.kind == InvoiceKind.CREDIT_NOTE.value and doc.credits_number:
            credited[doc.credits_number] += doc.amount_cents
    live: dict[str, list[Document]] = defaultdict(list)
    for doc in by_number.values():
        if doc.kind == InvoiceKind.INVOICE.value and credited[doc.number] < doc.amount_cents:
            live[doc.order_id].append(doc)
    return live


def _number(stores: Stores, order_id: str) -> str:
    order = stores.orders.get(order_id)
    return order["number"] if order else f"(order {order_id[:8]} not on the server)"


# --- The invariants ---------------------------------------------------------------------


def one_invoice_per_order(stores: Stores, journal: list[Step]) -> list[str]:
    return [
        f"{_number(stores, order_id)}: {len(docs)} invoices not cancelled "
        f"({', '.join(sorted(f'{d.number}@{d.held_by}' for d in docs))})"
        for order_id, docs in sorted(live_invoices(stores).items())
        if len(docs) > 1
    ]


def invoice_is_final_price(stores: Stores, journal: list[Step]) -> list[str]:
    breaches = []
    for order_id, docs in sorted(live_invoices(stores).items()):
        order = stores.orders.get(order_id)
        if order is None:
            breaches.append(f"{_number(stores, order_id)}: invoiced, unknown to the server")
            continue
        for doc in docs:
            if doc.amount_cents != final_price(order):
                breaches.append(
                    f"{order['number']} ({order['status']}, {order.get('actual_units')} units):"
                    f" invoice {doc.number} says {doc.amount_cents}, price {final_price(order)}"
                )
    return breaches


def listed_cents(stores: Stores) -> dict[str, int]:
    """Per order, the money on the list to resolve and not resolved yet: a payment the
    order did not expect (beyond its price, at a kiosk not holding it), kept as a fact
    until a person refunds or moves it."""
    listed: dict[str, int] = defaultdict(int)
    for item in server_rows(stores.db, "to_resolve").values():
        if item.get("resolved_at") is None:
            listed[item["order_id"]] += int(item["amount_cents"])
    return listed


def paid_means_paid_in_full(stores: Stores, journal: list[Step]) -> list[str]:
    """A paid order's payments less refunds are its price, but for money listed to
    resolve (a person refunds it); no done order is overpaid but for such money."""
    paid, listed = net_paid(stores), listed_cents(stores)
    breaches = []
    for order in sorted(stores.orders.values(), key=lambda o: o["number"]):
        got = paid[order["id"]] - listed[order["id"]]
        status, price = order["status"], final_price(order)
        if status == OrderStatus.PAID.value and got != price:
            breaches.append(f"{order['number']}: paid with {got} for a price of {price}")
        elif status == OrderStatus.DONE.value and got > price:
            breaches.append(f"{order['number']}: done, overpaid: {got} for {price}")
    return breaches


def cancelled_holds_no_money(stores: Stores, journal: list[Step]) -> list[str]:
    paid = net_paid(stores)
    to_resolve = {str(i) for i in to_resolve_order_ids(stores.db)}
    return [
        f"{order['number']}: cancelled, still holds {paid[order['id']]} of payments"
        for order in sorted(stores.orders.values(), key=lambda o: o["number"])
        if order["status"] == OrderStatus.CANCELLED.value
        and paid[order["id"]] != 0
        and order["id"] not in to_resolve
    ]


def no_step_after_a_contradiction(stores: Stores, journal: list[Step]) -> list[str]:
    """Each lifecycle op the server applied was taken on what the server holds: a
    "paid" taken on a kiosk's "done, 3 units" must not land on another kiosk's "done, 5
    units", nor a "done" taken with one Lulu on another kiosk's assignment of another
    Lulu. (The server's applied_ops say which kiosk ops it applied.)"""
    with stores.db.read() as session:
        applied = {str(op_id) for op_id in session.scalars(select(AppliedOp.op_id))}
    breaches = []
    for step in journal:
        order = stores.orders.get(str(step.order_id))
        if order is None:
            continue
        for op_id, target in step.transitions:
            if str(op_id) not in applied:
                continue
            units = order.get("actual_units")
            lulu = order.get("lulu_id")
            if target == OrderStatus.PAID.value and step.actual_units != units:
                breaches.append(
                    f"{order['number']}: kiosk {step.kiosk}'s paid (on done, "
                    f"{step.actual_units} units) applied on the server's done, {units} units"
                )
            if target == OrderStatus.DONE.value and str(step.lulu_id) != str(lulu):
                breaches.append(
                    f"{order['number']}: kiosk {step.kiosk}'s done (with its Lulu "
                    f"{str(step.lulu_id)[-4:]}) applied on an assignment of {str(lulu)[-4:]}"
                )
    return breaches


def numbers_never_shared(stores: Stores, journal: list[Step]) -> list[str]:
    breaches = []
    by_number: dict[str, set[str]] = defaultdict(set)
    for order in stores.orders.values():
        by_number[order["number"]].add(order["id"])
    breaches += [
        f"order number {n} names {len(ids)} orders" for n, ids in by_number.items() if len(ids) > 1
    ]
    placed_at = {str(s.order_id): s.kiosk for s in journal if s.action == "place"}
    for order in stores.orders.values():
        kiosk = placed_at.get(order["id"])
        if kiosk is not None and not order["number"].startswith(f"{kiosk}-"):
            breaches.append(f"order {order['number']} placed at kiosk {kiosk}, not its series")
    contents: dict[str, set[tuple[str, str, int]]] = defaultdict(set)
    for doc in stores.documents:
        contents[doc.number].add((doc.order_id, doc.kind, doc.amount_cents))
    breaches += [
        f"document number {n} names {len(c)} different documents"
        for n, c in sorted(contents.items())
        if len(c) > 1
    ]
    return breaches


def stores_identical(stores: Stores, journal: list[Step]) -> list[str]:
    """Orders, clients, ratings (and payments) field by field, and each Lulu's average,
    the same on every kiosk as on the server, for what each kiosk may read (its own
    orders and clients, those handed over or looked up: DESIGN.md, "One owner per
    order")."""
    breaches = []
    for kiosk in stores.kiosks:
        token = load_token(kiosk.app.store.path.parent)
        for entity in ("order", "client", "rating", "payment"):
            theirs = readable_server_rows(stores.db, entity, token)
            ours = kiosk_rows(kiosk.app, entity)
            breaches += _differences(f"{entity} @{kiosk.code}", ours, theirs)
    server_lulus = {key: _lulu(row) for key, row in server_rows(stores.db, "lulu").items()}
    for kiosk in stores.kiosks:
        with kiosk.app.store.read() as session:
            here = {
                str(lulu.id): (lulu.display_name, lulu.rating_sum, lulu.rating_count)
                for lulu in session.scalars(select(Lulu))
            }
        breaches += _differences(f"lulu @{kiosk.code}", here, server_lulus)
    # The server's average is the sum of the ratings of the Lulu's orders.
    stars: dict[str, list[int]] = defaultdict(list)
    for rating in server_rows(stores.db, "rating").values():
        order = stores.orders.get(rating["order_id"])
        if order and order.get("lulu_id"):
            stars[order["lulu_id"]].append(int(rating["stars"]))
    for lulu_id, (name, total, count) in sorted(server_lulus.items()):
        if (total, count) != (sum(stars[lulu_id]), len(stars[lulu_id])):
            breaches.append(
                f"lulu {name}: server average {total}/{count}, its orders' ratings "
                f"{sum(stars[lulu_id])}/{len(stars[lulu_id])}"
            )
    return breaches


def _lulu(row: dict[str, Any]) -> tuple[str, int, int]:
    return (row["display_name"], int(row.get("rating_sum", 0)), int(row.get("rating_count", 0)))


def _differences(where: str, ours: dict[str, Any], theirs: dict[str, Any]) -> list[str]:
    breaches = []
    if set(ours) != set(theirs):
        breaches.append(
            f"{where}: {len(set(ours) - set(theirs))} only here, "
            f"{len(set(theirs) - set(ours))} only on the server"
        )
    for key in sorted(set(ours) & set(theirs)):
        a, b = ours[key], theirs[key]
        if isinstance(a, dict):
            differ = sorted(k for k in a if k != "version" and a[k] != b.get(k))
            if differ:
                label = a.get("number") or key[:8]
                breaches.append(f"{where}: {label} differs in {', '.join(differ)}")
        elif a != b:
            breaches.append(f"{where}: {key[:8]} {a} here, {b} on the server")
    return breaches


INVARIANTS: dict[str, Callable[[Stores, list[Step]], list[str]]] = {
    "at most one invoice not cancelled per order": one_invoice_per_order,
    "an invoice's total is the order's final price": invoice_is_final_price,
    "a paid order's payments equal its price": paid_means_paid_in_full,
    "a cancelled order holds no unrefunded payment (unless to resolve)": cancelled_holds_no_money,
    "no lifecycle step applied after a contradicting one": no_step_after_a_contradiction,
    "two kiosks never share an order or invoice number": numbers_never_shared,
    "orders, clients, ratings and Lulus identical on every store": stores_identical,
}


def breaches(db: Database, kiosks: list[Kiosk], journal: list[Step]) -> dict[str, list[str]]:
    stores = read_stores(db, kiosks)
    found = {name: check(stores, journal) for name, check in INVARIANTS.items()}
    return {name: lines for name, lines in found.items() if lines}


def report(found: dict[str, list[str]], *, examples: int = 6) -> str:
    parts: list[str] = []
    for name, lines in found.items():
        parts.append(f"- {name}: {len(lines)} breaches")
        parts += [f"    {line}" for line in _first(lines, examples)]
    return "\n".join(parts)


def _first(lines: Iterable[str], n: int) -> list[str]:
    return list(lines)[:n]
