"""Follow my order: number and phone, then the order's steps as a timeline."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from kiosk_app.views.orders import OrderView
from sync.protocol import OrderStatus

from ..context import KioskContext
from ..format import paris_datetime
from ..i18n import current_lang
from ..widgets.screen import Screen, label
from .lookup import OrderLookup


class FollowScreen(Screen):
    def __init__(self, context: KioskContext) -> None:
        super().__init__()
        self._context = context
        self.order: OrderView | None = None
        self.title = label("title", parent=self)
        self.pages = QStackedWidget(self)
        self.lookup = OrderLookup(context, parent=self.pages)
        self.lookup.found.connect(self.show_order)
        self.timeline_page = QWidget(self.pages)
        self.summary = label(parent=self.timeline_page)
        self.steps_layout = QVBoxLayout()
        timeline = QVBoxLayout(self.timeline_page)
        timeline.addWidget(self.summary)
        timeline.addLayout(self.steps_layout)
        timeline.addStretch(1)
        self.pages.addWidget(self.lookup)
        self.pages.addWidget(self.timeline_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 16, 48, 24)
        layout.addWidget(self.title)
        layout.addWidget(self.pages, 1)
        self.retranslate()

    def status_name(self, status: OrderStatus) -> str:
        return {
            OrderStatus.REQUESTED: self.tr("Requested: the counter will call you"),
            OrderStatus.CONFIRMED: self.tr("Confirmed by the counter"),
            OrderStatus.ASSIGNED: self.tr("A Lulu is coming"),
            OrderStatus.DONE: self.tr("Done"),
            OrderStatus.PAID: self.tr("Paid"),
            OrderStatus.CANCELLED: self.tr("Cancelled"),
        }[status]

    def show_order(self, order: OrderView) -> None:
        self.order = order
        self.drop_focus()
        self.pages.setCurrentWidget(self.timeline_page)
        self.retranslate()

    def _show_timeline(self) -> None:
        while (item := self.steps_layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        order = self.order
        if order is None:
            self.summary.clear()
            return
        self.summary.setText(
            self.tr("Order {number}: {service}, for {when}").format(
                number=order.number,
                service=order.service_name(current_lang()),
                when=paris_datetime(order.slot_start),
            )
        )
        for step in self._context.comptoir.orders.timeline(order.id):
            row = QLabel(
                f"✔  {paris_datetime(step.at)} — {self.status_name(step.status)}",
                self.timeline_page,
            )
            row.setWordWrap(True)
            self.steps_layout.addWidget(row)
            row.setVisible(self.timeline_page.isVisible())

    def retranslate(self) -> None:
        self.title.setText(self.tr("Follow my order"))
        self.lookup.retranslate()
        self._show_timeline()

    def reset(self) -> None:
        self.order = None
        self.lookup.reset()
        self.pages.setCurrentWidget(self.lookup)
        self._show_timeline()
