"""The questions of an order, one a screen: when, where, who, what, consent, review."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QVBoxLayout

from kiosk_app.domain import validation
from kiosk_app.errors import ValidationError
from kiosk_app.views.catalogue import ServiceView
from kiosk_app.views.clients import AddressInput, ClientView

from ..format import minutes, money, paris_slot
from ..i18n import current_lang
from ..widgets.buttons import TouchButton
from ..widgets.field import Check, TextField
from ..widgets.screen import Screen, label
from ..widgets.slot_picker import SlotPicker
from ..widgets.stepper import Stepper
from .prices import after_credit_text


class Step(Screen):
    changed = Signal()

    def question(self) -> str:
        return ""

    def is_valid(self) -> bool:
        return True


def _text(field: str, maximum: int, *, required: bool = False) -> Check:
    return lambda typed: validation.bounded_text(
        typed, field=field, max_length=maximum, required=required
    )


class WhenStep(Step):
    def __init__(self) -> None:
        super().__init__()
        self.picker = SlotPicker(parent=self)
        self.picker.changed.connect(self.changed)
        self.error = label("error", parent=self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def question(self) -> str:
        return self.tr("When should the Lulu come?")

    def is_valid(self) -> bool:
        return self.picker.slot() is not None

    def start(self, now: datetime) -> None:
        self.picker.set_now(now)

    def reset(self) -> None:
        self.picker.clear()
        self.error.clear()


def _floor(typed: str) -> int | None:
    typed = typed.strip()
    if not typed:
        return None
    if not (typed.lstrip("-").isdigit() and len(typed) <= 3):
        raise ValidationError(
            {"floor": "floor.out_of_range"}, min=validation.FLOOR_MIN, max=validation.FLOOR_MAX
        )
    return validation.floor(int(typed))


class WhereStep(Step):
    def __init__(self) -> None:
        super().__init__()
        self.street = TextField(_text("street", validation.STREET_MAX, required=True), parent=self)
        self.postcode = TextField(validation.postcode, digits=True, parent=self)
        self.city = TextField(_text("city", validation.CITY_MAX, required=True), parent=self)
        self.building = TextField(_text("building", validation.BUILDING_MAX), parent=self)
        self.floor = TextField(_floor, digits=True, parent=self)
        self.notes = TextField(
            _text("access_notes", validation.ACCESS_NOTES_MAX), multiline=True, parent=self
        )
        self.lift_title = label(parent=self)
        self.lift_yes = TouchButton(parent=self)
        self.lift_no = TouchButton(parent=self)
        self._lift = QButtonGroup(self)
        for button in (self.lift_yes, self.lift_no):
            button.setCheckable(True)
            self._lift.addButton(button)
        lift = QHBoxLayout()
        lift.addWidget(self.lift_title)
        lift.addWidget(self.lift_yes)
        lift.addWidget(self.lift_no)
        lift.addStretch(1)
        pair = QHBoxLayout()
        pair.addWidget(self.postcode, 1)
        pair.addWidget(self.city, 2)
        pair2 = QHBoxLayout()
        pair2.addWidget(self.building, 2)
        pair2.addWidget(self.floor, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.street)
        layout.addLayout(pair)
        layout.addLayout(pair2)
        layout.addLayout(lift)
        layout.addWidget(self.notes)
        layout.addStretch(1)
        self.fields = {
            "street": self.street,
            "postcode": self.postcode,
            "city": self.city,
            "building": self.building,
            "floor": self.floor,
            "access_notes": self.notes,
        }
        for field in self.fields.values():
            field.changed.connect(self.changed)
        self.reset()
        self.retranslate()

    def question(self) -> str:
        return self.tr("Where should the Lulu come?")

    def is_valid(self) -> bool:
        return all(field.is_valid for field in self.fields.values())

    def address(self) -> AddressInput:
        lift = True if self.lift_yes.isChecked() else False if self.lift_no.isChecked() else None
        return AddressInput(
            street=self.street.text,
            postcode=self.postcode.text,
            city=self.city.text,
            building=self.building.text,
            floor=self.floor.value if self.floor.is_valid else None,
            has_lift=lift,
            access_notes=self.notes.text,
        )

    def retranslate(self) -> None:
        self.street.set_title(self.tr("Number and street"))
        self.postcode.set_title(self.tr("Postcode"))
        self.city.set_title(self.tr("City"))
        self.building.set_title(self.tr("Building, staircase (if any)"))
        self.floor.set_title(self.tr("Floor (0 for the ground floor)"))
        self.notes.set_title(self.tr("Door code, how to get in (if needed)"))
        self.lift_title.setText(self.tr("Is there a lift?"))
        self.lift_yes.setText(self.tr("Yes, a lift"))
        self.lift_no.setText(self.tr("No lift"))

    def reset(self) -> None:
        for field in self.fields.values():
            field.clear()
        self.city.set_text("Paris")
        self._lift.setExclusive(False)
        self.lift_yes.setChecked(False)
        self.lift_no.setChecked(False)
        self._lift.setExclusive(True)


def initials(name: str) -> str:
    """ "Jeanne Dupont" → "J. D.": enough to recognise oneself, too little to learn who
    another resident is from their phone number."""
    return " ".join(f"{part[0]}." for part in name.split() if part)


class WhoStep(Step):
    def __init__(self, find_client: Callable[[str], ClientView | None]) -> None:
        super().__init__()
        self._find_client = find_client
        self.client: ClientView | None = None
        self.phone = TextField(validation.phone, digits=True, parent=self)
        self.known = label("success", parent=self)
        self.name = TextField(validation.person_name, parent=self)
        self.phone.changed.connect(self._phone_changed)
        self.name.changed.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.phone)
        layout.addWidget(self.known)
        layout.addWidget(self.name)
        layout.addStretch(1)
        self.reset()
        self.retranslate()

    def question(self) -> str:
        return self.tr("Your phone number")

    def is_valid(self) -> bool:
        return self.phone.is_valid and (self.client is not None or self.name.is_valid)

    def _phone_changed(self) -> None:
        self.client = self._find_client(self.phone.text) if self.phone.is_valid else None
        self.known.setVisible(self.client is not None)
        self.name.setVisible(self.phone.is_valid and self.client is None)
        self.retranslate()
        self.changed.emit()

    def retranslate(self) -> None:
        self.phone.set_title(self.tr("Your phone number, so that the counter can call you"))
        self.name.set_title(self.tr("We do not know this number yet: your name"))
        # Cleared, not only hidden, once the number is no longer a known client's.
        self.known.setText(
            self.tr("Welcome back, {initials}! We know this number.").format(
                initials=initials(self.client.name)
            )
            if self.client is not None
            else ""
        )

    def reset(self) -> None:
        self.client = None
        self.phone.clear()
        self.name.clear()
        self.known.clear()
        self.known.hide()
        self.name.hide()


class WhatStep(Step):
    def __init__(self) -> None:
        super().__init__()
        self.service: ServiceView | None = None
        self.description = TextField(
            _text("description", validation.DESCRIPTION_MAX), multiline=True, parent=self
        )
        self.duration_title = label(parent=self)
        self.units = Stepper(parent=self)
        self.price = label("title", parent=self)
        self.credit = label("small", parent=self)
        self.description.changed.connect(self.changed)
        self.units.changed.connect(lambda _v: self._show_price())
        layout = QVBoxLayout(self)
        layout.addWidget(self.description)
        layout.addWidget(self.duration_title)
        layout.addWidget(self.units)
        layout.addWidget(self.price)
        layout.addWidget(self.credit)
        layout.addStretch(1)
        self.retranslate()

    def question(self) -> str:
        return self.tr("What do you need, and for how long?")

    def is_valid(self) -> bool:
        return self.description.is_valid

    def start(self, service: ServiceView) -> None:
        self.service = service
        self.units.set_range(1, service.max_units)
        self.units.set_value(service.typical_units)
        self._show_price()

    def _show_price(self) -> None:
        if self.service is None:
            return
        units = self.units.value()
        self.units.set_display(minutes(units * self.service.unit_minutes))
        price = self.service.price(units)
        self.price.setText(
            self.tr("Estimated price: {price}").format(price=money(price.total_cents))
        )
        self.credit.setText(after_credit_text(price))

    def retranslate(self) -> None:
        self.description.set_title(self.tr("Describe what you need (optional)"))
        self.duration_title.setText(self.tr("How long will it take, roughly?"))
        self.units.set_names(self.tr("Less time"), self.tr("More time"))
        self._show_price()

    def reset(self) -> None:
        self.service = None
        self.description.clear()
        self.price.clear()
        self.credit.clear()


class ConsentStep(Step):
    def __init__(self) -> None:
        super().__init__()
        self.notice = label(parent=self)
        # A whole button, not a check box: a check box only reacts on its small square
        # and its words, and an unsure finger lands beside them.
        self.agree = TouchButton(parent=self)
        self.agree.setCheckable(True)
        self.agree.toggled.connect(self._agreed)
        self.error = label("error", parent=self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.agree, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.retranslate()

    def question(self) -> str:
        return self.tr("Your details and what we do with them")

    def is_valid(self) -> bool:
        return self.agree.isChecked()

    def _agreed(self) -> None:
        self.retranslate()
        self.changed.emit()

    def retranslate(self) -> None:
        self.notice.setText(
            self.tr(
                "The association keeps your name, phone number and address to organise "
                "this service and to send you its invoice. Only the counter team and the "
                "Lulu who comes to you see them. We never sell them nor give them to anyone "
                "else. You can ask at the counter to see them or to have them deleted at any "
                "time."
            )
        )
        mark = "☑" if self.agree.isChecked() else "☐"
        agree = self.tr("I agree")  # outside the f-string, where lupdate finds it
        self.agree.setText(f"{mark}  {agree}")
        self.agree.set_accessible(self.tr("I agree to the use of my details"))

    def reset(self) -> None:
        self.agree.setChecked(False)
        self.error.clear()


class ReviewStep(Step):
    def __init__(self) -> None:
        super().__init__()
        self.summary = label(parent=self)
        self.price = label("title", parent=self)
        self.credit = label("small", parent=self)
        self.error = label("error", parent=self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.price)
        layout.addWidget(self.credit)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def question(self) -> str:
        return self.tr("Please check your order")

    def show_order(
        self,
        service: ServiceView,
        slot: tuple[datetime, datetime],
        address: AddressInput,
        units: int,
        who: str,
    ) -> None:
        lines = [
            self.tr("Service: {name}").format(name=service.name(current_lang())),
            self.tr("When: {slot}").format(slot=paris_slot(*slot)),
            self.tr("Where: {street}, {postcode} {city}").format(
                street=address.street.strip(),
                postcode=address.postcode.strip(),
                city=address.city.strip(),
            ),
            self.tr("Duration: about {duration}").format(
                duration=minutes(units * service.unit_minutes)
            ),
            self.tr("Name: {who}").format(who=who),
        ]
        self.summary.setText("\n".join(lines))
        price = service.price(units)
        self.price.setText(
            self.tr("Estimated price: {price}").format(price=money(price.total_cents))
        )
        self.credit.setText(after_credit_text(price))
        self.error.clear()

    def reset(self) -> None:
        for widget in (self.summary, self.price, self.credit, self.error):
            widget.clear()
