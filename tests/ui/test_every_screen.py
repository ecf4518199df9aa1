"""Every screen, in French and in English, at both sizes the kiosk ships for: every text
translated, every control named in the current language, touch targets of at least
48 px, text of at least 18 px, colours of at least 4.5:1."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from kiosk_app.comptoir import Comptoir
from ui import i18n, theme
from ui.tour import TourData, tour
from ui.window import KioskWindow

from .conftest import MakeKiosk
from .support import visible_widgets
from .tour_data import done_order

INTERACTIVE = (QAbstractButton, QLineEdit, QPlainTextEdit, QAbstractItemView)


class MissRecorder(QTranslator):
    """Asked first: records every source text Qt looks up, answers nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.sources: set[str] = set()

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        self.sources.add(source)
        return ""

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def tour_data(comptoir: Comptoir, attendants: None) -> TourData:
    return TourData(done_order(comptoir).number, "0611223344")


def walk(window: KioskWindow, data: TourData, lang: str) -> Iterator[str]:
    yield from tour(window, data, lang=lang)


# The tour orders on the slot picker's days: with the date moved (pytest -m dates), one
# walk is enough to see it, and keeps the moved-date runs short.
@pytest.mark.parametrize(
    ("lang", "size"),
    [
        pytest.param("fr", (1280, 800), marks=pytest.mark.dates),
        ("en", (1280, 800)),
        ("fr", (1920, 1080)),
        ("en", (1920, 1080)),
    ],
)
def test_every_screen_is_named_sized_and_readable(
    make_kiosk: MakeKiosk, tour_data: TourData, lang: str, size: tuple[int, int]
) -> None:
    kiosk = make_kiosk(size=size)
    problems: list[str] = []
    seen = checked = 0
    for screen in walk(kiosk.window, tour_data, lang):
        seen += 1
        for widget in visible_widgets(kiosk.window):
            checked += isinstance(widget, INTERACTIVE)
            where = f"{screen}/{type(widget).__name__} {widget.accessibleName()!r}"
            if isinstance(widget, INTERACTIVE) and widget.isEnabled():
                if not widget.accessibleName().strip():
                    problems.append(f"{where}: no accessible name")
                if widget.height() < 48 or widget.width() < 48:
                    problems.append(f"{where}: {widget.width()}×{widget.height()} px")
            readable = isinstance(widget, QLabel | QAbstractButton) and _text(widget)
            if readable and widget.fontInfo().pixelSize() < 18:
                problems.append(f"{where}: {widget.fontInfo().pixelSize()} px text")
        if kiosk.window.width() > size[0] or kiosk.window.height() > size[1]:
            problems.append(f"{screen}: the window grew to {kiosk.window.size()}")
    assert seen >= 20 and checked > 300
    assert problems == []


def _text(widget: QWidget) -> str:
    return widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""


def test_every_string_looked_up_on_every_screen_has_its_french(
    make_kiosk: MakeKiosk, tour_data: TourData
) -> None:
    kiosk = make_kiosk()
    recorder = MissRecorder()
    app = QApplication.instance()
    assert app is not None
    translated = i18n.translated_sources(i18n.ts_path("fr")) - set(
        i18n.untranslated(i18n.ts_path("fr"))
    )
    try:
        app.installTranslator(recorder)
        for lang in ("fr", "en", "fr"):
            for _screen in walk(kiosk.window, tour_data, lang):
                app.removeTranslator(recorder)
                app.installTranslator(recorder)
    finally:
        app.removeTranslator(recorder)
    assert recorder.sources, "the recorder heard nothing"
    # Qt itself asks for QT_LAYOUT_DIRECTION (a translation may turn a layout right to left).
    assert sorted(recorder.sources - translated - {"QT_LAYOUT_DIRECTION"}) == []


def test_the_translation_sources_are_complete_and_current(tmp_path: Path) -> None:
    for lang in i18n.LANGS:
        assert i18n.untranslated(i18n.ts_path(lang)) == []
        shutil.copy(i18n.ts_path(lang), tmp_path / i18n.ts_path(lang).name)
    # Re-extracting from the code finds no string the .ts files do not translate.
    i18n.update_ts(tmp_path)
    for lang in i18n.LANGS:
        assert i18n.untranslated(tmp_path / i18n.ts_path(lang).name) == [], lang
    # The committed .qm are what the .ts compile to.
    i18n.release(source_dir=tmp_path, target_dir=tmp_path)
    for lang in i18n.LANGS:
        built = (tmp_path / i18n.qm_path(lang).name).read_bytes()
        assert built == i18n.qm_path(lang).read_bytes(), f"run python -m ui.i18n build ({lang})"


@pytest.mark.parametrize(("foreground", "background"), theme.CONTRAST_PAIRS)
def test_theme_colours_reach_wcag_aa(foreground: str, background: str) -> None:
    ratio = theme.contrast_ratio(theme.PALETTE[foreground], theme.PALETTE[background])
    assert ratio >= 4.5, f"{foreground} on {background}: {ratio:.2f}"


def test_the_theme_fills_every_placeholder() -> None:
    sheet = theme.stylesheet(larger=True)
    assert "{{" not in sheet and "}}" not in sheet
    assert "font-size: 30px" in sheet  # 20 px body text, 50 % larger
