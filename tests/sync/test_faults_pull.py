"""Faults 9 and 11 to 13 of issue 6: pulled pages apply whole with their cursor, an
unknown cursor refetches, a version mismatch changes nothing, and a token is the
device."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from sync_harness import Clock, Kiosk, LiveServer, assert_same_records, order_request, server_rows

from kiosk_app.services.sync_apply import CURSOR, LAST_ERROR, get_setting, read_cursor
from server import changes as server_changes
from server import limits as server_limits
from server.auth import replace, revoke
from server.web_orders import WebOrderRequest, create_web_order
from sync.client import SyncClient, Unauthorized, UpgradeRequired
from sync.engine import sync_once
from sync.protocol import PROTOCOL_HEADER

ROOT = Path(__file__).resolve().parents[2]


def web_order(central: LiveServer, n: int = 0) -> uuid.UUID:
    start = datetime.now(UTC) + timedelta(days=2)
    request = WebOrderRequest.model_validate(
        {
            "service_code": "repassage",
            "slot_start": start.isoformat(),
            "slot_end": (start + timedelta(hours=1)).isoformat(),
            "estimated_units": 3,
            "client": {
                "name": f"Odette Web {n}",
                "phone": f"+3361100{n:04d}",
                "street": "3 rue de Turenne",
                "postcode": "75003",
                "city": "Paris",
            },
        }
    )
    with central.db.write() as session:
        return create_web_order(session, request, now=datetime.now(UTC)).id


def test_web_orders_reach_the_kiosk(kiosk: Kiosk, central: LiveServer) -> None:
    order_id = web_order(central)
    report = kiosk.sync()
    assert report.pulled == 2  # its client, then the order
    shown = kiosk.app.orders.get(order_id)
    assert shown.channel.value == "web" and shown.number == "00-0001"
    assert kiosk.app.orders.timeline(order_id)[0].status.value == "requested"
    assert_same_records(kiosk.app, central.db)


def test_killed_between_applying_a_page_and_saving_its_cursor(
    kiosk: Kiosk, central: LiveServer
) -> None:
    """Fault 9: the process dies (SIGKILL) once the page's rows are written and just
    as it stores the cursor: after the restart, neither is there; the next sync
    applies both."""
    order_id = web_order(central)
    with kiosk.app.store.read() as session:
        cursor_before = read_cursor(session)
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        from pathlib import Path
        sys.path.insert(0, {str(ROOT)!r})
        from kiosk_app.comptoir import Comptoir
        from kiosk_app.services import sync_apply
        from sync.engine import sync_once
        from sync.enrolment import open_client
        real = sync_apply.put_setting
        def dying(session, key, value):
            if key == sync_apply.CURSOR:
                session.flush()
                os.kill(os.getpid(), signal.SIGKILL)
            real(session, key, value)
        sync_apply.put_setting = dying
        data_dir = Path({str(kiosk.data_dir)!r})
        app = Comptoir.open(data_dir)
        sync_once(app.store, open_client(app.store, data_dir), data_dir)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert done.returncode == -9, done.stderr
    from kiosk_app.errors import NotFound

    with pytest.raises(NotFound):
        kiosk.app.orders.get(order_id)
    with kiosk.app.store.read() as session:
        assert read_cursor(session) == cursor_before
    kiosk.sync()
    assert kiosk.app.orders.get(order_id).number == "00-0001"
    with kiosk.app.store.read() as session:
        assert read_cursor(session) > cursor_before
    assert_same_records(kiosk.app, central.db)


def test_a_cursor_the_server_no_longer_knows(
    kiosk: Kiosk, central: LiveServer, clock: Clock
) -> None:
    """Fault 11: `must_refetch`: the kiosk starts again from the server's beginning;
    its pending ops are kept and their rows are not overwritten."""
    first = web_order(central, 1)
    kiosk.sync()
    # No kiosk holds a web order until one takes it over (DESIGN.md, "One owner per order").
    assert kiosk.app.holding.ask_take_over(first, attendant_id=None)
    kiosk.sync()
    web_order(central, 2)
    with central.db.write() as session:
        top = session.query(server_changes.Change).count() and max(
            c.seq for c in session.query(server_changes.Change)
        )
        server_changes.prune(session, top)
    with kiosk.app.store.write() as session:  # a cursor inside the pruned log
        from kiosk_app.services.sync_apply import put_setting

        put_setting(session, CURSOR, "1")
    # An edit made here and not pushed yet: kept, and never overwritten by the refetch.
    kiosk.app.orders.confirm(first, attendant_id=None)
    from kiosk_app.services.sync_apply import apply_page, next_batch

    with kiosk.app.store.read() as session:
        pending = next_batch(session)
    assert len(pending) == 1
    page = kiosk.client.pull(0, 500)
    with kiosk.app.store.write() as session:
        result = apply_page(session, page)
    assert result.kept_local == 1
    assert kiosk.app.orders.get(first).status.value == "confirmed"
    with kiosk.app.store.write() as session:
        put_setting(session, CURSOR, "1")
    report = kiosk.sync()
    assert report.refetched and report.pushed.applied == 1
    assert_same_records(kiosk.app, central.db)


def test_a_cursor_from_another_server_must_refetch(kiosk: Kiosk, central: LiveServer) -> None:
    with kiosk.app.store.write() as session:
        from kiosk_app.services.sync_apply import put_setting

        put_setting(session, CURSOR, str(10**9))
    report = kiosk.sync()
    assert report.refetched
    assert_same_records(kiosk.app, central.db)


def test_a_kiosk_on_another_protocol_is_told_to_upgrade(
    kiosk: Kiosk, central: LiveServer, clock: Clock
) -> None:
    """Fault 12, kiosk side newer: 426 "upgrade required", nothing applied anywhere."""
    kiosk.app.orders.place(order_request(kiosk.app, clock.now))
    kiosk.client._http.headers[PROTOCOL_HEADER] = "2"
    with pytest.raises(UpgradeRequired):
        kiosk.sync()
    assert server_rows(central.db, "order") == {}
    with kiosk.app.store.read() as session:
        assert (get_setting(session, LAST_ERROR) or "").startswith("sync.upgrade_required")
    kiosk.client._http.headers[PROTOCOL_HEADER] = "1"
    kiosk.sync()
    assert_same_records(kiosk.app, central.db)


def test_a_server_on_another_protocol_changes_nothing_here(
    kiosk: Kiosk, central: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fault 12, server side newer: its answers are not used; no page, no cursor."""
    order_id = web_order(central)
    with kiosk.app.store.read() as session:
        cursor = read_cursor(session)
    monkeypatch.setattr(server_limits, "PROTOCOL_VERSION", 2)
    with pytest.raises(UpgradeRequired):
        kiosk.sync()
    from kiosk_app.errors import NotFound

    with pytest.raises(NotFound):
        kiosk.app.orders.get(order_id)
    with kiosk.app.store.read() as session:
        assert read_cursor(session) == cursor
    monkeypatch.setattr(server_limits, "PROTOCOL_VERSION", 1)
    kiosk.sync()
    assert_same_records(kiosk.app, central.db)


class RevokedAfterFirstBatch(SyncClient):
    def __init__(self, central: LiveServer, url: str, token: str) -> None:
        super().__init__(url, token)
        self.central = central
        self.batches = 0

    def push(self, ops: Any, key: str, **pull: Any) -> Any:
        answer = super().push(ops, key, **pull)
        self.batches += 1
        with self.central.db.write() as session:
            revoke(session, "saint-paul", now=datetime.now(UTC))
        return answer


def test_a_token_revoked_mid_sync(kiosk: Kiosk, central: LiveServer, clock: Clock) -> None:
    """Fault 13: the second batch gets 401 and nothing of it is applied."""
    for n in range(150):  # 150 clients and 150 orders: two batches
        kiosk.app.orders.place(order_request(kiosk.app, clock.now, n=n))
    token = (kiosk.data_dir / "sync-token").read_text()
    client = RevokedAfterFirstBatch(central, central.url, token)
    with pytest.raises(Unauthorized):
        sync_once(kiosk.app.store, client, kiosk.data_dir)
    assert client.batches == 1
    assert len(server_rows(central.db, "order")) + len(server_rows(central.db, "client")) == 200
    with pytest.raises(Unauthorized):
        kiosk.client.pull(0, 10)
    client.close()
    # A new token for the same kiosk (`kiosk-server replace`: its series kept): the
    # rest goes, nothing twice.
    with central.db.write() as session:
        token = replace(session, "saint-paul").token
    from sync.enrolment import enrol

    again = enrol(kiosk.app.store, kiosk.data_dir, central.url, token)
    report = sync_once(kiosk.app.store, again, kiosk.data_dir)
    again.close()
    assert report.pushed.applied == 100 and report.pushed.duplicate == 0
    assert_same_records(kiosk.app, central.db)


def test_a_kiosk_cannot_act_as_another(kiosk: Kiosk, central: LiveServer, clock: Clock) -> None:
    """The device is the credential's: no token, a made-up one, or a device named in
    the body all fail; another kiosk replaying this one's ops only gets duplicates."""
    kiosk.app.orders.place(order_request(kiosk.app, clock.now))
    from kiosk_app.services.sync_apply import next_batch

    with kiosk.app.store.read() as session:
        ops = [op.wire for op in next_batch(session)]
    headers = {"Comptoir-Protocol": "1", "Comptoir-Schema": "1", "Idempotency-Key": "k"}
    url = central.url + "/sync/v1/push"
    assert requests.post(url, json={"ops": ops}, headers=headers, timeout=10).status_code == 401
    forged = {**headers, "Authorization": "Bearer " + "A" * 43}
    assert requests.post(url, json={"ops": ops}, headers=forged, timeout=10).status_code == 401
    token = (kiosk.data_dir / "sync-token").read_text()
    named = {**headers, "Authorization": f"Bearer {token}"}
    body = {"ops": ops, "device": "bastille"}
    assert requests.post(url, json=body, headers=named, timeout=10).status_code == 422
    assert server_rows(central.db, "order") == {}
    kiosk.sync()
    other = SyncClient(central.url, central.enrol("bastille", datetime.now(UTC)))
    replay = other.push(ops, "replay")
    # The client is already there; the order is of saint-paul's series, not bastille's.
    assert [(r.outcome.value, r.code) for r in replay.results] == [
        ("duplicate", None),
        ("rejected", "wrong_series"),
    ]
    other.close()
    assert_same_records(kiosk.app, central.db)


def test_a_refetch_longer_than_a_page_goes_on_to_the_end(kiosk: Kiosk, central: LiveServer) -> None:
    """After a prune, a kiosk whose cursor is inside the pruned log refetches: with more
    records than one page holds, each page's cursor (below the floor) must be one the
    server still takes, so the refetch reaches the end instead of failing every time."""
    for n in range(1, 8):
        web_order(central, n)
    kiosk.sync()
    for n in range(8, 12):
        web_order(central, n)
    with central.db.write() as session:
        top = max(c.seq for c in session.query(server_changes.Change))
        server_changes.prune(session, top)
    with kiosk.app.store.write() as session:  # a cursor inside the pruned log
        from kiosk_app.services.sync_apply import put_setting

        put_setting(session, CURSOR, "1")
    report = sync_once(kiosk.app.store, kiosk.client, kiosk.data_dir, pull_limit=3)
    assert report.refetched
    assert_same_records(kiosk.app, central.db)
    assert len(server_rows(central.db, "order")) == 11
