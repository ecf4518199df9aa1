"""Price phrases shared by the catalogue, the service screen and the order review."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk_app.domain.pricing import Price
from kiosk_app.views.catalogue import ServiceView

from ..format import minutes, money


def unit_price_text(service: ServiceView) -> str:
    """ "5 € les 20 min" / "€5 per 20 min"."""
    return QCoreApplication.translate("Prices", "{price} per {duration}").format(
        price=money(service.unit_price_cents), duration=minutes(service.unit_minutes)
    )


def tax_credit_text(service: ServiceView) -> str:
    """The unit price after the 50 % tax credit, or "" when it does not apply."""
    price = service.price(1)
    if not price.tax_credit_eligible:
        return ""
    return QCoreApplication.translate(
        "Prices", "{price} per {duration} after the 50 % tax credit"
    ).format(price=money(price.after_tax_credit_cents), duration=minutes(service.unit_minutes))


def after_credit_text(price: Price) -> str:
    """A total after the 50 % tax credit, or "" when it does not apply."""
    if not price.tax_credit_eligible:
        return ""
    return QCoreApplication.translate("Prices", "{price} after the 50 % tax credit").format(
        price=money(price.after_tax_credit_cents)
    )
