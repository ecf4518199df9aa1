"""Reading the central server's kiosks page as a person does: each kiosk's card as the
text it shows, the text around the cards, and the tags the page is made of."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Tags that open a new line of text on the page: their text is kept apart.
BLOCKS = frozenset({"h1", "h2", "p", "li", "dt", "dd", "span", "a", "section", "footer"})
UNSEEN = frozenset({"head", "title", "style", "script"})  # not on the page's face


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cards: list[list[str]] = []
        self.outside: list[str] = []
        self.tags: list[str] = []
        self._in_card = False
        self._unseen = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._unseen += tag in UNSEEN
        if tag == "section" and "kiosk" in (dict(attrs).get("class") or "").split():
            self.cards.append([])
            self._in_card = True
        if tag in BLOCKS:
            self._add(" ")

    def handle_endtag(self, tag: str) -> None:
        self._unseen -= tag in UNSEEN
        if tag == "section":
            self._in_card = False

    def handle_data(self, data: str) -> None:
        if not self._unseen:
            self._add(data)

    def _add(self, text: str) -> None:
        (self.cards[-1] if self._in_card else self.outside).append(text)


def _flat(parts: list[str]) -> str:
    return re.sub(r"\s+", " ", "".join(parts)).strip()


@dataclass
class KiosksPage:
    cards: list[str] = field(default_factory=list)  # each kiosk's card, as text
    outside: str = ""  # the title, summary and thresholds
    tags: list[str] = field(default_factory=list)  # every start tag, in order

    def card(self, name: str) -> str:
        """The card whose heading is `name` (the badge follows it)."""
        found = [text for text in self.cards if text.startswith(name + " ")]
        assert len(found) == 1, f"{name!r}: {len(found)} cards in {self.cards}"
        return found[0]


def read_page(html: str) -> KiosksPage:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return KiosksPage([_flat(c) for c in reader.cards], _flat(reader.outside), reader.tags)
