"""Printer profiles: paper width (columns of the standard font) and code page."""

from __future__ import annotations

from dataclasses import dataclass

from .encoding import CODE_PAGES, CP858, CodePage


@dataclass(frozen=True)
class PrinterProfile:
    width_mm: int
    columns: int  # characters per line in the standard font (12×24 dots)
    dots: int  # printable width in dots, for the PNG rendering
    codepage: CodePage
    qr_module_size: int  # dots per QR module (GS ( k function 167)

    @property
    def big_columns(self) -> int:
        """Characters per line in double width."""
        return self.columns // 2


def profile_for(width: str = "80", codepage: str = "cp858") -> PrinterProfile:
    """The profile the settings name ("80" or "58", "cp858" or "cp1252"). Anything else
    falls back to 80 mm and CP858, the commonest ESC/POS printer."""
    page = CODE_PAGES.get(codepage.strip().lower(), CP858)
    if width.strip().removesuffix("mm") == "58":
        return PrinterProfile(58, 32, 384, page, qr_module_size=4)
    return PrinterProfile(80, 48, 576, page, qr_module_size=6)
