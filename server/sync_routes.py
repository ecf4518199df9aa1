"""The sync protocol's routes (DESIGN.md, "Sync protocol"): meta, push (with the pull's
first page when asked), pull, the device, a look-up at the counter, health reports."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import Response
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
    authorise,
)
from .auth import device_name
from .batch import IdempotencyMismatch, push_batch
from .changes import CursorUnknown, pull_json
from .database import Database
from .documents import last_document_numbers
from .health import record_report
from .lookup import look_up
from .route_basics import ERRORS, BearerCredential, InvalidRequest, database, now_of
from .scopes import Caller, RecordRules, Scope
from .writer import Writer


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

        db = database(request)

        def with_page(written: tuple[Caller, PushResponse]) -> tuple[str, str | None]:
            caller, answer = written
            # Serialised once, here: the answer is already a validated PushResponse, and
            # the page JSON already (changes.pull_json); `pull` is left out unless
            # answered, as a kiosk that never asks for it does not know the field. The
            # caller was found live by the write that just committed.
            body = answer.model_dump_json(exclude={"pull"})
            if pull_from is None:
                return body, None
            return body, read_page(db, rules, caller, pull_from, pull_limit)

        try:
            body, page = await db.run_write_then_async(apply, with_page)
        except IdempotencyMismatch:
            raise ApiError(
                422, ErrorCode.IDEMPOTENCY_MISMATCH, "this Idempotency-Key came with another body"
            ) from None
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
