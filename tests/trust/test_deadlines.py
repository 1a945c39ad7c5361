"""Deadlines with a fake clock: reminders, automatic forwarding, defaults recorded against who missed."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from kpi_desktop.domain.deadlines import (
    DeadlinePolicy,
    Step,
    annual_calendar,
    decision_is_late_by_law,
    period_calendar,
)
from kpi_desktop.domain.roles import SYSTEM
from kpi_desktop.errors import InputError, PermissionDenied
from kpi_desktop.services import deadlines
from kpi_desktop.services.app_settings import set_setting
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.evaluation import AnnualClassification, EvaluationPeriod, PeriodEvaluation
from kpi_desktop.store.models.trust import DeadlineDefault

from .conftest import Accounts, Org

D = dt.date


def _q1(db: Database, org: Org, **kwargs: object) -> dict[str, int]:
    with db.session(SYSTEM) as s:
        p = EvaluationPeriod(unit_id=org.unit_id, code="2026-Q1", kind="quarter", year=2026, number=1,
                             start_date=D(2026, 1, 1), end_date=D(2026, 3, 31), **kwargs)
        s.add(p)
        s.flush()
        ids = {"period": p.id}
        for key, person, body in [("staff", org.staff_a, org.body_a), ("staff2", org.staff_a2, org.body_a),
                                  ("head", org.head_a, org.body_a), ("staff_b", org.staff_b, org.body_b)]:
            ev = PeriodEvaluation(period_id=p.id, person_id=person, body_id=body)
            s.add(ev)
            s.flush()
            ids[key] = ev.id
        return ids


def _state(db: Database, ev_id: int) -> str:
    with db.session() as s:
        ev = s.get(PeriodEvaluation, ev_id)
        assert ev is not None
        return ev.state


def test_calendar_defaults_and_overrides() -> None:
    policy = DeadlinePolicy()
    assert period_calendar(D(2026, 3, 31), policy) == {Step.SELF_ASSESSMENT: D(2026, 4, 5), Step.REVIEW: D(2026, 4, 15)}
    assert period_calendar(D(2026, 3, 31), policy, self_due=D(2026, 4, 10))[Step.REVIEW] == D(2026, 4, 20)
    assert annual_calendar(2026, policy) == {Step.ANNUAL_SELF: D(2026, 11, 30), Step.ANNUAL_DECISION: D(2026, 12, 14)}
    assert not decision_is_late_by_law(2026, policy)
    assert decision_is_late_by_law(2026, DeadlinePolicy(annual_decision_day=(12, 20)))
    with pytest.raises(InputError, match="không tồn tại"):
        DeadlinePolicy(annual_self_day=(2, 30))
    with pytest.raises(InputError, match="trước hạn quyết định"):
        DeadlinePolicy(annual_self_day=(12, 20), annual_decision_day=(12, 10))
    with pytest.raises(InputError, match="không được trước"):
        period_calendar(D(2026, 3, 31), policy, self_due=D(2026, 4, 10), review_due=D(2026, 4, 1))


def test_reminders_before_and_after_the_deadline(db: Database, org: Org, accounts: Accounts) -> None:
    _q1(db, org)
    assert deadlines.overdue_steps(db, accounts.clerk, today=D(2026, 4, 5)) == []  # due today: not late yet
    soon = deadlines.pending_steps(db, accounts.clerk, today=D(2026, 4, 3))
    assert {i.step for i in soon} == {Step.SELF_ASSESSMENT} and not any(i.overdue for i in soon)
    late = deadlines.overdue_steps(db, accounts.clerk, today=D(2026, 4, 7))
    assert len(late) == 4 and all(i.days_late == 2 for i in late)
    assert "quá hạn 2 ngày (hạn 05/04/2026" in late[0].message
    # each sees what they may: staff their own, a head their body
    assert {i.person_id for i in deadlines.overdue_steps(db, accounts.staff, today=D(2026, 4, 7))} == {org.staff_a}
    assert {i.person_id for i in deadlines.overdue_steps(db, accounts.head, today=D(2026, 4, 7))} == {
        org.staff_a, org.staff_a2, org.head_a}
    assert {i.person_id for i in deadlines.overdue_steps(db, accounts.head_b, today=D(2026, 4, 7))} == {org.staff_b}


def test_forwarding_past_the_deadline_records_the_default(db: Database, org: Org, accounts: Accounts) -> None:
    ids = _q1(db, org)
    with db.session(accounts.staff2) as s:  # one person submits on time
        ev = s.get(PeriodEvaluation, ids["staff2"])
        assert ev is not None
        ev.state = "submitted"
    assert deadlines.forward_overdue(db, SYSTEM, today=D(2026, 4, 5)) == []
    done = deadlines.forward_overdue(db, SYSTEM, today=D(2026, 4, 6))
    assert {i.person_id for i in done} == {org.staff_a, org.head_a, org.staff_b}
    assert _state(db, ids["staff"]) == "submitted"
    with db.session() as s:
        rows = s.scalars(select(DeadlineDefault).order_by(DeadlineDefault.id)).all()
        staff_default = next(r for r in rows if r.person_id == org.staff_a)
        assert staff_default.defaulter_person_id == org.staff_a and staff_default.defaulter_role == "staff"
        assert staff_default.step == "self_assessment" and staff_default.due_date == D(2026, 4, 5)
    assert deadlines.forward_overdue(db, SYSTEM, today=D(2026, 4, 6)) == []  # nothing left to move
    # the review: due 15/04; the head of body A misses it
    done = deadlines.forward_overdue(db, accounts.clerk, today=D(2026, 4, 16))
    reviewed = {i.person_id: i for i in done}
    assert set(reviewed) == {org.staff_a, org.staff_a2, org.head_a, org.staff_b}
    assert reviewed[org.staff_a].responsible_person_id == org.head_a
    assert reviewed[org.staff_b].responsible_person_id == org.head_b
    assert reviewed[org.head_a].responsible_person_id is None  # reviewed one level up
    assert _state(db, ids["staff2"]) == "reviewed"
    records = deadlines.defaults(db, accounts.clerk, period_code="2026-Q1")
    against_head = [r for r in records if r.defaulter_person_id == org.head_a]
    assert {r.step for r in against_head} == {Step.SELF_ASSESSMENT, Step.REVIEW}  # own form, and two reviews
    assert len([r for r in against_head if r.step is Step.REVIEW]) == 2
    # staff see only their own defaults
    assert {r.person_id for r in deadlines.defaults(db, accounts.staff)} == {org.staff_a}


def test_a_form_returned_after_the_deadline_gets_a_fresh_window(db: Database, org: Org, accounts: Accounts) -> None:
    ids = _q1(db, org)
    deadlines.forward_overdue(db, SYSTEM, today=D(2026, 4, 6))
    with db.session(accounts.head) as s:
        ev = s.get(PeriodEvaluation, ids["staff"])
        assert ev is not None
        ev.state = "returned"
        ev.return_reason = "Thiếu minh chứng"
        ev.updated_at = dt.datetime(2026, 4, 12, 9, 0)
    assert ids["staff"] not in {i.evaluation_id for i in deadlines.forward_overdue(db, SYSTEM, today=D(2026, 4, 13))}
    assert _state(db, ids["staff"]) == "returned"
    again = deadlines.forward_overdue(db, SYSTEM, today=D(2026, 4, 18))
    assert ids["staff"] in {i.evaluation_id for i in again}
    with db.session() as s:
        keys = s.scalars(select(DeadlineDefault.subject_key).where(
            DeadlineDefault.evaluation_id == ids["staff"], DeadlineDefault.step == "self_assessment")).all()
    assert sorted(keys) == [f"pe:{ids['staff']}#1", f"pe:{ids['staff']}#2"]


def test_policy_and_period_dates_are_used(db: Database, org: Org, accounts: Accounts) -> None:
    set_setting(db, accounts.admin, "deadlines.self_assessment_days", 10)
    _q1(db, org)
    assert deadlines.overdue_steps(db, accounts.clerk, today=D(2026, 4, 10)) == []
    assert deadlines.overdue_steps(db, accounts.clerk, today=D(2026, 4, 11))
    with db.session(SYSTEM) as s:
        s.scalars(select(EvaluationPeriod)).one().self_due = D(2026, 4, 20)
    assert deadlines.overdue_steps(db, accounts.clerk, today=D(2026, 4, 11)) == []


def test_locked_periods_are_left_alone(db: Database, org: Org, accounts: Accounts) -> None:
    _q1(db, org, state="locked")
    assert deadlines.overdue_steps(db, accounts.clerk, today=D(2026, 6, 1)) == []
    assert deadlines.forward_overdue(db, SYSTEM, today=D(2026, 6, 1)) == []


def test_annual_steps(db: Database, org: Org, accounts: Accounts) -> None:
    with db.session(SYSTEM) as s:
        s.add(AnnualClassification(person_id=org.staff_a, unit_id=org.unit_id, year=2026))
    assert deadlines.forward_overdue(db, SYSTEM, today=D(2026, 11, 30)) == []
    done = deadlines.forward_overdue(db, SYSTEM, today=D(2026, 12, 1))
    assert [(i.step, i.responsible_person_id) for i in done] == [(Step.ANNUAL_SELF, org.staff_a)]
    assert deadlines.forward_overdue(db, SYSTEM, today=D(2026, 12, 2)) == []  # recorded once
    late = deadlines.overdue_steps(db, accounts.head, today=D(2026, 12, 15))
    assert [(i.step, i.responsible_person_id) for i in late] == [(Step.ANNUAL_DECISION, org.head_a)]
    done = deadlines.forward_overdue(db, SYSTEM, today=D(2026, 12, 15))
    assert [i.step for i in done] == [Step.ANNUAL_DECISION]
    with db.session(accounts.head) as s:
        ac = s.scalars(select(AnnualClassification)).one()
        ac.final_level = "HTT"
        ac.state = "decided"
    assert deadlines.overdue_steps(db, accounts.clerk, today=D(2026, 12, 16)) == []


def test_only_managers_forward(db: Database, org: Org, accounts: Accounts) -> None:
    _q1(db, org)
    for actor in (accounts.staff, accounts.head, accounts.province):
        with pytest.raises(PermissionDenied):
            deadlines.forward_overdue(db, actor, today=D(2026, 5, 1))
    assert deadlines.forward_overdue(db, accounts.admin, today=D(2026, 5, 1))


def test_calendar_service(db: Database, org: Org, accounts: Accounts) -> None:
    ids = _q1(db, org)
    assert deadlines.calendar(db, accounts.staff, ids["period"])[Step.REVIEW] == D(2026, 4, 15)


def test_cli_list_and_forward(db: Database, org: Org, accounts: Accounts, db_path: object,
                              capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from kpi_desktop.cli import main

    from .conftest import PASSWORDS

    _q1(db, org)
    db.close()
    monkeypatch.setenv("KPI_PASSWORD", PASSWORDS["nhanvien"])
    assert main(["deadlines", "list", "--db", str(db_path), "--user", "nhanvien", "--today", "07/04/2026"]) == 0
    out = capsys.readouterr().out
    assert out.count("quá hạn 2 ngày") == 1 and "Trần Thị Bình" in out  # only their own
    assert main(["deadlines", "forward", "--db", str(db_path), "--user", "nhanvien", "--today", "07/04/2026"]) == 3
    assert "không có quyền" in capsys.readouterr().err
    monkeypatch.setenv("KPI_PASSWORD", PASSWORDS["canbo"])
    assert main(["deadlines", "forward", "--db", str(db_path), "--user", "canbo", "--today", "07/04/2026"]) == 0
    assert "Số bước đã chuyển: 4" in capsys.readouterr().out
    assert main(["deadlines", "list", "--db", str(db_path), "--user", "canbo", "--today", "31/02/2026"]) == 2
