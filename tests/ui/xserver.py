"""A real X server for the tests that start the kiosk as a user would (on Qt's xcb
platform, not offscreen): Xvfb on a display it picks itself (-displayfd), screenshots of
the whole X screen taken from outside the kiosk with `xwd -root`, read back here."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QImage

FIRST_DISPLAY = 110


@dataclass(frozen=True)
class Screenshot:
    width: int
    height: int
    pixels: bytes  # 4 bytes a pixel, blue-green-red-unused (xwd, LSB first, depth 24)

    def rgb(self, x: int, y: int) -> tuple[int, int, int]:
        i = (y * self.width + x) * 4
        return self.pixels[i + 2], self.pixels[i + 1], self.pixels[i]

    def count(self, colour: str) -> int:
        """How many pixels are exactly #RRGGBB."""
        value = colour.lstrip("#")
        pixel = bytes((int(value[4:6], 16), int(value[2:4], 16), int(value[0:2], 16)))
        return sum(1 for i in range(0, len(self.pixels), 4) if self.pixels[i : i + 3] == pixel)

    def save_png(self, path: Path) -> None:
        image = QImage(
            self.pixels, self.width, self.height, self.width * 4, QImage.Format.Format_RGB32
        )
        image.save(str(path))


def read_xwd(data: bytes) -> Screenshot:
    """The XWD file format (X11's xwd.h): a header of big-endian 32-bit fields, the window
    name, the colour map (12 bytes an entry), then the image."""
    field = [int.from_bytes(data[i : i + 4], "big") for i in range(0, 100, 4)]
    header_size, depth, width, height = field[0], field[3], field[4], field[5]
    byte_order, bits_per_pixel, bytes_per_line, ncolors = field[7], field[11], field[12], field[19]
    assert depth == 24 and bits_per_pixel == 32 and byte_order == 0, field
    start = header_size + ncolors * 12
    rows = [
        data[start + y * bytes_per_line : start + y * bytes_per_line + width * 4]
        for y in range(height)
    ]
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
            timeout=30,
        )
        return read_xwd(done.stdout)

    def settled_screenshot(self, tries: int = 20) -> Screenshot:
        """A screenshot once the screen stopped changing (the paint that follows what
        the kiosk logged may still be on its way)."""
        last = self.screenshot()
        for _ in range(tries):
            time.sleep(0.3)
            shot = self.screenshot()
            if shot.pixels == last.pixels:
                return shot
            last = shot
        return last


@contextmanager
def xvfb(width: int = 1280, height: int = 800) -> Iterator[XServer]:
    """Xvfb at width×height, 24-bit, no TCP, on the first free display from 110 (far from
    a desktop's :0 and CI habits' :99); stopped (SIGTERM, then waited) on exit. A missing
    Xvfb or xwd fails the test: ./comptoir installs them (deploy/...)."""
    for tool in ("Xvfb", "xwd"):
        assert shutil.which(tool), f"{tool} is missing: see deploy/debian-runtime-packages"
    for number in range(FIRST_DISPLAY, FIRST_DISPLAY + 100):
        if Path(f"/tmp/.X{number}-lock").exists():
            continue
        server = _start(number, width, height)
        if server is None:
            continue
        try:
            yield server
        finally:
            server.process.terminate()
            server.process.wait(30)
        return
    raise AssertionError("no free X display from :110 to :209")


def _start(number: int, width: int, height: int) -> XServer | None:
    """Xvfb writes the display's number on -displayfd once it takes connections; it
    exits at once when another server holds the display."""
    read, write = os.pipe()
    process = subprocess.Popen(
        [
            "Xvfb",
            f":{number}",
            "-displayfd",
            str(write),
            "-screen",
            "0",
            f"{width}x{height}x24",
            "-nolisten",
            "tcp",
        ],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as ready:
        said = ready.readline().strip()
    if said != str(number):
        process.wait(30)
        return None
    return XServer(f":{number}", process)


def wait_for_line(
    path: Path, text: str, *, process: subprocess.Popen[bytes], timeout: float
) -> None:
    """Until the kiosk's log says `text` (it logs "ready" and "out of order"), or the
    kiosk died, or the time is up."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and text in path.read_text(encoding="utf-8", errors="replace"):
            return
        if process.poll() is not None:
            said = process.stderr.read().decode(errors="replace") if process.stderr else ""
            raise AssertionError(
                f"the kiosk stopped (exit {process.returncode}) before '{text}': {said}"
            )
        time.sleep(0.2)
    raise AssertionError(f"no '{text}' in {path} after {timeout} s")
