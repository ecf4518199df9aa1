"""'Follow my order' at a kiosk that does not hold the order (DESIGN.md, "One owner per
order"): the central server is asked with the order's number and the phone, and the
kiosk pulls what it answers, so that the resident's order is then found here."""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk_app.store.database import Store

from .client import SyncError
from .engine import sync_once
from .enrolment import open_client

log = logging.getLogger(__name__)


def look_up_and_pull(store: Store, data_dir: Path, number: str | None, phone: str) -> None:
    """Ask the server for the order `number` placed with `phone` (E.164), or with no
    number for the orders under way and recent under that phone, then sync.
    Offline or refused: nothing more is found, the kiosk carries on (logged, without
    the number or the phone)."""
    try:
        client = open_client(store, data_dir)
        try:
            client.lookup(phone, number)
            sync_once(store, client, data_dir)
        finally:
            client.close()
    except SyncError as error:  # offline, refused, or another sync running
        log.info("a resident's look-up at the central server failed: %s", type(error).__name__)
