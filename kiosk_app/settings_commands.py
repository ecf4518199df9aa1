"""`kiosk settings list|get|set`: the settings from a shell, with the very checks of the
set-up wizard and the counter (SettingsService.change). An unknown name exits 3
(NOT_FOUND), a refused value 2 (BAD_INPUT), each with one sentence in $LANG's language;
every change is audited and sent to the central server like the counter's."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path

from .cli import shown
from .comptoir import Comptoir
from .config import default_data_dir
from .domain.setting_rules import RULES
from .errors import UnknownSetting


def add_settings_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    settings = commands.add_parser("settings", help="read or change the kiosk's settings")
    actions = settings.add_subparsers(dest="settings_command", required=True)
    listing = actions.add_parser("list", help="every setting and its value")
    listing.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    listing.set_defaults(handler=run_settings_list)
    get = actions.add_parser("get", help="one setting's value")
    get.add_argument("key")
    get.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    get.set_defaults(handler=run_settings_get)
    put = actions.add_parser("set", help="change one setting (checked, audited, synced)")
    put.add_argument("key")
    put.add_argument("value")
    put.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    put.set_defaults(handler=run_settings_set)


def _open(args: argparse.Namespace) -> Comptoir:
    return Comptoir.open(getattr(args, "data_dir", None) or default_data_dir())


def run_settings_list(args: argparse.Namespace) -> int:
    comptoir = _open(args)
    try:
        values = asdict(comptoir.settings.get())
    finally:
        comptoir.close()
    for key, value in values.items():
        print(f"{key}\t{shown(value)}")
    return 0


def run_settings_get(args: argparse.Namespace) -> int:
    if args.key not in RULES:  # refused before the store is even opened
        raise UnknownSetting(name=args.key)
    comptoir = _open(args)
    try:
        value = getattr(comptoir.settings.get(), args.key)
    finally:
        comptoir.close()
    print(shown(value))
    return 0


def run_settings_set(args: argparse.Namespace) -> int:
    if args.key not in RULES:
        raise UnknownSetting(name=args.key)
    comptoir = _open(args)
    try:
        settings = comptoir.settings.change({args.key: args.value}, source="cli")
    finally:
        comptoir.close()
    print(f"{args.key}\t{shown(getattr(settings, args.key))}")
    return 0
