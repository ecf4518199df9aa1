"""The review: everything the order says, a line per question (service, time, address
with its floor and access, phone, description), each with "Change" that goes back to
that question and, from there, straight back here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QVBoxLayout

from kiosk_app.domain import validation
from kiosk_app.errors import ValidationError
from kiosk_app.views.catalogue import ServiceView
from kiosk_app.views.clients import AddressInput

from ..format import minutes, money, paris_slot
from ..i18n import current_lang
from ..widgets.buttons import TouchButton
from ..widgets.screen import Label, label
from .order_steps import Step
from .prices import after_credit_text

# The review's lines, in the order shown; each names the step its "Change" opens.
LINES = ("what", "when", "where", "who")


@dataclass(frozen=True, slots=True)
class Answers:
    """What the steps hold, as the review reads it."""

    service: ServiceView
    slot: tuple[datetime, datetime]
    address: AddressInput
    # A known client's address used as it is: its floor and access are not repeated
    # on a screen anyone may reach by typing a phone (DESIGN.md, "Phone first").
    address_reused: bool
    units: int
    description: str
    phone: str
    who: str


def _phone(typed: str) -> str:
    try:
        return validation.format_phone(validation.phone(typed))
    except ValidationError:
        return typed


class ReviewStep(Step):
    edit = Signal(str)  # the step to go back to: one of LINES

    def __init__(self) -> None:
        super().__init__()
        self.answers: Answers | None = None
        lines = QFrame(self)
        lines.setObjectName("reviewLines")
        grid = QGridLayout(lines)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setColumnStretch(1, 1)
        self.titles: dict[str, Label] = {}
        self.texts: dict[str, Label] = {}
        self.change: dict[str, TouchButton] = {}
        for row, name in enumerate(LINES):
            title = label(parent=lines)
            title.setObjectName("reviewTitle")
            title.setStyleSheet("font-weight: bold;")
            text = label(parent=lines)
            button = TouchButton(parent=lines)
            button.clicked.connect(lambda _=False, step=name: self.edit.emit(step))
            grid.addWidget(title, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, row, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
            self.titles[name], self.texts[name], self.change[name] = title, text, button
        self.price = label("title", parent=self)
        self.credit = label("small", parent=self)
        self.error = label("error", parent=self)
        layout = QVBoxLayout(self)
        layout.addWidget(lines)
        layout.addWidget(self.price)
        layout.addWidget(self.credit)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.retranslate()

    def question(self) -> str:
        return self.tr("Please check your order")

    def show_order(self, answers: Answers) -> None:
        self.answers = answers
        self.error.clear()
        self.retranslate()

    @property
    def summary(self) -> str:
        """Every line as the resident reads it."""
        return "\n".join(f"{self.titles[name].text()} {self.texts[name].text()}" for name in LINES)

    def _where(self, address: AddressInput, reused: bool) -> str:
        place = f"{address.street.strip()}, {address.postcode.strip()} {address.city.strip()}"
        if reused:
            return place + "\n" + self.tr("Floor and access: as last time")
        lines = [place]
        floor = address.floor
        details = [address.building.strip()] if address.building.strip() else []
        if floor is not None:
            floors = {0: self.tr("ground floor"), 1: self.tr("1st floor")}
            details.append(floors.get(floor) or self.tr("floor {n}").format(n=floor))
        if address.has_lift is not None:
            details.append(self.tr("with a lift") if address.has_lift else self.tr("no lift"))
        if details:
            lines.append(", ".join(details))
        if address.access_notes.strip():
            lines.append(self.tr("Access: {notes}").format(notes=address.access_notes.strip()))
        return "\n".join(lines)

    def retranslate(self) -> None:
        for name, title in zip(
            LINES,
            (self.tr("Service"), self.tr("When"), self.tr("Where"), self.tr("Phone")),
            strict=True,
        ):
            self.titles[name].setText(title)
            self.change[name].setText(self.tr("Change"))
            self.change[name].set_accessible(self.tr("Change: {line}").format(line=title))
        a = self.answers
        if a is None:
            for text in self.texts.values():
                text.clear()
            self.price.clear()
            self.credit.clear()
            return
        what = [
            a.service.name(current_lang()),
            self.tr("about {duration}").format(duration=minutes(a.units * a.service.unit_minutes)),
        ]
        if a.description.strip():
            what.append(self.tr("“{text}”").format(text=a.description.strip()))
        self.texts["what"].setText("\n".join(what))
        self.texts["when"].setText(
            paris_slot(*a.slot)  # one way of saying a time window in every flow
        )
        self.texts["where"].setText(self._where(a.address, a.address_reused))
        self.texts["who"].setText(f"{_phone(a.phone)}\n{a.who}")
        price = a.service.price(a.units)
        self.price.setText(
            self.tr("Estimated price: {price}").format(price=money(price.total_cents))
        )
        self.credit.setText(after_credit_text(price))

    def reset(self) -> None:
        self.answers = None
        self.error.clear()
        self.retranslate()
