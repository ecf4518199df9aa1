"""Larger text is half again every size, on every resident screen, for the whole visit;
the keyboard takes at most 45 % of the window, its rows apart, its last row and the
screen's main button in sight, and the next resident gets a keyboard sized for them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QWidget

from ui import theme
from ui.widgets.keyboard import HEIGHT_SHARE

from .conftest import MakeKiosk
from .support import Resident
from .test_order_flow import walk_to_who


@pytest.mark.parametrize("size", [(1024, 768), (1280, 800), (1920, 1080), (1080, 1920)])
def test_larger_text_is_half_again_every_size(size: tuple[int, int]) -> None:
    scale = theme.size_scale(*size)
    for name in theme.Sizes.__slots__:
        normal = theme.SIZES.px(name, scale)
        assert theme.SIZES.px(name, scale, larger=True) >= 1.5 * normal - 0.5, name
        assert normal >= theme.FLOORS.get(name, 0)


def test_the_sizes_follow_the_window() -> None:
    assert theme.size_scale(1280, 800) == 1.0
    assert theme.size_scale(1024, 768) < 1.0 < theme.size_scale(1920, 1080)
    assert theme.size_scale(1080, 1920) < 1.0  # portrait: the width decides


def _rect_in(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def test_a_plus_on_every_resident_screen_lasts_the_visit(kiosk: Resident) -> None:
    window = kiosk.window
    hint = window.welcome.hint
    normal_px = hint.fontInfo().pixelSize()
    kiosk.tap(window.welcome.tiles["order"])
    kiosk.tap(window.larger)  # the top bar's A+
    assert window.large_text and window.larger.isChecked()
    assert hint.fontInfo().pixelSize() >= 1.45 * normal_px
    title_px = window.catalogue.title.fontInfo().pixelSize()
    for tile in ("follow", "rate", "lulu"):
        window._tile(tile)
        QApplication.processEvents()
        assert window.larger.isVisible() and window.large_text, tile
    assert window.catalogue.title.fontInfo().pixelSize() == title_px
    window.end_session()  # the visit ends: the next resident starts in normal text
    assert not window.large_text and hint.fontInfo().pixelSize() == normal_px


def _keyboard_checks(kiosk: Resident) -> None:
    window = kiosk.window
    dock = window.keyboard
    assert dock.isVisible()
    assert dock.height() <= HEIGHT_SHARE * window.height() + 1
    keys = [k for k in dock.letters.findChildren(QWidget) if k.isVisible() and k is not dock]
    rects = [_rect_in(k, window) for k in keys if k.metaObject().className() == "TouchButton"]
    assert len(rects) > 40
    for rect in rects:
        assert window.rect().contains(rect), rect
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            assert not a.intersects(b), (a, b)


def test_the_keyboard_fits_and_the_next_resident_gets_theirs(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(size=(1024, 768))
    window = kiosk.window
    kiosk.tap(window.welcome.larger_text)
    kiosk.tap(window.welcome.tiles["lulu"])
    lulu = window.become_lulu
    kiosk.focus(lulu.name.editor)
    _keyboard_checks(kiosk)
    large_key = window.keyboard.letters.space.height()
    # The rest of the form below the field: the main button is scrolled into sight,
    # above the keyboard.
    kiosk.focus(lulu.availability.editor)
    QApplication.processEvents()
    QApplication.processEvents()
    send = _rect_in(lulu.send, window)
    assert send.bottom() < window.keyboard.mapTo(window, window.keyboard.rect().topLeft()).y()
    assert lulu.send.visibleRegion().boundingRect() == lulu.send.rect()

    window.end_session()
    kiosk.tap(window.welcome.tiles["lulu"])
    kiosk.focus(lulu.name.editor)
    _keyboard_checks(kiosk)
    normal_key = window.keyboard.letters.space.height()
    assert normal_key == min(
        theme.current().px("key_px"),
        (int(HEIGHT_SHARE * 768) - 2 * 8 - 5 * 6) // 6,
    )
    assert theme.current().px("key_px") < theme.SIZES.px("key_px", 0.8, larger=True)
    assert normal_key < large_key  # not the last visit's keys


def test_larger_text_chosen_at_the_welcome_lasts_until_the_resident_walks_away(
    make_kiosk: MakeKiosk,
) -> None:
    """ "Texte plus grand" at the welcome: the order's steps, "Accueil" in the middle of
    the order (the abandon question answered) and the welcome screen after it keep the
    larger text and a checked toggle; the idle reset ends it for the next resident."""
    kiosk = make_kiosk(idle_ms=1500, countdown_s=1)
    window, ordering = kiosk.window, kiosk.window.ordering
    QApplication.processEvents()  # the first words, posted at start-up
    hint = window.welcome.hint
    normal = {"hint": hint.fontInfo().pixelSize()}
    kiosk.tap_named("Texte plus grand")
    assert window.welcome.larger_text.isChecked()
    assert hint.fontInfo().pixelSize() >= 1.5 * normal["hint"]

    walk_to_who(kiosk)
    large = {"question": ordering.question.fontInfo().pixelSize()}
    assert window.larger.isVisible() and window.larger.isChecked()
    kiosk.fill(ordering.who.phone.editor, "0612345678")
    kiosk.fill(ordering.who.name.editor, "Ana Lima")
    kiosk.tap(ordering.next)
    assert ordering.when.isVisible() and window.larger.isChecked()
    assert ordering.question.fontInfo().pixelSize() == large["question"]
    large["step"] = ordering.step_label.fontInfo().pixelSize()

    kiosk.tap_named("Accueil")
    kiosk.tap_named("Oui, abandonner")
    assert window.current_screen is window.welcome
    assert window.welcome.larger_text.isChecked()  # what the resident sees: still on
    assert hint.fontInfo().pixelSize() >= 1.5 * normal["hint"]
    kiosk.tap(window.welcome.tiles["order"])
    assert window.larger.isChecked()
    large["title"] = window.catalogue.title.fontInfo().pixelSize()

    # The resident walks away: the countdown, then the welcome screen for the next one.
    kiosk.qtbot.waitUntil(window.overlay.isVisible, timeout=5000)
    kiosk.qtbot.waitUntil(lambda: window.current_screen is window.welcome, timeout=5000)
    assert not window.welcome.larger_text.isChecked() and not window.larger.isChecked()
    assert hint.fontInfo().pixelSize() == normal["hint"]
    kiosk.tap(window.welcome.tiles["order"])
    assert not window.larger.isChecked()
    assert large["title"] >= 1.5 * window.catalogue.title.fontInfo().pixelSize()
    kiosk.tap_named("Accueil")
    walk_to_who(kiosk)
    assert large["question"] >= 1.5 * ordering.question.fontInfo().pixelSize()
    assert large["step"] >= 1.5 * ordering.step_label.fontInfo().pixelSize()
