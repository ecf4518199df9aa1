"""The server facing the internet: limits per address on the order pages, the rating
form and failed credentials; security headers; a rating form that refuses cross-site
posts; stored text checked as the kiosk checks it (one bad op rejected, its neighbours
applied); an order's number and first status checked."""

from __future__ import annotations

import base64
import hashlib
import re
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import requests
from sync_harness import LiveServer, server_rows
from wire_ops import new_client, new_order, op, take_over, web_order_body

from server.database import Database
from server.rate_limits import Rate, RateLimits
from server.scopes import DeviceKind

SYNC = {"Comptoir-Protocol": "1", "Comptoir-Schema": "1"}


class Monotonic:
    """A monotonic clock that moves only when told (no refill while a test runs)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def frozen() -> Monotonic:
    return Monotonic()


@pytest.fixture
def limited(db: Database, frozen: Monotonic) -> Iterator[LiveServer]:
    limits = RateLimits(
        order_page=Rate(burst=5, every_s=1.0),
        rating=Rate(burst=3, every_s=10.0),
        failed_credential=Rate(burst=4, every_s=6.0),
    )
    server = LiveServer(db, rate_limits=limits, monotonic=frozen).start()
    try:
        server.import_demo_catalogue(datetime.now(UTC))
        yield server
    finally:
        server.stop()


def post_web_order(live: LiveServer, **changes: Any) -> requests.Response:
    token = live.enrol(f"web-{uuid.uuid4().hex[:6]}", datetime.now(UTC), kind=DeviceKind.WEB)
    return requests.post(
        live.url + "/api/v1/orders",
        json=web_order_body(**changes),
        headers={"Authorization": f"Bearer {token}"},
    )


def web_order(live: LiveServer) -> dict[str, Any]:
    answer = post_web_order(live)
    assert answer.status_code == 201, answer.text
    created: dict[str, Any] = answer.json()
    return created


def push(live: LiveServer, token: str, ops: list[dict[str, Any]]) -> requests.Response:
    return requests.post(
        live.url + "/sync/v1/push",
        json={"ops": ops},
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": uuid.uuid4().hex, **SYNC},
        timeout=10,
    )


# --- Rate limits -----------------------------------------------------------------------


def test_guessing_order_pages_is_slowed_per_address(limited: LiveServer, frozen: Monotonic) -> None:
    guesses = [requests.get(f"{limited.url}/o/{'g' * 40}{n:03d}") for n in range(6)]
    assert [g.status_code for g in guesses] == [404] * 5 + [429]
    assert guesses[-1].headers["Retry-After"] == "1"
    assert "Trop de demandes" in guesses[-1].text
    frozen.now += 1.0
    assert requests.get(f"{limited.url}/o/{'g' * 43}").status_code == 404
    assert requests.get(f"{limited.url}/o/{'g' * 43}").status_code == 429


def test_the_rating_form_is_limited_too(limited: LiveServer) -> None:
    url = f"{limited.url}/o/{'r' * 43}/rating"
    sent = [requests.post(url, data={"stars": "5"}).status_code for _ in range(4)]
    assert sent == [404, 404, 404, 429]


def test_wrong_credentials_are_limited_before_any_lookup(
    limited: LiveServer, frozen: Monotonic
) -> None:
    good = limited.enrol("saint-paul", datetime.now(UTC))
    wrong = {"Authorization": "Bearer " + "x" * 43, **SYNC}
    tries = [requests.get(limited.url + "/sync/v1/pull", headers=wrong) for _ in range(5)]
    assert [t.status_code for t in tries] == [401] * 4 + [429]
    assert tries[-1].json()["error"] == "too_many_requests"
    assert int(tries[-1].headers["Retry-After"]) == 6
    # From this address even a good token waits: the limit comes before the lookup.
    right = {"Authorization": f"Bearer {good}", **SYNC}
    assert requests.get(limited.url + "/sync/v1/pull", headers=right).status_code == 429
    frozen.now += 6.0
    assert requests.get(limited.url + "/sync/v1/pull", headers=right).status_code == 200


# --- Headers -----------------------------------------------------------------------------


def test_an_order_page_is_neither_kept_framed_nor_leaked(live: LiveServer) -> None:
    created = web_order(live)
    page = requests.get(live.url + created["public_path"])
    headers = page.headers
    assert headers["Cache-Control"] == "no-store"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    csp = headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'none'" in csp
    assert "unsafe-inline" not in csp
    # The page's one style is the one the policy allows, by hash.
    style = re.search(r"<style>(.*?)</style>", page.text, re.S)
    assert style is not None
    digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in csp


def test_sync_answers_are_not_kept_either(live: LiveServer, token: str) -> None:
    pulled = requests.get(
        live.url + "/sync/v1/pull", headers={"Authorization": f"Bearer {token}", **SYNC}
    )
    assert pulled.status_code == 200
    assert pulled.headers["Cache-Control"] == "no-store"
    assert pulled.headers["Content-Security-Policy"].startswith("default-src 'none'")


# --- The rating form ----------------------------------------------------------------------


def done_order(live: LiveServer, token: str) -> dict[str, Any]:
    created = web_order(live)
    order_id = created["id"]
    # No kiosk holds a web order until one takes it over (DESIGN.md, "One owner per order").
    assert (
        push(live, token, [take_over(uuid.UUID(order_id))]).json()["results"][0]["outcome"]
        == "applied"
    )
    for from_, to, extra in (
        ("requested", "confirmed", {}),
        ("confirmed", "assigned", {"lulu_id": str(uuid.uuid4())}),
        ("assigned", "done", {"actual_units": 2}),
    ):
        step = op("order", uuid.UUID(order_id), "transition", {"from": from_, "to": to, **extra})
        assert push(live, token, [step]).json()["results"][0]["outcome"] == "applied"
    return created


def test_the_rating_form_refuses_posts_from_another_site(live: LiveServer, token: str) -> None:
    created = done_order(live, token)
    page_url = live.url + created["public_path"]
    rate_url = page_url + "/rating"
    # Another site's page posting the form: no cookie of ours comes with it.
    forged = requests.post(rate_url, data={"stars": "1", "form_token": "guessed"})
    assert forged.status_code == 403 and "envoyez-la de nouveau" in forged.text
    # Even with the right pair, a browser that says the post came from another site.
    browser = requests.Session()
    browser.get(page_url)
    form_token = browser.cookies["rating_form"]
    cross = browser.post(
        rate_url,
        data={"stars": "1", "form_token": form_token},
        headers={"Sec-Fetch-Site": "cross-site"},
    )
    assert cross.status_code == 403
    assert server_rows(live.db, "rating") == {}
    # The page's own form, from the page.
    page = browser.get(page_url).text
    field = re.search(r'name="form_token" value="([^"]+)"', page)
    assert field is not None and field.group(1) == browser.cookies["rating_form"]
    sent = browser.post(
        rate_url,
        data={"stars": "5", "form_token": field.group(1)},
        headers={"Sec-Fetch-Site": "same-origin"},
        allow_redirects=False,
    )
    assert sent.status_code == 303
    (rating,) = server_rows(live.db, "rating").values()
    assert rating["stars"] == 5
    cookie = browser.get(page_url).headers.get("Set-Cookie", "")
    assert "SameSite=strict" in cookie and "HttpOnly" in cookie
    assert f"Path=/o/{created['public_token']}" in cookie


def test_a_comment_with_a_control_character_is_refused_on_the_page(
    live: LiveServer, token: str
) -> None:
    created = done_order(live, token)
    page_url = live.url + created["public_path"]
    browser = requests.Session()
    browser.get(page_url)
    refused = browser.post(
        page_url + "/rating",
        data={
            "stars": "4",
            "comment": "Bien\u202egnal",
            "form_token": browser.cookies["rating_form"],
        },
    )
    assert refused.status_code == 400 and "caractères non permis" in refused.text
    assert server_rows(live.db, "rating") == {}


# --- Stored text, numbers and first status ----------------------------------------------

HOSTILE_TEXT = ["\ud800", "Jeanne\x00", "\u202eenneaJ", "a\x1b[31m", "\ufeff"]


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_one_op_with_refused_text_is_rejected_and_its_neighbours_applied(
    live: LiveServer, token: str, text: str
) -> None:
    good, bad, after = (new_client(uuid.uuid4()) for _ in range(3))
    bad["data"]["street"] = text
    answer = push(live, token, [good, bad, after])
    assert answer.status_code == 200
    assert "\\ud800" not in answer.text and "Jeanne" not in answer.text
    outcomes = [(r["outcome"], r["code"]) for r in answer.json()["results"]]
    assert outcomes == [("applied", None), ("rejected", "invalid"), ("applied", None)]
    message = answer.json()["results"][1]["message"]
    assert message.startswith("data.street: character U+")
    assert set(server_rows(live.db, "client")) == {good["entity_id"], after["entity_id"]}


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_the_web_api_answers_422_to_refused_text(live: LiveServer, text: str) -> None:
    answer = post_web_order(live, description=f"Six packs {text}")
    assert answer.status_code == 422
    assert "body.description: character U+" in answer.text and "Six packs" not in answer.text
    assert server_rows(live.db, "order") == {} and server_rows(live.db, "client") == {}


@pytest.mark.parametrize(
    "number", ["*", "01-0001/../../x", "../tickets", "01-*", "01-0001 ", "", "1-0001", "01-12"]
)
def test_an_order_number_is_a_code_a_dash_and_digits(
    live: LiveServer, token: str, number: str
) -> None:
    client_id = uuid.uuid4()
    order = new_order(uuid.uuid4(), client_id)
    order["data"]["number"] = number
    answer = push(live, token, [new_client(client_id), order]).json()["results"]
    assert (answer[1]["outcome"], answer[1]["code"]) == ("rejected", "bad_number")
    assert server_rows(live.db, "order") == {}


@pytest.mark.parametrize("status", ["confirmed", "assigned", "done", "paid", "cancelled"])
def test_an_order_is_created_requested(live: LiveServer, token: str, status: str) -> None:
    client_id = uuid.uuid4()
    order = new_order(uuid.uuid4(), client_id)
    order["data"]["status"] = status
    answer = push(live, token, [new_client(client_id), order]).json()["results"]
    assert (answer[1]["outcome"], answer[1]["message"]) == (
        "rejected",
        "data.status: an order is created requested",
    )
    assert server_rows(live.db, "order") == {}


def test_a_public_token_is_url_safe(live: LiveServer, token: str) -> None:
    client_id = uuid.uuid4()
    order = new_order(uuid.uuid4(), client_id)
    order["data"]["public_token"] = "../../" + "x" * 20
    answer = push(live, token, [new_client(client_id), order]).json()["results"]
    assert answer[1]["outcome"] == "rejected"
