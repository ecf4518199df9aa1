"""The counter's navigation column whole with the on-screen keyboard open: at 1024×768
the keyboard took the column's height too and a manager's buttons overlapped (issue 14).
Every button whole, apart from the others, and on the screen (or in a scroll area's
reach)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from .conftest import MakeKiosk
from .counter_support import log_in

SHOTS = os.environ.get("COMPTOIR_TEST_SCREENSHOTS")  # a folder to keep them in, to look


def _on_window(widget: QWidget) -> QRect:
    window = widget.window()
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def _scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def _seen(widget: QWidget) -> QRect:
    """What shows of it: in a scroll area, only the part inside the viewport."""
    area = _scroll_area_of(widget)
    rect = _on_window(widget)
    return rect if area is None else rect.intersected(_on_window(area.viewport()))


def _reachable(widget: QWidget) -> bool:
    """Inside the window, or inside the content of a scroll area that can bring it in."""
    window = widget.window()
    area = _scroll_area_of(widget)
    if area is not None and area.parentWidget() is not None:
        content = area.viewport().childrenRect()
        inside = QRect(widget.mapTo(area.viewport(), widget.rect().topLeft()), widget.size())
        return content.contains(inside) and window.rect().contains(_on_window(area))
    return window.rect().contains(_on_window(widget))


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("size", [(1024, 768), (1280, 800)], ids=["1024x768", "1280x800"])
def test_the_navigation_stays_whole_with_the_keyboard_open(
    make_kiosk: MakeKiosk, attendants: None, size: tuple[int, int], lang: str
) -> None:
    kiosk = make_kiosk(size=size)
    window = kiosk.window
    log_in(kiosk, "Karim", "2468")  # a manager: all eight screens, and "Lock"
    window.set_language(lang)
    counter = window.counter
    kiosk.tap(counter.nav["new_order"])
    kiosk.focus(counter.order_form.description.editor)
    kiosk.qtbot.wait(100)
    assert window.keyboard.isVisible()
    nav = counter.nav_bar
    buttons = [b for b in (*nav.buttons.values(), nav.print_badge, nav.lock) if b.isVisible()]
    assert nav.lock in buttons and nav.buttons["settings"] in buttons
    if SHOTS:
        window.grab().save(str(Path(SHOTS) / f"counter-keyboard-{size[0]}x{size[1]}-{lang}.png"))
    keyboard_top = _on_window(window.keyboard).top()
    for button in buttons:
        name = button.text()
        assert button.height() >= button.minimumSizeHint().height(), name
        assert _reachable(button), (name, _on_window(button))
        if _scroll_area_of(button) is None:
            assert _on_window(button).bottom() < keyboard_top, name
    for i, one in enumerate(buttons):
        for other in buttons[i + 1 :]:
            assert not _seen(one).intersects(_seen(other)), (one.text(), other.text())


@pytest.mark.parametrize("size", [(1024, 768), (1280, 800)], ids=["1024x768", "1280x800"])
def test_without_the_keyboard_the_whole_column_shows_unscrolled(
    make_kiosk: MakeKiosk, attendants: None, size: tuple[int, int]
) -> None:
    """The keyboard shut again: every button in sight at once, no scroll bar."""
    kiosk = make_kiosk(size=size)
    window = kiosk.window
    log_in(kiosk, "Karim", "2468")
    counter = window.counter
    kiosk.tap(counter.nav["new_order"])
    kiosk.focus(counter.order_form.description.editor)
    kiosk.qtbot.wait(100)
    assert window.keyboard.isVisible()
    kiosk.tap(window.keyboard.letters.done)
    kiosk.qtbot.wait(100)
    assert not window.keyboard.isVisible()
    nav = counter.nav_bar
    assert counter.nav_bar.screens.verticalScrollBar().maximum() == 0  # nothing to scroll
    shown = counter.window()
    for button in (*nav.buttons.values(), nav.lock):
        assert button.isVisible()
        inside = QRect(button.mapTo(shown, button.rect().topLeft()), button.size())
        assert shown.rect().contains(inside), button.text()


def _whole_in_sight(button: QWidget) -> bool:
    area = _scroll_area_of(button)
    assert area is not None
    return _on_window(area.viewport()).contains(_on_window(button))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_chosen_screen_scrolls_into_sight_when_the_keyboard_opens(
    make_kiosk: MakeKiosk, attendants: None, lang: str
) -> None:
    """A manager on "Settings", last of the column, types in a field: the keyboard
    takes the height, the column scrolls, and "Settings" stays in sight, chosen."""
    kiosk = make_kiosk(size=(1024, 768))
    window = kiosk.window
    log_in(kiosk, "Karim", "2468")
    window.set_language(lang)
    counter = window.counter
    settings = counter.nav["settings"]
    kiosk.tap(settings)
    name = counter.settings.association.fields["association_name"].editor
    kiosk.focus(name)
    kiosk.qtbot.wait(100)
    assert window.keyboard.isVisible()
    assert settings.isChecked()
    column = counter.nav_bar.screens
    assert column.verticalScrollBar().maximum() > 0, "the column no longer holds them all"
    assert _whole_in_sight(settings), _on_window(settings)
    if SHOTS:
        window.grab().save(str(Path(SHOTS) / f"counter-settings-keyboard-{lang}.png"))
    # The program chooses another screen's button while the keyboard is up, as a placed
    # order (Queue) or a draft brought back (New order) do: it comes into sight in turn.
    queue = counter.nav["queue"]
    assert not _whole_in_sight(queue)
    queue.setChecked(True)
    assert window.keyboard.isVisible()
    assert _whole_in_sight(queue), _on_window(queue)
