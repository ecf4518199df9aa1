"""Search text: accent- and case-insensitive words, so "menage" finds "Ménage"."""

from __future__ import annotations

import re
import unicodedata

# Ligatures that Unicode decomposition leaves whole, but French readers type apart.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})
_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Lower-case, accent-free form of `text` (NFKD, combining marks dropped)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def words(text: str) -> list[str]:
    """The folded words of `text`; punctuation, symbols and emoji are separators."""
    return _WORD.findall(fold(text))


def search_document(*parts: str | None) -> str:
    """The text indexed for a record: the folded words of all its parts."""
    return " ".join(w for part in parts if part for w in words(part))
