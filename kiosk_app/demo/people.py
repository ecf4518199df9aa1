"""The demo month's people: Lulus (onboarded, in training with a tutor, inactive),
candidates who applied on the touchscreen, and clients of the neighbourhood. Fictional
names, phones and SIRETs, drawn from resources/demo/people.json."""

from __future__ import annotations

import random
import uuid
from datetime import timedelta
from typing import Any

from ..domain.kinds import OnboardingStage
from ..domain.search_text import fold
from ..store.models import Client, Lulu, LuluApplication, LuluFile, LuluSkill
from ..views.lulus import CHECKLIST
from .month import (
    CLIENTS,
    DAYS,
    LULU_CANDIDATES,
    LULUS_IN_PROGRESS,
    LULUS_INACTIVE,
    LULUS_ONBOARDED,
    DemoMonth,
)


def _siret(rng: random.Random) -> str:
    """A fictional 14-digit SIRET that passes the Luhn check, as real ones do."""
    digits = [rng.randrange(10) for _ in range(13)]
    for check in range(10):
        candidate = [*digits, check]
        total = 0
        for i, d in enumerate(reversed(candidate)):
            d = d * 2 if i % 2 else d
            total += d - 9 if d > 9 else d
        if total % 10 == 0:
            return "".join(map(str, candidate))
    raise AssertionError("unreachable: one check digit always fits")


def _phone(rng: random.Random, used: set[str]) -> str:
    while True:
        number = (
            f"+336{rng.randrange(10**8):08d}"
            if rng.random() < 0.8
            else (f"+331{rng.randrange(40000000, 50000000):08d}")
        )
        if number not in used:
            used.add(number)
            return number


def add_lulus(demo: DemoMonth, used_phones: set[str]) -> dict[OnboardingStage, list[uuid.UUID]]:
    rng, people = demo.rng, demo.people
    stages = (
        [OnboardingStage.ONBOARDED] * LULUS_ONBOARDED
        + [OnboardingStage.FILE_IN_PROGRESS] * LULUS_IN_PROGRESS
        + [OnboardingStage.INACTIVE] * LULUS_INACTIVE
    )
    by_stage: dict[OnboardingStage, list[uuid.UUID]] = {stage: [] for stage in OnboardingStage}
    category_ids = sorted(demo.categories, key=lambda cid: demo.categories[cid])
    for stage in stages:
        lulu_id = demo.uuid()
        first = rng.choice(people["first_names"])
        last = rng.choice(people["last_names"])
        joined = demo.now - timedelta(days=rng.randrange(20, 60))
        demo.add(
            Lulu,
            id=lulu_id,
            display_name=f"{first} {last[0]}.",
            neighbourhood=rng.choice(people["neighbourhoods"]),
            languages=",".join(
                [
                    "fr",
                    *rng.sample(["en", "ar", "es", "pt", "zh", "wo"], k=rng.choice([0, 1, 1, 2])),
                ]
            ),
            rating_sum=0,
            rating_count=0,
            created_at=joined,
            version=1,
        )
        for category_id in rng.sample(category_ids, k=rng.randint(2, 4)):
            demo.add(LuluSkill, lulu_id=lulu_id, category_id=category_id)
        done_items = (
            set(CHECKLIST)
            if stage in (OnboardingStage.ONBOARDED, OnboardingStage.INACTIVE)
            else set(rng.sample(CHECKLIST, k=rng.randint(1, 4)))
        )
        demo.add(
            LuluFile,
            lulu_id=lulu_id,
            phone=_phone(rng, used_phones),
            siret=_siret(rng) if "business_registered" in done_items else None,
            stage=stage,
            tutor_id=None,
            stage_changed_at=joined + timedelta(days=rng.randrange(1, 15)),
            notes="",
            **{item: item in done_items for item in CHECKLIST},
        )
        by_stage[stage].append(lulu_id)
    # Each Lulu still in training has an onboarded tutor.
    for row in demo.rows[LuluFile]:
        if row["stage"] is OnboardingStage.FILE_IN_PROGRESS:
            row["tutor_id"] = rng.choice(by_stage[OnboardingStage.ONBOARDED])
    return by_stage


def add_applications(demo: DemoMonth, used_phones: set[str]) -> None:
    """Candidates who applied on the touchscreen this month."""
    rng = demo.rng
    availabilities = [
        "Le matin en semaine",
        "Tous les après-midi sauf le mercredi",
        "Le week-end",
        "En soirée après 18 h",
        "Lundi, mardi et jeudi toute la journée",
        "Disponible tout de suite, à plein temps",
    ]
    codes = sorted(demo.categories.values())
    for i in range(LULU_CANDIDATES):
        lulu_id = demo.uuid()
        name = f"{rng.choice(demo.people['first_names'])} {rng.choice(demo.people['last_names'])}"
        applied = demo.moment(demo.as_of - timedelta(days=rng.randrange(DAYS)))
        phone = _phone(rng, used_phones)
        skills = rng.sample(codes, k=rng.randint(1, 3))
        demo.add(
            Lulu,
            id=lulu_id,
            display_name=name,
            neighbourhood="",
            languages="fr",
            rating_sum=0,
            rating_count=0,
            created_at=applied,
            version=1,
        )
        code_to_id = {code: cid for cid, code in demo.categories.items()}
        for code in skills:
            demo.add(LuluSkill, lulu_id=lulu_id, category_id=code_to_id[code])
        demo.add(
            LuluFile,
            lulu_id=lulu_id,
            phone=phone,
            siret=None,
            stage=OnboardingStage.CANDIDATE,
            tutor_id=None,
            stage_changed_at=applied,
            notes="",
            **dict.fromkeys(CHECKLIST, False),
        )
        demo.add(
            LuluApplication,
            id=demo.uuid(),
            name=name,
            phone=phone,
            skills=skills,
            availability=availabilities[i % len(availabilities)],
            created_at=applied,
            lulu_id=lulu_id,
        )


def add_clients(demo: DemoMonth, used_phones: set[str]) -> list[dict[str, Any]]:
    rng, people = demo.rng, demo.people
    clients = []
    for _ in range(CLIENTS):
        name = f"{rng.choice(people['first_names'])} {rng.choice(people['last_names'])}"
        street = rng.choice(people["streets"])
        floor = rng.choice([0, 1, 2, 2, 3, 3, 4, 5, 5, 6])
        created = demo.moment(demo.as_of - timedelta(days=DAYS - 1 + rng.randrange(0, 5)))
        clients.append(
            demo.add(
                Client,
                id=demo.uuid(),
                name=name,
                search_name=fold(name),
                phone=_phone(rng, used_phones),
                email=None,
                lang="en" if rng.random() < 0.08 else "fr",
                consent_at=created,
                created_at=created,
                updated_at=created,
                erased_at=None,
                version=1,
                street=f"{rng.randint(1, 60)} {street['street']}",
                postcode=street["postcode"],
                city="Paris",
                building=rng.choice(["", "", "", "Bât. A", "Bât. B", "Escalier 2"]),
                floor=floor,
                has_lift=rng.random() < 0.35 if floor > 1 else None,
                access_notes=rng.choice(people["access_notes_fr"]) if rng.random() < 0.6 else "",
            )
        )
    return clients
