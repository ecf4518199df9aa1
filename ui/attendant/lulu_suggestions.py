"""The ranked Lulus of an order's detail, each row the Lulu's name then the reasons in
plain words ("has the skill · free at 14:00 · knows 75004 · ★ 4,6 (12) · open orders:
2"), what stands in the way in the error colour; and the box that sends a Lulu in
training with their tutor. Nothing is chosen for the attendant: they tap a row."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kiosk_app.views.orders import OrderView
from kiosk_app.views.suggestions import LuluSuggestion

from .. import theme
from ..context import KioskContext
from ..format import paris_time
from ..resident.catalogue import make_flickable
from ..widgets.buttons import draw_check_mark

SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 1
RICH_ROLE = Qt.ItemDataRole.UserRole + 2
PADDING_PX = 12
MIN_ROW_PX = 64  # a finger's height at least, however short the words
# A chosen row's green band on the left and its ✓ on the right: kept free on every row,
# so that choosing one does not re-wrap its words.
CHOSEN_BAND_PX = 10
CHECK_ROOM_PX = 34


class _RichRowDelegate(QStyledItemDelegate):
    """Paints a row's rich text (RICH_ROLE), wrapped to the list's width: the reasons
    of a Lulu are too many for one line of a half-screen column."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self._view = view

    def _document(self, index: QModelIndex | QPersistentModelIndex, width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(self._view.font())
        document.setDocumentMargin(0)
        document.setHtml(index.data(RICH_ROLE) or html.escape(index.data() or ""))
        document.setTextWidth(max(width - 2 * PADDING_PX - CHOSEN_BAND_PX - CHECK_ROOM_PX, 80))
        return document

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        width = self._view.viewport().width()
        height = self._document(index, width).size().height() + 2 * PADDING_PX
        return QSize(width, max(MIN_ROW_PX, round(height)))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        rect = option.rect
        chosen = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.fillRect(rect, QColor(theme.PALETTE["tile_pressed" if chosen else "surface"]))
        painter.setPen(QColor(theme.PALETTE["secondary_pressed"]))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        if chosen:
            # The reasons keep their colours on a light row: the choice is told by a
            # green band and a ✓, not by a shade (the theme's selected state).
            band = QRectF(rect.left(), rect.top(), CHOSEN_BAND_PX, rect.height())
            painter.fillRect(band, QColor(theme.PALETTE["selected"]))
            draw_check_mark(painter, QRectF(rect.right() - 30, rect.top() + 6, 24, 24))
        document = self._document(index, rect.width())
        painter.translate(rect.left() + PADDING_PX + CHOSEN_BAND_PX, rect.top() + PADDING_PX)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(context.palette.ColorRole.Text, QColor(theme.PALETTE["text"]))
        document.documentLayout().draw(painter, context)
        painter.restore()


def _span(text: str, colour: str) -> str:
    return f'<span style="color:{theme.PALETTE[colour]}">{html.escape(text)}</span>'


class SuggestionList(QListWidget):
    """One row per suggested Lulu, best first, as the core ranked them."""

    def __init__(self, context: KioskContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._order: OrderView | None = None
        self.setItemDelegate(_RichRowDelegate(self))
        self.setWordWrap(True)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)  # rows re-wrap with the width
        self.setMinimumHeight(400)  # three or four Lulus at a glance, more by a flick
        make_flickable(self)

    def show_suggestions(self, suggestions: list[LuluSuggestion], order: OrderView) -> None:
        self._order = order
        self.clear()
        for suggestion in suggestions:
            item = QListWidgetItem()
            item.setData(SUGGESTION_ROLE, suggestion)
            self.addItem(item)
        self.retranslate()

    def chosen(self) -> LuluSuggestion | None:
        item = self.currentItem()
        if item is None or not item.isSelected():
            return None
        suggestion: LuluSuggestion = item.data(SUGGESTION_ROLE)
        return suggestion

    def suggestion_at(self, row: int) -> LuluSuggestion:
        suggestion: LuluSuggestion = self.item(row).data(SUGGESTION_ROLE)
        return suggestion

    def forget(self) -> None:
        self._order = None
        self.clear()

    # --- words ------------------------------------------------------------------------

    def _reasons(self, s: LuluSuggestion) -> list[tuple[str, str]]:
        """The row's reasons, each with its colour (the palette's name)."""
        locale = self._context.language.locale
        reasons: list[tuple[str, str]] = []
        if s.has_skill:
            reasons.append((self.tr("has the skill for it"), "text"))
        if s.free:
            start = paris_time(self._order.slot_start, locale) if self._order else ""
            reasons.append((self.tr("free at {time}").format(time=start), "success"))
        else:
            numbers = ", ".join(s.busy_with)
            reasons.append(
                (self.tr("busy at that time ({orders})").format(orders=numbers), "error")
            )
        if s.knows_area:
            reasons.append((self.tr("knows {postcode}").format(postcode=s.postcode), "text"))
        if s.rating_average is not None:
            average = locale.toString(s.rating_average, "f", 1)
            reasons.append((f"★ {average} ({locale.toString(s.rating_count)})", "text"))
        else:
            reasons.append((self.tr("not rated yet"), "muted"))
        reasons.append(
            (
                self.tr("open orders: {open} · this week: {week}").format(
                    open=locale.toString(s.open_orders), week=locale.toString(s.week_orders)
                ),
                "text",
            )
        )
        training = self._training(s)
        if training:
            reasons.append(training)
        return reasons

    def _training(self, s: LuluSuggestion) -> tuple[str, str] | None:
        if not s.may_work:
            return self.tr("candidate in training, not yet cleared to work"), "error"
        if not s.in_training:
            return None
        if s.tutor is None:
            return self.tr("in training, no tutor"), "error"
        if s.tutor.free:
            return self.tr("in training — tutor: {name} (free)").format(
                name=s.tutor.display_name
            ), "text"
        return self.tr("in training — tutor: {name} (busy)").format(
            name=s.tutor.display_name
        ), "error"

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Suggested Lulus"))
        for row in range(self.count()):
            item = self.item(row)
            suggestion: LuluSuggestion = item.data(SUGGESTION_ROLE)
            reasons = self._reasons(suggestion)
            # The plain text is what a screen reader (and a test) reads; the rich one,
            # what is painted.
            item.setText(f"{suggestion.display_name} — " + " · ".join(text for text, _ in reasons))
            item.setData(
                RICH_ROLE,
                f"<b>{html.escape(suggestion.display_name)}</b> — "
                + " · ".join(_span(text, colour) for text, colour in reasons),
            )
        self.doItemsLayout()  # new words, new heights


class TutorCheck(QCheckBox):
    """ "With their tutor Marie": offered only for a chosen Lulu in training who has a
    tutor; unticked whenever the choice changes, so a pairing is always meant."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.suggestion: LuluSuggestion | None = None
        self.hide()

    def follow(self, suggestion: LuluSuggestion | None) -> None:
        if suggestion == self.suggestion:
            return
        self.suggestion = suggestion
        self.setChecked(False)
        self.setVisible(
            suggestion is not None and suggestion.in_training and suggestion.tutor is not None
        )
        self.retranslate()

    @property
    def pairing(self) -> bool:
        return not self.isHidden() and self.isChecked()

    def retranslate(self) -> None:
        tutor = self.suggestion.tutor if self.suggestion else None
        self.setText(
            self.tr("With their tutor {name}").format(name=tutor.display_name) if tutor else ""
        )
        self.setAccessibleName(self.text())
