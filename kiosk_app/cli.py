"""The core's commands: `kiosk seed-demo`, `kiosk stats`, `kiosk attendant
list|add|disable|enable|reset-pin|set-role` (PINs are read from the terminal, or stdin
for a script, never from the arguments: argv is visible to every user of the PC).

Errors are printed in the person's language (from $LANG) as the core's message keys say
them, with the exit status of their kind (exits.py); nothing is half-written.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from .clock import paris_today, utc_now
from .comptoir import Comptoir
from .config import default_data_dir
from .domain.kinds import Role
from .errors import ComptoirError, DocumentDetailsMissing, ValidationError
from .messages import message
from .views.attendants import AttendantView


def cli_lang() -> str:
    return "en" if os.environ.get("LANG", "fr").lower().startswith("en") else "fr"


def explain(error: ComptoirError, lang: str) -> str:
    params = {name: shown(value) for name, value in error.params.items()}
    if isinstance(error, DocumentDetailsMissing):  # every detail to set, one a line
        return "\n".join(message(key, lang) for key in error.problems)
    if isinstance(error, ValidationError):
        return "\n".join(
            f"{field}: {message(key, lang, **params)}" for field, key in error.fields.items()
        )
    return message(error.key, lang, **params)


def shown(value: object) -> object:
    """A typed name as a refusal quotes it: its control characters (line and record
    separators included) escaped, so that a sentence stays on its line."""
    if not isinstance(value, str | os.PathLike):
        return value
    text = os.fspath(value)
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def add_core_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    seed = commands.add_parser("seed-demo", help="build a month of demo activity")
    seed.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, help="data folder")
    seed.add_argument(
        "--as-of",
        type=date.fromisoformat,
        help="last day of the demo month (default: today); same date, same data",
    )
    seed.set_defaults(handler=run_seed_demo)

    stats = commands.add_parser("stats", help="the figures of a period")
    stats.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    stats.add_argument("--from", dest="start", type=date.fromisoformat)
    stats.add_argument("--to", dest="end", type=date.fromisoformat)
    stats.add_argument("--json", action="store_true", help="machine-readable output")
    stats.set_defaults(handler=run_stats)

    attendant = commands.add_parser("attendant", help="manage attendants")
    attendant_commands = attendant.add_subparsers(dest="attendant_command", required=True)
    add = attendant_commands.add_parser("add", help="create an attendant (PIN asked twice)")
    add.add_argument("name")
    add.add_argument("--role", choices=[r.value for r in Role], default=Role.ATTENDANT.value)
    add.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    add.set_defaults(handler=run_attendant_add)

    listing = attendant_commands.add_parser("list", help="every attendant, disabled too")
    listing.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    listing.set_defaults(handler=run_attendant_list)
    for name, helped, handler in (
        ("disable", "they can no longer log in (not the last manager)", run_attendant_disable),
        ("enable", "let a disabled attendant log in again", run_attendant_enable),
        ("reset-pin", "give a new PIN (asked twice); lifts a lockout", run_attendant_reset_pin),
    ):
        command = attendant_commands.add_parser(name, help=helped)
        command.add_argument("name")
        command.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
        command.set_defaults(handler=handler)
    set_role = attendant_commands.add_parser(
        "set-role", help="make them a manager or an attendant (not the last manager)"
    )
    set_role.add_argument("name")
    set_role.add_argument("role", choices=[r.value for r in Role])
    set_role.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    set_role.set_defaults(handler=run_attendant_set_role)

    from .settings_commands import add_settings_commands  # it imports this module's shown()

    add_settings_commands(commands)


def _data_dir(args: argparse.Namespace) -> Path:
    return args.data_dir or default_data_dir()


def run_seed_demo(args: argparse.Namespace) -> int:
    from .demo.seed import seed_demo

    data_dir = _data_dir(args)
    summary = seed_demo(data_dir, as_of=args.as_of or paris_today(utc_now))
    print(f"Demo data in {data_dir}: {summary}")
    return 0


def run_stats(args: argparse.Namespace) -> int:
    comptoir = Comptoir.open(_data_dir(args))
    try:
        span = comptoir.stats.activity_span()
        today = paris_today(comptoir.clock)
        start = args.start or (span[0] if span else today)
        end = args.end or (span[1] if span else today)
        stats = comptoir.stats.compute(start, end)
    finally:
        comptoir.close()
    if args.json:
        print(json.dumps(stats.to_json(), ensure_ascii=False, indent=2))
        return 0
    lang = cli_lang()
    rows = [
        ("Période" if lang == "fr" else "Period", f"{stats.start} – {stats.end}"),
        ("Commandes" if lang == "fr" else "Orders", stats.orders),
        ("Prestations réalisées" if lang == "fr" else "Services done", stats.services_done),
        ("Lulus référencés" if lang == "fr" else "Lulus onboarded", stats.lulus_onboarded),
        ("Lulus en cours" if lang == "fr" else "Lulus in progress", stats.lulus_in_progress),
        ("Visites du kiosque" if lang == "fr" else "Kiosk visits", stats.kiosk_visits),
        ("Encaissé (€)" if lang == "fr" else "Received (€)", f"{stats.revenue_cents / 100:.2f}"),
        ("Note moyenne" if lang == "fr" else "Average rating", stats.average_rating or "–"),
    ]
    for label, value in rows:
        print(f"{label:<24} {value}")
    return 0


def _new_pin(lang: str) -> str | None:
    """A PIN typed twice, without echo (getpass reads stdin when there is no terminal);
    None, said on stderr, when the two differ."""
    pin = getpass.getpass("PIN : " if lang == "fr" else "PIN: ")
    again = getpass.getpass("PIN (encore) : " if lang == "fr" else "PIN (again): ")
    if pin != again:
        print(
            "Les deux codes diffèrent." if lang == "fr" else "The two PINs differ.",
            file=sys.stderr,
        )
        return None
    return pin


def run_attendant_add(args: argparse.Namespace) -> int:
    pin = _new_pin(cli_lang())
    if pin is None:
        return 2
    comptoir = Comptoir.open(_data_dir(args))
    try:
        attendant = comptoir.attendants.add(args.name, Role(args.role), pin)
    finally:
        comptoir.close()
    print(f"{attendant.name} ({attendant.role.value})")
    return 0


def run_attendant_list(args: argparse.Namespace) -> int:
    lang = cli_lang()
    comptoir = Comptoir.open(_data_dir(args))
    try:
        attendants = comptoir.attendants.list(with_disabled=True)
    finally:
        comptoir.close()
    disabled = "désactivé" if lang == "fr" else "disabled"
    for attendant in attendants:
        state = "" if attendant.active else f"  ({disabled})"
        print(f"{shown(attendant.name)}\t{attendant.role.value}{state}")
    return 0


def _change(
    args: argparse.Namespace, change: Callable[[Comptoir, uuid.UUID], AttendantView]
) -> int:
    comptoir = Comptoir.open(_data_dir(args))
    try:
        attendant = change(comptoir, comptoir.attendants.by_name(args.name).id)
    finally:
        comptoir.close()
    state = "" if attendant.active else (", désactivé" if cli_lang() == "fr" else ", disabled")
    print(f"{shown(attendant.name)} ({attendant.role.value}{state})")
    return 0


def run_attendant_disable(args: argparse.Namespace) -> int:
    return _change(args, lambda comptoir, who: comptoir.attendants.disable(who))


def run_attendant_enable(args: argparse.Namespace) -> int:
    return _change(args, lambda comptoir, who: comptoir.attendants.enable(who))


def run_attendant_set_role(args: argparse.Namespace) -> int:
    role = Role(args.role)
    return _change(args, lambda comptoir, who: comptoir.attendants.set_role(who, role))


def run_attendant_reset_pin(args: argparse.Namespace) -> int:
    comptoir = Comptoir.open(_data_dir(args))
    try:
        # Who first, then the PIN: nobody types a PIN for a name that does not exist.
        comptoir.attendants.by_name(args.name)
    finally:
        comptoir.close()
    pin = _new_pin(cli_lang())
    if pin is None:
        return 2
    return _change(args, lambda comptoir, who: comptoir.attendants.reset_pin(who, pin))
