"""A client's details as the counter corrects them: name, phone, e-mail, address and the
language of their tickets and messages, with the button that saves them (the panel,
client_profile.py, sends the save and says how it went beside it)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QHBoxLayout, QWidget

from kiosk_app.domain import validation
from kiosk_app.errors import ValidationError
from kiosk_app.views.clients import AddressInput, ClientChanges, ClientView

from ..widgets.buttons import TouchButton
from ..widgets.field import TextField
from ..widgets.screen import Screen, label

LANGS = ("fr", "en")


def _text(field: str, max_length: int, *, required: bool = False) -> Callable[[str], str]:
    return partial(validation.bounded_text, field=field, max_length=max_length, required=required)


def _floor(typed: str) -> int | None:
    text = typed.strip()
    if not text:
        return None
    digits = text.removeprefix("-")
    # ASCII digits, three at most: "²" is a digit int() refuses, a paste is not parsed.
    if not (digits.isascii() and digits.isdigit() and len(digits) <= 2):
        raise ValidationError(
            {"floor": "floor.out_of_range"}, min=validation.FLOOR_MIN, max=validation.FLOOR_MAX
        )
    return validation.floor(int(text))


def _bold(text: str) -> str:
    return f"<b>{text}</b>"


class ClientDetailsForm(Screen):  # a Screen: it retranslates itself
    save_asked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client: ClientView | None = None  # the one shown (None: none, or locked)

        self.details_title = label(parent=self)
        self.name = TextField(validation.person_name, parent=self)
        self.phone = TextField(validation.phone, digits=True, parent=self)
        self.email = TextField(validation.optional_email, parent=self)
        self.street = TextField(_text("street", validation.STREET_MAX, required=True), parent=self)
        self.postcode = TextField(validation.postcode, digits=True, parent=self)
        self.city = TextField(_text("city", validation.CITY_MAX, required=True), parent=self)
        self.building = TextField(_text("building", validation.BUILDING_MAX), parent=self)
        self.floor = TextField(_floor, digits=True, parent=self)
        self.access_notes = TextField(
            _text("access_notes", validation.ACCESS_NOTES_MAX), multiline=True, parent=self
        )
        self.fields: dict[str, TextField] = {
            "name": self.name,
            "phone": self.phone,
            "email": self.email,
            "street": self.street,
            "postcode": self.postcode,
            "city": self.city,
            "building": self.building,
            "floor": self.floor,
            "access_notes": self.access_notes,
        }
        for field in self.fields.values():
            field.changed.connect(self._refresh)
        self.lang_title = label(parent=self)
        self._langs = QButtonGroup(self)
        self.langs: dict[str, TouchButton] = {}
        self.langs_row = QWidget(self)
        langs = QHBoxLayout(self.langs_row)
        langs.setContentsMargins(0, 0, 0, 0)
        for code in LANGS:
            button = TouchButton(role="key", parent=self)
            button.setCheckable(True)
            self._langs.addButton(button)
            self.langs[code] = button
            langs.addWidget(button)
        langs.addStretch(1)
        self._langs.buttonToggled.connect(lambda *_: self._refresh())
        self.save = TouchButton(role="primary", parent=self)
        self.save.clicked.connect(lambda: self.save_asked.emit())
        # Beside the button: the attendant who just tapped it is looking there.
        self.saved = label("success", parent=self)
        self.save_error = label("error", parent=self)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        # Phone, e-mail and street take a whole row: "06 59 64 91 73" and a street name
        # must be read whole at 1280 px; the short ones go in pairs.
        rows: list[tuple[QWidget, ...]] = [
            (self.details_title,),
            (self.name,),
            (self.phone,),
            (self.email,),
            (self.street,),
            (self.postcode, self.city),
            (self.building, self.floor),
            (self.access_notes,),
            (self.lang_title,),
            (self.langs_row,),
            (self.saved,),
            (self.save_error,),
            (self.save,),
        ]
        for row, widgets in enumerate(rows):
            if len(widgets) == 1:
                grid.addWidget(widgets[0], row, 0, 1, 2)
            else:
                for column, widget in enumerate(widgets):
                    grid.addWidget(widget, row, column)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self.retranslate()

    def show_client(self, client: ClientView) -> None:
        self.client = client
        values = {
            "name": client.name,
            "phone": client.phone_display,
            "email": client.email or "",
            "street": client.address.street,
            "postcode": client.address.postcode,
            "city": client.address.city,
            "building": client.address.building,
            "floor": "" if client.address.floor is None else str(client.address.floor),
            "access_notes": client.address.access_notes,
        }
        for name, field in self.fields.items():
            field.set_text(values[name])
        self.langs["en" if client.lang == "en" else "fr"].setChecked(True)
        self._refresh()

    def changes(self) -> ClientChanges:
        assert self.client is not None
        return ClientChanges(
            name=self.name.text,
            phone=self.phone.text,
            email=self.email.text,
            lang=next(code for code, b in self.langs.items() if b.isChecked()),
            address=AddressInput(
                street=self.street.text,
                postcode=self.postcode.text,
                city=self.city.text,
                building=self.building.text,
                floor=self.floor.value if self.floor.is_valid else None,
                has_lift=self.client.address.has_lift,
                access_notes=self.access_notes.text,
            ),
        )

    def _refresh(self) -> None:
        self.save.setEnabled(
            self.client is not None and all(f.is_valid for f in self.fields.values())
        )

    def retranslate(self) -> None:
        self.details_title.setText(_bold(self.tr("Details")))
        self.name.set_title(self.tr("Name"))
        self.phone.set_title(self.tr("Phone"))
        self.email.set_title(self.tr("E-mail (optional)"))
        self.street.set_title(self.tr("Street and number"))
        self.postcode.set_title(self.tr("Postcode"))
        self.city.set_title(self.tr("City"))
        self.building.set_title(self.tr("Building (optional)"))
        self.floor.set_title(self.tr("Floor (optional)"))
        self.access_notes.set_title(self.tr("Access notes: door code, floor… (optional)"))
        self.lang_title.setText(self.tr("Language of tickets and messages"))
        self.langs["fr"].setText("Français")
        self.langs["en"].setText("English")
        self.save.setText(self.tr("Save the details"))

    def clear(self) -> None:
        """No name, phone or address stays in a field (the counter is locked)."""
        self.client = None
        for field in self.fields.values():
            field.clear()
        self._refresh()
