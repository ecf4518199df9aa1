"""An 80 mm ticket as a PDF: what the printer would print, to show or send by mail."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from documents.pdf.base import FONT, MONO, MONO_BOLD, register_fonts

from ..blocks import Logo, Qr, Ticket
from ..layout import Line, block_lines
from ..logo import prepared_logo
from ..profiles import PrinterProfile, profile_for
from ..qr import qr_modules

FONT_SIZE = 7.0  # 48 columns of DejaVu Sans Mono (0.6 em) fill the 72 mm printed on 80 mm
LEADING = 9.5
QR_SIZE: float = 30 * mm


DOT: float = 25.4 / 203 * mm  # printers print 203 dots per inch


def _height(row: Qr | Line | Image.Image) -> float:
    if isinstance(row, Image.Image):
        return float(row.height * DOT)
    if isinstance(row, Qr):
        return float(QR_SIZE)
    return LEADING * 2 if row.big else LEADING


def ticket_pdf(
    ticket: Ticket, profile: PrinterProfile | None = None, target: Path | None = None
) -> bytes:
    register_fonts()
    profile = profile or profile_for("80")
    width = profile.width_mm * mm
    margin = (width - profile.columns * FONT_SIZE * 0.6) / 2
    rows: list[Qr | Line | Image.Image] = []
    for block in ticket.blocks:
        if isinstance(block, Qr):
            rows.append(block)
        elif isinstance(block, Logo) and (logo := prepared_logo(block.path, profile.dots)):
            rows.append(logo)
        rows.extend(block_lines(block, profile))
    height = 10 * mm + sum(_height(row) for row in rows)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), initialFontName=FONT, initialFontSize=8)
    canvas.setTitle(f"Ticket {ticket.order_number}")
    y = height - 5 * mm
    for item in rows:
        if isinstance(item, Image.Image):
            y -= _height(item)
            canvas.drawImage(
                ImageReader(item.convert("L")),
                (width - item.width * DOT) / 2,
                y,
                item.width * DOT,
                item.height * DOT,
            )
            continue
        if isinstance(item, Qr):
            modules = qr_modules(item.data)
            cell = QR_SIZE / (len(modules) + 2)  # + the quiet zone
            left = (width - QR_SIZE) / 2 + cell
            canvas.setFillColorRGB(0, 0, 0)
            for r, row in enumerate(modules):
                for c, dark in enumerate(row):
                    if dark:
                        canvas.rect(left + c * cell, y - (r + 2) * cell, cell, cell, 0, 1)
            y -= QR_SIZE
            continue
        y -= _height(item)
        if item.big:
            canvas.setFont(MONO_BOLD, FONT_SIZE * 2)
            canvas.drawString(margin, y, item.text)
        else:
            canvas.setFont(MONO_BOLD if item.bold else MONO, FONT_SIZE)
            canvas.drawString(margin, y, item.text)
    canvas.showPage()
    canvas.save()
    data = buffer.getvalue()
    if target is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return data
