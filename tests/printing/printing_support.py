"""Names the printing tests share with their fixtures (conftest.py): the fixtures' types
and the test Lulu's SIRET. A module of its own, as test files cannot import a conftest."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from kiosk_app.views.orders import OrderView

LULU_SIRET = "73282932000074"


class FakeClock(Protocol):
    """The root conftest's clock, as these tests use it."""

    now: datetime

    def advance(self, **delta: float) -> None: ...


PlaceOrder = Callable[..., OrderView]
CompleteOrder = Callable[..., OrderView]
