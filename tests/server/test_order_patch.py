"""The server's side of an order edited at a kiosk: `(order, patch)` applies the fields
the counter edits, refuses others as invalid, and answers `conflict` with its own state
once the order has moved past editing. On SQLite, and on PostgreSQL when
$COMPTOIR_TEST_PG_URL is set (the `db` fixture)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from sync_harness import server_rows
from wire_ops import LULU_ID, NOW, Server, new_client, new_order, op, step

from server.changes import pull
from server.database import Database
from sync.protocol import Outcome

NEW_SLOT = {"slot_start": "2026-11-28T14:00:00+00:00", "slot_end": "2026-11-28T15:30:00+00:00"}


def moment(text: str) -> datetime:
    return datetime.fromisoformat(text)


def patch(order_id: uuid.UUID, **data: Any) -> dict[str, Any]:
    return op("order", order_id, "patch", data)


def created(client_id: uuid.UUID, order_id: uuid.UUID) -> list[dict[str, Any]]:
    return [new_client(client_id), new_order(order_id, client_id)]


@pytest.fixture
def server(db: Database) -> Server:
    return Server(db)


CLIENT_ID = uuid.UUID("0c1e2f7b-5a1d-4a55-9d52-8d625a1d0c5e")


@pytest.fixture
def order_id(server: Server) -> uuid.UUID:
    order_id = uuid.uuid4()
    results = server.push(created(CLIENT_ID, order_id))
    assert [r.outcome for r in results] == [Outcome.APPLIED] * 2
    return order_id


def test_a_patch_changes_only_its_fields_and_goes_to_the_change_log(
    server: Server, order_id: uuid.UUID
) -> None:
    with server.db.read() as session:
        cursor = pull(session, 0, 100).next_cursor
    (result,) = server.push(
        [patch(order_id, **NEW_SLOT, estimated_units=3, description="Deux packs", floor=2)]
    )
    assert result.outcome is Outcome.APPLIED
    order = server_rows(server.db, "order")[str(order_id)]
    assert moment(order["slot_start"]) == datetime(2026, 11, 28, 14, 0, tzinfo=UTC)
    assert moment(order["slot_end"]) == datetime(2026, 11, 28, 15, 30, tzinfo=UTC)
    assert (order["estimated_units"], order["description"], order["floor"]) == (3, "Deux packs", 2)
    assert (order["street"], order["status"], order["version"]) == (
        "12 rue des Rosiers",
        "requested",
        2,
    )
    with server.db.read() as session:
        page = pull(session, cursor, 100)
    (change,) = page.changes
    assert (change.entity.value, change.entity_id, change.version) == ("order", order_id, 2)
    assert change.data["estimated_units"] == 3


@pytest.mark.parametrize("status", ["confirmed", "assigned"])
def test_a_confirmed_or_assigned_order_is_patched(
    server: Server, order_id: uuid.UUID, status: str
) -> None:
    steps = [step(order_id, "requested", "confirmed")]
    if status == "assigned":
        steps.append(step(order_id, "confirmed", "assigned", lulu_id=str(LULU_ID)))
    server.push(steps)
    (result,) = server.push([patch(order_id, **NEW_SLOT)])
    assert result.outcome is Outcome.APPLIED
    order = server_rows(server.db, "order")[str(order_id)]
    assert order["status"] == status
    assert moment(order["slot_start"]) == datetime(2026, 11, 28, 14, 0, tzinfo=UTC)


@pytest.mark.parametrize("final", ["done", "cancelled"])
def test_an_order_moved_past_editing_answers_conflict_with_the_server_state(
    server: Server, order_id: uuid.UUID, final: str
) -> None:
    if final == "done":
        steps = [
            step(order_id, "requested", "confirmed"),
            step(order_id, "confirmed", "assigned", lulu_id=str(LULU_ID)),
            step(order_id, "assigned", "done", actual_units=2),
        ]
    else:
        steps = [step(order_id, "requested", "cancelled", reason="Plus besoin")]
    server.push(steps)
    before = server_rows(server.db, "order")[str(order_id)]
    (result,) = server.push([patch(order_id, **NEW_SLOT)])
    assert result.outcome is Outcome.CONFLICT
    assert result.server_row is not None
    assert result.server_row["status"] == final
    assert moment(result.server_row["slot_start"]) == moment(before["slot_start"])
    assert server_rows(server.db, "order")[str(order_id)] == before


@pytest.mark.parametrize(
    "data",
    [
        {"status": "done"},
        {"lulu_id": str(LULU_ID)},
        {"unit_price_cents": 1},
        {"description": "ok", "public_token": "x" * 20},
        {"estimated_units": 0},
        {"estimated_units": "three"},
        {"floor": 999},
        {"postcode": "750011"},
        {"slot_start": "tomorrow"},
        {"slot_start": "2026-11-28T14:00:00"},  # not aware
        {"slot_start": "2026-11-27T11:00:00+00:00"},  # after the end it keeps
        {"description": "x" * 2001},
    ],
)
def test_unknown_fields_or_bad_values_are_rejected_and_nothing_changes(
    server: Server, order_id: uuid.UUID, data: dict[str, Any]
) -> None:
    before = server_rows(server.db, "order")[str(order_id)]
    (result,) = server.push([patch(order_id, **data)])
    assert (result.outcome, result.code) == (Outcome.REJECTED, "invalid")
    assert result.message
    assert server_rows(server.db, "order")[str(order_id)] == before


def test_a_patch_of_an_order_the_server_never_had_is_rejected(server: Server) -> None:
    (result,) = server.push([patch(uuid.uuid4(), description="x")])
    assert (result.outcome, result.code) == (Outcome.REJECTED, "unknown_order")


def test_a_replayed_patch_is_a_duplicate(server: Server, order_id: uuid.UUID) -> None:
    edit = patch(order_id, description="Une fois")
    assert server.push([edit])[0].outcome is Outcome.APPLIED
    assert server.push([edit])[0].outcome is Outcome.DUPLICATE
    assert server_rows(server.db, "order")[str(order_id)]["version"] == 2


def test_an_edit_after_the_client_was_erased_answers_conflict(
    server: Server, order_id: uuid.UUID
) -> None:
    """An erasure wins over a later edit: the address must not come back."""
    erased = op("client", CLIENT_ID, "patch", {"erased_at": NOW.isoformat()})
    assert server.push([erased])[0].outcome is Outcome.APPLIED
    before = server_rows(server.db, "order")[str(order_id)]
    (result,) = server.push([patch(order_id, street="3 impasse Secrète", description="Code 1234")])
    assert result.outcome is Outcome.CONFLICT
    assert result.server_row is not None and "Secrète" not in repr(result.server_row)
    after = server_rows(server.db, "order")[str(order_id)]
    assert after == before
    assert "Secrète" not in repr(after) and "Code 1234" not in repr(after)


def test_an_order_taken_offline_for_a_client_erased_meanwhile_keeps_no_address(
    server: Server, order_id: uuid.UUID
) -> None:
    """Another kiosk took an order before the erasure reached it: the order is kept for
    the accounts, without the door, the floor nor the description."""
    erased = op("client", CLIENT_ID, "patch", {"erased_at": NOW.isoformat()})
    assert server.push([erased])[0].outcome is Outcome.APPLIED
    erased_order = server_rows(server.db, "order")[str(order_id)]
    assert erased_order["street"] == "" and erased_order["postcode"] == "75004"

    late_id = uuid.uuid4()
    (_, late_order) = created(CLIENT_ID, late_id)
    late_order["data"] |= {"number": "02-0001", "description": "Code 1234", "floor": 3}
    (result,) = Server(server.db, "bastille").push([late_order])  # series 02

    assert result.outcome is Outcome.APPLIED
    late = server_rows(server.db, "order")[str(late_id)]
    assert late["street"] == late["description"] == "" and late["floor"] is None
    assert (late["postcode"], late["estimated_units"]) == ("75004", 2)
