"""The look a person sees, measured on rendered widgets: a chosen option stands out from
the others by 3:1 at least and carries a ✓; lists, check boxes and scroll bars are the
theme's, not Qt's defaults; tiles and main actions carry pictograms."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QColor, QFontDatabase, QImage, QKeyEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QStyle, QStyleOptionButton, QWidget

from kiosk_app.comptoir import Comptoir
from sync.protocol import OrderStatus, PaymentMethod
from ui import theme
from ui.widgets.record_list import RecordList

from .conftest import MakeKiosk
from .counter_support import log_in, place_order
from .support import Resident
from .tap_steps import done_order, on_detail, shown
from .test_counter import open_row
from .test_order_flow import answer_when_and_where, open_service, walk_to_who

SELECTED_APART = 3.0  # WCAG 1.4.11: what tells a state apart, 3:1 at least


def shot(widget: QWidget, rect: QRect | None = None) -> QImage:
    image = widget.grab().toImage()
    return image.copy(rect) if rect is not None else image


def main_colour(image: QImage, *, margin: int = 6) -> str:
    """The colour covering most of the image inside `margin` (its background: text and
    borders are thinner than the fill)."""
    counts: Counter[str] = Counter()
    for y in range(margin, image.height() - margin, 2):
        for x in range(margin, image.width() - margin, 2):
            counts[image.pixelColor(x, y).name()] += 1
    return counts.most_common(1)[0][0]


def count_colour(image: QImage, colour: str, rect: QRect | None = None) -> int:
    area = rect or image.rect()
    target = QColor(colour)
    return sum(
        1
        for y in range(area.top(), area.bottom() + 1)
        for x in range(area.left(), area.right() + 1)
        if image.pixelColor(x, y) == target
    )


def corner_check_mark(widget: QWidget) -> bool:
    """A ✓ disc in the top right corner: white disc pixels and green tick pixels."""
    image = shot(widget)
    corner = QRect(image.width() - 32, 0, 32, 32)
    return (
        count_colour(image, theme.PALETTE["on_selected"], corner) > 60
        and count_colour(image, theme.PALETTE["selected"], corner) > 60
    )


def assert_apart(chosen: QWidget, other: QWidget) -> None:
    assert chosen.isVisible() and other.isVisible()
    on, off = main_colour(shot(chosen)), main_colour(shot(other))
    ratio = theme.contrast_ratio(on, off)
    assert ratio >= SELECTED_APART, f"{on} chosen vs {off}: {ratio:.2f}:1"
    assert corner_check_mark(chosen), "no ✓ on the chosen one"
    assert not corner_check_mark(other), "a ✓ on one not chosen"


def to_when(kiosk: Resident, *, from_service: bool = False) -> None:
    """A new resident orders "Faire les courses" up to the day and time (the phone first)."""
    if from_service:
        kiosk.tap_named("Commander ce service")
    else:
        walk_to_who(kiosk)
    ordering = kiosk.window.ordering
    kiosk.fill(ordering.who.phone.editor, "0612345678")
    kiosk.fill(ordering.who.name.editor, "Jérôme Dupré")
    kiosk.tap(ordering.next)


def test_a_chosen_day_and_time_window_stand_out_with_a_check_mark(kiosk: Resident) -> None:
    to_when(kiosk)
    picker = kiosk.window.ordering.when.picker
    kiosk.tap(picker.day_buttons[1])
    kiosk.tap(picker.window_buttons[0])
    assert_apart(picker.day_buttons[1], picker.day_buttons[2])
    assert_apart(picker.window_buttons[0], picker.window_buttons[1])


def test_the_chosen_language_stands_out_with_a_check_mark(kiosk: Resident) -> None:
    kiosk.tap(kiosk.window.welcome.tiles["order"])  # the languages show over the screens
    french, english = kiosk.window.languages["fr"], kiosk.window.languages["en"]
    assert french.isChecked()
    assert_apart(french, english)
    kiosk.tap(english)
    assert_apart(english, french)


def test_the_chosen_payment_method_stands_out_with_a_check_mark(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    order_id = done_order(comptoir)
    on_detail(kiosk, comptoir, order_id)
    detail = kiosk.window.counter.detail
    kiosk.tap(shown(kiosk, detail.methods[PaymentMethod.CASH]))
    assert_apart(detail.methods[PaymentMethod.CASH], detail.methods[PaymentMethod.CARD])


def _indicator(box: QCheckBox) -> QRect:
    option = QStyleOptionButton()
    box.initStyleOption(option)
    return box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)


def test_a_ticked_box_at_the_counter_stands_out_with_a_check_mark(
    kiosk: Resident, attendants: None
) -> None:
    log_in(kiosk)
    kiosk.tap_named("Nouvelle commande")
    box = kiosk.window.counter.order_form.consent
    kiosk.window.counter.scroll_to(box)
    indicator = _indicator(box)
    assert indicator.width() >= 40 and indicator.height() >= 40  # a finger's box
    inside = indicator.adjusted(4, 4, -4, -4)
    empty = main_colour(shot(box, inside), margin=0)
    assert count_colour(shot(box, inside), theme.PALETTE["on_selected"]) > 0.8 * (
        inside.width() * inside.height()
    )  # an empty white box
    kiosk.tap(box)
    assert box.isChecked()
    ticked_image = shot(box, inside)
    ticked = main_colour(ticked_image, margin=0)
    ratio = theme.contrast_ratio(ticked, empty)
    assert ratio >= SELECTED_APART, f"{ticked} ticked vs {empty}: {ratio:.2f}:1"
    # The ✓: white strokes on the green.
    white = count_colour(ticked_image, theme.PALETTE["on_selected"])
    assert 40 < white < 0.5 * inside.width() * inside.height()


def test_a_selected_row_is_green_with_a_check_mark_never_qt_blue(
    kiosk: Resident, qtbot: object
) -> None:
    class Row:
        def __init__(self, name: str) -> None:
            import uuid

            self.id = uuid.uuid4()
            self.name = name

    rows = [Row("Odette Vidal"), Row("Karim Benali"), Row("Marie Dupont")]
    listing = RecordList(lambda row: row.name, width_px=400, rows_shown=3, parent=kiosk.window)
    listing.fill(rows, selected=rows[0].id)
    listing.resize(420, 300)
    listing.show()
    kiosk.qtbot.waitExposed(listing)
    image = listing.viewport().grab().toImage()
    chosen = listing.visualItemRect(listing.item(0))
    other = listing.visualItemRect(listing.item(1))
    on = main_colour(image.copy(chosen), margin=2)
    off = main_colour(image.copy(other), margin=2)
    assert on == theme.PALETTE["selected"].lower() and on != "#308cc6"  # Fusion's highlight
    assert theme.contrast_ratio(on, off) >= SELECTED_APART
    # The ✓ at the row's right end, where the short name does not reach.
    end = QRect(chosen.right() - 48, chosen.top(), 48, chosen.height())
    assert count_colour(image, theme.PALETTE["on_selected"], end) > 40
    other_end = QRect(other.right() - 48, other.top(), 48, other.height())
    assert count_colour(image, theme.PALETTE["selected"], other_end) == 0
    listing.hide()
    listing.deleteLater()


@pytest.mark.parametrize(("colour", "background"), theme.DISTINCT_PAIRS)
def test_states_told_apart_reach_three_to_one(colour: str, background: str) -> None:
    ratio = theme.contrast_ratio(theme.PALETTE[colour], theme.PALETTE[background])
    assert ratio >= SELECTED_APART, f"{colour} against {background}: {ratio:.2f}"


def test_every_welcome_tile_and_category_shows_a_pictogram(kiosk: Resident) -> None:
    welcome = kiosk.window.welcome
    for name, tile in welcome.tiles.items():
        assert not tile.icon().isNull(), name
        drawn = shot(tile.picture)
        assert count_colour(drawn, theme.PALETTE["primary"]) > 200, f"no pictogram on {name}"
    kiosk.tap(welcome.tiles["order"])
    tiles = kiosk.window.catalogue.category_tiles.values()
    assert len(tiles) == 12
    pictograms = set()
    for tile in tiles:
        assert not tile.icon().isNull(), tile.text()
        assert count_colour(shot(tile.picture), theme.PALETTE["primary"]) > 100, tile.text()
        pictograms.add(tile.pictogram_name)
    assert "generic" not in pictograms and len(pictograms) == 12  # one of its own each


def test_a_category_with_an_unknown_pictogram_gets_the_generic_one(qapp: object) -> None:
    from ui.widgets.buttons import Tile
    from ui.widgets.pictograms import pictogram_pixmap

    tile = Tile("Réparer un vélo", role="category")
    tile.set_pictogram("bicycle-from-a-newer-server")
    assert not tile.icon().isNull()
    generic = pictogram_pixmap("generic", theme.PALETTE["primary"], 48).toImage()
    unknown = pictogram_pixmap("bicycle-from-a-newer-server", theme.PALETTE["primary"], 48)
    assert unknown.toImage() == generic
    tile.deleteLater()


def test_the_main_actions_carry_pictograms(kiosk: Resident) -> None:
    window = kiosk.window
    assert not window.home.icon().isNull()
    open_service(kiosk, "Courses et commissions", "Faire les courses")
    assert not window.service.order_button.icon().isNull()
    assert not window.service.back_button.icon().isNull()
    to_when(kiosk, from_service=True)
    ordering = window.ordering
    assert ordering.next.pictogram_name == "next" and ordering.back.pictogram_name == "back"
    kiosk.tap(ordering.when.picker.day_buttons[1])
    kiosk.tap(ordering.when.picker.window_buttons[0])
    assert ordering.next.isEnabled() and not ordering.next.icon().isNull()
    # The arrow, white like the text, after "Suivant": white beyond the text's end.
    button = ordering.next
    text = button.fontMetrics().horizontalAdvance(button.text())
    text_end = (button.width() - text - button.iconSize().width()) // 2 + text
    after = QRect(text_end + 2, 0, button.width() - text_end - 2, button.height())
    assert count_colour(shot(button), theme.PALETTE["on_primary"], after) > 30


def saturated(image: QImage) -> int:
    """Pixels in colour (an emoji's yellow, red, green): a missing glyph's empty box is
    drawn in the text's colour, grey or black, and has none."""
    return sum(
        1
        for y in range(0, image.height())
        for x in range(0, image.width())
        if image.pixelColor(x, y).hsvSaturation() > 120 and image.pixelColor(x, y).value() > 120
    )


def test_an_emoji_typed_and_shown_back_is_drawn_in_colour_never_an_empty_box(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    families = QFontDatabase.families()
    assert any("emoji" in family.lower() for family in families), (
        "no colour emoji font: install fonts-noto-color-emoji (deploy/debian-runtime-packages)"
    )
    walk_to_who(kiosk)
    ordering = kiosk.window.ordering
    kiosk.fill(ordering.who.phone.editor, "0612345678")
    kiosk.fill(ordering.who.name.editor, "Jérôme Dupré")
    kiosk.tap(ordering.next)
    answer_when_and_where(kiosk)
    editor = ordering.what.description.editor
    kiosk.focus(editor)
    before = saturated(shot(editor))
    # A hardware keyboard or a paste: what the on-screen keyboard does not offer.
    for emoji in ("🌷", "👍"):
        press = QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, emoji)
        QApplication.sendEvent(editor, press)
    assert "🌷👍" in editor.toPlainText()
    assert saturated(shot(editor)) > before + 50
    kiosk.tap(ordering.next)
    kiosk.tap(ordering.consent.agree)
    kiosk.tap(ordering.next)
    kiosk.tap_named("Confirmer ma commande")
    number = kiosk.window.confirmation.number.text()
    # Received: the attendant reads the order's request at the counter.
    log_in(kiosk)
    kiosk.window.counter.open_order(comptoir.orders.by_number(number))
    summary = kiosk.window.counter.detail.summary
    assert "🌷👍" in summary.text()
    assert saturated(shot(summary)) > 50


def test_cancelling_an_order_is_red_and_asks_first_and_no_keeps_it(
    make_kiosk: MakeKiosk, comptoir: Comptoir, attendants: None
) -> None:
    kiosk = make_kiosk(size=(1024, 600))  # a short screen: the question opens below
    order = place_order(comptoir)
    log_in(kiosk)
    open_row(kiosk, order.number)
    detail = kiosk.window.counter.detail
    kiosk.fill(shown(kiosk, detail.reason).editor, "Erreur de saisie")
    button = shown(kiosk, detail.cancel)
    assert count_colour(shot(button), theme.PALETTE["danger"]) > 200  # red frame and words
    kiosk.tap(button)
    card = detail.cancel_confirmation
    assert card.isVisible() and "ne peut pas être rouverte" in card.question.text()
    # Brought into view: both answers whole on the screen, without scrolling by hand.
    for answer in (card.yes, card.no):
        kiosk.qtbot.waitUntil(
            lambda a=answer: a.visibleRegion().boundingRect().size() == a.size(), timeout=2000
        )
    assert main_colour(shot(card.yes)) == theme.PALETTE["danger"].lower()
    kiosk.tap(card.no)
    assert not card.isVisible()
    assert comptoir.orders.get(order.id).status is OrderStatus.REQUESTED
    kiosk.tap(shown(kiosk, detail.cancel))
    kiosk.tap(shown(kiosk, card.yes))
    kiosk.window.tasks.settle()
    assert comptoir.orders.get(order.id).status is OrderStatus.CANCELLED


def test_every_irreversible_action_is_in_the_danger_style(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    from ui.attendant.client_profile import ClientProfilePanel
    from ui.settings.section import QuitPage

    log_in(kiosk)
    counter = kiosk.window.counter
    buttons = {
        "cancel an order": counter.detail.cancel,
        "refund": counter.detail.refunds.refund,
        "close the till": counter.till.close_form.close_button,
    }
    for name, button in buttons.items():
        assert button.property("role") == "danger", name
    for name, card in {
        "cancel an order": counter.detail.cancel_confirmation,
        "refund": counter.detail.refunds.confirmation,
        "close the till": counter.till.close_form.confirmation,
    }.items():
        assert card.yes.property("role") == "danger_confirm", name
    profile = kiosk.window.findChild(ClientProfilePanel)
    assert profile is not None
    assert profile.erase.property("role") == "danger"  # asks in its own card
    assert profile.confirm_erase.property("role") == "danger_confirm"
    quit_page = kiosk.window.findChild(QuitPage)
    if quit_page is not None:  # a manager's settings: asks the PIN again
        assert quit_page.quit.property("role") == "danger_confirm"


def test_the_style_sheets_own_check_marks_use_the_palette() -> None:
    """The QSS draws these files as they are (no tint): their colours follow the theme."""
    from ui.widgets.pictograms import ICON_DIR

    badge = (ICON_DIR / "check_badge.svg").read_text(encoding="utf-8").upper()
    tick = (ICON_DIR / "tick_on_selected.svg").read_text(encoding="utf-8").upper()
    assert theme.PALETTE["selected"].upper() in badge
    assert theme.PALETTE["on_selected"].upper() in badge and theme.PALETTE["on_selected"] in tick
    assert (ICON_DIR / "LICENSE").is_file()
