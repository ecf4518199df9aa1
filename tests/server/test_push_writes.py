"""What the push's speed-ups must not change: records written at the end of a batch
(server/writer.py) as if each op had written at once, pushes awaited on the group
commit, and answers gzipped only when they are big enough to gain from it."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy.orm import Session
from sync_harness import LiveServer, server_rows
from wire_ops import LULU_ID, NOW, Server, new_client, new_order, op, step

from server.changes import pull
from server.database import Database, sqlite_url
from server.models import Record
from sync.protocol import Outcome


def test_a_record_created_then_changed_in_one_batch_is_written_as_it_ends(
    db: Database,
) -> None:
    server = Server(db)
    client_id, order_id = uuid.uuid4(), uuid.uuid4()
    batch = [
        new_client(client_id),
        new_order(order_id, client_id),
        step(order_id, "requested", "confirmed"),
        step(order_id, "requested", "cancelled", reason="late"),  # lost: it moved on
        step(order_id, "confirmed", "assigned", lulu_id=str(LULU_ID)),
        op("client", client_id, "patch", {"name": "Jeanne Martin"}),
        new_order(uuid.uuid4(), uuid.uuid4()),  # names a client the server never had
    ]
    outcomes = [result.outcome for result in server.push(batch)]
    assert outcomes == [Outcome.APPLIED] * 3 + [Outcome.CONFLICT] + [Outcome.APPLIED] * 2 + [
        Outcome.REJECTED
    ]
    order = server_rows(db, "order")[str(order_id)]
    assert (order["status"], order["lulu_id"], order["version"]) == (
        "assigned",
        str(LULU_ID),
        3,
    )
    client = server_rows(db, "client")[str(client_id)]
    assert (client["name"], client["version"]) == ("Jeanne Martin", 2)
    assert len(server_rows(db, "order")) == 1  # the rejected order left nothing
    with db.read() as session:
        page = pull(session, 0, 100)
    pulled = [(change.entity.value, change.entity_id) for change in page.changes]
    assert pulled == [("client", client_id), ("order", order_id)]  # each once, client first
    assert [result.outcome for result in server.push(batch)] == [Outcome.DUPLICATE] * 3 + [
        Outcome.CONFLICT
    ] + [Outcome.DUPLICATE] * 2 + [Outcome.REJECTED]


def test_pushes_awaited_together_share_a_commit_and_fail_alone(tmp_path: Path) -> None:
    db = Database.open(sqlite_url(tmp_path))
    ids = [uuid.uuid4() for _ in range(3)]

    def add_visit(n: int) -> Any:
        def work(session: Session) -> uuid.UUID:
            session.add(Record(entity="visit", entity_id=ids[n], data={"n": n}, updated_at=NOW))
            session.flush()
            if n == 1:
                raise ValueError("this one is refused")
            return ids[n]

        return work

    async def together() -> list[Any]:
        jobs = [db.run_write_async(add_visit(n)) for n in range(3)]
        return await asyncio.gather(*jobs, return_exceptions=True)

    try:
        first, failed, last = asyncio.run(together())
        assert (first, last) == (ids[0], ids[2])
        assert isinstance(failed, ValueError)
        assert set(server_rows(db, "visit")) == {str(ids[0]), str(ids[2])}
    finally:
        db.close()


@pytest.mark.parametrize("accept", ["gzip", "identity"])
def test_answers_are_gzipped_only_from_one_kibibyte(
    live: LiveServer, token: str, accept: str
) -> None:
    headers = {
        "Comptoir-Protocol": "1",
        "Comptoir-Schema": "1",
        "Authorization": f"Bearer {token}",
        "Accept-Encoding": accept,
    }
    visit_id = uuid.uuid4()
    visit = {"id": str(visit_id), "started_at": NOW.isoformat()}
    small = requests.post(
        live.url + "/sync/v1/push",
        json={"ops": [op("visit", visit_id, "append", visit)]},
        headers=headers | {"Idempotency-Key": "one-visit"},
        timeout=10,
    )
    assert small.status_code == 200 and small.json()["results"][0]["outcome"] == "applied"
    assert "Content-Encoding" not in small.headers  # about 80 bytes: sent as they are
    catalogue = requests.get(live.url + "/sync/v1/pull", headers=headers, timeout=10)
    assert catalogue.status_code == 200 and len(catalogue.json()["changes"]) > 50
    expected = "gzip" if accept == "gzip" else None
    assert catalogue.headers.get("Content-Encoding") == expected
    assert catalogue.headers["Comptoir-Protocol"] == "1"
