"""Messages shown after a search or a refusal (not only the fields' own validation)
switch language live with the rest of the screen."""

from __future__ import annotations

from kiosk_app.comptoir import Comptoir

from .support import Resident
from .test_ticket_on_screen import done_order

NOT_FOUND_FR = "Nous n’avons trouvé aucune commande avec ce numéro et ce téléphone."
NOT_FOUND_EN = "We found no order with this number and this phone number."


def test_an_order_not_found_is_said_again_in_the_new_language(kiosk: Resident) -> None:
    window = kiosk.window
    lookup = window.follow.lookup
    kiosk.tap(window.welcome.tiles["follow"])
    kiosk.fill(lookup.number.editor, "990042")
    kiosk.fill(lookup.phone.editor, "0611223344")
    kiosk.tap(lookup.search)
    assert lookup.error.text() == NOT_FOUND_FR
    kiosk.tap_named("English")
    assert lookup.error.text() == NOT_FOUND_EN
    kiosk.tap_named("Français")
    assert lookup.error.text() == NOT_FOUND_FR
    # Typing again clears it, and a later switch does not bring it back.
    kiosk.focus(lookup.phone.editor)
    kiosk.erase(1)
    assert lookup.error.text() == ""
    kiosk.tap_named("English")
    assert lookup.error.text() == ""


def test_an_order_rated_already_is_refused_in_the_new_language(
    kiosk: Resident, comptoir: Comptoir
) -> None:
    order = done_order(comptoir, phone="06 22 33 44 55")
    window = kiosk.window
    lookup = window.rate.lookup
    kiosk.tap(window.welcome.tiles["rate"])
    kiosk.fill(lookup.number.editor, order.number.replace("-", ""))
    kiosk.fill(lookup.phone.editor, "0622334455")
    kiosk.tap(lookup.search)
    assert not window.keyboard.isVisible()  # the stars are not hidden under it
    kiosk.tap(window.rate.stars[3])
    kiosk.tap(window.rate.send)
    kiosk.tap_named("Accueil")
    # The same order, rated already: refused, in French then in English.
    kiosk.tap(window.welcome.tiles["rate"])
    kiosk.fill(lookup.number.editor, order.number.replace("-", ""))
    kiosk.fill(lookup.phone.editor, "0622334455")
    kiosk.tap(lookup.search)
    assert lookup.error.text() == "Cette prestation a déjà été notée. Merci !"
    kiosk.tap_named("English")
    assert lookup.error.text() == "This service has already been rated. Thank you!"


def test_a_slot_refused_by_the_core_is_said_again_in_the_new_language(
    kiosk: Resident, clock: object
) -> None:
    from .test_order_flow import new_resident_to_review

    ordering = kiosk.window.ordering
    new_resident_to_review(kiosk)
    clock.advance(days=2)  # type: ignore[attr-defined]
    kiosk.tap(ordering.next)
    assert "Ce créneau est déjà passé." in ordering.when.error.text()
    kiosk.tap_named("English")
    assert "This time slot has already passed." in ordering.when.error.text()
    assert ordering.question.text() == "When should the Lulu come?"
