"""The counter's order forms' text field (the new order, an order's edit panel)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from kiosk_app.domain import validation

from ..widgets.field import Check, TextField


def text_check(field: str, max_length: int, *, required: bool = False) -> Callable[[str], str]:
    return partial(validation.bounded_text, field=field, max_length=max_length, required=required)


class Field(TextField):
    """A text field whose message sits under its editor, and takes no room until there
    is one: a column a third of the screen wide has no room for both on one line, nor
    for an empty line under every field."""

    def __init__(self, check: Check, *, multiline: bool = False, digits: bool = False) -> None:
        super().__init__(check, multiline=multiline, digits=digits)
        outer = self.layout()
        item = outer.itemAt(1) if outer is not None else None
        row = item.layout() if item is not None else None
        if outer is not None and row is not None:
            row.removeWidget(self.message)
            outer.addWidget(self.message)
        self.message.setVisible(bool(self.message.text()))

    def _show(self) -> None:
        super()._show()
        self.message.setVisible(bool(self.message.text()))
