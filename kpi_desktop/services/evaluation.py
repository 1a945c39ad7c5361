"""Evaluation periods and the Mẫu 01 workflow: the use cases the GUI and the CLI share.

Each function takes a `Database` and an `Actor`, runs in one transaction (`db.session(actor)`),
checks the actor's rights with `services.authz.require`, and returns frozen dataclasses — never ORM
objects. Scores come only from the scoring engine: a service builds the contract input from the
database, calls the engine, and stores input, result, rule set id and sha256 and engine version.

Workflow of a period evaluation: draft → submitted → reviewed → approved; "return" sends a submitted
or reviewed evaluation back to draft with a reason. A period is open → locked (close) → reopened
(reason required); nothing in a locked period can be changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kpi_desktop.domain import entities as ent
from kpi_desktop.domain.names import full_name_sort_key
from kpi_desktop.domain.roles import Actor
from kpi_desktop.domain.scoring import load_ruleset, ruleset_in_force, score_period, scoring_local
from kpi_desktop.errors import InputError, NotFoundError, StateError
from kpi_desktop.services.authz import Action, require, visible_person_filter
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.catalog import Product
from kpi_desktop.store.models.core import Body, Unit, UnitRule
from kpi_desktop.store.models.evaluation import (
    Assignment,
    CompletionRecord,
    CriterionScore,
    DelayEvent,
    EvaluationPeriod,
    PeriodEvaluation,
    QualityFailure,
)
from kpi_desktop.store.models.people import Person, RoleAssignment

GENERAL_LABELS_VI = {
    "a": "Phẩm chất chính trị, đạo đức, văn hoá công vụ, kỷ luật, kỷ cương",
    "b": "Năng lực chuyên môn, trách nhiệm, thái độ phục vụ, phối hợp",
    "c": "Đổi mới, sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm",
}
EDITABLE_STATES = (ent.WorkflowState.DRAFT.value, ent.WorkflowState.RETURNED.value)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


# --- DTOs ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PeriodInfo:
    id: int
    unit_code: str
    code: str
    kind: str
    year: int
    start_date: date
    end_date: date
    state: str
    ruleset_id: str | None
    reopen_reason: str | None
    locked_at: datetime | None
    locked_by: str | None
    evaluations: int = 0
    approved: int = 0

    @property
    def state_vi(self) -> str:
        return ent.PeriodState(self.state).label_vi


@dataclass(frozen=True)
class EvaluationView:
    id: int
    period_code: str
    period_state: str
    person_id: int
    person_code: str
    person_name: str
    body_id: int | None
    role: str
    state: str
    general_max: dict[str, Decimal]
    general_self: dict[str, Decimal | None]
    general_reviewer: dict[str, Decimal | None]
    self_total: Decimal | None
    self_band: str | None
    total: Decimal | None
    band: str | None
    result: dict[str, Any] | None
    inputs: dict[str, Any] | None
    ruleset_id: str | None
    ruleset_sha256: str | None
    engine_version: str | None
    leadership: dict[str, Any] | None
    strengths: str | None
    weaknesses: str | None
    reviewer_comment: str | None
    adjust_reason: str | None
    return_reason: str | None
    tasks: list[dict[str, Any]] = field(default_factory=list)

    @property
    def state_vi(self) -> str:
        return ent.WorkflowState(self.state).label_vi


# --- lookups ---------------------------------------------------------------------------------------

def home_unit(session: Session, unit_code: str | None = None) -> Unit:
    if unit_code:
        unit = session.scalar(select(Unit).where(Unit.code == unit_code))
        if unit is None:
            raise NotFoundError(f"Không có đơn vị mã «{unit_code}» trong cơ sở dữ liệu.", field="unit")
        return unit
    units = session.scalars(select(Unit).where(Unit.is_home.is_(True))).all()
    if len(units) != 1:
        raise NotFoundError("Cơ sở dữ liệu chưa có (hoặc có nhiều) đơn vị chủ quản; hãy chỉ rõ mã đơn vị.",
                            field="unit", hint="Dùng tuỳ chọn --unit MÃ_ĐƠN_VỊ.")
    return units[0]


def find_period(session: Session, code: str, unit_code: str | None = None) -> EvaluationPeriod:
    unit = home_unit(session, unit_code)
    norm = _normalise_code(code)
    period = session.scalar(select(EvaluationPeriod).where(EvaluationPeriod.unit_id == unit.id,
                                                           EvaluationPeriod.code == norm))
    if period is None:
        raise NotFoundError(f"Chưa có kỳ đánh giá «{code}» của đơn vị {unit.code}.", field="period",
                            hint="Cán bộ tổ chức mở kỳ bằng: kpi period open MÃ_KỲ.")
    return period


def _normalise_code(code: str) -> str:
    raw = code.strip().upper()
    if len(raw) == 7 and raw[4] == "-" and raw[5:].isdigit():  # 2026-03 → 2026-M03
        raw = f"{raw[:4]}-M{raw[5:]}"
    try:
        kind, year, number = ent.parse_period_code(raw)
    except ValueError:
        raise InputError(f"Mã kỳ «{code}» không hợp lệ.", field="period",
                         hint="Dùng 2026-Q1 (quý), 2026-M03 (tháng) hoặc 2026 (năm).") from None
    return ent.period_code(kind, year, number)


def period_dates(code: str) -> tuple[str, int, int | None, date, date]:
    kind, year, number = ent.parse_period_code(code)
    if kind is ent.PeriodKind.QUARTER:
        assert number is not None
        first, last = 3 * number - 2, 3 * number
    elif kind is ent.PeriodKind.MONTH:
        assert number is not None
        first = last = number
    else:
        first, last = 1, 12
    start = date(year, first, 1)
    end = date(year, 12, 31) if last == 12 else date.fromordinal(date(year, last + 1, 1).toordinal() - 1)
    return kind.value, year, number, start, end


def _person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(f"Không có người có mã số nội bộ {person_id}.", field="person")
    return person


def find_person(session: Session, code: str, unit_id: int | None = None) -> Person:
    query = select(Person).where(Person.code == code)
    if unit_id is not None:
        query = query.where(Person.unit_id == unit_id)
    people = session.scalars(query).all()
    if len(people) != 1:
        raise NotFoundError(f"Không tìm thấy (duy nhất) người có mã «{code}».", field="person")
    return people[0]


_ROLE_RANK = {"head": 2, "deputy": 1, "staff": 0}


def role_in(session: Session, person_id: int, start: date, end: date) -> tuple[str, int | None]:
    """The person's leadership role and body during [start, end]: the highest role held at any time."""
    rows = session.scalars(select(RoleAssignment).where(
        RoleAssignment.person_id == person_id, RoleAssignment.start_date <= end,
        (RoleAssignment.end_date.is_(None)) | (RoleAssignment.end_date >= start))).all()
    if not rows:
        return "staff", None
    best = max(rows, key=lambda r: (_ROLE_RANK.get(r.role, 0), r.start_date))
    return best.role, best.body_id


def review_body(session: Session, ev: PeriodEvaluation) -> int | None:
    """Whose body reviews this evaluation: a head's evaluation goes one level up (the parent body)."""
    if ev.role == "head" and ev.body_id is not None:
        body = session.get(Body, ev.body_id)
        if body is not None and body.parent_id is not None:
            return body.parent_id
    return ev.body_id


def unit_rule(session: Session, unit_id: int, on: date) -> UnitRule | None:
    rules = session.scalars(select(UnitRule).where(
        UnitRule.unit_id == unit_id, UnitRule.effective_from <= on,
        (UnitRule.effective_to.is_(None)) | (UnitRule.effective_to >= on))
        .order_by(UnitRule.effective_from.desc())).all()
    return rules[0] if rules else None


def ruleset_for_person(session: Session, person: Person, unit_id: int, on: date | int,
                       period: EvaluationPeriod | None = None, kind: str = "period") -> tuple[str, Any]:
    """(rule set id, local quy chế params or None) for a person at a date or year end."""
    when = on if isinstance(on, date) else date(on, 12, 31)
    rule = unit_rule(session, unit_id, when)
    if person.category not in ("cong_chuc", "vien_chuc", "can_bo"):
        raise InputError(f"{person.full_name} ({person.code}) là {ent.PersonCategory(person.category).label_vi}: "
                         "không thuộc diện đánh giá theo các bộ quy tắc của phần mềm.", field="person.category")
    if period is not None and period.ruleset_id and person.category in load_ruleset(period.ruleset_id).categories:
        rid = period.ruleset_id
    elif rule is not None and person.category in load_ruleset(rule.ruleset_id).categories:
        rid = rule.ruleset_id
    else:
        rid = ruleset_in_force(person.category, when, kind=kind).id
    local = None
    if rule is not None and rule.ruleset_id == rid:
        local = scoring_local(rule.params)
        if local is not None:
            local.setdefault("name", rule.name)
    return rid, local


# --- periods ---------------------------------------------------------------------------------------

def _period_info(session: Session, p: EvaluationPeriod) -> PeriodInfo:
    unit = session.get(Unit, p.unit_id)
    counts = dict(session.execute(select(PeriodEvaluation.state, func.count()).where(
        PeriodEvaluation.period_id == p.id).group_by(PeriodEvaluation.state)).all())
    return PeriodInfo(p.id, unit.code if unit else "", p.code, p.kind, p.year, p.start_date, p.end_date,
                      p.state, p.ruleset_id, p.reopen_reason, p.locked_at, p.locked_by,
                      evaluations=sum(counts.values()), approved=counts.get("approved", 0))


def open_period(db: Database, actor: Actor, code: str, *, unit_code: str | None = None,
                ruleset_id: str | None = None, self_due: date | None = None,
                review_due: date | None = None) -> PeriodInfo:
    """Create an evaluation period (month, quarter or year) in the open state."""
    with db.session(actor) as s:
        require(actor, Action.PERIOD_MANAGE)
        unit = home_unit(s, unit_code)
        norm = _normalise_code(code)
        if ruleset_id is not None:
            load_ruleset(ruleset_id, field="ruleset")
        exists = s.scalar(select(EvaluationPeriod).where(EvaluationPeriod.unit_id == unit.id,
                                                         EvaluationPeriod.code == norm))
        if exists is not None:
            raise StateError(f"Kỳ «{norm}» của đơn vị {unit.code} đã có (trạng thái: "
                             f"{ent.PeriodState(exists.state).label_vi}).", field="period")
        kind, year, number, start, end = period_dates(norm)
        p = EvaluationPeriod(unit_id=unit.id, code=norm, kind=kind, year=year, number=number,
                             start_date=start, end_date=end, state="open", ruleset_id=ruleset_id,
                             self_due=self_due, review_due=review_due)
        s.add(p)
        s.flush()
        return _period_info(s, p)


def close_period(db: Database, actor: Actor, code: str, *, unit_code: str | None = None) -> PeriodInfo:
    """Lock a period: from now on it is read-only for everyone."""
    with db.session(actor) as s:
        require(actor, Action.PERIOD_MANAGE)
        p = find_period(s, code, unit_code)
        if p.state == "locked":
            raise StateError(f"Kỳ «{p.code}» đã khoá từ trước.", field="period")
        p.state = "locked"
        p.locked_at = _now()
        p.locked_by = actor.username
        s.flush()
        return _period_info(s, p)


def reopen_period(db: Database, actor: Actor, code: str, reason: str, *,
                  unit_code: str | None = None) -> PeriodInfo:
    """Reopen a locked period; the reason is required and kept."""
    if not reason or not reason.strip():
        raise InputError("Phải ghi rõ lý do mở lại kỳ đánh giá.", field="reason")
    with db.session(actor) as s:
        require(actor, Action.PERIOD_REOPEN)
        p = find_period(s, code, unit_code)
        if p.state != "locked":
            raise StateError(f"Kỳ «{p.code}» đang mở, không cần mở lại.", field="period")
        p.state = "reopened"
        p.reopen_reason = reason.strip()
        s.flush()
        return _period_info(s, p)


def list_periods(db: Database, actor: Actor, *, year: int | None = None,
                 unit_code: str | None = None) -> list[PeriodInfo]:
    with db.session(actor) as s:
        require(actor, Action.PERIOD_VIEW)
        unit = home_unit(s, unit_code)
        q = select(EvaluationPeriod).where(EvaluationPeriod.unit_id == unit.id)
        if year is not None:
            q = q.where(EvaluationPeriod.year == year)
        return [_period_info(s, p) for p in s.scalars(q.order_by(EvaluationPeriod.start_date,
                                                                 EvaluationPeriod.code))]


# --- building the contract input -------------------------------------------------------------------

def task_lines(session: Session, period_id: int, person_id: int) -> list[dict[str, Any]]:
    """The contract's task lines of a person's period, read from assignments and their records."""
    # Sums are made in Python: Dec columns are text on SQLite, and SQL arithmetic would go through floats.
    rows = session.execute(
        select(Assignment.id, Product.code, Assignment.k, Assignment.quantity)
        .join(Product, Product.id == Assignment.product_id)
        .where(Assignment.period_id == period_id, Assignment.person_id == person_id)
        .order_by(Assignment.id)).all()
    if not rows:
        return []
    ids = [r[0] for r in rows]
    done: dict[int, Decimal] = {}
    for aid, qty in session.execute(select(CompletionRecord.assignment_id, CompletionRecord.quantity)
                                    .where(CompletionRecord.assignment_id.in_(ids))):
        done[aid] = done.get(aid, Decimal(0)) + qty
    fails: dict[int, list[int]] = {}
    for aid, count, exempt in session.execute(select(QualityFailure.assignment_id, QualityFailure.count,
                                                     QualityFailure.exempt)
                                              .where(QualityFailure.assignment_id.in_(ids))):
        entry = fails.setdefault(aid, [0, 0])
        entry[0] += count
        entry[1] += count if exempt else 0
    delays: dict[int, list[int]] = {}
    for aid, count, exempt in session.execute(select(DelayEvent.assignment_id, DelayEvent.count,
                                                     DelayEvent.exempt)
                                              .where(DelayEvent.assignment_id.in_(ids))):
        entry = delays.setdefault(aid, [0, 0])
        entry[0] += count
        entry[1] += count if exempt else 0
    return [_line(aid, code, k, qty, done, fails, delays) for aid, code, k, qty in rows]


def _num(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")


def _line(aid: int, code: str, k: Decimal, qty: Decimal, done: Mapping[int, Decimal],
          fails: Mapping[int, list[int]], delays: Mapping[int, list[int]]) -> dict[str, Any]:
    f = fails.get(aid, [0, 0])
    d = delays.get(aid, [0, 0])
    return {"product": code, "k": _num(k), "assigned": _num(qty), "completed": _num(done.get(aid, Decimal(0))),
            "quality_failures": f[0], "quality_failures_exempt": f[1], "delays": d[0], "delays_exempt": d[1]}


def build_period_input(session: Session, period: EvaluationPeriod, person: Person, ev: PeriodEvaluation | None,
                       *, use: str = "best") -> dict[str, Any]:
    """The scoring-contract input of a person's period. `use`: "self" (self points), "reviewer", or
    "best" (reviewer points where given, else self points)."""
    rid, local = ruleset_for_person(session, person, period.unit_id, period.end_date, period)
    role, _ = role_in(session, person.id, period.start_date, period.end_date)
    if ev is not None:
        role = ev.role
    general: dict[str, str] = {}
    if ev is not None:
        for c in ev.criteria:
            value = c.self_points if use == "self" else (
                c.reviewer_points if use == "reviewer" else
                (c.reviewer_points if c.reviewer_points is not None else c.self_points))
            if value is None and use == "reviewer":
                value = c.self_points
            if value is not None:
                general[c.code] = _num(value)
    doc: dict[str, Any] = {
        "ruleset": rid,
        "person": {"code": person.code, "role": role, "category": person.category},
        "period": period.code,
        "general": general,
        "tasks": task_lines(session, period.id, person.id),
        "leadership": (ev.leadership if ev is not None and role in ("head", "deputy") else None),
    }
    if local is not None:
        doc["local"] = local
    return doc


def _general_parts(rid: str, local: Mapping[str, Any] | None) -> dict[str, Decimal]:
    parts = dict(load_ruleset(rid).params["general_parts"])
    if local and local.get("general_parts"):
        parts = dict(local["general_parts"])
    return {k: Decimal(str(v)) for k, v in parts.items()}


def _store_result(ev: PeriodEvaluation, doc: dict[str, Any], result: dict[str, Any]) -> None:
    ev.inputs = doc
    ev.result = result
    ev.ruleset_id = result["ruleset"]
    ev.ruleset_sha256 = result["ruleset_sha256"]
    ev.engine_version = result["engine_version"]
    ev.total = Decimal(result["total"])
    ev.band = result["level"]
    ev.scored_at = _now()


def _view(session: Session, ev: PeriodEvaluation, period: EvaluationPeriod) -> EvaluationView:
    person = _person(session, ev.person_id)
    maxima = {c.code: c.max_points for c in ev.criteria}
    tasks = (ev.inputs or {}).get("tasks") or task_lines(session, period.id, person.id)
    return EvaluationView(
        id=ev.id, period_code=period.code, period_state=period.state, person_id=person.id,
        person_code=person.code, person_name=person.full_name, body_id=ev.body_id, role=ev.role,
        state=ev.state, general_max=maxima,
        general_self={c.code: c.self_points for c in ev.criteria},
        general_reviewer={c.code: c.reviewer_points for c in ev.criteria},
        self_total=ev.self_total, self_band=ev.self_band, total=ev.total, band=ev.band,
        result=ev.result, inputs=ev.inputs, ruleset_id=ev.ruleset_id, ruleset_sha256=ev.ruleset_sha256,
        engine_version=ev.engine_version, leadership=ev.leadership, strengths=ev.strengths,
        weaknesses=ev.weaknesses, reviewer_comment=ev.reviewer_comment, adjust_reason=ev.adjust_reason,
        return_reason=ev.return_reason, tasks=list(tasks))


def _evaluation(session: Session, period: EvaluationPeriod, person_id: int) -> PeriodEvaluation | None:
    return session.scalar(select(PeriodEvaluation).where(PeriodEvaluation.period_id == period.id,
                                                         PeriodEvaluation.person_id == person_id))


def _existing_evaluation(session: Session, period: EvaluationPeriod, person_id: int) -> PeriodEvaluation:
    ev = _evaluation(session, period, person_id)
    if ev is None:
        raise NotFoundError("Người này chưa có phiếu trong kỳ.", field="person")
    return ev


def _locked(period: EvaluationPeriod) -> bool:
    return period.state == "locked"


def _points(values: Mapping[str, Any], parts: Mapping[str, Decimal], what: str) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for key, value in values.items():
        if key not in parts:
            raise InputError(f"Tiêu chí «{key}» không có trong phiếu (các tiêu chí: {', '.join(parts)}).",
                             field=f"{what}.{key}")
        try:
            number = Decimal(str(value).replace(",", "."))
        except InvalidOperation:
            raise InputError(f"Điểm tiêu chí {key} phải là một số, nhận được «{value}».",
                             field=f"{what}.{key}") from None
        if not number.is_finite() or number < 0 or number > parts[key]:
            raise InputError(f"Điểm tiêu chí {key} phải trong khoảng 0–{parts[key]}, nhận được {value}.",
                             field=f"{what}.{key}")
        out[key] = number
    return out


# --- Mẫu 01 workflow -------------------------------------------------------------------------------

def save_self_assessment(db: Database, actor: Actor, period_code: str, person_id: int, *,
                         general: Mapping[str, Any], leadership: Mapping[str, bool] | None = None,
                         strengths: str | None = None, weaknesses: str | None = None,
                         submit: bool = False, unit_code: str | None = None) -> EvaluationView:
    """A person fills in their own Mẫu 01 (general points, strengths, weaknesses; leaders: d, đ, e
    facts) and optionally submits it. The score is computed and stored on every save."""
    with db.session(actor) as s:
        period = find_period(s, period_code, unit_code)
        person = _person(s, person_id)
        role, body_id = role_in(s, person.id, period.start_date, period.end_date)
        require(actor, Action.SELF_ASSESSMENT_EDIT, person_id=person.id, body_id=body_id,
                period_locked=_locked(period))
        ev = _evaluation(s, period, person.id)
        if ev is not None and ev.state not in EDITABLE_STATES:
            raise StateError(f"Phiếu đang ở trạng thái «{ent.WorkflowState(ev.state).label_vi}», không sửa "
                             "được nữa.", hint="Người đánh giá có thể trả lại phiếu để sửa.")
        rid, local = ruleset_for_person(s, person, period.unit_id, period.end_date, period)
        parts = _general_parts(rid, local)
        points = _points(general, parts, "general")
        missing = [k for k in parts if k not in points]
        if missing:
            raise InputError(f"Thiếu điểm tự chấm của tiêu chí {', '.join(missing)}.",
                             field=f"general.{missing[0]}")
        if ev is None:
            ev = PeriodEvaluation(period_id=period.id, person_id=person.id, body_id=body_id, role=role,
                                  state="draft")
            s.add(ev)
            for seq, (code, maximum) in enumerate(parts.items(), 1):
                ev.criteria.append(CriterionScore(seq=seq, code=code, label=GENERAL_LABELS_VI.get(code, code),
                                                  max_points=maximum))
        for c in ev.criteria:
            c.self_points = points[c.code]
        if leadership is not None:
            ev.leadership = dict(leadership)
        if strengths is not None:
            ev.strengths = strengths
        if weaknesses is not None:
            ev.weaknesses = weaknesses
        s.flush()
        doc = build_period_input(s, period, person, ev, use="self")
        result = score_period(doc)
        ev.self_total = Decimal(result["total"])
        ev.self_band = result["level"]
        _store_result(ev, doc, result)
        if submit:
            ev.state = "submitted"
            ev.submitted_at = _now()
        s.flush()
        return _view(s, ev, period)


def submit_self_assessment(db: Database, actor: Actor, period_code: str, person_id: int, *,
                           unit_code: str | None = None) -> EvaluationView:
    with db.session(actor) as s:
        period = find_period(s, period_code, unit_code)
        ev = _evaluation(s, period, person_id)
        if ev is None:
            raise NotFoundError("Chưa có phiếu tự đánh giá để nộp.", field="person",
                                hint="Hãy nhập điểm tự chấm trước.")
        require(actor, Action.SELF_ASSESSMENT_EDIT, person_id=person_id, body_id=ev.body_id,
                period_locked=_locked(period))
        if ev.state not in EDITABLE_STATES:
            raise StateError(f"Phiếu đang ở trạng thái «{ent.WorkflowState(ev.state).label_vi}», không nộp lại "
                             "được.")
        ev.state = "submitted"
        ev.submitted_at = _now()
        s.flush()
        return _view(s, ev, period)


def review_evaluation(db: Database, actor: Actor, period_code: str, person_id: int, *,
                      adjustments: Mapping[str, Any] | None = None, reason: str | None = None,
                      comment: str | None = None, leadership: Mapping[str, bool] | None = None,
                      unit_code: str | None = None) -> EvaluationView:
    """The head confirms (no adjustments) or adjusts the general points (a reason is required when any
    point differs from the self-assessment), and confirms leaders' d, đ, e facts. Recomputes and stores."""
    with db.session(actor) as s:
        period = find_period(s, period_code, unit_code)
        ev = _evaluation(s, period, person_id)
        if ev is None:
            raise NotFoundError("Người này chưa có phiếu tự đánh giá trong kỳ.", field="person")
        require(actor, Action.REVIEW_EDIT, person_id=person_id, body_id=review_body(s, ev),
                period_locked=_locked(period))
        if ev.state not in ("submitted", "reviewed"):
            raise StateError(f"Chỉ nhận xét được phiếu đã nộp; phiếu đang «{ent.WorkflowState(ev.state).label_vi}».")
        parts = {c.code: c.max_points for c in ev.criteria}
        points = _points(adjustments or {}, parts, "adjustments")
        changed = [c.code for c in ev.criteria if c.code in points and points[c.code] != c.self_points]
        if changed and not (reason and reason.strip()):
            raise InputError(f"Điều chỉnh điểm tiêu chí {', '.join(changed)} phải ghi rõ lý do.", field="reason")
        for c in ev.criteria:
            c.reviewer_points = points.get(c.code, c.self_points)
        if leadership is not None:
            ev.leadership = dict(leadership)
        ev.adjust_reason = reason.strip() if changed and reason else None
        if comment is not None:
            ev.reviewer_comment = comment
        ev.reviewer_person_id = actor.person_id
        person = _person(s, person_id)
        s.flush()
        doc = build_period_input(s, period, person, ev, use="reviewer")
        _store_result(ev, doc, score_period(doc))
        ev.state = "reviewed"
        ev.reviewed_at = _now()
        s.flush()
        return _view(s, ev, period)


def return_evaluation(db: Database, actor: Actor, period_code: str, person_id: int, reason: str, *,
                      unit_code: str | None = None) -> EvaluationView:
    if not reason or not reason.strip():
        raise InputError("Trả lại phiếu phải ghi rõ lý do.", field="reason")
    with db.session(actor) as s:
        period = find_period(s, period_code, unit_code)
        ev = _existing_evaluation(s, period, person_id)
        require(actor, Action.REVIEW_EDIT, person_id=person_id, body_id=review_body(s, ev),
                period_locked=_locked(period))
        if ev.state not in ("submitted", "reviewed"):
            raise StateError(f"Chỉ trả lại được phiếu đã nộp hoặc đã nhận xét; phiếu đang "
                             f"«{ent.WorkflowState(ev.state).label_vi}».")
        ev.state = "draft"
        ev.return_reason = reason.strip()
        s.flush()
        return _view(s, ev, period)


def approve_evaluation(db: Database, actor: Actor, period_code: str, person_id: int, *,
                       unit_code: str | None = None) -> EvaluationView:
    with db.session(actor) as s:
        period = find_period(s, period_code, unit_code)
        ev = _existing_evaluation(s, period, person_id)
        require(actor, Action.REVIEW_EDIT, person_id=person_id, body_id=review_body(s, ev),
                period_locked=_locked(period))
        if ev.state != "reviewed":
            raise StateError(f"Chỉ duyệt được phiếu đã nhận xét; phiếu đang «{ent.WorkflowState(ev.state).label_vi}».",
                             hint="Người đánh giá xác nhận hoặc điều chỉnh điểm trước khi duyệt.")
        ev.state = "approved"
        ev.approved_at = _now()
        ev.approver_person_id = actor.person_id
        s.flush()
        return _view(s, ev, period)


def get_evaluation(db: Database, actor: Actor, period_code: str, person_id: int, *,
                   unit_code: str | None = None) -> EvaluationView:
    with db.session(actor) as s:
        period = find_period(s, period_code, unit_code)
        ev = _existing_evaluation(s, period, person_id)
        require(actor, Action.SELF_ASSESSMENT_VIEW, person_id=person_id, body_id=ev.body_id)
        return _view(s, ev, period)


def list_evaluations(db: Database, actor: Actor, period_code: str, *,
                     unit_code: str | None = None) -> list[EvaluationView]:
    with db.session(actor) as s:
        period = find_period(s, period_code, unit_code)
        narrow = visible_person_filter(actor, Action.SELF_ASSESSMENT_VIEW)
        q = select(PeriodEvaluation).where(PeriodEvaluation.period_id == period.id)
        if narrow and "person_id" in narrow:
            q = q.where(PeriodEvaluation.person_id == narrow["person_id"])
        elif narrow and "body_id" in narrow:
            q = q.where((PeriodEvaluation.body_id == narrow["body_id"])
                        | (PeriodEvaluation.person_id == (actor.person_id or -1)))
        rows = s.scalars(q).all()
        views = [_view(s, ev, period) for ev in rows]
        # Lists follow the Vietnamese name order the clerk knows (given name, then middle, then family).
        return sorted(views, key=lambda v: (full_name_sort_key(v.person_name), v.person_code))


def preview_period_score(db: Database, actor: Actor, period_code: str, person_id: int,
                         general: Mapping[str, Any], *, leadership: Mapping[str, bool] | None = None,
                         unit_code: str | None = None) -> dict[str, Any]:
    """The score a Mẫu 01 would get with these points, without saving anything (for live forms)."""
    with db.session(actor) as s:
        period = find_period(s, period_code, unit_code)
        person = _person(s, person_id)
        role, body_id = role_in(s, person.id, period.start_date, period.end_date)
        require(actor, Action.SELF_ASSESSMENT_VIEW, person_id=person.id, body_id=body_id)
        doc = build_period_input(s, period, person, None)
        doc["general"] = {k: str(v) for k, v in general.items()}
        doc["person"]["role"] = role
        doc["leadership"] = dict(leadership) if leadership is not None and role != "staff" else None
        return score_period(doc)
