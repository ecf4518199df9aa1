"""Managing attendants: list, disable, enable, reset a PIN, change a role; the last
active manager is kept; every change is audited, never with the PIN."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import Role
from kiosk_app.errors import LastManager, NotFound, PinRefused, ValidationError
from kiosk_app.exits import Exit, status_for
from kiosk_app.messages import message

from .test_entry_points_fuzz import FUZZ, nasty, outcome


def audit_actions(app: Comptoir) -> list[tuple[str, str]]:
    with sqlite3.connect(app.store.path) as conn:
        rows = conn.execute("SELECT action, details FROM audit_log ORDER BY id").fetchall()
    return [(action, details) for action, details in rows]


def test_the_last_manager_can_be_neither_disabled_nor_demoted(comptoir: Comptoir) -> None:
    karim = comptoir.attendants.add("Karim Haddad", Role.MANAGER, "2468")
    camille = comptoir.attendants.add("Camille Martin", Role.ATTENDANT, "1357")
    with pytest.raises(LastManager) as refused:
        comptoir.attendants.disable(karim.id, by=karim.id)
    assert status_for(refused.value) is Exit.NOT_NOW
    assert message(refused.value.key, "en") == (
        "This is the kiosk’s last manager: make someone else a manager first."
    )
    with pytest.raises(LastManager):
        comptoir.attendants.set_role(karim.id, Role.ATTENDANT, by=karim.id)
    assert comptoir.attendants.by_name("Karim Haddad").role is Role.MANAGER

    # Once Camille is a manager too, Karim may step down; then Camille is the last.
    assert comptoir.attendants.set_role(camille.id, Role.MANAGER, by=karim.id).role is (
        Role.MANAGER
    )
    assert comptoir.attendants.set_role(karim.id, Role.ATTENDANT, by=camille.id).role is (
        Role.ATTENDANT
    )
    with pytest.raises(LastManager):
        comptoir.attendants.disable(camille.id, by=camille.id)


def test_a_disabled_manager_does_not_count(comptoir: Comptoir) -> None:
    karim = comptoir.attendants.add("Karim Haddad", Role.MANAGER, "2468")
    sofia = comptoir.attendants.add("Sofia Rossi", Role.MANAGER, "3579")
    comptoir.attendants.disable(sofia.id, by=karim.id)
    with pytest.raises(LastManager):
        comptoir.attendants.disable(karim.id, by=karim.id)


def test_a_disabled_attendant_cannot_log_in_and_stays_listed_apart(comptoir: Comptoir) -> None:
    comptoir.attendants.add("Karim Haddad", Role.MANAGER, "2468")
    camille = comptoir.attendants.add("Camille Martin", Role.ATTENDANT, "1357")
    comptoir.attendants.disable(camille.id)
    assert [a.name for a in comptoir.attendants.list()] == ["Karim Haddad"]
    everyone = comptoir.attendants.list(with_disabled=True)
    assert [(a.name, a.active) for a in everyone] == [
        ("Karim Haddad", True),
        ("Camille Martin", False),
    ]
    with pytest.raises(NotFound):
        comptoir.attendants.log_in(camille.id, "1357")
    comptoir.attendants.enable(camille.id)
    assert comptoir.attendants.log_in(camille.id, "1357").name == "Camille Martin"


def test_a_new_pin_replaces_the_old_and_lifts_a_lockout(comptoir: Comptoir) -> None:
    camille = comptoir.attendants.add("Camille Martin", Role.ATTENDANT, "1357")
    for _ in range(5):
        with pytest.raises(PinRefused):
            comptoir.attendants.log_in(camille.id, "0000")
    comptoir.attendants.reset_pin(camille.id, "97531")
    assert comptoir.attendants.log_in(camille.id, "97531").name == "Camille Martin"
    with pytest.raises(PinRefused):
        comptoir.attendants.log_in(camille.id, "1357")
    with pytest.raises(ValidationError) as refused:
        comptoir.attendants.reset_pin(camille.id, "12ab")
    assert refused.value.fields == {"pin": "pin.invalid"}


def test_every_change_is_audited_without_the_pin(comptoir: Comptoir) -> None:
    karim = comptoir.attendants.add("Karim Haddad", Role.MANAGER, "2468")
    camille = comptoir.attendants.add("Camille Martin", Role.ATTENDANT, "1357", by=karim.id)
    comptoir.attendants.set_role(camille.id, Role.MANAGER, by=karim.id)
    comptoir.attendants.reset_pin(camille.id, "864213", by=karim.id)
    comptoir.attendants.disable(camille.id, by=karim.id)
    comptoir.attendants.disable(camille.id, by=karim.id)  # again: nothing more
    comptoir.attendants.enable(camille.id, by=karim.id)
    actions = audit_actions(comptoir)
    assert [a for a, _ in actions] == [
        "attendant.added",
        "attendant.added",
        "attendant.role",
        "attendant.pin_reset",
        "attendant.disabled",
        "attendant.enabled",
    ]
    assert '"manager"' in actions[2][1]
    assert not any("864213" in (details or "") for _, details in actions)


@FUZZ
@given(name=nasty("Karim Haddad", " Karim Haddad ", "karim haddad"))
def test_any_typed_name_finds_someone_or_says_not_found(comptoir: Comptoir, name: str) -> None:
    if not comptoir.attendants.list():
        comptoir.attendants.add("Karim Haddad", Role.MANAGER, "2468")
    found = outcome(comptoir, lambda: comptoir.attendants.by_name(name))
    if found is not None:
        assert found.name == "Karim Haddad" == name.strip()


@FUZZ
@given(name=nasty("Nadia Benali"), pin=st.one_of(st.text(max_size=12), st.just("482915")))
def test_any_name_and_pin_add_someone_valid_or_nothing(
    comptoir: Comptoir, name: str, pin: str
) -> None:
    added = outcome(comptoir, lambda: comptoir.attendants.add(name, Role.ATTENDANT, pin))
    if added is not None:
        assert comptoir.attendants.by_name(added.name) == added
        comptoir.attendants.disable(added.id)  # the next example may add the same name
        with sqlite3.connect(comptoir.store.path) as conn:
            conn.execute("DELETE FROM audit_log")
            conn.execute("DELETE FROM attendants WHERE id = ?", (added.id.hex,))
