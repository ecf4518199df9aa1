"""Which screen follows which, a part of the kiosk window (ui/window.py): the
resident's flows (catalogue, service, order, confirmation; follow, rate) and the
attendant's (PIN pad, counter), with the top bar's buttons for the screen shown and the
focused field kept in sight above the keyboard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QScrollArea, QWidget

from .window_parts import WindowParts

if TYPE_CHECKING:
    from kiosk_app.views.attendants import AttendantView
    from kiosk_app.views.catalogue import ServiceView
    from kiosk_app.views.orders import OrderView


class ScreenFlow(WindowParts):
    """The navigation's part of KioskWindow (a mixin: the window holds the screens)."""

    @property
    def current_screen(self) -> QWidget:
        """The screen shown (inside its scroll area, for those that have one)."""
        page = self.screens.currentWidget()
        inner = page.widget() if isinstance(page, QScrollArea) else page
        assert inner is not None
        return inner

    def _show(self, screen: QWidget) -> None:
        self.screens.setCurrentWidget(self._pages.get(screen, screen))
        resident = screen in self.resident_screens
        self.home.setVisible(resident and screen is not self.welcome)
        self.help.setVisible(resident and self.ready)
        self.larger.setVisible(resident and screen is not self.welcome)
        for button in self.languages.values():
            button.setVisible(resident)
        if self.isVisible():  # before, its first resize styles it
            self._restyle()

    def _counter_pages(self) -> tuple[QWidget, ...]:
        if not self.ready:
            return ()
        return (self._pages[self.pin_pad], self._pages[self.counter])

    def _keep_focus_visible(self, _old: QWidget | None, new: QWidget | None) -> None:
        page = self.screens.currentWidget()
        if new is not None and isinstance(page, QScrollArea) and page.isAncestorOf(new):
            page.ensureWidgetVisible(new, 16, 32)
            # Again once the keyboard has taken its room (its layout runs later), with
            # the screen's main button below the field ("Send my rating"): the resident
            # sees where to go next without hiding the keyboard.
            QTimer.singleShot(0, self, lambda: self._show_field_and_action(page, new))

    def _show_field_and_action(self, page: QScrollArea, field: QWidget) -> None:
        if self.screens.currentWidget() is not page or not field.hasFocus():
            return
        actions: dict[QWidget, QWidget] = {
            self.rate: self.rate.send,
            self.become_lulu: self.become_lulu.send,
        }
        action = actions.get(self.current_screen)
        if action is not None and action.isVisible():
            page.ensureWidgetVisible(action, 16, 16)
        page.ensureWidgetVisible(field, 16, 32)

    def _show_service(self, service: ServiceView) -> None:
        self.service.show_service(service)
        self._show(self.service)

    def _order(self, service: ServiceView) -> None:
        self.ordering.start(service)
        self._show(self.ordering)

    def _placed(self, order: OrderView) -> None:
        self.confirmation.show_order(order)
        # What was typed to order is forgotten at once: the confirmation keeps only the
        # order's number, date and ticket state.
        self.ordering.reset()
        self._show(self.confirmation)

    def _order_more(self) -> None:
        """The next action at the end of a flow: the catalogue, the visit going on."""
        self.go_home()
        self._tile("order")

    def _rate_order(self, order: OrderView) -> None:
        self.rate.open_order(order)
        self._show(self.rate)

    def _open_pin_pad(self) -> None:
        if not self.ready or self.setup is not None:
            return
        self.end_session()
        self.pin_pad.open()
        self._show(self.pin_pad)

    def _logged_in(self, attendant: AttendantView) -> None:
        self.attendant = attendant
        self.pin_pad.reset()
        self.counter.show_attendant(attendant)
        self._show(self.counter)
