"""The counter's navigation: who is logged in, a button per counter screen, a failed
print's badge and "Lock". A column on the left of a landscape screen; a band across the
top of a portrait one (1080×1920), where a column would leave its lower half empty and
squeeze the page: who and "Lock" on the band's first row, the screens' buttons four a
row under it, the page below with the whole width. In a column the screens'
buttons scroll, the chosen one brought into sight, and "Lock" stays in sight under
them: with the on-screen keyboard open a 1024×768 counter leaves the column less height
than its buttons need, and a button cut or overlapped would be a button missed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QVBoxLayout,
    QWidget,
)

from .. import theme
from ..resident.catalogue import PRESS_DELAY_S
from ..widgets.buttons import TouchButton
from ..widgets.reflow import BORDER_PX, ReflowGrid, needed_width
from ..widgets.screen import label
from .print_troubles import PrintBadge

NAV_PX = 290  # the column, at the design size; narrower with the theme's smaller type
# The band's rows: eight screens make two rows of four at 1080 px; fewer columns if a
# word would not fit (ReflowGrid), never a cut word.
PORTRAIT_COLUMNS = 4
# The gaps between the column's buttons: as much air as the height leaves, down to a
# sliver on a 1280×800 counter where a manager's eight screens, a failed print and
# "Lock" take all but a few pixels of it.
GAP_PX, LEAST_GAP_PX = 8, 2
# No widget may be wider than this (Qt's QWIDGETSIZE_MAX): the band's width is free.
ANY_WIDTH = (1 << 24) - 1


class CounterNav(QWidget):
    def __init__(self, sections: Sequence[str], *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label(parent=self)  # who is logged in
        self.role_shown = label("small", parent=self)
        self.who = QWidget(self)
        who = QVBoxLayout(self.who)
        who.setContentsMargins(0, 0, 0, 0)
        who.addWidget(self.title)
        who.addWidget(self.role_shown)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, TouchButton] = {}
        for section in sections:
            button = TouchButton(parent=self)
            button.setCheckable(True)
            button.setEnabled(False)  # until the section has its page (add_section)
            self.group.addButton(button)
            self.buttons[section] = button
        self.grid = ReflowGrid(most_columns=1, parent=self)
        self.grid.set_buttons(list(self.buttons.values()))
        # The column's screens, scrolled when the height is short (_ScreensArea), the
        # chosen one kept in sight.
        self.screens = _ScreensArea(self.group, parent=self)
        self.group.buttonToggled.connect(self._toggled)
        # A failed print: which job and why, on a page of its own (print_troubles.py).
        self.print_badge = PrintBadge(parent=self)
        self.lock = TouchButton(role="primary", parent=self)
        self.portrait = False
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._arrange()

    def set_portrait(self, portrait: bool) -> None:
        if portrait != self.portrait:
            self.portrait = portrait
            self._arrange()

    def _arrange(self) -> None:
        layout = self._layout
        for widget in (self.who, self.grid, self.screens, self.print_badge, self.lock):
            layout.removeWidget(widget)
        for row in range(layout.rowCount()):
            layout.setRowStretch(row, 0)
        for column in range(layout.columnCount()):
            layout.setColumnStretch(column, 0)
        if self.portrait:
            # The band takes the height its rows need: nothing to scroll.
            if self.screens.widget() is self.grid:
                self.screens.takeWidget()
                self.grid.setParent(self)
                self.grid.show()
            self.screens.hide()
            layout.addWidget(self.who, 0, 0)
            layout.addWidget(self.print_badge, 0, 1)
            layout.addWidget(self.lock, 0, 2)
            layout.addWidget(self.grid, 1, 0, 1, 3)
            layout.setColumnStretch(0, 1)
            self.grid.most_columns = PORTRAIT_COLUMNS
            self.setMinimumWidth(0)
            self.setMaximumWidth(ANY_WIDTH)
            self._set_gap(GAP_PX)
        else:
            if self.screens.widget() is not self.grid:
                self.screens.setWidget(self.grid)
            self.screens.show()
            layout.addWidget(self.who, 0, 0)
            layout.addWidget(self.screens, 1, 0)
            layout.setRowStretch(2, 1)  # "Lock" at the bottom, away from the screens
            layout.addWidget(self.print_badge, 3, 0)
            layout.addWidget(self.lock, 4, 0)
            self.grid.most_columns = 1
        self.grid.refit()
        self.fit()
        self.squeeze()

    def squeeze(self) -> None:
        """In a column: the gaps that let every visible button fit its height (a button
        shown or hidden, a name on two lines, call it again)."""
        if self.portrait:
            return
        buttons = [b for b in self.buttons.values() if not b.isHidden()]
        below = [w for w in (self.print_badge, self.lock) if not w.isHidden()]
        who = self.who.layout()
        assert who is not None  # set in __init__
        taken = who.totalHeightForWidth(self.width()) if who.hasHeightForWidth() else 0
        taken = max(taken, self.who.sizeHint().height())
        taken += sum(b.sizeHint().height() for b in (*buttons, *below))
        gaps = max(len(buttons) - 1, 0) + len(below) + 1  # and the nav's rows between
        spare = self.height() - taken
        self._set_gap(max(LEAST_GAP_PX, min(GAP_PX, spare // max(gaps, 1))))
        # No taller than its buttons: the air below them goes above "Lock" (row 2).
        grid_layout = self.grid.layout()
        assert grid_layout is not None  # set in ReflowGrid.__init__
        self.screens.setMaximumHeight(grid_layout.sizeHint().height())
        # Laid out now, as _set_gap does: a button hidden ("Settings") or a name on two
        # lines must not leave the screens scrolled until the event loop turns.
        self.screens.updateGeometry()
        self._layout.activate()

    def _set_gap(self, px: int) -> None:
        if px == self._layout.verticalSpacing():
            return
        self._layout.setVerticalSpacing(px)
        self.grid.set_row_spacing(px)
        # Laid out now, not on a posted request: a resize (the keyboard docked, then
        # gone) has already placed the buttons with the old gap, and a look at the
        # counter before the event loop turns must not find them overlapping.
        grid_layout = self.grid.layout()
        assert grid_layout is not None  # set in ReflowGrid.__init__
        self._layout.activate()
        grid_layout.activate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.squeeze()

    def _toggled(self, button: QAbstractButton, checked: bool) -> None:
        if checked:
            self.screens.bring_into_sight(button)

    def fit(self) -> None:
        """In a column: as wide as the theme's scale draws it (a 1024 px screen has
        smaller type: the column gives the page what it no longer needs), never
        narrower than its longest word needs. In a band: the width it is given."""
        if self.portrait:
            return
        buttons = [*self.buttons.values(), self.lock, self.print_badge]
        widest = max(needed_width(button, chrome=BORDER_PX) for button in buttons)
        self.setFixedWidth(max(round(NAV_PX * theme.current().scale), widest))


class _ScreensArea(QScrollArea):
    """The column's screens: a scroll area that flicks like the queue's list (a press
    held back a moment, so that a flick never opens a screen), that asks for all its
    buttons' height (Qt's own hint stops at 24 lines of text) and takes less only when
    there is less. No scroll bar, as on a phone: the button cut at the bottom says there
    is more, and a bar appearing would narrow the buttons or widen the column (the page
    reflowing as the keyboard opens)."""

    def __init__(self, group: QButtonGroup, *, parent: QWidget) -> None:
        super().__init__(parent)
        self._group = group
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        viewport = self.viewport()
        QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        scroller = QScroller.scroller(viewport)
        properties = scroller.scrollerProperties()
        properties.setScrollMetric(
            QScrollerProperties.ScrollMetric.MousePressEventDelay, PRESS_DELAY_S
        )
        scroller.setScrollerProperties(properties)

    def sizeHint(self) -> QSize:
        inside = self.widget()
        return super().sizeHint() if inside is None else inside.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.bring_into_sight(self._group.checkedButton())

    def bring_into_sight(self, button: QAbstractButton | None) -> None:
        """The chosen screen's button whole in sight (the keyboard opened and took the
        column's height, or another screen was chosen by the program): the attendant
        sees where they are without flicking the column."""
        inside = self.widget()
        if button is None or inside is None or not inside.isAncestorOf(button):
            return  # nothing chosen (a failed print's page), or a portrait band
        self.ensureWidgetVisible(button, 0, GAP_PX)
