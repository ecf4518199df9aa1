"""A Lulu is in one place at a time, whichever kiosks assign them: the server refuses an
assignment overlapping one it holds (a conflict naming the other order's number and
kiosk), allows back-to-back slots and other Lulus, and knows the orders assigned before
its migration 0005."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text
from sync_harness import server_rows
from wire_ops import LULU_ID, NOW, Server, new_client, new_order, step

from server.database import MIGRATIONS_DIR, Database, migrate, sqlite_url
from sync.protocol import SLOT_TAKEN_BY, Outcome


def confirmed_order(number: str, start: str, end: str) -> tuple[uuid.UUID, list[dict[str, Any]]]:
    client_id, order_id = uuid.uuid4(), uuid.uuid4()
    placed = new_order(order_id, client_id)
    placed["data"] |= {"number": number, "slot_start": start, "slot_end": end}
    return order_id, [new_client(client_id), placed, step(order_id, "requested", "confirmed")]


def assign(order_id: uuid.UUID, lulu: uuid.UUID = LULU_ID) -> dict[str, Any]:
    return step(order_id, "confirmed", "assigned", lulu_id=str(lulu))


def test_the_second_overlapping_assignment_is_a_conflict_naming_the_first(
    db: Database,
) -> None:
    # Three kiosks (series 01, 02, 03), each assigning the Lulu to an order of its own.
    saint_paul, bastille, marais = Server(db), Server(db, "bastille"), Server(db, "marais")
    first, ops_a = confirmed_order("01-0007", "2026-11-27T09:00:00Z", "2026-11-27T10:00:00Z")
    second, ops_b = confirmed_order("02-0003", "2026-11-27T09:30:00Z", "2026-11-27T11:00:00Z")
    after, ops_c = confirmed_order("03-0001", "2026-11-27T10:00:00Z", "2026-11-27T11:00:00Z")
    for kiosk, ops in ((saint_paul, ops_a), (bastille, ops_b), (marais, ops_c)):
        assert {r.outcome for r in kiosk.push(ops)} == {Outcome.APPLIED}
    [to_first] = saint_paul.push([assign(first)])
    [to_second] = bastille.push([assign(second)])
    [to_after] = marais.push([assign(after)])
    assert (to_first.outcome, to_after.outcome) == (Outcome.APPLIED, Outcome.APPLIED)
    assert to_second.outcome is Outcome.CONFLICT and to_second.server_row is not None
    assert to_second.server_row["status"] == "confirmed"
    assert to_second.server_row[SLOT_TAKEN_BY] == {"order_number": "01-0007", "kiosk_code": "01"}
    assert "Jeanne" not in str(to_second.server_row[SLOT_TAKEN_BY])
    orders = server_rows(db, "order")
    assert orders[str(second)]["lulu_id"] is None
    # Another Lulu may take it; once the first Lulu is withdrawn from both orders that
    # overlap it (09:00-10:00 and 10:00-11:00), they may too.
    other = uuid.uuid4()
    assert bastille.push([assign(second, other)])[0].outcome is Outcome.APPLIED
    for kiosk, order_id in ((saint_paul, first), (marais, after), (bastille, second)):
        assert kiosk.push([step(order_id, "assigned", "confirmed")])[0].outcome is Outcome.APPLIED
    assert bastille.push([assign(second)])[0].outcome is Outcome.APPLIED


def test_orders_assigned_before_the_migration_hold_their_slots(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path)
    engine = create_engine(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0004")
    held = uuid.uuid4()
    data = new_order(held, uuid.uuid4())["data"] | {
        "number": "01-0001",
        "status": "assigned",
        "lulu_id": str(LULU_ID),
    }
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO records (entity, entity_id, version, data, updated_at) "
                "VALUES ('order', :id, 3, :data, :at)"
            ),
            {"id": held.hex, "data": json.dumps(data), "at": NOW},
        )
    migrate(engine)
    engine.dispose()
    db = Database.open(url)
    try:
        Server(db)  # the kiosk of series 01, whose order that is
        bastille = Server(db, "bastille")  # series 02
        later, ops = confirmed_order("02-0001", data["slot_start"], data["slot_end"])
        *_, result = bastille.push([*ops, assign(later)])
        assert result.outcome is Outcome.CONFLICT
        assert result.server_row is not None
        assert result.server_row[SLOT_TAKEN_BY]["order_number"] == "01-0001"
    finally:
        db.close()
