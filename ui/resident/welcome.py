"""The welcome screen: the association's name, four large tiles and the "larger text"
toggle. The logo, held three seconds, is the attendant's way in."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout

from ..widgets.buttons import LongPressLabel, Tile, TouchButton
from ..widgets.screen import Screen, label

TILES = ("order", "follow", "rate", "lulu")
PICTOGRAMS = {"order": "order", "follow": "follow", "rate": "star", "lulu": "lulu"}


class WelcomeScreen(Screen):
    tile_chosen = Signal(str)
    larger_text_toggled = Signal(bool)
    attendant_requested = Signal()

    def __init__(self, *, hold_ms: int = 3000) -> None:
        super().__init__()
        self.logo = LongPressLabel(hold_ms=hold_ms, parent=self)
        self.logo.setProperty("role", "logo")
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo.long_pressed.connect(self.attendant_requested)
        self.greeting = label("title", parent=self)
        self.greeting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = label(parent=self)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tiles: dict[str, Tile] = {}
        grid = QGridLayout()
        grid.setSpacing(24)
        for index, name in enumerate(TILES):
            tile = Tile(parent=self)
            tile.set_pictogram(PICTOGRAMS[name])
            tile.clicked.connect(lambda _=False, n=name: self.tile_chosen.emit(n))
            self.tiles[name] = tile
            grid.addWidget(tile, index // 2, index % 2)
        # Shown while the kiosk has no series code yet (not enrolled): no order tile
        # that looks open and then fails.
        self.closed_note = label(parent=self)
        self.closed_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.closed_note.setWordWrap(True)
        self.closed_note.hide()
        self.larger_text = TouchButton(parent=self)
        self.larger_text.setCheckable(True)
        self.larger_text.set_pictogram("text_size")
        self.larger_text.toggled.connect(self.larger_text_toggled)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.larger_text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 16, 48, 24)
        layout.setSpacing(16)
        layout.addWidget(self.logo)
        layout.addWidget(self.greeting)
        layout.addWidget(self.hint)
        layout.addLayout(grid, 1)
        layout.addWidget(self.closed_note)
        layout.addLayout(bottom)
        self.retranslate()

    def set_association(self, name: str) -> None:
        """The association's name, from the store's settings once the core is open."""
        self.logo.setText(name)
        self.logo.setAccessibleName(name)

    def set_ordering_open(self, is_open: bool) -> None:
        """Orders are taken once the central server gave this kiosk its code; until
        then the order tile is off and a sentence says why (the other tiles work)."""
        self.tiles["order"].setEnabled(is_open)
        self.closed_note.setVisible(not is_open)

    def retranslate(self) -> None:
        self.greeting.setText(self.tr("Welcome to the neighbourhood concierge"))
        self.hint.setText(self.tr("Touch what you would like to do."))
        self.tiles["order"].setText(self.tr("Order a service"))
        self.tiles["follow"].setText(self.tr("Follow my order"))
        self.tiles["rate"].setText(self.tr("Rate a service"))
        self.tiles["lulu"].setText(self.tr("Become a Lulu"))
        self.larger_text.setText(self.tr("Larger text"))
        self.closed_note.setText(
            self.tr(
                "This kiosk is not enrolled with the central server yet: it takes no "
                "order for now. Please ask at the counter."
            )
        )

    def reset(self) -> None:
        self.larger_text.blockSignals(True)
        self.larger_text.setChecked(False)
        self.larger_text.blockSignals(False)
