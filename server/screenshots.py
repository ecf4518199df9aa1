"""`python -m server.screenshots [--out DIR]`: the central server's kiosks page in French
and English at 1280×800, for the README: five kiosks of an association, one fine and
four that need a person (no news for an hour, a nearly full disk and an old version,
a printer out of paper, one never seen). The page is rendered by the server's own
code (server.kiosks_page) at a fixed time, then shot by a headless Chromium
(`chromium`, Debian's package), as a browser shows it."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from packaging.version import Version
from PIL import Image

from sync.protocol import HealthReport, PrinterHealth, PrinterState

from .health import THRESHOLDS, KioskHealth, KiosksOverview, needs_of
from .kiosks_page import render_kiosks

NOW = datetime(2026, 11, 26, 10, 14, tzinfo=UTC)  # 11:14 in Paris
VERSION = "0.1.0"
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
GB = 1_000_000_000


def _report(seen: datetime, **changes: object) -> HealthReport:
    fields: dict[str, object] = {
        "version": VERSION,
        "kiosk_time": seen,
        "outbox_pending": 0,
        "outbox_set_aside": 0,
        "oldest_pending_s": None,
        "printer": PrinterHealth(state=PrinterState.OK, jobs_waiting=0),
        "disk_free_bytes": 21_400_000_000,
        "disk_total_bytes": 31_900_000_000,
        "last_backup_at": datetime(2026, 11, 26, 2, 0, tzinfo=UTC),
    }
    return HealthReport.model_validate(fields | changes)


def _kiosk(name: str, seen_ago: timedelta | None, **changes: object) -> KioskHealth:
    enrolled = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    seen = None if seen_ago is None else NOW - seen_ago
    sent = None if seen is None else _report(seen, **changes)
    needs = needs_of(sent, seen, now=NOW, newest=Version(VERSION))
    return KioskHealth(name=name, enrolled_at=enrolled, last_seen=seen, report=sent, needs=needs)


def association() -> KiosksOverview:
    return KiosksOverview(
        server_time=NOW,
        server_version=VERSION,
        newest_version=VERSION,
        thresholds=THRESHOLDS,
        kiosks=[
            _kiosk(
                "Bastille",
                timedelta(hours=1, minutes=14),
                printer=PrinterHealth(state=PrinterState.NONE),
                disk_free_bytes=25 * GB,
            ),
            _kiosk("Belleville", timedelta(0), version="0.0.9", disk_free_bytes=620_000_000),
            _kiosk(
                "Marais",
                timedelta(0),
                printer=PrinterHealth(
                    state=PrinterState.FAULT, fault="printer.paper_out", jobs_waiting=2
                ),
                disk_free_bytes=18_200_000_000,
            ),
            _kiosk("Oberkampf", None),
            _kiosk("Saint-Paul", timedelta(0)),
        ],
    )


def shoot(html: str, path: Path, *, width: int = 1280, height: int = 800) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise SystemExit("needs Chromium: sudo apt install chromium")
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "kiosks.html"
        page.write_text(html, encoding="utf-8")
        subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",  # as root in a container; the page is our own
                "--disable-gpu",
                "--hide-scrollbars",
                f"--user-data-dir={folder}/profile",
                f"--window-size={width},{height}",
                f"--screenshot={path}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m server.screenshots", description=__doc__)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    view = association()
    for lang in ("fr", "en"):
        path = args.out / f"kiosks-{lang}-1280x800.png"
        shoot(render_kiosks(view, lang), path)
        # A page of flat colours: 128 of them keep it as it is, at a third of the size
        # (Pillow comes with python-escpos).
        Image.open(path).convert("RGB").quantize(128).save(path, optimize=True)
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
