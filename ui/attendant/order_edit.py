"""Editing an order inside its detail page: a new slot (or the one it has), the
estimated duration with its price, what is to be done and the address details. The
core decides (kiosk_app/services/order_edits.py); its refusals show beside the field
concerned, and the write runs off the GUI thread with the attendant's id."""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk_app.domain import validation
from kiosk_app.domain.pricing import price_for
from kiosk_app.errors import ComptoirError, ValidationError
from kiosk_app.views.clients import AddressInput
from kiosk_app.views.orders import EditResult, OrderChanges, OrderView

from ..context import KioskContext
from ..format import money, paris_slot
from ..widgets.buttons import TouchButton
from ..widgets.field import TextField, show_refusal
from ..widgets.reflow import ReflowGrid
from ..widgets.screen import Screen, label
from ..widgets.slot_picker import SlotPicker
from ..widgets.stepper import Stepper
from .order_field import Field


def _text(field: str, max_length: int, *, required: bool = False) -> Callable[[str], str]:
    return partial(validation.bounded_text, field=field, max_length=max_length, required=required)


def _floor(typed: str) -> int | None:
    """A floor typed on the keypad: empty is "not known"; "-1" is the cellar."""
    text = typed.strip()
    if not text:
        return None
    sign, digits = (-1, text[1:]) if text.startswith("-") else (1, text)
    if not digits.isdecimal() or len(digits) > 3:
        raise ValidationError(
            {"floor": "floor.out_of_range"}, min=validation.FLOOR_MIN, max=validation.FLOOR_MAX
        )
    return validation.floor(sign * int(digits))


def _bold(text: str) -> str:
    return f"<b>{html.escape(text)}</b>"


# The lift buttons' order: there is one, there is none, nobody said.
LIFT_CHOICES: tuple[bool | None, ...] = (True, False, None)


class OrderEditPanel(Screen):  # a Screen: it retranslates itself
    saved = Signal(object)  # EditResult
    cancelled = Signal()

    def __init__(self, context: KioskContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.order: OrderView | None = None
        self.attendant_id: uuid.UUID | None = None

        self.title = label(parent=self)
        self.slot_now = label(parent=self)
        self.picker = SlotPicker(parent=self)
        self.picker.day_title.hide()
        self.picker.window_title.hide()
        # As on the counter's order form: seven days a row fit the width at 1280 px.
        self.picker.setStyleSheet(
            "QPushButton { padding: 0 4px; font-size: 18px; min-height: 52px; }"
        )
        self.slot_error = label("error", parent=self)
        self.keep_slot = TouchButton(parent=self)
        self.keep_slot.clicked.connect(self.picker.clear)

        self.units_title = label(parent=self)
        self.units = Stepper(parent=self)
        self.units.shown.setMinimumWidth(0)
        self.units.shown.setProperty("role", "")
        self.units.shown.setWordWrap(False)  # "12 × 20 min : 60 €" on one line
        # As on the order form: a third of the page is narrow for the theme's buttons.
        self.units.setStyleSheet(
            "QPushButton { min-width: 48px; min-height: 52px; padding: 0 8px; }"
        )
        self.units.changed.connect(lambda _units: self._show_price())
        self.units_error = label("error", parent=self)
        self.description = Field(_text("description", validation.DESCRIPTION_MAX), multiline=True)
        self.description.editor.setMaximumHeight(100)

        self.street = Field(_text("street", validation.STREET_MAX, required=True))
        self.postcode = Field(validation.postcode, digits=True)
        self.city = Field(_text("city", validation.CITY_MAX, required=True))
        self.building = Field(_text("building", validation.BUILDING_MAX))
        self.floor = Field(_floor, digits=True)
        self.access = Field(_text("access_notes", validation.ACCESS_NOTES_MAX))
        self.lift_title = label(wrap=False, parent=self)
        self._lift_group = QButtonGroup(self)
        self.lift_buttons: list[TouchButton] = []
        for index in range(len(LIFT_CHOICES)):
            button = TouchButton(parent=self)
            button.setCheckable(True)
            # Less padding than the theme's: three answers beside their question.
            button.setStyleSheet("QPushButton { padding: 0 12px; min-height: 52px; }")
            self._lift_group.addButton(button, index)
            self.lift_buttons.append(button)

        self.error = label("error", parent=self)
        self.cancel = TouchButton(parent=self)
        self.cancel.clicked.connect(self.cancelled)
        self.save = TouchButton(role="primary", parent=self)
        self.save.clicked.connect(self._save)
        for field in self.fields().values():
            field.changed.connect(self._refresh)
        self._lay_out()
        self._clear_refusals()
        self.retranslate()

    def fields(self) -> dict[str, TextField]:
        """The typed fields, by the names the core's refusals give them."""
        return {
            "description": self.description,
            "street": self.street,
            "postcode": self.postcode,
            "city": self.city,
            "building": self.building,
            "floor": self.floor,
            "access_notes": self.access,
        }

    def _lay_out(self) -> None:
        """Save and Cancel at the top, by what the panel is (in sight even with the
        keyboard up); the slot across the width (seven days a row); then two columns:
        what is to be done and how to get in | the address. Field titles stay on one
        line: a title wrapping in a narrow column makes the scrolling page misjudge its
        height and squeeze the fields."""
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.cancel)
        head.addWidget(self.save)
        slot_head = QHBoxLayout()
        slot_head.addWidget(self.slot_now, 1)
        slot_head.addWidget(self.keep_slot)
        # Two columns side by side, or one under the other on a narrow page (1024 px,
        # portrait): the page never scrolls sideways.
        self.columns = ReflowGrid(
            most_columns=2,
            need=lambda column: column.minimumSizeHint().width(),
            spacing=24,
            parent=self,
        )
        what_box, where_box = QWidget(self.columns), QWidget(self.columns)
        what = QVBoxLayout(what_box)
        what.setContentsMargins(0, 0, 0, 0)
        widget: QWidget
        for widget in (
            self.units_title,
            self.units,
            self.units_error,
            self.description,
            self.access,
        ):
            what.addWidget(widget)
        what.addStretch(1)
        where = QVBoxLayout(where_box)
        where.setContentsMargins(0, 0, 0, 0)
        where.addWidget(self.street)
        for pair in ((self.postcode, self.city), (self.building, self.floor)):
            row = QHBoxLayout()
            row.setSpacing(12)
            for field in pair:
                row.addWidget(field, 1)
            where.addLayout(row)
        lift = QHBoxLayout()
        lift.addWidget(self.lift_title)
        for button in self.lift_buttons:
            lift.addWidget(button)
        lift.addStretch(1)
        where.addLayout(lift)
        where.addStretch(1)
        for column in (what, where):
            column.setSpacing(4)
        self.columns.set_buttons([what_box, where_box])
        for typed in self.fields().values():
            typed.title.setWordWrap(False)
            # Never squeezed under their height: the page scrolls instead.
            typed.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.error)
        layout.addLayout(slot_head)
        layout.addWidget(self.picker)
        layout.addWidget(self.slot_error)
        layout.addWidget(self.columns)
        layout.addStretch(1)

    # --- opening ----------------------------------------------------------------------

    def start(self, order: OrderView, attendant_id: uuid.UUID | None) -> None:
        """Fill the panel with `order` as it is: saving unchanged writes nothing."""
        self.order = order
        self.attendant_id = attendant_id
        self.picker.set_now(self._context.clock())
        try:
            max_units = self._context.comptoir.catalogue.service(order.service_id).max_units
        except ComptoirError:
            max_units = order.estimated_units  # a service gone from the catalogue
        self.units.set_range(1, max(max_units, order.estimated_units))
        self.units.set_value(order.estimated_units)
        address = order.address
        self.description.set_text(order.description)
        self.street.set_text(address.street)
        self.postcode.set_text(address.postcode)
        self.city.set_text(address.city)
        self.building.set_text(address.building)
        self.floor.set_text("" if address.floor is None else str(address.floor))
        self.access.set_text(address.access_notes)
        for field in (self.street, self.access):  # the start of the text shows
            if isinstance(field.editor, QLineEdit):
                field.editor.setCursorPosition(0)
        self._lift_group.button(LIFT_CHOICES.index(address.has_lift)).setChecked(True)
        self._clear_refusals()
        self.save.setEnabled(True)
        self._show_price()
        self.retranslate()

    def changes(self) -> OrderChanges:
        """What the panel holds, for the core to validate and compare."""
        assert self.order is not None
        return OrderChanges(
            slot=self.picker.slot(),  # None: no new day and time chosen, the slot stays
            estimated_units=self.units.value(),
            description=self.description.text,
            address=AddressInput(
                street=self.street.text,
                postcode=self.postcode.text,
                city=self.city.text,
                building=self.building.text,
                floor=self.floor.value if self.floor.is_valid else None,
                has_lift=LIFT_CHOICES[max(self._lift_group.checkedId(), 0)],
                access_notes=self.access.text,
            ),
        )

    # --- saving -----------------------------------------------------------------------

    def _save(self) -> None:
        if self.order is None:
            return
        if not self.floor.is_valid:  # the keypad's text is not a floor: say so, send nothing
            self.floor.show_error(
                "floor.out_of_range", min=validation.FLOOR_MIN, max=validation.FLOOR_MAX
            )
            return
        order_id, who, changes = self.order.id, self.attendant_id, self.changes()
        edits = self._context.comptoir.order_edits
        self._clear_refusals()
        self.save.setEnabled(False)  # one edit per tap
        self._context.tasks.run(
            lambda: edits.edit(order_id, changes, attendant_id=who), self._saved, self._refused
        )

    def _saved(self, result: EditResult) -> None:
        self.save.setEnabled(True)
        self.saved.emit(result)

    def _refused(self, error: Exception) -> None:
        self.save.setEnabled(True)
        elsewhere = {"slot": self.slot_error, "units": self.units_error}

        def say(field: str, text: str) -> None:
            shown = elsewhere.get(field, self.error)
            shown.setText(text)
            shown.show()

        show_refusal(error, self.fields(), say)

    def _clear_refusals(self) -> None:
        """An empty message takes no room: the fields below stay close."""
        for text in (self.error, self.slot_error, self.units_error):
            text.clear()
            text.hide()

    def _refresh(self) -> None:
        self.save.setEnabled(all(field.is_valid for field in self.fields().values()))

    # --- words ------------------------------------------------------------------------

    def _show_price(self) -> None:
        order = self.order
        if order is None:
            self.units.set_display("")
            return
        units = self.units.value()
        price = price_for(units, order.unit_price_cents, tax_credit_eligible=order.tax_credit)
        self.units.set_display(
            self.tr("{units} × {minutes} min: {price}").format(
                units=units, minutes=order.unit_minutes, price=money(price.total_cents)
            )
        )

    def retranslate(self) -> None:
        order = self.order
        self.title.setText(_bold(self.tr("Editing: nothing changes until you save.")))
        if order is not None:
            now = self.tr("(now {slot})").format(slot=paris_slot(order.slot_start, order.slot_end))
            title = self.tr("New day and time")
            self.slot_now.setText(f"{_bold(title)} {html.escape(now)}")
        self.keep_slot.setText(self.tr("Keep this slot"))
        self.units_title.setText(_bold(self.tr("Estimated duration")))
        self.units.set_names(self.tr("One unit less"), self.tr("One unit more"))
        self._show_price()
        self.description.set_title(self.tr("What the Lulu is to do"))
        self.street.set_title(self.tr("Street, number"))
        self.postcode.set_title(self.tr("Postcode (5 digits)"))
        self.city.set_title(self.tr("Town"))
        self.building.set_title(self.tr("Building, staircase"))
        self.floor.set_title(self.tr("Floor (empty if unknown)"))
        self.lift_title.setText(self.tr("Lift:"))
        words: dict[Any, str] = {
            True: self.tr("Yes"),
            False: self.tr("No"),
            None: self.tr("Unknown"),
        }
        for button, choice in zip(self.lift_buttons, LIFT_CHOICES, strict=True):
            button.setText(words[choice])
            button.set_accessible(self.tr("Lift: {answer}").format(answer=words[choice]))
        self.access.set_title(self.tr("Access: door code, floor, door"))
        self.cancel.setText(self.tr("Cancel"))
        self.save.setText(self.tr("Save the changes"))

    def reset(self) -> None:
        """Forget the order and everything typed (the counter locked)."""
        self.order = None
        self.attendant_id = None
        for field in self.fields().values():
            field.clear()
        for text in (self.title, self.slot_now):
            text.clear()
        self._clear_refusals()
        self.picker.clear()
