"""Reading PDFs back with poppler's tools, as a person's reader would."""

from __future__ import annotations

import subprocess
from pathlib import Path


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def pdf_fonts(path: Path) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font the PDF uses."""
    out = subprocess.run(
        ["pdffonts", str(path)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    fonts = []
    for row in out:
        name, *_rest = row.split()
        # columns: name type [type] encoding emb sub uni id gen; emb is 5th from the end
        fonts.append((name, row.split()[-5] == "yes"))
    return fonts


def assert_only_embedded_dejavu(path: Path) -> None:
    fonts = pdf_fonts(path)
    assert fonts, "no font at all"
    for name, embedded in fonts:
        assert embedded, f"{name} is not embedded"
        assert "DejaVu" in name, f"{name} is not our font"
