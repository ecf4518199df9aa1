"""What each setting may hold: one check per key, used by the set-up wizard, the
counter's settings section and `kiosk settings set` alike, so that what one accepts the
others accept. A check takes the typed text and the day (the project's clock, in Paris)
and returns the value to store, or raises ValidationError naming the setting."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sync.protocol import has_control_characters

from ..errors import ValidationError
from . import validation
from .server_url import allowed_server_url

Check = Callable[[str, date], str]

PRINTER_KINDS = ("none", "network", "usb", "serial", "cups", "file")
INTERVENTION_MODES = ("prestataire", "mandataire")
IDLE_SECONDS = (15, 600)  # the residents' idle delay: KioskSettings.idle_ms keeps it there
THRESHOLD_CENTS = (0, 1_000_000)
ASSOCIATION_NAME_MAX = 120
ADDRESS_MAX = 300
KIOSK_NAME_MAX = 60
VAT_MENTION_MAX = 200
PRINTER_ADDRESS_MAX = 200
# A SAP declaration older than the scheme itself (loi Borloo, 2005; agréments before it
# date from 1996) is a typing slip.
SAP_EARLIEST = date(1996, 1, 1)
# La Poste's establishments share one SIREN, too many for Luhn keys: INSEE checks theirs
# by a sum of digits that is a multiple of 5 (its documented exception). Accepted
# besides Luhn (its head office's number passes Luhn).
LA_POSTE_SIREN = "356000000"

_SAP_NUMBER = re.compile(r"^SAP\d{9}$")


def luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        digit = int(char) * (2 if index % 2 else 1)
        total += digit - 9 if digit > 9 else digit
    return total % 10 == 0


def siret(text: str, _today: date) -> str:
    """14 digits (spaces allowed as people group them on paper) with INSEE's key."""
    value = text.replace(" ", "").replace("\u00a0", "").strip()
    if len(value) != 14 or not (value.isascii() and value.isdigit()):
        raise ValidationError({"association_siret": "siret.format"})
    la_poste = value.startswith(LA_POSTE_SIREN) and sum(int(c) for c in value) % 5 == 0
    if not (luhn_ok(value) or la_poste):
        raise ValidationError({"association_siret": "siret.check_digit"})
    return value


def sap_number(text: str, _today: date) -> str:
    """ "SAP" then the association's SIREN (9 digits), as the declaration's receipt
    writes it (nova.entreprises.gouv.fr; docs/LEGAL.md, art. D7233-1 2°)."""
    value = text.replace(" ", "").strip().upper()
    if not _SAP_NUMBER.match(value):
        raise ValidationError({"association_sap_number": "sap_number.format"})
    return value


def sap_date(text: str, today: date) -> str:
    """A day, typed 2015-03-01 or 01/03/2015, neither in the future nor before 1996."""
    value = text.strip()
    day: date | None = None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            day = datetime.strptime(value, pattern).date()
            break
        except ValueError:
            continue
    if day is None:
        raise ValidationError({"association_sap_date": "sap_date.format"})
    if day > today:
        raise ValidationError({"association_sap_date": "sap_date.future"})
    if day < SAP_EARLIEST:
        raise ValidationError({"association_sap_date": "sap_date.too_old"})
    return day.isoformat()


def _text(key: str, max_length: int, *, required: bool = True, lines: bool = False) -> Check:
    def check(text: str, _today: date) -> str:
        # An address is written on several lines; the control-character rule is the
        # wire's (sync.protocol, which the server applies too), line by line.
        parts = [validation.clean_text(part) for part in (text.splitlines() if lines else [text])]
        value = "\n".join(part for part in parts if part)
        if required and not value:
            raise ValidationError({key: "settings.required"})
        if len(value) > max_length:
            raise ValidationError({key: "settings.too_long"}, max=max_length)
        if any(has_control_characters(part) for part in parts):
            raise ValidationError({key: "settings.invalid_characters"})
        return value

    return check


def _choice(key: str, choices: tuple[str, ...]) -> Check:
    def check(text: str, _today: date) -> str:
        value = text.strip().lower()
        if value not in choices:
            raise ValidationError({key: "settings.choice"}, choices=", ".join(choices))
        return value

    return check


def _whole_number(key: str, bounds: tuple[int, int]) -> Check:
    def check(text: str, _today: date) -> str:
        value = text.strip()
        low, high = bounds
        if not (value.isascii() and value.isdigit()) or not low <= int(value) <= high:
            raise ValidationError({key: "settings.number_range"}, min=low, max=high)
        return str(int(value))

    return check


def phone(text: str, _today: date) -> str:
    if not text.strip():
        return ""  # optional: the "out of order" page then says "tell the association"
    try:
        return validation.phone(text)
    except ValidationError:
        raise ValidationError({"association_phone": "phone.invalid"}) from None


def server_url(text: str, _today: date) -> str:
    allowed = allowed_server_url(text)
    if allowed is None:
        raise ValidationError({"server_url": "server_url.insecure"})
    return allowed


def printer_address(text: str, _today: date) -> str:
    """Free in general (a file path, "vendor:product", a device, a queue); the printer
    form checks a network one as host[:port] (printer_kind decides which it is)."""
    return _text("printer_address", PRINTER_ADDRESS_MAX, required=False)(text, _today)


@dataclass(frozen=True, slots=True)
class Rule:
    check: Check | None  # None: not changed by a person (kept by Comptoir or the server)
    # The value is left out of the audit log and the sync op: it may name a person (an
    # association of one has its founder's home address and phone).
    private: bool = False


RULES: dict[str, Rule] = {
    "kiosk_code": Rule(None),
    "kiosk_name": Rule(_text("kiosk_name", KIOSK_NAME_MAX)),
    "association_name": Rule(_text("association_name", ASSOCIATION_NAME_MAX)),
    "association_address": Rule(
        _text("association_address", ADDRESS_MAX, lines=True), private=True
    ),
    "association_phone": Rule(phone, private=True),
    "association_siret": Rule(siret),
    "association_sap_number": Rule(sap_number),
    "association_sap_date": Rule(sap_date),
    "vat_mention": Rule(_text("vat_mention", VAT_MENTION_MAX)),
    "intervention_mode": Rule(_choice("intervention_mode", INTERVENTION_MODES)),
    "server_url": Rule(server_url),
    "printer_kind": Rule(_choice("printer_kind", PRINTER_KINDS)),
    # A host name or a CUPS queue can name a person (the founder's own printer).
    "printer_address": Rule(printer_address, private=True),
    "printer_width": Rule(_choice("printer_width", ("80", "58"))),
    "printer_codepage": Rule(_choice("printer_codepage", ("cp858", "cp1252"))),
    "ticket_logo": Rule(_text("ticket_logo", 500, required=False)),
    "till_difference_threshold_cents": Rule(
        _whole_number("till_difference_threshold_cents", THRESHOLD_CENTS)
    ),
    "idle_seconds": Rule(_whole_number("idle_seconds", IDLE_SECONDS)),
    "certificate_cash_rule": Rule(_choice("certificate_cash_rule", ("excluded", "included"))),
    "refund_approval_threshold_cents": Rule(
        _whole_number("refund_approval_threshold_cents", THRESHOLD_CENTS)
    ),
    "demo_store": Rule(None),
    "setup_state": Rule(None),
}


def checked(key: str, text: str, today: date) -> str:
    """The value to store for `key`; ValidationError naming `key` when it is refused.
    The caller has made sure `key` is known (RULES)."""
    rule = RULES[key]
    if rule.check is None:
        if key == "kiosk_code":  # given by the central server at enrolment
            raise ValidationError({key: "settings.kiosk_code_from_server"})
        raise ValidationError({key: "settings.not_editable"})
    return rule.check(text, today)
