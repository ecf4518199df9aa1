"""A resident orders a service alone, from the welcome screen to the confirmation, by
tapping and typing on the on-screen keyboard; then what the store holds."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import QApplication

from kiosk_app.comptoir import Comptoir
from kiosk_app.views.clients import AddressInput
from kiosk_app.views.orders import OrderRequest
from sync.protocol import Channel, OrderStatus
from ui.resident.ordering import REVIEW

from .support import Resident


def open_service(kiosk: Resident, category: str, service: str) -> None:
    kiosk.tap(kiosk.window.welcome.tiles["order"])
    kiosk.tap_named(category)
    catalogue = kiosk.window.catalogue
    model = catalogue.model
    rows = [r for r in range(model.rowCount()) if model.service_at(r).name_fr == service]
    assert rows, f"{service} is not listed"
    index = model.index(rows[0])
    catalogue.list.scrollTo(index)
    kiosk.tap(catalogue.list.viewport(), catalogue.list.visualRect(index).center())
    kiosk.qtbot.waitUntil(lambda: kiosk.window.current_screen is kiosk.window.service)


def choose_tomorrow_morning(kiosk: Resident) -> None:
    picker = kiosk.window.ordering.when.picker
    kiosk.tap(picker.day_buttons[1])
    kiosk.tap(picker.window_buttons[0])


def fill_address(kiosk: Resident) -> None:
    where = kiosk.window.ordering.where
    kiosk.fill(where.street.editor, "12 rue François Miron")
    kiosk.fill(where.postcode.editor, "75004")
    kiosk.fill(where.floor.editor, "5")
    kiosk.tap(where.lift_no)
    kiosk.fill(where.notes.editor, "Code 4521B, porte à gauche")


def walk_to_who(kiosk: Resident) -> None:
    """Order "Faire les courses", up to the first step: the phone."""
    open_service(kiosk, "Courses et commissions", "Faire les courses")
    kiosk.tap_named("Commander ce service")


def new_resident_to_where(kiosk: Resident) -> None:
    """A new resident, Ana Lima, orders "Faire les courses" up to the address step."""
    ordering = kiosk.window.ordering
    walk_to_who(kiosk)
    kiosk.fill(ordering.who.phone.editor, "0612345678")
    kiosk.fill(ordering.who.name.editor, "Ana Lima")
    kiosk.tap(ordering.next)
    choose_tomorrow_morning(kiosk)
    kiosk.tap(ordering.next)


def new_resident_to_consent(kiosk: Resident) -> None:
    """A new resident, Ana Lima, orders "Faire les courses" up to the consent step."""
    new_resident_to_where(kiosk)
    fill_address(kiosk)
    kiosk.tap(kiosk.window.ordering.next)  # "what" to do
    kiosk.tap(kiosk.window.ordering.next)


def new_resident_to_review(kiosk: Resident) -> None:
    """A new resident, Ana Lima, orders "Faire les courses" up to the review."""
    ordering = kiosk.window.ordering
    new_resident_to_consent(kiosk)
    kiosk.tap(ordering.consent.agree)
    kiosk.tap(ordering.next)


def answer_when_and_where(kiosk: Resident) -> None:
    """From the "when" step: tomorrow morning, at the usual address; on to "what"."""
    choose_tomorrow_morning(kiosk)
    kiosk.tap(kiosk.window.ordering.next)
    fill_address(kiosk)
    kiosk.tap(kiosk.window.ordering.next)


def test_a_new_resident_orders_a_service_from_the_welcome_screen(
    kiosk: Resident, comptoir: Comptoir
) -> None:
    window = kiosk.window
    ordering = window.ordering
    open_service(kiosk, "Courses et commissions", "Faire les courses")
    assert "Faire les courses" in kiosk.screen_text()
    assert "Prix : 5\u00a0€ les 20 min" in kiosk.screen_text()
    kiosk.tap_named("Commander ce service")

    assert ordering.step_label.text() == "Étape 1 sur 6"
    assert ordering.question.text() == "Votre numéro de téléphone"
    who = ordering.who
    kiosk.fill(who.phone.editor, "0612345678")
    assert who.name.isVisible() and not ordering.next.isEnabled()
    assert not who.redo_button.isVisible()  # nobody knows this number
    kiosk.fill(who.name.editor, "Jérôme Dupré")
    kiosk.tap(ordering.next)

    assert ordering.step_label.text() == "Étape 2 sur 6"
    assert not ordering.next.isEnabled()
    choose_tomorrow_morning(kiosk)
    kiosk.tap(ordering.next)

    assert ordering.question.text() == "Où le Lulu doit-il venir ?"
    assert not ordering.where.same_title.isVisible()  # a new number: an address is typed
    assert not ordering.next.isEnabled()
    fill_address(kiosk)
    assert ordering.where.notes.text == "Code 4521B, porte à gauche"
    kiosk.tap(ordering.next)

    what = ordering.what
    kiosk.fill(what.description.editor, "Une dizaine de bouteilles d'eau")
    before = what.price.text()
    kiosk.tap(what.units.plus)
    assert what.price.text() != before
    kiosk.tap(ordering.next)

    assert not ordering.next.isEnabled()
    kiosk.tap(ordering.consent.agree)
    kiosk.tap(ordering.next)

    review = ordering.review.summary
    assert "Faire les courses" in review and "12 rue François Miron" in review
    assert "vendredi 27 novembre, entre 9\u00a0h et 11\u00a0h" in review
    # Everything the order says, as typed: floor, lift, access, phone, description.
    assert "5e étage, sans ascenseur" in review
    assert "Accès : Code 4521B, porte à gauche" in review
    assert "06 12 34 56 78" in review and "Jérôme Dupré" in review
    assert "« Une dizaine de bouteilles d'eau »" in review
    kiosk.tap_named("Confirmer ma commande")

    assert window.current_screen is window.confirmation
    number = window.confirmation.number.text()
    assert number == "01-0001"
    assert "Votre ticket s’imprime" in window.confirmation.ticket.text()

    order = comptoir.orders.by_number(number)
    assert order.status is OrderStatus.REQUESTED
    assert order.channel is Channel.SELF_SERVICE
    assert order.service_name_fr == "Faire les courses"
    assert order.slot_start == datetime(2026, 11, 27, 8, 0, tzinfo=UTC)  # 9:00 in Paris
    assert order.address.street == "12 rue François Miron"
    assert order.address.floor == 5 and order.address.has_lift is False
    assert order.address.access_notes == "Code 4521B, porte à gauche"
    assert order.description == "Une dizaine de bouteilles d'eau"
    client = comptoir.clients.get(order.client_id)
    assert client.name == "Jérôme Dupré" and client.phone == "+33612345678"
    assert [job.kind for job in comptoir.print_jobs.for_order(order.id)] == ["order_ticket"]
    # The order's details are already forgotten by the screens.
    assert ordering.where.street.text == "" and ordering.who.phone.text == ""


def test_a_known_client_is_recognised_by_phone_and_only_confirms(
    kiosk: Resident, comptoir: Comptoir, clock: object
) -> None:
    service = comptoir.catalogue.search("courses")[0]
    first = comptoir.orders.place(
        OrderRequest(
            service_id=service.id,
            slot_start=datetime(2026, 11, 30, 9, tzinfo=UTC),
            slot_end=datetime(2026, 11, 30, 10, tzinfo=UTC),
            estimated_units=2,
            phone="06 98 76 54 32",
            address=AddressInput(street="3 rue du Prévôt", postcode="75004"),
            channel=Channel.COUNTER,
            name="Madeleine Carré",
            consent=True,
        )
    )
    window = kiosk.window
    ordering = window.ordering
    walk_to_who(kiosk)
    kiosk.fill(ordering.who.phone.editor, "0698765432")
    # Recognised: initials only, never the name or address of whoever owns the number.
    assert ordering.who.known.text() == "Bon retour, M. C. ! Nous connaissons ce numéro."
    assert "Madeleine" not in kiosk.screen_text() and "Prévôt" not in kiosk.screen_text()
    assert not ordering.who.name.isVisible()
    assert ordering.next.isEnabled()
    kiosk.tap(ordering.next)
    choose_tomorrow_morning(kiosk)
    kiosk.tap(ordering.next)
    # Their address back, as much as recognising it takes: never the door code.
    where = ordering.where
    assert where.same_title.text() == "Même adresse que la dernière fois ?"
    assert where.same_address.text() == "3 rue du Prévôt, 75004"
    assert not where.street.isVisible() and not ordering.next.isEnabled()
    kiosk.tap_named("Oui, cette adresse")
    kiosk.tap(ordering.next)
    kiosk.tap(ordering.next)
    assert ordering.consent.agree.isChecked()  # agreed with their first order
    kiosk.tap(ordering.next)
    kiosk.tap(ordering.next)
    second = comptoir.orders.by_number(window.confirmation.number.text())
    assert second.client_id == first.client_id


def test_back_goes_one_question_back_and_keeps_the_answers(kiosk: Resident) -> None:
    ordering = kiosk.window.ordering
    walk_to_who(kiosk)
    kiosk.fill(ordering.who.phone.editor, "0612345678")
    kiosk.fill(ordering.who.name.editor, "Ana Lima")
    kiosk.tap(ordering.next)
    choose_tomorrow_morning(kiosk)
    kiosk.tap(ordering.next)
    kiosk.fill(ordering.where.street.editor, "8 rue")
    kiosk.tap(ordering.back)
    assert ordering.question.text() == "Quand le Lulu doit-il venir ?"
    assert ordering.when.picker.slot() is not None
    kiosk.tap(ordering.next)
    assert ordering.where.street.text == "8 rue"
    kiosk.tap(ordering.back)
    kiosk.tap(ordering.back)
    kiosk.tap(ordering.back)
    assert kiosk.window.current_screen is kiosk.window.service


def test_the_slot_picker_never_offers_the_past(kiosk: Resident, clock: object) -> None:
    clock.advance(hours=2)  # type: ignore[attr-defined]  # 12:00 in Paris
    ordering = kiosk.window.ordering
    walk_to_who(kiosk)
    kiosk.fill(ordering.who.phone.editor, "0612345678")
    kiosk.fill(ordering.who.name.editor, "Ana Lima")
    kiosk.tap(ordering.next)
    picker = ordering.when.picker
    # Grey until a day is chosen, and the step says so.
    assert not any(b.isEnabled() for b in picker.window_buttons)
    assert picker.window_hint.text() == "Choisissez d’abord un jour : ses horaires s’allument."
    assert picker.day_buttons[0].text().startswith("Aujourd’hui")
    kiosk.tap(picker.day_buttons[0])
    enabled = [b.isEnabled() for b in picker.window_buttons]
    assert enabled == [False, False, True, True]  # 9–11 and 11–13 have begun
    assert picker.window_hint.text() == "Les horaires en gris ont déjà commencé."
    kiosk.tap(picker.day_buttons[1])
    assert picker.window_hint.text() == ""
    shown_days = [b for b in picker.day_buttons if not b.isHidden()]
    assert len(shown_days) == 14


def test_a_slot_that_passes_while_typing_is_refused_beside_the_question(
    kiosk: Resident, comptoir: Comptoir, clock: object
) -> None:
    ordering = kiosk.window.ordering
    new_resident_to_review(kiosk)
    clock.advance(days=2)  # type: ignore[attr-defined]
    kiosk.tap(ordering.next)
    assert ordering.question.text() == "Quand le Lulu doit-il venir ?"
    assert "Ce créneau est déjà passé." in ordering.when.error.text()
    assert comptoir.orders.list() == []
    # Another time, and straight back to the review.
    choose_tomorrow_morning(kiosk)
    assert ordering.next.text() == "Revenir au récapitulatif"
    kiosk.tap(ordering.next)
    assert ordering.index == REVIEW


def test_the_keyboard_follows_the_focused_field(kiosk: Resident) -> None:
    ordering = kiosk.window.ordering
    dock = kiosk.window.keyboard
    walk_to_who(kiosk)
    assert not dock.isVisible()
    kiosk.fill(ordering.who.phone.editor, "0612345678")
    kiosk.fill(ordering.who.name.editor, "Ana Lima")
    kiosk.tap(ordering.next)
    choose_tomorrow_morning(kiosk)
    kiosk.tap(ordering.next)
    kiosk.focus(ordering.where.street.editor)
    assert dock.isVisible() and dock.currentWidget() is dock.letters
    kiosk.focus(ordering.where.postcode.editor)
    assert dock.currentWidget() is not dock.letters
    kiosk.tap(dock.digits.done)
    assert not dock.isVisible() and QApplication.focusWidget() is None
    kiosk.focus(ordering.where.street.editor)
    kiosk.type("Rue ")
    kiosk.tap(dock.letters.shift)
    for accent in "éèêëàâçùûôîïœ":
        kiosk.tap(dock.letters.letter_keys[accent])
    kiosk.tap(dock.letters.letter_keys["é"])  # shift is for one letter only
    assert ordering.where.street.text == "Rue Éèêëàâçùûôîïœé"
    kiosk.erase(2)
    assert ordering.where.street.text == "Rue Éèêëàâçùûôîï"
    assert dock.letters.backspace.accessibleName() == "Effacer la dernière lettre"
