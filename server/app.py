"""The central server's HTTP API (FastAPI): the sync protocol of DESIGN.md, the web
platform's order creation, the orders' public pages, and the kiosks' health."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated, Any

from anyio import to_thread
from fastapi import APIRouter, Depends, FastAPI, Header, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from sync.protocol import (
    DEFAULT_PULL_LIMIT,
    IDEMPOTENCY_HEADER,
    MAX_PULL_LIMIT,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    PULL_FROM_PARAM,
    PULL_LIMIT_PARAM,
    SCHEMA_HEADER,
    SCHEMA_VERSION,
    SUPPORTED_PROTOCOLS,
    DeviceInfo,
    ErrorBody,
    ErrorCode,
    HealthReceived,
    HealthReport,
    LookupFound,
    LookupRequest,
    Meta,
    PullResponse,
    PushRequest,
    PushResponse,
)

from .access import (
    ApiError,
    Credential,
    authorise,
    bearer_credential,
    browser_credential,
    strip_inputs,
)
from .auth import device_name
from .batch import IdempotencyMismatch, push_batch
from .changes import CursorUnknown, pull_json
from .database import Database
from .documents import last_document_numbers
from .headers import SecurityHeaders
from .health import record_report
from .kiosks_routes import kiosks_routes
from .limits import BodyLimits
from .lookup import look_up
from .ownership import OwnedRecords
from .pages import page_routes
from .rate_limits import Limiter, RateLimits
from .scopes import Caller, RecordRules, Scope, unscoped_routes
from .to_resolve_page import to_resolve_routes
from .web_orders import WebOrderCreated, WebOrderRequest, create_web_order
from .writer import Rejected, Writer

Clock = Callable[[], datetime]


def _error(status: int, code: ErrorCode, message: str, **headers: str) -> JSONResponse:
    body = ErrorBody(error=code, message=message).model_dump(mode="json")
    return JSONResponse(body, status_code=status, headers=headers or None)


class InvalidRequest(BaseModel):
    """FastAPI's own answer to a request that does not match its schema."""

    detail: list[dict[str, Any]] | str


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "a body that is not JSON, or a broken gzip stream"},
    415: {"model": ErrorBody, "description": "a Content-Encoding other than gzip"},
    422: {"model": InvalidRequest | ErrorBody, "description": "a request outside the schema"},
    401: {"model": ErrorBody, "description": "missing, unknown or revoked token"},
    403: {"model": ErrorBody, "description": "a credential of a kind not allowed here"},
    429: {"model": ErrorBody, "description": "too many failed credentials from this address"},
    413: {"model": ErrorBody, "description": "body over 1 MB, sent or inflated"},
    426: {"model": ErrorBody, "description": "protocol or schema not supported: upgrade"},
    503: {"model": ErrorBody, "description": "busy: retry after Retry-After seconds"},
}


def database(request: Request) -> Database:
    db: Database = request.app.state.database
    return db


def now_of(request: Request) -> datetime:
    clock: Clock = request.app.state.clock
    return clock()


async def speaks_our_protocol(
    protocol: Annotated[int, Header(alias=PROTOCOL_HEADER)],
    schema: Annotated[int, Header(alias=SCHEMA_HEADER)],
) -> None:
    # Checked before the credential and before the body: nothing is applied for a
    # kiosk that speaks another version.
    if protocol not in SUPPORTED_PROTOCOLS or schema != SCHEMA_VERSION:
        raise ApiError(
            426,
            ErrorCode.UPGRADE_REQUIRED,
            f"this server speaks protocol {PROTOCOL_VERSION}, schema {SCHEMA_VERSION}",
        )


BearerCredential = Annotated[Credential, Depends(bearer_credential)]
DocsCredential = Annotated[Credential, Depends(browser_credential)]


def record_rules(request: Request) -> RecordRules:
    rules: RecordRules = request.app.state.record_rules
    return rules


def page_json(
    session: Session, rules: RecordRules, caller: Caller, cursor: int, limit: int
) -> str | None:
    """The page of the change log after `cursor` that `caller` pulls, as JSON; None
    when the cursor is unknown here (pruned, or from another server)."""
    try:
        return pull_json(
            session,
            cursor,
            limit,
            keep=lambda p: rules.keep_page(caller, session, p),
            reader=rules.reader_of(caller),
        )
    except CursorUnknown:
        return None


def read_page(
    db: Database, rules: RecordRules, caller: Caller, cursor: int, limit: int
) -> str | None:
    with db.read() as session:
        return page_json(session, rules, caller, cursor, limit)


def administrator(request: Request, credential: DocsCredential) -> None:
    """Who may see every kiosk's health (the kiosks page and /api/v1/kiosks): an
    administrator's credential (Scope.KIOSKS), sent by a program as a bearer token or by
    a browser as HTTP Basic's password; a kiosk's or the web platform's is refused."""
    with database(request).read() as session:
        authorise(session, credential, Scope.KIOSKS)


def sync_routes() -> APIRouter:
    router = APIRouter(prefix="/sync/v1", tags=["sync"], responses=ERRORS)

    @router.get("/meta", response_model=Meta)
    def meta(request: Request) -> Meta:
        return Meta(
            server_time=now_of(request),
            protocol_version=PROTOCOL_VERSION,
            supported_protocols=sorted(SUPPORTED_PROTOCOLS),
            schema_version=SCHEMA_VERSION,
        )

    @router.post(
        "/push",
        response_model=PushResponse,
        dependencies=[Depends(speaks_our_protocol)],
        responses={
            422: {
                "model": InvalidRequest | ErrorBody,
                "description": "an invalid batch, or an Idempotency-Key reused with another body",
            }
        },
    )
    async def push(
        request: Request,
        batch: PushRequest,
        credential: BearerCredential,
        key: Annotated[str, Header(alias=IDEMPOTENCY_HEADER, min_length=1, max_length=100)],
        pull_from: Annotated[
            int | None, Query(alias=PULL_FROM_PARAM, ge=-(2**62), le=2**62)
        ] = None,
        pull_limit: Annotated[
            int, Query(alias=PULL_LIMIT_PARAM, ge=1, le=MAX_PULL_LIMIT)
        ] = DEFAULT_PULL_LIMIT,
    ) -> Response:
        now = now_of(request)
        rules = record_rules(request)

        def apply(session: Session) -> tuple[Caller, PushResponse]:
            caller = authorise(session, credential, Scope.SYNC, lock=True)
            return caller, push_batch(session, caller, key, batch, now=now, rules=rules)

        try:
            # Awaited, not run on a pool thread: the write runs on the database's writer.
            caller, answer = await database(request).run_write_async(apply)
        except IdempotencyMismatch:
            raise ApiError(
                422, ErrorCode.IDEMPOTENCY_MISMATCH, "this Idempotency-Key came with another body"
            ) from None
        # Serialised once, here: the answer is already a validated PushResponse, and the
        # page JSON already (changes.pull_json); `pull` is left out unless answered, as
        # a kiosk that never asks for it does not know the field.
        body = answer.model_dump_json(exclude={"pull"})
        if pull_from is not None:
            # The caller was found live by the write that just committed.
            page = await to_thread.run_sync(
                lambda: read_page(database(request), rules, caller, pull_from, pull_limit)
            )
            if page is not None:  # (a cursor unknown here: the kiosk's own pull says so)
                body = f'{body[:-1]},"pull":{page}}}'
        return Response(body, media_type="application/json")

    @router.get(
        "/pull",
        response_model=PullResponse,
        dependencies=[Depends(speaks_our_protocol)],
        responses={409: {"model": ErrorBody, "description": "must_refetch: cursor unknown"}},
    )
    def pull_changes(
        request: Request,
        credential: BearerCredential,
        cursor: Annotated[int, Query(ge=-(2**62), le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT,
    ) -> Response:
        with database(request).read() as session:
            caller = authorise(session, credential, Scope.SYNC)
            page = page_json(session, record_rules(request), caller, cursor, limit)
        if page is None:
            raise ApiError(409, ErrorCode.MUST_REFETCH, "this cursor is unknown here: pull from 0")
        return Response(page, media_type="application/json")

    @router.get("/device", response_model=DeviceInfo)
    def device(request: Request, credential: BearerCredential) -> DeviceInfo:
        """The calling device's name and series code: a kiosk learns its code here when
        it enrols (and, enrolled before codes existed, at its next sync)."""
        with database(request).read() as session:
            caller = authorise(session, credential, Scope.SYNC)
            last = last_document_numbers(session, caller.code) if caller.code else {}
            return DeviceInfo(
                name=device_name(session, caller.device_id), code=caller.code, last_documents=last
            )

    @router.post("/lookup", response_model=LookupFound, dependencies=[Depends(speaks_our_protocol)])
    async def lookup(
        request: Request, wanted: LookupRequest, credential: BearerCredential
    ) -> Response:
        """A resident looked up at a kiosk's counter: the clients under a phone (and,
        with a number, that order: "follow my order"), which the kiosk may then read
        and pull. Logged with the phone's last two digits only."""
        now = now_of(request)

        def find(session: Session) -> LookupFound:
            caller = authorise(session, credential, Scope.SYNC, lock=True)
            return look_up(Writer(session, now, caller), caller, wanted)

        found = await database(request).run_write_async(find)
        return Response(found.model_dump_json(), media_type="application/json")

    @router.post(
        "/health", response_model=HealthReceived, dependencies=[Depends(speaks_our_protocol)]
    )
    async def health(
        request: Request, report: HealthReport, credential: BearerCredential
    ) -> HealthReceived:
        """The kiosk's health report, sent after a sync: kept as its latest, with the
        time it arrived by this server's clock ("last seen")."""
        now = now_of(request)

        def keep(session: Session) -> None:
            caller = authorise(session, credential, Scope.SYNC, lock=True)
            record_report(session, caller.device_id, report, now=now)

        await database(request).run_write_async(keep)
        return HealthReceived(received_at=now)

    return router


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
    def api_error(_request: Request, error: ApiError) -> JSONResponse:
        return _error(error.status, error.code, error.message, **(error.headers or {}))

    @app.exception_handler(OperationalError)
    def busy(_request: Request, _error_: OperationalError) -> JSONResponse:
        # SQLite's "database is locked" or a lost PostgreSQL connection: nothing was
        # committed; the kiosk retries after a pause.
        return _error(
            503, ErrorCode.BUSY, "the server is busy, retry shortly", **{"Retry-After": "1"}
        )

    app.add_middleware(BodyLimits)
    app.add_middleware(SecurityHeaders)
    return app
