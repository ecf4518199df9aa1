"""The catalogue: category tiles, then the category's services; a search field above
filters every service as one types. The list flicks (QScroller) and a short press delay
keeps a flick from choosing a service."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QScroller,
    QScrollerProperties,
    QVBoxLayout,
    QWidget,
)

from kiosk_app.views.catalogue import CategoryView, ServiceView

from ..i18n import current_lang
from ..widgets.buttons import Tile, TouchButton
from ..widgets.pages import Pages
from ..widgets.screen import Screen, label
from .service_delegate import ServiceDelegate
from .service_model import ServiceListModel

# Seconds a finger must rest before a press reaches the list: a flick starts moving
# sooner, so it scrolls and never selects.
PRESS_DELAY_S = 0.15
CATEGORY_COLUMNS = 4


def make_flickable(view: QAbstractItemView) -> None:
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    viewport = view.viewport()
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(viewport)
    properties = scroller.scrollerProperties()
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, PRESS_DELAY_S)
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.OvershootDragResistanceFactor, 0.3)
    scroller.setScrollerProperties(properties)


class CatalogueScreen(Screen):
    service_chosen = Signal(object)  # ServiceView

    def __init__(self, services: Sequence[ServiceView], categories: Sequence[CategoryView]) -> None:
        super().__init__()
        self._categories = list(categories)
        self._category: CategoryView | None = None
        self.title = label("title", parent=self)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(False)
        self.search.textChanged.connect(self._filter)
        self.back = TouchButton(parent=self)
        self.back.set_pictogram("back")
        self.back.clicked.connect(self.show_categories)
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addWidget(self.search, 1)

        # As tall as the page shown (see pages.py): the category tiles, taller, gave the
        # results a scroll bar above the keyboard where they fit.
        self.pages = Pages(self)
        tiles_page = QWidget(self.pages)
        grid = QGridLayout(tiles_page)
        grid.setSpacing(16)
        self.category_tiles: dict[uuid.UUID, Tile] = {}
        for index, category in enumerate(self._categories):
            tile = Tile(role="category", parent=tiles_page)
            tile.set_pictogram(category.icon)  # the catalogue's name; unknown: a generic one
            tile.clicked.connect(lambda _=False, c=category: self.show_category(c))
            self.category_tiles[category.id] = tile
            grid.addWidget(tile, index // CATEGORY_COLUMNS, index % CATEGORY_COLUMNS)
        for column in range(CATEGORY_COLUMNS):
            grid.setColumnStretch(column, 1)
        self.model = ServiceListModel(services, categories)
        self.list = QListView(self.pages)
        self.list.setModel(self.model)
        self.delegate = ServiceDelegate(parent=self.list)
        self.list.setItemDelegate(self.delegate)
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.list.clicked.connect(self._clicked)
        self.list.pressed.connect(lambda index: self._press(index.row()))
        self.list.viewport().installEventFilter(self)
        make_flickable(self.list)
        self.empty = label(parent=self.pages)
        list_page = QWidget(self.pages)
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.empty)
        list_layout.addWidget(self.list, 1)
        self.pages.addWidget(tiles_page)
        self.pages.addWidget(list_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 8, 32, 16)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        self.show_categories()
        self.retranslate()

    def show_categories(self) -> None:
        self._category = None
        self.search.clear()
        self._filter()

    def show_category(self, category: CategoryView) -> None:
        self._category = category
        self.search.clear()
        self._filter()

    def set_scale(self, scale: float) -> None:
        self.delegate.scale = scale
        self.list.reset()

    def reset(self) -> None:
        self.show_categories()

    def _filter(self) -> None:
        typed = self.search.text()
        listing = bool(typed.strip()) or self._category is not None
        category_id = self._category.id if self._category and not typed.strip() else None
        if listing:
            self.model.set_filter(category=category_id, typed=typed)
        self.pages.setCurrentIndex(1 if listing else 0)
        self.back.setVisible(listing)
        self.empty.setVisible(listing and self.model.rowCount() < self.model.matched)
        self._say_count()
        self._retitle()

    def _say_count(self) -> None:
        if self.model.matched == 0:
            self.empty.setText(self.tr("No service matches. Try another word."))
        else:
            self.empty.setText(
                self.tr("The first {shown} of {matched} services: type more to narrow.").format(
                    shown=self.model.rowCount(), matched=self.model.matched
                )
            )

    def _press(self, row: int) -> None:
        self.delegate.pressed_row = row
        self.list.viewport().update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A release anywhere (or a flick taking over) ends the pressed look.
        ending = event.type() in (QEvent.Type.MouseButtonRelease, QEvent.Type.Leave)
        if ending and self.delegate.pressed_row >= 0:
            self._press(-1)
        return False

    def _clicked(self, index: QModelIndex | QPersistentModelIndex) -> None:
        self.service_chosen.emit(self.model.service_at(index.row()))

    def _retitle(self) -> None:
        if self.search.text().strip():
            self.title.setText(self.tr("Services matching your search"))
        elif self._category is not None:
            self.title.setText(self._category.name(current_lang()))
        else:
            self.title.setText(self.tr("What do you need?"))

    def retranslate(self) -> None:
        lang = current_lang()
        for category in self._categories:
            self.category_tiles[category.id].setText(category.name(lang))
        self.search.setPlaceholderText(self.tr("Search: type a word, e.g. curtain"))
        self.search.setAccessibleName(self.tr("Search for a service"))
        self.back.setText(self.tr("All categories"))
        self.list.setAccessibleName(self.tr("Services"))
        self._say_count()
        self.model.refresh_language()
        self._retitle()
