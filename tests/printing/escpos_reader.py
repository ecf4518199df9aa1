"""Reads an ESC/POS stream back the way a printer would: the commands this project sends
are parsed, the text between them is decoded with the code page the stream selected
(ESC t n). Any other control byte is an error: it would be garbage on paper."""

from __future__ import annotations

from dataclasses import dataclass, field

CODE_PAGES = {16: "cp1252", 19: "cp858"}


@dataclass
class PrintedLine:
    text: str
    bold: bool
    big: bool


@dataclass
class Printout:
    codec: str | None = None
    lines: list[PrintedLine] = field(default_factory=list)
    qr_codes: list[str] = field(default_factory=list)
    images: list[tuple[int, int]] = field(default_factory=list)  # (width in dots, height)
    cuts: int = 0
    drawer_kicks: int = 0

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def read(stream: bytes) -> Printout:
    out = Printout()
    bold = big = False
    pending = bytearray()
    pending_qr = b""
    i = 0
    while i < len(stream):
        byte = stream[i]
        if byte == 0x0A:
            assert out.codec is not None, "text before ESC t"
            out.lines.append(PrintedLine(pending.decode(out.codec), bold, big))
            pending.clear()
            i += 1
        elif byte == 0x1B:  # ESC
            command = stream[i + 1 : i + 2]
            if command == b"@":
                i += 2
            elif command == b"t":
                out.codec = CODE_PAGES[stream[i + 2]]
                i += 3
            elif command == b"E":
                bold = stream[i + 2] == 1
                i += 3
            elif command in (b"a", b"d"):
                i += 3
            elif command == b"p":  # drawer kick: ESC p m t1 t2
                out.drawer_kicks += 1
                i += 5
            else:
                raise AssertionError(f"unexpected ESC {command!r} at {i}")
        elif byte == 0x1D:  # GS
            command = stream[i + 1 : i + 2]
            if command == b"!":
                big = stream[i + 2] == 0x11
                i += 3
            elif command == b"(":
                assert stream[i + 2 : i + 3] == b"k"
                length = stream[i + 3] + 256 * stream[i + 4]
                body = stream[i + 5 : i + 5 + length]
                if body[:3] == b"1P0":  # store the QR data
                    pending_qr = body[3:]
                elif body[:3] == b"1Q0":  # print it
                    out.qr_codes.append(pending_qr.decode("ascii"))
                i += 5 + length
            elif command == b"v":  # raster image: GS v 0 m xL xH yL yH data
                assert stream[i + 2 : i + 3] == b"0"
                width_bytes = stream[i + 4] + 256 * stream[i + 5]
                height = stream[i + 6] + 256 * stream[i + 7]
                out.images.append((width_bytes * 8, height))
                i += 8 + width_bytes * height
            elif command == b"V":  # cut: GS V m [n]
                out.cuts += 1
                i += 4 if stream[i + 2] in (65, 66) else 3
            else:
                raise AssertionError(f"unexpected GS {command!r} at {i}")
        elif byte < 0x20 or byte == 0x7F:
            raise AssertionError(f"control byte {byte:#x} in text at {i}")
        else:
            pending.append(byte)
            i += 1
    assert not pending, "text left without a line feed"
    return out
