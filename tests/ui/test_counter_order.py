"""Taking an order at the counter on one screen: a known client found by phone, a
service found by a word, a slot, one tap; then a new client, who must agree."""

from __future__ import annotations

from collections import Counter

from PySide6.QtWidgets import QApplication, QListWidget

from kiosk_app.comptoir import Comptoir
from sync.protocol import Channel, OrderStatus

from .counter_support import log_in, place_order
from .support import Resident


def tap_item(kiosk: Resident, matches: QListWidget, text: str) -> None:
    row = next(
        r for r in range(matches.count()) if text in matches.item(r).text().replace("\xa0", " ")
    )
    rect = matches.visualItemRect(matches.item(row))
    kiosk.tap(matches.viewport(), rect.center())


def test_a_known_client_orders_at_the_counter_in_one_screen(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    earlier = place_order(comptoir)
    log_in(kiosk)
    kiosk.tap_named("Nouvelle commande")
    form = kiosk.window.counter.order_form
    assert not form.confirm.isEnabled()
    kiosk.fill(form.find_client, "0611")
    tap_item(kiosk, form.clients, "Odette Vidal · 06 11 22 33 44")
    assert form.street.text == "1 rue Saint-Paul" and form.postcode.text == "75004"
    kiosk.fill(form.find_service, "rideau")
    tap_item(kiosk, form.services, "Poser un rideau")
    kiosk.tap(form.picker.day_buttons[1])
    kiosk.tap(form.picker.window_buttons[0])
    kiosk.window.counter.scroll_to(form.units.plus)
    kiosk.tap(form.units.plus)
    assert form.units.shown.text() == "2 × 20 min\n10\u00a0€"
    kiosk.window.counter.scroll_to(form.confirm)
    kiosk.tap_named("Confirmer et imprimer")
    newest = comptoir.orders.list(limit=1)[0]
    assert newest.id != earlier.id
    assert newest.channel is Channel.COUNTER and newest.status is OrderStatus.REQUESTED
    assert newest.client_id == earlier.client_id and newest.estimated_units == 2
    assert [j.kind for j in comptoir.print_jobs.for_order(newest.id)] == ["order_ticket"]
    # Its detail opens from the confirmation; the queue lists it (tomorrow's).
    assert f"Commande {newest.number} enregistrée" in form.confirmation.text()
    kiosk.tap_named("Ouvrir cette commande")
    detail = kiosk.window.counter.detail
    assert detail.isVisible() and detail.order is not None and detail.order.id == newest.id
    kiosk.tap_named("Retour à la file")
    kiosk.tap_named("Jour suivant")
    assert kiosk.window.counter.queue.model.row_of(newest.id) == 0


def test_a_new_client_needs_a_name_and_consent(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    log_in(kiosk)
    kiosk.tap_named("Nouvelle commande")
    form = kiosk.window.counter.order_form
    kiosk.fill(form.phone.editor, "0699887766")
    kiosk.fill(form.street.editor, "3 rue du Prevot")
    kiosk.fill(form.postcode.editor, "75004")
    kiosk.fill(form.find_service, "rideau")
    tap_item(kiosk, form.services, "Poser un rideau")
    kiosk.tap(form.picker.day_buttons[1])
    kiosk.tap(form.picker.window_buttons[0])
    assert not form.confirm.isEnabled()  # no name, no consent
    kiosk.fill(form.name.editor, "Rose Martin")
    assert not form.confirm.isEnabled()
    kiosk.window.counter.scroll_to(form.consent)
    kiosk.tap(form.consent)
    kiosk.window.counter.scroll_to(form.confirm)
    kiosk.tap(form.confirm)
    order = comptoir.orders.list(limit=1)[0]
    client = comptoir.clients.get(order.client_id)
    assert client.name == "Rose Martin" and client.phone_display == "06 99 88 77 66"
    assert client.consent_at is not None
    # The form is empty again for the next person in the queue.
    kiosk.tap_named("Nouvelle commande")
    assert form.phone.text == "" and form.service is None


def test_the_check_mark_of_the_chosen_client_leaves_their_phone_readable(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    place_order(comptoir)
    log_in(kiosk)
    kiosk.tap_named("Nouvelle commande")
    form = kiosk.window.counter.order_form
    kiosk.fill(form.find_client, "0611")
    tap_item(kiosk, form.clients, "Odette Vidal · 06 11 22 33 44")
    item = form.clients.currentItem()
    assert item.isSelected()
    rect = form.clients.visualItemRect(item)
    shown = form.clients.viewport().grab().toImage()
    words = item.text()
    item.setText("")  # the row as drawn without its words: the green and the ✓ alone
    QApplication.processEvents()
    badge_only = form.clients.viewport().grab().toImage()
    item.setText(words)
    pixels = [
        (x, y) for x in range(rect.left(), rect.right()) for y in range(rect.top(), rect.bottom())
    ]
    green = Counter(badge_only.pixel(x, y) for x, y in pixels).most_common(1)[0][0]
    badge = {(x, y) for x, y in pixels if badge_only.pixel(x, y) != green}
    text = {(x, y) for x, y in pixels if shown.pixel(x, y) != badge_only.pixel(x, y)}
    assert badge and text  # both drawn...
    assert not badge & text  # ...apart: no letter under the ✓
