"""The printer's settings as a person chooses them: checked field by field, saved with
their audit row, and what is saved is what the print queue can use."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.kinds import Role
from kiosk_app.domain.printer_setup import PrinterSetup, check_printer_setup
from kiosk_app.errors import ValidationError
from kiosk_app.messages import MESSAGES, message
from printing.connections import NetworkConnection, connection_for

from .test_entry_points_fuzz import FUZZ, nasty, outcome


@pytest.mark.parametrize(
    ("kind", "typed", "saved"),
    [
        ("network", " 192.168.1.50 ", "192.168.1.50:9100"),
        ("network", "Imprimante.local:9101", "imprimante.local:9101"),
        ("network", "[fe80::1]:9100", "[fe80::1]:9100"),
        ("network", "fe80::1", "[fe80::1]:9100"),
        ("usb", "04B8:0E15", "04b8:0e15"),
        ("serial", "/dev/ttyUSB0", "/dev/ttyUSB0"),
        ("cups", "TM-T20", "TM-T20"),
        ("none", "whatever was typed", ""),
    ],
)
def test_good_addresses_are_made_plain(kind: str, typed: str, saved: str) -> None:
    setup = check_printer_setup(kind.upper(), typed, "58 mm", "CP1252")
    assert setup == PrinterSetup(kind, saved, "58", "cp1252")
    assert setup.columns == 32


@pytest.mark.parametrize(
    ("kind", "typed", "key"),
    [
        ("network", "", "printer.address_required"),
        ("network", "imprimante du fond", "printer.host_invalid"),
        ("network", "192.168.1.50:99999", "printer.port_invalid"),
        ("network", "-bad-.local", "printer.host_invalid"),
        ("usb", "", "printer.usb_required"),
        ("usb", "Epson", "printer.usb_required"),
        ("serial", "COM1", "printer.serial_invalid"),
        ("serial", "/dev/../etc/passwd", "printer.serial_invalid"),
        ("cups", "TM T20", "printer.cups_invalid"),
    ],
)
def test_bad_addresses_are_refused_beside_the_field(kind: str, typed: str, key: str) -> None:
    with pytest.raises(ValidationError) as refused:
        check_printer_setup(kind, typed, "80", "cp858")
    assert refused.value.fields == {"printer_address": key}


def test_every_field_is_checked_at_once() -> None:
    with pytest.raises(ValidationError) as refused:
        check_printer_setup("bluetooth", "x", "72", "utf-8")
    assert refused.value.fields == {
        "printer_kind": "printer.kind_unknown",
        "printer_width": "printer.width_invalid",
        "printer_codepage": "printer.codepage_invalid",
    }
    assert message("printer.port_invalid", "fr").startswith("Le port est un nombre")


def test_saved_settings_reach_the_print_queue_and_the_audit(comptoir: Comptoir) -> None:
    karim = comptoir.attendants.add("Karim Haddad", Role.MANAGER, "2468")
    comptoir.printer_setup.save(
        "network", "[::1]:9101", "58", "cp1252", source="counter", by=karim.id
    )
    settings = comptoir.settings.get()
    assert (settings.printer_kind, settings.printer_address) == ("network", "[::1]:9101")
    assert (settings.printer_width, settings.printer_codepage) == ("58", "cp1252")
    connection = connection_for(settings.printer_kind, settings.printer_address)
    assert connection == NetworkConnection("::1", 9101)
    assert comptoir.printer_setup.get() == PrinterSetup("network", "[::1]:9101", "58", "cp1252")
    with sqlite3.connect(comptoir.store.path) as conn:
        rows = conn.execute(
            "SELECT details FROM audit_log WHERE action = 'setting.changed' AND attendant_id = ?",
            (karim.id.hex,),
        ).fetchall()
    details = " ".join(row[0] for row in rows)
    # One row per setting changed; the kind and the paper, never the address (a host
    # name can be a person's).
    assert len(rows) == 4 and "::1" not in details and '"network"' in details


@FUZZ
@given(
    kind=st.sampled_from(["network", "usb", "serial", "cups", "file", "none"]),
    address=nasty("192.168.1.50", "04b8:0e15", "/dev/ttyUSB0", "TM-T20"),
)
def test_any_typed_address_is_saved_clean_or_refused(
    comptoir: Comptoir, kind: str, address: str
) -> None:
    saved = outcome(comptoir, lambda: comptoir.printer_setup.save(kind, address, "80", "cp858"))
    if saved is not None:
        assert saved.address.isprintable() and len(saved.address) <= 200
        assert saved.address == saved.address.strip()
        assert set(check_printer_setup(kind, saved.address, "80", "cp858").as_settings()) == {
            "printer_kind", "printer_address", "printer_width", "printer_codepage"
        }  # fmt: skip
    assert all(key in MESSAGES for key in ("printer.host_invalid", "printer.usb_required"))
