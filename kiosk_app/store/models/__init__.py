"""The local store's tables (SQLAlchemy 2.0 typed models).

Every record that syncs has a UUID made where it is created; human numbers (orders)
come from per-kiosk series (`NumberSeries`). Money is integer cents.
"""

from .base import NAMING, Base
from .catalogue import Category, Service
from .counter import (
    Attendant,
    AuditEntry,
    HandledRequest,
    HelpRequest,
    NumberSeries,
    OutboxOp,
    PrintJob,
    PulledAside,
    Setting,
    SyncNote,
    ToResolve,
)
from .lulus import Lulu, LuluApplication, LuluFile, LuluSkill
from .money import (
    SIGNED_AMOUNT,
    CashCount,
    CashSession,
    Invoice,
    Payment,
    Quote,
    TillReportJob,
)
from .orders import Address, Client, KioskVisit, Order, OrderEvent, Rating

__all__ = [
    "NAMING",
    "SIGNED_AMOUNT",
    "Address",
    "Attendant",
    "AuditEntry",
    "Base",
    "CashCount",
    "CashSession",
    "Category",
    "Client",
    "HandledRequest",
    "HelpRequest",
    "Invoice",
    "KioskVisit",
    "Lulu",
    "LuluApplication",
    "LuluFile",
    "LuluSkill",
    "NumberSeries",
    "Order",
    "OrderEvent",
    "OutboxOp",
    "Payment",
    "PrintJob",
    "PulledAside",
    "Quote",
    "Rating",
    "Service",
    "Setting",
    "SyncNote",
    "TillReportJob",
    "ToResolve",
]
