"""How a resident's flow ends: a big "Finish" on the right and, on the left, the next
useful action ("Rate this service", "Order another service"), if there is one."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from ..widgets.buttons import TouchButton


def finish_button(parent: QWidget) -> TouchButton:
    button = TouchButton(role="primary", parent=parent)
    button.setProperty("finish", True)  # large: the theme's QPushButton[finish="true"]
    return button


def ending_row(finish: TouchButton, next_action: TouchButton | None = None) -> QHBoxLayout:
    row = QHBoxLayout()
    if next_action is not None:
        row.addWidget(next_action)
    row.addStretch(1)
    row.addWidget(finish)
    return row
