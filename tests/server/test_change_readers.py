"""The change log says whom each change is for (server/readers.py), on a live server
(SQLite and PostgreSQL): a kiosk's pull reads its own rows and everyone's, never the
other kiosks' writes, and its cursor still moves past them; a look-up logs the client
again for the kiosk that looked it up; a prune keeps each reader's first change, so
that a refetch still brings every record the kiosk may read; rows logged before
readers existed are still filtered by the record rules."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
import requests
from sqlalchemy import insert, select
from sync_harness import LiveServer
from wire_ops import new_client, op, phone_of

from server.changes import prune, record_changes
from server.models import Change, Device, RecordAccess
from server.scopes import DeviceKind

SYNC = {"Comptoir-Protocol": "1", "Comptoir-Schema": "1"}


class SyncingDevice:
    """A device speaking to the live server with its own token."""

    def __init__(self, live: LiveServer, name: str, kind: DeviceKind = DeviceKind.KIOSK) -> None:
        self.live = live
        token = live.enrol(name, datetime.now(UTC), kind=kind)
        self.headers = {"Authorization": f"Bearer {token}", **SYNC}
        with live.db.read() as session:
            self.id = session.scalar(select(Device.id).where(Device.name == name))

    def push(self, *ops: dict[str, Any]) -> list[str]:
        answer = requests.post(
            self.live.url + "/sync/v1/push",
            json={"ops": list(ops)},
            headers={**self.headers, "Idempotency-Key": uuid.uuid4().hex},
            timeout=30,
        )
        assert answer.status_code == 200, answer.text
        return [result["outcome"] for result in answer.json()["results"]]

    def pull(self, cursor: int = 0, limit: int = 1000) -> dict[str, Any]:
        answer = requests.get(
            self.live.url + "/sync/v1/pull",
            params={"cursor": cursor, "limit": limit},
            headers=self.headers,
            timeout=30,
        )
        assert answer.status_code == 200, answer.text
        page: dict[str, Any] = answer.json()
        return page

    def pull_all(self, cursor: int = 0, limit: int = 1000) -> tuple[set[str], int, int]:
        """The ids of every record pulled from `cursor` on, the last cursor, the pages."""
        ids: set[str] = set()
        pages = 0
        while True:
            page = self.pull(cursor, limit)
            pages += 1
            ids |= {change["entity_id"] for change in page["changes"]}
            cursor = page["next_cursor"]
            if not page["has_more"]:
                return ids, cursor, pages

    def look_up(self, phone: str) -> None:
        answer = requests.post(
            self.live.url + "/sync/v1/lookup",
            json={"phone": phone},
            headers=self.headers,
            timeout=30,
        )
        assert answer.status_code == 200, answer.text


def _readers(live: LiveServer, entity_id: uuid.UUID) -> list[int | None]:
    """The readers of a record's rows in the log, in log order."""
    with live.db.read() as session:
        rows = session.execute(
            select(Change.reader).where(Change.entity_id == entity_id).order_by(Change.seq)
        )
        return [reader for (reader,) in rows]


def test_a_kiosk_pulls_its_rows_and_everyones_and_skips_the_others(live: LiveServer) -> None:
    office = SyncingDevice(live, "office", DeviceKind.ADMIN)
    bastille, nation = SyncingDevice(live, "bastille"), SyncingDevice(live, "nation")
    _, nation_cursor, _ = nation.pull_all()  # the catalogue: everyone's rows
    clients = [uuid.uuid4() for _ in range(30)]
    assert bastille.push(*(new_client(c) for c in clients)) == ["applied"] * 30
    mine = uuid.uuid4()
    assert nation.push(new_client(mine)) == ["applied"]

    # The log holds bastille's clients for bastille only, nation's for nation only.
    assert {tuple(_readers(live, c)) for c in clients} == {(bastille.id,)}
    assert _readers(live, mine) == [nation.id]
    # Nation's pull, five rows a page, is one page: bastille's 30 rows are not read, and
    # its cursor ends where the back office's does, past them all.
    page = nation.pull(nation_cursor, limit=5)
    assert [c["entity_id"] for c in page["changes"]] == [str(mine)]
    assert page["has_more"] is False
    _, office_cursor, _ = office.pull_all()
    assert page["next_cursor"] == office_cursor
    # Bastille's own pull brings its 30 clients; nothing of nation's.
    ids, _, pages = bastille.pull_all(nation_cursor, limit=10)
    assert ids == {str(c) for c in clients} and pages == 3


def test_a_look_up_logs_the_client_again_for_the_kiosk_that_looked(live: LiveServer) -> None:
    bastille, nation = SyncingDevice(live, "bastille"), SyncingDevice(live, "nation")
    client = uuid.uuid4()
    bastille.push(new_client(client))
    _, cursor, _ = nation.pull_all()
    assert str(client) not in nation.pull_all()[0]

    nation.look_up(phone_of(client))
    assert _readers(live, client) == [bastille.id, bastille.id, nation.id]
    page = nation.pull(cursor)
    assert [c["entity_id"] for c in page["changes"]] == [str(client)]
    # From then on each change of the client is logged for both kiosks.
    assert bastille.push(op("client", client, "patch", {"floor": 4})) == ["applied"]
    assert _readers(live, client)[-2:] == [bastille.id, nation.id]
    (change,) = nation.pull(page["next_cursor"])["changes"]
    assert change["data"]["floor"] == 4


def test_a_prune_keeps_each_readers_first_change(live: LiveServer) -> None:
    bastille, nation = SyncingDevice(live, "bastille"), SyncingDevice(live, "nation")
    theirs, ours = uuid.uuid4(), uuid.uuid4()
    bastille.push(new_client(theirs), new_client(ours))
    nation.look_up(phone_of(ours))
    for floor in range(1, 4):
        bastille.push(op("client", ours, "patch", {"floor": floor}))
    _, top, _ = bastille.pull_all()
    with live.db.write() as session:
        prune(session, top)

    # One row per reader of each record is left: bastille's first, nation's first.
    assert _readers(live, ours) == [bastille.id, nation.id]
    assert _readers(live, theirs) == [bastille.id]
    # A refetch from the start still brings each kiosk what it may read, as it is now.
    assert {str(theirs), str(ours)} <= bastille.pull_all(limit=3)[0]
    fetched = [c for c in nation.pull(0)["changes"] if c["entity"] == "client"]
    assert [(c["entity_id"], c["data"]["floor"]) for c in fetched] == [(str(ours), 3)]


def test_rows_logged_before_readers_are_still_filtered(live: LiveServer) -> None:
    """A log written before migration 0008 has one everyone's row per change: the
    record rules still keep another kiosk's client out of the page."""
    bastille, nation = SyncingDevice(live, "bastille"), SyncingDevice(live, "nation")
    client = uuid.uuid4()
    bastille.push(new_client(client))
    _, cursor, _ = nation.pull_all()
    with live.db.write() as session:
        session.execute(insert(Change).values(entity="client", entity_id=client, reader=None))
    page = nation.pull(cursor)
    assert page["changes"] == [] and page["next_cursor"] > cursor
    assert [c["entity_id"] for c in bastille.pull(cursor)["changes"]] == [str(client)]


@pytest.mark.parametrize("at_commit", [False, True], ids=["numbered-in-transaction", "at-commit"])
def test_a_grant_committed_while_a_change_waits_for_its_number_reaches_its_reader(
    live: LiveServer, at_commit: bool
) -> None:
    """Kiosk B's look-up of a client commits while kiosk A's change of that client waits
    for its number: the change is logged for B too (its readers are read once it has
    its number), else B would miss it for good. A push's change waits after its own
    commit (`at_commit`, on PostgreSQL: server/changes.py) or inside its transaction."""
    bastille, nation = SyncingDevice(live, "bastille"), SyncingDevice(live, "nation")
    client = uuid.uuid4()
    bastille.push(new_client(client))
    granted, release = threading.Event(), threading.Event()

    def look_up_and_wait() -> None:
        with live.db.write() as session:
            session.add(
                RecordAccess(
                    device_id=nation.id, entity_id=client, owner=False, granted_at=datetime.now(UTC)
                )
            )
            session.flush()
            record_changes(session, [("client", client, None)])
            granted.set()
            release.wait(30)

    def change_of_a() -> None:
        with live.db.write() as session:
            record_changes(session, [("client", client, None)], at_commit=at_commit)

    looking = threading.Thread(target=look_up_and_wait)
    looking.start()
    assert granted.wait(30)
    changing = threading.Thread(target=change_of_a)
    changing.start()
    changing.join(0.5)
    assert changing.is_alive()  # waiting for its number behind the look-up
    release.set()
    looking.join(30)
    changing.join(30)
    assert _readers(live, client)[-2:] == [bastille.id, nation.id]
