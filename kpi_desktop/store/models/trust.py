"""Accounts, the audit trail, settings, and deadline records.

Every mapped class is audited by the flush-time listener (store/audit_listener.py) unless it sets
`__audit__ = False`. Columns named in `__audit_redact__` are logged as changed but never with their
value (password hashes), so the trail and the bundles it travels in carry no secrets.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
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
from sqlalchemy.orm import Mapped, mapped_column

from kpi_desktop.store.base import Base

ROLE_VALUES = ("clerk", "staff", "head", "province_hr", "admin")


class User(Base):
    """A local account. `person_id` links staff and heads to their Person row; `body_id` is the body a
    head leads. Passwords are argon2id hashes; lock-out counts failures up to `locked_until`."""

    __tablename__ = "users"
    __audit_redact__ = ("password_hash",)
    __table_args__ = (
        CheckConstraint("role IN ('clerk', 'staff', 'head', 'province_hr', 'admin')", name="role"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"))
    body_id: Mapped[int | None] = mapped_column(ForeignKey("bodies.id", ondelete="SET NULL"))
    unit_code: Mapped[str | None] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    must_change_password: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    password_changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class AuditEntry(Base):
    """One change, append-only. `before`/`after` are canonical JSON; see domain/audit_chain.py."""

    __tablename__ = "audit_log"
    __audit__ = False
    __table_args__ = (Index("ix_audit_log_period_code_seq", "period_code", "seq"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)  # always given explicitly by the listener
    ts: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(64))
    actor_role: Mapped[str | None] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str | None] = mapped_column(String(200))
    period_code: Mapped[str | None] = mapped_column(String(16))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    period_prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class AuditHead(Base):
    """The last entry's (seq, hash), written in the same transaction: finds entries cut off the end."""

    __tablename__ = "audit_head"
    __audit__ = False

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


class AppSetting(Base):
    """Key → JSON value (lock-out policy, deadline offsets, backup retention)."""

    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class DeadlineDefault(Base):
    """A step forwarded automatically past its deadline, recorded as a default of whoever missed it
    (as in India's SPARROW: "treated as default on the part of the officer concerned")."""

    __tablename__ = "deadline_defaults"
    __table_args__ = (UniqueConstraint("step", "subject_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period_code: Mapped[str] = mapped_column(String(16))
    step: Mapped[str] = mapped_column(String(30))  # domain.deadlines.Step
    subject_key: Mapped[str] = mapped_column(String(60))  # "pe:<period evaluation id>" / "ac:<annual id>"
    evaluation_id: Mapped[int | None] = mapped_column(
        ForeignKey("period_evaluations.id", ondelete="CASCADE"), index=True)
    annual_id: Mapped[int | None] = mapped_column(
        ForeignKey("annual_classifications.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"), index=True)
    defaulter_person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"))
    defaulter_role: Mapped[str] = mapped_column(String(20))  # who had to act: staff / head / clerk
    due_date: Mapped[dt.date] = mapped_column(Date)
    forwarded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    forwarded_to: Mapped[str] = mapped_column(String(30))  # the workflow state it was moved to
    note: Mapped[str] = mapped_column(Text, default="")

from kpi_desktop.store import audit_listener  # noqa: E402  (every session gets the audit trail)

audit_listener.install()
