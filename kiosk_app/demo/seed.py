"""A month of demo activity at the Saint-Paul kiosk (Paris 4e), shaped like the pilot's
first month in the seed article: 311 orders, 225 services done, 17 Lulus fully onboarded
and 15 in progress, 3,600 kiosk visits.

Deterministic: the same `as_of` day gives the same store, row for row. The month is the
30 days ending on `as_of`; orders still to do have slots in the days after it, so the
counter's queue looks alive on the day the demo runs. The month waits in the outbox as
on a kiosk that worked offline: its first sync sends it to the central server.

This module writes the store; the month is drawn by its parts, in a fixed order:
month.py (the figures, the one generator), people.py, activity.py, outbox.py.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

from sqlalchemy import func, insert, select

from sync.protocol import OrderStatus

from ..clock import PARIS
from ..config import resources_dir
from ..domain.kinds import Role
from ..errors import NotNow, StoreUnavailable
from ..services.catalogue import load_catalogue
from ..services.invoices import issue_invoice
from ..services.numbers import ORDER_SERIES, assign_kiosk_code
from ..store.database import STORE_FILENAME, Store, sidecars
from ..store.models import (
    Category,
    Client,
    KioskVisit,
    Lulu,
    LuluApplication,
    LuluFile,
    LuluSkill,
    NumberSeries,
    Order,
    OrderEvent,
    OutboxOp,
    Payment,
    Rating,
    Service,
    Setting,
)
from ..store.refusals import refusal_for
from ..views.settings import DEMO_SETTINGS
from .activity import add_orders, add_visits
from .month import CLOSING, DEMO_KIOSK_CODE, ORDERS, SEED, DemoMonth
from .outbox import pending_ops
from .people import add_applications, add_clients, add_lulus

# Documented in the README: demo logins for the counter.
DEMO_ATTENDANTS = (("Camille", Role.ATTENDANT, "1234"), ("Karim", Role.MANAGER, "2468"))


@dataclass(frozen=True)
class SeedSummary:
    orders: int
    clients: int
    lulus: int
    visits: int

    def __str__(self) -> str:
        return (
            f"{self.orders} orders, {self.clients} clients, {self.lulus} Lulus, "
            f"{self.visits} kiosk visits"
        )


def seed_demo(data_dir: Path, *, as_of: date) -> SeedSummary:
    """Fill a new data folder with the demo month ending on `as_of`. Refuses a folder
    that already holds orders: demo data never mixes with real data. A store this call
    created and could not finish (a full disk) is removed: nothing half-written."""
    store_path = data_dir / STORE_FILENAME
    created = not store_path.exists()
    try:
        return _seed(data_dir, as_of)
    except NotNow:
        raise
    except Exception as error:
        if created:
            for leftover in (store_path, *sidecars(store_path)):
                leftover.unlink(missing_ok=True)
        refusal = error if isinstance(error, StoreUnavailable) else refusal_for(error, data_dir)
        if refusal is None:
            raise
        raise refusal from error


def _seed(data_dir: Path, as_of: date) -> SeedSummary:
    from ..services.attendants import AttendantService

    store = Store.open(data_dir)
    try:
        with store.read() as session:
            if session.scalar(select(func.count()).select_from(Order)):
                raise NotNow("demo.folder_has_data", path=str(data_dir))
        resources = resources_dir() / "demo"
        catalogue = json.loads((resources / "catalogue.json").read_text(encoding="utf-8"))
        people = json.loads((resources / "people.json").read_text(encoding="utf-8"))
        with store.write() as session:
            load_catalogue(session, catalogue)
            assign_kiosk_code(session, DEMO_KIOSK_CODE)
            for key, value in {"kiosk_name": "Saint-Paul", **DEMO_SETTINGS}.items():
                session.add(Setting(key=key, value=value))
        with store.read() as session:
            services = sorted(session.scalars(select(Service)).all(), key=lambda s: s.code)
            categories = dict(session.execute(select(Category.id, Category.code)).all())
        now = datetime.combine(as_of, time(CLOSING, 0), PARIS).astimezone(UTC)
        demo = DemoMonth(random.Random(SEED), as_of, now, services, categories, people)
        used_phones: set[str] = set()
        lulus = add_lulus(demo, used_phones)
        add_applications(demo, used_phones)
        clients = add_clients(demo, used_phones)
        add_orders(demo, clients, lulus)
        add_visits(demo)
        with store.write() as session:
            for model in (
                Lulu,
                LuluSkill,
                LuluFile,
                LuluApplication,
                Client,
                Order,
                OrderEvent,
                Payment,
                Rating,
                KioskVisit,
            ):
                rows = demo.rows.get(model, [])
                if rows:
                    session.execute(insert(model), rows)
            session.execute(insert(NumberSeries).values(name=ORDER_SERIES, next_value=ORDERS + 1))
        # The month waits in the outbox, as on a kiosk that worked offline: the first
        # sync sends it to the central server (`kiosk --demo` starts one on loopback).
        with store.write() as session:
            session.execute(insert(OutboxOp), pending_ops(demo))
        # Each paid order has its invoice, numbered in the order they were paid, as the
        # counter would have issued them (gapless, chronological).
        paid_at = {
            row["order_id"]: row["at"]
            for row in demo.rows[OrderEvent]
            if row["to_status"] is OrderStatus.PAID
        }
        with store.write() as session:
            paid = session.scalars(select(Order).where(Order.status == OrderStatus.PAID)).all()
            for order in sorted(paid, key=lambda o: (paid_at[o.id], o.number)):
                issue_invoice(session, order, now=paid_at[order.id])
        attendants = AttendantService(store, clock=lambda: now)
        for name, role, pin in DEMO_ATTENDANTS:
            attendants.add(name, role, pin)
        return SeedSummary(
            orders=len(demo.rows[Order]),
            clients=len(clients),
            lulus=len(demo.rows[Lulu]),
            visits=len(demo.rows[KioskVisit]),
        )
    finally:
        store.close()
