"""Follow my order: the phone (and the number, if the resident has it), then the
order's steps as a timeline, ending on "Finish" and the next useful action: a done
order not rated yet offers "Rate this service"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from kiosk_app.views.orders import RATABLE, OrderView
from sync.protocol import OrderStatus

from ..context import KioskContext
from ..format import paris_datetime
from ..i18n import current_lang
from ..widgets.buttons import TouchButton
from ..widgets.screen import Screen, label
from ..widgets.taps import TAPS
from .endings import ending_row, finish_button
from .lookup import OrderLookup


class FollowScreen(Screen):
    done = Signal()
    rate_order = Signal(object)  # OrderView: "Rate this service"

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
        self.finish = finish_button(self.timeline_page)
        self.finish.clicked.connect(self.done)
        self.rate_button = TouchButton(parent=self.timeline_page)
        self.rate_button.clicked.connect(self._rate)
        timeline = QVBoxLayout(self.timeline_page)
        timeline.addWidget(self.summary)
        timeline.addLayout(self.steps_layout)
        timeline.addStretch(1)
        timeline.addLayout(ending_row(self.finish, self.rate_button))
        self.pages.addWidget(self.lookup)
        self.pages.addWidget(self.timeline_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 16, 48, 24)
        layout.addWidget(self.title)
        layout.addWidget(self.pages, 1)
        self.retranslate()

    def status_name(self, status: OrderStatus, *, now: bool = False) -> str:
        """A step of the timeline; `now`: the order's state today (only a request
        still waiting says that the counter will call)."""
        if status is OrderStatus.REQUESTED and not now:
            return self.tr("Requested")
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
        TAPS.screen_shown()  # "Find my order" was tapped where this page's buttons are
        self.pages.setCurrentWidget(self.timeline_page)
        self.retranslate()

    @property
    def can_rate(self) -> bool:
        order = self.order
        return (
            order is not None
            and order.status in RATABLE
            and self._context.comptoir.ratings.for_order(order.id) is None
        )

    def _rate(self) -> None:
        if self.order is not None:
            self.rate_order.emit(self.order)

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
        steps = self._context.comptoir.orders.timeline(order.id)
        for index, step in enumerate(steps):
            now = index == len(steps) - 1
            row = QLabel(
                f"✔  {paris_datetime(step.at)} — {self.status_name(step.status, now=now)}",
                self.timeline_page,
            )
            row.setWordWrap(True)
            self.steps_layout.addWidget(row)
            row.setVisible(self.timeline_page.isVisible())

    def retranslate(self) -> None:
        self.title.setText(self.tr("Follow my order"))
        self.finish.setText(self.tr("Finish"))
        self.rate_button.setText(self.tr("Rate this service"))
        self.rate_button.setVisible(self.can_rate)
        self.lookup.retranslate()
        self._show_timeline()

    def reset(self) -> None:
        self.order = None
        self.lookup.reset()
        self.pages.setCurrentWidget(self.lookup)
        self._show_timeline()
