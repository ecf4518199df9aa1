"""The packaged kiosk, built once per test run (`deploy/build_package.py`, as
`./comptoir package` does, into a temporary folder) and run outside the virtual
environment: no venv on PATH, no PYTHONPATH, another working folder, another HOME."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def build_package_module() -> object:
    """deploy/build_package.py (a script, not a package), to read what it reads."""
    spec = importlib.util.spec_from_file_location("build_package", ROOT / "deploy/build_package.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Built:
    bundle: Path  # the one-folder bundle; its program is bundle / "kiosk"
    deb: Path

    @property
    def kiosk(self) -> Path:
        return self.bundle / "kiosk"


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    where = tmp_path_factory.mktemp("package")
    subprocess.run(
        [sys.executable, str(ROOT / "deploy" / "build_package.py"),
         "--dist", str(where / "dist"), "--work", str(where / "work")],
        check=True, cwd=ROOT, capture_output=True,
    )  # fmt: skip
    [deb] = (where / "dist").glob("comptoir_*.deb")
    return Built(where / "dist" / "kiosk", deb)


def outside_env(home: Path, **extra: str) -> dict[str, str]:
    """An environment with nothing of the project's venv in it."""
    home.mkdir(parents=True, exist_ok=True)
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", **extra}


def run_bundle(
    built: Built, cwd: Path, *args: str, **extra: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(built.kiosk), *args],
        cwd=cwd,
        env=outside_env(cwd / "home", **extra),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def demo(built: Built, tmp_path: Path) -> Path:
    """The demo month, seeded by the bundle itself."""
    done = run_bundle(built, tmp_path, "seed-demo", "--data-dir", "data", "--as-of", "2026-11-26")
    assert done.returncode == 0, done.stderr
    return tmp_path / "data"
