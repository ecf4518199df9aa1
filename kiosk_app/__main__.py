"""`kiosk` and `python -m kiosk_app`: the composition root. It parses the command line
and wires the parts: the core's commands, and the window (the one place where the core
package reaches the UI)."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from .cli import cli_lang, explain
from .errors import ComptoirError
from .exits import Exit, status_for
from .version import comptoir_version

if TYPE_CHECKING:
    from sync.kiosk_sync import KioskSync

log = logging.getLogger("kiosk")


def _add_window_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", version=f"kiosk {comptoir_version()}")
    parser.add_argument("--data-dir", type=Path, help="data folder of this kiosk")
    parser.add_argument("--demo", action="store_true", help="demo data (seeded if empty)")
    parser.add_argument("--windowed", action="store_true", help="not full screen (development)")


class CommandParser(argparse.ArgumentParser):
    """argparse, saying a command it does not understand in one sentence of the
    person's language (its own usage and English error would be three lines), with
    status 2. Its subcommands' parsers are of this class too (argparse's default)."""

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        parsed, rest = super().parse_known_args(args, namespace)
        # argparse drops a lone "--" given as an option's value ("--data-dir=--") and
        # leaves an empty list there without calling the option's type: the command
        # would go on with the default folder. No option of the kiosk takes a list.
        if any(isinstance(value, list) for value in vars(parsed).values()):
            self.error("an option's value is '--'")
        return parsed, rest

    def error(self, message: str) -> NoReturn:
        from .cli import cli_lang
        from .messages import message as text

        log.info("command not understood: %s", self.prog)  # (never what was typed)
        _say(text("cli.not_understood", cli_lang(), prog=self.prog))
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    """Every command. The parts' command modules import printing and sync libraries:
    only built when a command (or --help) is asked for, so the window starts sooner."""
    from printing.cli import add_printing_commands
    from sync.cli import add_sync_commands

    from .backup_commands import add_backup_commands
    from .cli import add_core_commands

    # Typed as argparse's own: its subcommands' parsers are of its class all the same.
    parser: argparse.ArgumentParser = CommandParser(
        prog="kiosk", description="Comptoir: the counter of a solidarity concierge."
    )
    _add_window_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_core_commands(commands)
    add_backup_commands(commands)
    add_printing_commands(commands)
    add_sync_commands(commands)
    return parser


def demo_server_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("server") is not None


def run_kiosk(args: argparse.Namespace) -> int:
    """The kiosk itself: the touchscreen window, full screen unless --windowed. The
    window shows first; the store is opened (and the demo seeded) right after. The
    kiosk holds its data folder's lock while it runs: a second kiosk on the same folder
    is refused, and so is a restore."""
    from operator_log import log_file
    from ui.app import run

    from .comptoir import Comptoir
    from .config import default_data_dir
    from .kiosk_lock import KioskLock
    from .store.database import STORE_FILENAME
    from .store.refusals import OutOfOrder
    from .store.refusals import out_of_order as describe

    data_dir = args.data_dir or default_data_dir(demo=args.demo)
    lock = KioskLock.acquire(data_dir)

    def open_store() -> Comptoir:
        from .clock import paris_today, utc_now
        from .demo.seed import seed_demo

        if args.demo and not (data_dir / "comptoir.sqlite3").exists():
            seed_demo(data_dir, as_of=paris_today(utc_now))
        return Comptoir.open(data_dir)

    syncs: list[KioskSync] = []

    def start_workers(comptoir: Comptoir) -> Callable[[], None]:
        """What runs beside the window, on worker threads: the print queue, the nightly
        backup, and sync with the central server once enrolled (sync.kiosk_sync).
        Joining the demo's own server (starting it, enrolling, taking its catalogue) is
        network work too: it runs on a thread of its own, never on the GUI thread, and
        the sync worker starts after it. The packaged kiosk has no central server in it
        (kiosk.spec): its demo stays offline, its month waiting in the outbox."""
        import threading

        from printing.queue import PrintWorker
        from sync.enrolment import enrol
        from sync.kiosk_sync import KioskSync

        from .backup_worker import NightlyBackups

        stops: list[Callable[[], None]] = []
        printer = PrintWorker.from_settings(comptoir, data_dir)
        printer.start()
        stops.append(printer.stop)
        backups = NightlyBackups(comptoir)
        backups.start()
        stops.append(backups.stop)
        sync = KioskSync(comptoir, data_dir)
        syncs.append(sync)

        def start_sync() -> None:
            if args.demo and demo_server_available():
                from server.demo import start_local_server

                central = start_local_server(data_dir / "central")
                stops.append(central.stop)
                enrol(comptoir.store, data_dir, central.url, central.token).close()
            sync.start_if_enrolled()

        starting = threading.Thread(target=start_sync, name="sync-start", daemon=True)
        starting.start()

        def stop_all() -> None:
            starting.join()
            sync.stop()
            for stop in reversed(stops):  # the demo's server, backups, printing
                stop()

        return stop_all

    def enrol_now(comptoir: Comptoir, url: str, token: str) -> None:
        """The set-up wizard's (or the settings') enrolment, on the window's worker
        thread: the sync worker starts at once (or restarts, on the new server)."""
        syncs[0].enrol(url, token)

    def out_of_order(error: BaseException) -> OutOfOrder:
        return describe(error, data_dir, STORE_FILENAME, log_file(data_dir, "kiosk"))

    try:
        return run(
            open_store,
            windowed=args.windowed,
            start_workers=start_workers,
            out_of_order=out_of_order,
            enrol=enrol_now,
        )
    finally:
        lock.release()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    window = CommandParser(prog="kiosk", add_help=False)
    _add_window_options(window)
    try:
        window_args, rest = window.parse_known_args(argv)
        if rest:
            args = build_parser().parse_args(argv)
            handler = getattr(args, "handler", run_kiosk)
        else:
            args, handler = window_args, run_kiosk
    except SystemExit as done:  # --help, or a command not understood (said already)
        return done.code if isinstance(done.code, int) else 2
    from operator_log import safe_params, setup_logging

    from .config import default_data_dir

    if handler is not run_kiosk and args.data_dir is None and args.demo:
        args.data_dir = default_data_dir(demo=True)
    data_dir = getattr(args, "data_dir", None) or default_data_dir(demo=args.demo)
    command = getattr(args, "command", None) or "window"
    # A command never makes a data folder, nor a log folder in a folder that is not a
    # kiosk's (`--data-dir ""` is the current folder): the user's log folder then.
    setup_logging(data_dir if command == "window" or _is_kiosk_dir(data_dir) else None, "kiosk")
    log.info("start %s (Comptoir %s, pid %d)", command, comptoir_version(), os.getpid())
    status: int = Exit.UNEXPECTED
    try:
        status = int(handler(args))
    except BrokenPipeError:
        status = _reader_went_away()
    except ComptoirError as error:
        status = status_for(error)
        log.warning("%s refused: %s %s", command, error.key, safe_params(error.params))
        _say(explain(error, cli_lang()))
    except KeyboardInterrupt:
        status = 130
    except Exception:
        log.exception("%s failed", command)
        from operator_log import log_file

        from .messages import message

        _say(message("cli.unexpected", cli_lang(), log=log_file(data_dir, "kiosk")))
    log.info("stop %s: exit %d", command, status)
    return status


def _is_kiosk_dir(path: Path) -> bool:
    from operator_log import LOGS_DIRNAME

    from .store.database import STORE_FILENAME

    try:
        return (path / STORE_FILENAME).is_file() or (path / LOGS_DIRNAME).is_dir()
    except OSError:  # a name too long for the file system: the command will say so
        return False


def _say(sentence: str) -> None:
    with contextlib.suppress(OSError):  # no terminal to say it on: the log has it
        print(sentence, file=sys.stderr)


def _reader_went_away() -> int:
    """`kiosk stats --json | head`: the reader closed the pipe. Quietly: stdout goes to
    /dev/null so that Python's last flush at exit does not complain either."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return Exit.BROKEN_PIPE


if __name__ == "__main__":
    sys.exit(main())
