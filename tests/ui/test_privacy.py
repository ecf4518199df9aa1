"""The next resident sees nothing of the last one, and only the logo held leads to the
counter: a resident who walks away mid-way leaves no order, client or phone behind in
the screens' memory, and no key, back button, long press nor wait opens the PIN pad."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from kiosk_app.comptoir import Comptoir
from kiosk_app.views.clients import AddressInput
from kiosk_app.views.orders import OrderRequest
from sync.protocol import Channel

from .conftest import HOLD_MS, MakeKiosk
from .support import LEFT, Resident
from .test_order_flow import open_service, walk_to_who
from .tour_data import done_order

IDLE_MS = 300


def place_for(comptoir: Comptoir, name: str, phone: str) -> str:
    service = comptoir.catalogue.search("courses")[0]
    order = comptoir.orders.place(
        OrderRequest(
            service_id=service.id,
            slot_start=datetime(2026, 11, 30, 9, tzinfo=UTC),
            slot_end=datetime(2026, 11, 30, 11, tzinfo=UTC),
            estimated_units=2,
            phone=phone,
            address=AddressInput(street="3 rue du Prévôt", postcode="75004"),
            channel=Channel.COUNTER,
            name=name,
            consent=True,
        )
    )
    return order.number


def walk_away(kiosk: Resident) -> None:
    window = kiosk.window
    kiosk.qtbot.waitUntil(lambda: window.overlay.isVisible(), timeout=3000)
    kiosk.qtbot.waitUntil(lambda: window.current_screen is window.welcome, timeout=4000)


def test_walking_away_from_a_followed_order_forgets_it(
    make_kiosk: MakeKiosk, comptoir: Comptoir
) -> None:
    number = place_for(comptoir, "Madeleine Carré", "06 98 76 54 32")
    kiosk = make_kiosk(idle_ms=IDLE_MS, countdown_s=1)
    window = kiosk.window
    kiosk.tap(window.welcome.tiles["follow"])
    kiosk.fill(window.follow.lookup.number.editor, number.replace("-", ""))
    kiosk.fill(window.follow.lookup.phone.editor, "0698765432")
    kiosk.tap(window.follow.lookup.search)
    assert number in kiosk.screen_text()
    walk_away(kiosk)

    follow = window.follow
    assert follow.order is None and follow.summary.text() == ""
    assert follow.lookup.number.text == "" and follow.lookup.phone.text == ""
    assert follow.steps_layout.count() == 0
    kiosk.tap(window.welcome.tiles["follow"])
    assert follow.pages.currentWidget() is follow.lookup
    assert number not in kiosk.screen_text() and "Faire les courses" not in kiosk.screen_text()


def test_walking_away_after_being_recognised_forgets_the_client(
    make_kiosk: MakeKiosk, comptoir: Comptoir
) -> None:
    place_for(comptoir, "Madeleine Carré", "06 98 76 54 32")
    kiosk = make_kiosk(idle_ms=IDLE_MS, countdown_s=1)
    window = kiosk.window
    ordering = window.ordering
    walk_to_who(kiosk)
    kiosk.fill(ordering.who.phone.editor, "0698765432")
    assert ordering.who.client is not None
    kiosk.tap(window.keyboard.digits.done)
    walk_away(kiosk)

    assert ordering.who.client is None and ordering.service is None
    assert ordering.who.phone.text == "" and ordering.where.street.text == ""
    assert ordering.where.notes.text == "" and ordering.what.description.text == ""
    assert ordering.when.picker.slot() is None
    assert window.service.service is None
    widgets = window.findChildren(QWidget)
    kept = [w.text() for w in widgets if isinstance(w, QLabel | QAbstractButton | QLineEdit)]
    kept += [w.accessibleName() for w in widgets]
    assert not [t for t in kept if "M. C." in t or "Miron" in t or "98 76" in t]


def test_walking_away_from_a_rating_forgets_the_order(
    make_kiosk: MakeKiosk, comptoir: Comptoir
) -> None:
    order = done_order(comptoir, phone="06 22 33 44 55")
    kiosk = make_kiosk(idle_ms=IDLE_MS, countdown_s=1)
    window = kiosk.window
    rate = window.rate
    kiosk.tap(window.welcome.tiles["rate"])
    kiosk.fill(rate.lookup.number.editor, order.number.replace("-", ""))
    kiosk.fill(rate.lookup.phone.editor, "0622334455")
    kiosk.tap(rate.lookup.search)
    kiosk.tap(rate.stars[2])
    kiosk.fill(rate.comment.editor, "Merci Karim")
    walk_away(kiosk)

    assert rate.order is None and rate.chosen_stars == 0 and rate.about.text() == ""
    assert rate.comment.text == "" and rate.lookup.number.text == ""
    assert [star.text() for star in rate.stars] == ["☆"] * 5
    assert comptoir.ratings.for_order(order.id) is None


RESIDENT_TILES = ("order", "follow", "rate", "lulu")
KEYS = (
    Qt.Key.Key_Escape,
    Qt.Key.Key_Return,
    Qt.Key.Key_Tab,
    Qt.Key.Key_Backspace,
    Qt.Key.Key_Home,
    Qt.Key.Key_Menu,
    Qt.Key.Key_Back,
    Qt.Key.Key_A,
    Qt.Key.Key_C,
    Qt.Key.Key_L,
    Qt.Key.Key_P,
    *(getattr(Qt.Key, f"Key_F{n}") for n in range(1, 13)),
)
MODIFIERS = (
    Qt.KeyboardModifier.NoModifier,
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.AltModifier,
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
)


def press_every_shortcut(kiosk: Resident) -> None:
    for modifier in MODIFIERS:
        for key in KEYS:
            target = QApplication.focusWidget() or kiosk.window
            kiosk.qtbot.keyClick(target, key, modifier)
            assert kiosk.window.current_screen not in (kiosk.window.pin_pad, kiosk.window.counter)


def test_no_key_back_button_long_press_nor_wait_opens_the_pin_pad(
    make_kiosk: MakeKiosk, attendants: None
) -> None:
    kiosk = make_kiosk(idle_ms=IDLE_MS, countdown_s=1)
    window = kiosk.window
    press_every_shortcut(kiosk)
    for name in RESIDENT_TILES:
        # A finger resting on a tile as long as an attendant holds the logo.
        tile = window.welcome.tiles[name]
        kiosk.qtbot.mousePress(tile, LEFT, pos=tile.rect().center())
        kiosk.qtbot.wait(HOLD_MS * 2)
        kiosk.qtbot.mouseRelease(tile, LEFT, pos=tile.rect().center())
        assert window.current_screen is not window.pin_pad
        press_every_shortcut(kiosk)
        kiosk.tap_named("Accueil")
    # Through the order's back buttons, all the way back to the welcome screen.
    open_service(kiosk, "Courses et commissions", "Faire les courses")
    kiosk.tap_named("Commander ce service")
    press_every_shortcut(kiosk)
    kiosk.tap(window.ordering.back)
    assert window.current_screen is window.service
    kiosk.tap(window.service.back_button)
    kiosk.tap(window.catalogue.back)
    assert window.current_screen is window.catalogue
    press_every_shortcut(kiosk)
    # Left alone, anywhere, the kiosk goes back to the welcome screen, never further.
    walk_away(kiosk)
    kiosk.qtbot.wait(IDLE_MS * 2)
    assert window.current_screen is window.welcome and window.attendant is None
