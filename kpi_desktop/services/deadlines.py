"""Deadlines at run time: what is due or overdue (the start-up reminder list) and automatic forwarding.

- `overdue_steps(db, actor)` / `pending_steps(db, actor)`: for the dashboard shown on start-up, narrowed
  to what the actor may see (own evaluation, own body, or everything).
- `forward_overdue(db, actor)`: moves every step past its deadline on to the next one and records a
  `DeadlineDefault` against whoever missed it. The GUI runs it on start-up (as `SYSTEM` or the clerk);
  `kpi deadlines forward` would do the same. Locked periods are left alone.

A returned evaluation gets a fresh self-assessment window from the day it was returned, so sending a
form back after its deadline does not bounce it straight back to the reviewer (the "time loop" that
auto-routing on due dates causes in other systems).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from kpi_desktop.domain.deadlines import (
    FORWARD_TO,
    RESPONSIBLE,
    DeadlinePolicy,
    Step,
    annual_calendar,
    annual_pending_step,
    days_late,
    due_soon,
    is_overdue,
    pending_step,
    period_calendar,
)
from kpi_desktop.domain.roles import Actor
from kpi_desktop.errors import NotFoundError
from kpi_desktop.services.app_settings import get_setting
from kpi_desktop.services.authz import Action, Scope, allowed, require, scope_of
from kpi_desktop.store.audit_listener import record_event
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.evaluation import AnnualClassification, EvaluationPeriod, PeriodEvaluation
from kpi_desktop.store.models.people import Person, RoleAssignment
from kpi_desktop.store.models.trust import DeadlineDefault


def _today() -> dt.date:
    return dt.date.today()


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


today_clock: Callable[[], dt.date] = _today
now_clock: Callable[[], dt.datetime] = _utc_now

DEFAULT_NOTE = ("Tự động chuyển bước do quá hạn; ghi nhận là lỗi trễ hạn của người phải thực hiện "
                "(không thông báo thêm).")


@dataclass(frozen=True)
class DueStep:
    period_code: str
    step: Step
    due: dt.date
    overdue: bool
    days_late: int
    person_id: int
    person_name: str
    body_id: int | None
    responsible_role: str
    responsible_person_id: int | None
    responsible_name: str
    evaluation_id: int | None = None
    annual_id: int | None = None

    @property
    def message(self) -> str:
        who = self.responsible_name or "cấp có thẩm quyền"
        when = self.due.strftime("%d/%m/%Y")
        if self.overdue:
            return (f"{self.step.label_vi} kỳ {self.period_code} của {self.person_name}: quá hạn "
                    f"{self.days_late} ngày (hạn {when}, người thực hiện: {who}).")
        return f"{self.step.label_vi} kỳ {self.period_code} của {self.person_name}: hạn {when} (người thực hiện: {who})."


@dataclass(frozen=True)
class DefaultRecord:
    period_code: str
    step: Step
    person_id: int | None
    defaulter_person_id: int | None
    defaulter_role: str
    due_date: dt.date
    forwarded_at: dt.datetime
    forwarded_to: str
    note: str


def policy(session: Session) -> DeadlinePolicy:
    keys = ("deadlines.self_assessment_days", "deadlines.review_days", "deadlines.annual_self_day",
            "deadlines.annual_decision_day")
    return DeadlinePolicy.from_settings({k: get_setting(session, k) for k in keys})


def calendar(db: Database, actor: Actor, period_id: int) -> dict[Step, dt.date]:
    require(actor, Action.PERIOD_VIEW)
    with db.session(actor) as session:
        period = session.get(EvaluationPeriod, period_id)
        if period is None:
            raise NotFoundError(f"Không có kỳ đánh giá mã {period_id}.", field="period_id")
        if period.kind == "year":
            return annual_calendar(period.year, policy(session))
        return period_calendar(period.end_date, policy(session), self_due=period.self_due,
                               review_due=period.review_due)


def _head_of(session: Session, body_id: int | None, on: dt.date) -> Person | None:
    if body_id is None:
        return None
    query = (select(Person).join(RoleAssignment, RoleAssignment.person_id == Person.id)
             .where(RoleAssignment.body_id == body_id, RoleAssignment.role == "head",
                    RoleAssignment.start_date <= on,
                    or_(RoleAssignment.end_date.is_(None), RoleAssignment.end_date >= on))
             .order_by(RoleAssignment.start_date.desc()).limit(1))
    return session.scalar(query)


def _body_of(session: Session, person_id: int, on: dt.date) -> int | None:
    return session.scalar(
        select(RoleAssignment.body_id).where(
            RoleAssignment.person_id == person_id, RoleAssignment.start_date <= on,
            or_(RoleAssignment.end_date.is_(None), RoleAssignment.end_date >= on))
        .order_by(RoleAssignment.start_date.desc()).limit(1))


def _visible(actor: Actor, item: DueStep) -> bool:
    if allowed(actor, Action.DEADLINE_MANAGE):
        return True
    scope = scope_of(actor, Action.SELF_ASSESSMENT_VIEW)
    if scope is Scope.ALL:
        return True
    if actor.person_id is not None and actor.person_id in (item.person_id, item.responsible_person_id):
        return True
    return scope is Scope.BODY and item.body_id is not None and item.body_id == actor.body_id


def _collect(session: Session, today: dt.date) -> list[DueStep]:
    rules = policy(session)
    items: list[DueStep] = []
    names: dict[int, str] = {}

    def name(person: Person | None) -> str:
        return "" if person is None else person.full_name

    def person_name(pid: int) -> str:
        if pid not in names:
            person = session.get(Person, pid)
            names[pid] = person.full_name if person is not None else f"#{pid}"
        return names[pid]

    evaluations = session.execute(
        select(PeriodEvaluation, EvaluationPeriod)
        .join(EvaluationPeriod, EvaluationPeriod.id == PeriodEvaluation.period_id)
        .where(EvaluationPeriod.state != "locked", EvaluationPeriod.kind != "year",
               PeriodEvaluation.state.in_(("draft", "returned", "submitted")))
        .order_by(EvaluationPeriod.end_date, PeriodEvaluation.id)).all()
    for ev, period in evaluations:
        step = pending_step(ev.state)
        if step is None:
            continue
        dates = period_calendar(period.end_date, rules, self_due=period.self_due, review_due=period.review_due)
        due = dates[step]
        if ev.state == "returned" and ev.updated_at is not None:
            due = max(due, ev.updated_at.date() + dt.timedelta(days=rules.self_assessment_days))
        if step is Step.SELF_ASSESSMENT:
            responsible_id: int | None = ev.person_id
            responsible = person_name(ev.person_id)
        else:
            head = _head_of(session, ev.body_id, period.end_date)
            if head is not None and head.id == ev.person_id:
                head = None  # the head's own evaluation is reviewed one level up
            responsible_id, responsible = (head.id if head else None), name(head)
        items.append(DueStep(period_code=period.code, step=step, due=due, overdue=is_overdue(due, today),
                             days_late=days_late(due, today), person_id=ev.person_id,
                             person_name=person_name(ev.person_id), body_id=ev.body_id,
                             responsible_role=RESPONSIBLE[step], responsible_person_id=responsible_id,
                             responsible_name=responsible, evaluation_id=ev.id))

    locked_years = set(session.scalars(select(EvaluationPeriod.year).where(
        EvaluationPeriod.kind == "year", EvaluationPeriod.state == "locked")).all())
    annuals = session.scalars(select(AnnualClassification).where(
        AnnualClassification.state.notin_(("decided", "published")))
        .order_by(AnnualClassification.year, AnnualClassification.id)).all()
    self_defaulted = set(session.scalars(select(DeadlineDefault.annual_id).where(
        DeadlineDefault.step == Step.ANNUAL_SELF.value, DeadlineDefault.annual_id.is_not(None))).all())
    for ac in annuals:
        if ac.year in locked_years:
            continue
        step = annual_pending_step(ac.state, ac.self_proposed_level)
        if step is Step.ANNUAL_SELF and ac.id in self_defaulted:
            step = Step.ANNUAL_DECISION  # forwarded: the decision goes ahead without a self-rating
        if step is None:
            continue
        due = annual_calendar(ac.year, rules)[step]
        year_end = dt.date(ac.year, 12, 31)
        body_id = _body_of(session, ac.person_id, min(today, year_end))
        if step is Step.ANNUAL_SELF:
            responsible_id, responsible = ac.person_id, person_name(ac.person_id)
        else:
            head = _head_of(session, body_id, min(today, year_end))
            if head is not None and head.id == ac.person_id:
                head = None
            responsible_id, responsible = (head.id if head else None), name(head)
        items.append(DueStep(period_code=str(ac.year), step=step, due=due, overdue=is_overdue(due, today),
                             days_late=days_late(due, today), person_id=ac.person_id,
                             person_name=person_name(ac.person_id), body_id=body_id,
                             responsible_role=RESPONSIBLE[step], responsible_person_id=responsible_id,
                             responsible_name=responsible, annual_id=ac.id))
    return items


def pending_steps(db: Database, actor: Actor, *, today: dt.date | None = None,
                  within_days: int = 3) -> list[DueStep]:
    """Overdue steps and those due within `within_days`, most urgent first, that `actor` may see."""
    day = today or today_clock()
    if not allowed(actor, Action.DEADLINE_MANAGE) and scope_of(actor, Action.SELF_ASSESSMENT_VIEW) is Scope.NONE:
        require(actor, Action.DEADLINE_MANAGE)
    with db.session(actor) as session:
        items = [i for i in _collect(session, day)
                 if (i.overdue or due_soon(i.due, day, within_days=within_days)) and _visible(actor, i)]
    items.sort(key=lambda i: (not i.overdue, -i.days_late, i.due, i.person_name))
    return items


def overdue_steps(db: Database, actor: Actor, *, today: dt.date | None = None) -> list[DueStep]:
    """The reminder list shown on start-up."""
    return [i for i in pending_steps(db, actor, today=today, within_days=0) if i.overdue]


def _next_key(session: Session, step: Step, base: str) -> str:
    count = session.scalar(select(func.count()).select_from(DeadlineDefault).where(
        DeadlineDefault.step == step.value, DeadlineDefault.subject_key.like(f"{base}#%"))) or 0
    return f"{base}#{count + 1}"


def forward_overdue(db: Database, actor: Actor, *, today: dt.date | None = None) -> list[DueStep]:
    """Forward every overdue step and record the default. Returns what was forwarded.

    Period evaluations move on (draft/returned → submitted; submitted → reviewed). An annual self-rating
    nobody proposed is recorded once and the decision goes ahead without it; an overdue annual decision
    is recorded once against the head (nobody else may decide) and stays on the reminder list.
    """
    require(actor, Action.DEADLINE_MANAGE)
    day = today or today_clock()
    now = now_clock()
    forwarded: list[DueStep] = []
    with db.session(actor) as session:
        for item in _collect(session, day):
            if not item.overdue:
                continue
            if item.evaluation_id is not None:
                ev = session.get(PeriodEvaluation, item.evaluation_id)
                assert ev is not None
                target = FORWARD_TO[item.step]
                ev.state = target
                if item.step is Step.SELF_ASSESSMENT:
                    ev.submitted_at = now
                else:
                    ev.reviewed_at = now
                key = _next_key(session, item.step, f"pe:{ev.id}")
            else:
                assert item.annual_id is not None
                base = f"ac:{item.annual_id}"
                if session.scalar(select(DeadlineDefault.id).where(
                        DeadlineDefault.step == item.step.value,
                        DeadlineDefault.subject_key.like(f"{base}#%"))) is not None:
                    continue  # recorded already; nothing moves
                target = Step.ANNUAL_DECISION.value if item.step is Step.ANNUAL_SELF else "escalated"
                key = f"{base}#1"
            session.add(DeadlineDefault(
                period_code=item.period_code, step=item.step.value, subject_key=key,
                evaluation_id=item.evaluation_id, annual_id=item.annual_id, person_id=item.person_id,
                defaulter_person_id=item.responsible_person_id, defaulter_role=item.responsible_role,
                due_date=item.due, forwarded_at=now, forwarded_to=target, note=DEFAULT_NOTE))
            forwarded.append(item)
        if forwarded:
            record_event(session, "deadline_forward", "deadline_defaults", None,
                         details={"count": len(forwarded), "today": day})
    return forwarded


def defaults(db: Database, actor: Actor, *, person_id: int | None = None,
             period_code: str | None = None) -> list[DefaultRecord]:
    """Recorded defaults, for the person's file and the annual synthesis. Staff see their own."""
    scope = scope_of(actor, Action.SELF_ASSESSMENT_VIEW)
    if scope is Scope.NONE and not allowed(actor, Action.DEADLINE_MANAGE):
        require(actor, Action.SELF_ASSESSMENT_VIEW)
    with db.session(actor) as session:
        query = select(DeadlineDefault).order_by(DeadlineDefault.forwarded_at, DeadlineDefault.id)
        if person_id is not None:
            query = query.where(or_(DeadlineDefault.person_id == person_id,
                                    DeadlineDefault.defaulter_person_id == person_id))
        if period_code is not None:
            query = query.where(DeadlineDefault.period_code == period_code)
        rows = session.scalars(query).all()
        out = []
        for r in rows:
            if scope is Scope.OWN and actor.person_id not in (r.person_id, r.defaulter_person_id):
                continue
            if scope is Scope.BODY and actor.person_id not in (r.person_id, r.defaulter_person_id):
                body = _body_of(session, r.person_id, r.due_date) if r.person_id is not None else None
                if body != actor.body_id:
                    continue
            out.append(DefaultRecord(period_code=r.period_code, step=Step(r.step), person_id=r.person_id,
                                     defaulter_person_id=r.defaulter_person_id, defaulter_role=r.defaulter_role,
                                     due_date=r.due_date, forwarded_at=r.forwarded_at,
                                     forwarded_to=r.forwarded_to, note=r.note))
        return out
