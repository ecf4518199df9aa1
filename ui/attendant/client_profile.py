"""One client at the counter: their history (client_history.py), their details to
correct, the export of everything held about them and their erasure, after a
confirmation that says plainly what goes and what stays. Writes go off the GUI thread
with the logged-in attendant's id; a refusal of the core is shown beside its field."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk_app.views.clients import ClientHistory, erased_name

from ..context import KioskContext
from ..format import paris_datetime
from ..widgets.buttons import TouchButton
from ..widgets.field import show_refusal
from ..widgets.reflow import ReflowGrid
from ..widgets.screen import Label, Screen, label
from .client_details import ClientDetailsForm
from .client_history import ClientHistoryView


class ClientProfilePanel(Screen):  # a Screen: it retranslates itself
    changed = Signal()  # edited or erased: the list of clients follows

    def __init__(
        self,
        context: KioskContext,
        attendant_id: Callable[[], uuid.UUID | None],
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._attendant_id = attendant_id
        self.history: ClientHistory | None = None
        self.exported: Path | None = None

        self.heading = label("title", parent=self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # a name as typed
        self.facts = label(parent=self)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.orders = ClientHistoryView(parent=self)
        # Hidden for an erased client: nothing of them is left to correct.
        self.details = ClientDetailsForm(parent=self)
        self.details.save_asked.connect(self._save)

        self.note = label("success", parent=self)
        self.error = label("error", parent=self)
        # Side by side, or one under the other on a narrow page (1024 px, portrait).
        self.action_grid = ReflowGrid(most_columns=2, parent=self)
        self.export = TouchButton(parent=self.action_grid)
        self.export.clicked.connect(self._export)
        self.erase = TouchButton(role="danger", parent=self.action_grid)  # asks first (confirm_box)
        self.erase.clicked.connect(self._ask_erase)
        self.erase_blocked = label("small", parent=self)

        self.confirm_box = QFrame(self)
        self.confirm_box.setObjectName("card")
        self.confirm_text = label(parent=self.confirm_box)
        self.confirm_text.setTextFormat(Qt.TextFormat.PlainText)
        self.confirm_erase = TouchButton(role="danger_confirm", parent=self.confirm_box)
        self.confirm_erase.clicked.connect(self._erase)
        self.keep = TouchButton(parent=self.confirm_box)
        self.keep.clicked.connect(self._keep)
        answers = QHBoxLayout()
        answers.addWidget(self.keep)
        answers.addWidget(self.confirm_erase)
        confirm = QVBoxLayout(self.confirm_box)
        confirm.setContentsMargins(24, 16, 24, 16)
        confirm.addWidget(self.confirm_text)
        confirm.addLayout(answers)
        self.confirm_box.hide()

        self.action_grid.set_buttons([self.export, self.erase])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.action_grid)
        layout.addWidget(self.erase_blocked)
        layout.addWidget(self.confirm_box)
        layout.addWidget(self.orders)
        layout.addWidget(self.details)
        layout.addStretch(1)
        self._forget_notes()
        self.retranslate()

    # --- showing ------------------------------------------------------------------------

    def show_client(self, client_id: uuid.UUID) -> None:
        """Show the client afresh: what was typed for another one is forgotten."""
        self._forget_notes()
        self.exported = None
        self._load(client_id)

    def _load(self, client_id: uuid.UUID) -> None:
        history = self._context.comptoir.client_records.history(client_id)
        self.history = history
        client = history.client
        self.confirm_box.hide()
        self.details.setVisible(not client.erased)
        self.details.show_client(client)
        self.orders.show_history(history)
        self.retranslate()

    # --- the actions --------------------------------------------------------------------

    @property
    def _client_id(self) -> uuid.UUID:
        assert self.history is not None
        return self.history.client.id

    def _run(self, work: Callable[[], object], done: Callable[[object], None]) -> None:
        self._forget_notes()
        self._context.tasks.run(work, done, self._refused)

    def _forget_notes(self) -> None:
        for text in (self.note, self.error, self.details.saved, self.details.save_error):
            text.clear()
            text.hide()  # an empty line would push the buttons down

    @staticmethod
    def _tell(where: Label, text: Callable[[], str]) -> None:
        where.say(text)
        where.show()

    def _save(self) -> None:
        changes, client_id, who = self.details.changes(), self._client_id, self._attendant_id()
        records = self._context.comptoir.client_records
        self._forget_notes()
        self._context.tasks.run(
            lambda: records.edit(client_id, changes, attendant_id=who),
            lambda _view: self._written(
                client_id, lambda: self.tr("Details saved."), self.details.saved
            ),
            self._save_refused,
        )

    def _export(self) -> None:
        client_id, who = self._client_id, self._attendant_id()
        records = self._context.comptoir.client_records
        self._run(lambda: records.export(client_id, attendant_id=who), self._exported)

    def _exported(self, path: object) -> None:
        assert isinstance(path, Path)
        self.exported = path
        self._tell(
            self.note,
            lambda: self.tr(
                "The data is saved in {path} (readable by this computer's account only)."
            ).format(path=str(path)),
        )

    def _ask_erase(self) -> None:
        self._forget_notes()
        self.confirm_box.show()
        self.retranslate()

    def _keep(self) -> None:
        self.confirm_box.hide()

    def _erase(self) -> None:
        client_id, who = self._client_id, self._attendant_id()
        records = self._context.comptoir.client_records
        self.confirm_box.hide()
        self._run(
            lambda: records.erase(client_id, attendant_id=who),
            lambda _view: self._written(
                client_id, lambda: self.tr("The client's data has been erased."), self.note
            ),
        )

    def _written(self, client_id: uuid.UUID, note: Callable[[], str], where: Label) -> None:
        """Written: the client read again, and `note` said in the current language (it
        follows a language switch)."""
        if self.history is None or self.history.client.id != client_id:
            return  # locked, or another client shown since
        self._load(client_id)
        self._tell(where, note)
        self.changed.emit()

    def _refused(self, error: Exception) -> None:
        show_refusal(
            error, self.details.fields, lambda _field, text: self._tell(self.error, lambda: text)
        )

    def _save_refused(self, error: Exception) -> None:
        show_refusal(
            error,
            self.details.fields,
            lambda _field, text: self._tell(self.details.save_error, lambda: text),
        )

    # --- words ------------------------------------------------------------------------

    def _facts_text(self, history: ClientHistory) -> str:
        client = history.client
        if client.erased:
            return self.tr("Erased: only the orders and invoices remain, for the accounts.")
        lines = [client.phone_display]
        if client.consent_at is not None:
            lines.append(
                self.tr("Agreed to the use of their details on {day}.").format(
                    day=paris_datetime(client.consent_at)
                )
            )
        return "\n".join(line for line in lines if line)

    def _confirm_text(self, history: ClientHistory) -> str:
        client = history.client
        return "\n\n".join(
            (
                self.tr("Erase all the personal data of {name}?").format(name=client.name),
                self.tr(
                    "What goes: the name, phone, e-mail, address and access notes; the "
                    "address and description of their {count} order(s); the comments of "
                    "their ratings. Their name becomes “{neutral}”."
                ).format(count=len(history.orders), neutral=erased_name(client.id)),
                self.tr(
                    "What stays, for the accounts: the orders (service, day, price, step), "
                    "the payments, the stars given, and the invoices already issued, which "
                    "keep the name and address printed on them."
                ),
                self.tr("This cannot be undone."),
            )
        )

    def retranslate(self) -> None:
        self.export.setText(self.tr("Export data"))
        self.erase.setText(self.tr("Erase this client"))
        self.action_grid.refit()
        self.keep.setText(self.tr("No, keep"))
        self.confirm_erase.setText(self.tr("Yes, erase"))
        history = self.history
        if history is None:
            return
        client = history.client
        self.heading.setText(client.name)
        self.facts.setText(self._facts_text(history))
        blocked = history.open_orders
        self.erase.setVisible(not client.erased)
        self.export.setVisible(not client.erased)
        self.erase.setEnabled(blocked == 0)
        self.erase_blocked.setText(
            self.tr(
                "Erasing is possible once every order is paid or cancelled "
                "(still in progress: {count})."
            ).format(count=blocked)
            if blocked and not client.erased
            else ""
        )
        self.erase_blocked.setVisible(bool(blocked) and not client.erased)
        self.confirm_text.setText(self._confirm_text(history))

    def reset(self) -> None:
        """Locked: no name, phone or address stays on the screen or in a field."""
        self.history = None
        self.exported = None
        self.details.clear()
        for text in (self.heading, self.facts, self.confirm_text):
            text.clear()
        self._forget_notes()
        self.confirm_box.hide()
        self.orders.show_history(None)
