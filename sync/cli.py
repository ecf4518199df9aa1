"""`kiosk sync --data-dir DIR` (one sync, says what moved: for support and scripts) and
`kiosk enrol URL [--token-file FILE] --data-dir DIR` (joins a central server).

The token is read from a file or from standard input, never from the command line: an
argument is visible to every user in `ps` and stays in the shell's history (and one
starting with "-" would be taken for an option)."""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .client import SyncError

log = logging.getLogger(__name__)

# The commands' modules (the store, requests, pydantic) are imported when a command
# runs, not when `kiosk` builds its parser: starting the window does not wait on them.


def add_sync_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sync = commands.add_parser("sync", help="sync once with the central server")
    sync.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    sync.set_defaults(handler=run_sync)

    join = commands.add_parser(
        "enrol", help="join a central server (the token on standard input, or --token-file)"
    )
    join.add_argument("url", help="the central server, https://...")
    join.add_argument(
        "--token-file",
        type=Path,
        help="a file holding the token printed by 'kiosk-server enrol NAME' "
        "(without it, the token is read from standard input)",
    )
    join.add_argument("--ca-bundle", help="CA certificates to trust (PEM file)")
    join.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    join.set_defaults(handler=run_enrol)


def _data_dir(args: argparse.Namespace) -> Path:
    from kiosk_app.config import default_data_dir

    data_dir: Path = getattr(args, "data_dir", None) or default_data_dir()
    return data_dir


def _fail(error: SyncError, lang: str, *, enrolling_with: str | None = None) -> int:
    """One sentence, and 1 (retry later) or 2 (a person must act). While enrolling, an
    unreachable server or a refused token are said as such: nothing is kept yet."""
    from .messages import ENROL_KEYS, sync_message

    key = error.key
    if enrolling_with is not None:
        key = ENROL_KEYS.get(key, key)
    log.warning("sync refused: %s", key)
    print(sync_message(key, lang, url=enrolling_with or ""), file=sys.stderr)
    return 1 if error.retryable else 2


def run_sync(args: argparse.Namespace) -> int:
    from kiosk_app.cli import cli_lang
    from kiosk_app.comptoir import Comptoir
    from kiosk_app.services.sync_state import pulled_aside_rows, set_aside_ops

    from .client import SyncError
    from .engine import sync_once
    from .enrolment import open_client

    lang = cli_lang()
    data_dir = _data_dir(args)
    comptoir = Comptoir.open(data_dir)
    try:
        client = open_client(comptoir.store, data_dir)
        try:
            report = sync_once(comptoir.store, client, data_dir)
        finally:
            client.close()
        with comptoir.store.read() as session:
            aside = set_aside_ops(session)
            pulled_aside = pulled_aside_rows(session)
    except SyncError as error:
        return _fail(error, lang)
    finally:
        comptoir.close()
    pushed = report.pushed
    fr = lang == "fr"
    print(
        (
            "Envoyé : {0} appliqué(s), {1} déjà reçu(s), {2} refusé(s), {3} en conflit"
            if fr
            else "Pushed: {0} applied, {1} duplicate, {2} rejected, {3} conflict"
        ).format(pushed.applied, pushed.duplicate, pushed.rejected, pushed.conflict)
    )
    print(
        ("Reçu : {0} changement(s)" if fr else "Pulled: {0} change(s)").format(report.pulled)
        + (" (cache complet rechargé)" if fr else " (full refetch)") * report.refetched
    )
    print(
        ("En attente : {0} ; mis de côté : {1}" if fr else "Pending: {0}; set aside: {1}").format(
            report.pending, report.set_aside
        )
    )
    for op in aside:
        print(f"  {op.entity} {op.entity_id} ({op.kind}): {op.last_error}")
    for row in pulled_aside:  # received from the server, not kept here: see a person
        print(f"  {row.entity} {row.entity_id} ({'reçu' if fr else 'pulled'}): {row.reason}")
    return 0


def read_token(token_file: Path | None, lang: str) -> str | None:
    """The token from `token_file`, or from standard input (asked without echo on a
    terminal); None, with the reason printed, when there is none."""
    from .messages import sync_message

    if token_file is not None:
        try:
            token = token_file.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            print(f"{sync_message('sync.token_file', lang)} {token_file}", file=sys.stderr)
            return None
    elif sys.stdin is not None and sys.stdin.isatty():
        token = getpass.getpass("Jeton : " if lang == "fr" else "Token: ").strip()
    else:
        token = (sys.stdin.readline() if sys.stdin is not None else "").strip()
    if not token:
        print(sync_message("sync.token_missing", lang), file=sys.stderr)
        return None
    return token


def run_enrol(args: argparse.Namespace) -> int:
    from kiosk_app.cli import cli_lang
    from kiosk_app.comptoir import Comptoir

    from .client import SyncError
    from .enrolment import enrol

    lang = cli_lang()
    token = read_token(args.token_file, lang)
    if token is None:
        return 2
    data_dir = _data_dir(args)
    comptoir = Comptoir.open(data_dir)
    try:
        client = enrol(comptoir.store, data_dir, args.url, token, ca_bundle=args.ca_bundle)
        client.close()
        code = comptoir.settings.get().kiosk_code
    except SyncError as error:
        return _fail(error, lang, enrolling_with=args.url)
    finally:
        comptoir.close()
    log.info("enrolled with the central server")
    print(f"Kiosque relié à {args.url}" if lang == "fr" else f"Kiosk enrolled with {args.url}")
    if code:  # its orders' series, as the server gave it
        print(
            f"Code du kiosque : {code} (commandes {code}-0001, …)"
            if lang == "fr"
            else f"Kiosk code: {code} (orders {code}-0001, …)"
        )
    return 0
