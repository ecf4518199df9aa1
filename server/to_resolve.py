"""What a person must settle (DESIGN.md, "One owner per order"): money is never refused.

A payment is a fact — money already in a till — so the server records every payment it
receives, and when the order's holder could not have expected it (pushed by another
kiosk, for a cancelled order, or beyond the order's price), it also writes an item "to
resolve" with what a person must do. So does an order cancelled while it still holds
payments or an invoice without a credit note. An item is a synced record
(`Entity.TO_RESOLVE`), held by the kiosk concerned (the till that took the money, or the
order's holder), pulled there and listed at its counter, and listed for administrators
(`GET /api/v1/to-resolve`, the page `/to-resolve`); a person marks it resolved with a
note, which is a patch of the item.
"""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AwareDatetime, Field
from pydantic import ValidationError as PydanticError

from documents.content import DocumentKind
from sync.protocol import Entity, Op, OrderStatus

from .ownership import grant, owner_of
from .record_statements import Held
from .records import LongText, RecordModel, utc_text
from .writer import Rejected, Writer

# Ids derived from what caused the item: a replayed push or a retried cancellation
# finds the item already there, never a second one.
NAMESPACE = uuid.UUID("5b0f6f38-8a9c-4d2e-9b51-7d0a1c2e3f40")


class Reason(StrEnum):
    NOT_OWNER = "not_owner"  # paid at a kiosk that does not hold the order
    CANCELLED = "cancelled"  # paid for an order already cancelled
    OVERPAID = "overpaid"  # paid beyond the order's price
    CANCELLED_HOLDING = "cancelled_holding"  # cancelled with payments not refunded
    INVOICE_NOT_CREDITED = "invoice_not_credited"  # cancelled with an invoice standing


# What a person must do, by reason: a message key the counter and the page translate.
ACTIONS: dict[Reason, str] = {
    Reason.NOT_OWNER: "move_or_refund",
    Reason.CANCELLED: "refund",
    Reason.OVERPAID: "refund_excess",
    Reason.CANCELLED_HOLDING: "refund",
    Reason.INVOICE_NOT_CREDITED: "credit_note",
}


_MONEY_LISTED = frozenset({Reason.NOT_OWNER.value, Reason.CANCELLED.value, Reason.OVERPAID.value})


class ToResolveRecord(RecordModel):
    id: uuid.UUID
    order_id: uuid.UUID
    order_number: str
    reason: Reason
    action: str
    amount_cents: int
    payment_id: uuid.UUID | None = None
    created_at: AwareDatetime
    resolved_at: AwareDatetime | None = None
    note: LongText = ""


class Resolution(RecordModel):
    resolved_at: AwareDatetime
    note: Annotated[str, Field(min_length=1, max_length=2000)]


def paid_cents(w: Writer, order_id: uuid.UUID) -> int:
    """What an order holds: its payments less its refunds."""
    total = 0
    for payment in w.children(Entity.PAYMENT, order_id):
        amount = int(payment.data["amount_cents"])
        total += -amount if payment.data.get("kind") == "refund" else amount
    return total


def listed_cents(w: Writer, order: Held) -> int:
    """Money of this order already on the list: a person settles it there, so it is
    never counted twice (an excess, then the same money again at a cancellation)."""
    return sum(
        int(item.data["amount_cents"])
        for item in w.children(Entity.TO_RESOLVE, order.entity_id)
        if item.data["reason"] in _MONEY_LISTED
    )


def price_cents(order: dict[str, Any]) -> int:
    units = order.get("actual_units") or order["estimated_units"]
    return int(units) * int(order["unit_price_cents"])


def note(
    w: Writer,
    order: Held,
    reason: Reason,
    amount_cents: int,
    *,
    holder: int | None,
    payment_id: uuid.UUID | None = None,
) -> None:
    """Put an item on the list (once per cause), held by `holder` (a kiosk's device id;
    None: the administrators' list only)."""
    cause = f"{order.entity_id}:{reason.value}:{payment_id or ''}"
    item_id = uuid.uuid5(NAMESPACE, cause)
    if w.get(Entity.TO_RESOLVE, item_id) is not None:
        return
    record = ToResolveRecord(
        id=item_id,
        order_id=order.entity_id,
        order_number=str(order.data["number"]),
        reason=reason,
        action=ACTIONS[reason],
        amount_cents=amount_cents,
        payment_id=payment_id,
        created_at=w.now,
    )
    w.insert(Entity.TO_RESOLVE, item_id, record.model_dump(mode="json"), parent_id=order.entity_id)
    if holder is not None:
        grant(w, holder, item_id, owner=True, new=True)


def check_payment(w: Writer, order: Held, payment: dict[str, Any]) -> None:
    """After a payment was recorded: an item if its holder could not expect it."""
    if payment.get("kind") == "refund":
        return  # giving money back is what the list asks for
    caller = w.caller
    pusher = caller.device_id if caller is not None else None
    amount = int(payment["amount_cents"])
    payment_id = uuid.UUID(str(payment["id"]))
    status = OrderStatus(order.data["status"])
    if caller is not None and caller.kind.value == "kiosk":
        holder = owner_of(w, order.entity_id)
        if holder != pusher:
            note(w, order, Reason.NOT_OWNER, amount, holder=pusher, payment_id=payment_id)
            return
    if status is OrderStatus.CANCELLED:
        note(w, order, Reason.CANCELLED, amount, holder=pusher, payment_id=payment_id)
        return
    excess = paid_cents(w, order.entity_id) - listed_cents(w, order) - price_cents(order.data)
    if excess > 0:
        note(w, order, Reason.OVERPAID, excess, holder=pusher, payment_id=payment_id)


def check_price_lowered(w: Writer, order: Held) -> None:
    """After an order was done: a deposit above its final price (fewer units worked than
    estimated) is money to give back, listed for its holder."""
    excess = paid_cents(w, order.entity_id) - listed_cents(w, order) - price_cents(order.data)
    if excess > 0:
        note(w, order, Reason.OVERPAID, excess, holder=owner_of(w, order.entity_id))


def check_cancelled(w: Writer, order: Held) -> None:
    """After an order was cancelled: money or an invoice it still holds."""
    holder = owner_of(w, order.entity_id)
    held = paid_cents(w, order.entity_id) - listed_cents(w, order)
    if held > 0:
        note(w, order, Reason.CANCELLED_HOLDING, held, holder=holder)
    documents = w.children(Entity.INVOICE, order.entity_id)
    kinds = [doc.data.get("content", {}).get("kind") for doc in documents]
    invoices = kinds.count(DocumentKind.INVOICE.value)
    if invoices > kinds.count(DocumentKind.CREDIT_NOTE.value):
        note(w, order, Reason.INVOICE_NOT_CREDITED, 0, holder=holder)


def resolve(w: Writer, op: Op) -> None:
    """A person marks an item resolved, with a note of what was done."""
    item = w.require(Entity.TO_RESOLVE, op.entity_id, "unknown_item")
    try:
        resolution = Resolution.model_validate(op.data)
    except PydanticError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "data"
        raise Rejected("invalid", f"{where}: {first['msg']}") from None
    if item.data.get("resolved_at"):
        return  # resolved already: the first note stays
    w.update(
        item,
        {
            **item.data,
            "resolved_at": utc_text(resolution.resolved_at),
            "note": resolution.note,
        },
    )
