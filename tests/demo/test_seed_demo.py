"""The demo month: the pilot's figures, read back through `kiosk stats --json` as a
support person would, and the same data for the same day."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kiosk_app.comptoir import Comptoir
from kiosk_app.demo.seed import seed_demo
from kiosk_app.errors import NotNow
from sync.protocol import OrderStatus

# The demo month and `kiosk stats` around a day: run again with the date moved.
pytestmark = pytest.mark.dates

AS_OF = date(2026, 11, 26)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("demo")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kiosk_app",
            "seed-demo",
            "--data-dir",
            str(data_dir),
            "--as-of",
            AS_OF.isoformat(),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "311 orders" in result.stdout
    return data_dir


def test_stats_json_gives_the_pilots_first_month(demo_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk_app", "stats", "--data-dir", str(demo_dir), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    stats = json.loads(result.stdout)
    assert stats["orders"] == 311
    assert stats["services_done"] == 225
    assert stats["lulus_onboarded"] == 17
    assert stats["lulus_in_progress"] == 15
    assert stats["kiosk_visits"] == 3600
    assert stats["end"] == AS_OF.isoformat()
    assert len(stats["orders_per_day"]) == 30
    assert sum(stats["orders_per_day"].values()) == 311
    assert stats["revenue_cents"] > 0
    assert 1 <= stats["average_rating"] <= 5
    assert all(stats["orders_by_status"][s.value] > 0 for s in OrderStatus)
    assert set(stats["orders_by_channel"]) == {"counter", "self_service", "web"}


def test_demo_orders_are_consistent(demo_dir: Path) -> None:
    app = Comptoir.open(demo_dir)
    try:
        orders = app.orders.list(limit=1000)
        assert len(orders) == 311
        numbers = sorted(o.number for o in orders)
        assert numbers == [f"01-{n:04d}" for n in range(1, 312)]
        for order in orders:
            steps = [step.status for step in app.orders.timeline(order.id)]
            assert steps[0] is OrderStatus.REQUESTED and steps[-1] is order.status
            if order.status in (OrderStatus.ASSIGNED, OrderStatus.DONE, OrderStatus.PAID):
                assert order.lulu_id is not None
            if order.status is OrderStatus.PAID:
                assert app.payments.balance_due(order.id) == 0
            if order.status is OrderStatus.CANCELLED:
                assert order.cancel_reason
            assert order.slot_start < order.slot_end
        paid = app.orders.list(statuses=frozenset({OrderStatus.PAID}), limit=1000)
        invoices = sorted(app.invoices.for_order(o.id)[0].number for o in paid)
        assert invoices == [f"F01-2026-{n:05d}" for n in range(1, len(paid) + 1)]
        names = {a.name for a in app.attendants.list()}
        assert names == {"Camille", "Karim"}
        # Pending orders are ahead of the demo day: the counter's queue is alive.
        pending = app.orders.list(statuses=frozenset({OrderStatus.REQUESTED}))
        assert pending and all(o.slot_start.date() > AS_OF for o in pending)
    finally:
        app.close()


def _dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as conn:
        tables = [
            name
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            if not name.startswith(("services_fts", "sqlite_"))
        ]
        dump = {}
        for table in tables:
            columns = [c[1] for c in conn.execute(f"PRAGMA table_info({table})")]
            # Attendants and invoices are made through the services (random ids; argon2
            # salts PINs at random by design): everything else must match.
            skipped = {"pin_hash", "id"} if table in ("attendants", "invoices") else set()
            kept = [c for c in columns if c not in skipped]
            if table == "audit_log":  # attendants by name, not by their random ids
                kept = [
                    "(SELECT name FROM attendants WHERE id = attendant_id)"
                    if c == "attendant_id"
                    else "COALESCE((SELECT name FROM attendants"
                    " WHERE id = replace(entity_id, '-', '')), entity_id)"
                    if c == "entity_id"
                    else c
                    for c in kept
                ]
            dump[table] = sorted(conn.execute(f"SELECT {', '.join(kept)} FROM {table}"))
    return dump


def test_same_day_same_data(tmp_path: Path, demo_dir: Path) -> None:
    seed_demo(tmp_path / "again", as_of=AS_OF)
    assert _dump(tmp_path / "again" / "comptoir.sqlite3") == _dump(demo_dir / "comptoir.sqlite3")


def test_refuses_a_folder_that_already_holds_orders(demo_dir: Path) -> None:
    with pytest.raises(NotNow) as refused:
        seed_demo(demo_dir, as_of=AS_OF)
    assert refused.value.key == "demo.folder_has_data"
