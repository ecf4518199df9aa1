"""The clients at the counter: a search by phone or name that follows the typing (the
on-screen keyboard or a physical one), the clients found, and the chosen client's
profile beside them (client_profile.py)."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk_app.views.attendants import AttendantView
from kiosk_app.views.clients import ClientView

from ..context import KioskContext
from ..widgets.record_list import RecordList
from ..widgets.screen import Screen, label
from .client_profile import ClientProfilePanel

LIST_PX = 300
SEARCH_MAX = 200  # what is searched of a paste: no phone nor name is longer
FOUND = 20


class ClientsPage(Screen):  # a Screen: it retranslates itself
    def __init__(
        self,
        context: KioskContext,
        attendant: Callable[[], AttendantView | None],
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.found: list[ClientView] = []
        self.title = label("title", parent=self)
        self.search = QLineEdit(self)
        self.search.textChanged.connect(self._search)
        self.list = RecordList(self._row_text, width_px=LIST_PX, rows_shown=5, parent=self)
        self.list.chosen.connect(lambda client: self.show_client(client.id))
        self.empty = label("small", parent=self)
        self.hint = label("small", parent=self)

        def who() -> uuid.UUID | None:
            person = attendant()
            return person.id if person else None

        self.profile = ClientProfilePanel(context, who, parent=self)
        self.profile.changed.connect(self._profile_changed)
        self.profile.hide()

        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.empty)  # under the search: seen while typing, keyboard up
        left.addWidget(self.list)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.hint)
        right.addWidget(self.profile)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(left, 1)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(columns, 1)
        self.retranslate()

    # --- showing ------------------------------------------------------------------------

    def start(self) -> None:
        """The section is shown: the search is run again and the client shown is read
        again (an order placed a minute ago is in their history)."""
        self._search(self.search.text())
        history = self.profile.history
        if history is not None:
            self.show_client(history.client.id)

    def show_client(self, client_id: uuid.UUID) -> None:
        self.profile.show_client(client_id)
        self.profile.show()
        self.hint.hide()
        self.list.select(client_id)

    def _search(self, typed: str) -> None:
        self.found = self._context.comptoir.clients.search(typed[:SEARCH_MAX], limit=FOUND)
        shown = self.profile.history
        self.list.fill(self.found, selected=shown.client.id if shown is not None else None)
        self.retranslate()

    def _profile_changed(self) -> None:
        """Edited or erased: the list shows the new name (an erased client leaves it)."""
        self._search(self.search.text())

    # --- words ------------------------------------------------------------------------

    @staticmethod
    def _row_text(client: ClientView) -> str:
        where = ", ".join(p for p in (client.address.street, client.address.postcode) if p)
        second = " · ".join(p for p in (client.phone_display, where) if p)
        return f"{client.name}\n{second}"

    def retranslate(self) -> None:
        self.title.setText(self.tr("Clients"))
        self.search.setPlaceholderText(self.tr("Phone or name"))
        self.search.setAccessibleName(self.tr("Find a client"))
        self.list.setAccessibleName(self.tr("Clients found"))
        self.list.retranslate()
        typed = self.search.text().strip()
        self.empty.setText(self.tr("No client found.") if typed and not self.found else "")
        self.empty.setVisible(bool(typed) and not self.found)
        self.hint.setText(
            self.tr("Type a phone number or a name, then touch a client to see their record.")
        )

    def reset(self) -> None:
        """Locked: no name, phone or address stays on the screen or in the search."""
        self.search.blockSignals(True)  # no reading the store while locked
        self.search.clear()
        self.search.blockSignals(False)
        self.found = []
        self.list.clear()
        self.profile.reset()
        self.profile.hide()
        self.hint.show()
        self.retranslate()
