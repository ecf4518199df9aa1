"""One theme: a palette and sizes filled into resources/theme/*.qss, so colours and touch
sizes live in one place. The "larger text" toggle re-applies it with a bigger scale."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtWidgets import QApplication

from kiosk_app.config import resources_dir

THEME_DIR = resources_dir() / "theme"
LARGE_TEXT_SCALE = 1.3

# Pairs (text, background) used together; tests hold every pair to WCAG AA (4.5:1).
PALETTE: dict[str, str] = {
    "background": "#F7F4EE",
    "surface": "#FFFFFF",
    "text": "#1B1B1B",
    "muted": "#4A4A4A",
    "primary": "#0B4F8A",
    "primary_pressed": "#06304F",
    "on_primary": "#FFFFFF",
    "tile": "#FFFFFF",
    "tile_pressed": "#D6E4F0",
    "tile_border": "#0B4F8A",
    "secondary": "#E4DED3",
    "secondary_pressed": "#C9C0B0",
    "disabled": "#C4C4C4",
    "on_disabled": "#333333",
    "error": "#A50E1B",
    "success": "#1D5E20",
    "focus": "#B25A00",  # 3:1 at least against the background (WCAG 1.4.11)
    "star": "#B25A00",  # a lit star reads at 4.5:1 on white
    "keyboard": "#2B2B2B",
    "key": "#FFFFFF",
    "key_pressed": "#F2C14E",
    "overlay": "rgba(0, 0, 0, 170)",
}

CONTRAST_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "background"),
    ("text", "surface"),
    ("muted", "background"),
    ("muted", "surface"),
    ("on_primary", "primary"),
    ("on_primary", "primary_pressed"),
    ("text", "tile"),
    ("text", "tile_pressed"),
    ("text", "secondary"),
    ("text", "secondary_pressed"),
    ("on_disabled", "disabled"),
    ("error", "background"),
    ("error", "surface"),
    ("success", "background"),
    ("text", "key"),
    ("text", "key_pressed"),
    ("star", "surface"),
)


@dataclass(frozen=True, slots=True)
class Sizes:
    """Pixel sizes at scale 1: body text 20 px (≥ 18 asked), targets 64 px (≥ 48)."""

    body_px: int = 20
    small_px: int = 18
    title_px: int = 34
    huge_px: int = 72
    button_px: int = 22
    target_px: int = 64
    key_px: int = 52
    radius_px: int = 10

    def scaled(self, scale: float) -> dict[str, str]:
        return {name: str(round(getattr(self, name) * scale)) for name in self.__slots__}


SIZES = Sizes()
_PLACEHOLDER = re.compile(r"\{\{\s*(\w+)\s*\}\}")


def stylesheet(*, scale: float = 1.0) -> str:
    """The application's QSS with every {{placeholder}} filled; an unknown one is an
    error, not an empty value."""
    values = {**PALETTE, **SIZES.scaled(scale)}
    template = (THEME_DIR / "kiosk.qss").read_text(encoding="utf-8")

    def fill(match: re.Match[str]) -> str:
        return values[match.group(1)]

    return _PLACEHOLDER.sub(fill, template)


def apply(app: QApplication, *, large_text: bool = False) -> None:
    app.setStyleSheet(stylesheet(scale=LARGE_TEXT_SCALE if large_text else 1.0))


def relative_luminance(colour: str) -> float:
    value = colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two #RRGGBB colours."""
    high, low = sorted((relative_luminance(foreground), relative_luminance(background)))[::-1]
    return (high + 0.05) / (low + 0.05)
