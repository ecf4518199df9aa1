"""Lines of a ticket at a printer's width: word wrap, alignment, price columns.

Text is fitted to the code page before it is measured, so that "œ" → "oe" is counted as
the two columns it prints as.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from .blocks import Align, Blank, Block, Row, Rule, Text
from .profiles import PrinterProfile


@dataclass(frozen=True, slots=True)
class Line:
    text: str  # fitted to the code page; at most `columns` (or `big_columns`) long
    bold: bool = False
    big: bool = False


def wrap(text: str, width: int) -> list[str]:
    """Word wrap at `width` columns; a word longer than a line is cut; a blank text
    gives no line."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(
            textwrap.wrap(
                paragraph,
                width,
                break_long_words=True,
                break_on_hyphens=False,
                drop_whitespace=True,
            )
        )
    return lines


def _aligned(text: str, width: int, align: Align) -> str:
    if align is Align.CENTER:
        return (" " * ((width - len(text)) // 2) + text).rstrip()
    if align is Align.RIGHT:
        return text.rjust(width)
    return text


def text_lines(block: Text, profile: PrinterProfile) -> list[Line]:
    width = profile.big_columns if block.big else profile.columns
    fitted = "\n".join(profile.codepage.fit(part) for part in block.text.split("\n"))
    return [
        Line(_aligned(line, width, block.align), bold=block.bold, big=block.big)
        for line in wrap(fitted, width)
    ]


def row_lines(block: Row, profile: PrinterProfile) -> list[Line]:
    """The label wrapped on the left, the amount right-aligned on its last line (or on
    a line of its own when the label fills it)."""
    columns = profile.columns
    amount = profile.codepage.fit(block.amount).strip()[: columns // 2]
    label_width = columns - len(amount) - 1
    labels = wrap(profile.codepage.fit(block.label), label_width) or [""]
    last = labels[-1]
    lines = [Line(label, bold=block.bold) for label in labels[:-1]]
    lines.append(Line(last + amount.rjust(columns - len(last)), bold=block.bold))
    return lines


def block_lines(block: Block, profile: PrinterProfile) -> list[Line]:
    """The printed lines of a text block; other blocks (QR, cut...) have none."""
    if isinstance(block, Text):
        return text_lines(block, profile)
    if isinstance(block, Row):
        return row_lines(block, profile)
    if isinstance(block, Rule):
        char = profile.codepage.fit(block.char)[:1] or "-"
        return [Line(char * profile.columns)]
    if isinstance(block, Blank):
        return [Line("")]
    return []
