"""The order's steps are as tall as the step shown: with larger text at 1024×768 a step
that fits shows no scroll bar (a stack as tall as the tallest step scrolled the consent
step for nothing), and a step that does not fit still scrolls to its end."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from ui.resident.ordering import OrderScreen

from .conftest import MakeKiosk
from .support import Resident
from .test_order_flow import new_resident_to_consent


def _settle() -> None:
    QApplication.processEvents()
    QApplication.processEvents()


def _in_window(widget: QWidget, window: QWidget) -> bool:
    rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    return window.rect().contains(rect) and widget.visibleRegion().boundingRect() == widget.rect()


def _fits(kiosk: Resident, ordering: OrderScreen, *shown: QWidget) -> None:
    """No scroll bar, nothing to scroll, the step's answers and "Next" in sight."""
    _settle()
    bar = ordering.step_area.verticalScrollBar()
    step = ordering.steps[ordering.index]
    assert (bar.maximum(), bar.isVisible()) == (0, False), type(step).__name__
    for widget in (*shown, ordering.next):
        assert _in_window(widget, kiosk.window), widget


def _to_consent(kiosk: Resident) -> OrderScreen:
    kiosk.tap(kiosk.window.welcome.larger_text)
    new_resident_to_consent(kiosk)
    return kiosk.window.ordering


def test_with_larger_text_a_step_that_fits_shows_no_scroll_bar(
    make_kiosk: MakeKiosk,
) -> None:
    kiosk = make_kiosk(size=(1024, 768))
    ordering = _to_consent(kiosk)
    assert ordering.consent.isVisible() and kiosk.window.large_text
    _fits(kiosk, ordering, ordering.consent.agree)
    kiosk.tap(ordering.consent.agree)
    kiosk.tap(ordering.back)  # "what": the duration and the description
    assert ordering.what.isVisible()
    _fits(kiosk, ordering, ordering.what.units)


def test_with_larger_text_a_step_too_tall_still_scrolls_to_its_end(
    make_kiosk: MakeKiosk,
) -> None:
    """The address (every field of it) is taller than 1024×768 leaves in larger text:
    it scrolls, to its last field; and with the keyboard up, the focused field is
    brought into sight above it."""
    kiosk = make_kiosk(size=(1024, 768))
    ordering = _to_consent(kiosk)
    kiosk.tap(ordering.back)
    kiosk.tap(ordering.back)
    assert ordering.where.isVisible()
    _settle()
    bar = ordering.step_area.verticalScrollBar()
    assert bar.isVisible() and bar.maximum() > 0
    notes = ordering.where.notes
    assert not _in_window(notes, kiosk.window)  # below the fold until scrolled
    bar.setValue(bar.maximum())
    _settle()
    assert _in_window(notes, kiosk.window) and _in_window(ordering.next, kiosk.window)

    bar.setValue(0)
    kiosk.focus(notes.editor)
    _settle()
    keyboard = kiosk.window.keyboard
    assert keyboard.isVisible()
    top_of_keyboard = keyboard.mapTo(kiosk.window, keyboard.rect().topLeft()).y()
    editor = notes.editor
    assert isinstance(editor, QPlainTextEdit)  # the access notes: several lines
    # The room left above the keyboard may be shorter than the box: where the text
    # is typed, its cursor, is in sight.
    cursor = editor.cursorRect()
    assert editor.viewport().visibleRegion().contains(cursor)
    assert editor.viewport().mapTo(kiosk.window, cursor.bottomLeft()).y() < top_of_keyboard
