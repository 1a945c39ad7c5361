"""Organisation: the unit (commune/ward), its bodies, quota groups, local rules and unit ratings.

A unit's official code and name come from the `vietnam-provinces` package (after the 2025 reform);
they are copied here so that a database stays readable if the package changes.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kpi_desktop.store.base import Base
from kpi_desktop.store.types import Dec, utcnow


class Unit(Base):
    """A commune, ward or special zone (or, in the province's database, each commune imported)."""

    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(10), unique=True)  # official ward code, e.g. "22366"
    name: Mapped[str] = mapped_column(String(200))
    division_type: Mapped[str] = mapped_column(String(30), default="")  # xã / phường / đặc khu
    province_code: Mapped[str] = mapped_column(String(5), index=True)
    province_name: Mapped[str] = mapped_column(String(200))
    is_home: Mapped[bool] = mapped_column(Boolean, default=False)  # the unit this database belongs to
    address: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    bodies: Mapped[list[Body]] = relationship(back_populates="unit", order_by="Body.sort_order")


class Body(Base):
    """A body inside the unit: Văn phòng HĐND-UBND, a phòng chuyên môn, Trung tâm PVHCC, …"""

    __tablename__ = "bodies"
    __table_args__ = (UniqueConstraint("unit_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("bodies.id", ondelete="SET NULL"))
    code: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30), index=True)  # entities.BodyKind
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    unit: Mapped[Unit] = relationship(back_populates="bodies")


class QuotaGroup(Base):
    """A group of people with similar tasks (nhóm nhiệm vụ tương đồng): the HTXS quota applies per group."""

    __tablename__ = "quota_groups"
    __table_args__ = (UniqueConstraint("unit_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)


class UnitRule(Base):
    """The unit's quy chế: which rule set it follows and its local parameters, from a date on."""

    __tablename__ = "unit_rules"
    __table_args__ = (UniqueConstraint("unit_id", "ruleset_id", "effective_from"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    ruleset_id: Mapped[str] = mapped_column(String(40))  # base rule set, e.g. "ND335-2025"
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    effective_from: Mapped[date] = mapped_column(Date)
    effective_to: Mapped[date | None] = mapped_column(Date)
    decision_no: Mapped[str | None] = mapped_column(String(60))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class OrgRating(Base):
    """The annual rating of the unit (body_id NULL) or of one body: caps its head's level."""

    __tablename__ = "org_ratings"
    __table_args__ = (UniqueConstraint("unit_id", "body_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    body_id: Mapped[int | None] = mapped_column(ForeignKey("bodies.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer, index=True)
    score: Mapped[Decimal | None] = mapped_column(Dec())
    level: Mapped[str] = mapped_column(String(10))  # entities.Level
    agency_excellent: Mapped[bool] = mapped_column(Boolean, default=False)  # lifts the quota to 25%
    decision_no: Mapped[str | None] = mapped_column(String(60))
    decision_date: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)


class CorruptionCase(Base):
    """Embezzlement, corruption or waste in a unit or body, handled under the law (a veto for its leaders)."""

    __tablename__ = "corruption_cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    body_id: Mapped[int | None] = mapped_column(ForeignKey("bodies.id", ondelete="SET NULL"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    description: Mapped[str] = mapped_column(Text)
    discovered_on: Mapped[date | None] = mapped_column(Date)
    handled_on: Mapped[date | None] = mapped_column(Date)
    decision_no: Mapped[str | None] = mapped_column(String(60))
    self_detected: Mapped[bool] = mapped_column(Boolean, default=False)  # ND 233 mitigation
