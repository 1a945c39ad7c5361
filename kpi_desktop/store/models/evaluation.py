"""Periods, assignments and their outcomes, period evaluations (Mẫu 01), annual classifications
(Mẫu 02), responsibility contracts for heads, Party-track reviews and pay hooks.

Every stored score keeps what the engine was given (`inputs`, the scoring-contract JSON), what it
returned (`result`), the rule set id and sha256 and the engine version, so that a recompute under
the rule set in force at the time reproduces it.
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
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from kpi_desktop.store.base import Base
from kpi_desktop.store.types import Dec, utcnow


class StoredScore:
    """The columns every stored score carries."""

    @declared_attr
    def inputs(cls) -> Mapped[dict[str, Any] | None]:
        return mapped_column(JSON)

    @declared_attr
    def result(cls) -> Mapped[dict[str, Any] | None]:
        return mapped_column(JSON)

    @declared_attr
    def ruleset_id(cls) -> Mapped[str | None]:
        return mapped_column(String(40))

    @declared_attr
    def ruleset_sha256(cls) -> Mapped[str | None]:
        return mapped_column(String(64))

    @declared_attr
    def engine_version(cls) -> Mapped[str | None]:
        return mapped_column(String(40))

    @declared_attr
    def total(cls) -> Mapped[Decimal | None]:
        return mapped_column(Dec())

    @declared_attr
    def band(cls) -> Mapped[str | None]:
        return mapped_column(String(10))

    @declared_attr
    def scored_at(cls) -> Mapped[datetime | None]:
        return mapped_column(DateTime)


class EvaluationPeriod(Base):
    __tablename__ = "evaluation_periods"
    __table_args__ = (
        UniqueConstraint("unit_id", "code"),
        CheckConstraint("kind IN ('month', 'quarter', 'year')", name="kind"),
        CheckConstraint("end_date >= start_date", name="dates"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(10))  # "2026-Q1", "2026-M03", "2026"
    kind: Mapped[str] = mapped_column(String(10))  # entities.PeriodKind
    year: Mapped[int] = mapped_column(Integer, index=True)
    number: Mapped[int | None] = mapped_column(Integer)  # quarter 1–4 or month 1–12
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(10), default="open", index=True)  # entities.PeriodState
    reopen_reason: Mapped[str | None] = mapped_column(Text)
    locked_at: Mapped[datetime | None] = mapped_column(DateTime)
    locked_by: Mapped[str | None] = mapped_column(String(150))
    self_due: Mapped[date | None] = mapped_column(Date)
    review_due: Mapped[date | None] = mapped_column(Date)
    ruleset_id: Mapped[str | None] = mapped_column(String(40))


class Assignment(Base):
    """Products assigned to a person in a period (quantity in products of that kind, before k)."""

    __tablename__ = "assignments"
    __table_args__ = (
        Index("ix_assignments_period_person", "period_id", "person_id"),
        CheckConstraint("CAST(quantity AS NUMERIC) > 0", name="quantity_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("evaluation_periods.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="RESTRICT"), index=True)
    quantity: Mapped[Decimal] = mapped_column(Dec())
    k: Mapped[Decimal] = mapped_column(Dec(scale=3))  # k when assigned: later catalogue edits don't rescore
    deadline: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(12), default="plan")  # entities.AssignmentSource
    description: Mapped[str | None] = mapped_column(Text)
    assigned_by: Mapped[str | None] = mapped_column(String(150))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    completions: Mapped[list[CompletionRecord]] = relationship(cascade="all, delete-orphan")
    quality_failures: Mapped[list[QualityFailure]] = relationship(cascade="all, delete-orphan")
    delays: Mapped[list[DelayEvent]] = relationship(cascade="all, delete-orphan")


class CompletionRecord(Base):
    __tablename__ = "completion_records"
    __table_args__ = (CheckConstraint("CAST(quantity AS NUMERIC) >= 0", name="quantity_nonneg"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"), index=True)
    quantity: Mapped[Decimal] = mapped_column(Dec())
    completed_on: Mapped[date] = mapped_column(Date)
    accepted_by: Mapped[str | None] = mapped_column(String(150))
    note: Mapped[str | None] = mapped_column(Text)


class QualityFailure(Base):
    """Failed quality checks caused by a major content error; exempt when the cause was objective."""

    __tablename__ = "quality_failures"
    __table_args__ = (CheckConstraint("count >= 1", name="count_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"), index=True)
    count: Mapped[int] = mapped_column(Integer, default=1)
    occurred_on: Mapped[date | None] = mapped_column(Date)
    exempt: Mapped[bool] = mapped_column(Boolean, default=False)
    approver: Mapped[str | None] = mapped_column(String(150))
    reason: Mapped[str | None] = mapped_column(Text)


class DelayEvent(Base):
    __tablename__ = "delay_events"
    __table_args__ = (CheckConstraint("count >= 1", name="count_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"), index=True)
    count: Mapped[int] = mapped_column(Integer, default=1)
    occurred_on: Mapped[date | None] = mapped_column(Date)
    exempt: Mapped[bool] = mapped_column(Boolean, default=False)
    approver: Mapped[str | None] = mapped_column(String(150))
    reason: Mapped[str | None] = mapped_column(Text)


class Evidence(Base):
    """A file attached to an assignment as proof of the product."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str | None] = mapped_column(String(100))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes | None] = mapped_column(LargeBinary)
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class PeriodEvaluation(StoredScore, Base):
    """Mẫu 01: one person's evaluation for one period."""

    __tablename__ = "period_evaluations"
    __table_args__ = (
        UniqueConstraint("period_id", "person_id"),
        Index("ix_period_evaluations_period_state", "period_id", "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("evaluation_periods.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    body_id: Mapped[int | None] = mapped_column(ForeignKey("bodies.id", ondelete="SET NULL"), index=True)
    role: Mapped[str] = mapped_column(String(10), default="staff")  # entities.LeadershipRole in the period
    state: Mapped[str] = mapped_column(String(12), default="draft")  # entities.WorkflowState
    # Leaders' d, đ, e facts as the reviewer confirmed them ({"subordinates_all_at_least_ht": …}).
    leadership: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    self_total: Mapped[Decimal | None] = mapped_column(Dec())
    self_band: Mapped[str | None] = mapped_column(String(10))
    strengths: Mapped[str | None] = mapped_column(Text)
    weaknesses: Mapped[str | None] = mapped_column(Text)
    reviewer_comment: Mapped[str | None] = mapped_column(Text)
    adjust_reason: Mapped[str | None] = mapped_column(Text)
    return_reason: Mapped[str | None] = mapped_column(Text)
    reviewer_person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"))
    approver_person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"))
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime)
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime)
    approved_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    criteria: Mapped[list[CriterionScore]] = relationship(
        order_by="CriterionScore.seq", cascade="all, delete-orphan")


class CriterionScore(Base):
    """One general-criteria line of Mẫu 01 (tiêu chí chung a, b, c …) with self and reviewer points."""

    __tablename__ = "criterion_scores"
    __table_args__ = (UniqueConstraint("evaluation_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(ForeignKey("period_evaluations.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(10))  # "a", "b", "c"
    label: Mapped[str] = mapped_column(Text)
    max_points: Mapped[Decimal] = mapped_column(Dec())
    self_points: Mapped[Decimal | None] = mapped_column(Dec())
    reviewer_points: Mapped[Decimal | None] = mapped_column(Dec())
    self_comment: Mapped[str | None] = mapped_column(Text)
    reviewer_comment: Mapped[str | None] = mapped_column(Text)


class AnnualClassification(StoredScore, Base):
    """Mẫu 02: the annual level. `total` holds the mean of the period totals actually worked."""

    __tablename__ = "annual_classifications"
    __table_args__ = (
        UniqueConstraint("person_id", "year"),
        Index("ix_annual_classifications_unit_year", "unit_id", "year"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(10), default="staff")
    quota_group_code: Mapped[str | None] = mapped_column(String(30))  # group at the time of the rating
    months_worked: Mapped[int | None] = mapped_column(Integer)
    maternity_leave: Mapped[bool] = mapped_column(Boolean, default=False)
    level: Mapped[str | None] = mapped_column(String(10))  # the engine's level after vetoes and caps
    self_proposed_level: Mapped[str | None] = mapped_column(String(10))
    final_level: Mapped[str | None] = mapped_column(String(10), index=True)  # the competent level's decision
    vetoes_applied: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    over_quota: Mapped[bool] = mapped_column(Boolean, default=False)
    quota_approver: Mapped[str | None] = mapped_column(String(150))
    quota_reason: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(12), default="draft")  # draft/proposed/decided/published
    proposed_action: Mapped[str | None] = mapped_column(Text)
    comment: Mapped[str | None] = mapped_column(Text)
    meeting_minutes: Mapped[str | None] = mapped_column(Text)
    party_committee_opinion: Mapped[str | None] = mapped_column(Text)
    appeal: Mapped[str | None] = mapped_column(Text)
    decision_no: Mapped[str | None] = mapped_column(String(60))
    decision_date: Mapped[date | None] = mapped_column(Date)
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    published_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class PartyReview(StoredScore, Base):
    """QĐ 366 track for cán bộ and Party members: quarterly proposals Q1–Q3, merged with Q4 at year end."""

    __tablename__ = "party_reviews"
    __table_args__ = (UniqueConstraint("person_id", "year", "quarter"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    quarter: Mapped[int | None] = mapped_column(Integer)  # NULL: the year-end review
    tasks_total: Mapped[int | None] = mapped_column(Integer)
    tasks_exceeded: Mapped[int | None] = mapped_column(Integer)
    proposed_level: Mapped[str | None] = mapped_column(String(10))
    note: Mapped[str | None] = mapped_column(Text)


class ResponsibilityContract(Base):
    """A head's annual responsibility contract: weighted targets and veto items (one-vote veto)."""

    __tablename__ = "responsibility_contracts"
    __table_args__ = (UniqueConstraint("person_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    body_id: Mapped[int | None] = mapped_column(ForeignKey("bodies.id", ondelete="SET NULL"))
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    signed_on: Mapped[date | None] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(12), default="draft")
    note: Mapped[str | None] = mapped_column(Text)

    targets: Mapped[list[ContractTarget]] = relationship(
        order_by="ContractTarget.seq", cascade="all, delete-orphan")
    veto_items: Mapped[list[ContractVetoItem]] = relationship(
        order_by="ContractVetoItem.seq", cascade="all, delete-orphan")


class ContractTarget(Base):
    __tablename__ = "contract_targets"
    __table_args__ = (UniqueConstraint("contract_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("responsibility_contracts.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    pillar: Mapped[str | None] = mapped_column(String(100))
    unit_of_measure: Mapped[str | None] = mapped_column(String(50))
    baseline: Mapped[Decimal | None] = mapped_column(Dec(scale=4))
    target: Mapped[Decimal] = mapped_column(Dec(scale=4))
    actual: Mapped[Decimal | None] = mapped_column(Dec(scale=4))
    direction: Mapped[str] = mapped_column(String(8), default="higher")  # entities.TargetDirection
    weight: Mapped[Decimal] = mapped_column(Dec(scale=4))


class ContractVetoItem(Base):
    __tablename__ = "contract_veto_items"
    __table_args__ = (UniqueConstraint("contract_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("responsibility_contracts.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text)
    triggered: Mapped[bool] = mapped_column(Boolean, default=False)
    triggered_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)


class PayScheme(Base):
    """A provincial extra-income model (e.g. Hà Nội: 0.5 monthly to all, 0.3 at year end to ≥ HT)."""

    __tablename__ = "pay_schemes"
    __table_args__ = (UniqueConstraint("unit_id", "year", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(200))
    fund_amount: Mapped[Decimal | None] = mapped_column(Dec())  # VND
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    note: Mapped[str | None] = mapped_column(Text)


class PayAllocation(Base):
    __tablename__ = "pay_allocations"
    __table_args__ = (UniqueConstraint("scheme_id", "person_id", "period_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scheme_id: Mapped[int] = mapped_column(ForeignKey("pay_schemes.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    period_code: Mapped[str] = mapped_column(String(10))
    amount: Mapped[Decimal] = mapped_column(Dec())
    basis: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
