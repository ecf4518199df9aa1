"""`kiosk-server`: the association's central server.

    kiosk-server serve --data-dir DIR [--database-url URL] [--host H] [--port P]
                       [--workers N] [--forwarded-allow-ips IPS]
    kiosk-server enrol NAME [--kind kiosk|web|admin]   prints its token (once)
    kiosk-server revoke NAME
    kiosk-server import-catalogue FILE   categories, services, Lulus (JSON or CSV)

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
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from .auth import EnrolmentError, enrol, revoke
from .catalogue import CatalogueError, import_catalogue, read_catalogue
from .database import Database, sqlite_url
from .scopes import DeviceKind


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
    catalogue = commands.add_parser(
        "import-catalogue", parents=[common], help="import the catalogue (JSON or CSV)"
    )
    catalogue.add_argument("file", type=Path)
    catalogue.set_defaults(handler=run_import)
    return parser


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
        uvicorn.run(app, **options)
    finally:
        db.close()
    return 0


def run_enrol(args: argparse.Namespace) -> int:
    db = Database.open(database_url(args))
    try:
        with db.write() as session:
            token = enrol(session, args.name, now=datetime.now(UTC), kind=DeviceKind(args.kind))
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
