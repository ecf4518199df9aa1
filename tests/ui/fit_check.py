"""What does not fit on a screen, in words that name the widget: a text longer or taller
than its label, button or check box (from the font's metrics, wrapped where the label
wraps), a list or table row cut short ("…"), a horizontal scroll bar, a button that
reaches past the window or past a parent that cuts it off (a scroll area's viewport
is not such a parent: what is below is reached by scrolling)."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QCheckBox,
    QLabel,
    QPushButton,
    QScrollBar,
    QStyle,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QWidget,
)

SLACK_PX = 1  # rounding of fractional font metrics
_TAG = re.compile(r"<[^>]+>")


def problems(window: QWidget) -> list[str]:
    """What does not fit in `window` and its children (a window, or one list)."""
    found: list[str] = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible() or widget.visibleRegion().isEmpty():
            continue
        where = _name(widget)
        if isinstance(widget, QLabel):
            found += [f"{where}: {p}" for p in _label(widget)]
        elif isinstance(widget, QPushButton | QCheckBox):
            found += [f"{where}: {p}" for p in _button(widget)]
        elif isinstance(widget, QAbstractItemView):
            found += [f"{where}: {p}" for p in _items(widget)]
        elif (
            isinstance(widget, QScrollBar)
            and widget.orientation() == Qt.Orientation.Horizontal
            and widget.maximum() > widget.minimum()
        ):
            found.append(f"{_name(widget.parentWidget() or widget)}: scrolls sideways")
        if isinstance(widget, QAbstractButton) and widget is not window:
            cut = _cut_off(widget, window)
            if cut:
                found.append(f"{where}: {cut}")
    return found


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLabel | QAbstractButton):
        text = widget.text()
    text = (text or widget.accessibleName() or widget.objectName())[:40].replace("\n", " ")
    return f"{type(widget).__name__} {text!r}"


def _plain(label: QLabel) -> str:
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and _TAG.search(text) is not None
    ):
        return ""  # measured as a document below
    return text


def _label(label: QLabel) -> list[str]:
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return []
    rect = label.contentsRect()
    margin = label.margin()
    indent = max(label.indent(), 0)
    rect = rect.adjusted(margin + indent, margin, -margin, -margin)
    plain = _plain(label)
    if not plain:
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        if label.wordWrap():
            document.setTextWidth(rect.width())
        need_w, need_h = document.idealWidth(), document.size().height()
    else:
        metrics = QFontMetrics(label.font())
        flags = int(label.alignment().value)
        if label.wordWrap():
            flags |= Qt.TextFlag.TextWordWrap.value
            # A word longer than the line does not wrap: it is cut.
            longest = max((metrics.horizontalAdvance(w) for w in plain.split()), default=0)
            bounds = metrics.boundingRect(QRect(0, 0, rect.width(), 100_000), flags, plain)
            need_w, need_h = longest, bounds.height()
        else:
            bounds = metrics.boundingRect(QRect(0, 0, 100_000, 100_000), flags, plain)
            need_w, need_h = bounds.width(), bounds.height()
    return _compare(need_w, need_h, rect, text)


def _compare(need_w: float, need_h: float, rect: QRect, text: str) -> list[str]:
    shown = _TAG.sub("", html.unescape(text))[:50].replace("\n", " ")
    out = []
    if need_w > rect.width() + SLACK_PX:
        out.append(f"{shown!r} needs {need_w:.0f} px wide, has {rect.width()}")
    if need_h > rect.height() + SLACK_PX:
        out.append(f"{shown!r} needs {need_h:.0f} px high, has {rect.height()}")
    return out


def _button(button: QAbstractButton) -> list[str]:
    if not button.text():
        return []
    # The text (and icon) against the room the style leaves inside the border and the
    # padding: a push button's own size hint keeps the font of its first style, and
    # counts the style sheet's min-width, which is no text's need.
    option = QStyleOptionButton()
    button.initStyleOption(option)
    size = button.fontMetrics().size(Qt.TextFlag.TextShowMnemonic.value, option.text)
    if not option.icon.isNull():
        size.setWidth(size.width() + option.iconSize.width() + 4)
        size.setHeight(max(size.height(), option.iconSize.height()))
    element = (
        QStyle.SubElement.SE_CheckBoxContents
        if isinstance(button, QCheckBox)
        else QStyle.SubElement.SE_PushButtonContents
    )
    room = button.style().subElementRect(element, option, button)
    out = []
    if size.width() > room.width() + SLACK_PX:
        out.append(f"{button.text()!r} needs {size.width()} px wide, has {room.width()}")
    if size.height() > button.height():
        out.append(f"{button.text()!r} needs {size.height()} px high, has {button.height()}")
    return out


def _items(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    viewport = view.viewport().rect()
    out: list[str] = []
    rows, columns = _counts(view)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    metrics = QFontMetrics(view.font())
    for row in range(rows):
        for column in range(columns):
            index = model.index(row, column)
            rect = view.visualRect(index)
            if rect.isEmpty() or not viewport.intersects(rect):
                continue
            if view.isIndexHidden(index) if hasattr(view, "isIndexHidden") else False:
                continue
            text = index.data(Qt.ItemDataRole.DisplayRole)
            rich = index.data(Qt.ItemDataRole.UserRole + 2)
            if isinstance(rich, str) and rich:
                continue  # a delegate that wraps and grows its rows: measured by its size
            if not isinstance(text, str) or not text:
                continue
            width = rect.width() - 2 * margin
            # The style's own room for the words: the theme keeps a list row's right
            # end clear for its ✓ (kiosk.qss), which the row's rect does not say.
            option.rect, option.index = rect, index
            text_rect = view.style().subElementRect(
                QStyle.SubElement.SE_ItemViewItemText, option, view
            )
            width = min(width, text_rect.width() - 2 * margin)
            icon = index.data(Qt.ItemDataRole.DecorationRole)
            if icon is not None:
                width -= option.decorationSize.width() + 2 * margin
            if view.wordWrap():
                longest = max((metrics.horizontalAdvance(w) for w in text.split()), default=0)
                flags = Qt.TextFlag.TextWordWrap.value
                need_h = metrics.boundingRect(QRect(0, 0, width, 100_000), flags, text).height()
                too_wide = longest > width + SLACK_PX
                too_high = need_h > rect.height() + SLACK_PX
            else:
                flags = 0
                bounds = metrics.boundingRect(QRect(0, 0, 100_000, 100_000), flags, text)
                too_wide = bounds.width() > width + SLACK_PX
                too_high = bounds.height() > rect.height() + SLACK_PX
            if too_wide or too_high:
                out.append(f"row {row} column {column} {text[:40]!r} is cut short")
                return out  # one per view is enough to read
    return out


def _counts(view: QAbstractItemView) -> tuple[int, int]:
    # Qt's own models (a QListWidget's, a header's) keep their counts private to Python:
    # walk the indexes instead.
    model = view.model()
    rows = columns = 0
    while rows < 200 and model.index(rows, 0).isValid():
        rows += 1
    while columns < 50 and model.index(0, columns).isValid():
        columns += 1
    return rows, columns


def _cut_off(button: QAbstractButton, window: QWidget) -> str:
    """'' if the button is whole on the window or reachable by scrolling."""
    rect = QRect(button.mapTo(window, button.rect().topLeft()), button.size())
    parent = button.parentWidget()
    while parent is not None and parent is not window:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and parent is grand.viewport():
            return ""  # in a scrolled page: the part out of sight is scrolled to
        visible = QRect(parent.mapTo(window, parent.rect().topLeft()), parent.size())
        if not visible.contains(rect):
            return f"cut off by its {type(parent).__name__} {parent.objectName()!r}"
        parent = grand
    if not window.rect().contains(rect):
        return f"outside the window ({rect.x()},{rect.y()} {rect.width()}×{rect.height()})"
    return ""
