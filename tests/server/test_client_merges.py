"""The same phone pushed from several kiosks: the server keeps one client, the one
created first (ties by id), whatever order the copies arrive in; the others point to
it, their orders follow, the survivor's empty fields take theirs, and later ops naming a
merged copy land on the survivor."""

from __future__ import annotations

import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_harness import database, server_rows
from wire_ops import NOW, Server, new_client, new_order, op

from server.database import Database
from server.models import Record
from sync.protocol import MERGED_INTO, Outcome


def client_made(client_id: uuid.UUID, minutes: int, **fields: Any) -> dict[str, Any]:
    made = new_client(client_id, phone="+33612345678")
    stamp = (NOW + timedelta(minutes=minutes)).isoformat()
    made["data"] |= {"created_at": stamp, "updated_at": stamp, **fields}
    return made


def order_of(client_id: uuid.UUID, number: str) -> dict[str, Any]:
    placed = new_order(uuid.uuid4(), client_id)
    placed["data"]["number"] = number
    return placed


def all_clients(db: Database) -> dict[str, dict[str, Any]]:
    with db.read() as session:
        return {
            str(r.entity_id): r.data
            for r in session.query(Record).filter(Record.entity == "client").all()
        }


def test_a_later_copy_is_merged_into_the_first_and_fills_its_empty_fields(
    db: Database,
) -> None:
    saint_paul, bastille = Server(db), Server(db, "bastille")  # series 01 and 02
    first, later = uuid.uuid4(), uuid.uuid4()
    # The later copy (bastille's) reaches the server first: arrival order does not decide.
    results = bastille.push(
        [
            client_made(later, 5, email="jeanne@example.fr", building="B", name="J. Lefèvre"),
            order_of(later, "02-0001"),
        ]
    )
    results += saint_paul.push(
        [client_made(first, 0, email=None, building=""), order_of(first, "01-0001")]
    )
    assert {r.outcome for r in results} == {Outcome.APPLIED}
    clients = all_clients(db)
    survivor, merged = clients[str(first)], clients[str(later)]
    assert survivor["phone"] == "+33612345678"
    assert merged[MERGED_INTO] == str(first)
    assert merged["phone"] is None and merged["name"] == ""  # no second copy of the person
    # Per field: the survivor's own value stays (its name), an empty one takes the other's.
    assert (survivor["name"], survivor["email"], survivor["building"]) == (
        "Jeanne Lefèvre",
        "jeanne@example.fr",
        "B",
    )
    orders = server_rows(db, "order")
    assert {o["client_id"] for o in orders.values()} == {str(first)}
    live = server_rows(db, "client")  # what kiosks end with: the survivor only
    assert list(live) == [str(first)]


def test_ops_naming_a_merged_copy_land_on_the_survivor(db: Database) -> None:
    saint_paul, bastille = Server(db), Server(db, "bastille")  # series 01 and 02
    first, later = uuid.uuid4(), uuid.uuid4()
    saint_paul.push([client_made(first, 0)])
    bastille.push([client_made(later, 3)])
    late_order = order_of(later, "02-0002")  # placed before that kiosk heard of the merge
    results = bastille.push([late_order, op("client", later, "patch", {"floor": 4})])
    assert [r.outcome for r in results] == [Outcome.APPLIED, Outcome.APPLIED]
    order = server_rows(db, "order")[late_order["entity_id"]]
    assert order["client_id"] == str(first)
    assert all_clients(db)[str(first)]["floor"] == 4
    assert all_clients(db)[str(later)]["floor"] is None


def test_a_client_pushed_claiming_a_merge_is_refused(db: Database) -> None:
    server = Server(db)
    claimed = client_made(uuid.uuid4(), 0, merged_into=str(uuid.uuid4()))
    [result] = server.push([claimed])
    assert (result.outcome, result.code) == (Outcome.REJECTED, "invalid")


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    minutes=st.lists(st.integers(0, 3), min_size=2, max_size=4),
    arrival=st.randoms(use_true_random=False),
    batched=st.booleans(),
)
def test_the_survivor_is_the_first_created_whatever_the_arrival(
    tmp_path: Path, minutes: list[int], arrival: Any, batched: bool
) -> None:
    """Copies created at random times (ties included), pushed in a random order, in one
    batch or one by one: one survivor, the earliest (then the smallest id), holding
    every order."""
    folder = tmp_path / uuid.uuid4().hex
    folder.mkdir()
    with database("sqlite", folder) as db:
        server = Server(db)
        ids = [uuid.uuid4() for _ in minutes]
        ops = []
        for n, (client_id, at) in enumerate(zip(ids, minutes, strict=True)):
            ops.append([client_made(client_id, at), order_of(client_id, f"0{n + 1}-0001")])
        arrival.shuffle(ops)
        if batched:
            server.push([one for pair in ops for one in pair])
        else:
            for pair in ops:
                server.push(pair)
        expected = min(zip(minutes, (str(i) for i in ids), strict=True))[1]
        assert list(server_rows(db, "client")) == [expected]
        assert {o["client_id"] for o in server_rows(db, "order").values()} == {expected}
        merged = {k: v[MERGED_INTO] for k, v in all_clients(db).items() if k != expected}
        assert set(merged.values()) == {expected}


def test_copies_of_one_phone_in_one_batch_merge_like_copies_in_several(db: Database) -> None:
    """A batch's phones are locked and looked up once, before its ops (batch.py): a copy
    created earlier in the same batch, or already held, is still found by the next."""
    saint_paul, bastille = Server(db), Server(db, "bastille")
    held, first, later, last = (uuid.uuid4() for _ in range(4))
    assert {r.outcome for r in bastille.push([client_made(held, 3)])} == {Outcome.APPLIED}
    batch = [client_made(later, 5), client_made(first, 0), order_of(later, "01-0001")]
    results = saint_paul.push([*batch, client_made(last, 9)])
    assert {r.outcome for r in results} == {Outcome.APPLIED}
    clients = all_clients(db)
    assert {key: data.get(MERGED_INTO) for key, data in clients.items()} == {
        str(first): None,
        str(held): str(first),
        str(later): str(first),
        str(last): str(first),
    }
    assert {o["client_id"] for o in server_rows(db, "order").values()} == {str(first)}
