"""The Qt binding keeps Python's reference counts right: PySide6 6.12.0 dropped one
reference to None on each call returning None, and on Python 3.11 the kiosk aborted
("none_dealloc") after a few thousand events. pyproject.toml excludes that release."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLineEdit


def test_calls_returning_none_keep_none_alive(qapp: QApplication) -> None:
    field = QLineEdit()
    before = sys.getrefcount(None)
    for _ in range(500):
        qapp.processEvents()
        field.property("keypad")
    assert sys.getrefcount(None) >= before - 50
