"""Follow my order, rate a service, become a Lulu: number and phone on the number pad,
stars and words on the screen, and what the store holds afterwards."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QWidget

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import OnboardingStage
from kiosk_app.views.clients import AddressInput
from kiosk_app.views.orders import OrderRequest, OrderView
from sync.protocol import Channel

from .conftest import MakeKiosk
from .support import Resident
from .test_idle import start_typing_a_lulu_application

PHONE = "06 11 22 33 44"


@pytest.fixture
def order(comptoir: Comptoir) -> OrderView:
    service = comptoir.catalogue.search("courses")[0]
    return comptoir.orders.place(
        OrderRequest(
            service_id=service.id,
            slot_start=datetime(2026, 11, 27, 9, tzinfo=UTC),
            slot_end=datetime(2026, 11, 27, 11, tzinfo=UTC),
            estimated_units=3,
            phone=PHONE,
            address=AddressInput(street="1 rue Saint-Paul", postcode="75004"),
            channel=Channel.SELF_SERVICE,
            name="Odette Vidal",
            consent=True,
        )
    )


@pytest.fixture
def lulu_id(comptoir: Comptoir) -> uuid.UUID:
    return comptoir.lulus.register_application(
        "Karim Benali", "07 81 22 33 44", ["courses"], "Matin"
    )


def look_up(kiosk: Resident, tile: str, number: str, phone: str) -> None:
    kiosk.tap(kiosk.window.welcome.tiles[tile])
    screen = kiosk.window.follow if tile == "follow" else kiosk.window.rate
    kiosk.fill(screen.lookup.number.editor, number)
    kiosk.fill(screen.lookup.phone.editor, phone)
    kiosk.tap(screen.lookup.search)


def test_following_an_order_shows_its_timeline(
    kiosk: Resident, comptoir: Comptoir, order: OrderView, clock: object, lulu_id: uuid.UUID
) -> None:
    clock.advance(minutes=30)  # type: ignore[attr-defined]
    comptoir.orders.confirm(order.id, attendant_id=None)
    look_up(kiosk, "follow", "010001", "0611223344")
    shown = kiosk.screen_text()
    assert "Commande 01-0001 : Courses au marché" in shown
    # Confirmed since: the request's step no longer says that the counter will call.
    assert "jeudi 26 novembre à 10\u00a0h — Demandée\n" in shown
    assert "jeudi 26 novembre à 10\u00a0h\u00a030 — Confirmée par le comptoir" in shown
    kiosk.tap_named("English")
    assert "Thursday 26 November, 10:30 — Confirmed by the counter" in kiosk.screen_text()


def test_a_wrong_phone_finds_nothing_and_shows_nothing(kiosk: Resident, order: OrderView) -> None:
    look_up(kiosk, "follow", "010001", "0699999999")
    follow = kiosk.window.follow
    assert follow.lookup.error.text() == (
        "Nous n’avons trouvé aucune commande avec ce numéro et ce téléphone."
    )
    assert "Courses au marché" not in kiosk.screen_text()


def test_the_search_button_waits_for_a_valid_number_and_phone(kiosk: Resident) -> None:
    kiosk.tap(kiosk.window.welcome.tiles["follow"])
    lookup = kiosk.window.follow.lookup
    kiosk.fill(lookup.number.editor, "01")
    kiosk.fill(lookup.phone.editor, "0611")
    assert not lookup.search.isEnabled()
    assert lookup.phone.message.text() == "Ce numéro n’est pas valide (exemple : 06 12 34 56 78)."
    kiosk.type("223344")
    assert lookup.phone.message.text() == ""


def test_a_done_order_is_rated_once(
    kiosk: Resident, comptoir: Comptoir, order: OrderView, lulu_id: uuid.UUID
) -> None:
    comptoir.orders.confirm(order.id, attendant_id=None)
    comptoir.orders.assign(order.id, lulu_id, attendant_id=None)
    comptoir.orders.mark_done(order.id, 55, attendant_id=None)
    look_up(kiosk, "rate", "01-0001", "0611223344")
    rate = kiosk.window.rate
    assert not rate.send.isEnabled()
    kiosk.tap(rate.stars[3])
    assert [star.isChecked() for star in rate.stars] == [True, True, True, True, False]
    # Filled or outlined, not only another colour: the choice reads without colours.
    assert [star.text() for star in rate.stars] == ["★", "★", "★", "★", "☆"]
    assert rate.stars[3].accessibleName() == "4 étoiles"
    kiosk.fill(rate.comment.editor, "Très gentil, merci")
    kiosk.tap(rate.send)
    assert "Merci pour votre note !" in kiosk.screen_text()
    rating = comptoir.ratings.for_order(order.id)
    assert rating is not None and (rating.stars, rating.comment) == (4, "Très gentil, merci")

    kiosk.tap_named("Accueil")
    look_up(kiosk, "rate", "01-0001", "0611223344")
    assert rate.lookup.error.text() == "Cette prestation a déjà été notée. Merci !"


def test_an_order_not_yet_done_cannot_be_rated(
    kiosk: Resident, comptoir: Comptoir, order: OrderView
) -> None:
    look_up(kiosk, "rate", "01-0001", "0611223344")
    assert kiosk.window.rate.lookup.error.text() == "Une prestation se note une fois réalisée."
    assert comptoir.ratings.for_order(order.id) is None


def test_a_neighbour_applies_to_become_a_lulu(kiosk: Resident, comptoir: Comptoir) -> None:
    kiosk.tap(kiosk.window.welcome.tiles["lulu"])
    screen = kiosk.window.become_lulu
    kiosk.fill(screen.name.editor, "Inès Moreau")
    kiosk.fill(screen.phone.editor, "0744556677")
    assert not screen.send.isEnabled()
    kiosk.tap_named("Repassage et linge")
    kiosk.tap_named("Garde d'enfants")
    kiosk.fill(screen.availability.editor, "Le mercredi")
    kiosk.tap(screen.send)
    shown = kiosk.screen_text()
    assert "Merci ! Le comptoir vous rappellera" in shown
    assert "Terminer" in shown and "Commander un service" in shown
    candidates = comptoir.lulus.list(stage=OnboardingStage.CANDIDATE)
    assert [(c.display_name, sorted(c.skills)) for c in candidates] == [
        ("Inès Moreau", ["enfants", "repassage"])
    ]
    kiosk.tap_named("Terminer")
    assert kiosk.window.current_screen is kiosk.window.welcome
    assert screen.name.text == "" and screen.chosen_skills() == []


def test_after_applying_a_neighbour_goes_on_to_order_a_service(
    make_kiosk: MakeKiosk, comptoir: Comptoir
) -> None:
    """In English and larger text on the smallest screen: the form scrolls down to
    "Send"; the thanks, "Finish" and "Order a service" are all in sight after it."""
    kiosk = make_kiosk(size=(1024, 768))
    start_typing_a_lulu_application(kiosk, skill="Odd jobs")
    screen = kiosk.window.become_lulu
    kiosk.fill(screen.availability.editor, "Wednesdays")
    kiosk.tap(screen.send)

    def in_sight(widget: QWidget) -> bool:
        return widget.visibleRegion().boundingRect() == widget.rect()

    # Once the page has taken its new height (the scroll area follows a round later).
    kiosk.qtbot.waitUntil(lambda: in_sight(screen.thanks_text), timeout=2000)
    assert in_sight(screen.finish) and in_sight(screen.another)
    shown = kiosk.screen_text()
    assert "Thank you! The counter will call you back" in shown
    assert "Finish" in shown
    kiosk.tap_named("Order a service")
    assert kiosk.window.current_screen is kiosk.window.catalogue
    assert kiosk.window.language.code == "en"  # the visit goes on
    assert "What do you need?" in kiosk.screen_text()
    assert len(comptoir.lulus.list(stage=OnboardingStage.CANDIDATE)) == 1


def follow_by_phone(kiosk: Resident, phone: str) -> None:
    kiosk.tap(kiosk.window.welcome.tiles["follow"])
    lookup = kiosk.window.follow.lookup
    assert lookup.number.title.text().startswith("Numéro de commande, si vous l’avez")
    kiosk.fill(lookup.phone.editor, phone)
    kiosk.tap(lookup.search)


def test_following_with_the_phone_alone_lists_the_orders_to_pick_from(
    kiosk: Resident, comptoir: Comptoir, order: OrderView, clock: object
) -> None:
    service = comptoir.catalogue.search("repassage")[0]
    second = comptoir.orders.place(
        OrderRequest(
            service_id=service.id,
            slot_start=datetime(2026, 11, 30, 13, tzinfo=UTC),
            slot_end=datetime(2026, 11, 30, 15, tzinfo=UTC),
            estimated_units=3,
            phone=PHONE,
            address=AddressInput(street="1 rue Saint-Paul", postcode="75004"),
            channel=Channel.SELF_SERVICE,
            consent=True,
        )
    )
    follow_by_phone(kiosk, "0611223344")
    lookup = kiosk.window.follow.lookup
    assert lookup.pick.text() == "Quelle commande ?"
    names = [button.text() for button in lookup.choices]
    assert names == [
        f"{second.service_name_fr}, lundi 30 novembre à 14\u00a0h",
        "Courses au marché, vendredi 27 novembre à 10\u00a0h",
    ]
    kiosk.tap(lookup.choices[1])
    shown = kiosk.screen_text()
    assert "Commande 01-0001 : Courses au marché" in shown
    # Still waiting: the counter will call; nothing to rate yet.
    assert "Demandée : le comptoir va vous appeler" in shown
    assert not kiosk.window.follow.rate_button.isVisible()
    kiosk.tap_named("English")
    kiosk.tap_named("Finish")
    assert kiosk.window.current_screen is kiosk.window.welcome
    assert kiosk.window.language.code == "fr"  # the visit is over


def test_a_phone_with_no_order_finds_nothing(kiosk: Resident, order: OrderView) -> None:
    follow_by_phone(kiosk, "0699999999")
    lookup = kiosk.window.follow.lookup
    assert lookup.error.text() == "Nous n’avons trouvé aucune commande pour ce numéro de téléphone."
    assert "Courses au marché" not in kiosk.screen_text()


def test_a_cancelled_order_does_not_say_the_counter_will_call(
    kiosk: Resident, comptoir: Comptoir, order: OrderView
) -> None:
    comptoir.orders.cancel(order.id, "Plus besoin", attendant_id=None)
    follow_by_phone(kiosk, "0611223344")  # one order: shown at once
    shown = kiosk.screen_text()
    assert "— Demandée\n" in shown + "\n" and "— Annulée" in shown
    assert "appeler" not in shown
    assert not kiosk.window.follow.rate_button.isVisible()


def test_a_done_order_offers_to_rate_it_then_ends_on_finish(
    kiosk: Resident, comptoir: Comptoir, order: OrderView, lulu_id: uuid.UUID
) -> None:
    comptoir.orders.confirm(order.id, attendant_id=None)
    comptoir.orders.assign(order.id, lulu_id, attendant_id=None)
    comptoir.orders.mark_done(order.id, 55, attendant_id=None)
    follow_by_phone(kiosk, "0611223344")
    assert "— Réalisée" in kiosk.screen_text()
    kiosk.tap_named("Noter ce service")
    rate = kiosk.window.rate
    assert kiosk.window.current_screen is rate
    assert rate.about.text() == "Comment s’est passé « Courses au marché » ? Touchez les étoiles."
    kiosk.tap(rate.stars[4])
    kiosk.tap(rate.send)
    assert "Merci pour votre note !" in kiosk.screen_text()
    assert rate.finish.isVisible() and rate.another.text() == "Commander un service"
    kiosk.tap_named("Commander un service")
    assert kiosk.window.current_screen is kiosk.window.catalogue
    rating = comptoir.ratings.for_order(order.id)
    assert rating is not None and rating.stars == 5


def test_rating_with_the_phone_alone_lists_only_done_orders(
    kiosk: Resident, comptoir: Comptoir, order: OrderView, lulu_id: uuid.UUID
) -> None:
    kiosk.tap(kiosk.window.welcome.tiles["rate"])
    lookup = kiosk.window.rate.lookup
    kiosk.fill(lookup.phone.editor, "0611223344")
    kiosk.tap(lookup.search)
    assert lookup.error.text() == "Nous n’avons trouvé aucune commande pour ce numéro de téléphone."
    comptoir.orders.confirm(order.id, attendant_id=None)
    comptoir.orders.assign(order.id, lulu_id, attendant_id=None)
    comptoir.orders.mark_done(order.id, 55, attendant_id=None)
    kiosk.tap(lookup.search)
    assert kiosk.window.rate.pages.currentWidget() is kiosk.window.rate.stars_page
