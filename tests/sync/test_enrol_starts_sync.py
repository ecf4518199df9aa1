"""Enrolling from the set-up wizard starts sync at once, in the kiosk as `kiosk` starts
it (kiosk_app.__main__.run_kiosk, the real composition root, in this process): a fresh
data folder, a live central server on loopback, the wizard walked through its widgets
up to "Finish" with the server's address and token; then an order taken at the kiosk
reaches the server without a restart, and the window's close stops the sync worker
(no thread left)."""

from __future__ import annotations

import argparse
import signal
import threading
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sync_harness import LiveServer, order_request, server_rows

from kiosk_app.__main__ import run_kiosk
from kiosk_app.comptoir import Comptoir
from sync.kiosk_sync import KioskSync
from tests.ui.setup_walk import FRENCH, walk_wizard
from tests.ui.support import Resident, TapClock
from ui.app import HideCursorOnTouch, NoContextMenus
from ui.widgets.taps import TAPS
from ui.window import KioskWindow

SYNC_THREADS = ("comptoir-sync", "sync-start")


def sync_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name in SYNC_THREADS]


def kiosk_windows() -> list[KioskWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, KioskWindow)]


def test_the_wizard_s_enrolment_syncs_without_a_restart(
    central: LiveServer, qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    data_dir = tmp_path / "kiosk"  # nothing there yet: a new kiosk
    token = central.enrol("rosiers", datetime.now(UTC))
    seen: dict[str, object] = {}

    def drive() -> None:
        """Runs inside the kiosk's event loop, as a person at the screen would."""
        try:
            window = next(w for w in kiosk_windows() if w.isVisible())
            qtbot.waitUntil(lambda: window.setup is not None, timeout=20_000)
            assert sync_threads() == []  # not enrolled: no sync yet
            kiosk = Resident(window, qtbot)
            walk_wizard(kiosk, FRENCH, server=(central.url, token))
            assert window.setup is None  # finished: the residents' welcome screen
            comptoir = window.context.comptoir
            assert comptoir.settings.get().kiosk_code == "01"
            # Sync runs now, without a restart: one worker, which pulls the catalogue.
            qtbot.waitUntil(lambda: sync_threads() == ["comptoir-sync"], timeout=10_000)
            qtbot.waitUntil(lambda: bool(comptoir.catalogue.all_services()), timeout=20_000)
            qtbot.waitUntil(window.welcome.tiles["order"].isEnabled, timeout=10_000)
            order = comptoir.orders.place(order_request(comptoir, datetime.now(UTC)))
            assert order.number == "01-0001"
            qtbot.waitUntil(
                lambda: str(order.id) in server_rows(central.db, "order"), timeout=20_000
            )
            seen["order"] = server_rows(central.db, "order")[str(order.id)]
            assert sync_threads() == ["comptoir-sync"]  # never two workers
            seen["driven"] = True
        finally:
            for window in kiosk_windows():
                window.allow_quit()  # what a manager's "Quit the kiosk" does
                window.close()
            # The close ends the event loop when it is the last window (a manager's quit,
            # in a process of its own: tests/ui/test_supervision.py); here, other tests'
            # widgets may linger in this process, so end the loop as that close would.
            QTimer.singleShot(0, lambda: qapp.exit(0 if seen.get("driven") else 9))

    handlers = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT)}
    TAPS.use_clock(TapClock())
    QTimer.singleShot(0, drive)
    try:
        status = run_kiosk(argparse.Namespace(data_dir=data_dir, demo=False, windowed=True))
    finally:
        TAPS.use_clock(None)
        signal.set_wakeup_fd(-1)
        for number, handler in handlers.items():
            signal.signal(number, handler)
        for window in kiosk_windows():
            window.deleteLater()
        for child in qapp.findChildren(QObject):
            if isinstance(child, NoContextMenus | HideCursorOnTouch):
                qapp.removeEventFilter(child)
                child.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qapp.setStyleSheet("")
        QLocale.setDefault(QLocale.c())
    assert seen.get("driven"), "the kiosk was not driven to the end"
    assert status == 0
    assert seen["order"]["number"] == "01-0001"  # type: ignore[index]
    # The window's close stopped the worker: no sync thread left behind.
    assert sync_threads() == []


def test_never_two_workers_and_none_once_stopped(comptoir: Comptoir, central: LiveServer) -> None:
    data_dir = comptoir.store.path.parent
    sync = KioskSync(comptoir, data_dir)
    try:
        assert not sync.start_if_enrolled()  # not enrolled: nothing starts
        assert sync_threads() == []
        sync.enrol(central.url, central.enrol("rosiers", datetime.now(UTC)))
        first = sync.worker
        assert first is not None and sync_threads() == ["comptoir-sync"]
        assert sync.start_if_enrolled() and sync.worker is first  # the same one
        # Enrolled again (a new token): the worker is replaced, not doubled.
        sync.enrol(central.url, central.enrol("rosiers-bis", datetime.now(UTC)))
        assert sync.worker is not first and sync_threads() == ["comptoir-sync"]
    finally:
        sync.stop()
    assert sync.worker is None and sync_threads() == []
    # An enrolment that returns once the kiosk is closing starts nothing.
    sync.enrol(central.url, central.enrol("rosiers-ter", datetime.now(UTC)))
    assert not sync.start_if_enrolled()
    assert sync.worker is None and sync_threads() == []
