"""A ticket as the screen shows it when no printer is configured (the demo): a PNG drawn
like the printer would print it, and the same lines as a .txt."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from kiosk_app.config import resources_dir

from .blocks import Logo, Qr, Ticket
from .layout import Line, block_lines
from .logo import prepared_logo
from .profiles import PrinterProfile
from .qr import qr_modules

MARGIN = 16
LINE_GAP = 6


@functools.cache
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    name = "DejaVuSansMono-Bold.ttf" if bold else "DejaVuSansMono.ttf"
    return ImageFont.truetype(str(resources_dir() / "fonts" / name), size)


def ticket_text(ticket: Ticket, profile: PrinterProfile) -> str:
    """The ticket's lines as plain text (the QR code as its URL)."""
    lines: list[str] = []
    for block in ticket.blocks:
        if isinstance(block, Qr):
            lines.append(f"[QR] {block.data}")
        for line in block_lines(block, profile):
            # A double-width line holds half the columns: centre it on the full width.
            lines.append(
                line.text.strip().center(profile.columns).rstrip() if line.big else line.text
            )
    return "\n".join(lines) + "\n"


def ticket_image(ticket: Ticket, profile: PrinterProfile) -> Image.Image:
    # The printer's standard font is 12 dots wide: a 20 px DejaVu Sans Mono is too.
    size = profile.dots // profile.columns * 5 // 3
    rows: list[Line | Qr | Image.Image] = []
    for block in ticket.blocks:
        if isinstance(block, Qr):
            rows.append(block)
        elif isinstance(block, Logo) and (logo := prepared_logo(block.path, profile.dots)):
            rows.append(logo)
        rows.extend(block_lines(block, profile))
    qr_side = profile.dots // 2

    def height(row: Line | Qr | Image.Image) -> int:
        if isinstance(row, Image.Image):
            return row.height + LINE_GAP
        if isinstance(row, Qr):
            return qr_side + LINE_GAP
        return (size * 2 if row.big else size) + LINE_GAP

    image = Image.new("L", (profile.dots + 2 * MARGIN, sum(map(height, rows)) + 2 * MARGIN), 255)
    draw = ImageDraw.Draw(image)
    y = MARGIN
    for row in rows:
        if isinstance(row, Image.Image):
            image.paste(row.convert("L"), (MARGIN, y))
        elif isinstance(row, Qr):
            modules = qr_modules(row.data)
            cell = qr_side // (len(modules) + 2)
            left = MARGIN + (profile.dots - cell * len(modules)) // 2
            for r, line in enumerate(modules):
                for c, dark in enumerate(line):
                    if dark:
                        x0, y0 = left + c * cell, y + (r + 1) * cell
                        draw.rectangle((x0, y0, x0 + cell - 1, y0 + cell - 1), fill=0)
        else:
            font = _font(row.bold or row.big, size * 2 if row.big else size)
            draw.text((MARGIN, y), row.text, font=font, fill=0)
        y += height(row)
    return image


@dataclass(frozen=True)
class SavedTicket:
    png: Path
    text: Path


def save_ticket(ticket: Ticket, profile: PrinterProfile, folder: Path, name: str) -> SavedTicket:
    """Write `<name>.png` and `<name>.txt` in `folder` (the data folder's tickets/)."""
    folder.mkdir(parents=True, exist_ok=True)
    png, text = folder / f"{name}.png", folder / f"{name}.txt"
    # Written beside and renamed: the screen never shows a half-written file.
    partial = folder / f".{name}.png.partial"
    ticket_image(ticket, profile).save(partial, format="PNG")
    partial.replace(png)
    partial_text = folder / f".{name}.txt.partial"
    partial_text.write_text(ticket_text(ticket, profile), encoding="utf-8")
    partial_text.replace(text)
    return SavedTicket(png, text)
