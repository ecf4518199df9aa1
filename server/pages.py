"""The orders' public pages as routes: HTML for a phone, every answer a page (never JSON).

Their token is the page's only secret, so guessing is slowed per address
(rate_limits.py). The rating form refuses cross-site posts: the page sets a random form
token both in the form and in a cookie scoped to the order's page (SameSite=Strict,
HttpOnly), and a rating is taken only when both came back equal, from this site; another
site can neither read the cookie nor make a browser send it. Every page answer carries
its Content-Security-Policy and no-store (headers.py).
"""

from __future__ import annotations

import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Cookie, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from sync.protocol import has_control_characters

from .access import client_address, limiter_of
from .database import Database
from .models import Record
from .public_page import (
    PAGE_CSP,
    find_order,
    page_lang,
    rate_from_page,
    rating_of,
    render_message,
    render_missing,
    render_order,
)
from .rate_limits import Buckets, retry_after

HTML: dict[str, Any] = {"content": {"text/html": {}}}
FORM_COOKIE = "rating_form"
COMMENT_MAX = 2000


def _database(request: Request) -> Database:
    db: Database = request.app.state.database
    return db


def _page(html: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(html, status_code=status, headers={"Content-Security-Policy": PAGE_CSP})


def _slowed(request: Request, buckets: Buckets, lang: str | None) -> HTMLResponse | None:
    wait = buckets.take(client_address(request))
    if wait <= 0:
        return None
    page = _page(render_message(page_lang(lang, None), "too_many"), 429)
    page.headers["Retry-After"] = retry_after(wait)
    return page


def _order_page(
    request: Request, order: Record, rating: Record | None, lang: str, **kwargs: Any
) -> HTMLResponse:
    """The order's page; a fresh form token in its form and in its cookie."""
    form_token = secrets.token_urlsafe(24)
    response = _page(render_order(order, rating, lang, form_token=form_token, **kwargs))
    response.set_cookie(
        FORM_COOKIE,
        form_token,
        max_age=3600,
        path=f"/o/{order.lookup}",
        secure=request.url.scheme == "https",
        httponly=True,
        samesite="strict",
    )
    return response


def _from_this_site(request: Request, form_token: str, cookie: str | None) -> bool:
    # Fetch metadata, where the browser sends it: a post made by another site's page.
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return False
    return bool(cookie) and secrets.compare_digest(form_token, cookie or "")


def page_routes() -> APIRouter:
    router = APIRouter(tags=["public pages"], default_response_class=HTMLResponse)
    too_many: dict[int | str, dict[str, Any]] = {
        429: {"description": "too many requests from this address", **HTML}
    }

    @router.get(
        "/o/{token}",
        responses={404: {"description": "no such order", **HTML}, **too_many},
    )
    def order_page(request: Request, token: str, lang: str | None = None) -> HTMLResponse:
        slowed = _slowed(request, limiter_of(request).order_page, lang)
        if slowed is not None:
            return slowed
        with _database(request).read() as session:
            order = find_order(session, token)
            if order is None:
                return _page(render_missing(page_lang(lang, None)), 404)
            rating = rating_of(session, order.entity_id)
            return _order_page(request, order, rating, page_lang(lang, order))

    @router.post(
        "/o/{token}/rating",
        response_model=None,
        status_code=303,
        responses={
            303: {"description": "rated: back to the order's page"},
            400: {"description": "no rating from 1 to 5, or a comment refused", **HTML},
            403: {"description": "not posted from the order's page", **HTML},
            404: {"description": "no such order", **HTML},
            409: {"description": "not done yet, or rated already", **HTML},
            **too_many,
        },
    )
    def rate(
        request: Request,
        token: str,
        stars: Annotated[str, Form()] = "",
        comment: Annotated[str, Form()] = "",
        form_token: Annotated[str, Form()] = "",
        rating_form: Annotated[str | None, Cookie()] = None,
        lang: str | None = None,
    ) -> HTMLResponse | RedirectResponse:
        slowed = _slowed(request, limiter_of(request).rating, lang)
        if slowed is not None:
            return slowed
        # A browser's textarea sends CRLF line breaks; stored text keeps LF.
        comment = comment.replace("\r\n", "\n")
        with _database(request).write() as session:
            order = find_order(session, token)
            if order is None:
                return _page(render_missing(page_lang(lang, None)), 404)
            chosen = page_lang(lang, order)
            problem, status = None, 400
            if not _from_this_site(request, form_token, rating_form):
                problem, status = "again", 403
            elif not (stars.strip().isdigit() and 1 <= int(stars) <= 5):
                problem = "invalid"
            elif len(comment) > COMMENT_MAX or has_control_characters(comment):
                problem = "bad_comment"
            if problem is not None:
                rating = rating_of(session, order.entity_id)
                page = _order_page(request, order, rating, chosen, error=problem)
                page.status_code = status
                return page
            if not rate_from_page(
                session, order, int(stars), comment, now=request.app.state.clock()
            ):
                rating = rating_of(session, order.entity_id)
                page = _order_page(request, order, rating, chosen)
                page.status_code = 409
                return page
        response = RedirectResponse(f"/o/{order.lookup}?lang={chosen}", status_code=303)
        response.delete_cookie(FORM_COOKIE, path=f"/o/{order.lookup}")
        return response

    return router
