"""The fit test on a real X screen: the kiosk started as `kiosk` starts it, full screen on
Xvfb at 1024×768 and 1280×800, on Qt's xcb platform (the suite's other tests run
offscreen, whose first paint comes at once from show(), not from the X server). Each
size runs tests/ui/xcb_fit.py in a process of its own: every text painted fits its
widget, from the first paint on (the welcome's "Texte plus grand" was painted in the
width of "Larger text" while the store opened), and the welcome and a few resident and
counter screens fit in French and English, normal and larger text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .xserver import xvfb

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (1024, 768)], ids=str)
def test_every_text_fits_on_a_real_x_screen(tmp_path: Path, width: int, height: int) -> None:
    with xvfb(width, height) as screen:
        env = {
            **os.environ,
            "DISPLAY": screen.display,
            "QT_QPA_PLATFORM": "xcb",
            "HOME": str(tmp_path / "home"),
        }
        env.pop("XDG_RUNTIME_DIR", None)
        env.pop("NOTIFY_SOCKET", None)
        done = subprocess.run(
            [sys.executable, "-m", "tests.ui.xcb_fit", str(tmp_path)],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    # The welcome was painted, and checked, before the store opened: its French words,
    # "Texte plus grand" among them.
    assert "Texte plus grand" in report["painted_before_the_store"]
    assert "Bienvenue à la conciergerie du quartier" in report["painted_before_the_store"]
    assert report["found"] == [], "\n".join(report["found"])
