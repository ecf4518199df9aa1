"""Which text may be stored: one rule for the kiosk and the server."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

# --- Text that may be stored ---------------------------------------------------------
# One rule for the kiosk (kiosk_app.domain.validation) and the server: control and
# format characters other than line breaks and tabs (NUL, right-to-left overrides, lone
# surrogates) have no place in stored text: an override would make the counter's screen
# and tickets show something else than was typed, and a lone surrogate cannot even be
# written as UTF-8.

# Format characters that people's text needs: the zero-width joiners of emoji sequences
# and of Persian or Indic words, and the tag characters of subdivision flags.
_ALLOWED_FORMAT = re.compile("[\u200c\u200d\U000e0020-\U000e007f]")


def has_control_characters(text: str, *, unassigned: bool = True) -> bool:
    """Whether `text` holds a character refused in stored text. `unassigned=False`
    lets through code points this Python's Unicode tables do not know (the server: a
    kiosk on a newer Python may send a newer emoji)."""
    if text.isprintable():  # the usual case, checked in C: no control nor format char
        return False
    return any(_is_control(ch, unassigned) for ch in text)


def _is_control(ch: str, unassigned: bool) -> bool:
    category = unicodedata.category(ch)
    if category == "Cf":
        return not _ALLOWED_FORMAT.match(ch)
    if category == "Cn":
        return unassigned
    return category in ("Cc", "Cs", "Co") and ch not in "\n\t"


def refused_text_at(value: Any, where: str = "data") -> str | None:
    """Where in `value` (a JSON document: dicts, lists, strings) a string holds a
    refused character, as "data.street" (keys are checked too), or None. The place
    and the code point are what an answer may say: never the text (personal data)."""
    if isinstance(value, str):
        if has_control_characters(value, unassigned=False):
            bad = next(ch for ch in value if _is_control(ch, False))
            return f"{where}: character U+{ord(bad):04X} is not allowed"
        return None
    if isinstance(value, dict):
        for key, item in value.items():
            found = refused_text_at(key, where) if isinstance(key, str) else None
            found = found or refused_text_at(item, f"{where}.{key}"[:120])
            if found:
                return found
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found = refused_text_at(item, f"{where}[{index}]")
            if found:
                return found
    return None
