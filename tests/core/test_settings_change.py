"""Settings changed as a person does (SettingsService.change): each value checked by one
rule for the wizard, the counter and the shell; an unknown name refused; each change
stored, audited (the value left out when it may name a person) and queued for the
central server; the set-up state that keeps orders and documents away until finished."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import Role
from kiosk_app.domain.printer_setup import network_address
from kiosk_app.domain.setting_rules import RULES, checked, siret
from kiosk_app.errors import (
    DocumentDetailsMissing,
    ManagersOnly,
    NotEnrolledYet,
    SetupNotFinished,
    UnknownSetting,
    ValidationError,
)
from kiosk_app.messages import MESSAGES, message
from kiosk_app.store.models import AuditEntry, OutboxOp, Setting
from kiosk_app.views.settings import DEFAULTS

from ..conftest import ASSOCIATION, FakeClock, give_kiosk_code
from .conftest import FreshComptoir
from .support import order_request
from .test_entry_points_fuzz import SQL_AND_FRIENDS

TODAY = date(2026, 11, 26)  # the suite's clock (tests/conftest.py START)


def refusal(key: str, text: str) -> str:
    with pytest.raises(ValidationError) as caught:
        checked(key, text, TODAY)
    return caught.value.fields[key]


def test_every_setting_has_a_rule_and_every_rule_a_setting() -> None:
    assert set(RULES) == set(DEFAULTS)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("1234567890123", "siret.format"),
        ("1234567890123A", "siret.format"),
        ("١٢٣٤٥٦٧٨٩٠١٢٣٤", "siret.format"),  # Arabic-Indic digits: isdigit() but not ASCII
        ("12345678901234", "siret.check_digit"),
        ("35600000000002", "siret.check_digit"),  # La Poste's: neither rule
    ],
)
def test_a_siret_is_refused_with_the_reason(text: str, key: str) -> None:
    assert refusal("association_siret", text) == key


def test_a_siret_is_accepted_with_its_spaces_and_la_postes_own_rule() -> None:
    assert siret("732 829 320 00074", TODAY) == "73282932000074"  # Luhn
    # La Poste (SIREN 356000000): a digit sum that is a multiple of 5 (INSEE's
    # exception) though Luhn fails; its head office's number passes Luhn.
    assert siret("35600000000001", TODAY) == "35600000000001"
    assert siret("35600000000048", TODAY) == "35600000000048"
    assert refusal("association_siret", "35700000000001") == "siret.check_digit"


def test_the_sap_declaration_number_and_date() -> None:
    assert checked("association_sap_number", "sap 123 456 789", TODAY) == "SAP123456789"
    assert refusal("association_sap_number", "SAP12345678") == "sap_number.format"
    assert refusal("association_sap_number", "123456789") == "sap_number.format"
    assert checked("association_sap_date", "01/03/2015", TODAY) == "2015-03-01"
    assert checked("association_sap_date", "2026-11-26", TODAY) == "2026-11-26"
    assert refusal("association_sap_date", "2026-11-27") == "sap_date.future"
    assert refusal("association_sap_date", "31/02/2015") == "sap_date.format"
    assert refusal("association_sap_date", "1995-12-31") == "sap_date.too_old"


def test_choices_numbers_urls_and_texts() -> None:
    assert checked("intervention_mode", " Mandataire ", TODAY) == "mandataire"
    assert refusal("intervention_mode", "salarié") == "settings.choice"
    assert refusal("printer_kind", "bluetooth") == "settings.choice"
    for kind in ("none", "network", "usb", "serial", "cups"):
        assert checked("printer_kind", kind, TODAY) == kind
    assert checked("idle_seconds", "90", TODAY) == "90"
    assert refusal("idle_seconds", "10") == "settings.number_range"
    assert refusal("idle_seconds", "²³") == "settings.number_range"
    assert checked("server_url", "https://asso.example.org/", TODAY) == "https://asso.example.org"
    assert checked("server_url", "http://127.0.0.1:8000", TODAY) == "http://127.0.0.1:8000"
    assert refusal("server_url", "http://asso.example.org") == "server_url.insecure"
    assert refusal("association_name", "   ") == "settings.required"
    assert refusal("association_name", "x" * 121) == "settings.too_long"
    assert refusal("kiosk_name", "Saint\x00Paul") == "settings.invalid_characters"
    address = checked("association_address", "12 rue Saint-Paul\n\n75004 Paris ", TODAY)
    assert address == "12 rue Saint-Paul\n75004 Paris"
    assert refusal("kiosk_code", "03") == "settings.kiosk_code_from_server"
    assert refusal("setup_state", "done") == "settings.not_editable"


def test_each_refusal_says_one_sentence_in_both_languages() -> None:
    assert message("siret.check_digit", "fr").startswith("Ce SIRET ne passe pas")
    assert message("siret.check_digit", "en").startswith("This SIRET fails")
    for key in ("settings.unknown", "sap_date.future", "settings.choice"):
        assert key in MESSAGES


def test_a_change_is_stored_audited_and_queued(comptoir: Comptoir) -> None:
    manager = comptoir.attendants.add("Nadia Benali", Role.MANAGER, "482915")
    comptoir.settings.change(
        {"kiosk_name": "Marais", "association_phone": "01 42 72 00 00"},
        source="counter",
        by=manager.id,
    )
    assert comptoir.settings.get().kiosk_name == "Marais"
    with comptoir.store.read() as session:
        audits = {
            row.details["key"]: row
            for row in session.scalars(
                select(AuditEntry).where(AuditEntry.action == "setting.changed")
            )
        }
        ops = [
            op.data for op in session.scalars(select(OutboxOp).where(OutboxOp.entity == "setting"))
        ]
    assert audits["kiosk_name"].attendant_id == manager.id
    assert audits["kiosk_name"].details == {
        "key": "kiosk_name",
        "source": "counter",
        "value": "Marais",
    }
    # A phone may be a person's: neither the audit nor the op carries it.
    assert "value" not in audits["association_phone"].details
    by_key = {op["key"]: op for op in ops}
    assert by_key["kiosk_name"]["value"] == "Marais"
    assert by_key["kiosk_name"]["changed_by"] == str(manager.id)
    assert by_key["association_phone"]["value"] is None
    # The same value again changes nothing and records nothing.
    comptoir.settings.change({"kiosk_name": "Marais"}, source="cli")
    with comptoir.store.read() as session:
        assert session.query(OutboxOp).filter(OutboxOp.entity == "setting").count() == 2


def test_refusals_write_nothing(comptoir: Comptoir) -> None:
    attendant = comptoir.attendants.add("Karim Haddad", Role.ATTENDANT, "135790")
    before = comptoir.settings.get()
    with pytest.raises(UnknownSetting) as unknown:
        comptoir.settings.change({"kiosk_name": "Marais", "colour": "red"}, source="cli")
    assert unknown.value.params == {"name": "colour"}
    with pytest.raises(ValidationError) as bad:
        comptoir.settings.change(
            {"kiosk_name": "Marais", "association_siret": "12345678901234", "idle_seconds": "0"},
            source="setup",
        )
    assert bad.value.fields == {
        "association_siret": "siret.check_digit",
        "idle_seconds": "settings.number_range",
    }
    with pytest.raises(ManagersOnly):
        comptoir.settings.change({"kiosk_name": "Marais"}, source="counter", by=attendant.id)
    assert comptoir.settings.get() == before
    with comptoir.store.read() as session:
        assert session.query(OutboxOp).filter(OutboxOp.entity == "setting").count() == 0


def test_a_new_store_is_set_up_before_any_order_or_document(
    tmp_path: Path, clock: FakeClock, demo_catalogue: dict[str, object]
) -> None:
    app = Comptoir.open(tmp_path / "kiosk", clock=clock)
    try:
        app.catalogue.load(demo_catalogue)
        assert app.settings.setup_needed()
        app.settings.begin_setup()
        with pytest.raises(SetupNotFinished):
            app.orders.place(order_request(app, clock.now))
        with pytest.raises(DocumentDetailsMissing):
            app.settings.finish_setup()
        app.settings.change(ASSOCIATION, source="setup")
        with pytest.raises(ValidationError) as no_manager:
            app.settings.finish_setup()
        assert no_manager.value.fields == {"manager": "setup.manager_missing"}
        app.attendants.add("Nadia Benali", Role.MANAGER, "482915")
        # Details set meanwhile (a shell) do not end the set-up: the wizard does.
        assert app.settings.setup_needed()
        app.settings.finish_setup()
        assert not app.settings.setup_needed()
        # Set up but not enrolled yet (the wizard's "later"): still no order until the
        # central server gives the kiosk its code.
        with pytest.raises(NotEnrolledYet):
            app.orders.place(order_request(app, clock.now))
        give_kiosk_code(app)
        assert app.orders.place(order_request(app, clock.now)).number.endswith("-0001")
    finally:
        app.close()


def test_a_demo_store_and_a_store_in_use_need_no_set_up(comptoir: Comptoir) -> None:
    assert not comptoir.settings.setup_needed()  # its association's details are set
    comptoir.settings.update(demo_store="1")
    with comptoir.store.write() as session:
        session.query(Setting).filter(Setting.key.in_(list(ASSOCIATION))).delete()
    assert not comptoir.settings.setup_needed()


def test_the_wizards_writes_end_with_the_set_up(comptoir: Comptoir) -> None:
    comptoir.settings.begin_setup()
    comptoir.attendants.add("Nadia Benali", Role.MANAGER, "482915")
    comptoir.settings.change({"kiosk_name": "Rosiers"}, source="setup")
    comptoir.settings.finish_setup()
    with pytest.raises(ManagersOnly):
        comptoir.settings.change({"kiosk_name": "Marais"}, source="setup")
    assert comptoir.settings.get().kiosk_name == "Rosiers"


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    values=st.dictionaries(
        st.one_of(st.sampled_from(sorted(RULES)), st.text(max_size=20)),
        st.one_of(st.sampled_from(SQL_AND_FRIENDS), st.text(max_size=400)),
        max_size=4,
    )
)
def test_arbitrary_values_are_stored_as_checked_or_refused_whole(
    fresh_comptoir: FreshComptoir, values: dict[str, str]
) -> None:
    """Whatever is typed: a typed refusal (every message key said in both languages)
    and nothing written, or every value stored as its rule returned it."""
    with fresh_comptoir() as (app, _clock):
        before = app.settings.get()
        try:
            after = app.settings.change(values, source="cli")
        except UnknownSetting as unknown:
            assert unknown.params["name"] not in RULES
            assert app.settings.get() == before
        except ValidationError as refused:
            assert set(refused.fields) <= set(values)
            assert all(key in MESSAGES for key in refused.fields.values())
            assert app.settings.get() == before
        else:
            for key, text in values.items():
                assert getattr(after, key) == checked(key, text, TODAY)


@settings(max_examples=500, deadline=None)
@given(
    key=st.sampled_from(sorted(RULES)),
    text=st.one_of(st.sampled_from(SQL_AND_FRIENDS), st.text(max_size=600)),
)
def test_every_rule_answers_any_text_with_a_value_or_a_refusal(key: str, text: str) -> None:
    """What the forms call on each keystroke: a clean value, or ValidationError naming
    the setting with a key said in both languages; never another exception."""
    for check in (lambda: checked(key, text, TODAY), lambda: network_address(text)):
        try:
            check()
        except ValidationError as refused:
            assert all(message_key in MESSAGES for message_key in refused.fields.values())
