"""The encoder: what the page has is kept, the rest transliterated, nothing garbage."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from printing.blocks import Row, Text
from printing.encoding import CP858, CP1252, CodePage
from printing.layout import block_lines
from printing.profiles import profile_for


@pytest.mark.parametrize("page", [CP858, CP1252], ids=["cp858", "cp1252"])
def test_french_text_and_euro_survive_both_pages(page: CodePage) -> None:
    text = "Été à l’Hôtel-Dieu : 15,00 € — çà et là, Noël, maïs, où ?"
    fitted = page.fit(text)
    assert page.encode(fitted).decode(page.codec) == fitted
    for kept in "ÉtéàôçëïùÔ€":
        if kept in text:
            assert kept in fitted


def test_characters_cp858_lacks_are_transliterated() -> None:
    assert CP858.fit("Œuvre — “cœur” … 🎉") == 'OEuvre - "coeur" ... ?'


def test_cp1252_keeps_what_it_has() -> None:
    assert CP1252.fit("Œuvre — “cœur” …") == "Œuvre — “cœur” …"
    assert CP1252.fit("👵🏻 ok") == "?? ok"


def test_accented_letters_outside_the_page_keep_their_base_letter() -> None:
    assert CP858.fit("Ŝtefan Łódź ﬁne") == "Stefan Lódz fine"


def test_control_characters_never_reach_the_printer() -> None:
    assert CP858.fit("a\x1b@b\x1dV\x00c\x07\u200d") == "a@bVc"


@given(st.text())
def test_any_text_fits_the_page_and_decodes_back_identically(text: str) -> None:
    for page in (CP858, CP1252):
        fitted = page.fit(text)
        encoded = page.encode(fitted)
        assert all(byte >= 0x20 and byte != 0x7F for byte in encoded)
        assert encoded.decode(page.codec) == fitted


@given(st.text(max_size=500), st.text(max_size=60), st.sampled_from(["80", "58"]))
def test_wrapped_lines_never_exceed_the_paper(label: str, amount: str, width: str) -> None:
    profile = profile_for(width, "cp858")
    for line in block_lines(Text(label), profile) + block_lines(Row(label, amount), profile):
        assert len(line.text) <= profile.columns
    for line in block_lines(Text(label, big=True), profile):
        assert len(line.text) <= profile.big_columns


@pytest.mark.parametrize(("width", "columns"), [("80", 48), ("58", 32)])
def test_amounts_sit_in_a_right_aligned_column(width: str, columns: int) -> None:
    profile = profile_for(width, "cp1252")
    lines = block_lines(
        Row("Prix estimé d’une très longue prestation à domicile", "15,00 €"), profile
    )
    assert lines[-1].text.endswith("15,00 €")
    assert len(lines[-1].text) == columns
    assert all(len(line.text) <= columns for line in lines)
    joined = " ".join(line.text for line in lines).replace("15,00 €", "").split()
    assert " ".join(joined) == "Prix estimé d’une très longue prestation à domicile"


def test_prices_and_dates_in_french_conventions() -> None:
    from datetime import UTC, date, datetime

    from documents import formats

    assert formats.euros(1500) == "15,00 €"
    assert formats.euros(123456) == "1 234,56 €"
    assert formats.euros(-500) == "-5,00 €"
    assert formats.long_date(date(2026, 12, 1)) == "mardi 1er décembre 2026"
    assert formats.long_date(date(2026, 12, 1), "en") == "Tuesday 1 December 2026"
    summer = datetime(2026, 7, 1, 8, 5, tzinfo=UTC)  # 10:05 in Paris (UTC+2)
    assert formats.clock_time(summer) == "10 h 05"
    assert formats.clock_time(summer, "en") == "10:05"
    assert formats.clock_time(datetime(2026, 7, 1, 7, 0, tzinfo=UTC)) == "9 h"  # not "9 h 00"
    assert formats.duration(80) == "1 h 20" and formats.duration(40) == "40 min"
