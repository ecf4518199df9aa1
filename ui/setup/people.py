"""The wizard's steps that are not settings: the language, the first manager (created
with AttendantService, the PIN typed twice) and the central server (enrolment, or
"later")."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from kiosk_app.domain import validation
from kiosk_app.domain.kinds import Role
from kiosk_app.errors import ComptoirError, ValidationError
from kiosk_app.messages import message
from kiosk_app.views.attendants import PIN_MAX, PIN_MIN
from sync.messages import sync_message

from ..context import KioskContext
from ..i18n import current_lang
from ..widgets.buttons import TouchButton
from ..widgets.field import TextField, show_refusal
from ..widgets.screen import label
from .forms import ChoiceField, Done


def _pin(text: str) -> str:
    """The core's PIN rule (AttendantService checks it again when creating)."""
    if not (text.isascii() and text.isdigit() and PIN_MIN <= len(text) <= PIN_MAX):
        raise ValidationError({"pin": "pin.invalid"}, min=PIN_MIN, max=PIN_MAX)
    return text


class Step(QWidget):
    """A page of the wizard: what it asks, and how its answer is written."""

    def submit(self, done: Done) -> None:
        done(True)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None: ...


class LanguageStep(Step):
    def __init__(self, context: KioskContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = ChoiceField(("fr", "en"), parent=self)
        self.choice.buttons["fr"].setText("Français")
        self.choice.buttons["en"].setText("English")
        self.choice.set_value(context.language.code)
        self.choice.changed.connect(lambda: context.language.set(self.choice.value or "fr"))
        self.help = label("small", parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.choice)
        layout.addWidget(self.help)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.choice.title.setText(self.tr("Language of this set-up"))
        self.help.setText(
            self.tr("Residents choose their own language on the welcome screen at any time.")
        )


class ManagerStep(Step):
    """The first manager: the person who will change these settings at the counter."""

    def __init__(self, context: KioskContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.name = TextField(validation.person_name, parent=self)
        self.name_help = label("small", parent=self)
        self.pin = TextField(_pin, digits=True, parent=self)
        self.pin_again = TextField(self._same_pin, digits=True, parent=self)
        for field in (self.pin, self.pin_again):
            assert isinstance(field.editor, QLineEdit)
            field.editor.setEchoMode(QLineEdit.EchoMode.Password)
            field.editor.setMaxLength(PIN_MAX)
        self.pin.changed.connect(lambda: self.pin_again.set_text(self.pin_again.text))
        self.pin_help = label("small", parent=self)
        self.existing = label("success", parent=self)
        self.error = label("error", parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.existing,
            self.name,
            self.name_help,
            self.pin,
            self.pin_again,
            self.pin_help,
            self.error,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.manager_name = ""
        self.retranslate()

    def _same_pin(self, text: str) -> str:
        if text != self.pin.text:
            raise ValidationError({"pin_again": "pin.mismatch"})
        return text

    def load(self) -> None:
        """A manager made by an earlier, interrupted set-up is kept (never a second)."""
        managers = [a for a in self._context.comptoir.attendants.list() if a.role is Role.MANAGER]
        self.manager_name = managers[0].name if managers else ""
        for widget in (self.name, self.name_help, self.pin, self.pin_again, self.pin_help):
            widget.setVisible(not managers)
        self.retranslate()

    def submit(self, done: Done) -> None:
        if self.manager_name:
            done(True)
            return
        self.error.clear()
        fields = {"name": self.name, "pin": self.pin, "pin_again": self.pin_again}
        if not all(field.is_valid for field in fields.values()):
            for field in fields.values():
                field.mark()
            done(False)
            return
        name, pin = self.name.text, self.pin.text
        attendants = self._context.comptoir.attendants

        def refused(error: Exception) -> None:
            show_refusal(error, fields, lambda _n, text: self.error.setText(text))
            done(False)

        def created(_manager: object) -> None:
            self.pin.clear()
            self.pin_again.clear()
            self.load()
            done(True)

        self._context.tasks.run(lambda: attendants.add(name, Role.MANAGER, pin), created, refused)

    def retranslate(self) -> None:
        self.name.set_title(self.tr("First manager's name"))
        self.name_help.setText(
            self.tr("A manager logs in at the counter, changes these settings, adds attendants.")
        )
        self.pin.set_title(self.tr("Their PIN"))
        self.pin_again.set_title(self.tr("The same PIN again"))
        self.pin_help.setText(
            self.tr("{min} to {max} digits, kept secret: it opens the counter.").format(
                min=PIN_MIN, max=PIN_MAX
            )
        )
        if self.manager_name:
            self.existing.setText(
                self.tr("{name} is the kiosk's manager.").format(name=self.manager_name)
            )
        else:
            self.existing.clear()


class ServerStep(Step):
    """The association's central server: enrol now (URL and token), or later."""

    def __init__(self, context: KioskContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.later = TouchButton(parent=self)
        self.later.setCheckable(True)
        self.later.toggled.connect(self._later_toggled)
        self.url = TextField(lambda text: context.comptoir.settings.check("server_url", text))
        self.url_help = label("small", parent=self)
        self.token = TextField(lambda text: text.strip() or _no_token())
        assert isinstance(self.token.editor, QLineEdit)
        self.token.editor.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_help = label("small", parent=self)
        self.later_help = label("small", parent=self)
        self.error = label("error", parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.url,
            self.url_help,
            self.token,
            self.token_help,
            self.later,
            self.later_help,
            self.error,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.retranslate()

    def _later_toggled(self, later: bool) -> None:
        for widget in (self.url, self.url_help, self.token, self.token_help):
            widget.setEnabled(not later)
        self.error.clear()

    def submit(self, done: Done) -> None:
        self.error.clear()
        if self.later.isChecked():
            done(True)
            return
        fields = {"server_url": self.url, "token": self.token}
        if not all(field.is_valid for field in fields.values()):
            for field in fields.values():
                field.mark()
            done(False)
            return
        enrol = self._context.enrol
        if enrol is None:  # a window without the sync part (tests, screenshots)
            self.error.setText(self.tr("Enrolment is not available here: choose 'Later'."))
            done(False)
            return
        url, token = self.url.text, self.token.text.strip()

        def refused(error: Exception) -> None:
            lang = current_lang()
            key = getattr(error, "key", "")
            if isinstance(error, ComptoirError):
                show_refusal(error, fields, lambda _n, text: self.error.setText(text))
            elif key.startswith("sync."):
                self.error.setText(sync_message(key, lang))
            else:
                self.error.setText(message("error.unexpected", lang))
            done(False)

        def enrolled(_result: object) -> None:
            self.token.clear()
            done(True)

        self._context.tasks.run(lambda: enrol(url, token), enrolled, refused)

    def retranslate(self) -> None:
        self.url.set_title(self.tr("Central server's address"))
        self.url_help.setText(
            self.tr("Given by the association (https://...): orders and invoices go there.")
        )
        self.token.set_title(self.tr("Enrolment token"))
        self.token_help.setText(
            self.tr("Made for this kiosk by 'kiosk-server enrol': it gives the kiosk its code.")
        )
        self.later.setText(self.tr("Later: work offline for now"))
        self.later_help.setText(
            self.tr("Until it is enrolled, this kiosk takes no order: the server gives its code.")
        )


def _no_token() -> str:
    raise ValidationError({"token": "settings.required"})
