"""Backups of the store: online copies through SQLite's backup API, owner-only, whole or
absent, kept by rotation (7 daily, 4 weekly) on the core's clock; and the nightly
worker that takes them in the running kiosk."""

from __future__ import annotations

import sqlite3
import stat
import threading
import time
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk_app.backup_worker import NightlyBackups, backup_due, last_night
from kiosk_app.backups import back_up, backups_dir, latest_backup, list_backups, rotate
from kiosk_app.comptoir import Comptoir

from ..conftest import START, FakeClock
from .support import order_request, sqlite_file


def orders_in(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        count: int = conn.execute("SELECT count(*) FROM orders").fetchone()[0]
    return count


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_backup_is_a_whole_owner_only_copy(comptoir: Comptoir, clock: FakeClock) -> None:
    comptoir.orders.place(order_request(comptoir, clock()))
    backup = back_up(comptoir)
    folder = backups_dir(comptoir.store.path.parent)
    assert backup.path.parent == folder
    assert backup.path.name == "comptoir-01-20261126T090000Z.sqlite3"
    assert mode(folder) == 0o700 and mode(backup.path) == 0o600
    # The order just placed is there, although it may still sit in the live store's WAL.
    assert orders_in(backup.path) == 1
    with closing(sqlite3.connect(backup.path)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert sorted(p.name for p in folder.iterdir()) == [backup.path.name]
    assert latest_backup(comptoir.store.path.parent) == START


def test_a_backup_is_taken_while_a_writer_holds_the_store(
    comptoir: Comptoir, clock: FakeClock
) -> None:
    """Online: another process in the middle of a write transaction neither blocks the
    backup nor gets its uncommitted rows into it."""
    comptoir.orders.place(order_request(comptoir, clock()))
    with closing(sqlite3.connect(comptoir.store.path, isolation_level=None)) as writer:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("DELETE FROM order_events")
        writer.execute("UPDATE settings SET value = 'ZZ' WHERE key = 'kiosk_name'")
        backup = back_up(comptoir)
        writer.execute("ROLLBACK")
    with closing(sqlite3.connect(backup.path)) as conn:
        assert conn.execute("SELECT count(*) FROM order_events").fetchone()[0] > 0
    assert orders_in(backup.path) == 1


def test_latest_backup_reads_the_names_and_ignores_other_files(
    comptoir: Comptoir, clock: FakeClock
) -> None:
    data_dir = comptoir.store.path.parent
    assert latest_backup(data_dir) is None
    back_up(comptoir)
    clock.advance(days=1, hours=5)
    back_up(comptoir)
    (backups_dir(data_dir) / "notes.txt").write_text("à garder")
    (backups_dir(data_dir) / "comptoir-01-nope.sqlite3").write_text("")
    assert latest_backup(data_dir) == datetime(2026, 11, 27, 14, 0, tzinfo=UTC)
    assert len(list_backups(data_dir)) == 2
    # Two backups on one day: the day keeps its newest.
    clock.advance(hours=2)
    back_up(comptoir)
    assert [b.taken_at.hour for b in list_backups(data_dir)] == [16, 9]


# Forty days from Thursday 26 November 2026: a backup every night at 04:00 in Paris
# (03:00 UTC in winter), and one more at 16:00 every fifth day. The last night is
# Monday 4 January 2027 (ISO week 2027-W01; 2026 has a week 53, 28 Dec - 3 Jan).
KEPT_AFTER_40_DAYS = [
    # the newest of each of the 7 most recent days
    "comptoir-01-20270104T030000Z.sqlite3",
    "comptoir-01-20270103T030000Z.sqlite3",
    "comptoir-01-20270102T030000Z.sqlite3",
    "comptoir-01-20270101T030000Z.sqlite3",
    "comptoir-01-20261231T150000Z.sqlite3",  # the day's extra one is its newest
    "comptoir-01-20261230T030000Z.sqlite3",
    "comptoir-01-20261229T030000Z.sqlite3",
    # and of the 4 most recent weeks: 2027-W01 and 2026-W53 are already there
    "comptoir-01-20261227T030000Z.sqlite3",  # Sunday of 2026-W52
    "comptoir-01-20261220T030000Z.sqlite3",  # Sunday of 2026-W51
]


def test_rotation_keeps_seven_days_and_four_weeks_over_forty_days(
    comptoir: Comptoir, clock: FakeClock
) -> None:
    data_dir = comptoir.store.path.parent
    clock.now = datetime(2026, 11, 26, 3, 0, tzinfo=UTC)
    taken = 0
    for day in range(40):
        moments = [clock.now]
        if day % 5 == 0:
            moments.append(clock.now.replace(hour=15))
        for moment in moments:
            clock.now = moment
            newest = back_up(comptoir)
            taken += 1
            kept = list_backups(data_dir)
            assert kept[0] == newest
            assert len(kept) <= 7 + 4
        clock.now = clock.now.replace(hour=3) + (datetime(2026, 1, 2) - datetime(2026, 1, 1))
    assert taken == 48
    assert [b.path.name for b in list_backups(data_dir)] == KEPT_AFTER_40_DAYS
    assert all(mode(b.path) == 0o600 for b in list_backups(data_dir))
    assert rotate(data_dir) == []  # stable: nothing more to delete


def test_a_failed_backup_leaves_nothing_behind(
    comptoir: Comptoir, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk_app import backups
    from kiosk_app.errors import BackupNotWritten

    def disk_full(source: Path, target: Path) -> None:
        target.write_bytes(b"half a backup")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "copy_database", disk_full)
    with pytest.raises(BackupNotWritten):
        back_up(comptoir)
    assert list(backups_dir(comptoir.store.path.parent).iterdir()) == []


def test_the_night_is_four_in_the_morning_in_paris() -> None:
    # 26 November, Paris is UTC+1: 04:00 there is 03:00 UTC.
    assert last_night(datetime(2026, 11, 26, 9, 0, tzinfo=UTC)) == datetime(
        2026, 11, 26, 3, 0, tzinfo=UTC
    )
    assert last_night(datetime(2026, 11, 26, 2, 59, tzinfo=UTC)) == datetime(
        2026, 11, 25, 3, 0, tzinfo=UTC
    )
    # Summer time (UTC+2) on the night clocks go back, 25 October 2026.
    assert last_night(datetime(2026, 10, 25, 12, 0, tzinfo=UTC)) == datetime(
        2026, 10, 25, 3, 0, tzinfo=UTC
    )
    assert last_night(datetime(2026, 7, 1, 2, 30, tzinfo=UTC)) == datetime(
        2026, 7, 1, 2, 0, tzinfo=UTC
    )
    assert backup_due(START, None)
    assert not backup_due(START, datetime(2026, 11, 26, 3, 0, tzinfo=UTC))
    assert backup_due(START, datetime(2026, 11, 26, 2, 59, tzinfo=UTC))


def test_the_worker_backs_up_once_a_night(comptoir: Comptoir, clock: FakeClock) -> None:
    data_dir = comptoir.store.path.parent
    worker = NightlyBackups(comptoir)
    assert worker.run_once()  # Thursday 10:00 in Paris, never backed up: now
    clock.advance(hours=4)
    assert not worker.run_once()  # the same day
    clock.now = datetime(2026, 11, 27, 2, 50, tzinfo=UTC)  # Friday 03:50 in Paris
    assert not worker.run_once()
    clock.advance(minutes=20)  # 04:10
    assert worker.run_once()
    assert not worker.run_once()
    assert [b.taken_at for b in list_backups(data_dir)] == [
        datetime(2026, 11, 27, 3, 10, tzinfo=UTC),
        START,
    ]


def test_the_worker_runs_on_a_thread_of_its_own(comptoir: Comptoir) -> None:
    seen: list[str] = []
    worker = NightlyBackups(comptoir, check_every_s=0.05, first_check_s=0.0)
    original = worker.run_once

    def noting() -> bool:
        seen.append(threading.current_thread().name)
        return original()

    worker.run_once = noting  # type: ignore[method-assign]
    worker.start()
    try:
        deadline = time.monotonic() + 30
        while not list_backups(comptoir.store.path.parent) and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        worker.stop()
    assert len(list_backups(comptoir.store.path.parent)) == 1
    assert set(seen) == {"nightly-backups"}


def test_a_store_too_damaged_to_back_up_is_said(comptoir: Comptoir) -> None:
    from kiosk_app.backups import take_backup
    from kiosk_app.errors import BackupDamaged

    data_dir = comptoir.store.path.parent
    with sqlite_file(comptoir.store.path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    comptoir.close()
    data = bytearray(comptoir.store.path.read_bytes())
    data[0:16] = b"not sqlite here!"
    comptoir.store.path.write_bytes(bytes(data))
    with pytest.raises(BackupDamaged):
        take_backup(data_dir, taken_at=START, kiosk_code="01")
    assert list(backups_dir(data_dir).iterdir()) == []
