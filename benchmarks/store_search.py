"""Catalogue search at scale: 20,000 services made from the demo catalogue's (names and
descriptions varied in French and English, spread over many categories), queried the way
people type: a letter at a time, without accents, two words, and typos that find
nothing."""

from __future__ import annotations

import random
import time
from pathlib import Path
from typing import Any

from kiosk_app.comptoir import Comptoir
from kiosk_app.domain.search_text import fold, words

from .measure import median_ms, percentile_ms
from .store_data import SimulatedClock, demo_catalogue, demo_people, stable_id

# (French, English) qualifiers that turn one service into many believable ones.
_QUALIFIERS = (
    ("express", "express"),
    ("le week-end", "at the weekend"),
    ("en soirée", "in the evening"),
    ("le matin", "in the morning"),
    ("pour personne âgée", "for an elderly person"),
    ("avec matériel fourni", "tools provided"),
    ("grand appartement", "large flat"),
    ("studio", "studio flat"),
    ("sans ascenseur", "no lift"),
    ("régulier", "regular"),
    ("ponctuel", "one-off"),
    ("à deux Lulus", "two Lulus"),
    ("en urgence", "urgent"),
    ("pendant les vacances", "during the holidays"),
    ("écologique", "eco-friendly"),
    ("après déménagement", "after a move"),
    ("pour famille nombreuse", "for a large family"),
    ("au rez-de-chaussée", "on the ground floor"),
)
_EXTRA_FR = (
    "Le Lulu vient à l'heure convenue et vous explique ce qu'il fait.",
    "Prévoyez un accès à l'eau et à l'électricité.",
    "Idéal pour les résidents qui ne peuvent pas porter de charges.",
    "Tarif dégressif à partir de la troisième heure.",
)
_EXTRA_EN = (
    "Your Lulu arrives at the agreed time and explains the work.",
    "Please make water and electricity available.",
    "Ideal for residents who cannot carry heavy loads.",
    "Lower rate from the third hour.",
)


def large_catalogue(size: int, *, seed: int = 7) -> dict[str, Any]:
    """`size` services in (12 demo categories x 10 neighbourhoods) categories."""
    rng = random.Random(seed)
    base = demo_catalogue()
    neighbourhoods: list[str] = demo_people()["neighbourhoods"]
    categories = [
        {
            "id": str(stable_id("category", f"{c['code']}-{i}")),
            "code": f"{c['code']}-{i}",
            "name_fr": f"{c['name_fr']} ({place})",
            "name_en": f"{c['name_en']} ({place})",
            "icon": c.get("icon", ""),
            "position": len(neighbourhoods) * c["position"] + i,
        }
        for c in base["categories"]
        for i, place in enumerate(neighbourhoods)
    ]
    services = []
    for k in range(size):
        model = base["services"][k % len(base["services"])]
        place_index = rng.randrange(len(neighbourhoods))
        fr, en = rng.choice(_QUALIFIERS)
        extra = rng.randrange(len(_EXTRA_FR))
        services.append(
            {
                **model,
                "id": str(stable_id("service", f"{model['code']}-{k}")),
                "code": f"{model['code']}-{k}",
                "category": f"{model['category']}-{place_index}",
                "name_fr": f"{model['name_fr']} {fr}"[:80],
                "name_en": f"{model['name_en']} {en}"[:80],
                "description_fr": f"{model['description_fr']} {_EXTRA_FR[extra]}",
                "description_en": f"{model['description_en']} {_EXTRA_EN[extra]}",
                "unit_price_cents": model["unit_price_cents"] + 50 * rng.randint(0, 4),
            }
        )
    return {"categories": categories, "services": services}


def _typo(rng: random.Random, word: str) -> str:
    """A slip of the finger: two letters swapped, one doubled or one replaced by "q"."""
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    return word[:i] + "q" + word[i + 1 :]


def realistic_queries(count: int, *, seed: int = 11) -> list[str]:
    """What people type in the search field, keystroke by keystroke."""
    rng = random.Random(seed)
    base = demo_catalogue()["services"]
    vocabulary = sorted(
        {
            w
            for s in base
            for name in (s["name_fr"], s["name_en"])
            for w in name.split()
            if len(w) > 3
        }
    )
    queries: list[str] = []
    while len(queries) < count:
        word = rng.choice(vocabulary).strip("(),'").lower()
        kind = rng.random()
        if kind < 0.55:  # typed a letter at a time, as the list filters
            typed = word if rng.random() < 0.5 else fold(word)
            queries.extend(typed[:n] for n in range(1, len(typed) + 1))
        elif kind < 0.7:  # the whole word, accents left out
            queries.append(fold(word))
        elif kind < 0.9:  # two words of one service, in either order
            pair = [w for w in words(rng.choice(base)["name_fr"]) if len(w) > 2]
            if len(pair) >= 2:
                first, second = rng.sample(pair, 2)
                queries.append(f"{first} {second[: rng.randint(2, len(second))]}")
        else:  # a typo, which usually finds nothing
            queries.append(_typo(rng, fold(word)))
    return queries[:count]


def measure_search(workdir: Path, *, services: int, queries: int) -> dict[str, Any]:
    app = Comptoir.open(workdir / "search", clock=SimulatedClock())
    try:
        app.catalogue.load(large_catalogue(services))
        typed = realistic_queries(queries)
        for query in typed[:20]:  # as after the first minutes of the day
            app.catalogue.search(query)
        samples: list[int] = []
        empty = 0
        for query in typed:
            started = time.perf_counter_ns()
            found = app.catalogue.search(query)
            samples.append(time.perf_counter_ns() - started)
            empty += not found
    finally:
        app.close()
    return {
        "search_p50_ms": median_ms(samples),
        "search_p95_ms": percentile_ms(samples, 95),
        "search_max_ms": round(max(samples) / 1_000_000, 4),
        "search_services": services,
        "search_queries": len(samples),
        "search_queries_finding_nothing": empty,
    }
