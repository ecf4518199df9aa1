"""`kiosk-server import-catalogue FILE`: categories, services and Lulus' public
profiles, which kiosks then pull. JSON in the shape of resources/demo/catalogue.json
(with an optional "lulus" list), or CSV with one service per row.

Ids come from the codes (UUID 5) unless the file gives them, so that importing the
same file twice, or on two servers, names the same records.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from sync.protocol import Entity

from .records import utc_text
from .writer import Writer

# The same namespace and names ("category:CODE", "service:CODE") as the kiosk's own
# catalogue loader (kiosk_app.services.catalogue): a kiosk that loaded the demo file
# before joining already holds the server's ids.
NAMESPACE = uuid.UUID("5b1c3c55-8f0a-4c2e-9d57-0c6f3f2a4e11")
SERVICE_FIELDS = (
    "code",
    "category",
    "name_fr",
    "name_en",
    "description_fr",
    "description_en",
    "unit_minutes",
    "unit_price_cents",
    "typical_units",
    "max_units",
    "tax_credit",
    "active",
)
TRUE_WORDS = frozenset({"1", "true", "yes", "oui", "vrai"})


class CatalogueError(Exception):
    pass


def stable_id(entity: Entity, code: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"{entity.value}:{code}")


def read_catalogue(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".csv":
        services = [dict(row) for row in csv.DictReader(io.StringIO(text))]
        missing = {"code", "category", "name_fr", "name_en", "unit_price_cents"} - set(
            services[0] if services else {}
        )
        if missing:
            raise CatalogueError(f"CSV columns missing: {', '.join(sorted(missing))}")
        return {"categories": [], "services": services}
    document = json.loads(text)
    if not isinstance(document, dict):
        raise CatalogueError("a catalogue is a JSON object")
    return document


def _flag(value: Any, default: bool) -> bool:
    if value is None or value == "":
        return default
    if isinstance(value, str):
        return value.strip().lower() in TRUE_WORDS
    return bool(value)


def _number(value: Any, default: int) -> int:
    return default if value is None or value == "" else int(value)


def _upsert(w: Writer, entity: Entity, code: str, data: dict[str, Any]) -> None:
    record = w.get(entity, uuid.UUID(data["id"]))
    if record is None:
        w.insert(entity, uuid.UUID(data["id"]), data, lookup=code)
    elif record.data != data:
        w.update(record, data, lookup=code)


def import_catalogue(
    session: Session, document: Mapping[str, Any], *, now: datetime
) -> tuple[int, int, int]:
    """Insert or update what the document holds; returns (categories, services, Lulus)."""
    w = Writer(session, now)
    category_ids: dict[str, str] = {}
    for raw in document.get("categories", []):
        code = str(raw["code"])
        data: dict[str, Any] = {
            "id": str(raw.get("id") or stable_id(Entity.CATEGORY, code)),
            "code": code,
            "name_fr": str(raw["name_fr"]),
            "name_en": str(raw["name_en"]),
            "icon": str(raw.get("icon", "")),
            "position": _number(raw.get("position"), 0),
            "active": _flag(raw.get("active"), True),
        }
        category_ids[code] = data["id"]
        _upsert(w, Entity.CATEGORY, code, data)
    services = 0
    for raw in document.get("services", []):
        code, category = str(raw["code"]), str(raw["category"])
        if category not in category_ids:
            known = w.lookup(Entity.CATEGORY, category)
            if known is None:
                raise CatalogueError(f"service {code}: unknown category {category}")
            category_ids[category] = str(known.entity_id)
        data = {
            "id": str(raw.get("id") or stable_id(Entity.SERVICE, code)),
            "code": code,
            "category_id": category_ids[category],
            "category": category,
            "name_fr": str(raw["name_fr"]),
            "name_en": str(raw["name_en"]),
            "description_fr": str(raw.get("description_fr") or ""),
            "description_en": str(raw.get("description_en") or ""),
            "unit_minutes": _number(raw.get("unit_minutes"), 20),
            "unit_price_cents": _number(raw["unit_price_cents"], 0),
            "typical_units": _number(raw.get("typical_units"), 1),
            "max_units": _number(raw.get("max_units"), 24),
            "tax_credit": _flag(raw.get("tax_credit"), False),
            "active": _flag(raw.get("active"), True),
        }
        _upsert(w, Entity.SERVICE, code, data)
        services += 1
    lulus = 0
    for raw in document.get("lulus", []):
        name = str(raw["display_name"])
        lulu_id = str(raw.get("id") or stable_id(Entity.LULU, name))
        existing = w.get(Entity.LULU, uuid.UUID(lulu_id))
        data = {
            "id": lulu_id,
            "display_name": name,
            "neighbourhood": str(raw.get("neighbourhood", "")),
            "languages": str(raw.get("languages", "fr")),
            "skills": [str(code) for code in raw.get("skills", [])],
            # The averages come from ratings made since: an import never resets them.
            "rating_sum": existing.data["rating_sum"] if existing else 0,
            "rating_count": existing.data["rating_count"] if existing else 0,
            "created_at": existing.data["created_at"] if existing else utc_text(now),
        }
        _upsert(w, Entity.LULU, lulu_id, data)
        lulus += 1
    w.finish()
    return len(category_ids), services, lulus
