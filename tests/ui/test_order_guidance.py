"""Guidance on the order steps, as a resident taps: the phone first (a known client's
address back, their last order again), a "Next" that says what is missing, marked
required fields, a review with "Change" on each line, a fixed bottom bar, and "Home"
that asks before throwing an order away; then what the store holds."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from kiosk_app.comptoir import Comptoir
from kiosk_app.views.clients import AddressInput
from kiosk_app.views.orders import OrderRequest, OrderView
from sync.protocol import Channel
from ui.resident.ordering import REVIEW

from ..conftest import FakeClock
from .conftest import MakeKiosk
from .support import LEFT, Resident
from .test_order_flow import choose_tomorrow_morning, new_resident_to_review, walk_to_who

DOOR = "Code 7781A, 3e gauche"


def known_client(comptoir: Comptoir) -> OrderView:
    """Madeleine ordered "Montée de courses" before, to her 4th floor with a door code."""
    service = next(s for s in comptoir.catalogue.all_services() if s.code == "montee-courses")
    return comptoir.orders.place(
        OrderRequest(
            service_id=service.id,
            slot_start=datetime(2026, 11, 30, 9, tzinfo=UTC),
            slot_end=datetime(2026, 11, 30, 10, tzinfo=UTC),
            estimated_units=3,
            phone="06 98 76 54 32",
            address=AddressInput(
                street="3 rue du Prévôt", postcode="75004", floor=4, access_notes=DOOR
            ),
            channel=Channel.COUNTER,
            name="Madeleine Carré",
            description="Les bouteilles d'eau du marché",
            consent=True,
        )
    )


def everything_written(window: QWidget) -> str:
    """Every text held by the window's widgets, shown or not."""
    widgets = window.findChildren(QWidget)
    texts = [w.text() for w in widgets if isinstance(w, QLabel | QAbstractButton | QLineEdit)]
    return "\n".join(texts + [w.accessibleName() for w in widgets])


def touch_disabled(kiosk: Resident, button: QAbstractButton) -> None:
    """A finger on a grey button: Resident.tap refuses disabled buttons."""
    assert button.isVisible() and not button.isEnabled()
    kiosk.qtbot.mouseClick(button, LEFT, pos=button.rect().center())
    QApplication.processEvents()


def test_a_known_phone_gets_the_address_back_but_never_its_door_code(
    kiosk: Resident, comptoir: Comptoir
) -> None:
    first = known_client(comptoir)
    window, ordering = kiosk.window, kiosk.window.ordering
    walk_to_who(kiosk)
    kiosk.fill(ordering.who.phone.editor, "0698765432")
    kiosk.tap(ordering.next)
    choose_tomorrow_morning(kiosk)
    kiosk.tap(ordering.next)
    shown = kiosk.screen_text()
    assert "Même adresse que la dernière fois ?" in shown
    assert "3 rue du Prévôt, 75004" in shown
    # Anyone may type a phone: no name, floor nor door code anywhere in the window.
    for secret in ("7781", "Madeleine", "Carré", "4e"):
        assert secret not in everything_written(window), secret
    kiosk.tap_named("Oui, cette adresse")
    kiosk.tap(ordering.next)
    kiosk.tap(ordering.next)
    assert ordering.consent.agree.isChecked()  # agreed with their first order
    kiosk.tap(ordering.next)
    review = ordering.review.summary
    assert "3 rue du Prévôt, 75004 Paris" in review
    assert "Étage et accès : comme la dernière fois" in review
    assert "7781" not in everything_written(window)
    kiosk.tap_named("English")
    assert "Floor and access: as last time" in ordering.review.summary
    kiosk.tap_named("Confirm my order")
    second = comptoir.orders.by_number(window.confirmation.number.text())
    # The order goes to the whole address, floor and door code included.
    assert second.client_id == first.client_id
    assert (second.address.floor, second.address.access_notes) == (4, DOOR)


def test_another_address_is_typed_in_empty_fields(kiosk: Resident, comptoir: Comptoir) -> None:
    known_client(comptoir)
    ordering = kiosk.window.ordering
    walk_to_who(kiosk)
    kiosk.fill(ordering.who.phone.editor, "0698765432")
    kiosk.tap(ordering.next)
    choose_tomorrow_morning(kiosk)
    kiosk.tap(ordering.next)
    kiosk.tap_named("Non, une autre adresse")
    where = ordering.where
    assert where.street.isVisible() and where.street.text == "" and where.notes.text == ""
    assert not ordering.next.isEnabled()
    kiosk.fill(where.street.editor, "8 rue de Jouy")
    kiosk.fill(where.postcode.editor, "75004")
    kiosk.tap(ordering.next)
    assert ordering.steps[ordering.index] is ordering.what


def test_redo_my_last_order_fills_it_in_and_asks_only_the_time(
    kiosk: Resident, comptoir: Comptoir
) -> None:
    first = known_client(comptoir)
    window, ordering = kiosk.window, kiosk.window.ordering
    walk_to_who(kiosk)  # "Faire les courses" chosen in the catalogue
    kiosk.fill(ordering.who.phone.editor, "0698765432")
    redo = ordering.who.redo_button
    assert redo.text().endswith("Montée de courses")
    kiosk.tap_named("Refaire ma dernière commande")
    assert ordering.question.text() == "Quand le Lulu doit-il venir ?"
    assert not ordering.next.isEnabled()  # the time is the resident's to choose
    choose_tomorrow_morning(kiosk)
    assert ordering.next.text() == "Revenir au récapitulatif"
    kiosk.tap(ordering.next)
    assert ordering.index == REVIEW
    review = ordering.review.summary
    assert "Montée de courses" in review and "« Les bouteilles d'eau du marché »" in review
    assert "environ 1 h" in review
    kiosk.tap_named("Confirmer ma commande")
    again = comptoir.orders.by_number(window.confirmation.number.text())
    assert again.service_id == first.service_id and again.estimated_units == 3
    assert again.description == first.description
    assert again.address.access_notes == DOOR and again.slot_start != first.slot_start


def test_a_grey_next_says_what_is_missing_and_required_fields_are_marked(
    kiosk: Resident,
) -> None:
    ordering = kiosk.window.ordering
    bar = ordering.bar
    walk_to_who(kiosk)
    assert "Les champs marqués * sont à remplir." in kiosk.screen_text()
    assert ordering.who.phone.title.text().endswith(" *")
    assert not bar.hint.isVisible()
    touch_disabled(kiosk, ordering.next)
    assert bar.hint.isVisible() and bar.hint.text() == "Tapez votre numéro de téléphone."
    kiosk.fill(ordering.who.phone.editor, "0612345678")
    touch_disabled(kiosk, ordering.next)
    assert bar.hint.text() == "Tapez votre nom."
    kiosk.tap_named("English")
    assert bar.hint.text() == "Type your name."
    kiosk.tap_named("Français")
    kiosk.fill(ordering.who.name.editor, "Ana Lima")
    kiosk.tap(ordering.next)
    assert not bar.hint.isVisible()  # a new question, a new sentence
    touch_disabled(kiosk, ordering.next)
    assert bar.hint.text() == "Choisissez un jour et un créneau."
    kiosk.tap(ordering.when.picker.day_buttons[1])
    touch_disabled(kiosk, ordering.next)
    assert bar.hint.text() == "Choisissez un créneau."
    kiosk.tap(ordering.when.picker.window_buttons[0])
    kiosk.tap(ordering.next)
    where = ordering.where
    assert [f.title.text().endswith(" *") for f in (where.street, where.postcode, where.city)] == [
        True,
        True,
        True,
    ]
    assert not where.notes.title.text().endswith("*")
    touch_disabled(kiosk, ordering.next)
    assert bar.hint.text() == "Il manque : Numéro et rue, Code postal."
    kiosk.fill(where.street.editor, "8 rue de Jouy")
    kiosk.fill(where.postcode.editor, "75004")
    kiosk.tap(ordering.next)
    kiosk.tap(ordering.next)
    touch_disabled(kiosk, ordering.next)
    assert bar.hint.text() == "Touchez « J’accepte » pour continuer."


def test_change_on_a_review_line_goes_to_that_question_and_back(
    kiosk: Resident, comptoir: Comptoir
) -> None:
    window, ordering = kiosk.window, kiosk.window.ordering
    new_resident_to_review(kiosk)
    assert ordering.index == REVIEW
    for line in ("Prestation", "Quand", "Où", "Téléphone"):
        assert kiosk.find(f"Modifier : {line}").isVisible()
    kiosk.tap_named("Modifier : Où")
    assert ordering.question.text() == "Où le Lulu doit-il venir ?"
    assert ordering.next.text() == "Revenir au récapitulatif"
    kiosk.focus(ordering.where.street.editor)
    kiosk.erase(len("12 rue François Miron"))
    kiosk.type("4 rue Geoffroy")
    kiosk.tap(ordering.next)
    assert ordering.index == REVIEW
    assert "4 rue Geoffroy, 75004 Paris" in ordering.review.summary
    kiosk.tap_named("Modifier : Quand")
    kiosk.tap(ordering.when.picker.window_buttons[2])
    kiosk.tap(ordering.next)
    assert "vendredi 27 novembre, entre 14\u00a0h et 16\u00a0h" in ordering.review.summary
    kiosk.tap_named("Confirmer ma commande")
    order = comptoir.orders.by_number(window.confirmation.number.text())
    assert order.address.street == "4 rue Geoffroy"


def test_the_bottom_bar_stays_in_place_above_the_keyboard(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(size=(1024, 768))
    window, ordering = kiosk.window, kiosk.window.ordering
    walk_to_who(kiosk)
    bar = ordering.bar
    assert bar.step_label.text() == "Étape 1 sur 6" and bar.dots.text() == "● ○ ○ ○ ○ ○"
    kiosk.focus(ordering.who.phone.editor)
    assert window.keyboard.isVisible()

    def place(widget: QWidget) -> QRect:
        return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())

    keyboard_top = place(window.keyboard).top()
    for button in (ordering.back, ordering.next):
        assert button.isVisible() and place(button).bottom() < keyboard_top
        assert window.rect().contains(place(button))
    kiosk.type("0612345678")
    kiosk.focus(ordering.who.name.editor)
    kiosk.type("Ana")
    kiosk.tap(ordering.next)
    assert bar.step_label.text() == "Étape 2 sur 6" and bar.dots.text() == "● ● ○ ○ ○ ○"
    assert place(ordering.back).left() < place(bar.step_label).left()
    assert place(bar.step_label).right() < place(ordering.next).left()


def first_service_of(kiosk: Resident, category: str) -> None:
    catalogue = kiosk.window.catalogue
    kiosk.tap_named(category)
    kiosk.tap(
        catalogue.list.viewport(), catalogue.list.visualRect(catalogue.model.index(0)).center()
    )


def test_home_in_the_middle_of_an_order_asks_and_keeps_language_and_size(
    kiosk: Resident, comptoir: Comptoir
) -> None:
    window, ordering = kiosk.window, kiosk.window.ordering
    kiosk.tap_named("Texte plus grand")
    kiosk.tap_named("English")
    kiosk.tap(window.welcome.tiles["order"])
    first_service_of(kiosk, "Shopping and errands")
    kiosk.tap_named("Order this service")
    kiosk.fill(ordering.who.phone.editor, "0612345678")
    kiosk.tap_named("Home")
    assert ordering.abandon.isVisible()
    assert "Abandon this order?" in kiosk.screen_text()
    kiosk.tap_named("No, carry on")
    assert window.current_screen is ordering and ordering.who.phone.text == "0612345678"
    kiosk.tap_named("Home")
    kiosk.tap_named("Yes, abandon")
    assert window.current_screen is window.welcome
    assert window.language.code == "en" and window.large_text
    assert "Order a service" in kiosk.screen_text()
    assert ordering.who.phone.text == "" and not ordering.started
    assert comptoir.orders.list() == []
    # In French, the same question in French.
    kiosk.tap_named("Français")
    kiosk.tap(window.welcome.tiles["order"])
    first_service_of(kiosk, "Courses et commissions")
    kiosk.tap_named("Commander ce service")
    kiosk.tap_named("Accueil")
    assert "Abandonner cette commande ?" in kiosk.screen_text()
    kiosk.tap_named("Oui, abandonner")
    assert window.current_screen is window.welcome and window.large_text


def test_home_before_any_order_asks_nothing(kiosk: Resident) -> None:
    kiosk.tap(kiosk.window.welcome.tiles["order"])
    kiosk.tap_named("Accueil")
    assert kiosk.window.current_screen is kiosk.window.welcome


def test_a_client_who_agreed_before_finds_it_ticked_with_the_day(
    kiosk: Resident, comptoir: Comptoir, clock: FakeClock
) -> None:
    known_client(comptoir)  # Madeleine agreed on the clock's day, 26 November 2026
    clock.advance(days=7)
    window, ordering = kiosk.window, kiosk.window.ordering
    consent = ordering.consent
    walk_to_who(kiosk)
    kiosk.fill(ordering.who.phone.editor, "0698765432")
    kiosk.tap(ordering.next)
    choose_tomorrow_morning(kiosk)
    kiosk.tap(ordering.next)
    kiosk.tap_named("Oui, cette adresse")
    kiosk.tap(ordering.next)
    kiosk.tap(ordering.next)
    assert ordering.steps[ordering.index] is consent
    assert "Vous avez déjà accepté le 26 novembre 2026." in kiosk.screen_text()
    assert consent.agree.isChecked() and consent.agree.text() == "☑  J’accepte"
    assert ordering.next.isEnabled()
    kiosk.tap_named("English")
    assert "You already agreed on 26 November 2026." in kiosk.screen_text()
    kiosk.tap(consent.agree)  # still theirs to take back
    assert not consent.agree.isChecked() and not ordering.next.isEnabled()
    kiosk.tap(consent.agree)
    kiosk.tap(ordering.next)
    assert ordering.index == REVIEW

    # Another phone, a new client: no address and nothing ticked for them; "Back to
    # the review" asks for each first.
    kiosk.tap(ordering.review.change["who"])
    kiosk.focus(ordering.who.phone.editor)
    kiosk.erase(14)  # the digits and the spaces shown between them
    kiosk.type("0611111111")
    kiosk.fill(ordering.who.name.editor, "Ana Lima")
    kiosk.tap(ordering.next)
    assert ordering.steps[ordering.index] is ordering.where
    kiosk.fill(ordering.where.street.editor, "8 rue de Jouy")
    kiosk.fill(ordering.where.postcode.editor, "75004")
    kiosk.tap(ordering.next)
    assert ordering.steps[ordering.index] is consent
    assert not consent.agree.isChecked() and "already agreed" not in kiosk.screen_text()
    kiosk.tap(consent.agree)
    kiosk.tap(ordering.next)
    assert ordering.index == REVIEW
    kiosk.tap_named("Confirm my order")
    placed = comptoir.orders.by_number(window.confirmation.number.text())
    client = comptoir.clients.get(placed.client_id)
    assert client.name == "Ana Lima" and client.consent_at == clock.now
