"""Order tickets and receipts as the printer receives them, at both paper widths."""

from __future__ import annotations

from pathlib import Path

import pytest
from escpos_reader import read
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from printing_support import CompleteOrder, PlaceOrder

from kiosk_app.comptoir import Comptoir
from kiosk_app.views.clients import AddressInput
from printing.escpos import render
from printing.profiles import profile_for
from printing.sources import ticket_for
from printing.tickets import order_ticket
from sync.protocol import PaymentMethod

PROFILES = [("80", "cp858", 48), ("58", "cp858", 32), ("80", "cp1252", 48), ("58", "cp1252", 32)]


@pytest.mark.parametrize(("width", "codepage", "columns"), PROFILES)
def test_order_ticket_prints_french_right(
    association: Comptoir, place_order: PlaceOrder, width: str, codepage: str, columns: int
) -> None:
    order = place_order(units=3)
    profile = profile_for(width, codepage)
    printout = read(render(ticket_for(association, "order_ticket", order.id), profile))

    assert printout.codec == codepage
    text = printout.text
    assert "Lulu dans ma rue (démo)" in text
    assert "Prestation : " + order.service_name_fr[:10] in text
    assert "vendredi 27 novembre 2026" in text  # the slot, in Paris time
    assert "15,00 €" in text and "7,50 €" in text
    assert "crédit d’impôt" in text.replace("'", "’")
    assert "Et maintenant ?" in text
    assert all(len(line.text) <= (columns // 2 if line.big else columns) for line in printout.lines)
    big = [line for line in printout.lines if line.big]
    # The order number, and the price in large type; the price after the tax credit
    # apart and smaller (arrêté du 17 mars 2015).
    assert [line.text.strip() for line in big] == ["01-0001", "15,00 €"]
    assert all(line.bold for line in big)
    assert any(line.text.startswith("Prix estimé (3 × 20 min)") for line in printout.lines)
    after = next(line for line in printout.lines if "7,50 €" in line.text)
    assert not after.big and not after.bold
    assert "Après crédit d’impôt de 50 %" in text.replace("'", "’")
    assert printout.qr_codes == [f"https://lulu.example.org/o/{order.public_token}"]
    assert printout.cuts == 1 and printout.drawer_kicks == 0


def test_access_notes_stay_off_the_ticket(association: Comptoir, place_order: PlaceOrder) -> None:
    order = place_order(access_notes="Digicode 4B12, clé sous le paillasson")
    text = read(render(ticket_for(association, "order_ticket", order.id), profile_for())).text
    assert "14 rue de l" in text
    assert "4B12" not in text and "paillasson" not in text


def test_english_ticket_for_a_client_who_chose_english(
    association: Comptoir, place_order: PlaceOrder
) -> None:
    order = place_order(lang="en")
    text = read(render(ticket_for(association, "order_ticket", order.id), profile_for("58"))).text
    assert "Your order" in text and "What happens next?" in text
    assert "Friday 27 November 2026" in text
    assert "€15.00" in text and "15,00" not in text  # amounts the English way too


def test_service_without_tax_credit_shows_no_credit(
    association: Comptoir, place_order: PlaceOrder
) -> None:
    order = place_order(tax_credit=False)
    text = read(render(ticket_for(association, "order_ticket", order.id), profile_for())).text
    assert "crédit" not in text


@pytest.mark.parametrize(("width", "columns"), [("80", 48), ("58", 32)])
def test_cash_receipt_opens_the_drawer_and_shows_the_invoice(
    association: Comptoir,
    place_order: PlaceOrder,
    complete_order: CompleteOrder,
    width: str,
    columns: int,
) -> None:
    order = complete_order(place_order(), minutes=50, methods=(PaymentMethod.CASH,))
    printout = read(render(ticket_for(association, "receipt", order.id), profile_for(width)))
    text = printout.text
    assert "REÇU DE PAIEMENT" in text
    assert "Espèces" in text
    assert "Facture n° F01-2026-00001" in text
    paid = next(line for line in printout.lines if line.text.startswith("Total réglé"))
    assert paid.text.endswith("15,00 €") and len(paid.text) == columns and paid.bold
    assert printout.drawer_kicks == 1 and printout.cuts == 1


def test_card_receipt_and_copies_leave_the_drawer_shut(
    association: Comptoir, place_order: PlaceOrder, complete_order: CompleteOrder
) -> None:
    order = complete_order(place_order(), methods=(PaymentMethod.CASH, PaymentMethod.CARD))
    card = read(render(ticket_for(association, "receipt", order.id), profile_for()))
    assert card.drawer_kicks == 0
    assert "Espèces" in card.text and "Carte bancaire" in card.text
    cash = complete_order(place_order(phone="06 11 22 33 44"), methods=(PaymentMethod.CASH,))
    copy = read(render(ticket_for(association, "receipt_copy", cash.id), profile_for()))
    assert "DUPLICATA" in copy.text and copy.drawer_kicks == 0


printable = st.text(max_size=300)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=printable,
    street=printable,
    service=printable,
    association_name=printable,
    kiosk=printable,
    token=st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"),
)
def test_arbitrary_unicode_in_every_field_prints_within_the_page(
    association: Comptoir,
    place_order: PlaceOrder,
    name: str,
    street: str,
    service: str,
    association_name: str,
    kiosk: str,
    token: str,
) -> None:
    from dataclasses import replace

    order = place_order()
    order = replace(
        order,
        service_name_fr=service,
        description=name,
        address=AddressInput(street=street, building=name, postcode="75004", city=street),
        public_token=token,
    )
    settings_ = replace(
        association.settings.get(), association_name=association_name, kiosk_name=kiosk
    )
    for width in ("80", "58"):
        for codepage in ("cp858", "cp1252"):
            profile = profile_for(width, codepage)
            printout = read(render(order_ticket(order, settings_), profile))  # decodes or fails
            assert all(len(line.text) <= profile.columns for line in printout.lines)


@pytest.mark.parametrize(("width", "dots"), [("80", 576), ("58", 384)])
def test_the_logo_prints_as_a_raster_image_within_the_paper(
    association: Comptoir, place_order: PlaceOrder, tmp_path: Path, width: str, dots: int
) -> None:
    from PIL import Image, ImageDraw

    logo = tmp_path / "logo.png"
    picture = Image.new("RGBA", (900, 300), (0, 0, 0, 0))  # wider than any paper
    ImageDraw.Draw(picture).ellipse((0, 0, 899, 299), fill=(200, 30, 60, 255))
    picture.save(logo)
    association.settings.update(ticket_logo=str(logo))
    order = place_order()
    printout = read(render(ticket_for(association, "order_ticket", order.id), profile_for(width)))
    [(image_width, image_height)] = printout.images
    assert image_width == dots and 0 < image_height <= 160
    assert "Votre commande" in printout.text  # the text still follows

    association.settings.update(ticket_logo=str(tmp_path / "gone.png"))
    printout = read(render(ticket_for(association, "order_ticket", order.id), profile_for(width)))
    assert printout.images == [] and order.number in printout.text


def test_an_english_ticket_writes_amounts_the_english_way() -> None:
    from documents.formats import euros

    assert euros(150050, "en") == "€1,500.50"
    assert euros(1500) == "15,00 €"
    assert euros(-250, "en") == "-€2.50"
