"""Text for the printer's code page, done by us rather than by python-escpos.

python-escpos's automatic encoder switches code pages on its own and sends € through a
page that many printers lack. Here the page is fixed per printer profile (CP858 or
CP1252, selected with ESC t n at the start of each job) and every character is fitted to
it first: kept when the page has it, else transliterated (œ → oe, — → -, “ → "), else
reduced to its base letter (ŝ → s), else shown as "?" — never sent as bytes the printer
would print as garbage.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

PLACEHOLDER = "?"  # what an emoji or an unknown script prints as

# Looked up only for characters the page lacks; each value is plain ASCII.
TRANSLITERATIONS: dict[str, str] = {
    "œ": "oe",
    "Œ": "OE",
    "æ": "ae",
    "Æ": "AE",
    "—": "-",
    "–": "-",
    "‐": "-",
    "‑": "-",
    "−": "-",
    "“": '"',
    "”": '"',
    "„": '"',
    "«": '"',
    "»": '"',
    "‘": "'",
    "’": "'",
    "‚": "'",
    "′": "'",
    "…": "...",
    "€": "EUR",
    "•": "*",
    "·": ".",
    "×": "x",
    "ß": "ss",
    "Ł": "L",
    "ł": "l",
    "Đ": "D",
    "đ": "d",
    "Ÿ": "Y",
    "™": "TM",
    "©": "(c)",
    "®": "(R)",
    "°": "o",
}
# Spaces of every kind print as a plain space (a non-breaking one is a layout hint).
_SPACE_CATEGORIES = frozenset({"Zs", "Zl", "Zp"})
# Invisible marks (joiners, variation selectors, direction marks): nothing to print.
_INVISIBLE_CATEGORIES = frozenset({"Cf", "Mn", "Me"})


@dataclass(frozen=True)
class CodePage:
    """A printer code page: Python's codec name and the n of ESC t n (Epson numbering)."""

    codec: str
    escpos_number: int
    _fitted: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def has(self, char: str) -> bool:
        try:
            char.encode(self.codec)
        except UnicodeEncodeError:
            return False
        return True

    def fit_char(self, char: str) -> str:
        """What prints for `char`: itself, a transliteration, its base letters, "?"."""
        cached = self._fitted.get(char)
        if cached is not None:
            return cached
        fitted = self._fit_char(char)
        if len(self._fitted) < 10_000:  # arbitrary input must not grow it without end
            self._fitted[char] = fitted
        return fitted

    def _fit_char(self, char: str) -> str:
        category = unicodedata.category(char)
        if char == "\t" or category in _SPACE_CATEGORIES:
            return " "
        if category == "Cc" or category in _INVISIBLE_CATEGORIES:
            return ""  # control bytes would be printer commands: never sent as text
        if category != "Cs" and self.has(char):
            return char
        if char in TRANSLITERATIONS:
            return TRANSLITERATIONS[char]
        decomposed = unicodedata.normalize("NFKD", char)
        if decomposed != char:
            base = "".join(self.fit_char(part) for part in decomposed)
            if base.strip(PLACEHOLDER + " "):
                return base
        return PLACEHOLDER

    def fit(self, text: str) -> str:
        """`text` made of characters this page has (one column each), on one line."""
        text = unicodedata.normalize("NFC", text)
        if text.isascii() and text.isprintable():
            return text
        return "".join(self.fit_char(char) for char in text)

    def encode(self, fitted: str) -> bytes:
        """Bytes of text already fitted to this page."""
        return fitted.encode(self.codec)


CP858 = CodePage("cp858", 19)  # PC858: PC850 (Western Europe) with €
CP1252 = CodePage("cp1252", 16)  # WPC1252: Windows Western, has €, œ, “ ”, —
CODE_PAGES: dict[str, CodePage] = {"cp858": CP858, "cp1252": CP1252}
