"""The catalogue's categories and services as the screens show them, with prices."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from ..domain.pricing import Price, price_for


@dataclass(frozen=True, slots=True)
class CategoryView:
    id: uuid.UUID
    code: str
    name_fr: str
    name_en: str
    icon: str
    position: int

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_fr


@dataclass(frozen=True, slots=True)
class ServiceView:
    id: uuid.UUID
    code: str
    category_id: uuid.UUID
    name_fr: str
    name_en: str
    description_fr: str
    description_en: str
    unit_minutes: int
    unit_price_cents: int
    typical_units: int
    max_units: int
    tax_credit: bool

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_fr

    def description(self, lang: str) -> str:
        return self.description_en if lang == "en" else self.description_fr

    def price(self, units: int) -> Price:
        return price_for(units, self.unit_price_cents, tax_credit_eligible=self.tax_credit)
