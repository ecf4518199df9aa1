"""Lulu applications made at the kiosk, and attendants' PINs: hashed, locked after five
wrong tries, never written in clear anywhere."""

from __future__ import annotations

import json
import uuid

import pytest

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import OnboardingStage, Role
from kiosk_app.errors import LoginLocked, NotFound, PinRefused, ValidationError
from kiosk_app.views.attendants import AttendantView

from .support import Clock, grown, row_counts, sqlite_file

PIN = "482913"  # the `attendant` fixture's


def test_an_application_creates_a_candidate_lulu(comptoir: Comptoir, clock: Clock) -> None:
    before = row_counts(comptoir)

    lulu_id = comptoir.lulus.register_application(
        " Aïcha  Diallo ", "06 98 76 54 32", ["menage", "couture", "menage"], "Mardi et jeudi"
    )

    assert grown(before, row_counts(comptoir)) == {
        "lulus": 1,
        "lulu_files": 1,
        "lulu_applications": 1,
        "outbox": 1,
    }
    lulu = comptoir.lulus.get(lulu_id)
    assert lulu.display_name == "Aïcha Diallo"
    assert lulu.stage is OnboardingStage.CANDIDATE
    assert lulu.in_training
    assert lulu.skills == {"menage", "couture"}
    assert lulu.checklist == dict.fromkeys(lulu.checklist, False)
    assert [v.id for v in comptoir.lulus.list(stage=OnboardingStage.CANDIDATE)] == [lulu_id]
    with sqlite_file(comptoir.store.path) as conn:
        phone, skills, availability = conn.execute(
            "SELECT phone, skills, availability FROM lulu_applications"
        ).fetchone()
        entity, kind = conn.execute("SELECT entity, kind FROM outbox").fetchone()
    assert phone == "+33698765432"
    assert json.loads(skills) == ["menage", "couture"]
    assert availability == "Mardi et jeudi"
    assert (entity, kind) == ("lulu_application", "append")


@pytest.mark.parametrize(
    ("skills", "key"), [([], "skills.required"), (["menage", "astrologie"], "skills.unknown")]
)
def test_an_application_needs_known_skills(comptoir: Comptoir, skills: list[str], key: str) -> None:
    before = row_counts(comptoir)
    with pytest.raises(ValidationError) as raised:
        comptoir.lulus.register_application("Aïcha Diallo", "12", skills, "")
    assert raised.value.fields == {"phone": "phone.invalid", "skills": key}
    assert row_counts(comptoir) == before


def test_onboarding_needs_a_complete_checklist(comptoir: Comptoir, lulu_id: uuid.UUID) -> None:
    """The whole way from candidate at once (a script bringing in Lulus vetted on paper)
    keeps the counter's rules: no onboarding without the whole checklist."""
    onboarding = comptoir.onboarding
    with pytest.raises(ValidationError) as raised:
        onboarding.take_to(
            lulu_id, OnboardingStage.ONBOARDED, attendant_id=None, ticked=["trained"]
        )
    assert raised.value.fields == {"stage": "stage.checklist_incomplete"}
    lulu = comptoir.lulus.get(lulu_id)  # refused before the first step: nothing written
    assert lulu.stage is OnboardingStage.CANDIDATE and not any(lulu.checklist.values())

    everything = list(lulu.checklist)
    lulu = onboarding.take_to(
        lulu_id, OnboardingStage.ONBOARDED, attendant_id=None, ticked=everything
    )
    assert lulu.stage is OnboardingStage.ONBOARDED
    assert not lulu.in_training


def test_an_attendant_logs_in_with_their_pin(comptoir: Comptoir, attendant: AttendantView) -> None:
    assert comptoir.attendants.log_in(attendant.id, PIN) == attendant
    assert comptoir.attendants.list() == [attendant]


def test_the_pin_is_stored_as_an_argon2_hash_and_never_in_clear(
    comptoir: Comptoir, attendant: AttendantView
) -> None:
    with pytest.raises(PinRefused):
        comptoir.attendants.log_in(attendant.id, "135791")
    comptoir.attendants.log_in(attendant.id, PIN)
    with sqlite_file(comptoir.store.path) as conn:
        (pin_hash,) = conn.execute("SELECT pin_hash FROM attendants").fetchone()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert pin_hash.startswith("$argon2id$")
    comptoir.close()
    # Nothing of either PIN in the file's bytes, nor in a leftover journal.
    for path in comptoir.store.path.parent.iterdir():
        data = path.read_bytes()
        assert PIN.encode() not in data, path.name
        assert b"135791" not in data, path.name
        assert PIN.encode("utf-16-le") not in data, path.name


def test_five_wrong_pins_lock_the_login_for_five_minutes(
    comptoir: Comptoir, clock: Clock, attendant: AttendantView
) -> None:
    remaining = []
    for _ in range(5):
        with pytest.raises(PinRefused) as refused:
            comptoir.attendants.log_in(attendant.id, "000000")
        remaining.append(refused.value.params["remaining"])
    assert remaining == [4, 3, 2, 1, 0]

    # Locked: even the right PIN is turned away until the five minutes are over.
    with pytest.raises(LoginLocked):
        comptoir.attendants.log_in(attendant.id, PIN)
    clock.advance(minutes=4, seconds=59)
    with pytest.raises(LoginLocked):
        comptoir.attendants.log_in(attendant.id, PIN)

    clock.advance(seconds=1)
    assert comptoir.attendants.log_in(attendant.id, PIN) == attendant


def test_a_right_pin_resets_the_count_of_wrong_ones(
    comptoir: Comptoir, attendant: AttendantView
) -> None:
    for _ in range(4):
        with pytest.raises(PinRefused):
            comptoir.attendants.log_in(attendant.id, "000000")
    comptoir.attendants.log_in(attendant.id, PIN)
    with pytest.raises(PinRefused) as refused:
        comptoir.attendants.log_in(attendant.id, "000000")
    assert refused.value.params["remaining"] == 4


def test_the_audit_log_never_holds_the_pin(
    comptoir: Comptoir, clock: Clock, attendant: AttendantView
) -> None:
    for _ in range(5):
        with pytest.raises(PinRefused):
            comptoir.attendants.log_in(attendant.id, "777777")
    clock.advance(minutes=6)
    comptoir.attendants.log_in(attendant.id, PIN)
    with sqlite_file(comptoir.store.path) as conn:
        entries = conn.execute(
            "SELECT action, entity, entity_id, details FROM audit_log ORDER BY id"
        ).fetchall()
    assert [action for action, *_ in entries] == [
        "attendant.added",
        "attendant.locked",
        "attendant.login",
    ]
    for entry in entries:
        text = " ".join(str(part) for part in entry)
        assert PIN not in text
        assert "777777" not in text


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "١٢٣٤", "", " 1234"])
def test_a_pin_is_four_to_eight_ascii_digits(comptoir: Comptoir, pin: str) -> None:
    with pytest.raises(ValidationError) as raised:
        comptoir.attendants.add("Camille Martin", Role.ATTENDANT, pin)
    assert raised.value.fields == {"pin": "pin.invalid"}
    assert row_counts(comptoir)["attendants"] == 0


def test_attendant_names_are_unique(comptoir: Comptoir, attendant: AttendantView) -> None:
    with pytest.raises(ValidationError) as raised:
        comptoir.attendants.add("Camille  Martin", Role.MANAGER, "1111")
    assert raised.value.fields == {"name": "attendant.exists"}


def test_an_unknown_attendant_is_not_found(comptoir: Comptoir) -> None:
    with pytest.raises(NotFound):
        comptoir.attendants.log_in(uuid.uuid4(), PIN)


def test_the_whole_way_with_a_tutor_who_cannot_tutor_writes_nothing(
    comptoir: Comptoir, lulu_id: uuid.UUID
) -> None:
    """A tutor must be onboarded: refused before the first step, not halfway."""
    other = comptoir.lulus.register_application("Awa Diop", "06 10 20 30 41", ["menage"], "")
    with pytest.raises(ValidationError) as raised:
        comptoir.onboarding.take_to(
            lulu_id, OnboardingStage.FILE_IN_PROGRESS, attendant_id=None, tutor_id=other
        )
    assert raised.value.fields == {"tutor": "tutor.not_onboarded"}
    lulu = comptoir.lulus.get(lulu_id)
    assert lulu.stage is OnboardingStage.CANDIDATE and lulu.tutor_id is None
