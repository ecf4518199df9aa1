"""A tour of every screen, driven through the widgets as a resident would leave them:
used by the screenshot script and by the tests that check every screen (translations,
accessible names, touch sizes). Its parts: the residents' screens (tour_resident), the
counter's (tour_counter), the set-up and settings (tour_setup)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtWidgets import QApplication

from .tour_counter import counter_steps, help_call_steps
from .tour_resident import help_steps, resident_steps
from .tour_setup import settings_steps
from .tour_steps import TourData
from .window import KioskWindow

__all__ = ["ORDER_FLOW", "RESIDENT_STEPS", "TourData", "tour"]

ORDER_FLOW = (
    "catalogue_categories",
    "catalogue_services",
    "catalogue_search",
    "service",
    "order_1_who",
    "order_2_when",
    "order_3_where",
    "order_4_what",
    "order_5_consent",
    "order_6_review",
    "confirmation",
)
# The steps on the residents' screens (the others are the counter's).
RESIDENT_STEPS = (
    "welcome",
    "welcome_larger_text",
    *ORDER_FLOW,
    "follow_lookup",
    "follow_timeline",
    "rate_lookup",
    "rate_stars",
    "rate_thanks",
    "lulu_form",
    "lulu_thanks",
    "idle_overlay",
)


def tour(
    window: KioskWindow,
    data: TourData,
    *,
    lang: str = "fr",
    large_text: bool = False,
    only: tuple[str, ...] | None = None,
    settle: Callable[[], None] | None = None,
) -> Iterator[str]:
    """Bring `window` to each screen in turn (or those of `only`, such as ORDER_FLOW),
    in `lang` (and in larger text on the residents' screens if `large_text`), and yield
    the screen's name."""
    settle = settle or window.tasks.settle
    w = window

    def restart() -> None:
        """Back to the welcome screen for the walk's next screen, as the same resident
        going "Home": the walk's language and text size stay. Ending the visit instead
        would bring French and normal text back, only for the walk to choose them again:
        each change restyles or retranslates every widget, seconds per screen."""
        w.end_session(visit_goes_on=True)
        w.set_large_text(large_text)
        w.set_language(lang)

    steps = [
        *resident_steps(w, data, restart=restart, settle=settle),
        *counter_steps(w, data, settle=settle),
        *settings_steps(w, settle, data.manager_pin),
        # Last, so that no other screenshot shows the call or the warning.
        *help_steps(w, restart=restart, settle=settle),
        *help_call_steps(w, settle=settle),
    ]
    for name, action in steps:
        if only is not None and name not in only:
            continue
        action()
        # Going home forgets the language chosen: choose it again, as a resident would.
        if w.context.language.code != lang:
            w.set_language(lang)
        if large_text and w.attendant is None and w.current_screen in w.resident_screens:
            w.set_large_text(True)
        # Twice: a language change posts new words, whose layouts are posted in turn.
        QApplication.processEvents()
        QApplication.processEvents()
        yield name
    w.end_session()
    QApplication.processEvents()
