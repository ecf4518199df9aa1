"""QR code modules, for the renderers that draw the code themselves (the PNG and PDF
previews; the printer draws its own from GS ( k). reportlab's encoder is used directly:
its widget would pull Helvetica into the PDF."""

from __future__ import annotations

from reportlab.graphics.barcode import qrencoder


def qr_modules(data: str) -> list[list[bool]]:
    """The code's modules, row by row (True = dark), without the quiet zone."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(data)
    code.make()
    count = int(code.getModuleCount())
    return [[bool(code.isDark(row, col)) for col in range(count)] for row in range(count)]
