"""The web platform's order creation and the order's public page (the ticket's QR
code): status in French and English, and the rating form once done, once."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import requests
from sync_harness import LiveServer, server_rows
from wire_ops import take_over

from server.openapi import DOCUMENT, render
from server.scopes import DeviceKind

LULU = "5a1d0c5e-8d62-4a55-9d52-0a3c1e2f7b10"


def web_order(live: LiveServer, token: str, **changes: Any) -> dict[str, Any]:
    start = datetime.now(UTC) + timedelta(days=1)
    body = {
        "service_code": "montee-courses",
        "slot_start": start.isoformat(),
        "slot_end": (start + timedelta(hours=1)).isoformat(),
        "estimated_units": 2,
        "lang": "en",
        "client": {
            "name": "Jeanne <script>alert(1)</script>",
            "phone": "+33612345678",
            "street": "12 rue des Rosiers",
            "postcode": "75004",
            "city": "Paris",
        },
    } | changes
    answer = requests.post(
        live.url + "/api/v1/orders",
        json=body,
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    assert answer.status_code == 201, answer.text
    created: dict[str, Any] = answer.json()
    return created


def step(token: str, live: LiveServer, order_id: str, from_: str, to: str, **extra: Any) -> str:
    op = {
        "op_id": str(uuid.uuid4()),
        "entity": "order",
        "entity_id": order_id,
        "kind": "transition",
        "data": {"from": from_, "to": to, **extra},
    }
    answer = requests.post(
        live.url + "/sync/v1/push",
        # No kiosk holds a web order until one takes it over (again: changes nothing).
        json={"ops": [take_over(uuid.UUID(order_id)), op]},
        headers={
            "Authorization": f"Bearer {token}",
            "Idempotency-Key": op["op_id"],
            "Comptoir-Protocol": "1",
            "Comptoir-Schema": "1",
        },
        timeout=10,
    )
    outcome: str = answer.json()["results"][-1]["outcome"]
    return outcome


def test_a_web_order_and_its_page(live: LiveServer, web_token: str) -> None:
    created = web_order(live, web_token)
    assert created["number"] == "00-0001" and created["status"] == "requested"
    page = requests.get(live.url + created["public_path"], timeout=10)
    assert page.status_code == 200
    assert '<html lang="en">' in page.text and "Requested" in page.text
    assert "<script" not in page.text and "<form" not in page.text
    french = requests.get(live.url + created["public_path"] + "?lang=fr", timeout=10)
    assert "Demandée" in french.text and "Montée de courses" in french.text
    assert 'name="viewport"' in french.text


def rating_form(browser: requests.Session, page_url: str) -> dict[str, str]:
    """What the page's form sends besides the stars: its form token (also in a cookie
    the page set, which `browser` keeps)."""
    page = browser.get(page_url, timeout=10)
    found = re.search(r'name="form_token" value="([^"]+)"', page.text)
    return {"form_token": found.group(1) if found else browser.cookies.get("rating_form", "")}


def test_the_rating_form_once_done_and_only_once(
    live: LiveServer, token: str, web_token: str
) -> None:
    with live.db.write() as session:
        from server.catalogue import import_catalogue

        import_catalogue(
            session, {"lulus": [{"id": LULU, "display_name": "Karim B."}]}, now=datetime.now(UTC)
        )
    created = web_order(live, web_token)
    path = live.url + created["public_path"]
    rate = path + "/rating?lang=fr"
    browser = requests.Session()
    form = rating_form(browser, path)
    refused = browser.post(rate, data={"stars": "5", **form}, timeout=10, allow_redirects=False)
    assert refused.status_code == 409  # not done yet
    for from_, to, extra in (
        ("requested", "confirmed", {}),
        ("confirmed", "assigned", {"lulu_id": LULU}),
        ("assigned", "done", {"actual_units": 2}),
    ):
        assert step(token, live, created["id"], from_, to, **extra) == "applied"
    page = browser.get(path + "?lang=fr", timeout=10).text
    assert "Réalisée" in page and '<form method="post"' in page
    form = rating_form(browser, path + "?lang=fr")
    bad = browser.post(rate, data={"stars": "9", **form}, timeout=10, allow_redirects=False)
    assert bad.status_code == 400 and "Choisissez une note de 1 à 5" in bad.text
    form = rating_form(browser, path + "?lang=fr")
    sent = browser.post(
        rate,
        data={"stars": "4", "comment": "Très bien\r\n👍", **form},
        timeout=10,
        allow_redirects=False,
    )
    assert sent.status_code == 303
    after = browser.get(path + "?lang=fr", timeout=10).text
    assert "Merci pour votre note" in after and "(4/5)" in after and "<form" not in after
    again = browser.post(
        rate, data={"stars": "1", **rating_form(browser, path)}, timeout=10, allow_redirects=False
    )
    assert again.status_code == 409
    (rating,) = server_rows(live.db, "rating").values()
    assert rating["stars"] == 4 and rating["comment"] == "Très bien\n👍"  # CRLF kept as LF
    lulu = server_rows(live.db, "lulu")[LULU]
    assert (lulu["rating_sum"], lulu["rating_count"]) == (4, 1)


def test_an_unknown_token_is_not_found(live: LiveServer) -> None:
    answer = requests.get(live.url + "/o/" + "x" * 43, timeout=10)
    assert answer.status_code == 404 and "Commande introuvable" in answer.text


def test_web_orders_need_a_credential_and_a_known_service(live: LiveServer, web_token: str) -> None:
    start = datetime.now(UTC) + timedelta(days=1)
    body = {
        "service_code": "no-such-service",
        "slot_start": start.isoformat(),
        "slot_end": (start + timedelta(hours=1)).isoformat(),
        "estimated_units": 1,
        "client": {"name": "A", "phone": "+33612345678"},
    }
    url = live.url + "/api/v1/orders"
    assert requests.post(url, json=body, timeout=10).status_code == 401
    answer = requests.post(
        url, json=body, headers={"Authorization": f"Bearer {web_token}"}, timeout=10
    )
    assert answer.status_code == 400
    assert server_rows(live.db, "order") == {}


def test_the_openapi_document_is_in_step_with_the_code(live: LiveServer) -> None:
    assert DOCUMENT.read_text(encoding="utf-8") == render(), (
        "docs/openapi.json is stale: run python -m server.openapi"
    )
    admin = live.enrol("back-office", datetime.now(UTC), kind=DeviceKind.ADMIN)
    served = requests.get(
        live.url + "/openapi.json", headers={"Authorization": f"Bearer {admin}"}, timeout=10
    ).json()
    assert set(served["paths"]) >= {"/sync/v1/push", "/sync/v1/pull", "/sync/v1/meta"}
