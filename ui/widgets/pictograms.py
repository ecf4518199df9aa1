"""Pictograms: the project's own SVG drawings in resources/icons (see its LICENSE),
tinted to the colour of the button they sit on. Each (name, colour, size) is rendered
once and cached: painting a button never parses an SVG."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from kiosk_app.config import resources_dir

ICON_DIR = resources_dir() / "icons"
# A category pulled from the central server may name a pictogram this kiosk does not
# ship yet: it gets this one rather than none.
FALLBACK = "generic"


@lru_cache(maxsize=256)
def known(name: str) -> bool:
    # Asked at each new size of a tile's pictogram: the shipped drawings do not change
    # while the kiosk runs, and a file's stat took a millisecond on a busy disk.
    return (ICON_DIR / f"{name}.svg").is_file()


@lru_cache(maxsize=64)
def _drawing(name: str) -> QSvgRenderer:
    """The drawing `name` parsed once (a tile drawn at a new size renders it again)."""
    return QSvgRenderer(str(ICON_DIR / f"{name if known(name) else FALLBACK}.svg"))


@lru_cache(maxsize=256)
def pictogram_pixmap(name: str, colour: str, size: int) -> QPixmap:
    """The pictogram `name` drawn `size` pixels square in `colour` (#RRGGBB)."""
    renderer = _drawing(name)
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    # Keep the drawing's shape (its alpha), take the wanted colour.
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(image.rect(), QColor(colour))
    painter.end()
    return QPixmap.fromImage(image)


def pictogram(name: str, colour: str, *, size: int = 96) -> QIcon:
    """An icon for a button: drawn large once, scaled down by Qt to the button's size."""
    return QIcon(pictogram_pixmap(name, colour, size))
