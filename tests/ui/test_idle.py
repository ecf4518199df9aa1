"""A resident who walks away: after the idle delay a countdown, then the welcome screen
with everything typed forgotten; a touch during the countdown keeps the session."""

from __future__ import annotations

from kiosk_app.comptoir import Comptoir

from .conftest import MakeKiosk
from .support import Resident

IDLE_MS = 300


def start_typing_a_lulu_application(kiosk: Resident, skill: str = "Childcare") -> None:
    kiosk.tap_named("English")
    kiosk.tap_named("Larger text")
    kiosk.tap(kiosk.window.welcome.tiles["lulu"])
    screen = kiosk.window.become_lulu
    kiosk.fill(screen.name.editor, "Inès Moreau")
    kiosk.fill(screen.phone.editor, "0744556677")
    kiosk.tap_named("Hide the number pad")
    kiosk.tap_named(skill)


def test_an_idle_session_counts_down_then_forgets_everything(
    make_kiosk: MakeKiosk, comptoir: Comptoir
) -> None:
    kiosk = make_kiosk(idle_ms=IDLE_MS, countdown_s=2)
    window = kiosk.window
    start_typing_a_lulu_application(kiosk)
    kiosk.qtbot.waitUntil(lambda: window.overlay.isVisible(), timeout=2000)
    assert window.overlay.question.text() == "Are you still there?"
    assert window.overlay.countdown.text() == "Back to the start in 2 seconds."
    kiosk.qtbot.waitUntil(lambda: not window.overlay.isVisible(), timeout=4000)
    kiosk.qtbot.waitUntil(lambda: "Commander un service" in kiosk.screen_text())

    assert window.current_screen is window.welcome
    assert window.context.language.code == "fr" and not window.large_text
    assert "Commander un service" in kiosk.screen_text()
    screen = window.become_lulu
    assert screen.name.text == "" and screen.phone.text == "" and screen.chosen_skills() == []
    assert not window.keyboard.isVisible() and window.visit_id is None
    assert comptoir.lulus.list() == []


def test_a_touch_during_the_countdown_keeps_the_session(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(idle_ms=IDLE_MS, countdown_s=2)
    window = kiosk.window
    start_typing_a_lulu_application(kiosk)
    kiosk.qtbot.waitUntil(lambda: window.overlay.isVisible(), timeout=2000)
    kiosk.tap(window.overlay.stay)
    assert not window.overlay.isVisible()
    assert window.become_lulu.name.text == "Inès Moreau"
    assert window.current_screen is window.become_lulu


def test_the_welcome_screen_left_alone_stays_quiet(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(idle_ms=100, countdown_s=1)
    kiosk.qtbot.wait(400)
    assert not kiosk.window.overlay.isVisible()


def test_an_unlocked_counter_locks_itself_when_left_alone(
    make_kiosk: MakeKiosk, attendants: None
) -> None:
    kiosk = make_kiosk(idle_ms=IDLE_MS, countdown_s=1, lock_warning_s=1)
    window = kiosk.window
    window._open_pin_pad()
    kiosk.tap_named("Karim")
    for digit in "2468":
        kiosk.tap(window.pin_pad.keys[digit])
    kiosk.tap_named("Se connecter")
    assert window.attendant is not None
    kiosk.qtbot.waitUntil(window.lock_warning.isVisible, timeout=3000)  # warned first
    kiosk.qtbot.waitUntil(lambda: window.current_screen is window.welcome, timeout=3000)
    assert window.attendant is None


def test_an_order_still_being_written_when_the_session_ends_is_shown_to_no_one(
    kiosk: Resident, comptoir: Comptoir
) -> None:
    from .test_order_flow import answer_when_and_where, walk_to_who

    window = kiosk.window
    ordering = window.ordering
    walk_to_who(kiosk)
    kiosk.fill(ordering.who.phone.editor, "0612345678")
    kiosk.fill(ordering.who.name.editor, "Ana Lima")
    kiosk.tap(ordering.next)  # who → when
    answer_when_and_where(kiosk)
    kiosk.tap(ordering.next)  # what → consent
    kiosk.tap(ordering.consent.agree)
    kiosk.tap(ordering.next)
    # Confirmed, and the resident walks away before the write comes back.
    ordering.next.click()
    window.end_session()
    window.tasks.settle()
    assert window.current_screen is window.welcome
    assert window.confirmation.number.text() == ""
    assert [o.service_name_fr for o in comptoir.orders.list()] == ["Faire les courses"]


def test_the_idle_delay_is_a_setting_of_the_kiosk(
    comptoir: Comptoir, make_kiosk: MakeKiosk
) -> None:
    """A busy street kiosk may want residents to have longer (or shorter): the delay is
    the kiosk's `idle_seconds` setting, kept within sensible bounds."""
    comptoir.settings.update(idle_seconds="90")
    assert make_kiosk().window.idle.timer.interval() == 90_000
    comptoir.settings.update(idle_seconds="2")
    assert make_kiosk().window.idle.timer.interval() == 15_000
    comptoir.settings.update(idle_seconds="une minute")
    assert make_kiosk().window.idle.timer.interval() == 60_000
