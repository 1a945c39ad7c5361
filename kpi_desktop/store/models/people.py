"""People and their history: employment, roles, positions, transfers, leaves, discipline, competencies."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kpi_desktop.store.base import Base
from kpi_desktop.store.types import Dec, utcnow


class Person(Base):
    __tablename__ = "persons"
    __table_args__ = (
        UniqueConstraint("unit_id", "code"),
        CheckConstraint("citizen_id IS NULL OR length(citizen_id) = 12", name="citizen_id_len"),
        Index("ix_persons_unit_active_sort", "unit_id", "active", "sort_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"), index=True)
    code: Mapped[str] = mapped_column(String(30))  # the unit's own staff code, e.g. "CC-0007"
    full_name: Mapped[str] = mapped_column(String(150))  # NFC
    family_name: Mapped[str] = mapped_column(String(50))
    middle_name: Mapped[str] = mapped_column(String(80), default="")
    given_name: Mapped[str] = mapped_column(String(50))
    sort_key: Mapped[str] = mapped_column(String(400), index=True)  # domain.names.sort_key_text
    birth_date: Mapped[date | None] = mapped_column(Date)
    gender: Mapped[str | None] = mapped_column(String(10))  # entities.Gender
    category: Mapped[str] = mapped_column(String(20), index=True)  # entities.PersonCategory
    party_member: Mapped[bool] = mapped_column(Boolean, default=False)
    party_joined_on: Mapped[date | None] = mapped_column(Date)
    rank_code: Mapped[str | None] = mapped_column(String(20))  # ngạch (công chức) or hạng (viên chức) code
    rank_name: Mapped[str | None] = mapped_column(String(150))
    salary_step: Mapped[int | None] = mapped_column(Integer)  # bậc lương
    salary_coefficient: Mapped[Decimal | None] = mapped_column(Dec())  # hệ số lương
    career_step: Mapped[int | None] = mapped_column(Integer)  # bậc nghề nghiệp 1–5 (ND 232)
    citizen_id: Mapped[str | None] = mapped_column(String(12), unique=True)  # CCCD, 12 digits
    national_code: Mapped[str | None] = mapped_column(String(40), unique=True)  # CSDL quốc gia CBCCVC
    email: Mapped[str | None] = mapped_column(String(150))
    phone: Mapped[str | None] = mapped_column(String(30))
    quota_group_id: Mapped[int | None] = mapped_column(
        ForeignKey("quota_groups.id", ondelete="SET NULL"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    roles: Mapped[list[RoleAssignment]] = relationship(back_populates="person")
    positions: Mapped[list[PersonPosition]] = relationship(back_populates="person")


class EmploymentSpan(Base):
    """A stretch of time the person worked in a unit (the basis of months worked)."""

    __tablename__ = "employment_spans"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    decision_no: Mapped[str | None] = mapped_column(String(60))
    note: Mapped[str | None] = mapped_column(Text)


class RoleAssignment(Base):
    """Head, deputy or staff of a body, for a span of dates (a deputy's field in `scope`)."""

    __tablename__ = "role_assignments"
    __table_args__ = (Index("ix_role_assignments_body_role", "body_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id", ondelete="RESTRICT"))
    role: Mapped[str] = mapped_column(String(10))  # entities.LeadershipRole
    title: Mapped[str | None] = mapped_column(String(150))  # chức vụ as printed on forms
    scope: Mapped[str | None] = mapped_column(String(300))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)

    person: Mapped[Person] = relationship(back_populates="roles")


class PersonPosition(Base):
    """A person's primary or concurrent job position for a span of dates."""

    __tablename__ = "person_positions"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    position_id: Mapped[int] = mapped_column(ForeignKey("job_positions.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[str] = mapped_column(String(12), default="primary")  # entities.PositionAssignmentKind
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)

    person: Mapped[Person] = relationship(back_populates="positions")


class Transfer(Base):
    """A move between units; the old unit's period scores travel with the person (ND 335 Art 21)."""

    __tablename__ = "transfers"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    from_unit_code: Mapped[str | None] = mapped_column(String(10))
    from_unit_name: Mapped[str | None] = mapped_column(String(200))
    to_unit_code: Mapped[str | None] = mapped_column(String(10))
    to_unit_name: Mapped[str | None] = mapped_column(String(200))
    transfer_date: Mapped[date] = mapped_column(Date, index=True)
    decision_no: Mapped[str | None] = mapped_column(String(60))
    # [{"period": "2026-Q1", "total": "88.50", "band": "HTT", "ruleset": "ND335-2025", ...}]
    carried_scores: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    old_unit_opinion: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)


class Leave(Base):
    __tablename__ = "leaves"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # entities.LeaveKind
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)  # NULL: still on leave
    decision_no: Mapped[str | None] = mapped_column(String(60))
    note: Mapped[str | None] = mapped_column(Text)


class DisciplineRecord(Base):
    """A Party or administrative discipline, or a degeneration conclusion.

    `violation_id` links a Party and an administrative discipline for the same act, so that the act
    counts in one rating year only; `rating_year_applied` records the year it was used for a KHT.
    """

    __tablename__ = "discipline_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(15), default="discipline")  # entities.ConclusionKind
    form: Mapped[str | None] = mapped_column(String(20))  # entities.DisciplineForm
    track: Mapped[str] = mapped_column(String(15), default="administrative")  # entities.DisciplineTrack
    decided_on: Mapped[date] = mapped_column(Date, index=True)
    effective_date: Mapped[date | None] = mapped_column(Date)
    violation_id: Mapped[str | None] = mapped_column(String(60), index=True)
    rating_year_applied: Mapped[int | None] = mapped_column(Integer)
    decision_no: Mapped[str | None] = mapped_column(String(60))
    reason: Mapped[str | None] = mapped_column(Text)


class PersonCompetency(Base):
    """A person's assessed level of one competency (for the gap analysis against the position)."""

    __tablename__ = "person_competencies"
    __table_args__ = (
        UniqueConstraint("person_id", "competency_id", "assessed_on"),
        CheckConstraint("level BETWEEN 1 AND 5", name="level_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    competency_id: Mapped[int] = mapped_column(ForeignKey("competencies.id", ondelete="CASCADE"))
    level: Mapped[int] = mapped_column(Integer)
    assessed_on: Mapped[date] = mapped_column(Date)
    assessed_by: Mapped[str | None] = mapped_column(String(150))
    note: Mapped[str | None] = mapped_column(Text)
