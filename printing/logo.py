"""The association's logo, prepared once for a paper width: black and white, at most two
thirds of the width, centred on the full width (printers disagree on centring images)."""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from PIL import Image, ImageOps

log = logging.getLogger(__name__)
MAX_HEIGHT = 160  # dots: about 2 cm, the logo must not eat the roll


def prepared_logo(path: str, dots: int) -> Image.Image | None:
    """The logo ready to print `dots` wide, or None when the file is missing or not an
    image: a logo never stops a ticket from printing."""
    try:
        stamp = Path(path).stat().st_mtime_ns
    except OSError:
        return None
    return _prepared(path, stamp, dots)


@functools.lru_cache(maxsize=8)
def _prepared(path: str, _stamp: int, dots: int) -> Image.Image | None:
    try:
        with Image.open(path) as source:
            source.load()
            image = source.convert("RGBA")
    except (OSError, ValueError, Image.DecompressionBombError):
        log.warning("ticket logo unreadable; printing without it")
        return None
    white = Image.new("RGBA", image.size, (255, 255, 255, 255))
    grey = Image.alpha_composite(white, image).convert("L")
    grey = ImageOps.contain(grey, (dots * 2 // 3, MAX_HEIGHT))
    canvas = Image.new("L", (dots, grey.height), 255)
    canvas.paste(grey, ((dots - grey.width) // 2, 0))
    return canvas.convert("1")
