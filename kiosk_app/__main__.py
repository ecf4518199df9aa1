"""`kiosk` and `python -m kiosk_app`: the composition root. It parses the command line
and wires the parts: the core's commands, and the window (the one place where the core
package reaches the UI)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .cli import add_core_commands, cli_lang, explain
from .errors import ComptoirError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk", description="Comptoir: the counter of a solidarity concierge."
    )
    parser.add_argument("--data-dir", type=Path, help="data folder of this kiosk")
    parser.add_argument("--demo", action="store_true", help="demo data (seeded if empty)")
    parser.add_argument("--windowed", action="store_true", help="not full screen (development)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_core_commands(commands)
    return parser


def run_kiosk(args: argparse.Namespace) -> int:
    """The kiosk itself. Until the touchscreen lands, it shows the core at work: the
    demo store's figures."""
    from datetime import date

    from .comptoir import Comptoir
    from .config import default_data_dir
    from .demo.seed import seed_demo

    data_dir = args.data_dir or default_data_dir(demo=args.demo)
    if args.demo and not (data_dir / "comptoir.sqlite3").exists():
        seed_demo(data_dir, as_of=date.today())
    comptoir = Comptoir.open(data_dir)
    try:
        span = comptoir.stats.activity_span()
        if span is None:
            print(f"{data_dir}: no activity yet")
            return 0
        stats = comptoir.stats.compute(*span)
        print(f"Comptoir — {data_dir}")
        for key in ("orders", "services_done", "lulus_onboarded", "lulus_in_progress"):
            print(f"  {key:<20} {getattr(stats, key)}")
        print(f"  {'kiosk_visits':<20} {stats.kiosk_visits}")
    finally:
        comptoir.close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = getattr(args, "handler", run_kiosk)
    if args.command and args.data_dir is None and args.demo:
        from .config import default_data_dir

        args.data_dir = default_data_dir(demo=True)
    try:
        return int(handler(args))
    except ComptoirError as error:
        print(explain(error, cli_lang()), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
