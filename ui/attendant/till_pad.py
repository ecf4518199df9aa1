"""The till's number pad and the fields it types into. A cash count is typed the way a
French attendant writes it ("150,00"), so the pad has a comma, which the docked number
pad (for phones and order numbers) has not. The fields take no keyboard focus: tapping
one chooses it as the pad's target, and the docked keyboard stays shut over the figures.
"""

from __future__ import annotations

import re
from decimal import Decimal

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QGridLayout, QLineEdit, QWidget

from kiosk_app.errors import ValidationError

from .. import theme
from ..widgets.buttons import TouchButton
from ..widgets.screen import Label, Screen

# ASCII digits only (\d takes "١٥" too); seven before the comma reach 100,000 €, and the
# text is not parsed further when it is longer (a pasted novel, "1e9").
_EUROS = re.compile(r"[0-9]{1,7}(?:[.,][0-9]{1,2})?")
FIELD_MAX_CHARS = 12
COMMA = ","  # the decimal mark's key (it shows the language's own: "," or ".")
KEY_WIDTH_PX = 88  # at the design size
KEY_SPACING_PX = 8


def typed_cents(typed: str, *, field: str, key: str, maximum: int) -> int:
    """Euros as typed ("150,00", "150.5", "150 €") in cents, 0 to `maximum`; anything
    else raises ValidationError({field: key}, max_euros=...)."""
    text = typed.replace("€", "").replace(" ", "").replace("\u00a0", "").strip()
    if not _EUROS.fullmatch(text):
        raise ValidationError({field: key}, max_euros=maximum // 100)
    cents = int(Decimal(text.replace(",", ".")) * 100)
    if not 0 <= cents <= maximum:
        raise ValidationError({field: key}, max_euros=maximum // 100)
    return cents


class Notice(Label):
    """A line said after an action (done, or refused): no room taken while silent, so the
    count and the pad stay on one screen."""

    def __init__(self, role: str, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", role)
        self.setWordWrap(True)
        self.hide()

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        super().clear()
        self.hide()


class PadField(QLineEdit):
    """A field typed on the till's pad: tapped, it asks to be the pad's target."""

    tapped = Signal()

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)  # typed on the pad, never on the letter keyboard
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMaxLength(FIELD_MAX_CHARS)
        self.setProperty("chosen", "false")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.tapped.emit()
        event.accept()

    def set_chosen(self, chosen: bool) -> None:
        value = "true" if chosen else "false"
        if self.property("chosen") != value:
            self.setProperty("chosen", value)
            self.style().unpolish(self)
            self.style().polish(self)


# The chosen field is outlined as a focused one would be (see resources/theme/kiosk.qss).
CHOSEN_QSS = 'QLineEdit[chosen="true"] {{ border: 3px solid {focus}; }}'


class TillPad(Screen):  # a Screen: it retranslates itself
    """Digits, a comma and a backspace, typed into whichever PadField is its target."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target: PadField | None = None
        self.keys: dict[str, TouchButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(KEY_SPACING_PX)
        # The phone's order (1 2 3 on top), as on the counter's PIN pad.
        for index, key in enumerate("123456789"):
            self._add(grid, key, index // 3, index % 3)
        self._add(grid, COMMA, 3, 0)
        self._add(grid, "0", 3, 1)
        self.erase = TouchButton("⌫", role="key", parent=self)
        self.erase.clicked.connect(self._erase)
        grid.addWidget(self.erase, 3, 2)
        self._grid = grid
        self._fit_keys()
        self.retranslate()

    def _fit_keys(self) -> None:
        """Keys as wide as the theme's scale draws them: on a 1024 px counter the
        fields and "Close the till" beside the pad keep their words whole."""
        width = self.key_width()
        for column in range(3):
            self._grid.setColumnMinimumWidth(column, width)

    @staticmethod
    def key_width() -> int:
        return round(KEY_WIDTH_PX * theme.current().scale)

    @classmethod
    def pad_width(cls) -> int:
        """The pad's width in the current theme (what sits under it takes the same)."""
        return 3 * cls.key_width() + 2 * KEY_SPACING_PX

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange:
            self._fit_keys()

    def _add(self, grid: QGridLayout, key: str, row: int, column: int) -> None:
        button = TouchButton(key, role="key", parent=self)
        button.setMinimumHeight(64)
        button.clicked.connect(lambda _=False, k=key: self._type(k))
        self.keys[key] = button
        grid.addWidget(button, row, column)

    def choose(self, field: PadField | None, *, digits_only: bool = False) -> None:
        """Type into `field` from now on (a PIN takes no comma)."""
        if self.target is not None:
            self.target.set_chosen(False)
        self.target = field
        if field is not None:
            field.set_chosen(True)
        self.keys[COMMA].setEnabled(field is not None and not digits_only)

    def _type(self, key: str) -> None:
        if self.target is not None:
            # The decimal mark as the key shows it: "," in French, "." in English.
            self.target.insert(self.keys[COMMA].text() if key == COMMA else key)

    def _erase(self) -> None:
        if self.target is not None:
            self.target.backspace()

    def retranslate(self) -> None:
        self.keys[COMMA].setText(QLocale().decimalPoint())
        self.keys[COMMA].set_accessible(self.tr("Decimal mark, before the cents"))
        self.erase.set_accessible(self.tr("Erase the last digit typed"))
