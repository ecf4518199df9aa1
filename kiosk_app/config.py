"""Where a kiosk keeps its data: `--data-dir`, else $COMPTOIR_DATA_DIR, else the
platform's user data folder (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "comptoir"


def default_data_dir(*, demo: bool = False) -> Path:
    if not demo and (env := os.environ.get("COMPTOIR_DATA_DIR")):
        return Path(env)
    base = user_data_path(APP_NAME, appauthor=False)
    return base / "demo" if demo else base


def resources_dir() -> Path:
    """The project's resources (fonts, translations, demo catalogue)."""
    return Path(__file__).resolve().parent.parent / "resources"
