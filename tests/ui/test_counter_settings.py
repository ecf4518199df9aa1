"""The counter's Settings section: for managers only (the button is not there for an
attendant, and the core refuses them anyway); a manager changes the wizard's settings
with the wizard's own forms (a refusal beside its field, each change audited as theirs);
"Quit the kiosk" with the manager's PIN is the only way out, close events do nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from sqlalchemy import select

from kiosk_app.comptoir import Comptoir
from kiosk_app.errors import ManagersOnly
from kiosk_app.store.models import AuditEntry
from ui.settings.section import SavedForm

from .conftest import MakeKiosk
from .counter_support import log_in
from .fit_check import problems
from .setup_walk import replace_text
from .support import Resident


def test_an_attendant_has_no_settings(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    log_in(kiosk, "Camille", "1234")
    counter = kiosk.window.counter
    assert not counter.nav["settings"].isVisible()
    assert "Réglages" not in kiosk.screen_text()
    counter.show_section("settings")  # even asked directly, the queue is shown instead
    assert counter.pages.currentWidget() is counter.sections["queue"]
    camille = next(a for a in comptoir.attendants.list() if a.name == "Camille")
    with pytest.raises(ManagersOnly):
        comptoir.settings.change({"kiosk_name": "Marais"}, source="counter", by=camille.id)


def test_a_manager_changes_a_setting_audited_as_theirs(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    log_in(kiosk, "Karim", "2468")
    kiosk.tap_named("Réglages")
    page = kiosk.window.counter.settings
    assert "Ce kiosque" in kiosk.screen_text()
    siret = page.association.fields["association_siret"]
    replace_text(kiosk, siret.editor, "12345678901234")
    kiosk.tap(page.page_of["association"].save)
    assert siret.message.text().startswith("Ce SIRET ne passe pas le contrôle")
    assert comptoir.settings.get().association_siret == "00000000000018"
    kiosk.tap_named("Ce kiosque")
    replace_text(kiosk, page.kiosk.fields["kiosk_name"].editor, "Marais")
    kiosk.tap(page.page_of["kiosk"].save)
    assert page.page_of["kiosk"].saved.text() == "Enregistré."
    assert comptoir.settings.get().kiosk_name == "Marais"
    karim = next(a for a in comptoir.attendants.list() if a.name == "Karim")
    with comptoir.store.read() as session:
        [entry] = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "setting.changed")
        ).all()
    assert entry.attendant_id == karim.id
    assert entry.details == {"key": "kiosk_name", "source": "counter", "value": "Marais"}


def test_close_events_do_nothing_and_quit_takes_the_managers_pin(
    kiosk: Resident, attendants: None
) -> None:
    window = kiosk.window
    log_in(kiosk, "Karim", "2468")
    kiosk.tap_named("Réglages")
    kiosk.tap_named("Quitter le kiosque")
    for _ in range(2):
        event = QCloseEvent()
        QApplication.sendEvent(window, event)
        assert not event.isAccepted()
        assert window.close() is False
    assert window.isVisible()
    quit_page = window.counter.settings.quit
    kiosk.fill(quit_page.pin, "1111")
    kiosk.tap(quit_page.quit)
    assert window.isVisible()
    assert quit_page.error.text().startswith("Code incorrect")
    kiosk.fill(quit_page.pin, "2468")
    kiosk.tap(quit_page.quit)
    assert window.quit_allowed
    assert not window.isVisible()


def test_a_manager_sets_a_network_printer(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    log_in(kiosk, "Karim", "2468")
    kiosk.tap_named("Réglages")
    kiosk.tap_named("Imprimante")
    page = kiosk.window.counter.settings
    kiosk.tap_named("Réseau")
    address = page.printer.address
    kiosk.fill(address.editor, "imprimante:99999")
    kiosk.tap(page.page_of["printer"].save)
    assert address.message.text().startswith("Le port est un nombre de 1 à 65535")
    assert comptoir.settings.get().printer_kind == "none"
    replace_text(kiosk, address.editor, "192.168.1.50:9100")
    kiosk.tap(page.page_of["printer"].save)
    settings = comptoir.settings.get()
    assert (settings.printer_kind, settings.printer_address) == ("network", "192.168.1.50:9100")


def test_each_save_button_follows_the_language(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    log_in(kiosk, "Karim", "2468")
    kiosk.tap_named("Réglages")
    page = kiosk.window.counter.settings
    saves = [form.save for form in page.findChildren(SavedForm)]
    assert len(saves) >= 4  # association, this kiosk, printer, central server
    assert {save.text() for save in saves} == {"Enregistrer"}
    kiosk.window.set_language("en")
    kiosk.qtbot.waitUntil(lambda: kiosk.window.counter.nav["settings"].text() == "Settings")
    assert {save.text() for save in saves} == {"Save"}
    kiosk.tap_named("Printer")
    assert "Enregistrer" not in kiosk.screen_text()


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)], ids=["1280x800", "1024x768"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_attendant_keeps_their_actions_on_one_line_above_add(
    make_kiosk: MakeKiosk, attendants: None, size: tuple[int, int], lang: str
) -> None:
    kiosk = make_kiosk(size=size)
    log_in(kiosk, "Karim", "2468")
    kiosk.window.set_language(lang)
    kiosk.tap(kiosk.window.counter.nav["settings"])
    settings = kiosk.window.counter.settings
    kiosk.tap_named("Agents d’accueil" if lang == "fr" else "Attendants")
    page = settings.attendants
    kiosk.qtbot.waitUntil(lambda: page.add_button.isVisible(), timeout=2000)
    QApplication.processEvents()  # the rows take their width, then their columns
    for row in page.rows.values():
        # "Rendre agent d'accueil", "Nouveau code", "Désactiver" side by side, each
        # whole: beside the name at 1280 px, under it at 1024 px.
        spots = [button.mapTo(kiosk.window, QPoint(0, 0)) for button in _actions(row)]
        assert max(s.y() for s in spots) - min(s.y() for s in spots) < 8, spots
        assert spots[0].x() < spots[1].x() < spots[2].x(), spots
        cut = [p for button in _actions(row) for p in problems(button)]
        assert cut == [], cut
    if size == (1280, 800):  # as it was: the name beside its buttons
        for row in page.rows.values():
            assert row.who.mapTo(kiosk.window, QPoint(0, 0)).y() == pytest.approx(
                row.role.mapTo(kiosk.window, QPoint(0, 0)).y(), abs=16
            )
    # "Ajouter" on the screen as the Settings open, without scrolling.
    area = next(w for w in _ancestors(page) if isinstance(w, QScrollArea))
    shown = QRect(area.viewport().mapTo(kiosk.window, QPoint(0, 0)), area.viewport().size())
    add = QRect(page.add_button.mapTo(kiosk.window, QPoint(0, 0)), page.add_button.size())
    assert shown.contains(add), (shown, add)


def _actions(row: object) -> list[QWidget]:
    return [row.role, row.pin, row.active]  # type: ignore[attr-defined]


def _ancestors(widget: QWidget) -> list[QWidget]:
    found = []
    while (widget := widget.parentWidget()) is not None:
        found.append(widget)
    return found
