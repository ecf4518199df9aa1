"""A resident's "Besoin d'aide ?" (issue 14): on every resident screen, one tap tells the
counter (a call waiting at the top of the attendant's queue until handled) and shows the
counter's phone and what to do; the screen under it keeps what was typed."""

from __future__ import annotations

from kiosk_app.comptoir import Comptoir

from .conftest import MakeKiosk
from .counter_support import log_in
from .setup_walk import replace_text
from .support import Resident

NBSP = "\u00a0"


def test_help_is_on_every_resident_screen_and_not_on_the_counter(
    kiosk: Resident, attendants: None
) -> None:
    window = kiosk.window
    for screen in window.resident_screens:
        window._show(screen)
        assert window.help.isVisible(), screen
        assert window.help.text() == "Besoin d’aide ?"
    log_in(kiosk)
    assert not window.help.isVisible()


def test_a_resident_asks_for_help_in_the_middle_of_an_application(
    kiosk: Resident, comptoir: Comptoir
) -> None:
    comptoir.settings.update(association_phone="01 99 00 12 34")
    window = kiosk.window
    kiosk.tap(window.welcome.tiles["lulu"])
    kiosk.fill(window.become_lulu.name.editor, "Inès Moreau")
    kiosk.tap_named("Besoin d’aide ?")

    panel = window.help_panel
    assert panel.isVisible()
    assert panel.status.text() == "Le comptoir est prévenu : une personne vient vous aider."
    assert panel.phone.text() == "01 99 00 12 34"
    assert "Restez devant le kiosque" in panel.what_to_do.text()
    assert len(comptoir.help_requests.waiting()) == 1

    window.set_language("en")
    kiosk.qtbot.waitUntil(lambda: panel.title.text() == "Need help?")
    assert panel.status.text() == "The counter has been told: someone is coming to help you."

    kiosk.tap_named("Close")
    assert not panel.isVisible()
    assert window.current_screen is window.become_lulu
    assert window.become_lulu.name.text == "Inès Moreau"
    # Asked again after closing: a second call (the attendant may have come and gone).
    kiosk.tap_named("Need help?")
    assert len(comptoir.help_requests.waiting()) == 2


def test_without_a_phone_the_panel_sends_to_the_counter_only(
    kiosk: Resident, comptoir: Comptoir
) -> None:
    window = kiosk.window
    assert comptoir.settings.get().association_phone == ""
    kiosk.tap_named("Besoin d’aide ?")
    panel = window.help_panel
    assert not panel.phone.isVisible()
    assert panel.what_to_do.text().endswith("adresser à la personne du comptoir.")


def test_the_end_of_a_session_closes_the_panel(make_kiosk: MakeKiosk, comptoir: Comptoir) -> None:
    kiosk = make_kiosk(idle_ms=300, countdown_s=1)
    window = kiosk.window
    kiosk.tap(window.welcome.tiles["order"])
    kiosk.tap_named("Besoin d’aide ?")
    # The resident waits for the attendant: the idle countdown waits longer.
    kiosk.qtbot.wait(600)
    assert window.help_panel.isVisible() and not window.overlay.isVisible()
    window.end_session()
    assert not window.help_panel.isVisible()
    assert window.idle.timer.interval() == 300


def test_the_call_waits_at_the_top_of_the_queue_until_handled(
    kiosk: Resident, comptoir: Comptoir, clock: object, attendants: None
) -> None:
    clock.advance(minutes=42)  # type: ignore[attr-defined]  # 10 h 42 in Paris
    kiosk.tap(kiosk.window.welcome.tiles["follow"])
    kiosk.tap_named("Besoin d’aide ?")
    kiosk.tap_named("Fermer")
    kiosk.window.end_session()

    log_in(kiosk)
    calls = kiosk.window.counter.queue.help_calls
    assert calls.isVisible()
    [(text, done)] = calls.lines.values()
    assert text.text() == f"Un habitant demande de l’aide — 10{NBSP}h{NBSP}42"
    kiosk.window.set_language("en")
    kiosk.qtbot.waitUntil(lambda: text.text() == "A resident is asking for help — 10:42")
    assert done.text() == "Handled"
    kiosk.tap(done)
    assert not calls.isVisible()
    assert comptoir.help_requests.waiting() == []


def test_a_manager_sets_the_counter_phone_the_help_panel_shows(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    log_in(kiosk, "Karim", "2468")
    kiosk.tap_named("Réglages")
    page = kiosk.window.counter.settings
    phone = page.association.fields["association_phone"]
    assert phone.title.text() == "Téléphone du comptoir"
    replace_text(kiosk, phone.editor, "12")  # not a phone number: refused beside it
    kiosk.tap(page.page_of["association"].save)
    assert phone.message.text() != "" and comptoir.settings.get().association_phone == ""
    replace_text(kiosk, phone.editor, "0199001234")
    kiosk.tap(page.page_of["association"].save)
    assert comptoir.settings.get().association_phone == "+33199001234"
    kiosk.tap_named("Verrouiller")
    kiosk.tap_named("Besoin d’aide ?")
    assert kiosk.window.help_panel.phone.text() == "01 99 00 12 34"
