"""The month at a glance, on the demo data (the pilot's month): the attendant logs in,
opens "Le mois", and reads the store's figures for the period chosen, in tiles, a chart
of orders per day and the most ordered services."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDate, QRect

from kiosk_app.comptoir import Comptoir
from kiosk_app.demo.seed import seed_demo
from kiosk_app.views.stats import Stats
from ui.attendant.month import MonthPage
from ui.format import money
from ui.i18n import locale_for

from .conftest import MakeKiosk
from .counter_support import log_in
from .support import Resident

AS_OF = date(2026, 11, 26)  # the demo's last day, and the test clock's (conftest START)
NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))
FR = locale_for("fr")


@pytest.fixture
def comptoir(tmp_path: Path, clock: Any) -> Iterator[Comptoir]:
    """The demo store: the pilot's month, ending on the test clock's day."""
    seed_demo(tmp_path / "demo", as_of=AS_OF)
    app = Comptoir.open(tmp_path / "demo", clock=clock)
    yield app
    app.close()


def open_month(kiosk: Resident) -> MonthPage:
    log_in(kiosk)  # Camille, the demo's attendant
    kiosk.tap_named("Le mois")
    page = kiosk.window.counter.month
    assert page.isVisible()
    return page


def shown(page: MonthPage) -> dict[str, str]:
    return {name: tile.value.text() for name, tile in page.tiles.items()}


def expected(stats: Stats) -> dict[str, str]:
    """The tiles as a French reader should see the store's figures."""
    rating = stats.average_rating
    return {
        "orders": FR.toString(stats.orders),
        "services_done": FR.toString(stats.services_done),
        "revenue": money(stats.revenue_cents, FR),
        "average_rating": f"{FR.toString(rating, 'f', 1)} / 5" if rating is not None else "–",
        "kiosk_visits": FR.toString(stats.kiosk_visits),
        "lulus_onboarded": FR.toString(stats.lulus_onboarded),
        "lulus_in_progress": FR.toString(stats.lulus_in_progress),
        "lulu_candidates": FR.toString(stats.lulu_candidates),
    }


def day_words(day: date, pattern: str) -> str:
    return FR.toString(QDate(day.year, day.month, day.day), pattern)


def test_the_month_opens_on_the_pilots_first_month(
    make_kiosk: MakeKiosk, comptoir: Comptoir
) -> None:
    kiosk = make_kiosk()
    page = open_month(kiosk)

    # The 30 days up to the store's latest activity: on the demo data, the seed
    # article's figures (311 orders, 225 services done, 17 Lulus onboarded and 15 in
    # progress, 3,600 kiosk visits).
    assert page.period_shown.text() == "Du 28 octobre au 26 novembre 2026"
    figures = shown(page)
    assert figures["orders"] == "311"
    assert figures["services_done"] == "225"
    assert (figures["lulus_onboarded"], figures["lulus_in_progress"]) == ("17", "15")
    assert figures["kiosk_visits"] == FR.toString(3600)
    assert figures == expected(comptoir.stats.compute(date(2026, 10, 28), AS_OF))
    assert len(page.chart.days) == 30 and sum(page.chart.values) == 311

    kiosk.tap_named("Ce mois-ci")
    kiosk.tap_named("30 derniers jours")
    assert shown(page) == figures


def test_this_month_shows_the_stores_figures_and_a_bar_a_day(
    make_kiosk: MakeKiosk, comptoir: Comptoir
) -> None:
    kiosk = make_kiosk()
    page = open_month(kiosk)
    kiosk.tap_named("Ce mois-ci")
    stats = comptoir.stats.compute(*NOVEMBER)

    assert page.period_shown.text() == "Novembre 2026"
    assert shown(page) == expected(stats)
    assert stats.orders > 200 and stats.kiosk_visits > 2500  # most of the pilot's month
    # The chart: one bar per day of November, the store's counts.
    per_day = list(stats.orders_per_day.values())
    assert page.chart.days == [date(2026, 11, d) for d in range(1, 31)]
    assert page.chart.values == per_day
    description = page.chart.accessibleDescription()
    busiest = date(2026, 11, 1 + per_day.index(max(per_day)))
    assert description.startswith("Commandes par jour. Du 1 novembre au 30 novembre 2026.")
    assert f"Maximum : {max(per_day)} le {day_words(busiest, 'dddd d MMMM')}." in description
    for day, count in stats.orders_per_day.items():
        assert f"{day_words(date.fromisoformat(day), 'd MMMM')} : {count}" in description
    # The most ordered services, by their French names.
    top = [line.text() for line in page.top_lines if line.isVisible()]
    assert top == [
        f"{rank}. {service.name_fr} : {service.orders}"
        for rank, service in enumerate(stats.top_services, start=1)
    ]


def test_the_period_buttons_move_month_by_month(make_kiosk: MakeKiosk, comptoir: Comptoir) -> None:
    kiosk = make_kiosk()
    page = open_month(kiosk)
    kiosk.tap_named("Ce mois-ci")

    kiosk.tap_named("Mois précédent")
    assert page.period == (date(2026, 10, 1), date(2026, 10, 31))
    assert page.period_shown.text() == "Octobre 2026"
    october = comptoir.stats.compute(*page.period)
    assert shown(page) == expected(october) and october.orders > 0
    assert len(page.chart.days) == 31

    kiosk.tap_named("Mois suivant")
    kiosk.tap_named("Mois suivant")
    assert page.period == (date(2026, 12, 1), date(2026, 12, 31))
    # December has no order yet: zeros and an empty chart, not an error.
    figures = shown(page)
    assert figures["orders"] == figures["services_done"] == figures["kiosk_visits"] == "0"
    assert figures["revenue"] == money(0, FR) and figures["average_rating"] == "–"
    assert page.chart.values == [0] * 31
    assert page.empty.isVisible() and page.empty.text() == "Aucune commande sur cette période."
    assert not page.error.isVisible() and not page.top.isVisible()

    kiosk.tap_named("Le mois dernier")
    assert page.period == (date(2026, 10, 1), date(2026, 10, 31))
    kiosk.tap_named("Ce mois-ci")
    assert page.period == NOVEMBER and not page.empty.isVisible()


def test_english_names_and_a_fresh_start_after_locking(
    make_kiosk: MakeKiosk, comptoir: Comptoir
) -> None:
    kiosk = make_kiosk()
    page = open_month(kiosk)
    kiosk.tap_named("Ce mois-ci")
    kiosk.tap_named("Mois précédent")
    kiosk.window.set_language("en")
    kiosk.tap(page.previous)  # the language switch keeps the period chosen
    assert page.period_shown.text() == "September 2026"
    kiosk.tap_named("Next month")
    stats = comptoir.stats.compute(*page.period)
    assert page.tiles["orders"].caption.text() == "Orders recorded"
    top = [line.text() for line in page.top_lines if line.isVisible()]
    assert top[0] == f"1. {stats.top_services[0].name_en}: {stats.top_services[0].orders}"

    kiosk.tap_named("Lock")
    assert page.stats is None and page.period is None
    # Camille comes back (her name's button on the PIN pad, as a finger finds it).
    pad = kiosk.window.pin_pad
    kiosk.window._open_pin_pad()
    kiosk.tap(next(b for b in pad.people.values() if b.text() == "Camille"))
    for digit in "1234":
        kiosk.tap(pad.keys[digit])
    kiosk.tap(pad.enter)
    assert kiosk.window.current_screen is kiosk.window.counter
    kiosk.tap(kiosk.window.counter.nav["month"])
    assert page.period == (date(2026, 10, 28), AS_OF)


@pytest.mark.parametrize("size", [(1024, 768), (1080, 1920)], ids=["1024x768", "portrait"])
def test_the_arrows_sit_beside_the_periods_name_and_stay_under_the_finger(
    make_kiosk: MakeKiosk, comptoir: Comptoir, size: tuple[int, int]
) -> None:
    kiosk = make_kiosk(size=size)
    page = open_month(kiosk)
    kiosk.tap_named("Ce mois-ci")

    def row() -> tuple[QRect, QRect, QRect]:
        return page.previous.geometry(), page.period_shown.geometry(), page.next.geometry()

    previous, name, following = row()
    # ◀ Novembre 2026 ▶ on one line, the arrows close to the name, not at the page's ends.
    assert previous.right() < name.left() and name.right() < following.left()
    assert name.left() - previous.right() <= 24 and following.left() - name.right() <= 24
    assert abs(previous.center().y() - name.center().y()) <= 2
    assert abs(following.center().y() - name.center().y()) <= 2
    assert following.right() < page.width() - 100  # beside the name, not at the far end
    # Large: taller and wider than the page's other buttons.
    assert previous.height() > page.this_month.height()
    assert previous.width() >= previous.height() - 4
    assert kiosk.find("Mois précédent") is page.previous
    assert kiosk.find("Mois suivant") is page.next
    # Tapped again and again, ▶ stays where the finger is, whatever the month's name.
    for shown_name in ("Décembre 2026", "Janvier 2027", "Février 2027"):
        kiosk.tap(page.next)
        assert page.period_shown.text() == shown_name
        assert page.next.geometry() == following
    # The 30 days: a longer name, still between its arrows, whole.
    kiosk.tap_named("30 derniers jours")
    previous, name, following = row()
    assert previous.right() < name.left() and name.right() < following.left()
    assert following.right() <= page.width()
    lines = name.height() // page.period_shown.fontMetrics().lineSpacing()
    assert lines <= 2
    kiosk.window.set_language("en")
    kiosk.qtbot.waitUntil(lambda: page.this_month.text() == "This month", timeout=2000)
    assert kiosk.find("Previous period") is page.previous
    assert kiosk.find("Next period") is page.next


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(taps=st.lists(st.sampled_from(["◀", "▶", "this", "last", "30"]), max_size=6))
def test_any_taps_leave_the_figures_of_the_period_shown(
    kiosk: Resident, comptoir: Comptoir, taps: list[str]
) -> None:
    # One window for every example (hypothesis reuses the fixture): logged in once.
    if kiosk.window.current_screen is not kiosk.window.counter:
        open_month(kiosk)
    page = kiosk.window.counter.month
    buttons = {
        "◀": page.previous,
        "▶": page.next,
        "this": page.this_month,
        "last": page.last_month,
        "30": page.last_days,
    }
    for tap in taps:
        kiosk.tap(buttons[tap])
    assert page.period is not None and page.stats is not None
    start, end = page.period
    assert (page.stats.start, page.stats.end) == (start, end)
    assert shown(page) == expected(comptoir.stats.compute(start, end))
    assert len(page.chart.days) == (end - start).days + 1


def test_a_count_that_fails_says_so_and_shows_no_stale_figure(
    make_kiosk: MakeKiosk, comptoir: Comptoir, monkeypatch: pytest.MonkeyPatch
) -> None:
    kiosk = make_kiosk()
    page = open_month(kiosk)

    def unreadable(start: date, end: date) -> Stats:
        raise OSError("disk I/O error")

    monkeypatch.setattr(comptoir.stats, "compute", unreadable)
    kiosk.tap_named("Période précédente")

    assert page.error.isVisible()
    assert page.error.text() == "Les chiffres n'ont pas pu être calculés. Réessayez."
    assert set(shown(page).values()) == {"…"} and page.chart.values == []
    monkeypatch.undo()
    kiosk.tap_named("Ce mois-ci")
    assert not page.error.isVisible() and shown(page) == expected(comptoir.stats.compute(*NOVEMBER))
