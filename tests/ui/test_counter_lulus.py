"""The Lulus at the counter, driven through the widgets after a PIN login: an application
made on the resident's "become a Lulu" screen arrives as a candidate, the attendant
opens the file, ticks the checklist, picks a tutor and onboards; a Lulu's orders and
ratings are shown. The store is checked after each step."""

from __future__ import annotations

import json
import uuid

from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QListWidget, QWidget

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import OnboardingStage
from kiosk_app.views.lulus import CHECKLIST
from tests.core.support import sqlite_file

from .counter_support import log_in, place_order
from .support import Resident

S = OnboardingStage
FRENCH_ITEMS = (
    "Identité vérifiée",
    "Inscription comme auto-entrepreneur",
    "Déclaration à l’URSSAF",
    "Assurance prise",
    "Formation suivie",
)


def onboarded_lulu(comptoir: Comptoir, name: str, phone: str, skills: list[str]) -> uuid.UUID:
    """A Lulu the association onboarded earlier (through the core, by a manager)."""
    manager = next(a for a in comptoir.attendants.list() if a.name == "Karim")
    lulu_id: uuid.UUID = comptoir.lulus.register_application(name, phone, skills, "")
    comptoir.onboarding.move(lulu_id, S.FILE_IN_PROGRESS, attendant_id=manager.id)
    for item in CHECKLIST:
        comptoir.onboarding.tick(lulu_id, item, True, attendant_id=manager.id)
    comptoir.onboarding.move(lulu_id, S.ONBOARDED, attendant_id=manager.id)
    return lulu_id


def tap_on_page(kiosk: Resident, name: str) -> None:
    """Scroll the Lulus page to the control a person reads as `name`, then tap it."""
    page = kiosk.window.counter.lulus
    matches = [w for w in page.findChildren(QWidget) if w.accessibleName() == name]
    shown = [w for w in matches if w.isVisible()]
    assert shown, f"no {name!r} on the Lulus page"
    kiosk.window.counter.scroll_to(shown[0])
    kiosk.tap(shown[0])


def tap_row(kiosk: Resident, view: QListWidget, text: str) -> None:
    rows = [view.item(i) for i in range(view.count()) if text in view.item(i).text()]
    assert rows, f"no row with {text!r}: {[view.item(i).text() for i in range(view.count())]}"
    kiosk.window.counter.scroll_to(view)
    kiosk.tap(view.viewport(), view.visualItemRect(rows[0]).center())


def test_an_application_from_the_touchscreen_is_onboarded_at_the_counter(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    tutor = onboarded_lulu(comptoir, "Awa Diop", "06 10 20 30 41", ["enfants", "menage"])
    # A neighbour applies on the touchscreen.
    kiosk.tap(kiosk.window.welcome.tiles["lulu"])
    screen = kiosk.window.become_lulu
    kiosk.fill(screen.name.editor, "Inès Moreau")
    kiosk.fill(screen.phone.editor, "0744556677")
    kiosk.tap_named("Garde d'enfants")
    kiosk.fill(screen.availability.editor, "Le mercredi")
    kiosk.tap(screen.send)
    kiosk.tap_named("Accueil")

    log_in(kiosk)
    kiosk.tap_named("Lulus")
    page = kiosk.window.counter.lulus
    assert page.filters[S.CANDIDATE].text() == "Candidats\n1"
    assert page.filters[S.ONBOARDED].text() == "Validés\n1"
    assert page.filters[None].text() == "Tous\n2"
    # The candidate waiting for a call back comes first, with their phone.
    first = page.list.item(0).text()
    assert first.startswith("Inès Moreau\n07 44 55 66 77 · candidature le 26 nov.")
    tap_row(kiosk, page.list, "Inès Moreau")
    profile = page.profile
    assert profile.name.text() == "Inès Moreau"
    assert "Disponibilités : Le mercredi" in profile.facts.text()
    assert "Savoir-faire : Garde d'enfants" in profile.facts.text()
    assert "candidature" in profile.stage_shown.text()
    # From candidate: open the file or set inactive, nothing else.
    moves = {stage for stage, button in profile.moves.items() if button.isVisible()}
    assert moves == {S.FILE_IN_PROGRESS, S.INACTIVE}
    lulu_id = page.rows[0].id

    tap_on_page(kiosk, "Ouvrir le dossier")
    assert comptoir.lulus.get(lulu_id).stage is S.FILE_IN_PROGRESS
    assert "dossier en cours" in profile.stage_shown.text()
    assert page.filters[S.CANDIDATE].text() == "Candidats\n0"
    onboard = profile.moves[S.ONBOARDED]
    assert onboard.isVisible() and not onboard.isEnabled()  # the checklist is not complete
    assert profile.checklist_note.text() == "Cochez chaque pièce pour valider ce Lulu."

    for item, name in zip(CHECKLIST, FRENCH_ITEMS, strict=True):
        tap_on_page(kiosk, name)
        assert comptoir.lulus.get(lulu_id).checklist[item] is True
        assert profile.checklist[item].isChecked()
        assert profile.checklist[item].text() == f"✓ {name}"
    assert profile.note.text() == "Coché : Formation suivie."

    assert profile.tutors.count() == 1 and profile.tutors.item(0).text().startswith("Awa Diop")
    tap_row(kiosk, profile.tutors, "Awa Diop")
    tap_on_page(kiosk, "Choisir comme tuteur")
    assert comptoir.lulus.get(lulu_id).tutor_id == tutor
    assert profile.tutor_shown.text() == "Tuteur : Awa Diop"
    assert profile.tutors.count() == 0  # Awa is theirs now, shown above the list

    tap_on_page(kiosk, "Valider ce Lulu")
    lulu = comptoir.lulus.get(lulu_id)
    assert lulu.stage is S.ONBOARDED and not lulu.in_training
    assert lulu.checklist == dict.fromkeys(CHECKLIST, True)
    assert "dossier validé" in profile.stage_shown.text()
    assert page.filters[S.ONBOARDED].text() == "Validés\n2"
    assert not any(button.isVisible() for button in profile.checklist.values())
    assert not profile.tutor_box.isVisible()

    camille = next(a for a in comptoir.attendants.list() if a.name == "Camille")
    with sqlite_file(comptoir.store.path) as conn:
        audited = conn.execute(
            "SELECT action, details FROM audit_log WHERE attendant_id = ? AND entity_id = ?",
            (camille.id.hex, str(lulu_id)),
        ).fetchall()
        patches = conn.execute(
            "SELECT data FROM outbox WHERE entity = 'lulu_file' AND entity_id = ?",
            (lulu_id.hex,),
        ).fetchall()
    assert [action for action, _ in audited] == [
        "lulu.stage",
        *["lulu.checklist"] * len(CHECKLIST),
        "lulu.tutor",
        "lulu.stage",
    ]
    assert json.loads(audited[-1][1]) == {"from": "file_in_progress", "to": "onboarded"}
    assert json.loads(patches[-1][0]) == {"stage": "onboarded"}
    # No phone in the audit log.
    assert all("744556677" not in details for _, details in audited)


def test_a_lulus_orders_and_ratings_are_shown(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    lulu_id = onboarded_lulu(comptoir, "Awa Diop", "06 10 20 30 41", ["bricolage"])
    orders = [place_order(comptoir, day=day, phone=f"06 11 22 33 {day:02d}") for day in (27, 28)]
    for order in orders:
        comptoir.orders.confirm(order.id, attendant_id=None)
        comptoir.orders.assign(order.id, lulu_id, attendant_id=None)
    comptoir.orders.mark_done(orders[0].id, 100, attendant_id=None)  # 5 × 20 min
    comptoir.ratings.rate(orders[0].id, 4, "Rideaux <b>bien</b> posés")

    log_in(kiosk)
    kiosk.tap_named("Lulus")
    page = kiosk.window.counter.lulus
    tap_row(kiosk, page.list, "Awa Diop")
    history = page.profile.history
    assert history.isVisible()
    assert history.totals.text() == (
        "Prestations réalisées : 1 · temps de travail : 1 h 40 · note moyenne : 4,0 (1)"
    )
    table = history.table
    cells = [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]
    newest, oldest = cells
    assert newest[0] == orders[1].number and oldest[0] == orders[0].number
    assert newest[3] == "Odette" and oldest[3] == "Odette"  # the first name only
    assert newest[4] == "Attribuée" and oldest[4] == "Réalisée"
    assert oldest[5] == "1 h 40" and newest[5] == "~1 h"  # the estimate is marked
    assert not history.orders_pager.isVisible()  # one page
    assert history.ratings_shown.text() == (
        f"★★★★☆  commande {orders[0].number}, jeu. 26 nov. : « Rideaux <b>bien</b> posés »"
    )

    kiosk.window.set_language("en")
    QApplication.processEvents()  # the LanguageChange events Qt posts
    assert history.ratings_shown.text().startswith(f"★★★★☆  order {orders[0].number}")
    assert history.totals.text().startswith("Services done: 1 · time worked: 1 h 40")
    kiosk.window.set_language("fr")
    QApplication.processEvents()

    kiosk.tap_named("Verrouiller")
    # Locked: no name, phone, order or comment stays behind on the page.
    assert page.list.count() == 0 and page.profile.profile is None
    assert history.table.rowCount() == 0
    left = [w.text() for w in page.findChildren(QWidget) if isinstance(w, QLabel | QAbstractButton)]
    assert not [t for t in left if "Awa" in t or "Rideaux" in t or "06 10" in t]


def test_ten_orders_a_page_and_the_older_ones_a_tap_away(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    lulu_id = onboarded_lulu(comptoir, "Awa Diop", "06 10 20 30 41", ["bricolage"])
    numbers = []
    for n in range(11):  # eleven two-hour orders, one after the other, from Friday 27th
        day, hour = 27 + n // 5, 6 + 2 * (n % 5)
        order = place_order(comptoir, day=day, hour=hour, phone=f"06 11 22 33 {n:02d}")
        comptoir.orders.confirm(order.id, attendant_id=None)
        comptoir.orders.assign(order.id, lulu_id, attendant_id=None)
        numbers.append(order.number)
    log_in(kiosk)
    kiosk.tap_named("Lulus")
    page = kiosk.window.counter.lulus
    tap_row(kiosk, page.list, "Awa Diop")
    history = page.profile.history
    assert history.table.rowCount() == 10
    assert history.table.item(0, 0).text() == numbers[-1]  # the latest slot first
    assert history.orders_pager.shown.text() == "1–10 sur 11"
    assert not history.orders_pager.newer.isEnabled()
    tap_on_page(kiosk, "Plus anciennes ▶")
    assert history.table.rowCount() == 1
    assert history.table.item(0, 0).text() == numbers[0]
    assert history.orders_pager.shown.text() == "11–11 sur 11"
    assert not history.orders_pager.older.isEnabled()
    tap_on_page(kiosk, "◀ Plus récentes")
    assert history.table.item(0, 0).text() == numbers[-1]


def test_a_candidate_who_withdraws_is_set_inactive_and_can_come_back(
    kiosk: Resident, comptoir: Comptoir, attendants: None
) -> None:
    lulu_id = comptoir.lulus.register_application(
        "Karim Benali", "07 81 22 33 44", ["bricolage"], "Le matin"
    )
    log_in(kiosk)
    kiosk.tap_named("Lulus")
    page = kiosk.window.counter.lulus
    tap_row(kiosk, page.list, "Karim Benali")
    tap_on_page(kiosk, "Passer en inactif")
    assert comptoir.lulus.get(lulu_id).stage is S.INACTIVE
    assert page.profile.note.text() == "Nouvelle étape : hors activité."
    assert page.filters[S.INACTIVE].text() == "Inactifs\n1"
    moves = {stage for stage, button in page.profile.moves.items() if button.isVisible()}
    assert moves == {S.FILE_IN_PROGRESS}
    tap_on_page(kiosk, "Réactiver")
    assert comptoir.lulus.get(lulu_id).stage is S.FILE_IN_PROGRESS
