"""A kiosk without a printer: the print worker saves the ticket as a picture in the data
folder, and the confirmation shows that picture to the resident, who forgets nothing
of it on the next resident's screen."""

from __future__ import annotations

from PySide6.QtGui import QImage

from kiosk_app.comptoir import Comptoir
from printing.queue import PrintWorker

from .support import Resident
from .tour_data import done_order


def test_with_no_printer_the_confirmation_shows_the_saved_ticket(
    kiosk: Resident, comptoir: Comptoir
) -> None:
    assert comptoir.settings.get().printer_kind == "none"
    window = kiosk.window
    confirmation = window.confirmation
    order = done_order(comptoir)
    window._placed(order)
    assert confirmation.ticket.text() == "Votre ticket s’imprime sous l’écran."
    assert not confirmation.ticket_image.isVisible()

    # The worker as the kiosk starts it (kiosk_app.__main__.start_workers), one round.
    data_dir = comptoir.store.path.parent
    assert PrintWorker.from_settings(comptoir, data_dir).run_once() == 1
    saved = sorted((data_dir / "tickets").glob(f"{order.number}-order_ticket-*.png"))
    assert len(saved) == 1

    kiosk.qtbot.waitUntil(lambda: confirmation.ticket_image.isVisible(), timeout=3000)
    assert confirmation.ticket.text() == (
        "Voici votre ticket : ce kiosque n’a pas d’imprimante. Notez votre numéro de commande."
    )
    shown = confirmation.ticket_image.pixmap()
    on_disk = QImage(str(saved[0]))
    assert not shown.isNull() and not on_disk.isNull()
    # The whole ticket, shrunk to fit the screen, its proportions kept.
    assert shown.height() <= confirmation.height()
    assert abs(shown.width() / shown.height() - on_disk.width() / on_disk.height()) < 0.02
    assert confirmation.ticket_image.accessibleName() == "Votre ticket"
    kiosk.tap_named("English")
    assert confirmation.ticket_image.accessibleName() == "Your ticket"
    assert confirmation.ticket.text().startswith("Here is your ticket: this kiosk has no printer.")

    kiosk.tap_named("Finish")
    assert window.current_screen is window.welcome
    assert confirmation.ticket_image.pixmap().isNull()
    assert confirmation.number.accessibleName() == ""
    assert order.number not in kiosk.screen_text()


def test_a_ticket_printed_on_paper_shows_no_picture(kiosk: Resident, comptoir: Comptoir) -> None:
    window = kiosk.window
    order = done_order(comptoir)
    window._placed(order)
    job = comptoir.print_jobs.for_order(order.id)[0]
    comptoir.print_jobs.mark_printed(job.id)
    confirmation = window.confirmation
    kiosk.qtbot.waitUntil(
        lambda: confirmation.ticket.text() == "Votre ticket est imprimé : prenez-le sous l’écran."
    )
    assert not confirmation.ticket_image.isVisible()
    assert confirmation.ticket_image.pixmap().isNull()
