"""The first-run set-up wizard: a new data folder opens here, not on the residents'
screens, and the core takes no order and issues no invoice until it is finished
(SettingsService.begin_setup / finish_setup). One step a page; "Next" writes the step
(disabled while the write runs) and moves on only once it is written."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk_app.errors import ComptoirError, DocumentDetailsMissing, ValidationError
from kiosk_app.messages import message

from ..context import KioskContext
from ..i18n import current_lang
from ..settings.printer_form import PrinterForm
from ..widgets.buttons import TouchButton
from ..widgets.screen import Screen, label
from .forms import AssociationForm, Done, KioskForm, SettingsForm
from .people import LanguageStep, ManagerStep, ServerStep, Step

STEPS = ("language", "association", "kiosk", "manager", "printer", "server")


class FormStep(Step):
    """A settings form as a wizard step (written as the wizard's)."""

    def __init__(self, form: SettingsForm) -> None:
        super().__init__()
        self.form = form
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(form)

    def submit(self, done: Done) -> None:
        self.form.submit(done, source="setup")


class PrinterStep(Step):
    def __init__(self, form: PrinterForm) -> None:
        super().__init__()
        self.form = form
        form.heading.hide()  # the wizard's title says it already
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(form)

    def submit(self, done: Done) -> None:
        done(self.form.apply())


class SetupWizard(Screen):
    finished = Signal()

    def __init__(self, context: KioskContext) -> None:
        super().__init__()
        self.setObjectName("setupWizard")
        self._context = context
        settings = context.comptoir.settings.get()
        self.association = AssociationForm(context)
        self.association.load(settings)
        self.kiosk = KioskForm(context)
        self.kiosk.load(settings)
        self.manager = ManagerStep(context)
        self.manager.load()
        self.printer = PrinterForm(context.comptoir)
        self.server = ServerStep(context)
        self.steps: dict[str, Step] = {
            "language": LanguageStep(context),
            "association": FormStep(self.association),
            "kiosk": FormStep(self.kiosk),
            "manager": self.manager,
            "printer": PrinterStep(self.printer),
            "server": self.server,
        }
        self.title = label("title", parent=self)
        self.progress = label("small", parent=self)
        self.pages = QStackedWidget(self)
        self.areas: dict[str, QScrollArea] = {}
        for name, step in self.steps.items():
            area = QScrollArea(self.pages)
            area.setWidgetResizable(True)
            area.setFrameShape(QFrame.Shape.NoFrame)
            area.setWidget(step)
            self.areas[name] = area
            self.pages.addWidget(area)
        self.error = label("error", parent=self)
        self.back = TouchButton(parent=self)
        self.back.clicked.connect(self.go_back)
        self.next = TouchButton(role="primary", parent=self)
        self.next.clicked.connect(self.go_next)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.error, 3)
        buttons.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 16, 48, 16)
        layout.addWidget(self.title)
        layout.addWidget(self.progress)
        layout.addSpacing(16)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.index = 0
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._keep_focus_visible)
        self._show()

    def scroll_to(self, widget: QWidget) -> None:
        """Bring a control of the step shown into view (as a flick would)."""
        self.areas[self.step_name].ensureWidgetVisible(widget, 16, 32)

    def _keep_focus_visible(self, _old: QWidget | None, new: QWidget | None) -> None:
        """The field being typed stays above the docked keyboard."""
        area = self.areas[self.step_name]
        if new is not None and area.isAncestorOf(new):
            area.ensureWidgetVisible(new, 16, 32)

    @property
    def step_name(self) -> str:
        return STEPS[self.index]

    def go_back(self) -> None:
        if self.index > 0:
            self.index -= 1
            self._show()

    def go_next(self) -> None:
        """Write this step; move on once it is written (refusals stay beside fields)."""
        self.next.setEnabled(False)
        self.back.setEnabled(False)
        self.error.clear()
        self.drop_focus()
        self.steps[self.step_name].submit(self._written)

    def _written(self, ok: bool) -> None:
        self.back.setEnabled(True)
        if not ok:
            self.next.setEnabled(True)
            return
        if self.index + 1 < len(STEPS):
            self.index += 1
            self._show()
            return
        settings = self._context.comptoir.settings
        self._context.tasks.run(
            settings.finish_setup, lambda _r: self.finished.emit(), self._not_finished
        )

    def _not_finished(self, error: Exception) -> None:
        """What is still missing (a detail, the manager), one a line."""
        keys: tuple[str, ...] = ("error.unexpected",)
        if isinstance(error, DocumentDetailsMissing):
            keys = error.problems
        elif isinstance(error, ValidationError):
            keys = tuple(error.fields.values())
        elif isinstance(error, ComptoirError):
            keys = (error.key,)
        self.error.setText("\n".join(message(key, current_lang()) for key in keys))
        self.next.setEnabled(True)

    def _show(self) -> None:
        self.pages.setCurrentWidget(self.areas[self.step_name])
        self.areas[self.step_name].verticalScrollBar().setValue(0)
        self.back.setVisible(self.index > 0)
        self.next.setEnabled(True)
        self.retranslate()

    def retranslate(self) -> None:
        titles = {
            "language": self.tr("Welcome to Comptoir: let's set up this kiosk"),
            "association": self.tr("The association"),
            "kiosk": self.tr("This kiosk"),
            "manager": self.tr("The first manager"),
            "printer": self.tr("The receipt printer"),
            "server": self.tr("The association's central server"),
        }
        self.title.setText(titles[self.step_name])
        self.progress.setText(
            self.tr("Step {step} of {count}").format(step=self.index + 1, count=len(STEPS))
        )
        self.back.setText(self.tr("Back"))
        last = self.index + 1 == len(STEPS)
        self.next.setText(self.tr("Finish") if last else self.tr("Next"))
