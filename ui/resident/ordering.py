"""Ordering, one question a screen, the phone first: a known client gets their address
back and may redo their last order. A fixed bottom bar (order_bar.py) holds "Back",
where the resident is, and "Next", which stays disabled until the question is answered
and says what is missing when touched. The review's "Change" goes back to a question
and returns to the review. The last step places the order through the core in one
transaction. "Home" in the middle asks before throwing the order away."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QScrollArea,
    QVBoxLayout,
)

from kiosk_app.errors import ComptoirError, NotFound, ValidationError
from kiosk_app.messages import message
from kiosk_app.views.catalogue import ServiceView
from kiosk_app.views.clients import ClientView
from kiosk_app.views.orders import OrderRequest, OrderView
from sync.protocol import Channel

from ..context import KioskContext
from ..i18n import current_lang
from ..widgets.focus_in_sight import FocusInSight
from ..widgets.pages import Pages
from ..widgets.screen import Screen, label
from ..widgets.taps import TAPS
from .abandon_panel import AbandonPanel
from .order_bar import OrderBar
from .order_steps import ConsentStep, Step, WhatStep, WhenStep, WhoStep, initials
from .review_step import Answers, ReviewStep
from .where_step import WhereStep

# Which step asks for each field the core may refuse.
FIELD_STEPS = {
    "phone": 0,
    "name": 0,
    "slot": 1,
    "street": 2,
    "postcode": 2,
    "city": 2,
    "building": 2,
    "floor": 2,
    "access_notes": 2,
    "description": 3,
    "units": 3,
    "consent": 4,
}
REVIEW = 5


class OrderScreen(Screen):
    placed = Signal(object)  # OrderView
    back_to_service = Signal()
    abandoned = Signal()

    def __init__(self, context: KioskContext) -> None:
        super().__init__()
        self._context = context
        self.service: ServiceView | None = None
        self.request_id = uuid.uuid4()
        # "Change" on the review: the step's "Next" returns to the review.
        self.from_review = False
        self.who = WhoStep(self._find_client, self._context.comptoir.orders.last_for_phone)
        self.when = WhenStep()
        self.where = WhereStep()
        self.what = WhatStep()
        self.consent = ConsentStep()
        self.review = ReviewStep()
        self.steps: list[Step] = [
            self.who,
            self.when,
            self.where,
            self.what,
            self.consent,
            self.review,
        ]
        self.who.changed.connect(self._client_known)
        self.who.redo.connect(self.redo)
        self.review.edit.connect(self._edit)
        self.question = label("title", parent=self)
        # As tall as the step shown (not as the tallest step, as a QStackedWidget
        # would be): a scroll bar only when the step shown does not fit.
        self.stack = Pages()
        for step in self.steps:
            self.stack.addWidget(step)
            step.changed.connect(self._refresh)
        self.step_area = QScrollArea(self)
        self.step_area.setWidgetResizable(True)
        self.step_area.setFrameShape(QFrame.Shape.NoFrame)
        self.step_area.setWidget(self.stack)
        # The touch-wide scroll bar's own minimum (arrows, handle) would make this area
        # taller than larger text leaves above the keyboard at 1280×800; the focused field
        # is scrolled into sight, also once the keyboard has opened, the rest scrolls.
        self.step_area.setMinimumHeight(48)
        self.focus_in_sight = FocusInSight(self.step_area)
        self.bar = OrderBar(parent=self)
        self.back, self.next = self.bar.back, self.bar.next
        self.step_label = self.bar.step_label
        self.back.set_pictogram("back")
        self.back.clicked.connect(self._back)
        self.next.clicked.connect(self._next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 8, 32, 12)
        layout.addWidget(self.question)
        layout.addWidget(self.step_area, 1)
        layout.addWidget(self.bar)
        self.abandon = AbandonPanel(self)
        self.abandon.abandoned.connect(self.abandoned.emit)
        self.retranslate()

    # --- navigation ------------------------------------------------------------------

    def start(self, service: ServiceView) -> None:
        self.reset()
        # One order per visit to these steps: the core places it once under this id,
        # however many times "Confirm my order" reaches it.
        self.request_id = uuid.uuid4()
        self.service = service
        self.when.start(self._context.clock())
        self.what.start(service)
        self._go(0)

    @property
    def started(self) -> bool:
        """An order is under way here (something to lose on "Home")."""
        return self.service is not None

    @property
    def index(self) -> int:
        return self.stack.currentIndex()

    def _go(self, index: int) -> None:
        self.drop_focus()
        TAPS.screen_shown()  # a new question: a double tap must not answer it too
        self.stack.setCurrentIndex(index)
        self.bar.set_missing(self.steps[index].missing)
        if index == REVIEW:
            self.from_review = False
            self._show_review()
        self.step_area.verticalScrollBar().setValue(0)
        self._refresh()

    def _back(self) -> None:
        if self.from_review:
            self._go(REVIEW)
        elif self.index == 0:
            self.back_to_service.emit()
        else:
            self._go(self.index - 1)

    def _next(self) -> None:
        if not self.steps[self.index].is_valid():
            return
        if self.index == REVIEW:
            self._place()
        elif self.from_review:
            # A question left unanswered by the change first: a new phone is a new
            # client, whose "I agree" a known client's no longer ticks.
            unanswered = [i for i, step in enumerate(self.steps[:REVIEW]) if not step.is_valid()]
            self._go(unanswered[0] if unanswered else REVIEW)
        else:
            self._go(self.index + 1)

    def _edit(self, step: str) -> None:
        """The review's "Change": that question, then straight back to the review."""
        target = {"who": self.who, "when": self.when, "where": self.where, "what": self.what}
        self._go(self.steps.index(target[step]))
        self.from_review = True
        self._refresh()

    def _refresh(self) -> None:
        step = self.steps[self.index]
        self.bar.show_step(
            self.index,
            len(self.steps),
            self.tr("Step {step} of {count}").format(step=self.index + 1, count=len(self.steps)),
        )
        self.question.setText(step.question())
        self.next.setEnabled(step.is_valid())
        if self.bar.hint.isVisible():
            self.bar.say_missing()  # what is still missing now (or nothing more)
        on_review = self.index == REVIEW
        if on_review:
            self.next.setText(self.tr("Confirm my order"))
        elif self.from_review:
            self.next.setText(self.tr("Back to the review"))
        else:
            self.next.setText(self.tr("Next"))
        self.bar.set_confirming(on_review)
        self.next.set_pictogram("check" if on_review else "next")

    # --- a known client ----------------------------------------------------------------

    def _find_client(self, phone: str) -> ClientView | None:
        try:
            return self._context.comptoir.clients.find_by_phone(phone)
        except ValidationError:
            return None

    def _client_known(self) -> None:
        client = self.who.client
        self.where.offer(client.address if client is not None else None)
        self.consent.offer(client.consent_at if client is not None else None)

    def redo(self, last: OrderView) -> None:
        """ "Redo my last order": its service, duration and description, the same
        address; the resident still chooses a time and reviews."""
        try:
            service = self._context.comptoir.catalogue.service(last.service_id)
        except NotFound:
            self.bar.hint.say(lambda: self.tr("This service is no longer offered."))
            self.bar.hint.show()
            return
        self.service = service
        self.what.start(service, units=last.estimated_units)
        self.what.description.set_text(last.description)
        self.what.description.clear_touch()
        self.where.offer(self.who.client.address if self.who.client else None)
        if self.where.known is not None:
            self.where.choose_same(True)
        self._go(self.steps.index(self.when))
        # After the time, straight to the review (the rest is the last order's).
        self.from_review = self.where.is_valid() and self.what.is_valid()
        self._refresh()

    # --- "Home" in the middle ----------------------------------------------------------

    def ask_abandon(self) -> None:
        self.drop_focus()
        self.abandon.ask()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.abandon.setGeometry(self.rect())

    # --- the order -------------------------------------------------------------------

    def _who_name(self) -> str:
        client = self.who.client
        if client is not None:
            return initials(client.name)
        return str(self.who.name.value or "")

    def _show_review(self) -> None:
        slot = self.when.picker.slot()
        assert self.service is not None and slot is not None
        self.review.show_order(
            Answers(
                service=self.service,
                slot=slot,
                address=self.where.address(),
                address_reused=self.where.reused,
                units=self.what.units.value(),
                description=self.what.description.text,
                phone=self.who.phone.text,
                who=self._who_name(),
            )
        )

    def request(self) -> OrderRequest:
        slot = self.when.picker.slot()
        assert self.service is not None and slot is not None
        return OrderRequest(
            service_id=self.service.id,
            slot_start=slot[0],
            slot_end=slot[1],
            estimated_units=self.what.units.value(),
            phone=self.who.phone.text,
            address=self.where.address(),
            channel=Channel.SELF_SERVICE,
            name="" if self.who.client else self.who.name.text,
            description=self.what.description.text,
            lang=current_lang(),
            consent=self.consent.agree.isChecked(),
        )

    def _place(self) -> None:
        request, request_id = self.request(), self.request_id
        self.next.setEnabled(False)  # one order per touch, however impatient the finger
        self.back.setEnabled(False)
        orders = self._context.comptoir.orders
        self._context.tasks.run(
            lambda: orders.place(request, request_id=request_id), self._placed, self._refused
        )

    def _placed(self, order: OrderView) -> None:
        self.back.setEnabled(True)
        self.placed.emit(order)

    def _refused(self, error: Exception) -> None:
        self.back.setEnabled(True)
        self._refresh()
        if isinstance(error, ValidationError):
            self._show_refusal(error)
        else:
            key, params = (
                (error.key, error.params)
                if isinstance(error, ComptoirError)
                else ("error.unexpected", {})
            )
            self.review.error.say(lambda: message(key, current_lang(), **params))

    def _show_refusal(self, error: ValidationError) -> None:
        """The core refused a field (the slot passed while the resident was typing, for
        instance): go back to the question and say why, beside the field."""
        fields = {
            **self.where.fields,
            "phone": self.who.phone,
            "name": self.who.name,
            "description": self.what.description,
        }
        first = min((FIELD_STEPS.get(name, REVIEW) for name in error.fields), default=REVIEW)
        for name, key in error.fields.items():
            if name in fields:
                fields[name].show_error(key, **error.params)
        keys, params = list(error.fields.values()), dict(error.params)

        def texts() -> str:
            return "\n".join(message(key, current_lang(), **params) for key in keys)

        self.review.error.say(texts)
        if self.steps[first] is self.when:
            self.when.picker.set_now(self._context.clock())
        self._go(first)
        if first < REVIEW:
            # Answered again, the question goes back to the review.
            self.from_review = True
            self._refresh()
            step_error = getattr(self.steps[first], "error", None)
            if step_error is not None:
                step_error.say(texts)

    def retranslate(self) -> None:
        self.back.setText(self.tr("Back"))
        self.abandon.retranslate()
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        ready = self.service is not None and self.when.picker.slot() is not None
        if event.type() == QEvent.Type.LanguageChange and self.index == REVIEW and ready:
            self._show_review()

    def reset(self) -> None:
        self.service = None
        self.from_review = False
        self.abandon.hide()
        for step in self.steps:
            step.reset()
        self.stack.setCurrentIndex(0)
        self.bar.set_missing(self.who.missing)
        self._refresh()
