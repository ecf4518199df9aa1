"""What every A4 document shares: fonts, styles, the page's header and footer."""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.fonts import addMapping
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
MONO = "DejaVuSansMono"
MONO_BOLD = "DejaVuSansMono-Bold"


# resources/ sits beside the packages, in a checkout as in the kiosk's bundle.
FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"


@functools.cache
def register_fonts() -> None:
    fonts = FONTS_DIR
    for name in (FONT, FONT_BOLD, MONO, MONO_BOLD):
        pdfmetrics.registerFont(TTFont(name, str(fonts / f"{name}.ttf")))
    # <b> in a paragraph picks the bold face of the family.
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT)
    addMapping(FONT, 1, 1, FONT_BOLD)


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=12)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5),
        "cell_right": ParagraphStyle(
            "cell_right", parent=body, fontSize=8.5, leading=10.5, alignment=TA_RIGHT
        ),
        "title": ParagraphStyle(
            "title", parent=body, fontName=FONT_BOLD, fontSize=13, leading=17, spaceAfter=4
        ),
        "heading": ParagraphStyle(
            "heading", parent=body, fontName=FONT_BOLD, fontSize=10.5, leading=14, spaceBefore=6
        ),
        "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
    }


CELL_MAX = 160
FIELD_MAX = 400  # characters of one field on a document: far above any valid value


def esc(text: str, limit: int = FIELD_MAX) -> str:
    """Text for a Paragraph, which reads a little markup. Clipped: a cell taller than a
    page cannot be laid out at all, and the core already bounds every valid field."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def para(text: str, style: str = "body") -> Paragraph:
    return Paragraph(esc(text), styles()[style])


def bold(text: str, style: str = "body") -> Paragraph:
    return Paragraph(f"<b>{esc(text)}</b>", styles()[style])


CELL_SIZE = 8.5
CELL_PADDING = 6  # reportlab's default left and right padding of a cell
TABLE_STYLE = TableStyle(
    [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
        ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
        ("LEADING", (0, 0), (-1, -1), CELL_SIZE + 2),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF4")),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor("#4A6076")),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, colors.HexColor("#4A6076")),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
)


def _wrapped(text: str, font: str, width: float) -> str:
    """A cell's text broken into lines that fit `width` (points)."""
    text = text if len(text) <= CELL_MAX else text[: CELL_MAX - 1] + "…"
    return "\n".join(simpleSplit(text, font, CELL_SIZE, width) or [""])


def table(
    header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float], right: int
) -> Table:
    """A table of text; columns from `right` on are amounts, aligned right. Cells are
    plain strings wrapped here: Paragraph cells cost several times more to lay out,
    which a thousand certificates feel."""
    register_fonts()
    inner = [w * mm - 2 * CELL_PADDING for w in widths]
    data = [[_wrapped(text, FONT_BOLD, inner[i]) for i, text in enumerate(header)]]
    data += [[_wrapped(text, FONT, inner[i]) for i, text in enumerate(row)] for row in rows]
    result = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
    result.setStyle(TABLE_STYLE)
    result.setStyle(TableStyle([("ALIGN", (right, 0), (-1, -1), "RIGHT")]))
    return result


DEMO_MARK = "DEMO"


def build(
    story: list[Flowable],
    *,
    title: str,
    footer: str,
    target: Path | None = None,
    demo: bool = False,
) -> bytes:
    """Lay out an A4 document; writes `target` when given and returns the bytes. The
    same story gives the same bytes (reportlab's invariant mode: no creation date, a
    fixed document id), so a document printed again from its snapshot is the same file.
    A demo store's documents carry "DEMO" across every page."""
    register_fonts()
    buffer = io.BytesIO()

    def on_page(canvas: Canvas, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(18 * mm, 10 * mm, footer)
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"{document.page}")
        if demo:
            canvas.setFont(FONT_BOLD, 90)
            canvas.setFillColor(colors.Color(0.8, 0.1, 0.1, alpha=0.18))
            canvas.translate(A4[0] / 2, A4[1] / 2)
            canvas.rotate(40)
            canvas.drawCentredString(0, 0, DEMO_MARK)
        canvas.restoreState()

    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=title,
        author="Comptoir",
        # The canvas' own default font (Helvetica) would be named in every page's
        # preamble and listed unembedded by pdffonts: start it on DejaVu instead.
        initialFontName=FONT,
        initialFontSize=9,
        invariant=1,
    )
    document.build(story, onFirstPage=on_page, onLaterPages=on_page)
    data = buffer.getvalue()
    if target is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return data
