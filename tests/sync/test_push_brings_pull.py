"""A sync is one request when it can be: the push asks for the pull's first page and
its answer carries it (sync/engine.py, server/app.py). The page is the one a pull from
that cursor gives; a push that does not ask gets the answer it always had (a kiosk of
before knows no `pull` field); a server that does not give it (older, or the cursor
unknown) leaves the kiosk to pull as before. On SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import requests
from sync_harness import Clock, Kiosk, LiveServer, order_request

from kiosk_app.services.sync_apply import next_batch, read_cursor
from server.catalogue import import_catalogue
from sync.client import SyncClient
from sync.engine import SyncReport, batch_key, sync_once
from sync.protocol import PushResponse


class CountingClient(SyncClient):
    """The kiosk's client, counting the pulls it asks for on their own."""

    def __init__(self, kiosk: Kiosk) -> None:
        super().__init__(kiosk.client.base_url, (kiosk.data_dir / "sync-token").read_text())
        self.pulls = 0

    def pull(self, cursor: int, limit: int) -> Any:
        self.pulls += 1
        return super().pull(cursor, limit)


class OlderServer(CountingClient):
    """As against a server from before the pull in the push: no page in the answer."""

    def push(self, ops: Any, key: str, **pull: Any) -> PushResponse:
        return super().push(ops, key, **pull).model_copy(update={"pull": None})


def new_lulu_on_the_server(central: LiveServer) -> str:
    lulu_id = str(uuid.uuid4())
    with central.db.write() as session:
        lulu = {"id": lulu_id, "display_name": "Awa D."}
        import_catalogue(session, {"lulus": [lulu]}, now=datetime.now(UTC))
    return lulu_id


def lulus_of(kiosk: Kiosk) -> set[str]:
    return {str(lulu.id) for lulu in kiosk.app.lulus.list()}


def sync_an_order(
    kiosk: Kiosk, central: LiveServer, clock: Clock, through: type[CountingClient]
) -> tuple[str, CountingClient, SyncReport]:
    """A Lulu added on the server, an order placed at the kiosk, then one sync through
    a client of kind `through`: the Lulu's id, the client (closed) and the report."""
    lulu_id = new_lulu_on_the_server(central)
    kiosk.app.orders.place(order_request(kiosk.app, clock.now))
    client = through(kiosk)
    report = sync_once(kiosk.app.store, client, kiosk.data_dir)
    client.close()
    return lulu_id, client, report


def test_a_sync_with_an_order_to_push_is_one_request(
    kiosk: Kiosk, central: LiveServer, clock: Clock
) -> None:
    lulu_id, client, report = sync_an_order(kiosk, central, clock, CountingClient)
    assert report.pushed.applied == 2 and report.pending == 0
    assert lulu_id in lulus_of(kiosk)  # came with the push's answer
    assert client.pulls == 0


def test_against_an_older_server_the_kiosk_pulls_as_before(
    kiosk: Kiosk, central: LiveServer, clock: Clock
) -> None:
    lulu_id, client, report = sync_an_order(kiosk, central, clock, OlderServer)
    assert report.pushed.applied == 2
    assert lulu_id in lulus_of(kiosk)
    assert client.pulls == 1


def test_the_page_in_the_answer_is_the_pull_from_that_cursor(
    kiosk: Kiosk, central: LiveServer, clock: Clock
) -> None:
    new_lulu_on_the_server(central)
    new_lulu_on_the_server(central)
    kiosk.app.orders.place(order_request(kiosk.app, clock.now))
    with kiosk.app.store.read() as session:
        cursor = read_cursor(session)
        ops = [op.wire for op in next_batch(session)]
    answer = kiosk.client.push(ops, batch_key(ops), pull_from=cursor, pull_limit=3)
    assert answer.pull is not None
    assert answer.pull == kiosk.client.pull(cursor, 3)
    assert len(answer.pull.changes) == 3 and answer.pull.has_more


def test_a_push_that_does_not_ask_has_no_page_and_an_unknown_cursor_gives_none(
    kiosk: Kiosk, central: LiveServer, clock: Clock
) -> None:
    kiosk.app.orders.place(order_request(kiosk.app, clock.now))
    with kiosk.app.store.read() as session:
        ops = [op.wire for op in next_batch(session)]
    token = (kiosk.data_dir / "sync-token").read_text()
    headers = {
        "Authorization": f"Bearer {token}",
        "Comptoir-Protocol": "1",
        "Comptoir-Schema": "1",
        "Idempotency-Key": batch_key(ops),
    }
    plain = requests.post(central.url + "/sync/v1/push", json={"ops": ops}, headers=headers)
    assert plain.status_code == 200 and set(plain.json()) == {"results"}
    beyond = requests.post(
        central.url + "/sync/v1/push",
        params={"pull_from": 10**12},
        json={"ops": ops},
        headers=headers,
    )
    # The push itself answers (a replay: duplicate); a cursor from no log of this server
    # gets no page, and the kiosk's own pull then hears must_refetch.
    assert beyond.status_code == 200 and set(beyond.json()) == {"results"}
    assert {r["outcome"] for r in beyond.json()["results"]} == {"duplicate"}
