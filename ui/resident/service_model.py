"""The catalogue as a list model: every active service held once, filtered in memory by
category and by the words typed (accent- and case-insensitive, any order, as the core's
search). Filtering only resets the model; the view paints just the visible rows."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from kiosk_app.domain.search_text import search_document, words
from kiosk_app.views.catalogue import CategoryView, ServiceView

from ..i18n import current_lang

SERVICE_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_QUERY_WORDS = 12
# Rows listed at most: a resident reads a few dozen, and laying out thousands of rows
# would cost a keystroke more than a frame. The rest is reached by typing more.
MAX_SHOWN = 200
PREFIX = 2

_Index = QModelIndex | QPersistentModelIndex


class ServiceListModel(QAbstractListModel):
    def __init__(self, services: Sequence[ServiceView], categories: Sequence[CategoryView]) -> None:
        super().__init__()
        names = {c.id: (c.name_fr, c.name_en) for c in categories}
        self._all = list(services)
        self._haystacks: list[str] = []
        # Rows by the first PREFIX letters of their words: a keystroke looks at the rows
        # that can match, not at every service (20,000 take too long for one frame).
        self._by_prefix: dict[str, list[int]] = {}
        for row, service in enumerate(self._all):
            text = search_document(
                service.name_fr,
                service.name_en,
                service.description_fr,
                service.description_en,
                *names.get(service.category_id, ()),
            )
            self._haystacks.append(" " + text)
            prefixes = {word[:size] for word in text.split() for size in range(1, PREFIX + 1)}
            for prefix in prefixes:
                self._by_prefix.setdefault(prefix, []).append(row)
        self._matched: list[int] = list(range(len(self._all)))
        self._shown = self._matched[:MAX_SHOWN]
        self._category: uuid.UUID | None = None
        self._words: list[str] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._shown):
            return None
        service = self._all[self._shown[index.row()]]
        if role == SERVICE_ROLE:
            return service
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return service.name(current_lang())
        return None

    @property
    def matched(self) -> int:
        """How many services match, shown or not."""
        return len(self._matched)

    def service_at(self, row: int) -> ServiceView:
        return self._all[self._shown[row]]

    def set_filter(self, *, category: uuid.UUID | None, typed: str) -> None:
        """Each typed word must start a word of the service's text, in any order."""
        typed_words = words(typed[:500])[:MAX_QUERY_WORDS]
        # One more letter typed: only the rows shown can still match.
        narrowing = (
            category == self._category
            and len(typed_words) == len(self._words) > 0
            and all(new.startswith(old) for new, old in zip(typed_words, self._words, strict=True))
        )
        self.beginResetModel()
        self._matched = self._matching(category, typed_words, self._matched if narrowing else None)
        self._shown = self._matched[:MAX_SHOWN]
        self._category, self._words = category, typed_words
        self.endResetModel()

    def _matching(
        self, category: uuid.UUID | None, typed_words: list[str], shown: list[int] | None
    ) -> list[int]:
        needles = [" " + w for w in typed_words]
        rows: Sequence[int] = range(len(self._all))
        if typed_words:
            # The rarest prefix among the words (or the rows already shown) gives the
            # fewest rows to check; a word no longer than the prefix is answered by the
            # index itself.
            lists = {w: self._by_prefix.get(w[:PREFIX], []) for w in typed_words}
            rarest = min(lists, key=lambda w: len(lists[w]))
            rows = lists[rarest]
            if shown is not None and len(shown) < len(rows):
                rows = shown
            elif len(rarest) <= PREFIX:
                needles.remove(" " + rarest)
        if category is not None:
            services = self._all
            rows = [row for row in rows if services[row].category_id == category]
        haystacks = self._haystacks
        for needle in needles:
            rows = [row for row in rows if needle in haystacks[row]]
        return list(rows)

    def refresh_language(self) -> None:
        """Names are shown in the current language: repaint every row."""
        if self._shown:
            self.dataChanged.emit(self.index(0), self.index(len(self._shown) - 1))
