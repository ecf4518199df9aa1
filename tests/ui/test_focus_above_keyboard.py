"""A field being typed is wholly in sight above the on-screen keyboard, whatever the
screen, the size and the text: the keyboard takes its room after the field has the
focus, and the field is scrolled into sight again then (and when the focus moves on).
The order's address step in larger text at 1024×768 showed half of its access notes
above the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from .conftest import MakeKiosk
from .counter_support import log_in
from .support import Resident
from .test_order_flow import new_resident_to_where


def rect_in_window(widget: QWidget) -> QRect:
    window = widget.window()
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def settle(kiosk: Resident) -> None:
    """The keyboard's room taken, the page laid out, then the field scrolled to: a few
    turns of the event loop (posted events, zero timers), as a resident's eye takes."""
    kiosk.qtbot.wait(100)


def assert_above_keyboard(kiosk: Resident, editor: QLineEdit | QPlainTextEdit) -> None:
    """The editor whole, below the top bar's bottom and above the keyboard's top, and
    not under the order's bottom bar."""
    window = kiosk.window
    assert window.keyboard.isVisible()
    keyboard_top = rect_in_window(window.keyboard).top()
    field = rect_in_window(editor)
    assert field.bottom() < keyboard_top, (editor.accessibleName(), field, keyboard_top)
    # Not scrolled out at the top, nor hidden by a sibling: what shows is the whole field.
    assert editor.visibleRegion().boundingRect() == editor.rect(), editor.accessibleName()
    bar = window.ordering.bar
    if bar.isVisible():
        assert not field.intersects(rect_in_window(bar)), editor.accessibleName()
        assert rect_in_window(window.ordering.next).bottom() < keyboard_top


def to_where_step(kiosk: Resident) -> None:
    new_resident_to_where(kiosk)
    assert kiosk.window.ordering.where.isVisible()


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(
    ("size", "larger"),
    [((1024, 768), True), ((1024, 768), False), ((1280, 800), True)],
    ids=["1024x768-larger", "1024x768", "1280x800-larger"],
)
def test_each_address_field_shows_whole_above_the_keyboard(
    make_kiosk: MakeKiosk, size: tuple[int, int], larger: bool, lang: str
) -> None:
    kiosk = make_kiosk(size=size)
    window = kiosk.window
    if larger:
        kiosk.tap(window.welcome.larger_text)
    to_where_step(kiosk)
    window.set_language(lang)
    where = window.ordering.where
    # Tapped one after the other, as a resident fills them, the keyboard open all along;
    # the access notes last, then back to the street (scrolled back up).
    for field in (where.street, where.postcode, where.floor, where.notes, where.street):
        kiosk.focus(field.editor)
        settle(kiosk)
        assert_above_keyboard(kiosk, field.editor)
    kiosk.type("12 rue François Miron")
    settle(kiosk)
    assert_above_keyboard(kiosk, where.street.editor)


def test_the_notes_stay_in_sight_when_the_keyboard_opens_on_them(make_kiosk: MakeKiosk) -> None:
    """The keyboard shut first (a tap elsewhere), then the notes tapped: the keyboard
    opens on them, from below."""
    kiosk = make_kiosk(size=(1024, 768))
    window = kiosk.window
    kiosk.tap(window.welcome.larger_text)
    to_where_step(kiosk)
    settle(kiosk)  # each step starts with no field focused (ordering.drop_focus)
    assert not window.keyboard.isVisible()
    notes = window.ordering.where.notes.editor
    window.ordering.step_area.ensureWidgetVisible(notes)
    kiosk.focus(notes)
    settle(kiosk)
    assert_above_keyboard(kiosk, notes)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_counters_order_fields_show_whole_above_the_keyboard(
    make_kiosk: MakeKiosk, attendants: None, lang: str
) -> None:
    """The same at the counter (its pages scroll too), on its smallest screen."""
    kiosk = make_kiosk(size=(1024, 768))
    log_in(kiosk)
    kiosk.window.set_language(lang)
    kiosk.tap(kiosk.window.counter.nav["new_order"])
    form = kiosk.window.counter.order_form
    fields = (form.phone, form.name, form.street, form.postcode, form.access, form.description)
    for editor in (form.find_client, *(field.editor for field in fields), form.find_service):
        kiosk.focus(editor)
        settle(kiosk)
        assert_above_keyboard(kiosk, editor)
