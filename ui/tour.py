"""A tour of every screen, driven through the widgets as a resident would leave them:
used by the screenshot script and by the tests that check every screen (translations,
accessible names, touch sizes)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from sync.protocol import FINAL_STATUSES

from .widgets.keyboard import send_key
from .window import KioskWindow


@dataclass(frozen=True)
class TourData:
    """A done, unrated order of the store, to follow and rate, with its phone."""

    number: str
    phone: str


def _type(editor: QLineEdit | QPlainTextEdit, text: str) -> None:
    editor.setFocus(Qt.FocusReason.MouseFocusReason)
    QApplication.processEvents()
    for char in text:
        send_key(Qt.Key.Key_unknown, char)


def _unfocus() -> None:
    focused = QApplication.focusWidget()
    if focused is not None:
        focused.clearFocus()


ORDER_FLOW = (
    "catalogue_categories",
    "catalogue_services",
    "catalogue_search",
    "service",
    "order_1_when",
    "order_2_where",
    "order_3_who",
    "order_4_what",
    "order_5_consent",
    "order_6_review",
    "confirmation",
)


def tour(
    window: KioskWindow,
    data: TourData,
    *,
    lang: str = "fr",
    only: tuple[str, ...] | None = None,
    settle: Callable[[], None] | None = None,
) -> Iterator[str]:
    """Bring `window` to each screen in turn (or those of `only`, such as ORDER_FLOW),
    in `lang`, and yield the screen's name."""
    settle = settle or window.tasks.settle
    steps: list[tuple[str, Callable[[], None]]] = []
    w = window
    o = window.ordering

    def add(name: str) -> Callable[[Callable[[], None]], Callable[[], None]]:
        def register(action: Callable[[], None]) -> Callable[[], None]:
            steps.append((name, action))
            return action

        return register

    @add("welcome")
    def _welcome() -> None:
        w.end_session()

    @add("welcome_larger_text")
    def _larger() -> None:
        w.welcome.larger_text.click()

    @add("catalogue_categories")
    def _categories() -> None:
        w.end_session()
        w.welcome.tiles["order"].click()

    @add("catalogue_services")
    def _services() -> None:
        courses = next(c for c in w.catalogue._categories if c.code == "courses")
        w.catalogue.show_category(courses)

    @add("catalogue_search")
    def _search() -> None:
        w.catalogue.show_categories()
        _type(w.catalogue.search, "rideau")

    @add("service")
    def _service() -> None:
        _unfocus()
        w.catalogue.show_categories()
        w.catalogue.show_category(next(c for c in w.catalogue._categories if c.code == "courses"))
        w._show_service(w.catalogue.model.service_at(0))

    @add("order_1_when")
    def _when() -> None:
        w.service.order_button.click()
        o.when.picker.day_buttons[1].click()
        o.when.picker.window_buttons[1].click()

    @add("order_2_where")
    def _where() -> None:
        o.next.click()
        _type(o.where.postcode.editor, "75004")
        o.where.lift_yes.click()
        _type(o.where.street.editor, "12 rue François Miron")

    @add("order_3_who")
    def _who() -> None:
        _unfocus()
        o.next.click()
        _type(o.who.phone.editor, "0612345678")
        _type(o.who.name.editor, "Jérôme Dupré")

    @add("order_4_what")
    def _what() -> None:
        _unfocus()
        o.next.click()
        o.what.units.plus.click()

    @add("order_5_consent")
    def _consent() -> None:
        o.next.click()
        o.consent.agree.click()

    @add("order_6_review")
    def _review() -> None:
        o.next.click()

    @add("confirmation")
    def _confirmation() -> None:
        o.next.click()
        settle()

    @add("follow_lookup")
    def _follow_lookup() -> None:
        w.end_session()
        w.welcome.tiles["follow"].click()
        _type(w.follow.lookup.number.editor, data.number)
        _type(w.follow.lookup.phone.editor, data.phone.replace(" ", ""))

    @add("follow_timeline")
    def _timeline() -> None:
        _unfocus()
        w.follow.lookup.search.click()

    @add("rate_lookup")
    def _rate_lookup() -> None:
        w.end_session()
        w.welcome.tiles["rate"].click()
        _type(w.rate.lookup.number.editor, data.number)
        _type(w.rate.lookup.phone.editor, data.phone.replace(" ", ""))
        _unfocus()

    @add("rate_stars")
    def _stars() -> None:
        w.rate.lookup.search.click()
        w.rate.stars[3].click()
        _type(w.rate.comment.editor, "Très gentil")

    @add("rate_thanks")
    def _thanks() -> None:
        _unfocus()
        # The tour rates nothing: the same order serves every language and size.
        w.rate._end_key = "thanks"
        w.rate.pages.setCurrentWidget(w.rate.end_page)
        w.rate.retranslate()

    @add("lulu_form")
    def _lulu() -> None:
        w.end_session()
        w.welcome.tiles["lulu"].click()
        _type(w.become_lulu.name.editor, "Inès Moreau")
        _type(w.become_lulu.phone.editor, "0744556677")
        w.become_lulu.skills["enfants"].click()
        _unfocus()

    @add("lulu_thanks")
    def _lulu_thanks() -> None:
        w.become_lulu.pages.setCurrentWidget(w.become_lulu.thanks)

    @add("idle_overlay")
    def _idle() -> None:
        w.end_session()
        w.welcome.tiles["order"].click()
        w.overlay.start()

    @add("pin_pad")
    def _pin() -> None:
        w._open_pin_pad()
        next(iter(w.pin_pad.people.values())).click()
        for digit in "12":
            w.pin_pad.keys[digit].click()

    @add("counter")
    def _counter() -> None:
        for digit in "34":
            w.pin_pad.keys[digit].click()
        w.pin_pad.enter.click()
        settle()

    @add("counter_every_day")
    def _every_day() -> None:
        w.counter.queue.all_days.click()

    @add("counter_order_done")
    def _order_done() -> None:
        w.counter.open_order(w.context.comptoir.orders.by_number(data.number))

    @add("counter_order_open")
    def _order_open() -> None:
        # The newest order still moving through its steps (the demo has some): the
        # screen with the most actions on it.
        model = w.counter.queue.model
        rows = [model.order_at(row) for row in range(model.rowCount())]
        moving = [o for o in rows if o.status not in FINAL_STATUSES] or rows
        w.counter.open_order(moving[0])

    @add("counter_new_order")
    def _new_order() -> None:
        form = w.counter.order_form
        w.counter.nav["new_order"].click()
        _type(form.find_service, "rideau")
        form._service_chosen(form.services.item(0))
        form.picker.day_buttons[1].click()
        form.picker.window_buttons[0].click()
        _type(form.phone.editor, "0612345678")
        _unfocus()

    for name, action in steps:
        if only is not None and name not in only:
            continue
        action()
        # Going home forgets the language chosen: choose it again, as a resident would.
        if w.context.language.code != lang:
            w.set_language(lang)
        QApplication.processEvents()
        yield name
    w.end_session()
    QApplication.processEvents()
