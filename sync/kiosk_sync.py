"""Sync in the running kiosk: the sync worker starts as soon as the kiosk is enrolled —
at the kiosk's start, or the moment the set-up wizard or the settings enrol it, without
waiting for the next start — and never twice. Enrolling again (another server, or a
new token from `kiosk-server replace`) replaces the worker, which kept the old server's
client. Every method may be called from any thread except the GUI thread (enrolling is
network work); once stopped, nothing starts again, so an enrolment that returns while
the kiosk closes leaves no thread behind."""

from __future__ import annotations

import logging
import threading
from functools import partial
from pathlib import Path

from kiosk_app.comptoir import Comptoir

from .enrolment import enrol, is_enrolled, open_client
from .lookup import look_up_and_pull
from .worker import SyncWorker

log = logging.getLogger(__name__)


class KioskSync:
    def __init__(self, comptoir: Comptoir, data_dir: Path) -> None:
        self._comptoir = comptoir
        self._data_dir = data_dir
        self._lock = threading.Lock()
        self._worker: SyncWorker | None = None
        self._stopped = False

    @property
    def worker(self) -> SyncWorker | None:
        with self._lock:
            return self._worker

    def start_if_enrolled(self) -> bool:
        """Start the worker when the kiosk is enrolled and none runs; True when one runs."""
        with self._lock:
            if self._stopped:
                return False
            if self._worker is None and is_enrolled(self._comptoir.store):
                self._worker = self._start_worker()
            return self._worker is not None

    def enrol(self, url: str, token: str) -> None:
        """Join the central server (the wizard's or the settings' "Finish"/"Save"), then
        sync at once. A refusal rises to the caller, and a running worker is left as it
        was (the store keeps the previous server too)."""
        store = self._comptoir.store
        enrol(store, self._data_dir, url, token).close()
        with self._lock:
            if self._stopped:
                return
            previous, self._worker = self._worker, None
            if previous is not None:  # its client speaks to the previous server
                previous.stop()
            self._worker = self._start_worker()
        log.info("enrolled: sync started")

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            worker, self._worker = self._worker, None
        if worker is not None:
            worker.stop()

    def _start_worker(self) -> SyncWorker:
        store, data_dir = self._comptoir.store, self._data_dir
        # "Follow my order" finds another kiosk's order through the server.
        self._comptoir.orders.remote_lookup = partial(look_up_and_pull, store, data_dir)
        worker = SyncWorker(store, data_dir, lambda: open_client(store, data_dir))
        worker.start()
        return worker
