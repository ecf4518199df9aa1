"""`kiosk-server`: the association's central server.

    kiosk-server serve --data-dir DIR [--database-url URL] [--host H] [--port P]
    kiosk-server enrol NAME        creates a kiosk and prints its token (once)
    kiosk-server revoke NAME
    kiosk-server import-catalogue FILE   categories, services, Lulus (JSON or CSV)
    kiosk-server certificates --year Y --out DIR   the year's tax certificates, one
                                         per client over every kiosk and web order
    kiosk-server statements --month YYYY-MM [--out DIR]   the Lulus' monthly statements

SQLite in the data folder by default; a PostgreSQL URL (postgresql://...) for a real
deployment, also taken from $COMPTOIR_DATABASE_URL.

`serve` is one process: uvicorn on uvloop with the httptools parser (both come with the
server's extra), the sync pushes awaited on the database's writer thread, which commits
the pushes waiting together (see database.GroupCommit). One process on purpose: on
SQLite, a second worker process would wait on the other's file lock instead of sharing
its commit. The benchmarks (`python -m benchmarks sync`) run this very command.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from documents.content import CashRule
from documents.pdf.certificate import write_certificates
from documents.pdf.statement import statement_pdf

from .auth import EnrolmentError, enrol, revoke
from .catalogue import CatalogueError, import_catalogue, read_catalogue
from .database import Database, sqlite_url
from .documents import NoDocuments, month_statements, statement_filename, year_certificates


def database_url(args: argparse.Namespace) -> str:
    url: str | None = args.database_url or os.environ.get("COMPTOIR_DATABASE_URL")
    if url:
        return url
    data_dir: Path = args.data_dir
    data_dir.mkdir(parents=True, exist_ok=True)
    return sqlite_url(data_dir)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk-server", description="Comptoir's central server (sync API, public pages)."
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=Path("central-data"))
    common.add_argument("--database-url", help="postgresql://user@host/db (default: SQLite)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    serve = commands.add_parser("serve", parents=[common], help="run the HTTP server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8800)
    serve.set_defaults(handler=run_serve)
    enrol_cmd = commands.add_parser("enrol", parents=[common], help="enrol a kiosk")
    enrol_cmd.add_argument("name")
    enrol_cmd.set_defaults(handler=run_enrol)
    revoke_cmd = commands.add_parser("revoke", parents=[common], help="revoke a kiosk")
    revoke_cmd.add_argument("name")
    revoke_cmd.set_defaults(handler=run_revoke)
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

    from .app import create_app

    db = Database.open(database_url(args))
    try:
        app = create_app(db)
        # What is loaded by now lives as long as the server: frozen out of the garbage
        # collector's sight, a full collection no longer walks the hundreds of thousands
        # of objects of FastAPI, SQLAlchemy and pydantic (a pause of tens of ms each).
        gc.collect()
        gc.freeze()
        uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    finally:
        db.close()
    return 0


def run_enrol(args: argparse.Namespace) -> int:
    db = Database.open(database_url(args))
    try:
        with db.write() as session:
            token = enrol(session, args.name, now=datetime.now(UTC))
    except EnrolmentError as error:
        print(error, file=sys.stderr)
        return 2
    finally:
        db.close()
    print(token)  # shown once: the server keeps only its hash
    return 0


def run_revoke(args: argparse.Namespace) -> int:
    db = Database.open(database_url(args))
    try:
        with db.write() as session:
            done = revoke(session, args.name, now=datetime.now(UTC))
    finally:
        db.close()
    if not done:
        print(f"no enrolled device named {args.name!r}", file=sys.stderr)
        return 2
    print(f"{args.name}: revoked")
    return 0


def run_import(args: argparse.Namespace) -> int:
    try:
        document = read_catalogue(args.file)
    except (OSError, ValueError, CatalogueError) as error:
        print(f"{args.file}: {error}", file=sys.stderr)
        return 2
    db = Database.open(database_url(args))
    try:
        with db.write() as session:
            counts = import_catalogue(session, document, now=datetime.now(UTC))
    except (CatalogueError, KeyError, ValueError, TypeError) as error:
        print(f"{args.file}: {error}", file=sys.stderr)
        return 2
    finally:
        db.close()
    print("categories {}, services {}, Lulus {}".format(*counts))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())
