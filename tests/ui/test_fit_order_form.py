"""The counter's new-order form at the counter's smallest screen, with what makes its lists
long: a client whose name and number take a line each, and Lulus in training whose rows
say a name, a neighbourhood and "still in training". Each row shows its whole text (no
"…"), at least a finger's height, and takes its text's height again when the width
changes. (The fit test's tour walks this form too, with Lulus in training of its own:
this test also sees each row scrolled to, and a change of width.)"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QListWidget

from kiosk_app.comptoir import Comptoir
from ui.attendant.order_form import CounterOrderPage
from ui.tour_setup import unfocus

from .conftest import MakeKiosk
from .counter_support import log_in, place_order
from .fit_check import problems
from .support import Resident
from .tour_data import TRAINEES, trainee

FINGER_PX = 48


def open_form(kiosk: Resident, comptoir: Comptoir, lang: str) -> CounterOrderPage:
    """A known client found by phone, a curtain to hang: the Lulus who can do it."""
    place_order(comptoir, phone="06 76 37 95 77")
    for name, neighbourhood in TRAINEES:
        trainee(comptoir, name, neighbourhood)
    log_in(kiosk)
    kiosk.window.set_language(lang)
    kiosk.tap(kiosk.window.counter.nav["new_order"])
    form = kiosk.window.counter.order_form
    kiosk.fill(form.find_client, "06763795")
    form._take_first(form.clients)
    kiosk.fill(form.find_service, "poser un rideau" if lang == "fr" else "hang a curtain")
    form._take_first(form.services)
    unfocus()  # the keyboard goes down: the whole form shows
    QApplication.processEvents()
    assert form.lulus.count() == 1 + len(TRAINEES)
    return form


def rows_cut(matches: QListWidget) -> list[str]:
    """Every row, scrolled into sight in turn, as the attendant would flick to it."""
    found = []
    for row in range(matches.count()):
        matches.scrollToItem(matches.item(row))
        QApplication.processEvents()
        found += [p for p in problems(matches) if p not in found]
        height = matches.visualItemRect(matches.item(row)).height()
        if height < FINGER_PX:
            found.append(f"row {row} is {height} px high, under a finger's {FINGER_PX}")
    return found


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_lists_rows_show_their_whole_text_at_1024x768(
    make_kiosk: MakeKiosk, comptoir: Comptoir, attendants: None, lang: str
) -> None:
    kiosk = make_kiosk(size=(1024, 768))
    form = open_form(kiosk, comptoir, lang)
    for matches in (form.clients, form.services, form.lulus):
        assert rows_cut(matches) == [], matches.accessibleName()
    # Two rows whole at a glance, however tall their words made them.
    for matches in (form.clients, form.lulus):
        matches.scrollToTop()
        QApplication.processEvents()
        second = matches.visualItemRect(matches.item(1))
        assert matches.viewport().rect().contains(second), matches.accessibleName()
    found = problems(kiosk.window)
    assert found == [], "\n".join(found)


def test_rows_take_their_texts_height_again_when_the_width_changes(
    make_kiosk: MakeKiosk, comptoir: Comptoir, attendants: None
) -> None:
    kiosk = make_kiosk(size=(1920, 1080))
    form = open_form(kiosk, comptoir, "fr")
    lulus = form.lulus
    wide = lulus.visualItemRect(lulus.item(1)).height()
    kiosk.window.resize(1024, 768)
    # The list lays its rows out again shortly after its width changed (Qt's own delay).
    kiosk.qtbot.waitUntil(lambda: lulus.visualItemRect(lulus.item(1)).height() > wide)
    assert rows_cut(lulus) == []
