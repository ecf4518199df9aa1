"""Validation of what people type: normalised values or typed errors with message keys."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kiosk_app.domain import validation
from kiosk_app.errors import ValidationError
from kiosk_app.views.orders import normalise_order_number

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def key_of(check: object, *args: object, **kwargs: object) -> dict[str, str]:
    with pytest.raises(ValidationError) as raised:
        check(*args, **kwargs)  # type: ignore[operator]
    return raised.value.fields


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Jeanne Lefèvre", "Jeanne Lefèvre"),
        ("  Jean-Pierre   O'Neill ", "Jean-Pierre O'Neill"),
        ("Zoë d’Arc", "Zoë d’Arc"),
        ("محمد علي", "محمد علي"),
        ("李小龍", "李小龍"),
        ("Ngũgĩ wa Thiong'o", "Ngũgĩ wa Thiong'o"),
        ("J. Doe", "J. Doe"),
        ("e\u0301lise", "élise"),  # decomposed accent, stored composed (NFC)
        ("A" * 80, "A" * 80),
    ],
)
def test_names_in_any_script_are_kept_tidy(typed: str, stored: str) -> None:
    assert validation.person_name(typed) == stored


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("", "name.required"),
        ("   ", "name.required"),
        (None, "name.required"),
        ("A" * 81, "name.too_long"),
        ("Robert'); DROP TABLE clients;--", "name.invalid_characters"),
        ("Jeanne 😀", "name.invalid_characters"),
        ("Jeanne\x00", "name.invalid_characters"),
        ("Jean\u202eeuq", "name.invalid_characters"),  # right-to-left override
        ("---", "name.invalid_characters"),
        ("R2D2", "name.invalid_characters"),
    ],
)
def test_bad_names_are_refused(typed: str | None, key: str) -> None:
    assert key_of(validation.person_name, typed) == {"name": key}


@pytest.mark.parametrize(
    "typed",
    [
        "06 12 34 56 78",
        "+33 6 12 34 56 78",
        "0033612345678",
        "06.12.34.56.78",
        "06-12-34-56-78",
        "0612345678",
        "+33 (0)6 12 34 56 78",
        " 06 12 34 56 78 ",
    ],
)
def test_french_phone_forms_normalise_to_e164(typed: str) -> None:
    assert validation.phone(typed) == "+33612345678"


def test_digits_of_other_scripts_are_stored_as_ascii() -> None:
    assert validation.phone("０６ １２ ３４ ５６ ７８") == "+33612345678"


def test_foreign_numbers_keep_their_country() -> None:
    assert validation.phone("+44 20 7946 0958") == "+442079460958"
    assert validation.format_phone("+442079460958") == "+44 20 7946 0958"
    assert validation.format_phone("+33142720000") == "01 42 72 00 00"


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("", "phone.required"),
        (None, "phone.required"),
        ("06 12 34", "phone.invalid"),
        ("06 12 34 56 78 90", "phone.invalid"),
        ("abcdefghij", "phone.invalid"),
        ("06 12 34 56 7O", "phone.invalid"),  # a letter O among digits
        ("0" * 31, "phone.invalid"),
        ("'; DROP TABLE clients;--", "phone.invalid"),
        ("+", "phone.invalid"),
        ("00 00 00 00 00", "phone.invalid"),
    ],
)
def test_garbage_phones_are_refused(typed: str | None, key: str) -> None:
    assert key_of(validation.phone, typed) == {"phone": key}


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("", None),
        (None, None),
        ("  ", None),
        ("Jeanne.Lefevre@Example.FR", "jeanne.lefevre@example.fr"),
        ("a+kiosque@asso.paris", "a+kiosque@asso.paris"),
    ],
)
def test_emails_are_optional_and_lower_cased(typed: str | None, stored: str | None) -> None:
    assert validation.optional_email(typed) == stored


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("jeanne", "email.invalid"),
        ("jeanne@", "email.invalid"),
        ("jeanne@example", "email.invalid"),
        ("jeanne@@example.fr", "email.invalid"),
        ("jeanne lefevre@example.fr", "email.invalid"),
        ("jeanne@example.f", "email.invalid"),
        ("jeanne\u200e@example.fr", "email.invalid"),
        ("a" * 250 + "@example.fr", "email.too_long"),
    ],
)
def test_bad_emails_are_refused(typed: str, key: str) -> None:
    assert key_of(validation.optional_email, typed) == {"email": key}


@pytest.mark.parametrize(("typed", "stored"), [("75004", "75004"), ("75 004", "75004")])
def test_postcodes(typed: str, stored: str) -> None:
    assert validation.postcode(typed) == stored


@pytest.mark.parametrize("typed", ["", "7500", "750044", "00100", "99000", "7500A", "٧٥٠٠٤"])
def test_bad_postcodes_are_refused(typed: str) -> None:
    assert key_of(validation.postcode, typed) == {"postcode": "postcode.invalid"}


def test_bounded_text_keeps_emoji_and_rtl_and_line_breaks() -> None:
    # A family emoji (joined by ZWJ), a Scottish flag (tag characters), a Persian word
    # with its zero-width non-joiner.
    text = "Digicode 1234 🔑 👨‍👩‍👧 🏴󠁧󠁢󠁳󠁣󠁴󠁿\nשלום, مرحبا, می‌خواهم\tmerci"
    assert validation.bounded_text(f"  {text} ", field="access_notes", max_length=300) == text


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("", "comment.required"),
        ("x" * 501, "comment.too_long"),
        ("ok\x00", "comment.invalid_characters"),
        ("ok\x1b[2J", "comment.invalid_characters"),
        ("ok\ud800", "comment.invalid_characters"),
        ("facture \u202egpj.exe", "comment.invalid_characters"),  # right-to-left override
        ("\ufeffbonjour", "comment.invalid_characters"),  # byte order mark
    ],
)
def test_bounded_text_refusals_name_the_field(typed: str, key: str) -> None:
    fields = key_of(validation.bounded_text, typed, field="comment", max_length=500, required=True)
    assert fields == {"comment": key}


def test_bounded_text_limit_is_inclusive() -> None:
    assert validation.bounded_text("x" * 500, field="comment", max_length=500) == "x" * 500


def test_slots_within_the_next_fourteen_days() -> None:
    start = NOW + timedelta(days=14)
    assert validation.slot(start, start + timedelta(hours=1), now=NOW) == (
        start,
        start + timedelta(hours=1),
    )
    assert validation.slot(NOW, NOW + timedelta(minutes=20), now=NOW)[0] == NOW


@pytest.mark.parametrize(
    ("start", "end", "key"),
    [
        (NOW - timedelta(minutes=1), NOW + timedelta(hours=1), "slot.in_past"),
        (NOW + timedelta(days=14, seconds=1), NOW + timedelta(days=15), "slot.too_far"),
        (NOW + timedelta(hours=2), NOW + timedelta(hours=1), "slot.invalid"),
        (NOW + timedelta(hours=1), NOW + timedelta(hours=1), "slot.invalid"),
        (datetime(2026, 11, 27, 10), datetime(2026, 11, 27, 11), "slot.invalid"),  # naive
    ],
)
def test_bad_slots_are_refused(start: datetime, end: datetime, key: str) -> None:
    assert key_of(validation.slot, start, end, now=NOW) == {"slot": key}


@pytest.mark.parametrize("value", [0, -1, 13])
def test_durations_out_of_range_are_refused(value: int) -> None:
    assert key_of(validation.units, value, max_units=12) == {"units": "units.out_of_range"}


@pytest.mark.parametrize("value", [1, 12])
def test_durations_in_range(value: int) -> None:
    assert validation.units(value, max_units=12) == value


@pytest.mark.parametrize(("value", "ok"), [(-3, True), (60, True), (-4, False), (61, False)])
def test_floors(value: int, ok: bool) -> None:
    if ok:
        assert validation.floor(value) == value
    else:
        assert key_of(validation.floor, value) == {"floor": "floor.out_of_range"}


def test_a_checker_collects_every_field_with_its_parameters() -> None:
    checker = validation.Checker()
    assert checker.check(lambda: validation.phone("06 12 34 56 78")) == "+33612345678"
    assert checker.check(lambda: validation.person_name("A" * 81)) is None
    assert checker.check(lambda: validation.postcode("1")) is None
    with pytest.raises(ValidationError) as raised:
        checker.done()
    assert raised.value.fields == {"name": "name.too_long", "postcode": "postcode.invalid"}
    assert raised.value.params == {"max": validation.NAME_MAX}
    assert raised.value.key == "error.invalid_input"


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("01-0042", "01-0042"),
        ("010042", "01-0042"),
        ("1-42", "01-0042"),
        (" 01-0042 ", "01-0042"),
        ("07-123456", "07-123456"),
        ("", None),
        ("01-", None),
        ("-42", None),
        ("abc", None),
        ("001-0042", None),
        ("01-00-42", None),
        ("01-1234567890", None),
        ("'; DROP TABLE orders;--", None),
    ],
)
def test_order_numbers_typed_on_a_number_pad(typed: str, number: str | None) -> None:
    assert normalise_order_number(typed) == number
