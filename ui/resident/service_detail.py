"""One service: what it includes, its typical duration and price, and "order"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk_app.views.catalogue import ServiceView

from ..format import minutes, money
from ..i18n import current_lang
from ..widgets.buttons import TouchButton
from ..widgets.screen import Screen, label
from .prices import tax_credit_text, unit_price_text


class ServiceScreen(Screen):
    order = Signal(object)  # ServiceView
    back = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.service: ServiceView | None = None
        self.name = label("title", parent=self)
        self.description = label(parent=self)
        self.duration = label(parent=self)
        self.price = label(parent=self)
        self.credit = label("small", parent=self)
        self.back_button = TouchButton(parent=self)
        self.back_button.set_pictogram("back")
        self.back_button.clicked.connect(self.back)
        self.order_button = TouchButton(role="primary", parent=self)
        self.order_button.set_pictogram("next")
        self.order_button.clicked.connect(lambda: self.order.emit(self.service))
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.order_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 16, 48, 24)
        layout.setSpacing(16)
        for widget in (self.name, self.description, self.duration, self.price, self.credit):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.retranslate()

    def show_service(self, service: ServiceView) -> None:
        self.service = service
        self.retranslate()

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("Back"))
        self.order_button.setText(self.tr("Order this service"))
        service = self.service
        if service is None:
            return
        lang = current_lang()
        typical = service.price(service.typical_units)
        self.name.setText(service.name(lang))
        self.description.setText(service.description(lang))
        self.duration.setText(
            self.tr("Usually takes {duration}, about {price}.").format(
                duration=minutes(service.typical_units * service.unit_minutes),
                price=money(typical.total_cents),
            )
        )
        self.price.setText(
            self.tr("Price: {unit_price}").format(unit_price=unit_price_text(service))
        )
        self.credit.setText(tax_credit_text(service))

    def reset(self) -> None:
        self.service = None
