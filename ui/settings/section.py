"""The counter's "Settings" section, for managers only (the navigation shows it to them,
and the core refuses a change by anyone else): the wizard's own forms, one tab each,
each change audited and sent to the central server; the printer's form; and "Quit the
kiosk", the only way out of the locked-down kiosk (the manager's PIN again)."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk_app.domain.kinds import Role
from kiosk_app.errors import ComptoirError
from kiosk_app.messages import message
from kiosk_app.views.attendants import PIN_MAX, AttendantView

from ..context import KioskContext
from ..i18n import current_lang
from ..setup.forms import AssociationForm, KioskForm, SettingsForm
from ..setup.people import ServerStep
from ..widgets.buttons import TouchButton
from ..widgets.screen import Screen, label
from .attendants_page import AttendantsPage
from .printer_form import PrinterForm

TABS_A_ROW = 3


class QuitPage(QWidget):
    """ "Quit the kiosk": the logged-in manager types their PIN again."""

    confirmed = Signal()

    def __init__(
        self, context: KioskContext, attendant: Callable[[], AttendantView | None]
    ) -> None:
        super().__init__()
        self._context = context
        self._attendant = attendant
        self.explain = label(parent=self)
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(PIN_MAX)
        self.pin.setProperty("keypad", "digits")
        self.quit = TouchButton(role="danger_confirm", parent=self)  # behind the PIN
        self.quit.clicked.connect(self._quit)
        self.error = label("error", parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.explain)
        layout.addWidget(self.pin)
        layout.addWidget(self.quit)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.retranslate()

    def _quit(self) -> None:
        manager = self._attendant()
        pin = self.pin.text()
        self.pin.clear()
        self.error.clear()
        if manager is None:
            return
        self.quit.setEnabled(False)
        attendants = self._context.comptoir.attendants
        # argon2 on the worker; a wrong PIN counts toward the manager's lockout.
        self._context.tasks.run(
            lambda: attendants.log_in(manager.id, pin), self._accepted, self._refused
        )

    def _accepted(self, checked: AttendantView) -> None:
        self.quit.setEnabled(True)
        if checked.role is Role.MANAGER:
            self.confirmed.emit()

    def _refused(self, error: Exception) -> None:
        self.quit.setEnabled(True)
        key = error.key if isinstance(error, ComptoirError) else "error.unexpected"
        params = error.params if isinstance(error, ComptoirError) else {}
        self.error.setText(message(key, current_lang(), **params))

    def retranslate(self) -> None:
        self.explain.setText(
            self.tr(
                "Quitting closes the kiosk until it is started again (the machine's "
                "restart does). Type your PIN to confirm."
            )
        )
        self.pin.setAccessibleName(self.tr("Your PIN"))
        self.quit.setText(self.tr("Quit the kiosk"))

    def reset(self) -> None:
        self.pin.clear()
        self.error.clear()
        self.quit.setEnabled(True)


class SavedForm(QWidget):
    """A settings form with its "Save" button (disabled while the write runs)."""

    def __init__(
        self,
        form: QWidget,
        save: Callable[[Callable[[bool], None]], None],
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.form = form
        self._save = save
        self.save = TouchButton(role="primary", parent=self)
        self.save.clicked.connect(self._clicked)
        self.saved = label("success", parent=self)
        row = QHBoxLayout()
        row.addWidget(self.saved, 1)
        row.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(form)
        layout.addLayout(row)
        self.retranslate()

    def _clicked(self) -> None:
        self.save.setEnabled(False)
        self.saved.clear()
        self._save(self._done)

    def _done(self, ok: bool) -> None:
        self.save.setEnabled(True)
        if ok:
            self.saved.setText(self.tr("Saved."))

    def retranslate(self) -> None:
        self.save.setText(self.tr("Save"))

    def changeEvent(self, event: QEvent) -> None:
        # Not a Screen: without this, "Enregistrer" stayed on an English counter.
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.saved.clear()  # said in the other language
        super().changeEvent(event)


class SettingsPage(Screen):
    """The section's page: a row of tabs over their pages."""

    quit_confirmed = Signal()

    def __init__(
        self, context: KioskContext, *, attendant: Callable[[], AttendantView | None]
    ) -> None:
        super().__init__()
        self._context = context
        self._attendant = attendant
        self.title = label("title", parent=self)
        self._tabs = QButtonGroup(self)
        self.tabs: dict[str, TouchButton] = {}
        # Three tabs a row: the labels stay whole on a 1280-pixel screen beside the
        # counter's navigation, however many tabs there are.
        self.tab_grid = QGridLayout()
        self.pages = QStackedWidget(self)
        self.page_of: dict[str, QWidget] = {}
        self._titles: dict[str, Callable[[], str]] = {}
        self.association = AssociationForm(context)
        self.kiosk = KioskForm(context)
        self.printer = PrinterForm(context.comptoir)
        self.printer.source = "counter"
        self.server = ServerStep(context)
        self.server.later.hide()  # the wizard's "later"; here, Save enrols
        self.quit = QuitPage(context, attendant)
        self.quit.confirmed.connect(self.quit_confirmed)
        self.attendants = AttendantsPage(context.comptoir)
        # The tabs, in order.
        self.add_tab("association", lambda: self.tr("Association"), self._saved(self.association))
        self.add_tab("kiosk", lambda: self.tr("This kiosk"), self._saved(self.kiosk))
        self.add_tab("printer", lambda: self.tr("Printer"), SavedForm(self.printer, self._print))
        self.add_tab(
            "server", lambda: self.tr("Central server"), SavedForm(self.server, self.server.submit)
        )
        self.add_tab("attendants", lambda: self.tr("Attendants"), self.attendants)
        self.add_tab("quit", lambda: self.tr("Quit the kiosk"), self.quit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(self.tab_grid)
        layout.addWidget(self.pages, 1)
        self.retranslate()

    def add_tab(self, name: str, title: Callable[[], str], page: QWidget) -> None:
        button = TouchButton(parent=self)
        button.setCheckable(True)
        button.clicked.connect(lambda _=False, tab=name: self.show_tab(tab))
        self._tabs.addButton(button)
        self.tabs[name] = button
        count = len(self.tabs) - 1
        self.tab_grid.addWidget(button, count // TABS_A_ROW, count % TABS_A_ROW)
        self.pages.addWidget(page)
        self.page_of[name] = page
        self._titles[name] = title
        button.setText(title())

    def _manager_id(self) -> uuid.UUID | None:
        attendant = self._attendant()
        return attendant.id if attendant is not None else None

    def _saved(self, form: SettingsForm) -> SavedForm:
        return SavedForm(
            form, lambda done: form.submit(done, source="counter", by=self._manager_id())
        )

    def _print(self, done: Callable[[bool], None]) -> None:
        self.printer.set_acting(self._manager_id())
        done(self.printer.apply())

    def show_tab(self, name: str) -> None:
        self.tabs[name].setChecked(True)
        self.pages.setCurrentWidget(self.page_of[name])

    def start(self) -> None:
        """Shown: the stored values afresh (another manager, or a shell, may have
        changed them)."""
        settings = self._context.comptoir.settings.get()
        self.association.load(settings)
        self.kiosk.load(settings)
        self.server.url.set_text(settings.server_url)
        self.server.url.clear_touch()
        self.attendants.set_acting(self._manager_id())
        self.attendants.refresh()
        self.show_tab("association")

    def reset(self) -> None:
        self.quit.reset()
        self.server.token.clear()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Settings"))
        for name, title in self._titles.items():
            self.tabs[name].setText(title())
