"""Tickets to ESC/POS bytes.

Text goes through our own encoder (`encoding.CodePage`), selected once with ESC t n;
python-escpos's Dummy printer builds the native QR code (GS ( k), and its constants the
cut and the drawer kick.
"""

from __future__ import annotations

from escpos import constants
from escpos.printer import Dummy

from .blocks import Cut, DrawerKick, Logo, Qr, Ticket
from .layout import block_lines
from .logo import prepared_logo
from .profiles import PrinterProfile

ESC = b"\x1b"
GS = b"\x1d"
INIT = ESC + b"@"
BOLD_ON, BOLD_OFF = ESC + b"E\x01", ESC + b"E\x00"
BIG_ON, BIG_OFF = GS + b"!\x11", GS + b"!\x00"  # double width and double height
CENTER, LEFT = ESC + b"a\x01", ESC + b"a\x00"
FEED_BEFORE_CUT = ESC + b"d\x04"  # the cutter sits a few lines above the print head


def select_codepage(profile: PrinterProfile) -> bytes:
    return ESC + b"t" + bytes([profile.codepage.escpos_number])


def qr_bytes(data: str, profile: PrinterProfile) -> bytes:
    printer = Dummy()
    printer.qr(data, native=True, size=profile.qr_module_size, ec=constants.QR_ECLEVEL_M)
    return CENTER + bytes(printer.output) + b"\n" + LEFT


def logo_bytes(path: str, profile: PrinterProfile) -> bytes:
    image = prepared_logo(path, profile.dots)
    if image is None:
        return b""
    printer = Dummy()
    printer.image(image, impl="bitImageRaster")  # GS v 0: the most widely supported
    return bytes(printer.output)


def render(ticket: Ticket, profile: PrinterProfile) -> bytes:
    out = [INIT, select_codepage(profile)]
    encode = profile.codepage.encode
    for block in ticket.blocks:
        if isinstance(block, Qr):
            out.append(qr_bytes(block.data, profile))
        elif isinstance(block, Logo):
            out.append(logo_bytes(block.path, profile))
        elif isinstance(block, DrawerKick):
            out.append(constants.CD_KICK_2)
        elif isinstance(block, Cut):
            out.append(FEED_BEFORE_CUT + constants.PAPER_FULL_CUT)
        else:
            for line in block_lines(block, profile):
                text = encode(line.text) + b"\n"
                if line.big:
                    text = BIG_ON + text + BIG_OFF
                if line.bold:
                    text = BOLD_ON + text + BOLD_OFF
                out.append(text)
    return b"".join(out)
