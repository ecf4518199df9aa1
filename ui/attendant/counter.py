"""The attendant's counter: a navigation column on the left (the counter's screens, who
is logged in, "Lock"), the chosen screen on the right; on a portrait screen the
navigation is a band across the top and the screen below it (counter_nav.py).
Locking, by hand or after two minutes without a touch (see KioskWindow), goes back to
the resident's welcome screen with everything shown here forgotten."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from kiosk_app.domain.kinds import Role
from kiosk_app.views.attendants import AttendantView
from kiosk_app.views.orders import OrderView

from ..context import KioskContext
from ..settings.section import SettingsPage
from ..widgets.focus_in_sight import FocusInSight
from ..widgets.screen import Screen
from .clients import ClientsPage
from .counter_nav import CounterNav
from .lulus import LulusPage
from .month import MonthPage
from .order_detail import OrderDetailPage
from .order_form import CounterOrderPage
from .print_troubles import PrintTroublesPage
from .queue import QueuePage
from .till import TillPage
from .to_resolve import ToResolvePage
from .words import WORDS

# A half-typed order waits this long for its attendant after the counter locked.
DRAFT_KEPT_MS = 30 * 60_000
# The counter's screens, in the navigation's order. A section without a page yet is shown
# disabled: the attendant never lands on an empty page.
SECTIONS = ("queue", "new_order", "lulus", "clients", "till", "month", "to_resolve", "settings")


def _scrolling(page: QWidget, *, parent: QWidget) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(page)
    # The field being typed stays whole above the docked keyboard, also once it opened.
    FocusInSight(area)
    return area


class CounterScreen(Screen):
    locked = Signal()

    def __init__(self, context: KioskContext) -> None:
        super().__init__()
        self._context = context
        self.attendant: AttendantView | None = None
        # Shown since the last reset (or never reset): see reset.
        self._shown_since_reset = True

        self.nav_bar = CounterNav(SECTIONS, parent=self)
        self.title = self.nav_bar.title  # who is logged in
        self.role_shown = self.nav_bar.role_shown
        self.nav = self.nav_bar.buttons
        for section, button in self.nav.items():
            button.clicked.connect(lambda _=False, name=section: self.show_section(name))
        self.print_badge = self.nav_bar.print_badge
        self.lock = self.nav_bar.lock
        self.lock.clicked.connect(self.locked)

        self.pages = QStackedWidget(self)
        self.queue = QueuePage(context)
        self.queue.opened.connect(self.open_order)
        self.detail = OrderDetailPage(context)
        self.detail.back.connect(lambda: self.show_section("queue"))
        self.detail.changed.connect(self._order_changed)
        # The detail is taller than the screen once the keyboard is up: it scrolls.
        self.detail_page = _scrolling(self.detail, parent=self.pages)
        self.order_form = CounterOrderPage(context)
        self.order_form.placed.connect(self._placed)
        self.pages.addWidget(self.detail_page)
        self.print_troubles = PrintTroublesPage(
            context, lambda: self.attendant.id if self.attendant else None
        )
        self.print_troubles.changed.connect(self.print_badge.show_count)
        self.print_troubles.changed.connect(lambda _count: self.nav_bar.squeeze())
        self.print_troubles.back.connect(lambda: self.show_section("queue"))
        self.print_badge.clicked.connect(self.show_print_troubles)
        self.print_troubles_page = _scrolling(self.print_troubles, parent=self.pages)
        self.pages.addWidget(self.print_troubles_page)
        # Each section's page, by name (see add_section).
        self.sections: dict[str, QScrollArea] = {}
        self._starters: dict[str, Callable[[], None]] = {}
        self._resetters: list[Callable[[], None]] = []
        self.add_section("queue", self.queue)
        # A half-typed order outlives a lock, in memory only, for its own attendant
        # (see reset and show_attendant); a timer forgets it if they do not come back.
        self.add_section("new_order", self.order_form, start=self.order_form.start)
        self.draft_owner: uuid.UUID | None = None
        self.draft_timer = QTimer(self)
        self.draft_timer.setSingleShot(True)
        self.draft_timer.setInterval(DRAFT_KEPT_MS)
        self.draft_timer.timeout.connect(self._forget_draft)
        # The other sections' pages: one line each.
        self.lulus = LulusPage(context, attendant=lambda: self.attendant)
        self.add_section("lulus", self.lulus, start=self.lulus.start, reset=self.lulus.reset)
        self.clients = ClientsPage(context, attendant=lambda: self.attendant)
        self.add_section(
            "clients", self.clients, start=self.clients.start, reset=self.clients.reset
        )
        self.till = TillPage(context, attendant=lambda: self.attendant)
        self.add_section("till", self.till, start=self.till.start, reset=self.till.reset)
        self.month = MonthPage(context)
        self.add_section("month", self.month, start=self.month.start, reset=self.month.reset)
        # What a person must settle here (money the order's holder did not expect).
        self.to_resolve = ToResolvePage(
            context, lambda: self.attendant.id if self.attendant else None
        )
        self.add_section(
            "to_resolve", self.to_resolve, start=self.to_resolve.start, reset=self.to_resolve.reset
        )
        # Managers only: the button shows for them (show_attendant), and the core refuses
        # a change by anyone else.
        self.settings = SettingsPage(context, attendant=lambda: self.attendant)
        self.add_section(
            "settings", self.settings, start=self.settings.start, reset=self.settings.reset
        )

        # The navigation beside the page, or above it on a portrait screen (resizeEvent).
        self._layout = layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(24)
        layout.addWidget(self.nav_bar)
        layout.addWidget(self.pages, 1)
        # Built as a reset leaves it (the queue's page shown, the words in place), so that
        # the residents' "Home" finds nothing to reset until the counter is opened.
        self.reset()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        portrait = self.height() > self.width()
        self._layout.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self.nav_bar.set_portrait(portrait)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._shown_since_reset = True

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)  # a Screen: a language change retranslates
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            nav: CounterNav | None = getattr(self, "nav_bar", None)
            if nav is not None:  # None: restyled while being built, fitted at the end
                nav.fit()

    def show_attendant(self, attendant: AttendantView) -> None:
        self.attendant = attendant
        self.detail.attendant = attendant
        self.order_form.attendant = attendant
        self.queue.attendant_id = attendant.id
        self.queue.start()
        self.print_troubles.refresh()
        self.print_troubles.timer.start()
        self.nav["settings"].setVisible(attendant.role is Role.MANAGER)
        self.show_section("queue")
        self._take_draft_back(attendant)
        self.retranslate()

    def _take_draft_back(self, attendant: AttendantView) -> None:
        """The attendant who left an order half-typed finds it as it was; anyone else
        finds an empty form (the draft names a client: it is not theirs to see)."""
        owner, self.draft_owner = self.draft_owner, None
        self.draft_timer.stop()
        if owner is None:
            return
        if owner != attendant.id:
            self.order_form.reset()
            return
        self.nav["new_order"].setChecked(True)
        self.pages.setCurrentWidget(self.sections["new_order"])
        self.order_form.say_draft_kept()

    def _forget_draft(self) -> None:
        self.draft_owner = None
        self.order_form.reset()

    def add_section(
        self,
        name: str,
        page: QWidget,
        *,
        start: Callable[[], None] | None = None,
        reset: Callable[[], None] | None = None,
    ) -> QScrollArea:
        """Give the navigation's `name` its page; `start` runs each time it is shown
        (to load fresh figures), `reset` when the counter locks (to forget what was shown
        and typed). Every page scrolls: the counter never makes the window wider than a
        small screen."""
        area = _scrolling(page, parent=self.pages)
        self.pages.addWidget(area)
        self.sections[name] = area
        if start is not None:
            self._starters[name] = start
        if reset is not None:
            self._resetters.append(reset)
        self.nav[name].setEnabled(True)
        return area

    def show_section(self, section: str) -> None:
        if section == "settings" and (
            self.attendant is None or self.attendant.role is not Role.MANAGER
        ):
            section = "queue"
        self.nav[section].setChecked(True)
        start = self._starters.get(section)
        if start is not None:
            start()
        area = self.sections[section]
        self.pages.setCurrentWidget(area)
        area.verticalScrollBar().setValue(0)

    def show_print_troubles(self) -> None:
        group = self.nav_bar.group
        group.setExclusive(False)
        for button in self.nav.values():
            button.setChecked(False)
        group.setExclusive(True)
        self.print_troubles.refresh()
        self.pages.setCurrentWidget(self.print_troubles_page)

    def open_order(self, order: OrderView) -> None:
        self.detail.show_order(order)
        self.pages.setCurrentWidget(self.detail_page)
        self.detail_page.verticalScrollBar().setValue(0)

    def scroll_to(self, widget: QWidget) -> None:
        """Bring a control of the page shown into view (as a flick would)."""
        page = self.pages.currentWidget()
        if isinstance(page, QScrollArea):
            page.ensureWidgetVisible(widget, 16, 32)

    def _placed(self, order: OrderView) -> None:
        """Placed: the queue shows it at once, and its detail opens (to assign a Lulu)."""
        self.queue.check_new()
        self.nav["queue"].setChecked(True)
        self.open_order(order)

    def _order_changed(self, order: OrderView) -> None:
        self.queue.order_changed(order)
        self.print_troubles.refresh()

    def retranslate(self) -> None:
        if self.attendant is None:
            self.title.setText("")
            self.role_shown.setText("")
        else:
            name = self.attendant.name
            self.title.setText(self.tr("Counter: {name} is logged in.").format(name=name))
            self.role_shown.setText(WORDS.role(self.attendant.role))
        self.nav["queue"].setText(self.tr("Queue"))
        self.nav["new_order"].setText(self.tr("New order"))
        self.nav["lulus"].setText(self.tr("Lulus"))
        self.nav["clients"].setText(self.tr("Clients"))
        self.nav["till"].setText(self.tr("Till"))
        self.nav["month"].setText(self.tr("Month"))
        self.nav["to_resolve"].setText(self.tr("To resolve"))
        self.nav["settings"].setText(self.tr("Settings"))
        self.lock.setText(self.tr("Lock"))
        self.print_badge.retranslate()
        self.nav_bar.grid.refit()  # the words' widths changed
        self.nav_bar.fit()
        self.nav_bar.squeeze()  # a name on two lines, "Settings" shown or not

    def reset(self) -> None:
        """Locked: who was logged in, the orders and the typed fields are forgotten, but
        for a half-typed order kept for its attendant (in memory, never written)."""
        if not self._shown_since_reset and self.attendant is None and self.draft_owner is None:
            # Every resident's "Home" resets the screens: a counter nobody opened since
            # its last reset has nothing to forget (its pages took 4-5 ms to reset).
            return
        self._shown_since_reset = self.isVisible()
        if self.attendant is not None and self.order_form.has_draft():
            self.draft_owner = self.attendant.id
            self.draft_timer.start()
        elif self.draft_owner is None:
            self.order_form.reset()
        self.attendant = None
        self.queue.stop()
        self.print_troubles.timer.stop()
        self.detail.reset()
        for reset in self._resetters:
            reset()
        self.pages.setCurrentWidget(self.sections["queue"])
        self.retranslate()
