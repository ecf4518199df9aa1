"""`kiosk --version`: the installed package's version, or, in a source checkout that
was never installed, pyproject.toml's."""

from __future__ import annotations

import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

DISTRIBUTION = "comptoir"


def comptoir_version() -> str:
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        try:
            project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
            return f"{project['version']}+source"
        except (OSError, KeyError, tomllib.TOMLDecodeError):
            return "unknown"
