"""`kiosk-server`: the association's central server.

    kiosk-server serve --data-dir DIR [--database-url URL] [--host H] [--port P]
                       [--workers N] [--forwarded-allow-ips IPS]
    kiosk-server enrol NAME [--kind kiosk|web|admin]   prints its token (once)
    kiosk-server revoke NAME
    kiosk-server replace NAME            a new token for a replaced kiosk (the old one
                                         stops working); it keeps its code and series
    kiosk-server import-catalogue FILE   categories, services, Lulus (JSON or CSV)
    kiosk-server certificates --year Y --out DIR   the year's tax certificates, one
                                         per client over every kiosk and web order
    kiosk-server statements --month YYYY-MM [--out DIR]   the Lulus' monthly statements

SQLite in the data folder by default; a PostgreSQL URL (postgresql://...) for a real
deployment, also taken from $COMPTOIR_DATABASE_URL.

`serve` is one process: uvicorn on uvloop with the httptools parser (both come with the
server's extra), the sync pushes awaited on the database's writer thread, which commits
the pushes waiting together (see database.GroupCommit). One process on SQLite on
purpose: a second worker process would wait on the other's file lock instead of sharing
its commit. On PostgreSQL, `--workers N` runs N processes (uvicorn's), each with its own
connections; the change log stays gapless across them (changes.py). The benchmarks
(`python -m benchmarks sync`) run this very command.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from documents.content import CashRule
from documents.pdf.certificate import write_certificates
from documents.pdf.statement import statement_pdf

from . import cli_messages as said
from .auth import Enrolled, EnrolmentError, enrol_device, replace, revoke
from .catalogue import CatalogueError, import_catalogue, read_catalogue
from .catalogue_check import BadLine, check_catalogue_file
from .database import Database, sqlite_url
from .documents import NoDocuments, month_statements, statement_filename, year_certificates
from .scopes import DeviceKind

log = logging.getLogger("kiosk-server")
DEFAULT_DATA_DIR = Path("central-data")


class Refused(Exception):
    """A command's bad input: one sentence (already said in the person's language) and
    its exit status."""

    def __init__(self, sentence: str, status: int) -> None:
        super().__init__(sentence)
        self.sentence, self.status = sentence, status


def database_url(args: argparse.Namespace) -> str:
    url: str | None = args.database_url or os.environ.get("COMPTOIR_DATABASE_URL")
    if url:
        return url
    data_dir: Path = args.data_dir or DEFAULT_DATA_DIR
    if data_dir.exists() and not data_dir.is_dir():
        raise Refused(said.say("data.not_a_folder", path=data_dir), said.DATA_UNAVAILABLE)
    data_dir.mkdir(parents=True, exist_ok=True)
    return sqlite_url(data_dir)


class ServerParser(argparse.ArgumentParser):
    """argparse, refusing an option whose value is a lone "--" ("--port=--"): argparse
    drops it and leaves an empty list without calling the option's type, which `serve`
    then gave uvicorn as its port (a traceback). No option here takes a list. Its
    subcommands' parsers are of this class too (argparse's default)."""

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        parsed, rest = super().parse_known_args(args, namespace)
        if any(isinstance(value, list) for value in vars(parsed).values()):
            self.error("an option's value is '--'")
        return parsed, rest


def build_parser() -> argparse.ArgumentParser:
    # Typed as argparse's own: its subcommands' parsers are of its class all the same.
    parser: argparse.ArgumentParser = ServerParser(
        prog="kiosk-server", description="Comptoir's central server (sync API, public pages)."
    )
    parser.add_argument(
        "--version", action="version", version=f"kiosk-server {said.server_version()}"
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", type=Path, help=f"data folder (default: ./{DEFAULT_DATA_DIR})"
    )
    common.add_argument("--database-url", help="postgresql://user@host/db (default: SQLite)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    serve = commands.add_parser("serve", parents=[common], help="run the HTTP server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8800)
    serve.add_argument(
        "--workers", type=int, default=1, help="processes (several: PostgreSQL only)"
    )
    serve.add_argument(
        "--forwarded-allow-ips",
        default="127.0.0.1",
        help="the reverse proxies whose X-Forwarded-For is trusted (default: 127.0.0.1)",
    )
    serve.set_defaults(handler=run_serve)
    enrol_cmd = commands.add_parser("enrol", parents=[common], help="enrol a device")
    enrol_cmd.add_argument("name")
    enrol_cmd.add_argument(
        "--kind",
        choices=[kind.value for kind in DeviceKind],
        default=DeviceKind.KIOSK.value,
        help="kiosk (syncs), web (the web platform: creates web orders), admin (back office)",
    )
    enrol_cmd.set_defaults(handler=run_enrol)
    revoke_cmd = commands.add_parser("revoke", parents=[common], help="revoke a kiosk")
    revoke_cmd.add_argument("name")
    revoke_cmd.set_defaults(handler=run_revoke)
    replace_cmd = commands.add_parser(
        "replace",
        parents=[common],
        help="a new token for a kiosk whose machine was replaced (same code and series)",
    )
    replace_cmd.add_argument("name")
    replace_cmd.set_defaults(handler=run_replace)
    catalogue = commands.add_parser(
        "import-catalogue", parents=[common], help="import the catalogue (JSON or CSV)"
    )
    catalogue.add_argument("file", type=Path)
    catalogue.set_defaults(handler=run_import)
    certificates = commands.add_parser(
        "certificates",
        parents=[common],
        help="the year's tax certificates, one per client over every kiosk (PDF)",
    )
    certificates.add_argument("--year", type=int, required=True)
    certificates.add_argument("--out", type=Path, required=True, help="folder for the PDFs")
    certificates.add_argument(
        "--cash-rule",
        choices=[rule.value for rule in CashRule],
        default=CashRule.EXCLUDED.value,
        help="whether cash counts toward the tax credit (docs/LEGAL.md; default: excluded, "
        "art. D7233-3 code du travail)",
    )
    certificates.set_defaults(handler=run_certificates)
    statements = commands.add_parser(
        "statements", parents=[common], help="the Lulus' monthly statements over every kiosk"
    )
    statements.add_argument("--month", type=_month, required=True, help="YYYY-MM")
    statements.add_argument("--out", type=Path, help="folder (default: DIR/statements/YYYY-MM)")
    statements.set_defaults(handler=run_statements)
    return parser


def _month(text: str) -> tuple[int, int]:
    try:
        year, month = (int(part) for part in text.strip().split("-"))
        date(year, month, 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a month (YYYY-MM): {text[:20]!r}") from None
    return year, month


def run_certificates(args: argparse.Namespace) -> int:
    db = Database.open(database_url(args))
    try:
        with db.read() as session:
            made = year_certificates(
                session,
                args.year,
                issued_on=datetime.now(UTC).date(),
                cash_rule=CashRule(args.cash_rule),
            )
    except NoDocuments:
        print("no invoice has reached the server yet: nothing to certify", file=sys.stderr)
        return 2
    finally:
        db.close()
    written = sum(1 for _ in write_certificates(made, args.out))
    print(f"{written} certificates for {args.year} → {args.out} (every kiosk)")
    return 0


def run_statements(args: argparse.Namespace) -> int:
    year, month = args.month
    out: Path = args.out or args.data_dir / "statements" / f"{year}-{month:02d}"
    db = Database.open(database_url(args))
    try:
        with db.read() as session:
            made = month_statements(session, year, month)
    except NoDocuments:
        print("no invoice has reached the server yet: no association details", file=sys.stderr)
        return 2
    finally:
        db.close()
    out.mkdir(parents=True, exist_ok=True)
    os.chmod(out, 0o700)
    for statement in made:
        path = out / statement_filename(statement)
        statement_pdf(statement, path)
        os.chmod(path, 0o600)
    print(f"{len(made)} statements for {year}-{month:02d} → {out} (every kiosk)")
    return 0


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .access_log import log_config
    from .app import create_app
    from .asgi import DATABASE_URL_VARIABLE

    url = database_url(args)
    options = {
        "host": args.host,
        "port": args.port,
        "log_level": "info",
        "log_config": log_config(),  # order pages' tokens never in the access log
        "forwarded_allow_ips": args.forwarded_allow_ips,
    }
    db = Database.open(url)  # migrated once, here, before any worker starts
    if args.workers > 1:
        db.close()
        if db.dialect == "sqlite":
            print("several workers need PostgreSQL (--database-url)", file=sys.stderr)
            return 2
        os.environ[DATABASE_URL_VARIABLE] = url  # read by each worker (server.asgi)
        uvicorn.run(
            "server.asgi:app_from_environment", factory=True, workers=args.workers, **options
        )
        return 0
    try:
        app = create_app(db)
        # What is loaded by now lives as long as the server: frozen out of the garbage
        # collector's sight, a full collection no longer walks the hundreds of thousands
        # of objects of FastAPI, SQLAlchemy and pydantic (a pause of tens of ms each).
        gc.collect()
        gc.freeze()
        # No client address in the access log (personal data), nor an order page's token.
        log.info("serving on %s:%d", args.host, args.port)
        print(f"http://{args.host}:{args.port}", flush=True)
        uvicorn.run(app, **options)
    finally:
        db.close()
    return 0


def run_enrol(args: argparse.Namespace) -> int:
    db = Database.open(database_url(args))
    try:
        with db.write() as session:
            enrolled = enrol_device(
                session, args.name, now=datetime.now(UTC), kind=DeviceKind(args.kind)
            )
    except EnrolmentError as error:
        raise Refused(said.say("device.refused", reason=error), said.BAD_INPUT) from None
    finally:
        db.close()
    log.info("kiosk enrolled")
    _show(enrolled)
    return 0


def run_replace(args: argparse.Namespace) -> int:
    db = Database.open(database_url(args))
    try:
        with db.write() as session:
            enrolled = replace(session, args.name)
    except LookupError:
        raise Refused(said.say("device.unknown", name=args.name), said.NOT_FOUND) from None
    finally:
        db.close()
    log.info("kiosk replaced (its code kept)")
    _show(enrolled)
    return 0


def _show(enrolled: Enrolled) -> None:
    """The token alone on standard output (scripts read it), the code on the error
    stream as the other information."""
    if enrolled.code is not None:
        print(said.say("device.code", code=enrolled.code), file=sys.stderr)
    print(enrolled.token)  # shown once: the server keeps only its hash


def run_revoke(args: argparse.Namespace) -> int:
    db = Database.open(database_url(args))
    try:
        with db.write() as session:
            done = revoke(session, args.name, now=datetime.now(UTC))
    finally:
        db.close()
    if not done:
        raise Refused(said.say("device.unknown", name=args.name), said.NOT_FOUND)
    log.info("kiosk revoked")
    print(f"{args.name}: revoked")
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Every entry is checked before anything is written: a file that is not a
    catalogue is refused at its first bad line, and nothing is imported."""
    try:
        check_catalogue_file(args.file)
        document = read_catalogue(args.file)
    except BadLine as bad:
        why = said.say(bad.reason, detail=bad.detail)
        raise Refused(
            said.say("catalogue.refused", file=args.file, line=bad.line, why=why), said.BAD_INPUT
        ) from None
    except (OSError, ValueError, CatalogueError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise Refused(
            said.say("catalogue.unreadable", file=args.file, reason=reason), said.BAD_INPUT
        ) from None
    db = Database.open(database_url(args))
    try:
        with db.write() as session:
            counts = import_catalogue(session, document, now=datetime.now(UTC))
    except CatalogueError as error:
        # A service whose category is neither in the file nor on the server.
        raise Refused(
            said.say("catalogue.unreadable", file=args.file, reason=error), said.BAD_INPUT
        ) from None
    finally:
        db.close()
    log.info("catalogue imported: categories %d, services %d, Lulus %d", *counts)
    print("categories {}, services {}, Lulus {}".format(*counts))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Each command's bad input is one sentence and its exit status (cli_messages.py),
    never a traceback; the log (`DIR/logs/kiosk-server.log`) keeps the details."""
    from operator_log import setup_logging

    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    # The log goes to the data folder's logs/; on PostgreSQL with no data folder named,
    # to the user's log folder (~/.local/state/comptoir/log).
    url = args.database_url or os.environ.get("COMPTOIR_DATABASE_URL")
    data_dir: Path | None = args.data_dir or (None if url else DEFAULT_DATA_DIR)
    written_to = setup_logging(data_dir, "kiosk-server")
    log.info("start %s (Comptoir %s, pid %d)", args.command, said.server_version(), os.getpid())
    status = said.UNEXPECTED
    try:
        status = int(handler(args))
    except Refused as refused:
        log.warning("%s refused (exit %d)", args.command, refused.status)
        status = refused.status
        print(refused.sentence, file=sys.stderr)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        status = said.BROKEN_PIPE
    except Exception as error:
        from sqlalchemy.exc import DatabaseError, OperationalError

        log.exception("%s failed", args.command)
        if isinstance(error, DatabaseError | OperationalError):
            status = said.DATA_UNAVAILABLE
            reason = type(getattr(error, "orig", error)).__name__
            print(said.say("data.unavailable", reason=reason), file=sys.stderr)
        else:
            print(said.say("unexpected", log=written_to or "-"), file=sys.stderr)
    log.info("stop %s: exit %d", args.command, status)
    return status


if __name__ == "__main__":
    sys.exit(main())
