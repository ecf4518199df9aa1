"""The look a person sees, measured on rendered widgets: a chosen option stands out from
the others by 3:1 at least and carries a ✓; lists, check boxes and scroll bars are the
theme's, not Qt's defaults; tiles and main actions carry pictograms."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QCheckBox, QStyle, QStyleOptionButton, QWidget

from kiosk_app.comptoir import Comptoir
from sync.protocol import PaymentMethod
from ui import theme
from ui.widgets.record_list import RecordList

from .counter_support import log_in
from .support import Resident
from .test_every_tap_once import done_order, on_detail, shown
from .test_order_flow import open_service

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


def test_a_chosen_day_and_time_window_stand_out_with_a_check_mark(kiosk: Resident) -> None:
    open_service(kiosk, "Courses et commissions", "Faire les courses")
    kiosk.tap_named("Commander ce service")
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
