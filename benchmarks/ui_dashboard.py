"""The month at a glance over a busy month: 10,000 orders (32 times the pilot's), with
their history, payments, ratings and kiosk visits in the pilot's proportions.

Figures:
- dashboard_ms: the median, over several runs, from asking the counter's month page for
  the month to the page painted with its figures and its chart (the figures computed
  on the page's worker, as at the counter); dashboard_max_ms: the slowest run.
- dashboard_sql_baseline_ms: the same figures read with raw sqlite3 (the queries alone,
  no page), median of as many runs in the same process.
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import tempfile
import time
import uuid
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from kiosk_app.clock import PARIS
from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import OnboardingStage, PaymentKind
from kiosk_app.store.database import STORE_FILENAME
from kiosk_app.store.models import (
    Client,
    KioskVisit,
    Lulu,
    LuluFile,
    NumberSeries,
    Order,
    OrderEvent,
    Payment,
    Rating,
)
from sync.protocol import Channel, OrderStatus, PaymentMethod

from .measure import note, scaled
from .store_data import START, SimulatedClock, demo_catalogue
from .store_open import PATH, order_row, steps_to

MONTH = date(2026, 11, 1)
DAYS = 30
# The pilot's proportions (seed article): 311 orders, 225 done, 3,600 visits.
VISITS_PER_ORDER = 3600 / 311
_STATUS_WEIGHTS = (5, 5, 8, 12, 60, 10)  # requested … paid, then cancelled


def _moment(rng: random.Random) -> datetime:
    """A time of the month's kiosk hours (9:00 to 19:00 in Paris), in UTC."""
    day = MONTH + timedelta(days=rng.randrange(DAYS))
    local = datetime(day.year, day.month, day.day, 9, tzinfo=PARIS)
    return (local + timedelta(minutes=rng.randrange(600))).astimezone(UTC)


def build_month_store(data_dir: Path, *, orders: int, seed: int = 11) -> None:
    """A store whose November holds `orders` orders, bulk-inserted through the models."""
    rng = random.Random(seed)
    app = Comptoir.open(data_dir, clock=SimulatedClock())
    app.catalogue.load(demo_catalogue())
    services = app.catalogue.all_services()
    clients = [
        {
            "id": uuid.uuid4(),
            "name": f"Client {i}",
            "search_name": f"client {i}",
            "phone": f"+336{i:08d}",
            "lang": "fr",
            "consent_at": START,
            "created_at": START,
            "updated_at": START,
            "version": 1,
            "street": "1 rue Saint-Paul",
            "postcode": "75004",
            "city": "Paris",
            "building": "",
            "floor": 2,
            "has_lift": False,
            "access_notes": "",
        }
        for i in range(max(10, orders // 12))
    ]
    stages = [OnboardingStage.ONBOARDED] * 17 + [OnboardingStage.FILE_IN_PROGRESS] * 15
    lulus = [{"id": uuid.uuid4(), "display_name": f"Lulu {i}", "created_at": START} for i in stages]
    files = [
        {"lulu_id": lulu["id"], "stage": stage, "stage_changed_at": START}
        for lulu, stage in zip(lulus, stages, strict=True)
    ]
    order_rows: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    payments: list[dict[str, Any]] = []
    ratings: list[dict[str, Any]] = []
    statuses = (*PATH, OrderStatus.CANCELLED)
    for i in range(orders):
        created = _moment(rng)
        service, client = rng.choice(services), rng.choice(clients)
        status = rng.choices(statuses, _STATUS_WEIGHTS)[0]
        units = service.typical_units
        row = order_row(
            f"01-{i + 1:05d}",
            client,
            service,
            status=status,
            created=created,
            slot=created + timedelta(days=1),
            channel=rng.choice(list(Channel)),
            lulu_id=rng.choice(lulus)["id"],
        )
        order_rows.append(row)
        order_id = row["id"]
        events.extend(
            {
                "order_id": order_id,
                "from_status": previous,
                "to_status": step,
                "at": created + timedelta(hours=4 * n),
            }
            for n, (previous, step) in enumerate(steps_to(status))
        )
        if status is OrderStatus.PAID:
            payments.append(
                {
                    "id": uuid.uuid4(),
                    "order_id": order_id,
                    "kind": PaymentKind.PAYMENT,
                    "method": rng.choice(list(PaymentMethod)),
                    "amount_cents": units * service.unit_price_cents,
                    "at": created + timedelta(hours=16),
                }
            )
        if status in PATH[3:] and rng.random() < 0.6:
            stars = rng.choices([5, 4, 3, 2, 1], [58, 28, 9, 3, 2])[0]
            ratings.append(
                {
                    "id": uuid.uuid4(),
                    "order_id": order_id,
                    "stars": stars,
                    "at": created + timedelta(hours=20),
                }
            )
    visits = [
        {"id": uuid.uuid4(), "started_at": _moment(rng), "lang": "fr"}
        for _ in range(round(orders * VISITS_PER_ORDER))
    ]
    with app.store.write() as session:
        session.execute(insert(Client), clients)
        session.execute(insert(Lulu), lulus)
        session.execute(insert(LuluFile), files)
        session.execute(insert(NumberSeries).values(name="orders", next_value=orders + 1))
        session.execute(insert(Order), order_rows)
        session.execute(insert(OrderEvent), events)
        session.execute(insert(Payment), payments)
        session.execute(insert(Rating), ratings)
        session.execute(insert(KioskVisit), visits)
    app.close()


# --- raw sqlite3: the same figures, the queries alone --------------------------------


def _stored(moment: datetime) -> str:
    """A UTC instant as the store writes it (naive UTC, SQLAlchemy's SQLite format)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def sql_figures(db: sqlite3.Connection, start: date, end: date) -> dict[str, Any]:
    since = _stored(datetime(start.year, start.month, start.day, tzinfo=PARIS))
    after = end + timedelta(days=1)
    until = _stored(datetime(after.year, after.month, after.day, tzinfo=PARIS))
    period = (since, until)
    one = db.execute
    figures: dict[str, Any] = {
        "done": one(
            "SELECT count(DISTINCT order_id) FROM order_events"
            " WHERE to_status = 'done' AND at >= ? AND at < ?",
            period,
        ).fetchone()[0],
        "stages": one("SELECT stage, count(*) FROM lulu_files GROUP BY stage").fetchall(),
        "visits": one(
            "SELECT count(*) FROM kiosk_visits WHERE started_at >= ? AND started_at < ?", period
        ).fetchone()[0],
        "revenue": one(
            "SELECT coalesce(sum(CASE WHEN kind = 'refund' THEN -amount_cents"
            " ELSE amount_cents END), 0) FROM payments WHERE at >= ? AND at < ?",
            period,
        ).fetchone()[0],
        "rating": one(
            "SELECT avg(stars), count(*) FROM ratings WHERE at >= ? AND at < ?", period
        ).fetchone(),
    }
    # As the core reads them: one pass counting by status, channel and UTC hour.
    rows = one(
        "SELECT status, channel, substr(created_at, 1, 13), count(*) FROM orders"
        " WHERE created_at >= ? AND created_at < ? GROUP BY 1, 2, 3",
        period,
    ).fetchall()
    by_status: Counter[str] = Counter()
    by_channel: Counter[str] = Counter()
    per_day: Counter[date] = Counter()
    for status, channel, hour, count in rows:
        by_status[status] += count
        by_channel[channel] += count
        utc = datetime.strptime(hour, "%Y-%m-%d %H").replace(tzinfo=UTC)
        per_day[utc.astimezone(PARIS).date()] += count
    figures["orders"] = sum(by_status.values())
    figures["by_status"], figures["by_channel"] = by_status, by_channel
    figures["per_day"] = per_day
    figures["top"] = one(
        "SELECT service_name_fr, service_name_en, count(*) AS n FROM orders"
        " WHERE created_at >= ? AND created_at < ?"
        " GROUP BY service_name_fr, service_name_en ORDER BY n DESC, service_name_fr LIMIT 5",
        period,
    ).fetchall()
    return figures


# --- the page --------------------------------------------------------------------------


def _time_page(data_dir: Path, runs: int) -> tuple[list[int], int]:
    """Each run: a fresh page asked for the month, timed until it has painted the
    figures and the chart. Returns the samples (ns) and the month's order count shown."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.app import application
    from ui.attendant.month import MonthPage
    from ui.context import KioskContext
    from ui.i18n import Language
    from ui.tasks import Tasks

    application()
    language = Language()
    language.set("fr")
    comptoir = Comptoir.open(data_dir)
    tasks = Tasks()
    context = KioskContext(comptoir, language, tasks)
    samples: list[int] = []
    shown = 0
    try:
        for _ in range(runs):
            page = MonthPage(context)
            page.resize(1600, 1000)
            page.show()
            QApplication.processEvents()
            started = time.perf_counter_ns()
            page.show_month(MONTH)
            while page.stats is None or page.stats.start != MONTH:
                tasks.settle()
            page.repaint()  # figures, top services and the chart, painted now
            samples.append(time.perf_counter_ns() - started)
            shown = page.stats.orders
            page.close()
            page.deleteLater()
            QApplication.processEvents()
    finally:
        comptoir.close()
    return samples, shown


def _time_sql(db_path: Path, runs: int) -> list[int]:
    samples = []
    last = MONTH + timedelta(days=DAYS - 1)
    with sqlite3.connect(db_path) as db:
        for _ in range(runs):
            started = time.perf_counter_ns()
            sql_figures(db, MONTH, last)
            samples.append(time.perf_counter_ns() - started)
    db.close()
    return samples


def measure_dashboard(scale: float) -> dict[str, float]:
    orders = scaled(10_000, scale, minimum=100)
    runs = scaled(9, scale, minimum=3)
    with tempfile.TemporaryDirectory(prefix="comptoir-bench-month-") as tmp:
        data_dir = Path(tmp) / "kiosk"
        note(f"a month of {orders:,} orders for the dashboard")
        build_month_store(data_dir, orders=orders)
        note(f"the month page, {runs} times, beside the same figures in raw sqlite3")
        page, shown = _time_page(data_dir, runs)
        sql = _time_sql(data_dir / STORE_FILENAME, runs)
    if shown != orders:
        raise RuntimeError(f"the page showed {shown} orders, the month holds {orders}")
    return {
        "dashboard_ms": round(statistics.median(page) / 1e6, 2),
        "dashboard_max_ms": round(max(page) / 1e6, 2),
        "dashboard_sql_baseline_ms": round(statistics.median(sql) / 1e6, 2),
        "dashboard_orders": orders,
        "dashboard_runs": runs,
    }
