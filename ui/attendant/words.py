"""The counter's words for the lifecycle, the channels and the payment methods, in the
current language (the attendant's names for them, shorter than the resident's)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from kiosk_app.domain.kinds import Role
from sync.protocol import Channel, OrderStatus, PaymentMethod


class CounterWords(QObject):
    def status(self, status: OrderStatus) -> str:
        return {
            OrderStatus.REQUESTED: self.tr("Requested"),
            OrderStatus.CONFIRMED: self.tr("Confirmed"),
            OrderStatus.ASSIGNED: self.tr("Assigned"),
            OrderStatus.DONE: self.tr("Done"),
            OrderStatus.PAID: self.tr("Paid"),
            OrderStatus.CANCELLED: self.tr("Cancelled"),
        }[status]

    def channel(self, channel: Channel) -> str:
        return {
            Channel.COUNTER: self.tr("Counter"),
            Channel.SELF_SERVICE: self.tr("Touchscreen"),
            Channel.WEB: self.tr("Web"),
        }[channel]

    def method(self, method: PaymentMethod) -> str:
        return {
            PaymentMethod.CASH: self.tr("Cash"),
            PaymentMethod.CARD: self.tr("Card"),
            PaymentMethod.CHEQUE: self.tr("Cheque"),
            PaymentMethod.CESU: self.tr("CESU"),
            PaymentMethod.TRANSFER: self.tr("Transfer"),
        }[method]

    def role(self, role: Role) -> str:
        return {Role.ATTENDANT: self.tr("attendant"), Role.MANAGER: self.tr("manager")}[role]


WORDS = CounterWords()
