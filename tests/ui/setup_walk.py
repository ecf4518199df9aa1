"""Walking the first-run wizard as the person installing a kiosk does: tap, type on the
on-screen keyboard, read what is shown beside the fields."""

from __future__ import annotations

from dataclasses import dataclass

from ui.setup.wizard import SetupWizard
from ui.tour_setup import ASSOCIATION

from .support import Resident


@dataclass(frozen=True)
class Words:
    """What the person reads, in the language chosen at the first step."""

    language: str
    next: str
    finish: str
    agent: str
    later: str
    siret_refused: str
    pins_differ: str


FRENCH = Words(
    language="Français",
    next="Suivant",
    finish="Terminer",
    agent="Mandataire",
    later="Plus tard : travailler hors ligne pour l’instant",
    siret_refused="Ce SIRET ne passe pas le contrôle de l’INSEE : un chiffre est sans doute "
    "mal tapé.",
    pins_differ="Les deux codes diffèrent : tapez le même deux fois.",
)
ENGLISH = Words(
    language="English",
    next="Next",
    finish="Finish",
    agent="Agent",
    later="Later: work offline for now",
    siret_refused="This SIRET fails INSEE's check: a digit is probably mistyped.",
    pins_differ="The two PINs differ: type the same one twice.",
)

# A real-looking association (fictional numbers; the SIRET passes INSEE's key).
DETAILS = ASSOCIATION


def replace_text(kiosk: Resident, field_editor: object, text: str) -> None:
    """Clear what the field holds (as with the keyboard's ⌫), then type `text`."""
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

    assert isinstance(field_editor, QLineEdit | QPlainTextEdit)
    kiosk.focus(field_editor)
    held = field_editor.text() if isinstance(field_editor, QLineEdit) else ""
    if held:
        field_editor.end(False)
        kiosk.erase(len(held))
    kiosk.type(text)


def walk_wizard(kiosk: Resident, words: Words, *, server: tuple[str, str] | None = None) -> None:
    """From the first step to "Finish", with a refused SIRET and two different PINs on
    the way (each shown beside its field, the step kept until corrected). The last step
    enrols with `server` (its address and a token), or else says "later"."""
    window = kiosk.window
    wizard = window.setup
    assert isinstance(wizard, SetupWizard)
    assert window.current_screen is wizard

    def next_step(expected: str) -> None:
        kiosk.tap_named(words.next)
        assert wizard.step_name == expected, wizard.step_name

    kiosk.tap_named(words.language)
    next_step("association")
    form = wizard.association
    for key in ("association_name", "association_address", "association_sap_number"):
        kiosk.fill(form.fields[key].editor, DETAILS[key].lower() if "sap" in key else DETAILS[key])
    siret = form.fields["association_siret"]
    kiosk.fill(siret.editor, "12345678901234")
    assert siret.message.text() == words.siret_refused
    kiosk.fill(form.fields["association_sap_date"].editor, DETAILS["association_sap_date"])
    wizard.scroll_to(form.choices["intervention_mode"])
    kiosk.tap_named(words.agent)
    kiosk.tap_named(words.next)
    assert wizard.step_name == "association"  # the SIRET stops it, said beside the field
    assert siret.message.text() == words.siret_refused
    replace_text(kiosk, siret.editor, DETAILS["association_siret"])
    assert siret.message.text() == ""
    next_step("kiosk")
    replace_text(kiosk, wizard.kiosk.fields["kiosk_name"].editor, "Rosiers")
    next_step("manager")
    manager = wizard.manager
    kiosk.fill(manager.name.editor, "Nadia Benali")
    kiosk.fill(manager.pin.editor, "482915")
    kiosk.fill(manager.pin_again.editor, "482916")
    assert manager.pin_again.message.text() == words.pins_differ
    kiosk.tap_named(words.next)
    assert wizard.step_name == "manager"
    assert manager.pin_again.message.text() == words.pins_differ
    replace_text(kiosk, manager.pin_again.editor, "482915")
    assert manager.pin_again.message.text() == ""
    next_step("printer")
    next_step("server")
    if server is None:
        kiosk.tap_named(words.later)
    else:
        replace_text(kiosk, wizard.server.url.editor, server[0])
        replace_text(kiosk, wizard.server.token.editor, server[1])
    kiosk.tap_named(words.finish)
