"""The catalogue: categories, then services with their price and the tax credit apart;
the search filters as the resident types on the on-screen keyboard."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .support import Resident


def listed(kiosk: Resident) -> list[str]:
    model = kiosk.window.catalogue.model
    return [model.service_at(row).name_fr for row in range(model.rowCount())]


def test_a_category_lists_its_services(kiosk: Resident) -> None:
    comptoir = kiosk.window.context.comptoir
    category = next(c for c in comptoir.catalogue.categories() if c.code == "manutention")
    kiosk.tap_named("Commander un service")
    kiosk.tap_named("Manutention")
    assert kiosk.window.catalogue.title.text() == "Manutention"
    expected = [s.name_fr for s in comptoir.catalogue.services_in(category.id)]
    assert expected and listed(kiosk) == expected
    kiosk.tap_named("Toutes les catégories")
    assert kiosk.window.catalogue.title.text() == "De quoi avez-vous besoin ?"


def test_typing_filters_as_one_types_without_accents(kiosk: Resident) -> None:
    kiosk.tap_named("Commander un service")
    catalogue = kiosk.window.catalogue
    kiosk.focus(catalogue.search)
    kiosk.type("rid")
    assert catalogue.title.text() == "Services correspondant à votre recherche"
    narrowed = listed(kiosk)
    assert narrowed and all("rideau" in name.lower() for name in narrowed)
    kiosk.erase(3)
    kiosk.type("menage")
    assert any("Ménage" in name or "ménage" in name for name in listed(kiosk))
    kiosk.erase(6)
    kiosk.type("zzzz")
    assert listed(kiosk) == []
    assert catalogue.empty.text() == "Aucun service ne correspond. Essayez un autre mot."


def test_the_unit_price_and_tax_credit_read_in_both_languages(kiosk: Resident) -> None:
    from ui.resident.prices import tax_credit_text, unit_price_text

    service = next(
        s for s in kiosk.window.context.comptoir.catalogue.all_services() if s.tax_credit
    )
    assert unit_price_text(service) == "5\u00a0€ les 20 min"
    assert tax_credit_text(service) == "soit 2,50\u00a0€ les 20 min après le crédit d’impôt de 50 %"
    kiosk.tap_named("English")
    assert unit_price_text(service) == "€5 per 20 min"
    assert tax_credit_text(service) == "€2.50 per 20 min after the 50 % tax credit"


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    typed=st.one_of(
        st.text(max_size=60),
        st.sampled_from(
            [
                "'; DROP TABLE services; --",
                '" OR 1=1 --',
                "NEAR(a b) AND *",
                "مرحبا بكم",
                "👵🏽🧺✨",
                "\u202eevil",
                "x" * 10_000,
            ]
        ),
    )
)
def test_any_text_in_the_search_never_breaks_the_catalogue(kiosk: Resident, typed: str) -> None:
    catalogue = kiosk.window.catalogue
    catalogue.search.setText(typed)
    count = catalogue.model.rowCount()
    assert 0 <= count <= len(kiosk.window.context.comptoir.catalogue.all_services())
    catalogue.search.clear()


def test_a_pressed_service_looks_pressed_until_released(kiosk: Resident) -> None:
    from PySide6.QtCore import Qt

    kiosk.tap_named("Commander un service")
    kiosk.tap_named("Manutention")
    catalogue = kiosk.window.catalogue
    viewport = catalogue.list.viewport()
    centre = catalogue.list.visualRect(catalogue.model.index(1)).center()
    before = viewport.grab().toImage().pixelColor(centre.x(), centre.y() + 40)
    kiosk.qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=centre)
    kiosk.qtbot.waitUntil(lambda: catalogue.delegate.pressed_row == 1)
    pressed = viewport.grab().toImage().pixelColor(centre.x(), centre.y() + 40)
    assert pressed != before
    kiosk.qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=centre)
    assert catalogue.delegate.pressed_row == -1
