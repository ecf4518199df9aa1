"""File names built from received strings. An order's number comes from the central
server and another kiosk (or a web order); an invoice's from this kiosk's series (and
soon from the server too). Before one names a file it must be a plain stem: letters,
digits and dashes, starting with a letter or digit, so that it is never a path ("/",
".."), a hidden file, an option ("-x") nor a pattern ("*" would match every ticket).
Every place that names, finds or deletes a file after such a string goes through here.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import ComptoirError

_STEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,63}")


class UnsafeFileName(ComptoirError):
    """A received string that cannot name a file (the file is not written)."""

    key = "error.unsafe_file_name"


def file_stem(text: str) -> str:
    """`text` unchanged when it can start a file's name, else UnsafeFileName."""
    if not _STEM.fullmatch(text):
        raise UnsafeFileName()
    return text


def is_file_stem(text: str) -> bool:
    return _STEM.fullmatch(text) is not None


def files_of(folder: Path, stem: str) -> list[Path]:
    """The files of `folder` named `<stem>-…` (or `.<stem>-…`, half-written), compared
    as text: never a glob pattern made from a received string. None for an unsafe
    stem: no file was ever written under it."""
    if not is_file_stem(stem) or not folder.is_dir():
        return []
    prefixes = (f"{stem}-", f".{stem}-")
    return [path for path in folder.iterdir() if path.name.startswith(prefixes)]
