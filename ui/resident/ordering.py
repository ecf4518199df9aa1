"""Ordering, one question a screen, with a progress bar, a back button and a next button
that stays disabled until the question is answered. The last step places the order
through the core in one transaction."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QProgressBar,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk_app.errors import ComptoirError, ValidationError
from kiosk_app.messages import message
from kiosk_app.views.catalogue import ServiceView
from kiosk_app.views.clients import ClientView
from kiosk_app.views.orders import OrderRequest, OrderView
from sync.protocol import Channel

from ..context import KioskContext
from ..i18n import current_lang
from ..widgets.buttons import TouchButton
from ..widgets.screen import Screen, label
from ..widgets.taps import TAPS
from .order_steps import (
    ConsentStep,
    ReviewStep,
    Step,
    WhatStep,
    WhenStep,
    WhereStep,
    WhoStep,
    initials,
)

# Which step asks for each field the core may refuse.
FIELD_STEPS = {
    "slot": 0,
    "street": 1,
    "postcode": 1,
    "city": 1,
    "building": 1,
    "floor": 1,
    "access_notes": 1,
    "phone": 2,
    "name": 2,
    "description": 3,
    "units": 3,
    "consent": 4,
}


class OrderScreen(Screen):
    placed = Signal(object)  # OrderView
    back_to_service = Signal()

    def __init__(self, context: KioskContext) -> None:
        super().__init__()
        self._context = context
        self.service: ServiceView | None = None
        self.request_id = uuid.uuid4()
        self.when = WhenStep()
        self.where = WhereStep()
        self.who = WhoStep(self._find_client)
        self.what = WhatStep()
        self.consent = ConsentStep()
        self.review = ReviewStep()
        self.steps: list[Step] = [
            self.when,
            self.where,
            self.who,
            self.what,
            self.consent,
            self.review,
        ]
        self.question = label("title", parent=self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, len(self.steps))
        # The step is said beside the bar: text drawn over the bar's colour is unreadable
        # where the chunk ends.
        self.progress.setTextVisible(False)
        self.step_label = label("small", parent=self)
        self.stack = QStackedWidget()
        for step in self.steps:
            self.stack.addWidget(step)
            step.changed.connect(self._refresh)
        self.step_area = QScrollArea(self)
        self.step_area.setWidgetResizable(True)
        self.step_area.setFrameShape(QFrame.Shape.NoFrame)
        self.step_area.setWidget(self.stack)
        self.back = TouchButton(parent=self)
        self.back.set_pictogram("back")
        self.back.clicked.connect(self._back)
        self.next = TouchButton(role="primary", parent=self)
        self.next.clicked.connect(self._next)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.next)
        # On the review, "Confirm my order" moves from the right edge to the middle:
        # a double tap on the consent step's "Next" cannot land on it (taps.py guards
        # the time, this the place).
        buttons.addStretch(0)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 8, 32, 12)
        progress = QHBoxLayout()
        progress.addWidget(self.progress, 1)
        progress.addWidget(self.step_label)
        layout.addLayout(progress)
        layout.addWidget(self.question)
        layout.addWidget(self.step_area, 1)
        layout.addLayout(buttons)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._keep_focus_visible)
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
    def index(self) -> int:
        return self.stack.currentIndex()

    def _go(self, index: int) -> None:
        self.drop_focus()
        TAPS.screen_shown()  # a new question: a double tap must not answer it too
        self.stack.setCurrentIndex(index)
        if self.steps[index] is self.review:
            self._show_review()
        self.step_area.verticalScrollBar().setValue(0)
        self._refresh()

    def _back(self) -> None:
        if self.index == 0:
            self.back_to_service.emit()
        else:
            self._go(self.index - 1)

    def _next(self) -> None:
        if not self.steps[self.index].is_valid():
            return
        if self.steps[self.index] is self.review:
            self._place()
        else:
            self._go(self.index + 1)

    def _refresh(self) -> None:
        self.progress.setValue(self.index + 1)
        self.step_label.setText(
            self.tr("Step {step} of {count}").format(step=self.index + 1, count=len(self.steps))
        )
        self.progress.setAccessibleName(self.step_label.text())
        self.question.setText(self.steps[self.index].question())
        self.next.setEnabled(self.steps[self.index].is_valid())
        on_review = self.steps[self.index] is self.review
        self.next.setText(self.tr("Confirm my order") if on_review else self.tr("Next"))
        self.next.set_pictogram("check" if on_review else "next")
        self.buttons.setStretch(3, 1 if on_review else 0)

    def _keep_focus_visible(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.stack.isAncestorOf(new):
            self.step_area.ensureWidgetVisible(new, 16, 32)

    # --- the order -------------------------------------------------------------------

    def _find_client(self, phone: str) -> ClientView | None:
        try:
            return self._context.comptoir.clients.find_by_phone(phone)
        except ValidationError:
            return None

    def _who_name(self) -> str:
        client = self.who.client
        if client is not None:
            return initials(client.name)
        return str(self.who.name.value or "")

    def _show_review(self) -> None:
        slot = self.when.picker.slot()
        assert self.service is not None and slot is not None
        self.review.show_order(
            self.service, slot, self.where.address(), self.what.units.value(), self._who_name()
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
        first = min((FIELD_STEPS.get(name, 5) for name in error.fields), default=5)
        for name, key in error.fields.items():
            if name in fields:
                fields[name].show_error(key, **error.params)
        keys, params = list(error.fields.values()), dict(error.params)

        def texts() -> str:
            return "\n".join(message(key, current_lang(), **params) for key in keys)

        self.review.error.say(texts)
        if first == 0:
            self.when.picker.set_now(self._context.clock())
        self._go(first)
        if first < 5:
            step_error = getattr(self.steps[first], "error", None)
            if step_error is not None:
                step_error.say(texts)

    def retranslate(self) -> None:
        self.back.setText(self.tr("Back"))
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        on_review = self.steps[self.index] is self.review
        ready = self.service is not None and self.when.picker.slot() is not None
        if event.type() == QEvent.Type.LanguageChange and on_review and ready:
            self._show_review()

    def reset(self) -> None:
        self.service = None
        for step in self.steps:
            step.reset()
        self.stack.setCurrentIndex(0)
        self._refresh()
