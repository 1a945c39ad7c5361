"""The province's view of what communes have sent (for the GUI's province pages and reports).

All functions take a `Database` and an `Actor` with the `bundle.import` right (Sở Nội vụ) and return
plain dataclasses:

- `communes(db, actor) -> list[CommuneSummary]`: every known commune (units in this database, plus every
  unit with a registered certificate), the periods it has sent, its record and flag counts, the date of
  its last bundle, and its held forks.
- `period_status(db, actor, period, *, grace_days=15, today=None) -> list[PeriodStatus]`: per commune,
  whether the period has arrived, which bundle is current, and whether the commune is late (nothing
  received `grace_days` after the period's end).
- `late(db, actor, period, **kw) -> list[PeriodStatus]`: only the late ones.
- `results(db, actor, unit_code, period) -> list[ResultRow]`: the current records of a commune and period.
- `flags(db, actor, period=None, unit_code=None) -> list[FlagRow]`: recomputation differences to review.
- `history(db, actor, unit_code, period) -> list[BundleRow]`: every bundle received, superseded or held.
- `quarantine(db, actor, batch_id=None) -> list[QuarantineRow]`: refused files and why.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from kpi_desktop.domain.roles import Actor
from kpi_desktop.errors import InputError
from kpi_desktop.exchange.bundle import PERIOD_RE
from kpi_desktop.services.authz import Action, require
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.core import Unit
from kpi_desktop.store.models.exchange import (
    CurrentBundle,
    ImportedRecord,
    LedgerEntry,
    QuarantineEntry,
    UnitCertificate,
)


@dataclass(frozen=True)
class CommuneSummary:
    unit_code: str
    unit_name: str
    periods_sent: list[str]
    record_count: int
    flag_count: int
    last_received_at: datetime | None
    held_forks: int


@dataclass(frozen=True)
class PeriodStatus:
    unit_code: str
    unit_name: str
    period: str
    received: bool
    bundle_id: str | None
    sequence: int | None
    record_count: int
    flag_count: int
    received_at: datetime | None
    due: date
    late: bool
    days_late: int


@dataclass(frozen=True)
class ResultRow:
    person_code: str
    full_name: str
    position: str | None
    kind: str
    total: str | None
    band: str | None
    level: str | None
    ruleset_id: str
    flag_count: int
    flags: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class FlagRow:
    unit_code: str
    period: str
    person_code: str
    full_name: str
    field: str
    sent: Any
    recomputed: Any
    message: str


@dataclass(frozen=True)
class BundleRow:
    bundle_id: str
    sequence: int
    supersedes: str | None
    status: str
    superseded_by: str | None
    record_count: int
    flag_count: int
    imported_at: datetime
    imported_by: str
    file_name: str
    expired_override: bool


@dataclass(frozen=True)
class QuarantineRow:
    file_name: str
    stored_path: str
    reason_code: str
    reason: str
    unit_code: str | None
    period: str | None
    created_at: datetime


def period_end(period: str) -> date:
    """Last day of "2026-Q1", "2026-M03" or "2026"."""
    if not PERIOD_RE.match(period or ""):
        raise InputError(f"Mã kỳ «{period}» không hợp lệ (ví dụ 2026-Q1, 2026-M03, 2026).", field="period")
    year = int(period[:4])
    if len(period) == 4:
        return date(year, 12, 31)
    month = int(period[6]) * 3 if period[5] == "Q" else int(period[6:8])
    return date(year, month, calendar.monthrange(year, month)[1])


def _known_units(s: Any) -> dict[str, str]:
    units = {u.code: u.name for u in s.scalars(select(Unit).where(Unit.is_home.is_(False)))}
    for code in s.scalars(select(UnitCertificate.unit_code).distinct()):
        units.setdefault(code, code)
    for code in s.scalars(select(LedgerEntry.unit_code).distinct()):
        units.setdefault(code, code)
    return units


def communes(db: Database, actor: Actor) -> list[CommuneSummary]:
    require(actor, Action.BUNDLE_IMPORT)
    with db.session(actor) as s:
        units = _known_units(s)
        periods: dict[str, list[str]] = {}
        for code, period in s.execute(select(CurrentBundle.unit_code, CurrentBundle.period)):
            periods.setdefault(code, []).append(period)
        counts = dict(s.execute(select(ImportedRecord.unit_code, func.count())
                                .where(ImportedRecord.current.is_(True)).group_by(ImportedRecord.unit_code)).all())
        flagged = dict(s.execute(select(ImportedRecord.unit_code, func.coalesce(func.sum(ImportedRecord.flag_count), 0))
                                 .where(ImportedRecord.current.is_(True)).group_by(ImportedRecord.unit_code)).all())
        last = dict(s.execute(select(LedgerEntry.unit_code, func.max(LedgerEntry.imported_at))
                              .group_by(LedgerEntry.unit_code)).all())
        held = dict(s.execute(select(LedgerEntry.unit_code, func.count()).where(LedgerEntry.status == "held")
                              .group_by(LedgerEntry.unit_code)).all())
    return [CommuneSummary(code, name, sorted(periods.get(code, [])), int(counts.get(code, 0)),
                           int(flagged.get(code, 0)), last.get(code), int(held.get(code, 0)))
            for code, name in sorted(units.items())]


def period_status(db: Database, actor: Actor, period: str, *, grace_days: int = 15,
                  today: date | None = None) -> list[PeriodStatus]:
    require(actor, Action.BUNDLE_IMPORT)
    due = period_end(period) + timedelta(days=grace_days)
    today = today or date.today()
    with db.session(actor) as s:
        units = _known_units(s)
        current = {c.unit_code: c for c in s.scalars(select(CurrentBundle).where(CurrentBundle.period == period))}
        entries = {e.bundle_id: e for e in s.scalars(select(LedgerEntry).where(
            LedgerEntry.bundle_id.in_([c.bundle_id for c in current.values()])))} if current else {}
    out: list[PeriodStatus] = []
    for code, name in sorted(units.items()):
        cur = current.get(code)
        entry = entries.get(cur.bundle_id) if cur else None
        received = entry is not None
        days_late = 0 if received else max(0, (today - due).days)
        out.append(PeriodStatus(code, name, period, received, entry.bundle_id if entry else None,
                                entry.sequence if entry else None, entry.record_count if entry else 0,
                                entry.flag_count if entry else 0, entry.imported_at if entry else None,
                                due, days_late > 0, days_late))
    return out


def late(db: Database, actor: Actor, period: str, *, grace_days: int = 15, today: date | None = None) -> list[PeriodStatus]:
    return [p for p in period_status(db, actor, period, grace_days=grace_days, today=today) if p.late]


def results(db: Database, actor: Actor, unit_code: str, period: str) -> list[ResultRow]:
    require(actor, Action.BUNDLE_IMPORT)
    with db.session(actor) as s:
        rows = s.scalars(select(ImportedRecord).where(ImportedRecord.unit_code == unit_code,
                                                      ImportedRecord.period == period,
                                                      ImportedRecord.current.is_(True))
                         .order_by(ImportedRecord.person_code))
        return [ResultRow(r.person_code, r.full_name, r.position, r.kind, r.total, r.band, r.level, r.ruleset_id,
                          r.flag_count, list(r.flags or [])) for r in rows]


def flags(db: Database, actor: Actor, *, period: str | None = None, unit_code: str | None = None) -> list[FlagRow]:
    require(actor, Action.BUNDLE_IMPORT)
    with db.session(actor) as s:
        q = select(ImportedRecord).where(ImportedRecord.current.is_(True), ImportedRecord.flag_count > 0)
        if period:
            q = q.where(ImportedRecord.period == period)
        if unit_code:
            q = q.where(ImportedRecord.unit_code == unit_code)
        out: list[FlagRow] = []
        for r in s.scalars(q.order_by(ImportedRecord.unit_code, ImportedRecord.period, ImportedRecord.person_code)):
            for f in r.flags or []:
                out.append(FlagRow(r.unit_code, r.period, r.person_code, r.full_name, str(f.get("field", "")),
                                   f.get("sent"), f.get("recomputed"), str(f.get("message", ""))))
        return out


def history(db: Database, actor: Actor, unit_code: str, period: str) -> list[BundleRow]:
    require(actor, Action.BUNDLE_IMPORT)
    with db.session(actor) as s:
        rows = s.scalars(select(LedgerEntry).where(LedgerEntry.unit_code == unit_code, LedgerEntry.period == period)
                         .order_by(LedgerEntry.sequence, LedgerEntry.imported_at))
        return [BundleRow(r.bundle_id, r.sequence, r.supersedes, r.status, r.superseded_by, r.record_count,
                          r.flag_count, r.imported_at, r.imported_by, r.file_name, r.expired_override) for r in rows]


def quarantine(db: Database, actor: Actor, *, batch_id: str | None = None) -> list[QuarantineRow]:
    require(actor, Action.BUNDLE_IMPORT)
    with db.session(actor) as s:
        q = select(QuarantineEntry).order_by(QuarantineEntry.created_at.desc(), QuarantineEntry.id.desc())
        if batch_id:
            q = q.where(QuarantineEntry.batch_id == batch_id)
        return [QuarantineRow(r.file_name, r.stored_path, r.reason_code, r.reason, r.unit_code, r.period,
                              r.created_at) for r in s.scalars(q)]
