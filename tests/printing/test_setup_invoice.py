"""What the set-up wizard was told is what the invoices say: a kiosk set up through the
wizard (in French, on the on-screen keyboard) issues an invoice that carries the
association's name, address, SIRET, SAP declaration and intervention mode as typed."""

from __future__ import annotations

from pathlib import Path

from pdf_tools import pdf_text
from printing_support import CompleteOrder, PlaceOrder
from PySide6.QtCore import QCoreApplication, QEvent, QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from documents.pdf.invoice import invoice_pdf
from kiosk_app.comptoir import Comptoir
from tests.ui.setup_walk import FRENCH, walk_wizard
from tests.ui.support import Resident, TapClock
from ui.app import build_window
from ui.widgets.taps import TAPS


def test_an_invoice_carries_what_the_wizard_was_told(
    association: Comptoir,
    place_order: PlaceOrder,
    complete_order: CompleteOrder,
    qapp: QApplication,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    # A new kiosk's store: none of the association's details (the fixture's demo ones
    # forgotten), no manager.
    association.settings.update(
        demo_store="",
        association_address="",
        association_siret="",
        association_sap_number="",
        association_sap_date="",
    )
    assert association.settings.setup_needed()
    window = build_window(association, app=qapp)
    # The double-tap guard reads a person's pace (a second between two taps), as in
    # tests/ui/conftest.py: Qt's own clock would take the wizard's quick taps for bounces.
    TAPS.use_clock(TapClock())
    try:
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        walk_wizard(Resident(window, qtbot), FRENCH)
        assert window.setup is None
    finally:
        TAPS.use_clock(None)
        window.allow_quit()
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qapp.setStyleSheet("")
        QLocale.setDefault(QLocale.c())
    order = complete_order(place_order())
    [invoice] = association.invoices.for_order(order.id)
    path = tmp_path / "facture.pdf"
    invoice_pdf(association.invoices.document(invoice.id), path)
    text = " ".join(pdf_text(path).split())
    for mention in (
        "Lulu du Marais",
        "8 rue des Rosiers 75004 Paris",
        "SIRET : 73282932000074",
        "Déclaration SAP n° SAP732829320 du 01/03/2019",
        "Mode d’intervention : mandataire",
    ):
        assert mention in text, mention
    assert "Lulu dans ma rue" not in text and "DEMO" not in text.upper()
