"""`kiosk-server serve` as it runs in production, in its own process: its access log
never shows an order page's token, and with `--workers 2` on PostgreSQL the change log
stays gapless across the processes (concurrent pushers, and a puller that must see
every change exactly once)."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, text
from sync_harness import pg_url
from wire_ops import new_client

from kiosk_app.config import resources_dir
from server.auth import enrol
from server.database import Database, normalise_url
from server.scopes import DeviceKind

SYNC = {"Comptoir-Protocol": "1", "Comptoir-Schema": "1"}


def _server(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "server", *args], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(log: Path, *args: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = _free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "server", "serve", "--port", str(port), *args],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(url + "/sync/v1/meta", timeout=1).raise_for_status()
                break
            except requests.RequestException:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError(log.read_text()) from None
                time.sleep(0.1)
        yield url, process
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(30)


def test_the_access_log_never_shows_an_order_pages_token(tmp_path: Path) -> None:
    data = ["--data-dir", str(tmp_path / "central")]
    _server("import-catalogue", str(resources_dir() / "demo" / "catalogue.json"), *data)
    web = _server("enrol", "web-platform", "--kind", "web", *data)
    log = tmp_path / "server.log"
    with serving(log, *data) as (url, _):
        start = datetime.now(UTC) + timedelta(days=1)
        created = requests.post(
            url + "/api/v1/orders",
            json={
                "service_code": "montee-courses",
                "slot_start": start.isoformat(),
                "slot_end": (start + timedelta(hours=1)).isoformat(),
                "estimated_units": 2,
                "client": {"name": "Jeanne Lefèvre", "phone": "+33612345678"},
            },
            headers={"Authorization": f"Bearer {web}"},
        ).json()
        secret = created["public_token"]
        assert requests.get(url + created["public_path"] + "?lang=en").status_code == 200
        requests.post(url + created["public_path"] + "/rating", data={"stars": "5"})
    written = log.read_text(encoding="utf-8")
    assert '"GET /o/…?lang=en HTTP/1.1" 200' in written
    assert '"POST /o/…/rating HTTP/1.1" 403' in written
    assert secret not in written and secret[:12] not in written


def test_several_workers_need_postgresql(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "server", "serve", "--workers", "2", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "PostgreSQL" in done.stderr


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    base = pg_url()
    if not base:
        pytest.skip("needs PostgreSQL: $COMPTOIR_TEST_PG_URL (set by .ci/run)")
    schema = f"w_{uuid.uuid4().hex[:12]}"
    admin = create_engine(normalise_url(base), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def _workers_of(process: subprocess.Popen[bytes]) -> int:
    """The worker processes uvicorn started (multiprocessing's, but its resource
    tracker)."""
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
    lines = [Path(f"/proc/{pid}/cmdline").read_bytes() for pid in children]
    return sum(1 for line in lines if b"spawn_main" in line and b"resource_tracker" not in line)


def test_two_workers_keep_the_change_log_gapless(tmp_path: Path, pg_schema_url: str) -> None:
    pushers, batches, per_batch = 6, 12, 5
    db = Database.open(pg_schema_url)
    try:
        with db.write() as session:
            tokens = [enrol(session, f"k{n}", now=datetime.now(UTC)) for n in range(pushers)]
            # The back office reads every kiosk's clients (a kiosk only its own).
            tokens.append(enrol(session, "office", now=datetime.now(UTC), kind=DeviceKind.ADMIN))
    finally:
        db.close()
    env_url = ["--database-url", pg_schema_url]
    with serving(tmp_path / "server.log", "--workers", "2", *env_url) as (url, process):
        assert _workers_of(process) == 2
        pushed: list[str] = []
        seen: list[tuple[int, str]] = []
        errors: list[str] = []
        done = threading.Event()
        lock = threading.Lock()

        def pusher(token: str) -> None:
            session = requests.Session()
            headers = {"Authorization": f"Bearer {token}", **SYNC}
            for _ in range(batches):
                ops = [new_client(uuid.uuid4()) for _ in range(per_batch)]
                answer = session.post(
                    url + "/sync/v1/push",
                    json={"ops": ops},
                    headers={**headers, "Idempotency-Key": uuid.uuid4().hex},
                    timeout=30,
                )
                outcomes = {r["outcome"] for r in answer.json()["results"]}
                with lock:
                    if outcomes != {"applied"}:
                        errors.append(answer.text[:200])
                    pushed.extend(op["entity_id"] for op in ops)

        def puller(token: str) -> None:
            session = requests.Session()
            headers = {"Authorization": f"Bearer {token}", **SYNC}
            cursor, quiet = 0, 0
            while quiet < 2:  # two empty pages after the pushers finished
                page = session.get(
                    url + "/sync/v1/pull",
                    params={"cursor": cursor, "limit": 7},
                    headers=headers,
                    timeout=30,
                ).json()
                seen.extend(
                    (c["seq"], c["entity_id"]) for c in page["changes"] if c["entity"] == "client"
                )
                cursor = page["next_cursor"]
                if not page["changes"] and done.is_set():
                    quiet += 1

        reader = threading.Thread(target=puller, args=(tokens[-1],))
        reader.start()
        writers = [threading.Thread(target=pusher, args=(t,)) for t in tokens[:-1]]
        for writer in writers:
            writer.start()
        for writer in writers:
            writer.join()
        done.set()
        reader.join(120)
    assert errors == []
    ids = [entity_id for _, entity_id in seen]
    assert len(pushed) == pushers * batches * per_batch
    assert sorted(ids) == sorted(pushed), "the puller missed a change, or saw one twice"
    seqs = [seq for seq, _ in seen]
    assert seqs == sorted(seqs)
