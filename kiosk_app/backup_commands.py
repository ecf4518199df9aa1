"""`kiosk backup` and `kiosk restore FILE`: the store's backups from a shell. Each bad
input gets one sentence in the person's language ($LANG) and an exit status by kind
(kiosk_app/errors.py): 2 a file that is not a sound Comptoir store of this version or
an older one, 3 the file (or the store to back up) is missing, 4 the kiosk is running,
5 the backup or the restore could not be written."""

from __future__ import annotations

import argparse
from pathlib import Path

from .backups import back_up, backups_dir, is_file, list_backups, shown_path
from .cli import cli_lang
from .clock import utc_now
from .comptoir import Comptoir
from .config import default_data_dir
from .errors import NoStoreToBackUp
from .messages import message
from .restore import restore
from .store.database import STORE_FILENAME


def add_backup_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = commands.add_parser("backup", help="back the store up now, in DIR/backups")
    backup.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    backup.set_defaults(handler=run_backup)

    again = commands.add_parser("restore", help="replace the store with a backup (kiosk stopped)")
    again.add_argument("file", type=Path, help="a backup (DIR/backups/comptoir-*.sqlite3)")
    again.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    again.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    data_dir: Path = args.data_dir or default_data_dir()
    if not is_file(data_dir / STORE_FILENAME):
        # Comptoir.open would create an empty store: there is nothing to back up.
        raise NoStoreToBackUp(data_dir=shown_path(data_dir))
    comptoir = Comptoir.open(data_dir)
    try:
        backup = back_up(comptoir)
    finally:
        comptoir.close()
    folder = backups_dir(data_dir)
    count = len(list_backups(data_dir))
    print(message("backup.done", cli_lang(), path=backup.path, count=count, folder=folder))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    data_dir: Path = args.data_dir or default_data_dir()
    done = restore(data_dir, args.file, now=utc_now())
    lang = cli_lang()
    if done.previous is None:
        print(message("restore.done_no_previous", lang, path=shown_path(args.file)))
    else:
        shown = shown_path(args.file)
        print(message("restore.done", lang, path=shown, previous=done.previous))
    return 0
