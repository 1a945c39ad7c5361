"""Catalogues: job positions (with versions, descriptions, competency frameworks) and products.

Shipped defaults come from `kpi_desktop/resources/catalogues/`; every row stays editable by the clerk.
"""

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
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kpi_desktop.store.base import Base
from kpi_desktop.store.types import Dec, utcnow


class JobPosition(Base):
    """A vị trí việc làm taken from a framework list (ND 361 commune list, ND 232 lists, …)."""

    __tablename__ = "job_positions"
    __table_args__ = (
        CheckConstraint("career_step_min IS NULL OR career_step_min BETWEEN 1 AND 5", name="step_min"),
        CheckConstraint("career_step_max IS NULL OR career_step_max BETWEEN 1 AND 5", name="step_max"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    group: Mapped[str] = mapped_column(String(25), index=True)  # entities.PositionGroup
    framework_list: Mapped[str] = mapped_column(String(40), default="")  # e.g. "ND361-XA", "CV7415-BNV"
    framework_code: Mapped[str | None] = mapped_column(String(30))  # the number in that list, if known
    category: Mapped[str] = mapped_column(String(20), default="cong_chuc")  # entities.PersonCategory
    field: Mapped[str | None] = mapped_column(String(150))  # lĩnh vực
    career_step_min: Mapped[int | None] = mapped_column(Integer)
    career_step_max: Mapped[int | None] = mapped_column(Integer)
    provenance: Mapped[str] = mapped_column(String(5), default="R")  # V / S / R (domain.md tags)
    version: Mapped[int] = mapped_column(Integer, default=1)
    effective_from: Mapped[date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str | None] = mapped_column(Text)

    descriptions: Mapped[list[JobDescription]] = relationship(
        back_populates="position", order_by="JobDescription.version", cascade="all, delete-orphan")
    competencies: Mapped[list[PositionCompetency]] = relationship(
        back_populates="position", cascade="all, delete-orphan")


class JobPositionVersion(Base):
    """History of a position: what it was called and how it was grouped from a date on."""

    __tablename__ = "job_position_versions"
    __table_args__ = (UniqueConstraint("position_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    position_id: Mapped[int] = mapped_column(ForeignKey("job_positions.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    group: Mapped[str] = mapped_column(String(25))
    effective_from: Mapped[date | None] = mapped_column(Date)
    effective_to: Mapped[date | None] = mapped_column(Date)
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # the exported form of that version
    change_note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class JobDescription(Base):
    """Bản mô tả vị trí việc làm (TT 12/2022 / ND 361 / ND 232 Phụ lục IV sections)."""

    __tablename__ = "job_descriptions"
    __table_args__ = (UniqueConstraint("position_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    position_id: Mapped[int] = mapped_column(ForeignKey("job_positions.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    effective_from: Mapped[date | None] = mapped_column(Date)
    objective: Mapped[str] = mapped_column(Text, default="")
    working_relations: Mapped[str] = mapped_column(Text, default="")
    scope_of_authority: Mapped[str] = mapped_column(Text, default="")
    requirements: Mapped[str] = mapped_column(Text, default="")  # trình độ, năng lực, kinh nghiệm, phẩm chất
    conditions: Mapped[str] = mapped_column(Text, default="")  # điều kiện làm việc

    position: Mapped[JobPosition] = relationship(back_populates="descriptions")
    tasks: Mapped[list[JobTask]] = relationship(
        back_populates="description", order_by="JobTask.seq", cascade="all, delete-orphan")


class JobTask(Base):
    """One task of a description with its output products and evaluation criteria."""

    __tablename__ = "job_tasks"
    __table_args__ = (UniqueConstraint("description_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    description_id: Mapped[int] = mapped_column(
        ForeignKey("job_descriptions.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20), default="chuyen_mon")  # chuyen_mon / quan_ly / ho_tro
    task: Mapped[str] = mapped_column(Text)
    output_products: Mapped[str] = mapped_column(Text, default="")
    evaluation_criteria: Mapped[str] = mapped_column(Text, default="")
    career_step: Mapped[int | None] = mapped_column(Integer)

    description: Mapped[JobDescription] = relationship(back_populates="tasks")


class Competency(Base):
    __tablename__ = "competencies"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(12), index=True)  # entities.CompetencyKind
    description: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    levels: Mapped[list[CompetencyLevel]] = relationship(
        back_populates="competency", order_by="CompetencyLevel.level", cascade="all, delete-orphan")


class CompetencyLevel(Base):
    __tablename__ = "competency_levels"
    __table_args__ = (
        UniqueConstraint("competency_id", "level"),
        CheckConstraint("level BETWEEN 1 AND 5", name="level_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    competency_id: Mapped[int] = mapped_column(ForeignKey("competencies.id", ondelete="CASCADE"))
    level: Mapped[int] = mapped_column(Integer)
    descriptor: Mapped[str] = mapped_column(Text)

    competency: Mapped[Competency] = relationship(back_populates="levels")


class PositionCompetency(Base):
    """The level of a competency a position requires (its khung năng lực)."""

    __tablename__ = "position_competencies"
    __table_args__ = (
        UniqueConstraint("position_id", "competency_id"),
        CheckConstraint("required_level BETWEEN 1 AND 5", name="level_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    position_id: Mapped[int] = mapped_column(ForeignKey("job_positions.id", ondelete="CASCADE"), index=True)
    competency_id: Mapped[int] = mapped_column(ForeignKey("competencies.id", ondelete="RESTRICT"), index=True)
    required_level: Mapped[int] = mapped_column(Integer)

    position: Mapped[JobPosition] = relationship(back_populates="competencies")
    competency: Mapped[Competency] = relationship()


class Product(Base):
    """A product or work item, converted to standard products by its coefficient k."""

    __tablename__ = "products"
    __table_args__ = (CheckConstraint("CAST(k AS NUMERIC) > 0", name="k_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    unit_of_measure: Mapped[str] = mapped_column(String(50))
    work_group: Mapped[str | None] = mapped_column(String(10), index=True)  # Khánh Hòa A/B/C/D
    complexity_group: Mapped[str] = mapped_column(String(5), index=True)  # entities.ComplexityGroup
    k: Mapped[Decimal] = mapped_column(Dec(scale=3))
    standard_points: Mapped[Decimal | None] = mapped_column(Dec())
    standard_hours: Mapped[Decimal | None] = mapped_column(Dec())
    status: Mapped[str] = mapped_column(String(10), default="official", index=True)  # entities.ProductStatus
    version: Mapped[int] = mapped_column(Integer, default=1)
    effective_from: Mapped[date | None] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    positions: Mapped[list[JobPosition]] = relationship(secondary="product_positions")


class ProductPosition(Base):
    """Which positions a product applies to (none listed: any position)."""

    __tablename__ = "product_positions"

    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), primary_key=True)
    position_id: Mapped[int] = mapped_column(
        ForeignKey("job_positions.id", ondelete="CASCADE"), primary_key=True, index=True)
