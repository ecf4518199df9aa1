"""The settings section's two pieces, driven as a manager uses them, in French and in
English: the printer's set-up (a bad host refused beside the field, a test page on a
loopback fake printer and its answer in the form) and the attendants' page (add,
disable, the last manager kept, a role changed, a new PIN)."""

from __future__ import annotations

import sqlite3
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import Role
from printing.usb_printers import UsbPrinter, UsbSupportMissing
from ui.i18n import Language
from ui.settings.attendants_page import AttendantsPage
from ui.settings.printer_form import PrinterForm

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "printing"))
from escpos_reader import read
from fake_printer import FakePrinter

LEFT = Qt.MouseButton.LeftButton

WORDS = {
    "fr": {
        "bad_host": "Adresse réseau non valable : un nom ou une adresse IP, par exemple "
        "192.168.1.50 ou 192.168.1.50:9100.",
        "printed": "La page de test est partie : vérifiez sur le papier les accents, le "
        "symbole € et le QR code.",
        "no_answer": "L’imprimante n’a pas répondu dans les 5 secondes",
        "test": "Imprimer une page de test",
        "last_manager": "C’est le dernier responsable du comptoir : nommez d’abord un autre "
        "responsable.",
        "disable": "Désactiver",
        "disable_asked": "Désactiver Camille Martin ? Cette personne ne pourra plus se "
        "connecter au comptoir tant qu’un responsable ne l’aura pas réactivée.",
        "yes_disable": "Oui, désactiver",
        "no_keep": "Non, garder",
        "disabled": "Camille Martin ne peut plus se connecter.",
        "make_manager": "Nommer responsable",
        "no_usb": "Aucune imprimante USB trouvée",
        "added": "Nadia Benali peut maintenant se connecter au comptoir.",
        "pin": "Le code compte de 4 à 8 chiffres.",
    },
    "en": {
        "bad_host": "Not a valid network address: a name or an IP address, for example "
        "192.168.1.50 or 192.168.1.50:9100.",
        "printed": "The test page went through: check the accents, the € sign and the QR "
        "code on paper.",
        "no_answer": "The printer did not answer within 5 seconds",
        "test": "Print a test page",
        "last_manager": "This is the kiosk’s last manager: make someone else a manager first.",
        "disable": "Disable",
        "disable_asked": "Disable Camille Martin? They can no longer log in at the counter "
        "until a manager enables them again.",
        "yes_disable": "Yes, disable",
        "no_keep": "No, keep",
        "disabled": "Camille Martin can no longer log in.",
        "make_manager": "Make manager",
        "no_usb": "No USB printer found",
        "added": "Nadia Benali can now log in at the counter.",
        "pin": "The PIN has 4 to 8 digits.",
    },
}


@pytest.fixture(params=["fr", "en"])
def lang(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    language = Language()
    language.set(request.param)
    yield request.param
    QCoreApplication.removeTranslator(language._translator)
    QLocale.setDefault(QLocale.c())


@pytest.fixture
def printer() -> Iterator[FakePrinter]:
    fake = FakePrinter()
    yield fake
    fake.close()


def make_form(qtbot: QtBot, comptoir: Comptoir) -> PrinterForm:
    form = PrinterForm(comptoir)
    qtbot.addWidget(form)
    form.resize(1100, 700)
    form.show()
    return form


def test_a_bad_host_is_refused_beside_its_field_and_nothing_saved(
    qtbot: QtBot, comptoir: Comptoir, lang: str
) -> None:
    form = make_form(qtbot, comptoir)
    qtbot.mouseClick(form.kind.buttons["network"], LEFT)
    assert form.address.isVisible() and not form.usb_box.isVisible()
    form.address.editor.setFocus()
    qtbot.keyClicks(form.address.editor, "imprimante du fond")
    assert not form.apply()
    assert form.address.message.text() == WORDS[lang]["bad_host"]
    assert comptoir.settings.get().printer_kind == "none"


def test_a_test_page_prints_on_the_fake_printer_and_says_so(
    qtbot: QtBot, comptoir: Comptoir, lang: str, printer: FakePrinter
) -> None:
    form = make_form(qtbot, comptoir)
    with qtbot.waitSignal(form.changed):
        qtbot.mouseClick(form.kind.buttons["network"], LEFT)
    qtbot.keyClicks(form.address.editor, f"127.0.0.1:{printer.port}")
    qtbot.mouseClick(form.paper.buttons["58"], LEFT)
    qtbot.mouseClick(form.codepage.buttons["cp1252"], LEFT)
    assert form.test_button.text() == WORDS[lang]["test"]
    qtbot.mouseClick(form.test_button, LEFT)
    assert not form.test_button.isEnabled()  # until the printer answers
    qtbot.waitUntil(lambda: form.test_button.isEnabled(), timeout=6000)
    assert form.test_result.text() == WORDS[lang]["printed"]
    printout = read(printer.printed)
    assert printout.codec == "cp1252" and printout.qr_codes and "€" in printout.text
    # Not saved by the test page: saved by apply(), as the form shows it.
    assert comptoir.settings.get().printer_kind == "none"
    karim = comptoir.attendants.add("Karim Haddad", Role.MANAGER, "2468")
    form.source = "counter"  # as the Settings section says: a manager's change
    form.set_acting(karim.id)
    assert form.apply()
    with sqlite3.connect(comptoir.store.path) as conn:
        assert conn.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'setting.changed' AND attendant_id = ?",
            (karim.id.hex,),
        ).fetchone() == (4,)  # kind, address, paper, code page
    saved = comptoir.settings.get()
    assert (saved.printer_kind, saved.printer_address) == ("network", f"127.0.0.1:{printer.port}")
    assert (saved.printer_width, saved.printer_codepage) == ("58", "cp1252")


def test_a_printer_that_does_not_answer_is_said_in_the_form(
    qtbot: QtBot, comptoir: Comptoir, lang: str, printer: FakePrinter
) -> None:
    port = printer.port
    printer.close()  # nothing listens there any more
    form = make_form(qtbot, comptoir)
    qtbot.mouseClick(form.kind.buttons["network"], LEFT)
    qtbot.keyClicks(form.address.editor, f"127.0.0.1:{port}")
    qtbot.mouseClick(form.test_button, LEFT)
    qtbot.waitUntil(lambda: form.test_button.isEnabled(), timeout=6000)
    assert form.test_result.text().startswith(WORDS[lang]["no_answer"])


def test_a_usb_printer_is_picked_from_those_plugged_in(
    qtbot: QtBot, comptoir: Comptoir, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No USB printer on the test machine: the bus's answer is given here, what the
    # form does with it is what is tested.
    plugged: list[UsbPrinter] = []
    monkeypatch.setattr(PrinterForm, "find_usb_printers", staticmethod(lambda: list(plugged)))
    monkeypatch.setattr("ui.settings.printer_form.missing_extra", lambda kind: None)
    form = make_form(qtbot, comptoir)
    qtbot.mouseClick(form.kind.buttons["usb"], LEFT)
    assert form.usb_box.isVisible() and not form.address.isVisible()
    assert form.usb_note.text().startswith(WORDS[lang]["no_usb"])
    assert not form.apply()  # nothing picked: refused beside the list
    assert form.usb_note.text()

    plugged.append(UsbPrinter(0x04B8, 0x0E15, "EPSON TM-T20II"))
    qtbot.mouseClick(form.usb_again, LEFT)
    assert form.usb_list.item(0).text() == "EPSON TM-T20II (04b8:0e15)"
    form.usb_list.setCurrentRow(0)
    assert form.apply()
    assert comptoir.settings.get().printer_address == "04b8:0e15"


def test_usb_without_its_module_says_which_extra(
    qtbot: QtBot, comptoir: Comptoir, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing() -> list[UsbPrinter]:
        raise UsbSupportMissing("pyusb")

    monkeypatch.setattr(PrinterForm, "find_usb_printers", staticmethod(missing))
    form = make_form(qtbot, comptoir)
    qtbot.mouseClick(form.kind.buttons["usb"], LEFT)
    assert "printers" in form.usb_note.text() or "printers" in form.kind_note.text()


# --- attendants ---------------------------------------------------------------------


def make_page(qtbot: QtBot, comptoir: Comptoir) -> AttendantsPage:
    page = AttendantsPage(comptoir)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    return page


def disable_confirmed(qtbot: QtBot, page: AttendantsPage, attendant_id: uuid.UUID) -> None:
    """ "Disable" on the attendant's row, then "Yes" on the question it asks."""
    qtbot.mouseClick(page.rows[attendant_id].active, LEFT)
    confirmation = page.rows[attendant_id].confirmation
    assert confirmation is not None
    qtbot.mouseClick(confirmation.yes, LEFT)


def test_the_last_manager_is_refused_in_one_sentence_then_a_role_changes(
    qtbot: QtBot, comptoir: Comptoir, lang: str
) -> None:
    karim = comptoir.attendants.add("Karim Haddad", Role.MANAGER, "2468")
    camille = comptoir.attendants.add("Camille Martin", Role.ATTENDANT, "1357")
    page = make_page(qtbot, comptoir)
    page.set_acting(karim.id)
    assert page.rows[karim.id].active.text() == WORDS[lang]["disable"]
    disable_confirmed(qtbot, page, karim.id)
    assert not page.add_button.isEnabled()  # every writing button waits for the write
    page.settle()
    assert page.error.text() == WORDS[lang]["last_manager"]
    assert comptoir.attendants.by_name("Karim Haddad").active

    assert page.rows[camille.id].role.text() == WORDS[lang]["make_manager"]
    qtbot.mouseClick(page.rows[camille.id].role, LEFT)
    page.settle()
    assert comptoir.attendants.by_name("Camille Martin").role is Role.MANAGER
    assert page.error.text() == ""
    disable_confirmed(qtbot, page, karim.id)  # now someone else is a manager
    page.settle()
    assert not comptoir.attendants.by_name("Karim Haddad").active
    with sqlite3.connect(comptoir.store.path) as conn:
        actions = conn.execute(
            "SELECT action FROM audit_log WHERE attendant_id = ? ORDER BY id", (karim.id.hex,)
        ).fetchall()
    assert ("attendant.role",) in actions and ("attendant.disabled",) in actions


def test_disable_asks_first_and_disables_only_on_yes(
    qtbot: QtBot, comptoir: Comptoir, lang: str
) -> None:
    karim = comptoir.attendants.add("Karim Haddad", Role.MANAGER, "2468")
    camille = comptoir.attendants.add("Camille Martin", Role.ATTENDANT, "1357")
    page = make_page(qtbot, comptoir)
    page.set_acting(karim.id)
    row = page.rows[camille.id]
    assert row.active.property("role") == "danger"  # red: it cannot be taken back by a tap
    qtbot.mouseClick(row.active, LEFT)
    confirmation = row.confirmation
    assert confirmation is not None and confirmation.isVisible()
    assert confirmation.question.text() == WORDS[lang]["disable_asked"]
    assert confirmation.yes.text() == WORDS[lang]["yes_disable"]
    assert confirmation.no.text() == WORDS[lang]["no_keep"]
    page.settle()
    assert comptoir.attendants.by_name("Camille Martin").active  # asked, nothing written

    qtbot.mouseClick(confirmation.no, LEFT)
    assert not confirmation.isVisible()
    page.settle()
    assert comptoir.attendants.by_name("Camille Martin").active

    qtbot.mouseClick(row.active, LEFT)
    qtbot.mouseClick(confirmation.yes, LEFT)
    page.settle()
    assert not comptoir.attendants.by_name("Camille Martin").active
    assert page.note.text() == WORDS[lang]["disabled"]
    # Enabling again gives back what was lost: no question.
    enable = page.rows[camille.id]
    assert enable.confirmation is None
    qtbot.mouseClick(enable.active, LEFT)
    page.settle()
    assert comptoir.attendants.by_name("Camille Martin").active


def test_someone_is_added_and_a_pin_reset_with_refusals_beside_the_fields(
    qtbot: QtBot, comptoir: Comptoir, lang: str
) -> None:
    comptoir.attendants.add("Karim Haddad", Role.MANAGER, "2468")
    page = make_page(qtbot, comptoir)
    qtbot.keyClicks(page.add_name.editor, "Nadia Benali")
    qtbot.keyClicks(page.add_pin.editor, "12")
    qtbot.mouseClick(page.add_button, LEFT)
    assert page.add_pin.message.text() == WORDS[lang]["pin"]
    assert [a.name for a in comptoir.attendants.list()] == ["Karim Haddad"]

    qtbot.keyClicks(page.add_pin.editor, "3456")
    qtbot.keyClicks(page.add_again.editor, "123456")
    qtbot.mouseClick(page.add_role.buttons["manager"], LEFT)
    qtbot.mouseClick(page.add_button, LEFT)
    page.settle()
    assert page.note.text() == WORDS[lang]["added"]
    nadia = comptoir.attendants.by_name("Nadia Benali")
    assert nadia.role is Role.MANAGER
    assert page.add_name.text == "" and page.add_pin.text == ""

    qtbot.mouseClick(page.rows[nadia.id].pin, LEFT)
    assert page.forms.currentWidget() is page.reset_box
    qtbot.keyClicks(page.reset_pin.editor, "97531")
    qtbot.keyClicks(page.reset_again.editor, "97530")
    qtbot.mouseClick(page.reset_save, LEFT)
    assert page.reset_again.message.text()  # the two differ: said beside the field
    page.reset_again.clear()
    qtbot.keyClicks(page.reset_again.editor, "97531")
    qtbot.mouseClick(page.reset_save, LEFT)
    page.settle()
    assert comptoir.attendants.log_in(nadia.id, "97531").name == "Nadia Benali"
    assert page.forms.currentWidget() is page.add_box
