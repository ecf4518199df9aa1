"""A kiosk offline for a month while the server pruned its change log: it comes back,
pushes its month, is told `must_refetch`, pulls everything again and converges. Shared
by the sync suite (its time) and tests/sync/test_offline_month.py (that it converges).

Real kiosks (Comptoir stores, the sync engine over HTTP): one that stays offline and
takes its month of orders there, another ("the rest of the network") whose month
reaches the server meanwhile; then the server prunes its log up to its top. The kiosk
converges on what it may read (its own orders and clients: server/ownership.py).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from kiosk_app.comptoir import Comptoir
from kiosk_app.config import resources_dir
from kiosk_app.store.models import Client, Order, OutboxOp
from server.auth import device_for_token
from server.changes import prune
from server.database import Database
from server.models import Change, Record
from server.ownership import Access
from sync.engine import sync_once
from sync.enrolment import enrol

from .sync_data import clone_orders
from .sync_requests import order_request


def _kiosk(folder: Path, url: str, token: str) -> tuple[Comptoir, Any]:
    app = Comptoir.open(folder)
    with (resources_dir() / "demo" / "catalogue.json").open(encoding="utf-8") as f:
        app.catalogue.load(json.load(f))
    return app, enrol(app.store, folder, url, token)  # its series code from the server


def _month(app: Comptoir, orders: int, first_phone: int) -> None:
    """A month's `orders`: one placed through the core, the rest cloned from it in bulk
    (the store suite measures placing them one by one; here they are a backlog)."""
    first = app.orders.place(order_request(app, first_phone))
    if orders > 1:
        clone_orders(app, first.id, orders - 1)


def offline_month(
    url: str,
    db: Database,
    enrol_device: Callable[[str], str],
    workdir: Path,
    *,
    orders_here: int,
    orders_elsewhere: int,
) -> dict[str, Any]:
    here_dir, there_dir = workdir / "offline", workdir / "elsewhere"
    here_token = enrol_device("offline")
    here, here_client = _kiosk(here_dir, url, here_token)
    there, there_client = _kiosk(there_dir, url, enrol_device("elsewhere"))
    try:
        sync_once(here.store, here_client, here_dir)
        # A month passes: orders here stay in the outbox; the network's reach the server.
        _month(here, orders_here, 100)
        _month(there, orders_elsewhere, 200)
        sync_once(there.store, there_client, there_dir)
        with db.write() as session:
            top = session.scalar(select(func.max(Change.seq))) or 0
            prune(session, top)
        started = time.perf_counter()
        report = sync_once(here.store, here_client, here_dir)
        elapsed = time.perf_counter() - started
        with db.read() as session:
            server_orders = set(
                session.scalars(select(Record.entity_id).where(Record.entity == "order"))
            )
            server_clients = set(
                session.scalars(select(Record.entity_id).where(Record.entity == "client"))
            )
            # What this kiosk may read: its own orders and clients (DESIGN.md, "One
            # owner per order"); the rest of the network's stay there.
            caller = device_for_token(session, here_token)
            assert caller is not None
            access = Access(session, server_orders | server_clients)
            readable_orders = {i for i in server_orders if access.may_read(caller.device_id, i)}
            readable_clients = {i for i in server_clients if access.may_read(caller.device_id, i)}
        with here.store.read() as session:
            kiosk_orders = set(session.scalars(select(Order.id)))
            kiosk_clients = set(session.scalars(select(Client.id)))
            pending = session.scalar(select(func.count()).select_from(OutboxOp))
        converged = (
            report.refetched
            and pending == 0
            and kiosk_orders == readable_orders
            and kiosk_clients == readable_clients
            and len(readable_orders) == orders_here
            and len(server_orders) == orders_here + orders_elsewhere
        )
        return {
            "change_log_prune_month_offline_s": round(elapsed, 3),
            "change_log_prune_month_offline_converged": converged,
            "change_log_prune_month_offline_refetched": report.refetched,
            "change_log_prune_month_offline_orders": len(server_orders),
        }
    finally:
        here_client.close()
        there_client.close()
        here.close()
        there.close()
