"""The tour's part on the residents' screens (ui/tour.py walks it): the welcome, the
catalogue, an order from its first step to its confirmation, a known resident's order,
following and rating an order, a Lulu's application, the idle countdown and the help
panel, each brought about through the widgets as a resident would."""

from __future__ import annotations

from kiosk_app.views.catalogue import CategoryView

from .resident.lookup import OrderLookup
from .tour_setup import type_text, unfocus
from .tour_steps import Action, TourData, TourSteps
from .window import KioskWindow


def _new_phone(w: KioskWindow) -> str:
    """A phone no client has yet: each walk of the order flow (a language, a size)
    is a new resident's, typing an address, although the walk before placed an order."""
    clients = w.context.comptoir.clients
    number = 612345678
    while clients.find_by_phone(f"0{number}") is not None:
        number += 1
    return f"0{number}"


def _errands(w: KioskWindow) -> CategoryView:
    """The catalogue's "courses" category (errands), which every demo store has."""
    return next(c for c in w.catalogue._categories if c.code == "courses")


def _show_first_errand(w: KioskWindow) -> None:
    """The first service of the errands, shown from the catalogue's categories."""
    w.catalogue.show_categories()
    w.catalogue.show_category(_errands(w))
    w._show_service(w.catalogue.model.service_at(0))


def _type_lookup(lookup: OrderLookup, data: TourData) -> None:
    """The tour's order looked up (to follow it or rate it): its phone, its number."""
    type_text(lookup.phone.editor, data.national_phone)
    type_text(lookup.number.editor, data.number)


def resident_steps(w: KioskWindow, data: TourData, *, restart: Action, settle: Action) -> TourSteps:
    """From the welcome screen to the idle countdown; `restart` brings the walk back to
    the welcome screen in its language and text size."""
    steps = TourSteps()
    o = w.ordering

    @steps.add("welcome")
    def _welcome() -> None:
        w.end_session()

    @steps.add("welcome_larger_text")
    def _larger() -> None:
        if not w.large_text:  # a walk in larger text has it on already
            w.welcome.larger_text.click()

    @steps.add("catalogue_categories")
    def _categories() -> None:
        restart()
        w.welcome.tiles["order"].click()

    @steps.add("catalogue_services")
    def _services() -> None:
        w.catalogue.show_category(_errands(w))

    @steps.add("catalogue_search")
    def _search() -> None:
        w.catalogue.show_categories()
        type_text(w.catalogue.search, "rideau")

    @steps.add("service")
    def _service() -> None:
        unfocus()
        _show_first_errand(w)

    @steps.add("order_1_who")
    def _who() -> None:
        w.service.order_button.click()
        type_text(o.who.phone.editor, _new_phone(w))
        type_text(o.who.name.editor, "Jérôme Dupré")

    @steps.add("order_2_when")
    def _when() -> None:
        unfocus()
        o.next.click()
        o.when.picker.day_buttons[1].click()
        o.when.picker.window_buttons[1].click()

    @steps.add("order_3_where")
    def _where() -> None:
        o.next.click()
        type_text(o.where.postcode.editor, "75004")
        o.where.lift_yes.click()
        type_text(o.where.street.editor, "12 rue François Miron")

    @steps.add("order_4_what")
    def _what() -> None:
        unfocus()
        o.next.click()
        o.what.units.plus.click()

    @steps.add("order_5_consent")
    def _consent() -> None:
        o.next.click()
        o.consent.agree.click()

    @steps.add("order_6_review")
    def _review() -> None:
        o.next.click()

    @steps.add("confirmation")
    def _confirmation() -> None:
        o.next.click()
        settle()

    @steps.add("order_known_who")
    def _known_who() -> None:
        """A known phone: greeted by initials, "Redo my last order" offered."""
        restart()
        _show_first_errand(w)
        w.service.order_button.click()
        type_text(o.who.phone.editor, data.national_phone)
        unfocus()

    @steps.add("order_known_where")
    def _known_where() -> None:
        """ "Same address as last time?", the street and postcode only."""
        o.next.click()
        o.when.picker.day_buttons[1].click()
        o.when.picker.window_buttons[0].click()
        o.next.click()

    @steps.add("order_abandon")
    def _abandon() -> None:
        w.home.click()  # in the middle of an order: "Abandon this order?"

    @steps.add("follow_lookup")
    def _follow_lookup() -> None:
        restart()
        w.welcome.tiles["follow"].click()
        _type_lookup(w.follow.lookup, data)

    @steps.add("follow_timeline")
    def _timeline() -> None:
        unfocus()
        w.follow.lookup.search.click()
        settle()  # the search runs off the GUI thread: its timeline, not the form

    @steps.add("rate_lookup")
    def _rate_lookup() -> None:
        restart()
        w.welcome.tiles["rate"].click()
        _type_lookup(w.rate.lookup, data)
        unfocus()

    @steps.add("rate_stars")
    def _stars() -> None:
        w.rate.lookup.search.click()
        # The search runs off the GUI thread; its answer shows the stars and drops the
        # focus: typed before it, the comment went nowhere (or only in some runs).
        settle()
        w.rate.stars[3].click()
        type_text(w.rate.comment.editor, "Très gentil")

    @steps.add("rate_thanks")
    def _thanks() -> None:
        unfocus()
        # The tour rates nothing: the same order serves every language and size.
        w.rate._end_key = "thanks"
        w.rate.pages.setCurrentWidget(w.rate.end_page)
        w.rate.retranslate()

    @steps.add("lulu_form")
    def _lulu() -> None:
        restart()
        w.welcome.tiles["lulu"].click()
        type_text(w.become_lulu.name.editor, "Inès Moreau")
        type_text(w.become_lulu.phone.editor, "0744556677")
        w.become_lulu.skills["enfants"].click()
        unfocus()

    @steps.add("lulu_thanks")
    def _lulu_thanks() -> None:
        w.become_lulu.pages.setCurrentWidget(w.become_lulu.thanks)

    @steps.add("idle_overlay")
    def _idle() -> None:
        restart()
        w.welcome.tiles["order"].click()
        w.overlay.start()

    return steps


def help_steps(w: KioskWindow, *, restart: Action, settle: Action) -> TourSteps:
    """The resident's call for help: walked last (see ui/tour.py)."""
    steps = TourSteps()

    @steps.add("help_panel")
    def _help() -> None:
        restart()
        w.welcome.tiles["order"].click()
        w.help.click()
        settle()

    return steps
