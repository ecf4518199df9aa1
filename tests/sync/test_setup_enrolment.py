"""The set-up wizard's last step joins the central server for real (HTTP on loopback,
SQLite and PostgreSQL): a wrong token is refused under the form in the person's
language and nothing is kept; the right one enrols the kiosk and finishes the set-up."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sync_harness import LiveServer

from kiosk_app.comptoir import Comptoir
from kiosk_app.store.models import Setting
from sync.enrolment import enrol, is_enrolled
from tests.ui.setup_walk import replace_text
from tests.ui.support import Resident, TapClock
from ui.app import build_window
from ui.widgets.taps import TAPS


def test_the_wizard_enrols_the_kiosk(
    comptoir: Comptoir, central: LiveServer, qapp: QApplication, qtbot: QtBot
) -> None:
    data_dir: Path = comptoir.store.path.parent
    with comptoir.store.write() as session:  # a new data folder has no series code yet
        session.query(Setting).filter(Setting.key == "kiosk_code").delete()
    assert comptoir.settings.get().kiosk_code == ""
    window = build_window(comptoir, app=qapp)
    window.context.enrol = lambda url, token: enrol(comptoir.store, data_dir, url, token).close()
    # The double-tap guard reads a person's pace (a second between two taps), as in
    # tests/ui/conftest.py: Qt's own clock would take quick test taps for bounces.
    TAPS.use_clock(TapClock())
    try:
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        window.start_setup()  # as for a new data folder
        kiosk = Resident(window, qtbot)
        wizard = window.setup
        assert wizard is not None
        wizard.index = len(wizard.steps) - 1  # the server's step
        wizard._show()
        server = wizard.server
        # The step says what "later" means: no order until the kiosk is enrolled.
        assert server.later_help.text().startswith(
            "Tant qu’il n’est pas inscrit, ce kiosque ne prend aucune commande"
        )
        kiosk.fill(server.url.editor, central.url)
        kiosk.fill(server.token.editor, "not-a-token")
        kiosk.tap_named("Terminer")
        assert server.error.text().startswith("Ce kiosque n'est plus autorisé")
        assert not is_enrolled(comptoir.store)
        assert wizard.step_name == "server" and wizard.next.isEnabled()
        token = central.enrol("rosiers", datetime.now(UTC))
        replace_text(kiosk, server.token.editor, token)  # capitals and "_" on the keyboard
        kiosk.tap_named("Terminer")
        assert is_enrolled(comptoir.store)
        assert comptoir.settings.get().server_url == central.url
        # Enrolling is what gives the kiosk its series code (the server's first one).
        assert comptoir.settings.get().kiosk_code == "01"
        # No manager yet (that step was skipped here): the set-up is not finished.
        assert window.setup is wizard
        assert "Créez d’abord le premier responsable" in wizard.error.text()
    finally:
        TAPS.use_clock(None)
        window.allow_quit()
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qapp.setStyleSheet("")
        QLocale.setDefault(QLocale.c())
