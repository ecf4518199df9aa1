"""The questions of an order, one a screen: who (the phone first), when, where, what,
consent; the review is in review_step.py. Each step says what is still missing, for a
touch on the disabled "Next"; a required field's title ends with REQUIRED_MARK."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk_app.domain import validation
from kiosk_app.views.catalogue import ServiceView
from kiosk_app.views.clients import ClientView
from kiosk_app.views.orders import OrderView

from ..format import minutes, money, paris_date
from ..i18n import current_lang
from ..widgets.buttons import TouchButton
from ..widgets.field import Check, TextField
from ..widgets.screen import Screen, label
from ..widgets.slot_picker import SlotPicker
from ..widgets.stepper import Stepper
from .prices import after_credit_text

REQUIRED_MARK = " *"


def required_legend(parent: QWidget) -> QLabel:
    legend = label("small", parent=parent)
    legend.setObjectName("requiredLegend")
    return legend


def legend_text() -> str:
    return QCoreApplication.translate("Step", "Fields marked * must be filled in.")


class Step(Screen):
    changed = Signal()

    def question(self) -> str:
        return ""

    def is_valid(self) -> bool:
        return True

    def missing(self) -> str:
        """What the resident must still do here, in a sentence ("" when nothing)."""
        return ""


def missing_fields(fields: list[TextField]) -> str:
    """ "Please fill in: Postcode, City." from the fields still refused."""
    names = [f.title.text().removesuffix(REQUIRED_MARK) for f in fields if not f.is_valid]
    if not names:
        return ""
    return QCoreApplication.translate("Step", "Please fill in: {fields}.").format(
        fields=", ".join(names)
    )


def text_check(field: str, maximum: int, *, required: bool = False) -> Check:
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

    def missing(self) -> str:
        if self.picker.slot() is not None:
            return ""
        if not self.picker.day_chosen:
            return self.tr("Choose a day and a time window.")
        return self.tr("Choose a time window.")

    def start(self, now: datetime) -> None:
        self.picker.set_now(now)

    def reset(self) -> None:
        self.picker.clear()
        self.error.clear()


def initials(name: str) -> str:
    """ "Jeanne Dupont" → "J. D.": enough to recognise oneself, too little to learn who
    another resident is from their phone number."""
    return " ".join(f"{part[0]}." for part in name.split() if part)


class WhoStep(Step):
    """The phone first: a known client is greeted by initials, gets their address back
    on the next steps and may redo their last order."""

    redo = Signal(object)  # OrderView: the last order, to order again

    def __init__(
        self,
        find_client: Callable[[str], ClientView | None],
        find_last: Callable[[str], OrderView | None],
    ) -> None:
        super().__init__()
        self._find_client = find_client
        self._find_last = find_last
        self.client: ClientView | None = None
        self.last: OrderView | None = None
        self.phone = TextField(validation.phone, digits=True, parent=self)
        self.known = label("success", parent=self)
        self.name = TextField(validation.person_name, parent=self)
        self.redo_button = TouchButton(parent=self)
        self.redo_button.clicked.connect(self._redo)
        self.legend = required_legend(self)
        self.phone.changed.connect(self._phone_changed)
        self.name.changed.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.legend)
        layout.addWidget(self.phone)
        layout.addWidget(self.known)
        layout.addWidget(self.redo_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.name)
        layout.addStretch(1)
        self.reset()
        self.retranslate()

    def question(self) -> str:
        return self.tr("Your phone number")

    def is_valid(self) -> bool:
        return self.phone.is_valid and (self.client is not None or self.name.is_valid)

    def missing(self) -> str:
        if not self.phone.is_valid:
            return self.tr("Type your phone number.")
        if self.client is None and not self.name.is_valid:
            return self.tr("Type your name.")
        return ""

    def _phone_changed(self) -> None:
        valid = self.phone.is_valid
        self.client = self._find_client(self.phone.text) if valid else None
        self.last = self._find_last(self.phone.text) if self.client is not None else None
        self.known.setVisible(self.client is not None)
        self.redo_button.setVisible(self.last is not None)
        self.name.setVisible(valid and self.client is None)
        self.retranslate()
        self.changed.emit()

    def _redo(self) -> None:
        if self.last is not None:
            self.redo.emit(self.last)

    def retranslate(self) -> None:
        self.phone.set_title(
            self.tr("Your phone number, so that the counter can call you") + REQUIRED_MARK
        )
        self.name.set_title(self.tr("We do not know this number yet: your name") + REQUIRED_MARK)
        self.legend.setText(legend_text())
        # Cleared, not only hidden, once the number is no longer a known client's.
        self.known.setText(
            self.tr("Welcome back, {initials}! We know this number.").format(
                initials=initials(self.client.name)
            )
            if self.client is not None
            else ""
        )
        redo = self.tr("Redo my last order")
        self.redo_button.setText(
            f"↻  {redo}\n{self.last.service_name(current_lang())}" if self.last else redo
        )
        self.redo_button.set_accessible(redo)

    def reset(self) -> None:
        self.client = None
        self.last = None
        self.phone.clear()
        self.name.clear()
        self.known.clear()
        self.known.hide()
        self.name.hide()
        self.redo_button.hide()


class WhatStep(Step):
    def __init__(self) -> None:
        super().__init__()
        self.service: ServiceView | None = None
        self.description = TextField(
            text_check("description", validation.DESCRIPTION_MAX), multiline=True, parent=self
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

    def missing(self) -> str:
        return "" if self.description.is_valid else self.description.message.text()

    def start(self, service: ServiceView, *, units: int | None = None) -> None:
        self.service = service
        self.units.set_range(1, service.max_units)
        self.units.set_value(min(units or service.typical_units, service.max_units))
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
    """The notice and "I agree". A client who agreed before (known by their phone)
    finds it ticked, with the day they agreed: they may still untick it."""

    def __init__(self) -> None:
        super().__init__()
        self.notice = label(parent=self)
        # When a known client agreed (None for a new one, or if the store has no date).
        self.agreed_on: datetime | None = None
        self.earlier = label(parent=self)
        self.earlier.hide()
        # A whole button, not a check box: a check box only reacts on its small square
        # and its words, and an unsure finger lands beside them.
        self.agree = TouchButton(parent=self)
        self.agree.setCheckable(True)
        self.agree.toggled.connect(self._agreed)
        self.error = label("error", parent=self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.earlier)
        layout.addWidget(self.agree, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.retranslate()

    def question(self) -> str:
        return self.tr("Your details and what we do with them")

    def is_valid(self) -> bool:
        return self.agree.isChecked()

    def missing(self) -> str:
        return "" if self.is_valid() else self.tr("Touch “I agree” to go on.")

    def offer(self, agreed_on: datetime | None) -> None:
        """The client the phone found agreed on `agreed_on` (None: a new client). Only a
        change of client ticks or unticks: the resident's own choice stays otherwise."""
        if agreed_on == self.agreed_on:
            return
        pre_ticked = self.agreed_on is not None
        self.agreed_on = agreed_on
        if agreed_on is not None:
            self.agree.setChecked(True)
        elif pre_ticked:
            self.agree.setChecked(False)
        self.earlier.setVisible(agreed_on is not None)
        self.retranslate()

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
        self.earlier.setText(
            self.tr("You already agreed on {date}.").format(date=paris_date(self.agreed_on))
            if self.agreed_on is not None
            else ""
        )
        mark = "☑" if self.agree.isChecked() else "☐"
        agree = self.tr("I agree")  # outside the f-string, where lupdate finds it
        self.agree.setText(f"{mark}  {agree}")
        self.agree.set_accessible(self.tr("I agree to the use of my details"))

    def reset(self) -> None:
        self.agreed_on = None
        self.earlier.clear()
        self.earlier.hide()
        self.agree.setChecked(False)
        self.error.clear()
