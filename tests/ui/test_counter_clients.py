"""The clients at the counter, driven through the widgets after a PIN login: search as
one types, the history, editing, exporting and erasing with its confirmation; what the
store holds is checked after each step."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget
from sqlalchemy import select

from kiosk_app.comptoir import Comptoir
from kiosk_app.store.models import AuditEntry
from kiosk_app.views.clients import erased_name

from .counter_support import log_in, place_order
from .support import Resident


def open_clients(kiosk: Resident) -> None:
    kiosk.tap(kiosk.window.counter.nav["clients"])


def found_names(kiosk: Resident) -> list[str]:
    found = kiosk.window.counter.clients.list
    return [found.item(row).text().split("\n")[0] for row in range(found.count())]


def tap_found(kiosk: Resident, row: int) -> None:
    found = kiosk.window.counter.clients.list
    rect = found.visualItemRect(found.item(row))
    kiosk.tap(found.viewport(), rect.center())


def retype(kiosk: Resident, editor: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Touch a filled field, take all its text and type over it."""
    kiosk.window.counter.scroll_to(editor)
    kiosk.focus(editor)
    editor.selectAll()
    kiosk.type(text)


def tap_profile(kiosk: Resident, name: str) -> None:
    """Scroll the client's profile to a control (as a flick would), then tap it."""
    profile = kiosk.window.counter.clients.profile
    widget = next(
        w for w in profile.findChildren(QWidget) if w.accessibleName() == name and w.isVisible()
    )
    kiosk.window.counter.scroll_to(widget)
    kiosk.tap(widget)


def actions(comptoir: Comptoir, action: str) -> list[AuditEntry]:
    with comptoir.store.read() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_search_history_edit_and_a_phone_already_taken(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    order = place_order(comptoir)  # Odette Vidal, 06 11 22 33 44
    place_order(comptoir, phone="06 98 76 54 32", hour=16)
    log_in(kiosk)
    open_clients(kiosk)
    page = kiosk.window.counter.clients
    assert "Tapez un numéro de téléphone ou un nom" in kiosk.screen_text()

    kiosk.fill(page.search, "0611")
    assert found_names(kiosk) == ["Odette Vidal"]
    assert "06 11 22 33 44 · 1 rue Saint-Paul, 75004" in page.list.item(0).text()
    kiosk.erase(4)
    kiosk.type("zzz")
    assert found_names(kiosk) == [] and "Aucun client trouvé." in kiosk.screen_text()
    kiosk.erase(3)
    kiosk.type("vidal")
    assert found_names(kiosk) == ["Odette Vidal", "Odette Vidal"]
    tap_found(kiosk, 0 if page.found[0].phone == "+33611223344" else 1)

    profile = page.profile
    assert profile.heading.text() == "Odette Vidal"
    history = profile.orders.lines.text()
    assert order.number in history and "Demandée" in history and "Poser un rideau" in history
    # An order still open: erasing waits, and says why.
    assert not profile.erase.isEnabled()
    assert "encore en cours : 1" in profile.erase_blocked.text()

    retype(kiosk, profile.details.name.editor, "Odette Roux")
    retype(kiosk, profile.details.floor.editor, "3")
    tap_profile(kiosk, "Enregistrer les coordonnées")
    client = comptoir.clients.get(order.client_id)
    assert client.name == "Odette Roux" and client.address.floor == 3
    assert "Coordonnées enregistrées." in kiosk.screen_text()
    assert found_names(kiosk) == ["Odette Vidal"]  # "vidal" no longer finds her
    (edit,) = actions(comptoir, "client.edit")
    assert edit.details == {"fields": ["floor", "name"]}

    # Another client's phone: refused beside the phone, nothing written.
    retype(kiosk, profile.details.phone.editor, "0698765432")
    tap_profile(kiosk, "Enregistrer les coordonnées")
    assert profile.details.phone.message.text() == "Un autre client a déjà ce numéro."
    assert comptoir.clients.get(order.client_id).phone == "+33611223344"


def test_export_then_erase_after_a_confirmation(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    order = place_order(comptoir)
    comptoir.orders.cancel(order.id, "Plus besoin", attendant_id=None)
    log_in(kiosk)
    camille = kiosk.window.counter.attendant
    assert camille is not None
    open_clients(kiosk)
    page = kiosk.window.counter.clients
    kiosk.fill(page.search, "odette")
    tap_found(kiosk, 0)
    profile = page.profile

    tap_profile(kiosk, "Exporter les données")
    assert profile.exported is not None
    path = Path(profile.exported)
    assert str(path) in kiosk.screen_text()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text(encoding="utf-8"))["client"]["name"] == "Odette Vidal"
    (export,) = actions(comptoir, "client.export")
    assert export.attendant_id == camille.id

    # Asked first, in plain words; "No" changes nothing.
    tap_profile(kiosk, "Effacer ce client")
    said = profile.confirm_text.text()
    assert "Effacer toutes les données personnelles de Odette Vidal ?" in said
    assert "Ce qui part : le nom, le téléphone" in said
    assert "Ce qui reste, pour la comptabilité" in said and "C’est définitif." in said
    tap_profile(kiosk, "Non, garder")
    assert not profile.confirm_box.isVisible()
    assert comptoir.clients.get(order.client_id).name == "Odette Vidal"

    tap_profile(kiosk, "Effacer ce client")
    tap_profile(kiosk, "Oui, effacer")
    neutral = erased_name(order.client_id)
    client = comptoir.clients.get(order.client_id)
    assert client.erased and client.name == neutral and client.phone is None
    assert client.address.street == ""
    (erasure,) = actions(comptoir, "client.erase")
    assert erasure.attendant_id == camille.id
    assert profile.heading.text() == neutral
    assert "Les données du client ont été effacées." in kiosk.screen_text()
    assert found_names(kiosk) == []  # an erased client is found no more
    assert "Odette" not in kiosk.screen_text()
    kiosk.window.set_language("en")  # what was said follows the language
    QApplication.processEvents()  # the LanguageChange events Qt posts
    assert "The client's data has been erased." in kiosk.screen_text()
    assert profile.facts.text().startswith("Erased: only the orders and invoices remain")
    kiosk.window.set_language("fr")
    QApplication.processEvents()
    # The order stays, under the neutral name, in the queue's detail too.
    kiosk.window.counter.open_order(comptoir.orders.get(order.id))
    summary = kiosk.window.counter.detail.summary.text()
    assert f"Client : {neutral}" in summary and "Odette" not in summary
    assert "Saint-Paul" not in summary


def test_locking_forgets_the_client_shown_and_the_search(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    place_order(comptoir)
    log_in(kiosk)
    open_clients(kiosk)
    page = kiosk.window.counter.clients
    kiosk.fill(page.search, "odette")
    tap_found(kiosk, 0)
    assert page.profile.heading.text() == "Odette Vidal" and page.profile.isVisible()
    kiosk.tap_named("Verrouiller")
    window = kiosk.window
    assert window.current_screen is window.welcome
    assert page.search.text() == "" and page.list.count() == 0
    assert page.profile.history is None and page.profile.heading.text() == ""
    for field in page.profile.details.fields.values():
        assert field.text == ""
    assert "Odette" not in page.profile.orders.lines.text()


def test_a_huge_paste_in_the_search_finds_nothing_and_says_so(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    place_order(comptoir)
    log_in(kiosk)
    open_clients(kiosk)
    page = kiosk.window.counter.clients
    page.search.setText("'; DROP TABLE clients;-- 😀" * 400)
    assert found_names(kiosk) == [] and "Aucun client trouvé." in kiosk.screen_text()
    page.search.setText("06 11 22")
    assert found_names(kiosk) == ["Odette Vidal"]
