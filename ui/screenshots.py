"""`python -m ui.screenshots [--out DIR]`: every screen, at 1280×800 and 1920×1080, in
French and English, rendered offscreen on a month of demo data, to docs/screenshots/."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication, QWidget

SIZES = ((1280, 800), (1920, 1080))
LANGS = ("fr", "en")
# The demo's day, and a Thursday morning in Paris on it: the screenshots stay the same.
AS_OF = date(2026, 11, 26)
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.screenshots", description=__doc__)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--small",
        action="store_true",
        help="reduce each picture to 128 colours (the README's: a third of the size)",
    )
    parser.add_argument(
        "--only",
        nargs="+",
        metavar="STEP",
        help="shoot only these steps of the tour (include the steps that lead to them, "
        "e.g. pin_pad counter counter_clients)",
    )
    parser.add_argument(
        "--size",
        nargs="+",
        metavar="WxH",
        help="shoot at these window sizes (e.g. 1024x768 1080x1920) instead of the usual",
    )
    parser.add_argument(
        "--larger-text", action="store_true", help="the residents' screens in larger text"
    )
    parser.add_argument("--lang", nargs="+", choices=LANGS, help="only these languages")
    args = parser.parse_args(argv)
    sizes = [_size(text, parser) for text in args.size] if args.size else SIZES
    langs = tuple(args.lang) if args.lang else LANGS
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    from kiosk_app.comptoir import Comptoir
    from kiosk_app.demo.seed import seed_demo
    from printing.queue import PrintWorker
    from sync.protocol import OrderStatus

    from .app import application, build_window
    from .tour import TourData, tour
    from .tour_setup import SETUP_STEPS
    from .window import KioskWindow

    args.out.mkdir(parents=True, exist_ok=True)
    app = application()
    with tempfile.TemporaryDirectory() as folder:
        seed_demo(Path(folder), as_of=AS_OF)
        comptoir = Comptoir.open(Path(folder), clock=lambda: NOW)
        try:
            done = comptoir.orders.list(statuses=frozenset({OrderStatus.DONE}), limit=200)
            order = next(o for o in done if comptoir.ratings.for_order(o.id) is None)
            phone = comptoir.clients.get(order.client_id).phone or ""
            data = TourData(order.number, phone)
            # The print worker runs beside the window in the kiosk; the demo has no
            # printer, so it saves each ticket as a picture that the confirmation shows.
            printer = PrintWorker.from_settings(comptoir, Path(folder))
            printer.run_once()  # the demo's own tickets, before the tour
            count = 0
            for width, height in sizes:
                for lang in langs:
                    window = build_window(comptoir, app=app)
                    window.resize(width, height)
                    window.show()
                    QApplication.processEvents()

                    def settle(window: KioskWindow = window) -> None:
                        window.tasks.settle()
                        if printer.run_once():
                            window.confirmation.refresh_ticket()

                    only = tuple(args.only) if args.only else None
                    for name in tour(
                        window,
                        data,
                        lang=lang,
                        large_text=args.larger_text,
                        settle=settle,
                        only=only,
                    ):
                        path = args.out / f"{name}-{lang}-{width}x{height}.png"
                        save(window, path, small=args.small)
                        count += 1
                    close_window(window)
                wanted = [s for s in SETUP_STEPS if not args.only or s in args.only]
                if wanted:
                    count += shoot_setup(app, args.out, (width, height), wanted, small=args.small)
                if not args.only or "out_of_order" in args.only:
                    path = args.out / f"out_of_order-fr+en-{width}x{height}.png"
                    out_of_order_page(width, height).save(str(path))
                    count += 1
        finally:
            comptoir.close()
    print(f"{count} screenshots in {args.out}")
    return 0


def close_window(window: QWidget) -> None:
    """Closed and deleted now, with its translator: a language left installed would
    answer for the next window's."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from .window import KioskWindow

    assert isinstance(window, KioskWindow)
    window.allow_quit()
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def save(window: QWidget, path: Path, *, small: bool = False) -> None:
    window.grab().save(str(path))
    if small:  # Pillow comes with python-escpos
        from PIL import Image

        Image.open(path).convert("RGB").quantize(128).save(path, optimize=True)


def shoot_setup(
    app: QApplication, out: Path, size: tuple[int, int], wanted: Sequence[str], *, small: bool
) -> int:
    """The set-up wizard, as a new kiosk opens on it (a new data folder), in each
    language; returns how many pictures were saved."""
    from kiosk_app.comptoir import Comptoir

    from .app import build_window
    from .tour_setup import setup_tour

    count = 0
    for lang in LANGS:
        with tempfile.TemporaryDirectory() as folder:
            comptoir = Comptoir.open(Path(folder), clock=lambda: NOW)
            try:
                window = build_window(comptoir, app=app)
                window.resize(*size)
                window.show()
                app.processEvents()
                for name in setup_tour(window, lang=lang):
                    if name in wanted:
                        path = out / f"{name}-{lang}-{size[0]}x{size[1]}.png"
                        save(window, path, small=small)
                        count += 1
                close_window(window)
            finally:
                comptoir.close()
    return count


def _size(text: str, parser: argparse.ArgumentParser) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit()) or not 320 <= int(width) <= 8000:
        parser.error(f"a size reads WIDTHxHEIGHT, such as 1024x768, not {text!r}")
    return int(width), int(height)


def out_of_order_page(width: int, height: int) -> QImage:
    """The page a kiosk shows when its store cannot be opened (both languages at once),
    here for a damaged file, with the association's phone from the store."""
    from PySide6.QtWidgets import QApplication

    from kiosk_app.store.refusals import OutOfOrder

    from .app import _window

    folder = "/home/kiosque/.local/share/comptoir"
    refusal = OutOfOrder(
        "store.corrupt",
        {"path": f"{folder}/comptoir.sqlite3"},
        "01 99 00 12 34",
        f"{folder}/logs/kiosk.log",
    )
    window = _window()
    window.resize(width, height)
    window.show_out_of_order(refusal)
    window.show()
    QApplication.processEvents()
    image = window.grab().toImage()
    window.close()
    window.deleteLater()
    return image


if __name__ == "__main__":
    sys.exit(main())
