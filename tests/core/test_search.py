"""Catalogue search as residents type: without accents, in any case and word order, by
word prefixes; the results are services."""

from __future__ import annotations

import pytest

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.search_text import fold, words
from kiosk_app.services.catalogue import fts_query


def names(app: Comptoir, typed: str) -> list[str]:
    return [service.name_fr for service in app.catalogue.search(typed)]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("menage", "Ménage"),
        ("MÉNAGE", "Ménage"),
        ("rep", "Repassage"),
        ("montee courses", "Montée de courses"),
        ("COURSES montée", "Montée de courses"),
        ("mont cour", "Montée de courses"),
        ("ironing", "Repassage"),  # the English name is searched too
        ("veterinaire", "Emmener chez le vétérinaire"),
        ("l'ordinateur", "Initiation à l'ordinateur"),
    ],
)
def test_a_resident_finds_the_service(comptoir: Comptoir, typed: str, expected: str) -> None:
    found = names(comptoir, typed)
    assert expected in found


def test_a_name_match_ranks_first(comptoir: Comptoir) -> None:
    # "Ménage" is a service and a category (whose other services mention it in their
    # details): the service named so comes first.
    found = names(comptoir, "menage")
    assert found[0] == "Ménage"
    assert "Grand ménage de printemps" in found
    assert names(comptoir, "montee courses")[0] == "Montée de courses"


def test_every_word_must_match(comptoir: Comptoir) -> None:
    assert len(names(comptoir, "courses")) > len(names(comptoir, "montee courses"))
    assert names(comptoir, "repassage chien") == []
    assert names(comptoir, "xyzzy") == []


@pytest.mark.parametrize("typed", ["", "   ", "!!!", "😀", "-- ;"])
def test_no_words_find_nothing(comptoir: Comptoir, typed: str) -> None:
    assert comptoir.catalogue.search(typed) == []


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ('menage" OR "', "menage or"),
        ("NEAR(menage)", "near menage"),
        ("* AND *", "and"),
        ("'; DROP TABLE services;--", "drop table services"),
        ("repa*", "repa"),
    ],
)
def test_fts_syntax_is_searched_as_plain_words(comptoir: Comptoir, typed: str, plain: str) -> None:
    assert comptoir.catalogue.search(typed) == comptoir.catalogue.search(plain)
    assert len(comptoir.catalogue.all_services()) > 0  # the table is still there


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('menage" OR "x') == '"menage"* "or"* "x"*'
    assert fts_query("!!!") is None


def test_withdrawn_services_are_not_found(
    comptoir: Comptoir, demo_catalogue: dict[str, object]
) -> None:
    services = demo_catalogue["services"]
    assert isinstance(services, list)
    for service in services:
        if service["code"] == "repassage":
            service["active"] = False
    comptoir.catalogue.load(demo_catalogue)
    assert "Repassage" not in names(comptoir, "repassage")
    assert "Repassage" not in {s.name_fr for s in comptoir.catalogue.all_services()}


def test_a_renamed_service_is_found_by_its_new_name(
    comptoir: Comptoir, demo_catalogue: dict[str, object]
) -> None:
    services = demo_catalogue["services"]
    assert isinstance(services, list)
    for service in services:
        if service["code"] == "montee-courses":
            service["name_fr"] = "Portage de courses"
    comptoir.catalogue.load(demo_catalogue)
    assert "Portage de courses" in names(comptoir, "portage")
    assert "Montée de courses" not in names(comptoir, "montee courses")


def test_categories_and_their_services(
    comptoir: Comptoir, demo_catalogue: dict[str, object]
) -> None:
    categories = comptoir.catalogue.categories()
    assert len(categories) == 12
    assert [c.position for c in categories] == sorted(c.position for c in categories)
    menage = next(c for c in categories if c.code == "menage")
    assert menage.name("fr") == "Ménage"
    in_menage = {s.name_fr for s in comptoir.catalogue.services_in(menage.id)}
    assert "Ménage" in in_menage and "Repassage" not in in_menage
    services = demo_catalogue["services"]
    assert isinstance(services, list)
    assert len(comptoir.catalogue.all_services()) == len(services)


def test_a_short_query_finds_names_in_name_order(comptoir: Comptoir) -> None:
    """One or two letters typed: names only, alphabetical, so the list a resident sees
    while typing is predictable (and quick on a large catalogue)."""
    found = comptoir.catalogue.search("re")
    names = [service.name_fr for service in found]
    assert "Repassage" in names
    assert names == sorted(names, key=lambda name: fold(name))
    assert all(any(w.startswith("re") for w in words(s.name_fr + " " + s.name_en)) for s in found)
