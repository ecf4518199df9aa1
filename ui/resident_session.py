"""The resident's session, a part of the kiosk window (ui/window.py): started by a
tile, counted as a visit, forgotten on "home", at the end of a flow and when the
resident walks away (the idle countdown); the counter's own, longer, lock; and the
idle countdown waiting while help is on its way."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from .idle import IdleWatcher
from .resident.help import WAIT_FOR_HELP_MS
from .window_parts import WindowParts

if TYPE_CHECKING:
    from .widgets.screen import Screen

FIRST_LANG = "fr"


def _ignore(_result: object) -> None:
    """A visit not counted (a full disk) must not stop a resident from ordering."""


class ResidentSession(WindowParts):
    """The session's part of KioskWindow (a mixin: the window holds the state)."""

    def _watch_idleness(self, *, idle_ms: int, counter_lock_ms: int, lock_warning_s: int) -> None:
        """The residents' idle countdown and the counter's lock, watching every event of
        the application."""
        self.idle = IdleWatcher(idle_ms=idle_ms, parent=self)
        self.idle.idle.connect(self._idle)
        self.idle.activity.connect(self._activity)
        # The counter locks itself after twice the residents' idle time (two minutes):
        # an attendant who walks away leaves nothing open. The last 20 seconds are a
        # countdown on the screen, which a touch dismisses (LockWarning).
        lock_ms = counter_lock_ms or 2 * idle_ms
        warn_at = max(lock_ms - lock_warning_s * 1000, lock_ms // 2)
        self.counter_idle = IdleWatcher(idle_ms=warn_at, parent=self)
        self.counter_idle.idle.connect(self._counter_idle)
        self.counter_idle.activity.connect(self._counter_activity)
        self.overlay.expired.connect(self.end_session)
        app = QCoreApplication.instance()
        assert app is not None
        app.installEventFilter(self.idle)
        self.idle.activity.connect(self.counter_idle.note_activity)  # one filter for both
        self.destroyed.connect(lambda: app.removeEventFilter(self.idle))

    def _tile(self, name: str) -> None:
        if not self.ready or self.setup is not None:
            return
        if self.visit_id is None:
            # The session starts now; the visit is written in the background.
            self.visit_id = uuid.uuid4()
            lang = self.language.code
            self.tasks.run(lambda: self.context.comptoir.visits.count_visit(lang), _ignore, _ignore)
        target = {
            "order": self.catalogue,
            "follow": self.follow,
            "rate": self.rate,
            "lulu": self.become_lulu,
        }[name]
        self._show(target)

    def _home(self) -> None:
        """ "Home": in the middle of an order, asked first ("Abandon this order?")."""
        if self.current_screen is self.ordering and self.ordering.started:
            self.ordering.ask_abandon()
        else:
            self.go_home()

    def go_home(self) -> None:
        """ "Home" during a visit: what was typed is forgotten, but the resident is
        still there: their language and text size stay (the idle countdown, "Finish"
        and the counter end the visit and bring French and normal text back)."""
        self.end_session(visit_goes_on=True)

    def end_session(self, *, visit_goes_on: bool = False) -> None:
        """Back to the welcome screen with every typed field and personal detail
        forgotten, and the counter locked."""
        self.overlay.dismiss()
        self.lock_warning.dismiss()
        self.tasks.forget()
        self.help_panel.close_panel()
        for screen in self._all_screens():
            screen.reset()
        self.attendant = None
        if not visit_goes_on:
            self.visit_id = None
            self.set_large_text(False)
            self.set_language(FIRST_LANG)
        # The welcome screen's reset unticked its toggle: a visit going on keeps its text.
        self._check_text_size_toggles()
        focused = QApplication.focusWidget()
        if focused is not None:
            focused.clearFocus()
        self.keyboard.hide()
        if self.setup is not None:
            self._show(self.setup)
            return
        self._show(self.welcome)
        if self.ready and not self.welcome.tiles["order"].isEnabled():
            # Enrolled meanwhile (`kiosk enrol`, or a sync that learnt the code)?
            settings = self.context.comptoir.settings
            self.tasks.run(
                lambda: bool(settings.get().kiosk_code), self.welcome.set_ordering_open, _ignore
            )

    def _all_screens(self) -> list[Screen]:
        extra: list[Screen] = [self.pin_pad, self.counter] if self.ready else []
        return [*self.resident_screens, *extra]

    @property
    def session_active(self) -> bool:
        return self.visit_id is not None or self.current_screen is not self.welcome

    def _idle(self) -> None:
        if not self.ready or self.attendant is not None or self.setup is not None:
            return  # the counter has its own, longer, lock
        if self.session_active or self.large_text or self.language.code != FIRST_LANG:
            self.overlay.start()

    def _ask_for_help(self) -> None:
        if not self.ready or self.setup is not None:
            return
        if not self.help_panel.open:
            # Someone is coming: the idle countdown waits for them.
            self._resident_idle_ms = self.idle.timer.interval()
            self.idle.timer.setInterval(max(self._resident_idle_ms, WAIT_FOR_HELP_MS))
            self.idle.timer.start()
        self.help_panel.ask()

    def _help_closed(self) -> None:
        self.idle.timer.setInterval(self._resident_idle_ms)
        self.idle.timer.start()

    def _counter_idle(self) -> None:
        if self.ready and self.attendant is not None:
            self.lock_warning.start()

    def _counter_activity(self) -> None:
        if self.lock_warning.counting:
            self.lock_warning.dismiss()

    def _activity(self) -> None:
        if self.overlay.counting:
            self.overlay.dismiss()
