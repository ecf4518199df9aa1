"""The tour's part for the person who installs and runs a kiosk: the set-up wizard's
steps on a new data folder, filled as they would fill them, and the counter's Settings
section for a manager (the screenshot script; the tests that check every screen)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from kiosk_app.domain.kinds import Role

from .setup.wizard import SetupWizard
from .widgets.keyboard import send_key
from .window import KioskWindow

# A real-looking association (fictional numbers; the SIRET passes INSEE's key), as a
# person types it: the wizard shows it as it will be printed.
ASSOCIATION = {
    "association_name": "Lulu du Marais",
    "association_address": "8 rue des Rosiers 75004 Paris",
    "association_siret": "73282932000074",
    "association_sap_number": "SAP732829320",
    "association_sap_date": "01/03/2019",
}
SETUP_STEPS = ("setup_association", "setup_manager", "setup_printer", "setup_server")
SETTINGS_STEPS = ("counter_settings", "counter_settings_printer", "counter_settings_attendants")


def type_text(editor: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Type on the focused field as the on-screen keyboard does."""
    editor.setFocus(Qt.FocusReason.MouseFocusReason)
    QApplication.processEvents()
    for char in text:
        send_key(Qt.Key.Key_unknown, char)


def unfocus() -> None:
    focused = QApplication.focusWidget()
    if focused is not None:
        focused.clearFocus()


def setup_tour(window: KioskWindow, *, lang: str = "fr") -> Iterator[str]:
    """On a window over a new data folder (the wizard shown): each step, filled."""
    wizard = window.setup
    assert isinstance(wizard, SetupWizard)
    wizard.steps["language"].choice.buttons[lang].click()  # type: ignore[attr-defined]

    def show(step: str) -> None:
        wizard.index = list(wizard.steps).index(step)
        wizard._show()

    def association() -> None:
        show("association")
        for key, value in ASSOCIATION.items():
            type_text(wizard.association.fields[key].editor, value)
        unfocus()
        QApplication.processEvents()
        wizard.areas["association"].verticalScrollBar().setValue(0)  # from its top

    def manager() -> None:
        show("manager")
        type_text(wizard.manager.name.editor, "Nadia Benali")
        type_text(wizard.manager.pin.editor, "482915")
        type_text(wizard.manager.pin_again.editor, "482916")  # mistyped: said beside it
        unfocus()
        window.keyboard.hide()

    def printer() -> None:
        show("printer")
        unfocus()
        form = wizard.printer
        form.kind.buttons["network"].click()  # as a tap: the address field shows
        type_text(form.address.editor, "192.168.1.50")
        unfocus()

    def server() -> None:
        show("server")
        type_text(wizard.server.url.editor, "https://comptoir.lulu-du-marais.fr")
        unfocus()

    steps: dict[str, Callable[[], None]] = {
        "setup_association": association,
        "setup_manager": manager,
        "setup_printer": printer,
        "setup_server": server,
    }
    for name, action in steps.items():
        action()
        for _ in range(3):  # the step's layout, then its scroll bar (shown only if needed)
            QApplication.processEvents()
        yield name
    unfocus()
    window.keyboard.hide()


def settings_steps(
    w: KioskWindow, settle: Callable[[], None], manager_pin: str
) -> list[tuple[str, Callable[[], None]]]:
    """The counter's Settings section, the store's first manager logged in with
    `manager_pin` (after the main tour)."""

    def settings() -> None:
        w.end_session()
        w._open_pin_pad()
        managers = [a for a in w.context.comptoir.attendants.list() if a.role is Role.MANAGER]
        if not managers:
            return
        manager = managers[0]
        w.pin_pad.people[manager.id].click()
        for digit in manager_pin:
            w.pin_pad.keys[digit].click()
        w.pin_pad.enter.click()
        settle()
        if w.counter.nav["settings"].isVisible():
            w.counter.nav["settings"].click()
            w.counter.settings.show_tab("association")

    def printer() -> None:
        w.counter.settings.show_tab("printer")
        form = w.counter.settings.printer
        form.kind.buttons["network"].click()  # not saved: the demo keeps no printer
        type_text(form.address.editor, "192.168.1.50")
        unfocus()
        w.keyboard.hide()
        QApplication.processEvents()
        w.counter.scroll_to(w.counter.settings.title)  # from the section's top

    def attendants() -> None:
        w.counter.settings.show_tab("attendants")

    return list(zip(SETTINGS_STEPS, (settings, printer, attendants), strict=True))
