"""Residents' calls for help at the top of the counter's queue (resident/help.py): one
line each, "Un habitant demande de l'aide — 10 h 42", with "Traité" to take it off.
Read with the queue's own two-second poll; nothing shows when no one is waiting."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk_app.views.help import HelpRequestView

from ..context import KioskContext
from ..format import paris_time
from ..widgets.buttons import TouchButton
from ..widgets.screen import Label, empty_layout, label


class HelpCalls(QFrame):
    def __init__(
        self,
        context: KioskContext,
        attendant_id: Callable[[], uuid.UUID | None],
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self._context = context
        self._attendant_id = attendant_id
        self.calls: list[HelpRequestView] = []
        self.lines: dict[uuid.UUID, tuple[Label, TouchButton]] = {}
        self._rows = QVBoxLayout(self)
        self._rows.setContentsMargins(16, 8, 16, 8)
        self.hide()

    def refresh(self) -> None:
        """Read the waiting calls; rebuilt only when they changed (every two seconds)."""
        calls = self._context.comptoir.help_requests.waiting()
        if [c.id for c in calls] == [c.id for c in self.calls]:
            return
        self.calls = calls
        empty_layout(self._rows)
        self.lines = {}
        for call in calls:
            row = QWidget(self)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            text = label(parent=row)
            done = TouchButton(role="primary", parent=row)
            done.clicked.connect(lambda _=False, call_id=call.id: self._handle(call_id))
            line.addWidget(text, 1)
            line.addWidget(done)
            self._rows.addWidget(row)
            self.lines[call.id] = (text, done)
        self.retranslate()
        self.setVisible(bool(calls))

    def clear(self) -> None:
        """Locked: nothing shown."""
        self.calls = []
        self.lines = {}
        empty_layout(self._rows)
        self.hide()

    def _handle(self, call_id: uuid.UUID) -> None:
        help_requests = self._context.comptoir.help_requests
        attendant_id = self._attendant_id()
        self._context.tasks.run(
            lambda: help_requests.handle(call_id, attendant_id),
            lambda _view: self.refresh(),
            lambda _error: self.refresh(),  # handled elsewhere meanwhile, or gone: re-read
        )

    def retranslate(self) -> None:
        locale = self._context.language.locale
        for call in self.calls:
            text, done = self.lines[call.id]
            text.setText(
                self.tr("A resident is asking for help — {time}").format(
                    time=paris_time(call.asked_at, locale)
                )
            )
            done.setText(self.tr("Handled"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
