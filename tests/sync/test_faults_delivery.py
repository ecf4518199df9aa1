"""Faults 1 to 5 of issue 6: whatever happens between the kiosk's commit and the
server's answer, each order is applied exactly once."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap
import threading
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
import requests
from sync_harness import (
    Clock,
    Kiosk,
    LiveServer,
    assert_same_records,
    enrolled,
    order_request,
    server_rows,
)

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.validation import phone
from kiosk_app.errors import NotFound
from server import push as server_push
from sync.client import NetworkDown, RefusedBatch, SyncClient, SyncError
from sync.engine import BusyElsewhere, FolderLock, batch_key, sync_once
from sync.protocol import Entity, OpKind, Outcome

ROOT = Path(__file__).resolve().parents[2]


def outbox_ops(app: Comptoir) -> list[dict[str, Any]]:
    from kiosk_app.services.sync_apply import next_batch

    with app.store.read() as session:
        return [op.wire for op in next_batch(session)]


def test_killed_between_the_local_commit_and_the_push(
    kiosk: Kiosk, central: LiveServer, tmp_path: Path
) -> None:
    """Fault 1: a kiosk process places an order and dies (SIGKILL) before any push; the
    next sync applies it exactly once."""
    kiosk.client.close()
    kiosk.app.close()
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        from datetime import UTC, datetime
        from pathlib import Path
        sys.path.insert(0, {str(ROOT)!r})
        from kiosk_app.comptoir import Comptoir
        sys.path.insert(0, {str(ROOT / "tests" / "sync")!r})
        from sync_harness import order_request
        app = Comptoir.open(Path({str(kiosk.data_dir)!r}))
        order = app.orders.place(order_request(app, datetime.now(UTC)))
        print(order.id, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert done.returncode == -9, done.stderr
    order_id = done.stdout.strip()
    app = Comptoir.open(kiosk.data_dir)
    try:
        revived = enrolled_again(app, kiosk, central)
        report = revived.sync()
        assert report.pushed.applied == 2
        assert order_id in server_rows(central.db, "order")
        assert revived.sync().pushed.applied == 0
        assert len(server_rows(central.db, "order")) == 1
        assert_same_records(app, central.db)
    finally:
        app.close()


def enrolled_again(app: Comptoir, kiosk: Kiosk, central: LiveServer) -> Kiosk:
    from sync.enrolment import open_client

    return Kiosk(app, kiosk.data_dir, open_client(app.store, kiosk.data_dir))


class AnswerLost(SyncClient):
    """The server gets the batch and commits; its answer never arrives."""

    def __init__(self, inner: SyncClient, token: str) -> None:
        super().__init__(inner.base_url, token)
        self.lost = 0

    def push(self, ops: Any, key: str, **pull: Any) -> Any:
        super().push(ops, key, **pull)
        self.lost += 1
        raise NetworkDown("connection reset after the request was sent")


def test_the_answer_is_lost_after_the_server_committed(
    kiosk: Kiosk, central: LiveServer, clock: Clock
) -> None:
    """Fault 2: the retry gets `duplicate`, and there is one order."""
    kiosk.app.orders.place(order_request(kiosk.app, clock.now))
    token = (kiosk.data_dir / "sync-token").read_text()
    losing = AnswerLost(kiosk.client, token)
    with pytest.raises(NetworkDown):
        sync_once(kiosk.app.store, losing, kiosk.data_dir)
    losing.close()
    assert len(server_rows(central.db, "order")) == 1  # committed on the server
    report = kiosk.sync()
    assert (report.pushed.applied, report.pushed.duplicate) == (0, 2)
    assert len(server_rows(central.db, "order")) == 1
    assert_same_records(kiosk.app, central.db)


def test_a_server_error_in_the_middle_of_a_batch_commits_nothing(
    kiosk: Kiosk, central: LiveServer, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fault 3: a 500 on the 3rd of 4 orders: nothing committed; the retry applies each
    once."""
    for n in range(4):
        kiosk.app.orders.place(order_request(kiosk.app, clock.now, n=n))
    real = server_push.HANDLERS[(Entity.ORDER, OpKind.CREATE)]
    calls = {"n": 0}

    def failing(writer: server_push.Writer, op: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk full")
        real(writer, op)

    monkeypatch.setitem(server_push.HANDLERS, (Entity.ORDER, OpKind.CREATE), failing)
    with pytest.raises(SyncError) as failure:
        kiosk.sync()
    assert failure.value.key == "sync.server_error"
    assert server_rows(central.db, "order") == {} and server_rows(central.db, "client") == {}
    assert len(outbox_ops(kiosk.app)) == 8  # all still pending here
    monkeypatch.setitem(server_push.HANDLERS, (Entity.ORDER, OpKind.CREATE), real)
    report = kiosk.sync()
    assert report.pushed.applied == 8 and report.pushed.duplicate == 0
    assert len(server_rows(central.db, "order")) == 4
    assert_same_records(kiosk.app, central.db)


def test_an_old_batch_replayed_is_all_duplicate(
    kiosk: Kiosk, central: LiveServer, clock: Clock
) -> None:
    """Fault 4, first half: the very same batch sent again answers `duplicate` for
    every op and changes nothing."""
    kiosk.app.orders.place(order_request(kiosk.app, clock.now))
    ops = outbox_ops(kiosk.app)
    first = kiosk.client.push(ops, batch_key(ops))
    assert [r.outcome for r in first.results] == [Outcome.APPLIED, Outcome.APPLIED]
    before = server_rows(central.db, "order")
    again = kiosk.client.push(ops, batch_key(ops))
    assert [r.outcome for r in again.results] == [Outcome.DUPLICATE, Outcome.DUPLICATE]
    assert server_rows(central.db, "order") == before
    kiosk.sync()
    assert_same_records(kiosk.app, central.db)


def backup(app: Comptoir, target: Path) -> None:
    with (
        closing(sqlite3.connect(app.store.path)) as source,
        closing(sqlite3.connect(target)) as copy,
    ):
        source.backup(copy)


def test_a_kiosk_restored_from_yesterdays_backup(
    kiosk: Kiosk, central: LiveServer, clock: Clock, tmp_path: Path
) -> None:
    """Fault 4, second half: yesterday's ops come again as `duplicate`, nothing on the
    server goes backwards, and the kiosk's order numbers never repeat."""
    first = kiosk.app.orders.place(order_request(kiosk.app, clock.now, n=1))
    saved = tmp_path / "yesterday.sqlite3"
    backup(kiosk.app, saved)
    kiosk.sync()
    kiosk.app.orders.confirm(first.id, attendant_id=None)
    second = kiosk.app.orders.place(order_request(kiosk.app, clock.now, n=2))
    kiosk.sync()
    server_before = server_rows(central.db, "order")
    assert server_before[str(first.id)]["status"] == "confirmed"

    kiosk.client.close()
    kiosk.app.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{kiosk.app.store.path}{suffix}").unlink(missing_ok=True)
    shutil.copy(saved, kiosk.app.store.path)
    app = Comptoir.open(kiosk.data_dir, clock=clock)
    try:
        restored = enrolled_again(app, kiosk, central)
        report = restored.sync()
        assert report.pushed.duplicate == 2 and report.pushed.applied == 0
        assert server_rows(central.db, "order") == server_before
        assert app.orders.get(first.id).status.value == "confirmed"  # not backwards
        assert app.orders.get(second.id).number == second.number
        third = app.orders.place(order_request(app, clock.now, n=3))
        assert third.number not in (first.number, second.number)
        restored.sync()
        assert_same_records(app, central.db)
    finally:
        app.close()


def test_the_same_key_with_another_body_is_refused(
    kiosk: Kiosk, central: LiveServer, clock: Clock
) -> None:
    """Fault 5, first half: 422, and nothing of the second body is applied."""
    kiosk.app.orders.place(order_request(kiosk.app, clock.now, n=1))
    ops = outbox_ops(kiosk.app)
    kiosk.client.push(ops[:1], "batch-1")
    with pytest.raises(RefusedBatch) as refused:
        kiosk.client.push(ops, "batch-1")
    assert "422" in refused.value.detail
    token = (kiosk.data_dir / "sync-token").read_text()
    answer = requests.post(
        central.url + "/sync/v1/push",
        json={"ops": ops},
        headers={
            "Authorization": f"Bearer {token}",
            "Idempotency-Key": "batch-1",
            "Comptoir-Protocol": "1",
            "Comptoir-Schema": "1",
        },
        timeout=10,
    )
    assert answer.status_code == 422
    assert answer.json()["error"] == "idempotency_key_reused"
    assert server_rows(central.db, "order") == {}
    kiosk.sync()
    assert_same_records(kiosk.app, central.db)


def test_two_syncs_started_at_once_are_serialised(
    kiosk: Kiosk, central: LiveServer, clock: Clock
) -> None:
    """Fault 5, second half: while one sync holds the data folder, another waits for it
    (threads), or gives up cleanly when another process holds it."""
    for n in range(5):
        kiosk.app.orders.place(order_request(kiosk.app, clock.now, n=n))
    outcomes: list[object] = []
    holder = FolderLock(kiosk.data_dir)
    holder.__enter__()
    second = enrolled_again(kiosk.app, kiosk, central)
    waiting = threading.Thread(target=lambda: outcomes.append(second.sync()))
    waiting.start()
    waiting.join(0.5)
    assert waiting.is_alive() and server_rows(central.db, "order") == {}
    holder.__exit__(None, None, None)
    first = kiosk.sync()
    waiting.join(30)
    reports = [first, *outcomes]
    assert sum(r.pushed.applied for r in reports) == 10  # type: ignore[attr-defined]
    assert sum(r.pushed.duplicate for r in reports) == 0  # type: ignore[attr-defined]
    second.client.close()
    assert_same_records(kiosk.app, central.db)

    other_process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from sync.engine import FolderLock\n"
            f"with FolderLock(Path({str(kiosk.data_dir)!r})):\n"
            "    print('held', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert other_process.stdout is not None and other_process.stdout.readline() == "held\n"
        with pytest.raises(BusyElsewhere):
            sync_once(kiosk.app.store, kiosk.client, kiosk.data_dir, lock_timeout=0.2)
    finally:
        other_process.communicate("", timeout=30)
    assert kiosk.sync().pushed.applied == 0


def test_a_second_kiosk_gets_the_first_ones_order_once_looked_up(
    kiosk: Kiosk, central: LiveServer, clock: Clock, tmp_path: Path
) -> None:
    """A kiosk pulls its own orders (DESIGN.md, "One owner per order"): another kiosk's
    only once the resident is looked up there by number and phone."""
    placed = kiosk.app.orders.place(order_request(kiosk.app, clock.now))
    kiosk.sync()
    other = Comptoir.open(tmp_path / "other", clock=clock)
    try:
        second = enrolled(other, central, "bastille")
        second.sync()
        with pytest.raises(NotFound):
            other.orders.get(placed.id)
        second.client.lookup(phone(order_request(kiosk.app, clock.now).phone), placed.number)
        second.sync()
        assert other.orders.get(placed.id).number == placed.number
        assert_same_records(other, central.db)
        second.client.close()
    finally:
        other.close()


def test_a_busy_server_says_when_to_come_back(
    kiosk: Kiosk, central: LiveServer, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database that cannot take the write (SQLite locked, PostgreSQL gone) answers
    503 with Retry-After, commits nothing, and the worker waits at least that long."""
    import random

    from sqlalchemy.exc import OperationalError

    from sync.client import ServerBusy
    from sync.worker import backoff_delay

    kiosk.app.orders.place(order_request(kiosk.app, clock.now))

    def locked(writer: server_push.Writer, op: Any) -> None:
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setitem(server_push.HANDLERS, (Entity.CLIENT, OpKind.CREATE), locked)
    with pytest.raises(ServerBusy) as busy:
        kiosk.sync()
    assert busy.value.retry_after == 1.0 and busy.value.key == "sync.busy"
    assert backoff_delay(1, random.Random(0), busy.value.retry_after) >= 1.0
    assert server_rows(central.db, "order") == {}
    monkeypatch.undo()
    assert kiosk.sync().pushed.applied == 2
    assert_same_records(kiosk.app, central.db)
