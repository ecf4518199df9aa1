"""The central server's HTTP API (FastAPI): the sync protocol of DESIGN.md, the web
platform's order creation, the orders' public pages, and the kiosks' health."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime

from anyio import to_thread
from fastapi import APIRouter, FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from sync.protocol import (
    PROTOCOL_VERSION,
    SCHEMA_VERSION,
    ErrorBody,
    ErrorCode,
)

from .access import (
    ApiError,
    Credential,
    authorise,
    strip_inputs,
)
from .database import Database
from .headers import SecurityHeaders
from .kiosks_routes import kiosks_routes
from .limits import BodyLimits
from .ownership import OwnedRecords
from .pages import page_routes
from .rate_limits import Limiter, RateLimits
from .route_basics import (
    ERRORS,
    BearerCredential,
    Clock,
    DocsCredential,
    InvalidRequest,
    database,
    error_response,
    now_of,
)
from .scopes import RecordRules, Scope, unscoped_routes
from .sync_routes import sync_routes
from .to_resolve_page import to_resolve_routes
from .web_orders import WebOrderCreated, WebOrderRequest, create_web_order
from .writer import Rejected


def administrator(request: Request, credential: DocsCredential) -> None:
    """Who may see every kiosk's health (the kiosks page and /api/v1/kiosks): an
    administrator's credential (Scope.KIOSKS), sent by a program as a bearer token or by
    a browser as HTTP Basic's password; a kiosk's or the web platform's is refused."""
    with database(request).read() as session:
        authorise(session, credential, Scope.KIOSKS)


def web_routes() -> APIRouter:
    router = APIRouter(tags=["web platform"], responses=ERRORS)

    @router.post(
        "/api/v1/orders",
        response_model=WebOrderCreated,
        status_code=201,
        responses={
            400: {
                "model": ErrorBody | InvalidRequest,
                "description": "unknown service, or a body that is not JSON",
            }
        },
    )
    def create_order(
        request: Request, order: WebOrderRequest, credential: BearerCredential
    ) -> WebOrderCreated:
        now = now_of(request)

        def create(session: Session) -> WebOrderCreated:
            authorise(session, credential, Scope.WEB_ORDERS)
            return create_web_order(session, order, now=now)

        try:
            return database(request).run_write(create)
        except Rejected as rejected:
            raise ApiError(400, ErrorCode.INVALID, rejected.message) from None

    return router


# The documentation's page loads Swagger UI's scripts and styles from its CDN, and
# reads the OpenAPI document from here (the browser sends the same Basic credential).
DOCS_CSP = (
    "default-src 'none'; script-src https://cdn.jsdelivr.net 'unsafe-inline'; "
    "style-src https://cdn.jsdelivr.net; img-src https://fastapi.tiangolo.com data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'"
)


def docs_routes(app: FastAPI) -> APIRouter:
    """The API's documentation, for administrators only: a browser asks for the admin
    token as the password of HTTP Basic (any user name); a program sends it as a
    bearer token."""
    router = APIRouter(include_in_schema=False)

    def admin(request: Request, credential: Credential) -> None:
        with database(request).read() as session:
            authorise(session, credential, Scope.DOCS)

    @router.get("/openapi.json")
    def openapi_document(request: Request, credential: DocsCredential) -> JSONResponse:
        admin(request, credential)
        return JSONResponse(app.openapi())

    @router.get("/docs")
    def documentation(request: Request, credential: DocsCredential) -> HTMLResponse:
        admin(request, credential)
        page = get_swagger_ui_html(openapi_url="/openapi.json", title=app.title)
        page.headers["Content-Security-Policy"] = DOCS_CSP
        return page

    return router


# Requests that read or write the database run on anyio's thread pool (40 threads by
# default). Under load, forty threads queue for Python's GIL after every statement, each
# keeping its transaction open meanwhile: in the 500-kiosk fleet on 2 cores (docs/
# BENCHMARKS.md), a push's median was 1.8 s with 40 threads and 0.2-0.4 s with 8 to 16,
# 2.0 s with 2. A few threads keep the database busy; other requests wait on the event
# loop, where waiting costs nothing.
DATABASE_THREADS = 8


@asynccontextmanager
async def _few_database_threads(_app: FastAPI) -> AsyncIterator[None]:
    to_thread.current_default_thread_limiter().total_tokens = DATABASE_THREADS
    yield


def create_app(
    db: Database,
    *,
    clock: Clock | None = None,
    rate_limits: RateLimits | None = None,
    monotonic: Callable[[], float] | None = None,
    record_rules: RecordRules | None = None,
) -> FastAPI:
    """The server's app over `db`. `record_rules` decide which records a kiosk pulls
    and writes (scopes.py; by default one owner per order: ownership.py)."""
    app = FastAPI(
        title="Comptoir central server",
        version=f"{PROTOCOL_VERSION}.{SCHEMA_VERSION}",
        description="Sync API for the Comptoir kiosks (DESIGN.md, 'Sync protocol'), "
        "order creation for the web platform, and orders' public pages. Each route "
        "needs a credential of a kind allowed there (DESIGN.md, 'Device scopes').",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,  # served by docs_routes, to administrators only
        lifespan=_few_database_threads,
    )
    app.state.database = db
    app.state.clock = clock or (lambda: datetime.now(UTC))
    app.state.limiter = (
        Limiter(rate_limits) if monotonic is None else Limiter(rate_limits, clock=monotonic)
    )
    app.state.record_rules = record_rules or OwnedRecords()
    app.include_router(sync_routes())
    app.include_router(web_routes())
    app.include_router(page_routes())
    app.include_router(docs_routes(app))
    app.include_router(kiosks_routes(administrator))
    app.include_router(to_resolve_routes(administrator))
    missing = unscoped_routes(app.routes)
    if missing:
        raise RuntimeError(f"routes without a scope in server/scopes.py: {sorted(missing)}")

    @app.exception_handler(RequestValidationError)
    def invalid(_request: Request, error: RequestValidationError) -> Response:
        # FastAPI's own 422 without the inputs (personal data), as ASCII JSON: a lone
        # surrogate ("\ud800") in a field's name cannot be encoded as UTF-8 (an HTTP 500).
        detail = jsonable_encoder(strip_inputs(list(error.errors())))
        body = json.dumps({"detail": detail}, ensure_ascii=True)
        return Response(body, status_code=422, media_type="application/json")

    @app.exception_handler(ApiError)
    def apierror_response(_request: Request, error: ApiError) -> JSONResponse:
        return error_response(error.status, error.code, error.message, **(error.headers or {}))

    @app.exception_handler(OperationalError)
    def busy(_request: Request, _error_: OperationalError) -> JSONResponse:
        # SQLite's "database is locked" or a lost PostgreSQL connection: nothing was
        # committed; the kiosk retries after a pause.
        return error_response(
            503, ErrorCode.BUSY, "the server is busy, retry shortly", **{"Retry-After": "1"}
        )

    app.add_middleware(BodyLimits)
    app.add_middleware(SecurityHeaders)
    return app
