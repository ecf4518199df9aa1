"""The package suite: the kiosk's bundle (kiosk.spec), built in the run, its size and its
cold start beside the venv's `kiosk` in the same run.

Figures:
- build_s: `deploy/build_package.py --bundle-only`, from nothing (a fresh work folder).
- bundle_mb: the one-folder bundle on disk (target ≤ 200).
- bundle_cold_start_median_s, venv_cold_start_median_s: process start to the welcome
  screen painted, as systemd sees it: the READY=1 that the kiosk sends on
  $NOTIFY_SOCKET once its welcome screen is painted (ui/supervision.py), on the demo
  month, offscreen, --windowed; runs alternated so that a busy moment weighs on both.
- bundle_cold_start_ratio_vs_venv (target ≤ 1.5).
"""

from __future__ import annotations

import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .demo_month import DEMO_AS_OF
from .measure import note, scaled

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"bundle_mb": 200.0, "bundle_cold_start_ratio_vs_venv": 1.5}


def build_bundle(where: Path) -> tuple[Path, float]:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, str(ROOT / "deploy" / "build_package.py"), "--bundle-only",
         "--dist", str(where / "dist"), "--work", str(where / "work")],
        check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return where / "dist" / "kiosk", time.perf_counter() - started


def folder_mb(folder: Path) -> float:
    return sum(p.lstat().st_size for p in folder.rglob("*")) / 2**20


def time_to_ready(command: list[str], data_dir: Path, folder: Path) -> float:
    """Seconds from starting `command` to its READY=1; then it is stopped (SIGTERM)."""
    address = folder / "notify"
    address.unlink(missing_ok=True)
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as receiver:
        receiver.bind(str(address))
        receiver.settimeout(120)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NOTIFY_SOCKET": str(address)}
        started = time.perf_counter()
        kiosk = subprocess.Popen(
            [*command, "--windowed", "--data-dir", str(data_dir)],
            env=env, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        try:
            while b"READY=1" not in receiver.recv(4096).splitlines():
                pass
            took = time.perf_counter() - started
        finally:
            kiosk.send_signal(signal.SIGTERM)
            kiosk.communicate(timeout=60)
    return took


def measure_start(bundle: Path, data_dir: Path, runs: int) -> dict[str, Any]:
    venv_kiosk = [str(Path(sys.executable).parent / "kiosk")]
    bundled, venv = [], []
    with tempfile.TemporaryDirectory(prefix="comptoir-bench-start-") as tmp:
        for _ in range(runs):
            bundled.append(time_to_ready([str(bundle / "kiosk")], data_dir, Path(tmp)))
            venv.append(time_to_ready(venv_kiosk, data_dir, Path(tmp)))
    bundle_median, venv_median = statistics.median(bundled), statistics.median(venv)
    return {
        "bundle_cold_start_median_s": round(bundle_median, 3),
        "venv_cold_start_median_s": round(venv_median, 3),
        "bundle_cold_start_ratio_vs_venv": round(bundle_median / venv_median, 2),
        "cold_start_runs": runs,
    }


def run(*, scale: float) -> dict[str, Any]:
    from kiosk_app.demo.seed import seed_demo

    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="comptoir-bench-package-") as tmp:
        where = Path(tmp)
        note("building the bundle (kiosk.spec)")
        bundle, build_s = build_bundle(where)
        figures["build_s"] = round(build_s, 1)
        figures["bundle_mb"] = round(folder_mb(bundle), 1)
        note("seeding a month of demo data")
        seed_demo(where / "kiosk", as_of=DEMO_AS_OF)
        runs = scaled(9, scale, minimum=3)
        note(f"cold start to READY=1, {runs} times each: the bundle and the venv's kiosk")
        figures.update(measure_start(bundle, where / "kiosk", runs))
    figures["targets"] = TARGETS
    return figures
