"""Fault 10 of issue 6: a transaction that took its change number earlier but commits
later is never skipped by a reader. Two real connections write at once while a third
reads, on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from server.changes import pull, pull_json, record_changes
from server.database import Database
from server.models import Record
from sync.protocol import Entity, PullResponse


def add_client(session: Session) -> uuid.UUID:
    """A client record, written (not committed) in `session`: its id."""
    client_id = uuid.uuid4()
    session.add(
        Record(
            entity=Entity.CLIENT.value,
            entity_id=client_id,
            data={"id": str(client_id)},
            updated_at=datetime.now(UTC),
        )
    )
    session.flush()
    return client_id


def write_client(db: Database, started: threading.Event, release: threading.Event) -> uuid.UUID:
    """A write transaction that numbers its change, then waits before committing."""
    with db.write() as session:
        client_id = add_client(session)
        record_changes(session, [(Entity.CLIENT.value, client_id, None)])
        started.set()
        release.wait(30)
    return client_id


def test_a_late_commit_is_never_skipped(db: Database) -> None:
    with db.read() as session:
        cursor = pull(session, 0, 500).next_cursor
    first_started, first_release = threading.Event(), threading.Event()
    second_started, second_release = threading.Event(), threading.Event()
    ids: dict[str, uuid.UUID] = {}
    first = threading.Thread(
        target=lambda: ids.__setitem__("first", write_client(db, first_started, first_release))
    )
    second = threading.Thread(
        target=lambda: ids.__setitem__("second", write_client(db, second_started, second_release))
    )
    first.start()
    assert first_started.wait(30)
    second.start()
    second_release.set()  # the second would commit at once, if it could number its change
    second.join(0.5)
    # While the first is in flight, the second cannot get past numbering its change:
    # numbers follow commit order, so no reader can step over the first.
    assert second.is_alive() and not second_started.is_set()
    with db.read() as session:
        page = pull(session, cursor, 500)
    assert page.changes == [] and page.next_cursor == cursor
    first_release.set()
    first.join(30)
    second.join(30)
    with db.read() as session:
        page = pull(session, cursor, 500)
    assert [c.entity_id for c in page.changes] == [ids["first"], ids["second"]]
    assert page.changes[0].seq < page.changes[1].seq


def test_a_reader_between_two_commits_gets_each_change_once(db: Database) -> None:
    seen: list[uuid.UUID] = []
    cursor = 0
    for _ in range(3):
        started, release = threading.Event(), threading.Event()
        release.set()
        write_client(db, started, release)
        with db.read() as session:
            page = pull(session, cursor, 1)
        seen.extend(c.entity_id for c in page.changes)
        cursor = page.next_cursor
    with db.read() as session:
        rest = pull(session, cursor, 500)
    seen.extend(c.entity_id for c in rest.changes)
    assert len(seen) == len(set(seen)) == 3


def test_the_page_sent_as_json_is_the_page(db: Database) -> None:
    """The pull route writes its JSON from the records' stored text (changes.pull_json):
    what a kiosk parses is what `pull` returns, odd characters and nesting included."""
    datas = [
        {"id": "", "name": 'Zoé "la" Lulu 🧺', "note": "a\\b\n", "tags": [1, None, True]},
        {"id": "", "address": {"street": "12 rue de l'Échaudé", "floor": 3}, "empty": {}},
    ]
    with db.write() as session:
        keys = []
        for data in datas:
            client_id = uuid.uuid4()
            data["id"] = str(client_id)
            session.add(
                Record(
                    entity=Entity.CLIENT.value,
                    entity_id=client_id,
                    data=data,
                    updated_at=datetime.now(UTC),
                )
            )
            keys.append((Entity.CLIENT.value, client_id, None))
        session.flush()
        record_changes(session, keys)
    with db.read() as session:
        for limit in (1, 500):
            sent = PullResponse.model_validate_json(pull_json(session, 0, limit))
            assert sent == pull(session, 0, limit)
        page = pull(session, 0, 500)
    assert [c.data for c in page.changes[-2:]] == datas
