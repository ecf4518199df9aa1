"""Validation of everything a person types, shared by every entry point.

Each check returns the normalised value or records a message key for its field. A form
collects all its fields' keys at once (`Checker`) and raises a single `ValidationError`
before anything is written, so nothing is ever half-written.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TypeVar

import phonenumbers

from sync.protocol import has_control_characters

from ..errors import ValidationError

T = TypeVar("T")

NAME_MAX = 80
STREET_MAX = 120
CITY_MAX = 60
BUILDING_MAX = 40
ACCESS_NOTES_MAX = 300
DESCRIPTION_MAX = 1000
COMMENT_MAX = 500
AVAILABILITY_MAX = 300
EMAIL_MAX = 254
FLOOR_MIN, FLOOR_MAX = -3, 60
SLOT_DAYS_AHEAD = 14

# Characters that may appear in a person's name besides letters and combining marks.
_NAME_PUNCTUATION = frozenset(" -'’.")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_POSTCODE = re.compile(r"^(?:0[1-9]|[1-8]\d|9[0-8])\d{3}$")


def clean_text(value: str | None) -> str:
    """Strip surrounding blanks and normalise to NFC, so the same text is stored alike."""
    return unicodedata.normalize("NFC", (value or "").strip())


def person_name(value: str | None) -> str:
    name = " ".join(clean_text(value).split())
    if not name:
        raise ValidationError({"name": "name.required"})
    if len(name) > NAME_MAX:
        raise ValidationError({"name": "name.too_long"}, max=NAME_MAX)
    letters = 0
    for ch in name:
        category = unicodedata.category(ch)
        if category.startswith("L"):
            letters += 1
        elif not (category.startswith("M") or ch in _NAME_PUNCTUATION):
            raise ValidationError({"name": "name.invalid_characters"})
    if letters == 0:
        raise ValidationError({"name": "name.invalid_characters"})
    return name


def phone(value: str | None) -> str:
    """A phone number in any usual French form ("06 12 34 56 78", "+33 6…", "0033…"),
    or international with its + prefix, returned in E.164 ("+33612345678")."""
    raw = clean_text(value)
    if not raw:
        raise ValidationError({"phone": "phone.required"})
    if len(raw) > 30 or not re.fullmatch(r"[\d\s.+()-]+", raw):
        raise ValidationError({"phone": "phone.invalid"})
    e164 = _e164(raw)
    if e164 is None:
        raise ValidationError({"phone": "phone.invalid"})
    return e164


def _e164(raw: str) -> str | None:
    """A typed number in E.164, or None. (Not cached, though parsing costs more than the
    rest of a form: a cache would keep residents' numbers in memory after they leave.)"""
    try:
        parsed = phonenumbers.parse(raw, "FR")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))


def format_phone(e164: str) -> str:
    """French numbers as French people write them ("06 12 34 56 78"), others
    internationally."""
    parsed = phonenumbers.parse(e164, "FR")
    if parsed.country_code == 33:
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def optional_email(value: str | None) -> str | None:
    email = clean_text(value)
    if not email:
        return None
    if len(email) > EMAIL_MAX:
        raise ValidationError({"email": "email.too_long"}, max=EMAIL_MAX)
    if not _EMAIL.match(email) or has_control_characters(email):
        raise ValidationError({"email": "email.invalid"})
    return email.lower()


def postcode(value: str | None) -> str:
    code = clean_text(value).replace(" ", "")
    if not _POSTCODE.match(code):
        raise ValidationError({"postcode": "postcode.invalid"})
    return code


def bounded_text(value: str | None, *, field: str, max_length: int, required: bool = False) -> str:
    """Free text (street, notes, description): bounded, no control characters (the
    wire contract's rule, which the server applies too: sync.protocol). Emoji and
    right-to-left scripts are fine: people write them."""
    text = clean_text(value)
    if required and not text:
        raise ValidationError({field: f"{field}.required"})
    if len(text) > max_length:
        raise ValidationError({field: f"{field}.too_long"}, max=max_length)
    if has_control_characters(text):
        raise ValidationError({field: f"{field}.invalid_characters"})
    return text


def floor(value: int | None) -> int | None:
    if value is None:
        return None
    if not FLOOR_MIN <= value <= FLOOR_MAX:
        raise ValidationError({"floor": "floor.out_of_range"}, min=FLOOR_MIN, max=FLOOR_MAX)
    return value


def slot(start: datetime, end: datetime, *, now: datetime) -> tuple[datetime, datetime]:
    """A requested slot: aware datetimes, not in the past, at most 14 days ahead."""
    if start.tzinfo is None or end.tzinfo is None or end <= start:
        raise ValidationError({"slot": "slot.invalid"})
    if start < now:
        raise ValidationError({"slot": "slot.in_past"})
    if start > now + timedelta(days=SLOT_DAYS_AHEAD):
        raise ValidationError({"slot": "slot.too_far"}, days=SLOT_DAYS_AHEAD)
    return start, end


def units(value: int, *, max_units: int) -> int:
    if not 1 <= value <= max_units:
        raise ValidationError({"units": "units.out_of_range"}, min=1, max=max_units)
    return value


REQUEST_ID_MAX = 64
_REQUEST_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:")


def request_id(value: object) -> str:
    """A screen's request id (a UUID, or up to 64 letters, digits and `-_.:`): anything
    else is a bug of the caller, refused before anything is written."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if (
        not isinstance(value, str)
        or not 1 <= len(value) <= REQUEST_ID_MAX
        or not set(value) <= _REQUEST_ID_CHARS
    ):
        raise ValidationError({"request_id": "request_id.invalid"}, max=REQUEST_ID_MAX)
    return value


def stars(value: int) -> int:
    if not 1 <= value <= 5:
        raise ValidationError({"stars": "stars.out_of_range"})
    return value


class Checker:
    """Runs several field checks and raises one `ValidationError` naming every bad
    field, so a form can mark them all at once."""

    def __init__(self) -> None:
        self.fields: dict[str, str] = {}
        self.params: dict[str, object] = {}

    def check(self, check: Callable[[], T]) -> T | None:
        try:
            return check()
        except ValidationError as error:
            self.fields.update(error.fields)
            self.params.update(error.params)
            return None

    def done(self) -> None:
        if self.fields:
            raise ValidationError(self.fields, **self.params)
