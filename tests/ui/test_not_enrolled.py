"""A kiosk the central server has not given its code yet takes no order: the welcome
screen's order tile is off, with one sentence saying why, until it is enrolled."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from sqlalchemy import delete

from kiosk_app.comptoir import Comptoir
from kiosk_app.services.numbers import assign_kiosk_code
from kiosk_app.store.models import Setting

from .conftest import MakeKiosk


def test_the_order_tile_waits_for_the_kiosks_code(
    comptoir: Comptoir, make_kiosk: MakeKiosk
) -> None:
    with comptoir.store.write() as session:  # a data folder never enrolled
        session.execute(delete(Setting).where(Setting.key == "kiosk_code"))
    resident = make_kiosk()
    welcome = resident.window.welcome
    assert not welcome.tiles["order"].isEnabled()
    assert welcome.closed_note.isVisible()
    resident.window.set_language("fr")
    QApplication.processEvents()  # the LanguageChange events Qt posts
    assert welcome.closed_note.text().startswith(
        "Ce kiosque n’est pas encore inscrit auprès du serveur central"
    )
    resident.window.set_language("en")
    QApplication.processEvents()
    assert welcome.closed_note.text().startswith(
        "This kiosk is not enrolled with the central server yet: "
    )
    assert all(welcome.tiles[name].isEnabled() for name in ("follow", "rate", "lulu"))

    with comptoir.store.write() as session:  # `kiosk enrol` from the command line
        assign_kiosk_code(session, "04")
    resident.window.end_session()
    resident.window.tasks.settle()
    assert welcome.tiles["order"].isEnabled() and not welcome.closed_note.isVisible()
    resident.tap(welcome.tiles["order"])
    assert resident.window.current_screen is resident.window.catalogue
