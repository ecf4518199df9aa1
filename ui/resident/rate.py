"""Rate a service: the phone (and the number, if the resident has it), then 1 to 5
stars and a comment. A done order only, and once. Ends on "Finish" and "Order a
service"."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk_app.domain import validation
from kiosk_app.errors import ComptoirError
from kiosk_app.messages import message
from kiosk_app.views.orders import RATABLE, OrderView

from ..context import KioskContext
from ..i18n import current_lang
from ..widgets.buttons import TouchButton
from ..widgets.field import TextField
from ..widgets.screen import Screen, label
from ..widgets.taps import TAPS
from .endings import ending_row, finish_button
from .lookup import OrderLookup

# A lit star is filled, an unlit one only outlined: the choice reads without colours.
LIT, UNLIT = "★", "☆"


def _comment(typed: str) -> str:
    return validation.bounded_text(typed, field="comment", max_length=validation.COMMENT_MAX)


class RateScreen(Screen):
    done = Signal()
    order_more = Signal()  # "Order a service": the visit goes on

    def __init__(self, context: KioskContext) -> None:
        super().__init__()
        self._request_id = uuid.uuid4()
        self._context = context
        self.order: OrderView | None = None
        self.title = label("title", parent=self)
        self.pages = QStackedWidget(self)
        self.lookup = OrderLookup(
            context, wanted=lambda order: order.status in RATABLE, parent=self.pages
        )
        self.lookup.found.connect(self._found)

        self.stars_page = QWidget(self.pages)
        self.about = label(parent=self.stars_page)
        self.stars: list[TouchButton] = []
        self._stars = QButtonGroup(self)
        # Several stars light up together: 3 stars checks the first three.
        self._stars.setExclusive(False)
        self._chosen = 0
        stars_row = QHBoxLayout()
        for count in range(1, 6):
            star = TouchButton(UNLIT, role="star", parent=self.stars_page)
            star.setCheckable(True)
            self._stars.addButton(star, count)
            self.stars.append(star)
            stars_row.addWidget(star)
        stars_row.addStretch(1)
        self._stars.idClicked.connect(self._starred)
        self.comment = TextField(_comment, multiline=True, parent=self.stars_page)
        self.comment.changed.connect(self._refresh)
        self.send = TouchButton(role="primary", parent=self.stars_page)
        self.send.set_pictogram("check")
        self.send.clicked.connect(self._send)
        self.error = label("error", parent=self.stars_page)
        send_row = QHBoxLayout()
        send_row.addWidget(self.error, 1)
        send_row.addWidget(self.send)
        stars_layout = QVBoxLayout(self.stars_page)
        stars_layout.addWidget(self.about)
        stars_layout.addLayout(stars_row)
        stars_layout.addWidget(self.comment)
        stars_layout.addLayout(send_row)
        stars_layout.addStretch(1)

        self.end_page = QWidget(self.pages)
        self.end_text = label("title", parent=self.end_page)
        self.finish = finish_button(self.end_page)
        self.finish.clicked.connect(self.done)
        self.another = TouchButton(parent=self.end_page)
        self.another.clicked.connect(self.order_more)
        end = QVBoxLayout(self.end_page)
        end.addWidget(self.end_text)
        end.addStretch(1)
        end.addLayout(ending_row(self.finish, self.another))

        for page in (self.lookup, self.stars_page, self.end_page):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 16, 48, 24)
        layout.addWidget(self.title)
        layout.addWidget(self.pages, 1)
        self._end_key = ""
        self.retranslate()

    def open_order(self, order: OrderView) -> None:
        """Straight to the stars (the follow screen's "Rate this service")."""
        self.reset()
        self._found(order)

    def _found(self, order: OrderView) -> None:
        ratings = self._context.comptoir.ratings
        if order.status not in RATABLE:
            self.lookup.error.say(lambda: message("error.not_ratable", current_lang()))
            return
        if ratings.for_order(order.id) is not None:
            self.lookup.error.say(lambda: message("error.already_rated", current_lang()))
            return
        self.order = order
        # One rating per form: a second send (a double tap, a retry) is the same request.
        self._request_id = uuid.uuid4()
        self.drop_focus()
        TAPS.screen_shown()
        self.pages.setCurrentWidget(self.stars_page)
        self.retranslate()
        self._refresh()

    def _starred(self, count: int) -> None:
        for index, star in enumerate(self.stars, start=1):
            star.setChecked(index <= count)
            star.setText(LIT if index <= count else UNLIT)
        self._chosen = count
        self._refresh()

    @property
    def chosen_stars(self) -> int:
        return self._chosen

    def _refresh(self) -> None:
        self.send.setEnabled(self.chosen_stars > 0 and self.comment.is_valid)

    def _send(self) -> None:
        assert self.order is not None
        order_id, stars, comment = self.order.id, self.chosen_stars, self.comment.text
        request_id = self._request_id
        self.send.setEnabled(False)
        ratings = self._context.comptoir.ratings
        self._context.tasks.run(
            lambda: ratings.rate(order_id, stars, comment, request_id=request_id),
            self._rated,
            self._refused,
        )

    def _refused(self, error: Exception) -> None:
        self._refresh()
        key, params = (
            (error.key, error.params)
            if isinstance(error, ComptoirError)
            else ("error.unexpected", {})
        )
        self.error.say(lambda: message(key, current_lang(), **params))

    def _rated(self, _rating: object) -> None:
        TAPS.screen_shown()  # "Finish" must not take a second tap on "Send"
        self._end_key = "thanks"
        self.pages.setCurrentWidget(self.end_page)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Rate a service"))
        self.lookup.retranslate()
        lang = current_lang()
        self.about.setText(
            self.tr("How was “{service}”? Touch the stars.").format(
                service=self.order.service_name(lang)
            )
            if self.order is not None
            else ""
        )
        for count, star in enumerate(self.stars, start=1):
            star.set_accessible(self.tr("%n star(s)", "", count))
        self.comment.set_title(self.tr("A comment for the association (optional)"))
        self.send.setText(self.tr("Send my rating"))
        self.end_text.setText(self.tr("Thank you for your rating!") if self._end_key else "")
        self.finish.setText(self.tr("Finish"))
        self.another.setText(self.tr("Order a service"))

    def reset(self) -> None:
        self.order = None
        self._request_id = uuid.uuid4()
        self._chosen = 0
        self._end_key = ""
        self.lookup.reset()
        self.comment.clear()
        self.error.clear()
        for star in self.stars:
            star.setChecked(False)
            star.setText(UNLIT)
        self.pages.setCurrentWidget(self.lookup)
        self.retranslate()
