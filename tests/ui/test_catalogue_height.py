"""The catalogue is as tall as the page shown: the search results, shorter than the
category tiles, show no scroll bar where they fit (a stack as tall as the tiles
scrolled the results above the keyboard, 61 px at 1024×768); the tiles, taller, still
scroll."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QScrollArea

from .conftest import MakeKiosk
from .support import Resident


def _scroll_bar(kiosk: Resident) -> tuple[int, bool]:
    QApplication.processEvents()
    QApplication.processEvents()
    area = kiosk.window.screens.currentWidget()
    assert isinstance(area, QScrollArea) and area.widget() is kiosk.window.catalogue
    bar = area.verticalScrollBar()
    return bar.maximum(), bar.isVisible()


def _search(kiosk: Resident, word: str) -> None:
    catalogue = kiosk.window.catalogue
    kiosk.fill(catalogue.search, word)
    assert catalogue.list.isVisible() and catalogue.model.rowCount() > 0


def test_the_results_above_the_keyboard_show_no_scroll_bar(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(size=(1024, 768))
    kiosk.tap(kiosk.window.welcome.tiles["order"])
    catalogue = kiosk.window.catalogue
    kiosk.focus(catalogue.search)
    assert kiosk.window.keyboard.isVisible()
    assert _scroll_bar(kiosk)[0] > 0  # the tiles do not fit above the keyboard: they scroll

    _search(kiosk, "rideau")
    assert _scroll_bar(kiosk) == (0, False)
    first = catalogue.list.visualRect(catalogue.model.index(0, 0))
    assert catalogue.list.viewport().rect().contains(first)  # in sight, above the keyboard


def test_with_larger_text_the_results_fit_without_the_keyboard(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(size=(1280, 800))
    kiosk.tap(kiosk.window.welcome.larger_text)
    kiosk.tap(kiosk.window.welcome.tiles["order"])
    _search(kiosk, "a")
    kiosk.tap(kiosk.window.keyboard.letters.done)  # "Hide keyboard"
    assert not kiosk.window.keyboard.isVisible() and kiosk.window.large_text
    assert _scroll_bar(kiosk) == (0, False)  # the list scrolls within itself
