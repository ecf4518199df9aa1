"""The welcome screen: tiles that start a counted visit, the language switch, the larger
text toggle, and the attendant's hidden way in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk_app.comptoir import Comptoir

from .conftest import HOLD_MS, MakeKiosk
from .support import LEFT, Resident


def visits(comptoir: Comptoir) -> list[tuple[str]]:
    with comptoir.store.read() as session:
        from sqlalchemy import text

        return [tuple(row) for row in session.execute(text("SELECT lang FROM kiosk_visits"))]


def test_the_welcome_screen_greets_in_french_first(kiosk: Resident) -> None:
    shown = kiosk.screen_text()
    assert "Lulu dans ma rue" in shown
    for tile in ("Commander un service", "Suivre ma commande", "Noter un service", "Devenir Lulu"):
        assert tile in shown
    assert "Français" in shown and "English" in shown


def test_a_touch_on_a_tile_starts_one_counted_visit(kiosk: Resident, comptoir: Comptoir) -> None:
    kiosk.tap_named("English")
    assert visits(comptoir) == []  # choosing a language is not yet a visit
    kiosk.tap_named("Order a service")
    kiosk.tap_named("Home")
    assert visits(comptoir) == [("en",)]
    kiosk.tap_named("Order a service")  # "Home" keeps the visit and its language
    assert visits(comptoir) == [("en",)]
    kiosk.window.end_session()  # "Finish", or the resident walked away
    QApplication.processEvents()  # the language change reaches the screens
    kiosk.tap_named("Commander un service")
    kiosk.tap_named("Accueil")
    assert visits(comptoir) == [("en",), ("fr",)]


def test_one_session_counts_one_visit_whatever_is_touched(
    kiosk: Resident, comptoir: Comptoir
) -> None:
    kiosk.tap_named("Commander un service")
    kiosk.tap_named("Petits travaux")
    kiosk.tap_named("Toutes les catégories")
    assert len(visits(comptoir)) == 1


def test_switching_language_retranslates_everything_live(kiosk: Resident) -> None:
    kiosk.tap_named("Commander un service")
    assert "De quoi avez-vous besoin ?" in kiosk.screen_text()
    assert "Ménage" in kiosk.screen_text()
    kiosk.tap_named("English")
    shown = kiosk.screen_text()
    assert "What do you need?" in shown and "Cleaning" in shown and "Home" in shown
    assert "Ménage" not in shown
    kiosk.tap_named("Cleaning")
    catalogue = kiosk.window.catalogue
    names = [catalogue.model.index(r).data() for r in range(catalogue.model.rowCount())]
    assert names and all(name for name in names)
    kiosk.tap_named("Français")
    assert "Ménage" in kiosk.screen_text()


def test_larger_text_makes_every_text_bigger(kiosk: Resident) -> None:
    tile = kiosk.window.welcome.tiles["order"]
    before = tile.caption.fontInfo().pixelSize()
    body_before = kiosk.window.welcome.hint.fontInfo().pixelSize()
    kiosk.tap_named("Texte plus grand")
    assert tile.caption.fontInfo().pixelSize() > before
    assert kiosk.window.welcome.hint.fontInfo().pixelSize() > body_before >= 18
    kiosk.tap_named("Texte plus grand")
    assert tile.caption.fontInfo().pixelSize() == before


def test_a_short_tap_on_the_logo_does_nothing(kiosk: Resident) -> None:
    kiosk.tap(kiosk.window.welcome.logo)
    kiosk.qtbot.wait(HOLD_MS + 100)
    assert kiosk.window.current_screen is kiosk.window.welcome


def hold_logo(kiosk: Resident) -> None:
    logo = kiosk.window.welcome.logo
    kiosk.qtbot.mousePress(logo, LEFT, pos=logo.rect().center())
    kiosk.qtbot.waitUntil(lambda: kiosk.window.current_screen is kiosk.window.pin_pad)
    kiosk.qtbot.mouseRelease(logo, LEFT, pos=logo.rect().center())


def test_the_logo_held_three_seconds_opens_the_pin_pad(
    make_kiosk: MakeKiosk, attendants: None
) -> None:
    kiosk = make_kiosk(hold_ms=3000)
    logo = kiosk.window.welcome.logo
    kiosk.qtbot.mousePress(logo, LEFT, pos=logo.rect().center())
    kiosk.qtbot.wait(2500)
    assert kiosk.window.current_screen is kiosk.window.welcome
    kiosk.qtbot.waitUntil(lambda: kiosk.window.current_screen is kiosk.window.pin_pad, timeout=1500)
    kiosk.qtbot.mouseRelease(logo, LEFT, pos=logo.rect().center())


def test_an_attendant_logs_in_with_a_pin_and_locks(kiosk: Resident, attendants: None) -> None:
    hold_logo(kiosk)
    pin_pad = kiosk.window.pin_pad
    kiosk.tap_named("Camille")
    for digit in "9999":
        kiosk.tap(pin_pad.keys[digit])
    kiosk.tap_named("Se connecter")
    assert pin_pad.error.text() == "Code incorrect."
    for digit in "1234":
        kiosk.tap(pin_pad.keys[digit])
    assert pin_pad.pin.text() == "1234" and pin_pad.pin.displayText() != "1234"
    kiosk.tap_named("Se connecter")
    counter = kiosk.window.counter
    assert kiosk.window.current_screen is counter
    assert counter.title.text() == "Au comptoir : Camille"
    assert not kiosk.window.languages["fr"].isVisible()  # no way back to resident screens
    kiosk.tap_named("Verrouiller")
    assert kiosk.window.current_screen is kiosk.window.welcome
    assert kiosk.window.attendant is None


def test_no_resident_screen_leads_to_the_counter(kiosk: Resident, attendants: None) -> None:
    for tile in ("order", "follow", "rate", "lulu"):
        kiosk.tap(kiosk.window.welcome.tiles[tile])
        shown = kiosk.screen_text()
        assert "Comptoir :" not in shown and "Accès comptoir" not in shown
        kiosk.tap_named("Accueil")
    assert kiosk.window.current_screen is kiosk.window.welcome


def test_context_menus_never_open(kiosk: Resident) -> None:
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QContextMenuEvent

    from ui.app import NoContextMenus

    kiosk.tap_named("Commander un service")
    search = kiosk.window.catalogue.search
    blocker = NoContextMenus()
    long_press = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), QPoint(5, 5))
    assert blocker.eventFilter(search, long_press) is True
    assert blocker.eventFilter(search, QEvent(QEvent.Type.MouseButtonPress)) is False
    assert kiosk.window.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
