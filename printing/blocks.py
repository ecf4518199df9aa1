"""A ticket as data: a sequence of blocks that the ESC/POS, text, PNG and PDF renderers
all read. Texts here are plain Unicode; fitting them to a code page is the renderer's."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True, slots=True)
class Text:
    text: str
    bold: bool = False
    big: bool = False  # double width and height: the order number
    align: Align = Align.LEFT


@dataclass(frozen=True, slots=True)
class Row:
    """A label and an amount kept in a right-aligned column."""

    label: str
    amount: str
    bold: bool = False


@dataclass(frozen=True, slots=True)
class Rule:
    char: str = "-"


@dataclass(frozen=True, slots=True)
class Blank:
    pass


@dataclass(frozen=True, slots=True)
class Logo:
    """The association's logo (a PNG file), printed as a raster image."""

    path: str


@dataclass(frozen=True, slots=True)
class Qr:
    data: str  # ASCII (a URL)


@dataclass(frozen=True, slots=True)
class DrawerKick:
    """Open the cash drawer (cash payments)."""


@dataclass(frozen=True, slots=True)
class Cut:
    pass


Block = Text | Row | Rule | Blank | Logo | Qr | DrawerKick | Cut


@dataclass(frozen=True, slots=True)
class Ticket:
    kind: str  # order_ticket, receipt, receipt_copy
    order_number: str
    blocks: tuple[Block, ...]
