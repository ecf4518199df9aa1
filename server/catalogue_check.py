"""Is this file a catalogue? `kiosk-server import-catalogue` checks every entry before
it writes anything, and refuses a file that is not one by naming its first bad line
(a JSON object with no categories, services nor Lulus used to import as "0, 0, 0")."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SECTIONS = ("categories", "services", "lulus")
REQUIRED = {
    "categories": ("code", "name_fr", "name_en"),
    "services": ("code", "category", "name_fr", "name_en", "unit_price_cents"),
    "lulus": ("display_name",),
}
WHOLE_NUMBERS = ("unit_price_cents", "unit_minutes", "typical_units", "max_units", "position")


@dataclass(frozen=True)
class BadLine(Exception):
    """The first line that is not a catalogue's, and why (a reason key of
    server/cli_messages.py, with its `detail`)."""

    line: int
    reason: str
    detail: str = ""


def check_catalogue_file(path: Path) -> None:
    """Raise `BadLine` at the first line that a catalogue cannot hold."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadLine(text_line(path.read_bytes(), error.start), "catalogue.not_text") from None
    if path.suffix.lower() == ".csv":
        _check_csv(text)
    else:
        _check_json(text)


def text_line(data: bytes, offset: int) -> int:
    return data[:offset].count(b"\n") + 1


def _check_csv(text: str) -> None:
    reader = csv.DictReader(io.StringIO(text))
    columns = set(reader.fieldnames or ())
    missing = [name for name in REQUIRED["services"] if name not in columns]
    if missing:
        raise BadLine(1, "catalogue.csv_columns", ", ".join(missing))
    seen = 0
    for row in reader:
        seen += 1
        _check_entry("services", row, reader.line_num)
    if not seen:
        raise BadLine(2, "catalogue.empty")


def _check_json(text: str) -> None:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise BadLine(error.lineno, "catalogue.not_json") from None
    if not isinstance(document, dict):
        raise BadLine(1, "catalogue.not_an_object")
    if not any(document.get(section) for section in SECTIONS):
        raise BadLine(1, "catalogue.empty")
    for section in SECTIONS:
        if section in document and not isinstance(document[section], list):
            raise BadLine(
                text.count("\n", 0, text.find(f'"{section}"')) + 1,
                "catalogue.section_not_list",
                section,
            )
    for section, line, entry in _entries(text):
        if not isinstance(entry, dict):
            raise BadLine(line, "catalogue.entry_not_object", section)
        _check_entry(section, entry, line)


def _check_entry(section: str, entry: Mapping[str, Any], line: int) -> None:
    for name in REQUIRED[section]:
        value = entry.get(name)
        if value is None or not str(value).strip():
            raise BadLine(line, "catalogue.missing_field", name)
    for name in WHOLE_NUMBERS:
        value = entry.get(name)
        if value is None or value == "":
            continue
        if isinstance(value, bool) or not _whole(value):
            raise BadLine(line, "catalogue.not_a_number", name)


def _whole(value: Any) -> bool:
    if isinstance(value, int):
        return value >= 0
    return isinstance(value, str) and value.strip().isascii() and value.strip().isdigit()


def _entries(text: str) -> Iterator[tuple[str, int, Any]]:
    """Each entry of the sections, with the line it starts on: the top-level object is
    walked with the decoder's raw_decode, which says where each value ends."""
    decoder = json.JSONDecoder()
    position = _skip(text, 0)
    if text[position : position + 1] != "{":
        return
    position = _skip(text, position + 1)
    while position < len(text) and text[position] != "}":
        key, position = decoder.raw_decode(text, position)
        position = _skip(text, _skip(text, position) + 1)  # past the colon
        if key in SECTIONS and text[position : position + 1] == "[":
            position = _skip(text, position + 1)
            while text[position : position + 1] != "]":
                line = text.count("\n", 0, position) + 1
                entry, position = decoder.raw_decode(text, position)
                yield key, line, entry
                position = _skip(text, position)
                if text[position : position + 1] == ",":
                    position = _skip(text, position + 1)
            position += 1
        else:
            _value, position = decoder.raw_decode(text, position)
        position = _skip(text, position)
        if text[position : position + 1] == ",":
            position = _skip(text, position + 1)


def _skip(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position
