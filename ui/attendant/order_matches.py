"""The lists of the counter's new-order form: the clients found by phone or name, the
services found by a word, and the Lulus who have the chosen service's skill.

Each row is as high as its words wrapped to the list's width, and at least a finger's
height: a Lulu's row ("Jean-Baptiste R. · Arsenal · encore en formation") takes three
lines of a column a fifth of a 1024 px screen wide, never an ellipsis. The heights follow
the width (a resize, another size of text) and the words (a language). A list is about
two rows high: the attendant types more rather than scrolls."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kiosk_app.domain.kinds import OnboardingStage
from kiosk_app.views.catalogue import ServiceView
from kiosk_app.views.clients import ClientView
from kiosk_app.views.lulus import LuluView

from ..context import KioskContext
from ..format import NBSP
from ..i18n import current_lang
from ..resident.catalogue import make_flickable

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
FINGER_PX = 48  # a row's least height: a finger's target
ROWS_SHOWN = 2
SHOWN = 6  # matches listed at most
NEW_CLIENT = "new"  # the item offered when no client matches (or none is wanted)
NO_LULU = "none"  # the Lulu list's first row: assign later, from the order's detail
# Lulus who cannot be sent yet (a candidate's file is not even started) or any more.
NOT_SENT = frozenset({OnboardingStage.CANDIDATE, OnboardingStage.INACTIVE})


class _WrappedRows(QStyledItemDelegate):
    """A row's height: its words wrapped as the style will draw them. The style wraps a
    row's words to the room left inside the theme's padding (its right end is kept for
    the chosen row's ✓, kiosk.qss), but measures them on the whole row's width; the room
    is asked of the style first, then the words measured on it."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        view = self._view
        width = view.viewport().width()
        shaped = QStyleOptionViewItem(option)
        self.initStyleOption(shaped, index)
        shaped.rect = QRect(0, 0, width, FINGER_PX)
        words = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, shaped, view)
        measured = QStyleOptionViewItem(option)
        measured.rect = QRect(0, 0, max(words.width(), 1), FINGER_PX)
        height = super().sizeHint(measured, index).height()
        return QSize(width, max(FINGER_PX, height))


def match_item(text: str, data: object) -> QListWidgetItem:
    item = QListWidgetItem(text)
    item.setData(ITEM_ROLE, data)
    return item


class MatchList(QListWidget):
    """Rows wrapped to the list's width; as high as its first two rows."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(_WrappedRows(self))
        self.setWordWrap(True)  # a long name takes the row's next line, not an ellipsis
        self.setUniformItemSizes(False)
        # The rows are measured again when the list's width changes.
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Its first line reaches the row's end: the theme keeps that end for the ✓ (kiosk.qss).
        self.setProperty("check_room", True)
        make_flickable(self)
        self._fit_height()

    def take_first(self) -> None:
        """Enter in the search field: the first match, as if tapped."""
        if self.count():
            first = self.item(0)
            self.setCurrentItem(first)
            self.itemClicked.emit(first)

    def doItemsLayout(self) -> None:
        super().doItemsLayout()
        self._fit_height()

    def changeEvent(self, event: QEvent) -> None:
        # Another size of text (the theme's scale, a style sheet): the rows re-wrap.
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.scheduleDelayedItemsLayout()
        super().changeEvent(event)

    def _fit_height(self) -> None:
        """Two rows whole (two finger's heights while the list has fewer rows), so that
        the form does not move under the attendant's finger as they type."""
        shown = [self.sizeHintForRow(row) for row in range(min(self.count(), ROWS_SHOWN))]
        shown += [FINGER_PX] * (ROWS_SHOWN - len(shown))
        height = sum(shown) + 2 * self.frameWidth()
        if (self.minimumHeight(), self.maximumHeight()) != (height, height):
            self.setFixedHeight(height)

    def relayout(self) -> None:
        """The words changed (a language): measured again."""
        self.scheduleDelayedItemsLayout()


class ClientMatches(MatchList):
    """The clients whose phone or name holds what was typed, then "+ New client"."""

    def __init__(self, context: KioskContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self._context = context

    def search(self, typed: str) -> None:
        self.clear()
        if not typed.strip():
            return
        for client in self._context.comptoir.clients.search(typed[:200], limit=SHOWN):
            # The number whole on one line: it wraps after the name, not in its middle.
            phone = client.phone_display.replace(" ", NBSP)
            self.addItem(match_item(f"{client.name} · {phone}", client))
        self.addItem(match_item(self._new_client_text(), NEW_CLIENT))

    def chosen(self, item: QListWidgetItem) -> ClientView | None:
        """The client of a tapped row; None for "+ New client"."""
        data = item.data(ITEM_ROLE)
        return data if isinstance(data, ClientView) else None

    def _new_client_text(self) -> str:
        return self.tr("+ New client")

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Clients found"))
        for row in range(self.count()):
            item = self.item(row)
            if item.data(ITEM_ROLE) == NEW_CLIENT:
                item.setText(self._new_client_text())
        self.relayout()


class ServiceMatches(MatchList):
    """The services whose name holds what was typed, in the current language."""

    def __init__(self, context: KioskContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self._context = context

    def search(self, typed: str) -> None:
        self.clear()
        found = self._context.comptoir.catalogue.search(typed[:200], limit=SHOWN)
        for service in found:
            self.addItem(match_item(service.name(current_lang()), service))

    def service(self, item: QListWidgetItem) -> ServiceView:
        service: ServiceView = item.data(ITEM_ROLE)
        return service

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Services found"))
        for row in range(self.count()):
            item = self.item(row)
            service: ServiceView = item.data(ITEM_ROLE)
            item.setText(service.name(current_lang()))
        self.relayout()


class LuluMatches(MatchList):
    """The Lulus with the service's skill, onboarded first, then the best rated;
    "Later" first (the ranked suggestions are on the order's detail)."""

    def __init__(self, context: KioskContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self._context = context

    def fill(self, service: ServiceView | None) -> None:
        self.clear()
        self.addItem(match_item(self._no_lulu_text(), NO_LULU))
        self.setCurrentRow(0)
        if service is None:
            return
        comptoir = self._context.comptoir
        codes = {c.id: c.code for c in comptoir.catalogue.categories()}
        skill = codes.get(service.category_id, "")
        skilled = [
            lulu
            for lulu in comptoir.lulus.list()
            if skill in lulu.skills and lulu.stage not in NOT_SENT
        ]
        skilled.sort(
            key=lambda lulu: (lulu.in_training, -(lulu.rating_average or 0), lulu.display_name)
        )
        for lulu in skilled:
            self.addItem(match_item(self._lulu_text(lulu), lulu))

    def chosen(self) -> LuluView | None:
        item = self.currentItem()
        chosen = item.data(ITEM_ROLE) if item is not None else None
        return chosen if isinstance(chosen, LuluView) else None

    def _no_lulu_text(self) -> str:
        return self.tr("No Lulu yet (assign later)")

    def _lulu_text(self, lulu: LuluView) -> str:
        parts = [lulu.display_name, lulu.neighbourhood]
        if lulu.rating_average is not None:
            parts.append(f"★ {self._context.language.locale.toString(lulu.rating_average, 'f', 1)}")
        if lulu.in_training:
            parts.append(self.tr("still in training"))
        return " · ".join(part for part in parts if part)

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Lulus with the skill"))
        for row in range(self.count()):
            item = self.item(row)
            data = item.data(ITEM_ROLE)
            if data == NO_LULU:
                item.setText(self._no_lulu_text())
            elif isinstance(data, LuluView):
                item.setText(self._lulu_text(data))
        self.relayout()
