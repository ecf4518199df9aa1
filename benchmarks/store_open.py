"""Opening a store of 100,000 orders in a fresh process and answering the counter's
first query, beside raw sqlite3 doing the same in the same kind of process.

The store is built once, fast (bulk inserts through the models, not `place()`). The
file then sits in the OS page cache, as it does on a kiosk restarted during the day:
this measures a cold process, not a cold disk."""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import PrintStatus
from kiosk_app.store.database import STORE_FILENAME
from kiosk_app.store.models import Client, Lulu, NumberSeries, Order, OrderEvent, PrintJob
from sync.protocol import Channel, OrderStatus

from .store_data import START, SimulatedClock, demo_catalogue, demo_people

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CHUNK = 5_000
MINUTES_BETWEEN_ORDERS = 10
# The path of an order that went all the way; older orders have gone further.
PATH = (
    OrderStatus.REQUESTED,
    OrderStatus.CONFIRMED,
    OrderStatus.ASSIGNED,
    OrderStatus.DONE,
    OrderStatus.PAID,
)

ADDRESS_KEYS = ("street", "postcode", "city", "building", "floor", "has_lift", "access_notes")


def _client_rows(count: int, rng: random.Random) -> list[dict[str, Any]]:
    people = demo_people()
    rows = []
    for i in range(count):
        name = f"{rng.choice(people['first_names'])} {rng.choice(people['last_names'])}"
        street = rng.choice(people["streets"])
        rows.append(
            {
                "id": uuid.uuid4(),
                "name": name,
                "search_name": name.lower(),
                "phone": f"+336{i:08d}",
                "email": None,
                "lang": "fr",
                "consent_at": START,
                "created_at": START,
                "updated_at": START,
                "erased_at": None,
                "version": 1,
                "street": f"{rng.randint(1, 120)} {street['street']}",
                "postcode": street["postcode"],
                "city": "Paris",
                "building": "",
                "floor": rng.randint(0, 7),
                "has_lift": rng.random() < 0.4,
                "access_notes": rng.choice(people["access_notes_fr"]),
            }
        )
    return rows


def _final_status(age: int, rng: random.Random) -> OrderStatus:
    """How far an order `age` orders old has gone: the newest are still open."""
    if rng.random() < 0.08:
        return OrderStatus.CANCELLED
    if age < 40:
        return PATH[rng.randrange(3)]
    if age < 200:
        return PATH[rng.randrange(2, 5)]
    return OrderStatus.PAID


def steps_to(status: OrderStatus) -> list[tuple[OrderStatus | None, OrderStatus]]:
    """The (from, to) steps of an order's history that ended at `status`."""
    steps = (
        (*PATH[:2], status) if status is OrderStatus.CANCELLED else PATH[: PATH.index(status) + 1]
    )
    return list(zip((None, *steps), steps, strict=False))


def order_row(
    number: str,
    client: dict[str, Any],
    service: Any,
    *,
    status: OrderStatus,
    created: datetime,
    slot: datetime,
    channel: Channel,
    lulu_id: uuid.UUID | None,
    description: str = "",
) -> dict[str, Any]:
    """An order row as the core writes it, for bulk inserts: the service's terms copied,
    its typical duration, the client's address."""
    units = service.typical_units
    return {
        "id": uuid.uuid4(),
        "number": number,
        "client_id": client["id"],
        "service_id": service.id,
        "service_name_fr": service.name_fr,
        "service_name_en": service.name_en,
        "unit_minutes": service.unit_minutes,
        "unit_price_cents": service.unit_price_cents,
        "tax_credit": service.tax_credit,
        "slot_start": slot,
        "slot_end": slot + timedelta(minutes=units * service.unit_minutes),
        "estimated_units": units,
        "actual_units": units if status in PATH[3:] else None,
        "description": description,
        "channel": channel,
        "lulu_id": lulu_id if status in PATH[2:] else None,
        "status": status,
        "cancel_reason": "Empêchement" if status is OrderStatus.CANCELLED else None,
        "lang": "fr",
        "public_token": uuid.uuid4().hex + uuid.uuid4().hex[:11],
        "created_at": created,
        "updated_at": created,
        "version": 1,
        **{key: client[key] for key in ADDRESS_KEYS},
    }


def build_large_store(data_dir: Path, *, orders: int, seed: int = 3) -> None:
    """A store holding `orders` orders with their clients, history and print jobs."""
    rng = random.Random(seed)
    app = Comptoir.open(data_dir, clock=SimulatedClock())
    catalogue = demo_catalogue()
    app.catalogue.load(catalogue)
    services = app.catalogue.all_services()
    descriptions = demo_people()["order_descriptions_fr"]
    clients = _client_rows(max(10, orders // 12), rng)
    lulus = [
        {"id": uuid.uuid4(), "display_name": f"Lulu {i}", "created_at": START} for i in range(30)
    ]
    with app.store.write() as session:
        session.execute(insert(Client), clients)
        session.execute(insert(Lulu), lulus)
        session.execute(insert(NumberSeries).values(name="orders", next_value=orders + 1))
    for first in range(0, orders, CHUNK):
        order_rows: list[dict[str, Any]] = []
        event_rows: list[dict[str, Any]] = []
        print_rows: list[dict[str, Any]] = []
        for i in range(first, min(first + CHUNK, orders)):
            created = START - timedelta(minutes=MINUTES_BETWEEN_ORDERS * (orders - i))
            client, service = rng.choice(clients), rng.choice(services)
            status = _final_status(orders - i, rng)
            row = order_row(
                f"01-{i + 1:04d}",
                client,
                service,
                status=status,
                created=created,
                slot=created + timedelta(hours=rng.randint(2, 240)),
                channel=Channel.COUNTER if rng.random() < 0.6 else Channel.SELF_SERVICE,
                lulu_id=rng.choice(lulus)["id"],
                description=rng.choice(["", *descriptions]),
            )
            order_rows.append(row)
            order_id = row["id"]
            event_rows.extend(
                {
                    "order_id": order_id,
                    "from_status": previous,
                    "to_status": step,
                    "at": created + timedelta(hours=n),
                    "attendant_id": None,
                }
                for n, (previous, step) in enumerate(steps_to(status))
            )
            print_rows.append(
                {
                    "id": uuid.uuid4(),
                    "kind": "order_ticket",
                    "order_id": order_id,
                    "lang": "fr",
                    "status": PrintStatus.PRINTED,
                    "attempts": 1,
                    "created_at": created,
                    "printed_at": created,
                }
            )
        with app.store.write() as session:
            session.execute(insert(Order), order_rows)
            session.execute(insert(OrderEvent), event_rows)
            session.execute(insert(PrintJob), print_rows)
    app.close()


def _child(kind: str, path: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.store_open_child", kind, str(path)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def measure_open(workdir: Path, *, orders: int, runs: int) -> dict[str, Any]:
    data_dir = workdir / "large"
    build_large_store(data_dir, orders=orders)
    ours: list[dict[str, Any]] = []
    raw: list[dict[str, Any]] = []
    for _ in range(runs):  # alternated, so both meet the same moments of the machine
        ours.append(_child("comptoir", data_dir))
        raw.append(_child("sqlite3", data_dir / STORE_FILENAME))
    if any(r["rows"] != min(50, orders) for r in ours + raw):
        raise RuntimeError("a fresh process did not find the newest orders")

    def median(results: list[dict[str, Any]], key: str) -> float:
        return round(float(statistics.median(r[key] for r in results)), 3)

    return {
        "open_100k_ms": median(ours, "open_query_ms"),
        "open_100k_sqlite3_ms": median(raw, "open_query_ms"),
        "open_100k_ratio_vs_sqlite3": round(
            median(ours, "open_query_ms") / median(raw, "open_query_ms"), 2
        ),
        "open_100k_import_ms": median(ours, "import_ms"),
        "open_100k_orders": orders,
        "open_100k_runs": runs,
        "open_100k_db_bytes": (data_dir / STORE_FILENAME).stat().st_size,
    }
