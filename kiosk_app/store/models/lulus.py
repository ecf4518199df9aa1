"""Lulus: public profiles (pulled), skills, the onboarding file kept at the counter, and
applications made on the touchscreen."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Integer,
    String,
    Text,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ...domain.kinds import OnboardingStage
from .base import Base, _enum


class Lulu(Base):
    """A Lulu's public profile (what the association publishes)."""

    __tablename__ = "lulus"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    display_name: Mapped[str] = mapped_column(String(80))
    neighbourhood: Mapped[str] = mapped_column(String(80), default="")
    languages: Mapped[str] = mapped_column(String(80), default="fr")  # "fr,en,ar"
    rating_sum: Mapped[int] = mapped_column(Integer, default=0)
    rating_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)

    skills: Mapped[list[LuluSkill]] = relationship(cascade="all, delete-orphan")
    file: Mapped[LuluFile | None] = relationship(
        back_populates="lulu", cascade="all, delete-orphan", foreign_keys="LuluFile.lulu_id"
    )


class LuluSkill(Base):
    __tablename__ = "lulu_skills"

    lulu_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("lulus.id"), primary_key=True)
    category_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("categories.id"), primary_key=True, index=True
    )


class LuluFile(Base):
    """A Lulu's private record: onboarding and what the association must hold."""

    __tablename__ = "lulu_files"

    lulu_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("lulus.id"), primary_key=True)
    phone: Mapped[str | None] = mapped_column(String(20))
    siret: Mapped[str | None] = mapped_column(String(14))  # micro-entrepreneur number
    stage: Mapped[OnboardingStage] = mapped_column(_enum(OnboardingStage), index=True)
    identity_checked: Mapped[bool] = mapped_column(Boolean, default=False)
    business_registered: Mapped[bool] = mapped_column(Boolean, default=False)
    urssaf_declared: Mapped[bool] = mapped_column(Boolean, default=False)
    insured: Mapped[bool] = mapped_column(Boolean, default=False)
    trained: Mapped[bool] = mapped_column(Boolean, default=False)
    tutor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("lulus.id"))
    stage_changed_at: Mapped[datetime]
    notes: Mapped[str] = mapped_column(Text, default="")

    lulu: Mapped[Lulu] = relationship(back_populates="file", foreign_keys=[lulu_id])


class LuluApplication(Base):
    """Someone who asked at the kiosk to become a Lulu; the attendant follows up."""

    __tablename__ = "lulu_applications"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(80))
    phone: Mapped[str] = mapped_column(String(20))
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)  # category codes
    availability: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(index=True)
    lulu_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("lulus.id"))
