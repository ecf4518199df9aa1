"""The steps of the every-tap-once tests (issue 14): two taps at one point of the screen on
the guard's clock, a resident's order walked up to its review, an order done and opened at
the counter, a payment ready to record, and the store's rows counted."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable
from contextlib import closing
from typing import TypeVar

from PySide6.QtWidgets import QApplication, QWidget

from kiosk_app.comptoir import Comptoir
from sync.protocol import PaymentMethod

from .counter_support import log_in, place_order
from .support import LEFT, Resident
from .test_counter import open_row
from .test_order_flow import answer_when_and_where, walk_to_who

W = TypeVar("W", bound=QWidget)
Count = Callable[[], int]


def count(comptoir: Comptoir, sql: str, *args: object) -> int:
    with closing(sqlite3.connect(comptoir.store.path)) as conn:
        return int(conn.execute(sql, args).fetchone()[0])


def double_tap(kiosk: Resident, button: QWidget, gap_ms: int) -> None:
    """Two taps at the same point of the screen, `gap_ms` apart on the guard's clock.
    At 0 ms the first tap's write has not returned; at 150 ms it has, and the second
    tap goes to whatever is under the finger by then."""
    window, clock = kiosk.window, kiosk.taps
    assert button.isVisible() and button.isEnabled()
    point = button.mapTo(window, button.rect().center())
    clock.stop()
    clock.advance(1000)  # the first tap comes at a person's pace
    kiosk.qtbot.mouseClick(button, LEFT, pos=button.rect().center())
    if gap_ms:
        QApplication.processEvents()
        window.tasks.settle()
        clock.advance(gap_ms)
    under = window.childAt(point)
    if under is not None:
        kiosk.qtbot.mouseClick(under, LEFT, pos=under.mapFrom(window, point))
    QApplication.processEvents()
    window.tasks.settle()
    clock.step = 1000


def walk_to_review(kiosk: Resident) -> None:
    walk_to_who(kiosk)
    ordering = kiosk.window.ordering
    kiosk.fill(ordering.who.phone.editor, "0612345678")
    kiosk.fill(ordering.who.name.editor, "Jérôme Dupré")
    kiosk.tap(ordering.next)
    answer_when_and_where(kiosk)
    kiosk.fill(ordering.what.description.editor, "Des bouteilles d'eau")
    kiosk.tap(ordering.next)
    kiosk.tap(ordering.consent.agree)


def done_order(comptoir: Comptoir) -> uuid.UUID:
    """A curtain hung in 55 minutes: 15 € due."""
    order = place_order(comptoir)
    lulu = comptoir.lulus.register_application(
        "Karim Benali", "07 81 22 33 44", ["bricolage"], "Le matin"
    )
    comptoir.orders.confirm(order.id, attendant_id=None)
    comptoir.orders.assign(order.id, lulu, attendant_id=None)
    comptoir.orders.mark_done(order.id, 55, attendant_id=None)
    return order.id


def on_detail(kiosk: Resident, comptoir: Comptoir, order_id: uuid.UUID) -> None:
    log_in(kiosk)
    open_row(kiosk, comptoir.orders.get(order_id).number)


def shown(kiosk: Resident, widget: W) -> W:
    kiosk.window.counter.scroll_to(widget)
    return widget


def pay(kiosk: Resident, comptoir: Comptoir) -> tuple[QWidget, Count]:
    order_id = done_order(comptoir)
    on_detail(kiosk, comptoir, order_id)
    detail = kiosk.window.counter.detail
    kiosk.tap(shown(kiosk, detail.methods[PaymentMethod.CASH]))
    kiosk.tap(shown(kiosk, detail.amount.editor))
    kiosk.erase(2)
    kiosk.type("5")
    return shown(kiosk, detail.pay), lambda: count(comptoir, "SELECT count(*) FROM payments")
