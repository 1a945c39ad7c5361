"""A locked period is read-only for everyone, whatever path the write takes; reopening needs a reason."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import delete, select, update

from kpi_desktop.domain.roles import SYSTEM
from kpi_desktop.errors import PermissionDenied, StateError
from kpi_desktop.services import audit
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.evaluation import (
    AnnualClassification,
    CriterionScore,
    EvaluationPeriod,
    PeriodEvaluation,
)

from .conftest import Accounts, Org


def _period(db: Database, org: Org, code: str = "2026-Q1", state: str = "open") -> int:
    with db.session(SYSTEM) as s:
        p = EvaluationPeriod(unit_id=org.unit_id, code=code, kind="quarter", year=2026, number=1,
                             start_date=dt.date(2026, 1, 1), end_date=dt.date(2026, 3, 31), state=state)
        s.add(p)
        s.flush()
        return p.id


def _evaluation(db: Database, org: Org, period_id: int) -> int:
    with db.session(SYSTEM) as s:
        ev = PeriodEvaluation(period_id=period_id, person_id=org.staff_a, body_id=org.body_a)
        ev.criteria.append(CriterionScore(seq=1, code="a", label="Phẩm chất chính trị", max_points=Decimal(10)))
        s.add(ev)
        s.flush()
        return ev.id


def _lock(db: Database, accounts: Accounts, period_id: int) -> None:
    with db.session(accounts.clerk) as s:
        s.get(EvaluationPeriod, period_id).state = "locked"


@pytest.fixture
def locked(db: Database, org: Org, accounts: Accounts) -> tuple[int, int]:
    pid = _period(db, org)
    eid = _evaluation(db, org, pid)
    _lock(db, accounts, pid)
    return pid, eid


def test_entries_carry_the_period_code(db: Database, org: Org, accounts: Accounts) -> None:
    pid = _period(db, org)
    eid = _evaluation(db, org, pid)
    with db.session(accounts.staff) as s:
        s.get(PeriodEvaluation, eid).criteria[0].self_points = Decimal("9.5")
    entries = audit.export_period_entries(db, "2026-Q1")
    entities = [e["entity"] for e in entries]
    assert entities[:3] == ["evaluation_periods", "period_evaluations", "criterion_scores"]
    last = entries[-1]
    assert last["entity"] == "criterion_scores" and last["actor"] == "nhanvien"
    assert last["after"] == {"self_points": "9.5"}
    assert audit.verify_exported_entries(entries, period_code="2026-Q1") == []


@pytest.mark.parametrize("how", ["orm-update", "child-update", "insert", "delete", "bulk-update", "bulk-delete"])
def test_every_write_path_is_refused(db: Database, org: Org, accounts: Accounts, locked: tuple[int, int],
                                     how: str) -> None:
    pid, eid = locked
    before = audit.entry_count(db)
    with pytest.raises(StateError, match="đã khoá"), db.session(accounts.clerk) as s:
        if how == "orm-update":
            s.get(PeriodEvaluation, eid).strengths = "Sửa sau khi khoá"
        elif how == "child-update":
            s.get(PeriodEvaluation, eid).criteria[0].reviewer_points = Decimal(10)
        elif how == "insert":
            s.add(PeriodEvaluation(period_id=pid, person_id=org.staff_a2, body_id=org.body_a))
        elif how == "delete":
            s.delete(s.get(PeriodEvaluation, eid))
        elif how == "bulk-update":
            s.execute(update(PeriodEvaluation).where(PeriodEvaluation.id == eid).values(state="approved"))
        else:
            s.execute(delete(CriterionScore).where(CriterionScore.evaluation_id == eid))
        s.flush()
    assert audit.entry_count(db) == before
    with db.session() as s:
        ev = s.get(PeriodEvaluation, eid)
        assert ev is not None and ev.strengths is None and ev.state == "draft" and len(ev.criteria) == 1


def test_the_locked_period_itself_cannot_be_edited_or_deleted(db: Database, accounts: Accounts,
                                                                locked: tuple[int, int]) -> None:
    pid, _ = locked
    with pytest.raises(StateError), db.session(accounts.clerk) as s:
        s.get(EvaluationPeriod, pid).end_date = dt.date(2026, 4, 30)
    with pytest.raises(StateError), db.session(accounts.clerk) as s:
        s.delete(s.get(EvaluationPeriod, pid))


def test_reopening_needs_a_reason_and_the_right(db: Database, accounts: Accounts, locked: tuple[int, int]) -> None:
    pid, eid = locked
    with pytest.raises(StateError, match="lý do"), db.session(accounts.clerk) as s:
        s.get(EvaluationPeriod, pid).state = "reopened"
    with pytest.raises(PermissionDenied), db.session(accounts.head) as s:
        audit.set_reason(s, "Sửa sai sót")
        s.get(EvaluationPeriod, pid).state = "reopened"
    with db.session(accounts.clerk) as s:
        audit.set_reason(s, "Sửa sai sót điểm tiêu chí theo đơn kiến nghị ngày 05/04/2026")
        s.get(EvaluationPeriod, pid).state = "reopened"
    entry = audit.list_entries(db, accounts.admin, limit=1)[0]
    assert entry["entity"] == "evaluation_periods"
    assert entry["before"] == {"state": "locked"} and entry["after"] == {"state": "reopened"}
    assert entry["reason"].startswith("Sửa sai sót") and entry["actor"] == "canbo"
    with db.session(accounts.staff) as s:  # open again: edits go through
        s.get(PeriodEvaluation, eid).strengths = "Hoàn thành tốt"


def test_reopen_reason_column_counts_as_the_reason(db: Database, accounts: Accounts, locked: tuple[int, int]) -> None:
    pid, _ = locked
    with db.session(accounts.clerk) as s:
        period = s.get(EvaluationPeriod, pid)
        period.state = "reopened"
        period.reopen_reason = "Bổ sung kết quả nhiệm vụ bị sót"
    with db.session() as s:
        assert s.scalar(select(EvaluationPeriod.state).where(EvaluationPeriod.id == pid)) == "reopened"


def test_history_created_locked_in_one_transaction(db: Database, org: Org) -> None:
    """The demo (or an import) may bring a closed period in with its evaluations in one go."""
    with db.session(SYSTEM) as s:
        p = EvaluationPeriod(unit_id=org.unit_id, code="2025-Q4", kind="quarter", year=2025, number=4,
                             start_date=dt.date(2025, 10, 1), end_date=dt.date(2025, 12, 31), state="locked")
        s.add(p)
        s.flush()
        s.add(PeriodEvaluation(period_id=p.id, person_id=org.staff_a, body_id=org.body_a, state="approved"))
    with pytest.raises(StateError), db.session(SYSTEM) as s:
        ev = s.scalars(select(PeriodEvaluation).where(PeriodEvaluation.period_id == p.id)).one()
        ev.state = "draft"


def test_annual_rows_follow_the_year_period(db: Database, org: Org, accounts: Accounts) -> None:
    with db.session(SYSTEM) as s:
        s.add(EvaluationPeriod(unit_id=org.unit_id, code="2026", kind="year", year=2026,
                               start_date=dt.date(2026, 1, 1), end_date=dt.date(2026, 12, 31)))
        s.add(AnnualClassification(person_id=org.staff_a, unit_id=org.unit_id, year=2026))
    annual = [e for e in audit.export_period_entries(db, "2026") if e["entity"] == "annual_classifications"]
    assert len(annual) == 1
    with db.session(accounts.clerk) as s:
        s.scalars(select(EvaluationPeriod).where(EvaluationPeriod.code == "2026")).one().state = "locked"
    with pytest.raises(StateError), db.session(accounts.head) as s:
        s.scalars(select(AnnualClassification)).one().final_level = "HTXS"
