"""Become a Lulu: name, phone, skills (the catalogue's categories) and availability.
The application is recorded; the attendant calls back. Ends, like the other flows, on
"Finish" and the next useful action, "Order a service"."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk_app.domain import validation
from kiosk_app.errors import ComptoirError
from kiosk_app.messages import message
from kiosk_app.views.catalogue import CategoryView

from ..context import KioskContext
from ..i18n import current_lang
from ..widgets.buttons import TouchButton
from ..widgets.field import TextField
from ..widgets.pages import Pages
from ..widgets.reflow import ReflowGrid
from ..widgets.screen import Screen, label
from ..widgets.taps import TAPS
from .endings import ending_row, finish_button

SKILL_COLUMNS = 4


def _availability(typed: str) -> str:
    return validation.bounded_text(
        typed, field="availability", max_length=validation.AVAILABILITY_MAX, required=True
    )


class BecomeLuluScreen(Screen):
    done = Signal()
    order_more = Signal()  # "Order a service": the visit goes on

    def __init__(self, context: KioskContext, categories: Sequence[CategoryView]) -> None:
        super().__init__()
        self._context = context
        self._categories = list(categories)
        self.title = label("title", parent=self)
        self.pages = Pages(self)  # as tall as the page shown: see pages.py
        form = QWidget(self.pages)
        self.intro = label(parent=form)
        self.name = TextField(validation.person_name, parent=form)
        self.phone = TextField(validation.phone, digits=True, parent=form)
        self.skills_title = label(parent=form)
        self.skills: dict[str, TouchButton] = {}
        # As many skills a row as the width holds: a long category never cut short.
        self.skill_grid = ReflowGrid(most_columns=SKILL_COLUMNS, parent=form)
        for category in self._categories:
            button = TouchButton(parent=self.skill_grid)
            button.setCheckable(True)
            button.toggled.connect(self._refresh)
            self.skills[category.code] = button
        self.skill_grid.set_buttons(list(self.skills.values()))
        self.availability = TextField(_availability, multiline=True, parent=form)
        self.send = TouchButton(role="primary", parent=form)
        self.send.set_pictogram("check")
        self.send.clicked.connect(self._send)
        self.error = label("error", parent=form)
        for field in (self.name, self.phone, self.availability):
            field.changed.connect(self._refresh)
        people = QHBoxLayout()
        people.addWidget(self.name, 1)
        people.addWidget(self.phone, 1)
        send_row = QHBoxLayout()
        send_row.addWidget(self.error, 1)
        send_row.addWidget(self.send)
        form_layout = QVBoxLayout(form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(self.intro)
        form_layout.addLayout(people)
        form_layout.addWidget(self.skills_title)
        form_layout.addWidget(self.skill_grid)
        form_layout.addWidget(self.availability)
        form_layout.addLayout(send_row)
        form_layout.addStretch(1)
        # The end: the thanks, then "Finish" and "Order a service" at the bottom, where
        # "Send my application" was not (a second tap on it lands on nothing).
        self.thanks = QWidget(self.pages)
        self.thanks_text = label("title", parent=self.thanks)
        self.finish = finish_button(self.thanks)
        self.finish.set_pictogram("check")
        self.finish.clicked.connect(self.done)
        self.another = TouchButton(parent=self.thanks)
        self.another.clicked.connect(self.order_more)
        end = QVBoxLayout(self.thanks)
        end.setContentsMargins(0, 0, 0, 0)
        end.addWidget(self.thanks_text)
        end.addStretch(1)
        end.addLayout(ending_row(self.finish, self.another))
        self.pages.addWidget(form)
        self.pages.addWidget(self.thanks)
        self._form = form
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 16, 48, 24)
        layout.addWidget(self.title)
        layout.addWidget(self.pages, 1)
        self.retranslate()
        self._refresh()

    def chosen_skills(self) -> list[str]:
        return [code for code, button in self.skills.items() if button.isChecked()]

    def _refresh(self) -> None:
        valid = all(f.is_valid for f in (self.name, self.phone, self.availability))
        self.send.setEnabled(valid and bool(self.chosen_skills()))

    def _send(self) -> None:
        name, phone = self.name.text, self.phone.text
        skills, availability = self.chosen_skills(), self.availability.text
        self.send.setEnabled(False)
        self._context.tasks.run(
            lambda: self._context.comptoir.lulus.register_application(
                name, phone, skills, availability
            ),
            self._sent,
            self._refused,
        )

    def _sent(self, _lulu_id: object) -> None:
        TAPS.screen_shown()  # "Finish" must not take a second tap on "Send"
        self.drop_focus()
        self.pages.setCurrentWidget(self.thanks)

    def _refused(self, error: Exception) -> None:
        self._refresh()
        key, params = (
            (error.key, error.params)
            if isinstance(error, ComptoirError)
            else ("error.unexpected", {})
        )
        self.error.say(lambda: message(key, current_lang(), **params))

    def retranslate(self) -> None:
        lang = current_lang()
        self.title.setText(self.tr("Become a Lulu"))
        self.intro.setText(
            self.tr(
                "Lulus are neighbours who do small services, paid for each one. Leave your "
                "details: the counter will call you back to meet you."
            )
        )
        self.name.set_title(self.tr("Your name"))
        self.phone.set_title(self.tr("Your phone number"))
        self.skills_title.setText(self.tr("What can you do? Touch one or more."))
        for category in self._categories:
            self.skills[category.code].setText(category.name(lang))
        self.skill_grid.set_buttons(list(self.skills.values()))  # new words, new widths
        self.availability.set_title(self.tr("When are you available? (e.g. weekday mornings)"))
        self.send.setText(self.tr("Send my application"))
        self.thanks_text.setText(
            self.tr("Thank you! The counter will call you back within a few days.")
        )
        self.finish.setText(self.tr("Finish"))
        self.another.setText(self.tr("Order a service"))

    def reset(self) -> None:
        for field in (self.name, self.phone, self.availability):
            field.clear()
        for button in self.skills.values():
            button.setChecked(False)
        self.error.clear()
        self.pages.setCurrentWidget(self._form)
        self._refresh()
