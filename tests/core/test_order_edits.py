"""Editing an order from the counter: each field, the statuses that refuse it, the Lulu
busy at a new slot, and what the store keeps (order row, audit without values, outbox
patch with only the changed fields, a fresh ticket when the slot or address moves)."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import event, given
from hypothesis import strategies as st
from sqlalchemy import select

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain import validation
from kiosk_app.errors import NotFound, ValidationError
from kiosk_app.messages import message
from kiosk_app.store.models import AuditEntry, OutboxOp, PrintJob
from kiosk_app.views.attendants import AttendantView
from kiosk_app.views.orders import OrderChanges, OrderView
from sync.protocol import OrderStatus, PaymentMethod

from .support import HOME, Clock, grown, order_request, row_counts, sqlite_file
from .test_entry_points_fuzz import FUZZ, nasty, outcome


def outbox(comptoir: Comptoir) -> list[OutboxOp]:
    with comptoir.store.read() as session:
        return list(session.scalars(select(OutboxOp).order_by(OutboxOp.seq)))


def edit_audits(comptoir: Comptoir) -> list[AuditEntry]:
    with comptoir.store.read() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == "order.edit")))


def print_jobs(comptoir: Comptoir) -> list[PrintJob]:
    with comptoir.store.read() as session:
        return list(session.scalars(select(PrintJob).order_by(PrintJob.created_at)))


def assigned_to(
    comptoir: Comptoir, order: OrderView, lulu_id: uuid.UUID, attendant: AttendantView
) -> OrderView:
    comptoir.orders.confirm(order.id, attendant_id=attendant.id)
    return comptoir.orders.assign(order.id, lulu_id, attendant_id=attendant.id)


# --- Each field -----------------------------------------------------------------------


def test_moving_the_slot_writes_row_patch_audit_and_a_fresh_ticket(
    comptoir: Comptoir, placed: OrderView, attendant: AttendantView
) -> None:
    before = row_counts(comptoir)
    ops_before = len(outbox(comptoir))
    start = placed.slot_start + timedelta(days=2, hours=3)
    result = comptoir.order_edits.edit(
        placed.id,
        OrderChanges(slot=(start, start + timedelta(hours=2))),
        attendant_id=attendant.id,
    )
    stored = comptoir.orders.get(placed.id)
    assert (stored.slot_start, stored.slot_end) == (start, start + timedelta(hours=2))
    assert stored.version == placed.version + 1
    assert result.order == stored
    assert result.changed == ("slot_end", "slot_start")
    assert result.reprinted
    assert grown(before, row_counts(comptoir)) == {"outbox": 1, "audit_log": 1, "print_jobs": 1}
    (patch,) = outbox(comptoir)[ops_before:]
    assert (patch.entity, patch.kind, patch.base_version) == ("order", "patch", placed.version)
    assert patch.data == {
        "slot_start": start.isoformat(),
        "slot_end": (start + timedelta(hours=2)).isoformat(),
    }
    assert print_jobs(comptoir)[-1].kind == "order_ticket"
    assert print_jobs(comptoir)[-1].order_id == placed.id


def test_units_change_the_estimated_price_and_only_units_travel(
    comptoir: Comptoir, placed: OrderView, attendant: AttendantView
) -> None:
    ops_before = len(outbox(comptoir))
    result = comptoir.order_edits.edit(
        placed.id, OrderChanges(estimated_units=3), attendant_id=attendant.id
    )
    stored = comptoir.orders.get(placed.id)
    assert stored.estimated_units == 3
    assert stored.estimated_price.total_cents == 3 * placed.unit_price_cents == 1500
    assert result.changed == ("estimated_units",)
    assert not result.reprinted  # the ticket's when and where did not move
    (patch,) = outbox(comptoir)[ops_before:]
    assert patch.data == {"estimated_units": 3}


def test_description_and_address_details_only_what_changed_travels(
    comptoir: Comptoir, placed: OrderView, attendant: AttendantView
) -> None:
    ops_before = len(outbox(comptoir))
    moved = replace(HOME, floor=2, has_lift=True, access_notes="Interphone Lefèvre")
    comptoir.order_edits.edit(
        placed.id,
        OrderChanges(description="  Deux packs d'eau  ", address=moved),
        attendant_id=attendant.id,
    )
    stored = comptoir.orders.get(placed.id)
    assert stored.description == "Deux packs d'eau"
    assert stored.address == moved
    (patch,) = outbox(comptoir)[ops_before:]
    assert patch.data == {
        "description": "Deux packs d'eau",
        "floor": 2,
        "has_lift": True,
        "access_notes": "Interphone Lefèvre",
    }
    (entry,) = edit_audits(comptoir)
    assert entry.attendant_id == attendant.id
    assert entry.details == {"fields": ["access_notes", "description", "floor", "has_lift"]}


def test_the_audit_names_fields_never_their_values(
    comptoir: Comptoir, placed: OrderView, attendant: AttendantView
) -> None:
    secret = replace(HOME, street="3 impasse Secrète", postcode="75011", city="Paris")
    comptoir.order_edits.edit(
        placed.id,
        OrderChanges(description="Clé chez la gardienne", address=secret),
        attendant_id=attendant.id,
    )
    (entry,) = edit_audits(comptoir)
    written = repr(entry.details)
    for value in ("Secrète", "75011", "gardienne"):
        assert value not in written
    assert entry.details == {"fields": ["description", "postcode", "street"]}


def test_nothing_changed_writes_nothing(
    comptoir: Comptoir, placed: OrderView, attendant: AttendantView
) -> None:
    before = row_counts(comptoir)
    result = comptoir.order_edits.edit(
        placed.id,
        OrderChanges(
            slot=(placed.slot_start, placed.slot_end),
            estimated_units=placed.estimated_units,
            description=placed.description,
            address=placed.address,
        ),
        attendant_id=attendant.id,
    )
    assert result.changed == ()
    assert row_counts(comptoir) == before
    assert comptoir.orders.get(placed.id).version == placed.version


# --- Refusals -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slot_shift", "length", "key"),
    [
        (timedelta(days=-3), timedelta(hours=1), "slot.in_past"),
        (timedelta(days=20), timedelta(hours=1), "slot.too_far"),
        (timedelta(hours=2), timedelta(hours=-1), "slot.invalid"),
    ],
)
def test_a_bad_slot_is_refused_like_when_placing(
    comptoir: Comptoir,
    placed: OrderView,
    attendant: AttendantView,
    slot_shift: timedelta,
    length: timedelta,
    key: str,
) -> None:
    start = placed.slot_start + slot_shift
    before = row_counts(comptoir)
    with pytest.raises(ValidationError) as refused:
        comptoir.order_edits.edit(
            placed.id, OrderChanges(slot=(start, start + length)), attendant_id=attendant.id
        )
    assert refused.value.fields == {"slot": key}
    assert row_counts(comptoir) == before
    assert comptoir.orders.get(placed.id) == placed


def test_every_bad_field_is_named_at_once_and_nothing_written(
    comptoir: Comptoir, placed: OrderView, attendant: AttendantView
) -> None:
    before = row_counts(comptoir)
    with pytest.raises(ValidationError) as refused:
        comptoir.order_edits.edit(
            placed.id,
            OrderChanges(
                estimated_units=4,  # the service allows 3
                description="x" * 1001,
                address=replace(HOME, street="", postcode="99999", floor=999),
            ),
            attendant_id=attendant.id,
        )
    assert refused.value.fields == {
        "units": "units.out_of_range",
        "description": "description.too_long",
        "street": "street.required",
        "postcode": "postcode.invalid",
        "floor": "floor.out_of_range",
    }
    assert row_counts(comptoir) == before
    assert comptoir.orders.get(placed.id) == placed


@pytest.mark.parametrize("final", ["done", "paid", "cancelled"])
def test_an_order_started_done_or_closed_is_not_editable(
    comptoir: Comptoir,
    placed: OrderView,
    attendant: AttendantView,
    lulu_id: uuid.UUID,
    final: str,
) -> None:
    if final == "cancelled":
        comptoir.orders.cancel(placed.id, "Plus besoin", attendant_id=attendant.id)
    else:
        assigned_to(comptoir, placed, lulu_id, attendant)
        comptoir.orders.mark_done(placed.id, 40, attendant_id=attendant.id)
        if final == "paid":
            due = comptoir.orders.get(placed.id).price_due.total_cents
            comptoir.payments.record(placed.id, PaymentMethod.CASH, due, attendant_id=attendant.id)
    current = comptoir.orders.get(placed.id)
    assert current.status.value == final
    before = row_counts(comptoir)
    with pytest.raises(ValidationError) as refused:
        comptoir.order_edits.edit(
            placed.id, OrderChanges(description="Autre chose"), attendant_id=attendant.id
        )
    assert refused.value.fields == {"status": "order.not_editable"}
    assert row_counts(comptoir) == before
    assert comptoir.orders.get(placed.id) == current


def test_requested_confirmed_and_assigned_are_editable(
    comptoir: Comptoir, placed: OrderView, attendant: AttendantView, lulu_id: uuid.UUID
) -> None:
    for units, step in ((3, None), (1, "confirm"), (2, "assign")):
        if step == "confirm":
            comptoir.orders.confirm(placed.id, attendant_id=attendant.id)
        elif step == "assign":
            comptoir.orders.assign(placed.id, lulu_id, attendant_id=attendant.id)
        comptoir.order_edits.edit(
            placed.id, OrderChanges(estimated_units=units), attendant_id=attendant.id
        )
        assert comptoir.orders.get(placed.id).estimated_units == units
    assert comptoir.orders.get(placed.id).status is OrderStatus.ASSIGNED


def test_an_unknown_order_is_not_found(comptoir: Comptoir, attendant: AttendantView) -> None:
    with pytest.raises(NotFound):
        comptoir.order_edits.edit(
            uuid.uuid4(), OrderChanges(description="x"), attendant_id=attendant.id
        )


# --- The assigned Lulu at the new slot --------------------------------------------------


def test_a_lulu_busy_at_the_new_slot_is_refused_by_name(
    comptoir: Comptoir,
    clock: Clock,
    placed: OrderView,
    attendant: AttendantView,
    lulu_id: uuid.UUID,
) -> None:
    assigned_to(comptoir, placed, lulu_id, attendant)
    other_start = placed.slot_start + timedelta(days=1)
    other = comptoir.orders.place(
        order_request(
            comptoir,
            clock.now,
            slot_start=other_start,
            slot_end=other_start + timedelta(hours=2),
            phone="06 98 76 54 32",
            name="Paul Durand",
        )
    )
    assigned_to(comptoir, other, lulu_id, attendant)
    current = comptoir.orders.get(placed.id)
    before = row_counts(comptoir)
    overlapping = other_start + timedelta(minutes=30)
    with pytest.raises(ValidationError) as refused:
        comptoir.order_edits.edit(
            placed.id,
            OrderChanges(slot=(overlapping, overlapping + timedelta(hours=1))),
            attendant_id=attendant.id,
        )
    assert refused.value.fields == {"slot": "order.lulu_busy"}
    shown = message("order.lulu_busy", "en", **refused.value.params)
    assert shown == "Karim Benali is busy then: withdraw the Lulu first."
    assert row_counts(comptoir) == before
    assert comptoir.orders.get(placed.id) == current

    # Right after the other order ends, the Lulu is free: the order keeps them.
    free_start = other_start + timedelta(hours=2)
    comptoir.order_edits.edit(
        placed.id,
        OrderChanges(slot=(free_start, free_start + timedelta(hours=1))),
        attendant_id=attendant.id,
    )
    kept = comptoir.orders.get(placed.id)
    assert (kept.status, kept.lulu_id, kept.slot_start) == (
        OrderStatus.ASSIGNED,
        lulu_id,
        free_start,
    )


def test_a_confirmed_order_moves_whatever_the_lulus_do(
    comptoir: Comptoir, clock: Clock, placed: OrderView, attendant: AttendantView
) -> None:
    comptoir.orders.confirm(placed.id, attendant_id=attendant.id)
    start = placed.slot_start + timedelta(hours=5)
    comptoir.order_edits.edit(
        placed.id, OrderChanges(slot=(start, start + timedelta(hours=1))), attendant_id=None
    )
    assert comptoir.orders.get(placed.id).slot_start == start
    assert edit_audits(comptoir) == []  # no attendant, no audit row (as journal.audit says)


# --- Any text -------------------------------------------------------------------------

TEXT_FIELDS = ("description", "street", "postcode", "city", "building", "access_notes")


@FUZZ
@given(
    typed=st.dictionaries(
        st.sampled_from(TEXT_FIELDS),
        nasty("Sonnez deux fois 🔔", "75011", "Bâtiment C"),
        min_size=1,
        max_size=3,
    ),
    units=st.one_of(st.none(), st.integers(min_value=-5, max_value=100)),
)
def test_edit_takes_any_text_whole_or_not_at_all(
    comptoir: Comptoir, clock: Clock, typed: dict[str, str], units: int | None
) -> None:
    if row_counts(comptoir)["orders"] == 0:
        comptoir.orders.place(order_request(comptoir, clock.now))
    (order,) = comptoir.orders.list(limit=1)
    address: dict[str, Any] = {k: v for k, v in typed.items() if k != "description"}
    changes = OrderChanges(
        description=typed.get("description"),
        address=replace(order.address, **address) if address else None,
        estimated_units=units,
    )
    result = outcome(
        comptoir, lambda: comptoir.order_edits.edit(order.id, changes, attendant_id=None)
    )
    stored = comptoir.orders.get(order.id)
    if result is None:
        event("refused")
        assert stored == order
        return
    event("edited")
    assert stored == result.order
    if units is not None:
        assert stored.estimated_units == units
    if "description" in typed:
        assert stored.description == validation.clean_text(typed["description"])


def test_a_service_whose_maximum_came_down_keeps_its_orders_editable(
    comptoir: Comptoir, placed: OrderView, attendant: AttendantView
) -> None:
    with sqlite_file(comptoir.store.path) as conn:
        conn.execute("UPDATE services SET max_units = 1 WHERE id = ?", (placed.service_id.hex,))
    assert placed.estimated_units == 2
    comptoir.order_edits.edit(
        placed.id,
        OrderChanges(estimated_units=2, description="Un seul pack"),
        attendant_id=attendant.id,
    )
    assert comptoir.orders.get(placed.id).description == "Un seul pack"
    with pytest.raises(ValidationError) as refused:
        comptoir.order_edits.edit(
            placed.id, OrderChanges(estimated_units=3), attendant_id=attendant.id
        )
    assert refused.value.fields == {"units": "units.out_of_range"}
