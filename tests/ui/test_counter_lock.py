"""The counter, left alone, warns before it locks (a countdown a touch dismisses), and a
half-typed order waits in memory for the attendant who typed it: after the lock and
their PIN the form is back as it was; another attendant finds it empty."""

from __future__ import annotations

from kiosk_app.comptoir import Comptoir

from .conftest import MakeKiosk
from .counter_support import log_in
from .support import LEFT, Resident
from .test_every_tap_once import place_at_the_counter


def test_the_counter_warns_before_locking_and_a_touch_keeps_it_open(
    make_kiosk: MakeKiosk, attendants: None
) -> None:
    kiosk = make_kiosk(counter_lock_ms=1600, lock_warning_s=1)
    window = kiosk.window
    log_in(kiosk)
    warning = window.lock_warning
    kiosk.qtbot.waitUntil(warning.isVisible, timeout=3000)
    assert warning.question.text() == "Le comptoir va se verrouiller"
    assert warning.countdown.text() == "Verrouillage dans 1 seconde."
    assert window.attendant is not None
    # A touch anywhere on it: the attendant is still there.
    kiosk.qtbot.mouseClick(warning, LEFT, pos=warning.rect().topLeft())
    assert not warning.isVisible()
    assert window.current_screen is window.counter and window.attendant is not None
    # Left alone again: the warning, then the lock.
    kiosk.qtbot.waitUntil(warning.isVisible, timeout=3000)
    kiosk.qtbot.waitUntil(lambda: window.current_screen is window.welcome, timeout=3000)
    assert window.attendant is None and not warning.isVisible()


def test_a_half_typed_order_comes_back_to_its_attendant_only(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    window = kiosk.window
    place_at_the_counter(kiosk, comptoir)  # logged in, all chosen, not confirmed
    form = window.counter.order_form
    kiosk.fill(form.description.editor, "Tringle déjà posée")
    kiosk.tap_named("Verrouiller")
    assert window.current_screen is window.welcome and window.attendant is None
    # Nothing of it was written: the store holds only the order placed before, and no
    # file of the data folder (store, WAL, logs, tickets) holds the draft's words.
    assert len(comptoir.orders.list()) == 1
    folder = comptoir.store.path.parent
    for path in folder.rglob("*"):
        if path.is_file():
            assert "Tringle déjà posée".encode() not in path.read_bytes(), path

    log_in(kiosk)  # Camille again
    assert window.counter.sections["new_order"].isVisible()
    assert form.name.text == "Odette Vidal" and form.service is not None
    assert form.description.text == "Tringle déjà posée"
    assert form.picker.day_buttons[1].isChecked() and form.confirm.isEnabled()
    assert form.draft_note.text() == (
        "Votre commande en cours est revenue, telle que vous l’aviez laissée."
    )

    kiosk.tap_named("Verrouiller")
    log_in(kiosk, "Karim", "2468")  # someone else: a clean form
    assert window.counter.sections["queue"].isVisible()
    assert form.name.text == "" and form.description.text == "" and form.service is None
    kiosk.tap_named("Verrouiller")
    log_in(kiosk)  # and nothing waits for Camille any more
    assert window.counter.sections["queue"].isVisible() and not form.has_draft()


def test_a_form_left_empty_leaves_no_draft(kiosk: Resident, attendants: None) -> None:
    window = kiosk.window
    log_in(kiosk)
    kiosk.tap_named("Nouvelle commande")
    kiosk.tap_named("Verrouiller")
    assert window.counter.draft_owner is None
    log_in(kiosk)
    assert window.counter.sections["queue"].isVisible()
