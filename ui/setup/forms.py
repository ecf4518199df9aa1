"""The settings' forms, one per group, used by the first-run wizard and by the counter's
settings section alike: each field says what it is for in a short line, is checked as
one types by the core's own rule (SettingsService.check) and shows a refusal beside
itself; `submit` writes the group off the GUI thread (SettingsService.change)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, Literal

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk_app.domain import validation
from kiosk_app.views.settings import KioskSettings

from ..context import KioskContext
from ..widgets.buttons import TouchButton
from ..widgets.field import TextField, show_refusal
from ..widgets.screen import Label, label

Source = Literal["setup", "counter"]
Done = Callable[[bool], None]  # told True once saved, False when refused


@dataclass(frozen=True)
class FieldSpec:
    key: str
    multiline: bool = False
    digits: bool = False


class ChoiceField(QWidget):
    """A choice among a few values, as large checkable buttons (no drop-down list)."""

    changed = Signal()

    def __init__(self, values: tuple[str, ...], *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label(parent=self)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, TouchButton] = {}
        row = QHBoxLayout()
        for value in values:
            button = TouchButton(parent=self)
            button.setCheckable(True)
            self.group.addButton(button)
            self.buttons[value] = button
            row.addWidget(button)
            button.toggled.connect(lambda _on: self.changed.emit())
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(row)

    @property
    def value(self) -> str:
        return next((v for v, b in self.buttons.items() if b.isChecked()), "")

    def set_value(self, value: str) -> None:
        if value in self.buttons:
            self.buttons[value].setChecked(True)


class SettingsForm(QWidget):
    """Fields for some settings' keys, each with its title and help line."""

    SPECS: ClassVar[tuple[FieldSpec, ...]] = ()
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {}

    def __init__(self, context: KioskContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.fields: dict[str, TextField] = {}
        self.choices: dict[str, ChoiceField] = {}
        self.helps: dict[str, Label] = {}
        self.error = label("error", parent=self)
        # Two columns: a group fits a 1280×800 screen with little scrolling.
        grid = QGridLayout()
        grid.setHorizontalSpacing(32)
        grid.setVerticalSpacing(12)
        cells: list[QWidget] = []
        for spec in self.SPECS:
            field = TextField(
                self._checker(spec.key), multiline=spec.multiline, digits=spec.digits, parent=self
            )
            self.fields[spec.key] = field
            cells.append(self._cell(spec.key, field))
        for key, values in self.CHOICES.items():
            choice = ChoiceField(values, parent=self)
            self.choices[key] = choice
            cells.append(self._cell(key, choice))
        for index, cell in enumerate(cells):
            grid.addWidget(cell, index // 2, index % 2, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def _cell(self, key: str, field: QWidget) -> QWidget:
        """A field with its help line under it."""
        cell = QWidget(self)
        help_line = label("small", parent=cell)
        self.helps[key] = help_line
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        field.setParent(cell)
        column.addWidget(field)
        column.addWidget(help_line)
        return cell

    def _checker(self, key: str) -> Callable[[str], str]:
        return lambda text: self._context.comptoir.settings.check(key, text)

    def load(self, settings: KioskSettings) -> None:
        """Show the stored values (the built-in placeholders stay empty)."""
        for key, field in self.fields.items():
            field.set_text(self.shown(key, getattr(settings, key)))
            field.clear_touch()
            if isinstance(field.editor, QLineEdit):
                field.editor.home(False)  # a long value shows its beginning
        for key, choice in self.choices.items():
            choice.set_value(getattr(settings, key))

    def shown(self, key: str, value: str) -> str:
        """A stored value as a person types it (a date in French order)."""
        return value

    def values(self) -> dict[str, str]:
        typed = {key: field.text for key, field in self.fields.items()}
        typed.update({key: choice.value for key, choice in self.choices.items()})
        return typed

    def submit(self, done: Done, *, source: Source, by: uuid.UUID | None = None) -> None:
        """Check every field (marking each refused one), then write the group on the
        store's worker; `done(True)` once written."""
        self.error.clear()
        bad = {key: field for key, field in self.fields.items() if not field.is_valid}
        if bad:
            for field in bad.values():
                field.mark()
            done(False)
            return
        values = self.values()
        settings = self._context.comptoir.settings

        def refused(error: Exception) -> None:
            # A field's refusal beside it; anything else (not a manager) under the form.
            show_refusal(error, self.fields, lambda _name, text: self.error.setText(text))
            done(False)

        self._context.tasks.run(
            lambda: settings.change(values, source=source, by=by),
            lambda _settings: done(True),
            refused,
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Titles and help lines in the current language (each form says its own)."""

    def _say(self, key: str, title: str, help_line: str) -> None:
        if key in self.fields:
            self.fields[key].set_title(title)
        else:
            self.choices[key].title.setText(title)
        self.helps[key].setText(help_line)


class AssociationForm(SettingsForm):
    """Who issues the invoices: what French rules make every invoice state."""

    SPECS = (
        FieldSpec("association_name"),
        FieldSpec("association_address", multiline=True),
        # Residents see it: "Besoin d'aide ?" and the "out of order" page.
        FieldSpec("association_phone", digits=True),
        FieldSpec("association_siret", digits=True),
        FieldSpec("association_sap_number"),
        FieldSpec("association_sap_date"),
        FieldSpec("vat_mention"),
    )
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {
        "intervention_mode": ("prestataire", "mandataire")
    }

    def __init__(self, context: KioskContext, *, parent: QWidget | None = None) -> None:
        super().__init__(context, parent=parent)
        self.retranslate()

    def load(self, settings: KioskSettings) -> None:
        super().load(settings)
        if settings.setup_state == "pending":
            # A new kiosk: the built-in name is the pilot's, not this association's.
            self.fields["association_name"].clear()

    def shown(self, key: str, value: str) -> str:
        if key == "association_sap_date" and len(value) == 10 and value[4] == "-":
            return f"{value[8:10]}/{value[5:7]}/{value[0:4]}"
        if key == "association_phone" and value:
            return validation.format_phone(value)  # stored as +33…, typed as 01 …
        return value

    def retranslate(self) -> None:
        self._say(
            "association_name",
            self.tr("Association's name"),
            self.tr("As registered: it heads every invoice and ticket."),
        )
        self._say(
            "association_address",
            self.tr("Association's address"),
            self.tr("The registered office's address, printed on invoices."),
        )
        self._say(
            "association_phone",
            self.tr("Phone of the counter"),
            self.tr(
                "Optional. Shown to residents who touch “Need help?” and when the kiosk "
                "is out of order."
            ),
        )
        self._say(
            "association_siret",
            self.tr("SIRET"),
            self.tr("14 digits, on the association's INSEE notice (avis de situation)."),
        )
        self._say(
            "association_sap_number",
            self.tr("SAP declaration number"),
            self.tr("'SAP' then 9 digits, as on the declaration's receipt."),
        )
        self._say(
            "association_sap_date",
            self.tr("SAP declaration date"),
            self.tr("The day the declaration was registered, DD/MM/YYYY."),
        )
        self._say(
            "vat_mention",
            self.tr("VAT mention"),
            self.tr("The VAT sentence every invoice carries (most associations: exempt)."),
        )
        self._say(
            "intervention_mode",
            self.tr("Intervention mode"),
            self.tr(
                "Provider: the association provides the service. Agent: it acts for the "
                "client, who employs."
            ),
        )
        self.choices["intervention_mode"].buttons["prestataire"].setText(self.tr("Provider"))
        self.choices["intervention_mode"].buttons["mandataire"].setText(self.tr("Agent"))


class KioskForm(SettingsForm):
    """This kiosk: its name (its code comes from the central server) and idle delay."""

    SPECS = (FieldSpec("kiosk_name"), FieldSpec("idle_seconds", digits=True))

    def __init__(self, context: KioskContext, *, parent: QWidget | None = None) -> None:
        super().__init__(context, parent=parent)
        self.retranslate()

    def retranslate(self) -> None:
        self._say(
            "kiosk_name",
            self.tr("Kiosk's name"),
            self.tr("Where it stands (a street, a square): shown to the association's team."),
        )
        self._say(
            "idle_seconds",
            self.tr("Idle delay (seconds)"),
            self.tr(
                "Without a touch for this long (15 to 600 s), the residents' screens go "
                "back to the welcome screen."
            ),
        )
