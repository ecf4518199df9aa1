"""The live price estimate on the "what" step: each touch of − or + changes the
duration and the price at once, with the price after the tax credit beside it, in the
language's own conventions; the steppers stop at the service's limits."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from .support import Resident
from .test_order_flow import answer_when_and_where, walk_to_who


def plain(text: str) -> str:
    """French writes "15 €" with a no-break space: compared as a plain one."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def test_the_estimate_follows_every_touch_of_the_steppers(kiosk: Resident) -> None:
    window = kiosk.window
    ordering = window.ordering
    # "Faire les courses": 5 € per 20 min, usually 3 × 20 min, at most 9, tax credit.
    walk_to_who(kiosk)
    kiosk.fill(ordering.who.phone.editor, "0612345678")
    kiosk.fill(ordering.who.name.editor, "Ana Lima")
    kiosk.tap(ordering.next)
    answer_when_and_where(kiosk)
    # The keyboard typed the name; it does not stay open over the price by itself.
    assert not window.keyboard.isVisible() and QApplication.focusWidget() is None
    what = ordering.what

    def shown() -> tuple[str, str, str]:
        return plain(what.units.shown.text()), plain(what.price.text()), plain(what.credit.text())

    assert shown() == (
        "1 h",
        "Prix estimé : 15 €",
        "soit 7,50 € après le crédit d’impôt de 50 %",
    )
    kiosk.tap_named("Plus de temps")
    assert shown() == ("1 h 20", "Prix estimé : 20 €", "soit 10 € après le crédit d’impôt de 50 %")
    kiosk.tap_named("Moins de temps")
    kiosk.tap_named("Moins de temps")
    kiosk.tap_named("Moins de temps")
    assert shown() == ("20 min", "Prix estimé : 5 €", "soit 2,50 € après le crédit d’impôt de 50 %")
    assert not what.units.minus.isEnabled()
    for _ in range(8):
        kiosk.tap(what.units.plus)
    assert shown()[:2] == ("3 h", "Prix estimé : 45 €")
    assert not what.units.plus.isEnabled()

    kiosk.tap_named("English")
    assert shown() == ("3 h", "Estimated price: €45", "€22.50 after the 50 % tax credit")
    # What the review and the store get is what the steppers showed.
    kiosk.tap(ordering.next)
    kiosk.tap(ordering.consent.agree)
    kiosk.tap(ordering.next)
    assert plain(ordering.review.price.text()) == "Estimated price: €45"
    assert "about 3 h" in ordering.review.summary
    assert ordering.request().estimated_units == 9
