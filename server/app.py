"""The central server's HTTP API (FastAPI): the sync protocol of DESIGN.md, the web
platform's order creation, the orders' public pages, and the kiosks' health."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Form, Header, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.security import (
    HTTPAuthorizationCredentials,
    HTTPBasic,
    HTTPBasicCredentials,
    HTTPBearer,
)
from pydantic import BaseModel
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from sync.protocol import (
    DEFAULT_PULL_LIMIT,
    IDEMPOTENCY_HEADER,
    MAX_PULL_LIMIT,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    SCHEMA_HEADER,
    SCHEMA_VERSION,
    SUPPORTED_PROTOCOLS,
    ErrorBody,
    ErrorCode,
    HealthReceived,
    HealthReport,
    Meta,
    PullResponse,
    PushRequest,
    PushResponse,
)

from .auth import device_for_token
from .changes import CursorUnknown, pull
from .database import Database
from .health import record_report
from .kiosks_routes import kiosks_routes
from .limits import BodyLimits
from .public_page import (
    find_order,
    page_lang,
    rate_from_page,
    rating_of,
    render_missing,
    render_order,
)
from .push import IdempotencyMismatch, push_batch
from .web_orders import WebOrderCreated, WebOrderRequest, create_web_order
from .writer import Rejected

Clock = Callable[[], datetime]


class ApiError(Exception):
    def __init__(
        self, status: int, code: ErrorCode, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(code, message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers


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
    413: {"model": ErrorBody, "description": "body over 1 MB, sent or inflated"},
    426: {"model": ErrorBody, "description": "protocol or schema not supported: upgrade"},
    503: {"model": ErrorBody, "description": "busy: retry after Retry-After seconds"},
}

bearer = HTTPBearer(auto_error=False)


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


async def bearer_token(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> str:
    if credentials is None:
        raise ApiError(401, ErrorCode.UNAUTHORIZED, "a bearer token is required")
    return credentials.credentials


Token = Annotated[str, Depends(bearer_token)]


def device_of(session: Session, token: str, *, lock: bool = False) -> int:
    """The device comes from the credential, never from the body; looked up inside the
    request's own transaction, so a revocation takes effect at once."""
    found = device_for_token(session, token, lock=lock)
    if found is None:
        raise ApiError(401, ErrorCode.UNAUTHORIZED, "unknown or revoked token")
    return found


class OptionalBasic(HTTPBasic):
    """HTTP Basic credentials if the request has them, else None (a garbled header
    too: the caller answers 401 in the API's own shape)."""

    async def __call__(self, request: Request) -> HTTPBasicCredentials | None:  # type: ignore[override]
        try:
            return await super().__call__(request)
        except HTTPException:
            return None


basic = OptionalBasic(auto_error=False, realm="Comptoir")
# A browser asks for the credentials of a page that answers 401 with this header.
ASK_BROWSER = {"WWW-Authenticate": 'Basic realm="Comptoir", charset="UTF-8"'}


async def bearer_or_basic_token(
    bearer_credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    basic_credentials: Annotated[HTTPBasicCredentials | None, Depends(basic)],
) -> str:
    """A token as a program sends it (Bearer) or as a browser does (Basic: any user
    name, the token as the password), for pages a person opens."""
    if bearer_credentials is not None:
        return bearer_credentials.credentials
    if basic_credentials is not None and basic_credentials.password:
        return basic_credentials.password
    raise ApiError(401, ErrorCode.UNAUTHORIZED, "a token is required", ASK_BROWSER)


def administrator(request: Request, token: Annotated[str, Depends(bearer_or_basic_token)]) -> int:
    """Who may see every kiosk's health (the kiosks page and /api/v1/kiosks): THE ONE
    PLACE to make that "administrators only". Until devices have kinds (issue 15), any
    live device token is taken; then refuse here every device that is not an
    administrator (a kiosk's token, the web platform's)."""
    with database(request).read() as session:
        try:
            return device_of(session, token)
        except ApiError as error:
            raise ApiError(error.status, error.code, error.message, ASK_BROWSER) from None


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
        token: Token,
        key: Annotated[str, Header(alias=IDEMPOTENCY_HEADER, min_length=1, max_length=100)],
    ) -> Response:
        now = now_of(request)

        def apply(session: Session) -> PushResponse:
            device = device_of(session, token, lock=True)
            return push_batch(session, device, key, batch, now=now)

        try:
            # Awaited, not run on a pool thread: the write runs on the database's writer.
            answer = await database(request).run_write_async(apply)
        except IdempotencyMismatch:
            raise ApiError(
                422, ErrorCode.IDEMPOTENCY_MISMATCH, "this Idempotency-Key came with another body"
            ) from None
        # Serialised once, here: the answer is already a validated PushResponse.
        return Response(answer.model_dump_json(), media_type="application/json")

    @router.get(
        "/pull",
        response_model=PullResponse,
        dependencies=[Depends(speaks_our_protocol)],
        responses={409: {"model": ErrorBody, "description": "must_refetch: cursor unknown"}},
    )
    def pull_changes(
        request: Request,
        token: Token,
        cursor: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT,
    ) -> Response:
        try:
            with database(request).read() as session:
                device_of(session, token)
                page = pull(session, cursor, limit)
        except CursorUnknown:
            raise ApiError(
                409, ErrorCode.MUST_REFETCH, "this cursor is unknown here: pull from 0"
            ) from None
        return Response(page.model_dump_json(), media_type="application/json")

    @router.post(
        "/health", response_model=HealthReceived, dependencies=[Depends(speaks_our_protocol)]
    )
    async def health(request: Request, report: HealthReport, token: Token) -> HealthReceived:
        """The kiosk's health report, sent after a sync: kept as its latest, with the
        time it arrived by this server's clock ("last seen")."""
        now = now_of(request)

        def keep(session: Session) -> None:
            record_report(session, device_of(session, token, lock=True), report, now=now)

        await database(request).run_write_async(keep)
        return HealthReceived(received_at=now)

    return router


def web_routes() -> APIRouter:
    router = APIRouter(tags=["web platform"], responses=ERRORS)

    @router.post(
        "/api/v1/orders",
        response_model=WebOrderCreated,
        status_code=201,
        responses={400: {"model": ErrorBody, "description": "unknown service"}},
    )
    def create_order(request: Request, order: WebOrderRequest, token: Token) -> WebOrderCreated:
        now = now_of(request)

        def create(session: Session) -> WebOrderCreated:
            device_of(session, token)
            return create_web_order(session, order, now=now)

        try:
            return database(request).run_write(create)
        except Rejected as rejected:
            raise ApiError(400, ErrorCode.INVALID, rejected.message) from None

    return router


HTML: dict[str, Any] = {"content": {"text/html": {}}}


def page_routes() -> APIRouter:
    """The order's public page: HTML for a phone, every answer a page (never JSON)."""
    router = APIRouter(tags=["public pages"], default_response_class=HTMLResponse)

    @router.get("/o/{token}", responses={404: {"description": "no such order", **HTML}})
    def order_page(request: Request, token: str, lang: str | None = None) -> HTMLResponse:
        with database(request).read() as session:
            order = find_order(session, token)
            if order is None:
                return HTMLResponse(render_missing(page_lang(lang, None)), status_code=404)
            rating = rating_of(session, order.entity_id)
            return HTMLResponse(render_order(order, rating, page_lang(lang, order)))

    @router.post(
        "/o/{token}/rating",
        response_model=None,
        status_code=303,
        responses={
            303: {"description": "rated: back to the order's page"},
            400: {"description": "no rating from 1 to 5, or a comment too long", **HTML},
            404: {"description": "no such order", **HTML},
            409: {"description": "not done yet, or rated already", **HTML},
        },
    )
    def rate(
        request: Request,
        token: str,
        stars: Annotated[str, Form()] = "",
        comment: Annotated[str, Form()] = "",
        lang: str | None = None,
    ) -> HTMLResponse | RedirectResponse:
        with database(request).write() as session:
            order = find_order(session, token)
            if order is None:
                return HTMLResponse(render_missing(page_lang(lang, None)), status_code=404)
            chosen = page_lang(lang, order)
            valid = stars.strip().isdigit() and 1 <= int(stars) <= 5 and len(comment) <= 2000
            if not valid:
                rating = rating_of(session, order.entity_id)
                page = render_order(order, rating, chosen, error=True)
                return HTMLResponse(page, status_code=400)
            if not rate_from_page(session, order, int(stars), comment, now=now_of(request)):
                rating = rating_of(session, order.entity_id)
                return HTMLResponse(render_order(order, rating, chosen), status_code=409)
        return RedirectResponse(f"/o/{order.lookup}?lang={chosen}", status_code=303)

    return router


def create_app(db: Database, *, clock: Clock | None = None) -> FastAPI:
    app = FastAPI(
        title="Comptoir central server",
        version=f"{PROTOCOL_VERSION}.{SCHEMA_VERSION}",
        description="Sync API for the Comptoir kiosks (DESIGN.md, 'Sync protocol'), "
        "order creation for the web platform, and orders' public pages.",
    )
    app.state.database = db
    app.state.clock = clock or (lambda: datetime.now(UTC))
    app.include_router(sync_routes())
    app.include_router(web_routes())
    app.include_router(page_routes())
    app.include_router(kiosks_routes(administrator))

    @app.exception_handler(ApiError)
    def api_error(_request: Request, error: ApiError) -> JSONResponse:
        return _error(error.status, error.code, error.message, **(error.headers or {}))

    @app.exception_handler(RequestValidationError)
    def invalid(_request: Request, error: RequestValidationError) -> Response:
        # FastAPI's own 422, but as ASCII JSON: it echoes the input, and a lone
        # surrogate ("\ud800") in it cannot be encoded as UTF-8 (that was an HTTP 500).
        body = json.dumps({"detail": jsonable_encoder(error.errors())}, ensure_ascii=True)
        return Response(body, status_code=422, media_type="application/json")

    @app.exception_handler(OperationalError)
    def busy(_request: Request, _error_: OperationalError) -> JSONResponse:
        # SQLite's "database is locked" or a lost PostgreSQL connection: nothing was
        # committed; the kiosk retries after a pause.
        return _error(
            503, ErrorCode.BUSY, "the server is busy, retry shortly", **{"Retry-After": "1"}
        )

    app.add_middleware(BodyLimits)
    return app
