"""Where the Lulu comes: a known client's address offered back ("Same address?"),
shown only as much as recognising it takes; or an address typed."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QVBoxLayout, QWidget

from kiosk_app.domain import validation
from kiosk_app.errors import ValidationError
from kiosk_app.views.clients import AddressInput

from ..widgets.buttons import TouchButton
from ..widgets.field import TextField
from ..widgets.screen import label
from .order_steps import (
    REQUIRED_MARK,
    Step,
    legend_text,
    missing_fields,
    required_legend,
    text_check,
)


def _floor(typed: str) -> int | None:
    typed = typed.strip()
    if not typed:
        return None
    if not (typed.lstrip("-").isdigit() and len(typed) <= 3):
        raise ValidationError(
            {"floor": "floor.out_of_range"}, min=validation.FLOOR_MIN, max=validation.FLOOR_MAX
        )
    return validation.floor(int(typed))


def recognisable(address: AddressInput) -> str:
    """ "12 rue François Miron, 75004": enough for a resident to recognise their own
    address on a street kiosk where anyone may type a phone; never the floor, the
    building, the door code nor the name (DESIGN.md, "Phone first")."""
    return ", ".join(part for part in (address.street.strip(), address.postcode.strip()) if part)


class WhereStep(Step):
    def __init__(self) -> None:
        super().__init__()
        # A known client's address, offered back ("Same address?"); None: typed.
        self.known: AddressInput | None = None
        self.same: bool | None = None
        self.same_title = label("title", parent=self)
        self.same_address = label(parent=self)
        self.same_address.setObjectName("sameAddress")
        self.same_yes = TouchButton(parent=self)
        self.same_no = TouchButton(parent=self)
        self._same = QButtonGroup(self)
        for button in (self.same_yes, self.same_no):
            button.setCheckable(True)
            self._same.addButton(button)
        self.same_yes.clicked.connect(lambda: self.choose_same(True))
        self.same_no.clicked.connect(lambda: self.choose_same(False))
        same_row = QHBoxLayout()
        same_row.addWidget(self.same_yes)
        same_row.addWidget(self.same_no)
        same_row.addStretch(1)
        self.typed = QWidget(self)
        self.street = TextField(
            text_check("street", validation.STREET_MAX, required=True), parent=self.typed
        )
        self.postcode = TextField(validation.postcode, digits=True, parent=self.typed)
        self.city = TextField(
            text_check("city", validation.CITY_MAX, required=True), parent=self.typed
        )
        self.building = TextField(
            text_check("building", validation.BUILDING_MAX), parent=self.typed
        )
        self.floor = TextField(_floor, digits=True, parent=self.typed)
        self.notes = TextField(
            text_check("access_notes", validation.ACCESS_NOTES_MAX),
            multiline=True,
            parent=self.typed,
        )
        self.lift_title = label(parent=self.typed)
        self.lift_yes = TouchButton(parent=self.typed)
        self.lift_no = TouchButton(parent=self.typed)
        self._lift = QButtonGroup(self)
        for button in (self.lift_yes, self.lift_no):
            button.setCheckable(True)
            self._lift.addButton(button)
        self.legend = required_legend(self.typed)
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
        typed = QVBoxLayout(self.typed)
        typed.setContentsMargins(0, 0, 0, 0)
        typed.addWidget(self.legend)
        typed.addWidget(self.street)
        typed.addLayout(pair)
        typed.addLayout(pair2)
        typed.addLayout(lift)
        typed.addWidget(self.notes)
        layout = QVBoxLayout(self)
        layout.addWidget(self.same_title)
        layout.addWidget(self.same_address)
        layout.addLayout(same_row)
        layout.addWidget(self.typed)
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
        if self.known is not None and self.same is not False:
            return self.same is True
        return all(field.is_valid for field in self.fields.values())

    def missing(self) -> str:
        if self.known is not None and self.same is None:
            return self.tr("Say whether the Lulu comes to this address.")
        return missing_fields(list(self.fields.values()))

    def offer(self, known: AddressInput | None) -> None:
        """A known client's address, to offer back (None: a new resident types it)."""
        if known is not None and not known.street.strip():
            known = None
        if known != self.known:
            self.known = known
            self.choose_same(None)
        self.retranslate()

    def choose_same(self, same: bool | None) -> None:
        """Yes (the known address), no (another, typed), or not said yet (None)."""
        self.same = same
        self._same.setExclusive(False)
        self.same_yes.setChecked(same is True)
        self.same_no.setChecked(same is False)
        self._same.setExclusive(True)
        offered = self.known is not None
        for widget in (self.same_title, self.same_address, self.same_yes, self.same_no):
            widget.setVisible(offered)
        # The fields appear empty for "another address": a known address is never
        # written into them (the door code would show to whoever typed the phone).
        self.typed.setVisible(not offered or same is False)
        self.changed.emit()

    def address(self) -> AddressInput:
        if self.known is not None and self.same is True:
            return self.known
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

    @property
    def reused(self) -> bool:
        """The known address is used as it is (its floor and access stay unsaid)."""
        return self.known is not None and self.same is True

    def retranslate(self) -> None:
        self.same_title.setText(self.tr("Same address as last time?"))
        self.same_address.setText(recognisable(self.known) if self.known else "")
        self.same_yes.setText(self.tr("Yes, this address"))
        self.same_no.setText(self.tr("No, another address"))
        self.street.set_title(self.tr("Number and street") + REQUIRED_MARK)
        self.postcode.set_title(self.tr("Postcode") + REQUIRED_MARK)
        self.city.set_title(self.tr("City") + REQUIRED_MARK)
        self.building.set_title(self.tr("Building, staircase (if any)"))
        self.floor.set_title(self.tr("Floor (0 for the ground floor)"))
        self.notes.set_title(self.tr("Door code, how to get in (if needed)"))
        self.lift_title.setText(self.tr("Is there a lift?"))
        self.lift_yes.setText(self.tr("Yes, a lift"))
        self.lift_no.setText(self.tr("No lift"))
        self.legend.setText(legend_text())

    def reset(self) -> None:
        for field in self.fields.values():
            field.clear()
        self.city.set_text("Paris")
        self._lift.setExclusive(False)
        self.lift_yes.setChecked(False)
        self.lift_no.setChecked(False)
        self._lift.setExclusive(True)
        self.known = None
        self.same_address.clear()
        self.choose_same(None)
