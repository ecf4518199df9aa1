"""A real X server for the packaged kiosk (Xvfb, Qt's xcb platform), and screenshots of
the whole X screen taken from outside the kiosk with `xwd -root`.

(Issue 10's tests/ui/xserver.py does the same for the venv's kiosk: once both are on
main, one of them should serve both.)"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QImage

FIRST_DISPLAY = 111


@dataclass(frozen=True)
class Screenshot:
    width: int
    height: int
    pixels: bytes  # xwd's ZPixmap, depth 24 in 32 bits, least significant byte first

    def share(self, colour: str) -> float:
        """The part of the screen that is exactly #RRGGBB."""
        value = colour.lstrip("#")
        pixel = bytes((int(value[4:6], 16), int(value[2:4], 16), int(value[0:2], 16)))
        hits = sum(1 for i in range(0, len(self.pixels), 4) if self.pixels[i : i + 3] == pixel)
        return hits / (self.width * self.height)

    def differing(self, other: Screenshot) -> float:
        """The part of the pixels that differ from `other`'s."""
        assert (self.width, self.height) == (other.width, other.height)
        a, b = self.pixels, other.pixels
        diff = sum(1 for i in range(0, len(a), 4) if a[i : i + 3] != b[i : i + 3])
        return diff / (self.width * self.height)

    def save_png(self, path: Path) -> None:
        QImage(
            self.pixels, self.width, self.height, self.width * 4, QImage.Format.Format_RGB32
        ).save(str(path))


def read_xwd(data: bytes) -> Screenshot:
    """X11's XWD format (xwd.h): 25 big-endian 32-bit header fields, the window's name,
    the colour map (12 bytes an entry), then the rows."""
    field = [int.from_bytes(data[i : i + 4], "big") for i in range(0, 100, 4)]
    header, depth, width, height = field[0], field[3], field[4], field[5]
    byte_order, bits, per_line, colours = field[7], field[11], field[12], field[19]
    assert (depth, bits, byte_order) == (24, 32, 0), field
    start = header + colours * 12
    rows = (data[start + y * per_line : start + y * per_line + width * 4] for y in range(height))
    return Screenshot(width, height, b"".join(rows))


@dataclass
class XServer:
    display: str
    process: subprocess.Popen[bytes]

    def screenshot(self) -> Screenshot:
        done = subprocess.run(
            ["xwd", "-root", "-silent", "-display", self.display],
            capture_output=True,
            check=True,
            timeout=60,
        )
        return read_xwd(done.stdout)


@contextmanager
def xvfb(width: int, height: int) -> Iterator[XServer]:
    """Xvfb on the first free display from :111, no TCP; it says its display on
    -displayfd once it takes connections."""
    for number in range(FIRST_DISPLAY, FIRST_DISPLAY + 50):
        if Path(f"/tmp/.X{number}-lock").exists():
            continue
        read, write = os.pipe()
        process = subprocess.Popen(
            ["Xvfb", f":{number}", "-displayfd", str(write), "-screen", "0",
             f"{width}x{height}x24", "-nolisten", "tcp"],
            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        os.close(write)
        with os.fdopen(read) as said:
            if said.readline().strip() != str(number):
                process.wait(30)
                continue
        try:
            yield XServer(f":{number}", process)
        finally:
            process.terminate()
            process.wait(30)
        return
    raise AssertionError("no free X display from :111")
