"""One theme: a palette and sizes filled into resources/theme/*.qss, so colours and touch
sizes live in one place. The sizes follow the window (`size_scale`: a 1024×768 screen
gets smaller type than a 1920×1080 one, never below the floors) and the "larger text"
toggle multiplies every one of them by LARGE_TEXT_SCALE."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtWidgets import QApplication

from kiosk_app.config import resources_dir

THEME_DIR = resources_dir() / "theme"
LARGE_TEXT_SCALE = 1.5
# The screen the sizes were drawn for: at 1280×800 they are used as written.
DESIGN_SIZE = (1280, 800)
MIN_SCALE, MAX_SCALE = 0.8, 1.6

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


# However small the screen: text of 18 px and targets of 48 px at least (the kiosk's
# own accessibility floor, tested on every screen).
FLOORS: dict[str, int] = {
    "body_px": 18,
    "small_px": 18,
    "button_px": 18,
    "title_px": 26,
    "target_px": 48,
    "key_px": 48,
}


def size_scale(width: int, height: int) -> float:
    """The scale of the sizes for a window of `width`×`height`: the side that is short
    against the design screen decides (a portrait screen is narrow, a wide one short),
    rounded to a twentieth so that a few pixels of resize restyle nothing."""
    raw = min(width / DESIGN_SIZE[0], height / DESIGN_SIZE[1])
    return round(min(max(raw, MIN_SCALE), MAX_SCALE) * 20) / 20


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

    def px(self, name: str, scale: float = 1.0, *, larger: bool = False) -> int:
        """One size at a window's `scale`, held at its floor, then made larger."""
        base: int = getattr(self, name)
        normal = round(max(base * scale, FLOORS.get(name, 0)))
        return round(normal * LARGE_TEXT_SCALE) if larger else normal

    def scaled(self, scale: float, *, larger: bool = False) -> dict[str, str]:
        return {name: str(self.px(name, scale, larger=larger)) for name in self.__slots__}


SIZES = Sizes()
_PLACEHOLDER = re.compile(r"\{\{\s*(\w+)\s*\}\}")


@dataclass(frozen=True, slots=True)
class Look:
    """What the application's style sheet was made for: the window's scale, and the
    resident's choice of larger text."""

    scale: float = 1.0
    larger: bool = False

    def px(self, name: str) -> int:
        return SIZES.px(name, self.scale, larger=self.larger)

    @property
    def factor(self) -> float:
        """Everything drawn by hand (a delegate's fonts) grows by this."""
        return self.px("body_px") / SIZES.body_px


_current = Look()


def current() -> Look:
    return _current


def stylesheet(*, scale: float = 1.0, larger: bool = False) -> str:
    """The application's QSS with every {{placeholder}} filled; an unknown one is an
    error, not an empty value."""
    values = {**PALETTE, **SIZES.scaled(scale, larger=larger)}
    template = (THEME_DIR / "kiosk.qss").read_text(encoding="utf-8")

    def fill(match: re.Match[str]) -> str:
        return values[match.group(1)]

    return _PLACEHOLDER.sub(fill, template)


def apply(app: QApplication, look: Look | None = None) -> bool:
    """Style the application for `look` (the design size by default); False, and
    nothing done, if it is styled so already: restyling every widget is not free."""
    global _current
    look = look or Look()
    if look == _current and app.styleSheet():
        return False
    _current = look
    app.setStyleSheet(stylesheet(scale=look.scale, larger=look.larger))
    return True


def relative_luminance(colour: str) -> float:
    value = colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two #RRGGBB colours."""
    high, low = sorted((relative_luminance(foreground), relative_luminance(background)))[::-1]
    return (high + 0.05) / (low + 0.05)
