"""The kiosks' health for the association: `GET /api/v1/kiosks` (JSON, for programs)
and `GET /kiosks` (a plain HTML page in French and English, for a person). Both behind
the dependency the app gives (`app.administrator`): who may see them is decided there,
in one place."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from sync.protocol import ErrorBody

from .database import Database
from .health import KiosksOverview, overview
from .kiosks_page import render_kiosks


def _overview(request: Request) -> KiosksOverview:
    db: Database = request.app.state.database
    now: datetime = request.app.state.clock()
    with db.read() as session:
        return overview(session, now=now)


def kiosks_routes(administrator: Callable[..., Any]) -> APIRouter:
    router = APIRouter(
        tags=["kiosks"],
        dependencies=[Depends(administrator)],
        responses={
            401: {"model": ErrorBody, "description": "missing, unknown or revoked token"},
        },
    )

    @router.get("/api/v1/kiosks", response_model=KiosksOverview)
    def kiosks(request: Request) -> Response:
        """Every enrolled kiosk: last seen (the server's clock), its latest health
        report, and what needs a person."""
        return Response(_overview(request).model_dump_json(), media_type="application/json")

    @router.get(
        "/kiosks",
        response_class=HTMLResponse,
        responses={200: {"content": {"text/html": {}}}},
    )
    def kiosks_page(request: Request, lang: str | None = None) -> HTMLResponse:
        """The same, as a page for the association's staff, in French (`?lang=en`:
        English). A browser asks for the token: any user name, the token as password."""
        return HTMLResponse(render_kiosks(_overview(request), "en" if lang == "en" else "fr"))

    return router
