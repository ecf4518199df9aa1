"""Browsing and searching the catalogue, and loading it (demo data, central server)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Row, select, text
from sqlalchemy.orm import Session

from ..domain.search_text import fold, search_document, words
from ..errors import NotFound
from ..store.database import Store
from ..store.models import Category, Service
from ..views.catalogue import CategoryView, ServiceView

SEARCH_LIMIT = 50


def _category_view(row: Category) -> CategoryView:
    return CategoryView(row.id, row.code, row.name_fr, row.name_en, row.icon, row.position)


_SERVICE_COLUMNS = (
    Service.id,
    Service.code,
    Service.category_id,
    Service.name_fr,
    Service.name_en,
    Service.description_fr,
    Service.description_en,
    Service.unit_minutes,
    Service.unit_price_cents,
    Service.typical_units,
    Service.max_units,
    Service.tax_credit,
)


def _service_view(row: Row[*tuple[Any, ...]]) -> ServiceView:
    return ServiceView(**row._asdict())


# Below this many typed letters, a query matches much of a large catalogue ("r" finds
# thousands of services): ranking them all costs SQLite tens of milliseconds, and the
# person is still typing. Such queries match names only, unranked, in name order.
SHORT_QUERY_LETTERS = 4


def fts_query(text_typed: str) -> str | None:
    """An FTS5 query from what a person typed: each folded word as a quoted prefix, all
    required, in any order. Quoting makes FTS syntax in the input ("AND", "*", quotes)
    plain text. A short query looks in the names only."""
    tokens = words(text_typed)[:12]
    if not tokens:
        return None
    query = " ".join(f'"{token}"*' for token in tokens)
    if sum(map(len, tokens)) < SHORT_QUERY_LETTERS:
        return f"names : ({query})"
    return query


class CatalogueService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def categories(self) -> list[CategoryView]:
        with self._store.read() as session:
            rows = session.scalars(
                select(Category).where(Category.active).order_by(Category.position)
            )
            return [_category_view(row) for row in rows]

    def services_in(self, category_id: uuid.UUID) -> list[ServiceView]:
        with self._store.read() as session:
            rows = session.execute(
                select(*_SERVICE_COLUMNS)
                .where(Service.category_id == category_id, Service.active)
                .order_by(Service.name_fr)
            )
            return [_service_view(row) for row in rows]

    def all_services(self) -> list[ServiceView]:
        with self._store.read() as session:
            rows = session.execute(
                select(*_SERVICE_COLUMNS).where(Service.active).order_by(Service.name_fr)
            )
            return [_service_view(row) for row in rows]

    def service(self, service_id: uuid.UUID) -> ServiceView:
        with self._store.read() as session:
            row = session.execute(
                select(*_SERVICE_COLUMNS).where(Service.id == service_id)
            ).one_or_none()
        if row is None:
            raise NotFound(entity="service")
        return _service_view(row)

    def search(self, typed: str, *, limit: int = SEARCH_LIMIT) -> list[ServiceView]:
        """Accent- and case-insensitive, any word order, prefixes: "montee courses"
        finds "Montée de courses". Names rank above descriptions."""
        query = fts_query(typed)
        if query is None:
            return []
        short = query.startswith("names :")
        sql = (
            "SELECT service_id FROM services_fts WHERE services_fts MATCH :q LIMIT :limit"
            if short
            else "SELECT service_id FROM services_fts WHERE services_fts MATCH :q "
            "ORDER BY bm25(services_fts, 0.0, 10.0, 1.0) LIMIT :limit"
        )
        with self._store.read() as session:
            # A few more than asked: inactive services are dropped below.
            ids = session.execute(text(sql), {"q": query, "limit": limit + 10}).scalars()
            # services_fts holds the id as the store writes it (hex, no dashes).
            wanted = [uuid.UUID(hex=value) for value in ids]
            if not wanted:
                return []
            rows = session.execute(
                select(*_SERVICE_COLUMNS).where(Service.id.in_(wanted), Service.active)
            )
            by_id = {row.id: _service_view(row) for row in rows}
        found = [by_id[i] for i in wanted if i in by_id][:limit]
        if short:
            found.sort(key=lambda service: fold(service.name_fr))
        return found

    def load(self, catalogue: Mapping[str, Any]) -> tuple[int, int]:
        """Insert or update categories and services from a catalogue document (the demo
        file, or the central server's). Matched by code. Returns the counts."""
        with self._store.write() as session:
            return load_catalogue(session, catalogue)


# Catalogue entries without an id (the demo file) get one derived from their code, so the
# same catalogue loaded on two kiosks, or twice, gives the same ids.
_CATALOGUE_NAMESPACE = uuid.UUID("5b1c3c55-8f0a-4c2e-9d57-0c6f3f2a4e11")


def _catalogue_id(data: Mapping[str, Any], kind: str) -> uuid.UUID:
    if "id" in data:
        return uuid.UUID(str(data["id"]))
    return uuid.uuid5(_CATALOGUE_NAMESPACE, f"{kind}:{data['code']}")


def _upsert_category(session: Session, data: Mapping[str, Any]) -> Category:
    category = session.scalar(select(Category).where(Category.code == data["code"]))
    if category is None:
        category = Category(id=_catalogue_id(data, "category"))
        session.add(category)
    category.code = data["code"]
    category.name_fr = data["name_fr"]
    category.name_en = data["name_en"]
    category.icon = data.get("icon", "")
    category.position = int(data.get("position", 0))
    category.active = bool(data.get("active", True))
    return category


def load_catalogue(session: Session, catalogue: Mapping[str, Any]) -> tuple[int, int]:
    categories = {data["code"]: _upsert_category(session, data) for data in catalogue["categories"]}
    session.flush()
    services: Iterable[Mapping[str, Any]] = catalogue["services"]
    existing = {s.code: s for s in session.scalars(select(Service))}
    count = 0
    for data in services:
        category = categories[data["category"]]
        service = existing.get(data["code"])
        if service is None:
            service = Service(id=_catalogue_id(data, "service"))
            session.add(service)
        service.code = data["code"]
        service.category_id = category.id
        service.name_fr = data["name_fr"]
        service.name_en = data["name_en"]
        service.description_fr = data.get("description_fr", "")
        service.description_en = data.get("description_en", "")
        service.unit_minutes = int(data.get("unit_minutes", 20))
        service.unit_price_cents = int(data["unit_price_cents"])
        service.typical_units = int(data.get("typical_units", 1))
        service.max_units = int(data.get("max_units", 24))
        service.tax_credit = bool(data.get("tax_credit", False))
        service.active = bool(data.get("active", True))
        service.search_names = search_document(service.name_fr, service.name_en)
        service.search_details = search_document(
            service.description_fr,
            service.description_en,
            category.name_fr,
            category.name_en,
        )
        count += 1
    return len(categories), count
