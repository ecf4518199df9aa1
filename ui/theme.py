"""One theme: a palette and sizes filled into resources/theme/*.qss, so colours and touch
sizes live in one place. The sizes follow the window (`size_scale`: a 1024×768 screen
gets smaller type than a 1920×1080 one, never below the floors) and the "larger text"
toggle multiplies every one of them by LARGE_TEXT_SCALE."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtWidgets import QApplication

from kiosk_app.config import resources_dir

from .widgets.lay_out import lay_out_now

THEME_DIR = resources_dir() / "theme"
LARGE_TEXT_SCALE = 1.5
# The screen the sizes were drawn for: at 1280×800 they are used as written.
DESIGN_SIZE = (1280, 800)
MIN_SCALE, MAX_SCALE = 0.8, 1.6

# Colour tokens. Pairs (text, background) used together are listed in CONTRAST_PAIRS and
# held to WCAG AA (4.5:1) by the tests; pairs a person must tell apart without reading
# (selected or not, a scroll bar's handle on its track) in DISTINCT_PAIRS, at 3:1
# (WCAG 1.4.11, non-text contrast).
PALETTE: dict[str, str] = {
    # Surfaces
    "background": "#EEF2F6",  # a cool light grey: white cards and tiles stand out
    "surface": "#FFFFFF",
    "text": "#16202A",
    "muted": "#46505A",
    # The main action of a screen (Next, Confirm)
    "primary": "#0B4F8A",
    "primary_pressed": "#06304F",
    "on_primary": "#FFFFFF",
    # Welcome and category tiles
    "tile": "#FFFFFF",
    "tile_pressed": "#D6E4F0",
    "tile_border": "#0B4F8A",
    # Other buttons and unselected options (a day, a payment method, a language)
    "secondary": "#E3EAF2",
    "secondary_pressed": "#C5D3E2",
    "border": "#0B4F8A",
    # A chosen option, a ticked box, a selected row: dark green with white and a ✓,
    # far from every unselected background (≥ 5.9:1), never told by a shade alone.
    "selected": "#17602A",
    "selected_pressed": "#0E4019",
    "on_selected": "#FFFFFF",
    # What cannot be undone (cancel an order, refund, close the till, erase, quit)
    "danger": "#A50E1B",
    "danger_pressed": "#6E0912",
    "on_danger": "#FFFFFF",
    "disabled": "#C4C4C4",
    "on_disabled": "#333333",
    "error": "#A50E1B",
    "success": "#1D5E20",
    "focus": "#B25A00",  # 3:1 at least against the background (WCAG 1.4.11)
    "star": "#B25A00",  # a lit star reads at 4.5:1 on white
    "scroll_track": "#D9DEE4",
    "scroll_handle": "#46505A",
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
    ("on_selected", "selected"),
    ("on_selected", "selected_pressed"),
    ("on_danger", "danger"),
    ("on_danger", "danger_pressed"),
    ("danger", "surface"),
    ("danger", "background"),
    ("on_disabled", "disabled"),
    ("error", "background"),
    ("error", "surface"),
    ("success", "background"),
    ("success", "surface"),
    ("primary", "surface"),
    ("primary", "background"),
    ("text", "key"),
    ("text", "key_pressed"),
    ("star", "surface"),
)

# Backgrounds a person tells apart at a glance: 3:1 at least.
DISTINCT_PAIRS: tuple[tuple[str, str], ...] = (
    ("selected", "secondary"),
    ("selected", "secondary_pressed"),
    ("selected", "surface"),
    ("selected", "background"),
    ("scroll_handle", "scroll_track"),
    ("focus", "background"),
)


@dataclass(frozen=True, slots=True)
class Spacing:
    """Spacing tokens (px at scale 1), for the QSS's paddings and gaps."""

    space_xs: int = 4
    space_s: int = 8
    space_m: int = 16
    space_l: int = 24
    space_xl: int = 48
    icon_px: int = 40  # a pictogram on a main action
    tile_icon_px: int = 72  # a pictogram on a welcome or category tile
    scrollbar_px: int = 28  # a scroll bar a finger can hold
    check_px: int = 40  # a check box's box

    def scaled(self, scale: float) -> dict[str, str]:
        return {name: str(round(getattr(self, name) * scale)) for name in self.__slots__}


SPACING = Spacing()


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
    """The type scale and the target sizes, in pixels at scale 1: small 18, body 20
    (≥ 18 asked), button 22, title 34, huge 72; targets 64 px (≥ 48)."""

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
    values = {
        **PALETTE,
        **SIZES.scaled(scale, larger=larger),
        **SPACING.scaled(scale),
        "icons": _icons_url(),
    }
    template = (THEME_DIR / "kiosk.qss").read_text(encoding="utf-8")

    def fill(match: re.Match[str]) -> str:
        return values[match.group(1)]

    return _PLACEHOLDER.sub(fill, template)


def _icons_url() -> str:
    """The icons' folder as the QSS's url() wants it (forward slashes, also on Windows)."""
    return (resources_dir() / "icons").as_posix()


def apply(app: QApplication, look: Look | None = None) -> bool:
    """Style the application for `look` (the design size by default); False, and
    nothing done, if it is styled so already: restyling every widget is not free."""
    global _current
    look = look or Look()
    if look == _current and app.styleSheet():
        return False
    _current = look
    app.setStyleSheet(stylesheet(scale=look.scale, larger=look.larger))
    # New fonts, new size hints: laid out before the next paint (widgets/lay_out.py).
    lay_out_now()
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
