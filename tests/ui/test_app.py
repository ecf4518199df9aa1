"""The kiosk as a process: `kiosk --windowed` shows the welcome screen, then opens the
store; SIGTERM quits it cleanly. And the ticket's printing state on the confirmation."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

from kiosk_app.comptoir import Comptoir

from .support import Resident
from .tour_data import done_order

PROBE = """
import json, sys
from PySide6.QtCore import QTimer
from ui.app import application
import kiosk_app.__main__ as kiosk

app = application()
seen = {}

def check():
    window = next(w for w in app.topLevelWidgets() if type(w).__name__ == "KioskWindow")
    seen["ready"] = window.ready
    seen["full_screen"] = window.isFullScreen()
    seen["texts"] = window.welcome.tiles["order"].text()
    seen["association"] = window.welcome.logo.text()
    print(json.dumps(seen), flush=True)

QTimer.singleShot(1500, check)
sys.exit(kiosk.main(sys.argv[1:]))
"""


def test_sigterm_quits_the_kiosk_cleanly(comptoir: Comptoir) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    folder = str(comptoir.store.path.parent)
    process = subprocess.Popen(
        [sys.executable, "-c", PROBE, "--data-dir", folder],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    seen = json.loads(line)
    assert seen["ready"] is True and seen["full_screen"] is True
    assert seen["texts"] == "Commander un service"
    assert seen["association"] == "Lulu dans ma rue"
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=20) == 0, process.stderr.read() if process.stderr else ""


def test_the_ticket_state_follows_the_print_worker(kiosk: Resident, comptoir: Comptoir) -> None:
    order = done_order(comptoir)
    confirmation = kiosk.window.confirmation
    kiosk.window._placed(order)
    assert confirmation.ticket.text() == "Votre ticket s’imprime sous l’écran."
    job = comptoir.print_jobs.for_order(order.id)[0]
    comptoir.print_jobs.record_fault(job.id, "printer.paper_out", attempted=False)
    kiosk.qtbot.waitUntil(lambda: "L’imprimante ne fonctionne pas" in confirmation.ticket.text())
    assert "Votre commande est bien enregistrée." in confirmation.ticket.text()
    comptoir.print_jobs.mark_printed(job.id)
    kiosk.qtbot.waitUntil(
        lambda: confirmation.ticket.text() == "Votre ticket est imprimé : prenez-le sous l’écran."
    )


def test_the_welcome_screen_starts_without_the_core_s_libraries() -> None:
    """The window paints before the store opens (ui.app.run): what it imports on the way
    must not bring the core's heavy libraries, which would delay the first paint (the
    help panel importing the validation module once cost ~100 ms: pydantic, the sync
    protocol)."""
    probe = (
        "import sys, json\n"
        "import ui.app, ui.window\n"
        "heavy = ('pydantic', 'sqlalchemy', 'sync.protocol', 'kiosk_app.comptoir')\n"
        "print(json.dumps([m for m in heavy if m in sys.modules]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert json.loads(done.stdout.splitlines()[-1]) == []
