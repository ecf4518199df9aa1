"""What each pushed op does on the server: one handler per (entity, kind), each checking
the op in full before it writes anything (batch.py applies a batch of them). The server
decides: a rejected op leaves no trace, a conflict answers with the server's state.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from pydantic import BaseModel
from pydantic import ValidationError as PydanticError

from documents.content import InvoiceContent, content_hash
from documents.content import as_json as as_content_json
from sync.protocol import (
    EDITABLE_STATUSES,
    SLOT_TAKEN_BY,
    Entity,
    Op,
    OpKind,
    OrderStatus,
    SlotTaken,
    document_series_of,
    is_allowed,
    series_of,
)

from .client_merges import merge_same_phone, survivor_of, touch
from .database import ERASED
from .ownership import grant, take_over
from .record_statements import Held
from .records import (
    CLIENT_ERASED,
    CLIENT_PATCHABLE,
    ORDER_ERASED,
    ORDER_PATCHABLE,
    CashSessionRecord,
    ClientRecord,
    InvoiceRecord,
    LuluApplicationRecord,
    LuluFilePatch,
    OrderRecord,
    PaymentRecord,
    RatingRecord,
    SettingChangeRecord,
    TransitionData,
    VisitRecord,
    as_json,
    utc_text,
)
from .scopes import DeviceKind
from .to_resolve import check_cancelled, check_payment, check_price_lowered, resolve
from .writer import Rejected, Writer

RATABLE = frozenset({OrderStatus.DONE, OrderStatus.PAID})
M = TypeVar("M", bound=BaseModel)


class Conflicting(Exception):
    def __init__(self, record: Held, **extra: Any) -> None:
        super().__init__(record.entity, record.entity_id)
        self.server_row = {**server_row(record), **extra}


class AlreadyThere(Exception):
    """Insert-if-absent found the record: the op is a duplicate of what is held."""


def server_row(record: Held) -> dict[str, Any]:
    return {**record.data, "version": record.version}


def validated(model: type[M], data: dict[str, Any]) -> M:
    try:
        return model.model_validate(data)
    except PydanticError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "data"
        raise Rejected("invalid", f"{where}: {first['msg']}") from None


# --- Numbers of the pusher's series -------------------------------------------------


def series_refusal(code: str | None, op: Op) -> Rejected | None:
    """An order or document numbered outside the pushing kiosk's series: refused before
    anything is written (two kiosks must never share a number). Kiosks name ticket
    files after an order's number and erase them by it: digits and one dash only, never
    a path nor a pattern ("*" would match every ticket)."""
    series: Callable[[str], str | None]
    if (op.entity, op.kind) == (Entity.ORDER, OpKind.CREATE):
        series, shape = series_of, "an order number is CC-NNNN (digits)"
    elif (op.entity, op.kind) == (Entity.INVOICE, OpKind.APPEND):
        series = document_series_of
        shape = "a document number is FCC-YYYY-NNNNN or ACC-YYYY-NNNNN"
    else:
        return None
    number = op.data.get("number")
    found = series(number) if isinstance(number, str) else None
    if found is None:
        return Rejected("bad_number", f"data.number: {shape}")
    if code is None:
        return Rejected("no_series", "this device has no series: only a kiosk numbers orders")
    if found != code:
        return Rejected("wrong_series", f"data.number: not of this kiosk's series {code}")
    return None


# --- One handler per (entity, kind) -------------------------------------------------


def _same_id(op: Op, record_id: uuid.UUID) -> None:
    if record_id != op.entity_id:
        raise Rejected("invalid", "data.id differs from entity_id")


def create_order(w: Writer, op: Op) -> None:
    order = validated(OrderRecord, op.data)
    _same_id(op, order.id)
    # (The number's shape and series were checked before: `series_refusal`.)
    # An order starts requested; every later state is a checked transition.
    if order.status is not OrderStatus.REQUESTED:
        raise Rejected("invalid", "data.status: an order is created requested")
    if w.get(Entity.ORDER, order.id) is not None:
        raise AlreadyThere()
    named = w.require(Entity.CLIENT, order.client_id, "unknown_client")
    if w.taken(Entity.ORDER, order.public_token):
        raise Rejected("invalid", "public_token already used")
    data = as_json(order)
    client = survivor_of(w, named)
    if client is not named:  # placed before the kiosk heard of the merge
        data["client_id"] = str(client.entity_id)
    if client.data.get("erased_at"):
        # Taken offline at another kiosk before the erasure reached it: the order is
        # kept for the accounts, without the person's address details.
        data.update(ORDER_ERASED)
    caller = w.caller
    if caller is not None and caller.kind is DeviceKind.KIOSK:
        # The kiosk where it was placed holds it (DESIGN.md, "One owner per order").
        data["held_by"] = caller.name
        grant(w, caller.device_id, order.id, owner=True, new=True)
    else:
        data["held_by"] = ""  # no kiosk yet: the first that takes it over
    w.insert(Entity.ORDER, order.id, data, version=order.version, lookup=order.public_token)


def transition_order(w: Writer, op: Op) -> None:
    step = validated(TransitionData, op.data)
    record = w.require(Entity.ORDER, op.entity_id, "unknown_order")
    current = OrderStatus(record.data["status"])
    # The lifecycle decides: a step applies only from the state it was taken in. Any
    # other state means someone else moved the order first; that one wins.
    if current is not step.from_ or not is_allowed(current, step.to):
        raise Conflicting(record)
    # A step whose meaning rests on the state's data names it: "done" the Lulu it was
    # assigned to, "paid" the units it was done with. Another kiosk's assignment or
    # done in between contradicts it, as another state would (kiosks before these
    # fields send neither, and are not checked).
    lulu_differs = step.lulu_id is not None and str(step.lulu_id) != record.data.get("lulu_id")
    units_differ = step.actual_units is not None and step.actual_units != record.data.get(
        "actual_units"
    )
    if (step.to is OrderStatus.DONE and lulu_differs) or (
        step.to is OrderStatus.PAID and units_differ
    ):
        raise Conflicting(record)
    data = {**record.data, "status": step.to.value, "updated_at": utc_text(w.now)}
    if step.to is OrderStatus.ASSIGNED:
        if step.lulu_id is None:
            raise Rejected("invalid", "lulu_id is required to assign")
        taken = slot_taken(w, record, step.lulu_id)
        if taken is not None:
            # Never two places at once, whichever kiosks assigned: the first assignment
            # that reached the server keeps the slot; this kiosk is told who has it.
            raise Conflicting(record, **{SLOT_TAKEN_BY: taken.model_dump()})
        data["lulu_id"] = str(step.lulu_id)
        data["tutor_id"] = str(step.tutor_id) if step.tutor_id is not None else None
        w.update(record, data, parent_id=step.lulu_id)  # the Lulu's orders, by index
        return
    elif step.to is OrderStatus.CONFIRMED:
        data["lulu_id"] = data["tutor_id"] = None
    elif step.to is OrderStatus.DONE:
        if step.actual_units is None:
            raise Rejected("invalid", "actual_units is required when done")
        data["actual_units"] = step.actual_units
        if step.actual_minutes is not None:
            data["actual_minutes"] = step.actual_minutes
    elif step.to is OrderStatus.CANCELLED:
        if not step.reason:
            raise Rejected("invalid", "a reason is required to cancel")
        data["cancel_reason"] = step.reason
    w.update(record, data)
    if step.to is OrderStatus.CANCELLED:
        check_cancelled(w, record)
    elif step.to is OrderStatus.DONE:
        check_price_lowered(w, record)


def slot_taken(w: Writer, order: Held, lulu_id: uuid.UUID) -> SlotTaken | None:
    """The Lulu's other assigned order overlapping this one's slot, if any (strictly: a
    slot ending at 14:00 leaves the Lulu free at 14:00, as on the kiosk)."""
    start = datetime.fromisoformat(str(order.data["slot_start"]))
    end = datetime.fromisoformat(str(order.data["slot_end"]))
    for other in w.assigned_to(lulu_id):
        if other.entity_id == order.entity_id:
            continue
        other_start = datetime.fromisoformat(str(other.data["slot_start"]))
        other_end = datetime.fromisoformat(str(other.data["slot_end"]))
        if other_start < end and other_end > start:
            number = str(other.data["number"])
            return SlotTaken(order_number=number, kiosk_code=number.partition("-")[0])
    return None


def patch_order(w: Writer, op: Op) -> None:
    record = w.require(Entity.ORDER, op.entity_id, "unknown_order")
    unknown = set(op.data) - ORDER_PATCHABLE
    if unknown:
        raise Rejected("invalid", f"fields not editable: {', '.join(sorted(unknown))}")
    # The lifecycle decides, as for transitions: once the work is done (or the order
    # closed), whoever moved it on first wins and the kiosk gets the server's state.
    if OrderStatus(record.data["status"]) not in EDITABLE_STATUSES:
        raise Conflicting(record)
    # An erasure wins over any later edit, as for the client's own record: an edit made
    # before the kiosk heard of it must not bring the address back.
    client = w.get(Entity.CLIENT, uuid.UUID(record.data["client_id"]))
    if client is not None and client.data.get("erased_at"):
        raise Conflicting(record)
    merged = validated(OrderRecord, {**record.data, **op.data, "updated_at": utc_text(w.now)})
    if merged.slot_end <= merged.slot_start:
        raise Rejected("invalid", "slot_end must come after slot_start")
    w.update(record, as_json(merged))


def create_client(w: Writer, op: Op) -> None:
    client = validated(ClientRecord, op.data)
    _same_id(op, client.id)
    if w.get(Entity.CLIENT, client.id) is not None:
        raise AlreadyThere()
    if client.merged_into is not None:
        raise Rejected("invalid", "data.merged_into: only the server merges clients")
    record = w.insert(
        Entity.CLIENT, client.id, as_json(client), version=client.version, lookup=client.phone
    )
    if w.caller is not None and w.caller.kind is DeviceKind.KIOSK:
        grant(w, w.caller.device_id, client.id, owner=True, new=True)
    merge_same_phone(w, record)


def patch_client(w: Writer, op: Op) -> None:
    named = w.require(Entity.CLIENT, op.entity_id, "unknown_client")
    record = survivor_of(w, named)
    if record is not named:  # edited before the kiosk heard of the merge
        touch(w, named)
    if record.data.get("erased_at"):
        raise Conflicting(record)  # an erasure wins over any later edit
    unknown = set(op.data) - CLIENT_PATCHABLE
    if unknown:
        raise Rejected("invalid", f"fields not editable: {', '.join(sorted(unknown))}")
    merged = validated(ClientRecord, {**record.data, **op.data, "updated_at": utc_text(w.now)})
    data = as_json(merged)
    if merged.erased_at is not None:
        data.update(CLIENT_ERASED)  # GDPR: the person goes, the accounting stays
        erase_orders_of(w, op.entity_id)
        w.session.info[ERASED] = True  # on SQLite, the WAL is emptied after the commit
    w.update(record, data, lookup=data["phone"] or "")
    if "phone" in op.data:
        merge_same_phone(w, record)  # a phone edited to one another record holds


def erase_orders_of(w: Writer, client_id: uuid.UUID) -> None:
    """The erased client's orders lose the address details and description, and their
    ratings the comment; every kiosk pulls them so (the stars, prices and statuses stay
    for the accounts)."""
    for order in w.orders_of(client_id):
        w.update(order, {**order.data, **ORDER_ERASED})
        rating = w.child(Entity.RATING, order.entity_id)
        if rating is not None and rating.data.get("comment"):
            w.update(rating, {**rating.data, "comment": ""})


def append_payment(w: Writer, op: Op) -> None:
    payment = validated(PaymentRecord, op.data)
    _same_id(op, payment.id)
    if w.get(Entity.PAYMENT, payment.id) is not None:
        raise AlreadyThere()
    order = w.require(Entity.ORDER, payment.order_id, "unknown_order")
    data = as_json(payment)
    w.insert(Entity.PAYMENT, payment.id, data, parent_id=payment.order_id)
    # Never refused: money already in a till. One its holder did not expect goes on
    # the list of what a person must settle.
    check_payment(w, order, data)


def append_invoice(w: Writer, op: Op) -> None:
    """An issued document, immutable: the same number again with the same content is a
    duplicate (a replay), with other content a refusal — never an overwrite."""
    record = validated(InvoiceRecord, op.data)
    _same_id(op, record.id)
    try:
        content = InvoiceContent.model_validate(record.content)
    except PydanticError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "content"
        raise Rejected("invalid", f"content.{where}: {first['msg']}") from None
    if content.number != record.number:
        raise Rejected("invalid", "content.number differs from number")
    if content_hash(content) != record.content_sha256:
        raise Rejected("invalid", "content_sha256 is not the content's hash")
    held = w.get(Entity.INVOICE, record.id) or w.lookup(Entity.INVOICE, record.number)
    if held is not None:
        if held.data.get("content_sha256") == record.content_sha256:
            raise AlreadyThere()
        raise Rejected("number_taken", f"{record.number} is already another document on the server")
    data = as_json(record)
    data["content"] = as_content_json(content)
    w.insert(Entity.INVOICE, record.id, data, lookup=record.number, parent_id=record.order_id)


def append_rating(w: Writer, op: Op) -> None:
    rating = validated(RatingRecord, op.data)
    _same_id(op, rating.id)
    if w.get(Entity.RATING, rating.id) is not None:
        raise AlreadyThere()
    add_rating(w, rating)


def add_rating(w: Writer, rating: RatingRecord) -> Held:
    """Once per done order; the Lulu's public average follows."""
    order = w.require(Entity.ORDER, rating.order_id, "unknown_order")
    if OrderStatus(order.data["status"]) not in RATABLE:
        raise Rejected("not_ratable", "only a done order can be rated")
    earlier = w.child(Entity.RATING, order.entity_id)
    if earlier is not None:
        raise Conflicting(earlier)
    record = w.insert(Entity.RATING, rating.id, as_json(rating), parent_id=rating.order_id)
    lulu_id = order.data.get("lulu_id")
    lulu = w.get(Entity.LULU, uuid.UUID(lulu_id)) if lulu_id else None
    if lulu is not None:
        w.update(
            lulu,
            {
                **lulu.data,
                "rating_sum": lulu.data.get("rating_sum", 0) + rating.stars,
                "rating_count": lulu.data.get("rating_count", 0) + 1,
            },
        )
    return record


def append_only(
    entity: Entity, model: type[VisitRecord | LuluApplicationRecord | CashSessionRecord]
) -> Callable[[Writer, Op], None]:
    """The handler of a record that is only ever added (a visit, an application, a till
    closing): inserted once, a replay is a duplicate, never an update."""

    def append(w: Writer, op: Op) -> None:
        record = validated(model, op.data)
        _same_id(op, record.id)
        if w.get(entity, record.id) is not None:
            raise AlreadyThere()
        w.insert(entity, record.id, as_json(record))

    return append


def append_setting(w: Writer, op: Op) -> None:
    """A kiosk's setting change, filed under the kiosk that pushed it."""
    record = validated(SettingChangeRecord, op.data)
    _same_id(op, record.id)
    if w.get(Entity.SETTING, record.id) is not None:
        raise AlreadyThere()
    w.insert(Entity.SETTING, record.id, {**as_json(record), "device_id": w.device_id})


def patch_lulu_file(w: Writer, op: Op) -> None:
    patch = validated(LuluFilePatch, op.data).model_dump(mode="json", exclude_unset=True)
    record = w.get(Entity.LULU_FILE, op.entity_id)
    if record is None:
        w.insert(Entity.LULU_FILE, op.entity_id, patch)
    else:
        w.update(record, {**record.data, **patch})


HANDLERS: dict[tuple[Entity, OpKind], Callable[[Writer, Op], None]] = {
    (Entity.ORDER, OpKind.CREATE): create_order,
    (Entity.ORDER, OpKind.TRANSITION): transition_order,
    (Entity.ORDER, OpKind.PATCH): patch_order,
    (Entity.CLIENT, OpKind.CREATE): create_client,
    (Entity.CLIENT, OpKind.PATCH): patch_client,
    (Entity.PAYMENT, OpKind.APPEND): append_payment,
    (Entity.RATING, OpKind.APPEND): append_rating,
    (Entity.VISIT, OpKind.APPEND): append_only(Entity.VISIT, VisitRecord),
    (Entity.LULU_APPLICATION, OpKind.APPEND): append_only(
        Entity.LULU_APPLICATION, LuluApplicationRecord
    ),
    (Entity.LULU_FILE, OpKind.PATCH): patch_lulu_file,
    (Entity.CASH_SESSION, OpKind.APPEND): append_only(Entity.CASH_SESSION, CashSessionRecord),
    (Entity.INVOICE, OpKind.APPEND): append_invoice,
    (Entity.SETTING, OpKind.APPEND): append_setting,
    (Entity.ORDER, OpKind.TAKE_OVER): take_over,
    (Entity.TO_RESOLVE, OpKind.PATCH): resolve,
}
