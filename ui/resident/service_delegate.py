"""How one service looks in the catalogue list: its name, "5 € les 20 min", and the price
after the 50 % tax credit apart, in smaller type (as French rules ask)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from kiosk_app.views.catalogue import ServiceView

from .. import theme
from .prices import tax_credit_text, unit_price_text
from .service_model import SERVICE_ROLE


class ServiceDelegate(QStyledItemDelegate):
    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale = 1.0
        # The row under the finger, drawn pressed: list rows have no :pressed style.
        self.pressed_row = -1

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(400, round(112 * self.scale))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        service: ServiceView | None = index.data(SERVICE_ROLE)
        if service is None:
            return
        rect: QRect = option.rect
        state = option.state
        painter.save()
        pressed = index.row() == self.pressed_row or bool(state & QStyle.StateFlag.State_Selected)
        painter.fillRect(rect, QColor(theme.PALETTE["tile_pressed" if pressed else "surface"]))
        painter.setPen(QColor(theme.PALETTE["secondary_pressed"]))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        inner = rect.adjusted(20, 10, -20, -10)
        body = round(theme.SIZES.button_px * self.scale)
        small = round(theme.SIZES.small_px * self.scale)
        name_font = QFont(painter.font())
        name_font.setPixelSize(body)
        name_font.setBold(True)
        painter.setFont(name_font)
        painter.setPen(QColor(theme.PALETTE["text"]))
        half = inner.height() // 2
        painter.drawText(
            inner.adjusted(0, 0, 0, -half),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            painter.fontMetrics().elidedText(
                index.data(), Qt.TextElideMode.ElideRight, inner.width()
            ),
        )
        price_font = QFont(name_font)
        price_font.setBold(False)
        painter.setFont(price_font)
        painter.drawText(
            inner.adjusted(0, half, 0, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            unit_price_text(service),
        )
        credit = tax_credit_text(service)
        if credit:
            small_font = QFont(name_font)
            small_font.setBold(False)
            small_font.setPixelSize(small)
            painter.setFont(small_font)
            painter.setPen(QColor(theme.PALETTE["muted"]))
            painter.drawText(
                inner.adjusted(0, half, 0, 0),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                credit,
            )
        painter.restore()
