"""Annual rating of a unit-year (Mẫu 02): inputs built from the stored period scores, leaves,
discipline and transfers; the engine's annual classification per person; the HTXS quota per group;
consequence flags; then the competent level's decision.

The engine proposes; people decide. `rate_unit_year` stores a *proposed* classification for everyone
(never touching a decided one); `record_decision` stores the final levels and insists on an explicit
decision, with a reason, for every person over the quota.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kpi_desktop.domain import entities as ent
from kpi_desktop.domain.roles import Actor
from kpi_desktop.domain.scoring import (
    consequence_flags,
    load_ruleset,
    score_annual,
    score_quota,
    score_scorecard,
    scoring_local,
)
from kpi_desktop.errors import InputError, KpiError, PermissionDenied, StateError
from kpi_desktop.services.authz import Action, allowed, require
from kpi_desktop.services.evaluation import home_unit, role_in, ruleset_for_person, unit_rule
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.core import Body, CorruptionCase, OrgRating, QuotaGroup, Unit
from kpi_desktop.store.models.evaluation import (
    AnnualClassification,
    EvaluationPeriod,
    PeriodEvaluation,
    ResponsibilityContract,
)
from kpi_desktop.store.models.people import (
    DisciplineRecord,
    EmploymentSpan,
    Leave,
    Person,
    RoleAssignment,
    Transfer,
)

UNGROUPED = "(chưa phân nhóm)"
DECIDED_STATES = ("decided", "published")
DAYS_PER_MONTH = Decimal("30.4375")  # 365.25 / 12


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class AnnualRow:
    person_id: int
    person_code: str
    person_name: str
    sort_key: str
    role: str
    group: str
    ruleset_id: str | None
    mean: Decimal | None
    band: str | None
    level: str | None
    reasons: list[str]
    notes: list[str]
    over_quota: bool
    flags: list[dict[str, Any]]
    state: str
    final_level: str | None
    problem: str | None = None


@dataclass(frozen=True)
class AnnualRating:
    unit_code: str
    year: int
    rows: list[AnnualRow]
    quota: list[dict[str, Any]] = field(default_factory=list)  # one engine quota result per rule set
    over_quota: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


# --- inputs ----------------------------------------------------------------------------------------

def _overlap_days(start: date, end: date | None, year: int) -> int:
    lo = max(start, date(year, 1, 1))
    hi = min(end or date(year, 12, 31), date(year, 12, 31))
    return max((hi - lo).days + 1, 0)


def _num(value: Decimal) -> str:
    return format(value, "f")


def build_annual_input(session: Session, unit: Unit, person: Person, year: int,
                       extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The scoring-contract input of a person's year, from what the database holds."""
    rid, local = ruleset_for_person(session, person, unit.id, year, kind="annual")
    rs = load_ruleset(rid)
    role, body_id = role_in(session, person.id, date(year, 1, 1), date(year, 12, 31))
    periods: list[dict[str, Any]] = []
    task_docs: list[dict[str, Any]] = []
    rows = session.execute(
        select(EvaluationPeriod.code, PeriodEvaluation.total, PeriodEvaluation.inputs)
        .join(EvaluationPeriod, EvaluationPeriod.id == PeriodEvaluation.period_id)
        .where(PeriodEvaluation.person_id == person.id, EvaluationPeriod.year == year,
               EvaluationPeriod.kind != "year", PeriodEvaluation.state == "approved")
        .order_by(EvaluationPeriod.start_date)).all()
    for code, total, inputs in rows:
        if total is not None:
            periods.append({"period": code, "total": _num(total), "unit": unit.code})
            task_docs.extend((inputs or {}).get("tasks") or [])
    for tr in session.scalars(select(Transfer).where(Transfer.person_id == person.id)):
        for carried in tr.carried_scores or []:
            code = str(carried.get("period", ""))
            if code.startswith(f"{year}-") and carried.get("total") is not None:
                periods.append({"period": code, "total": str(carried["total"]),
                                "unit": tr.from_unit_code or "đơn vị cũ"})
    spans = session.scalars(select(EmploymentSpan).where(EmploymentSpan.person_id == person.id)).all()
    leaves = session.scalars(select(Leave).where(Leave.person_id == person.id)).all()
    maternity = any(lv.kind == "maternity" and _overlap_days(lv.start_date, lv.end_date, year) > 0 for lv in leaves)
    leave_days = sum(_overlap_days(lv.start_date, lv.end_date, year) for lv in leaves)
    absence_days = sum(_overlap_days(lv.start_date, lv.end_date, year) for lv in leaves if lv.kind != "maternity")
    if spans:
        employed = sum(_overlap_days(sp.start_date, sp.end_date, year) for sp in spans)
        months = max(Decimal(employed - leave_days), Decimal(0)) / DAYS_PER_MONTH
    else:
        # No employment history recorded: the months covered by the periods actually scored.
        months = Decimal(sum(3 if "-Q" in p["period"] else 1 for p in periods))
    months = min(months, Decimal(12)).quantize(Decimal("0.01"))
    vetoes: list[dict[str, Any]] = []
    for rec in session.scalars(select(DisciplineRecord).where(DisciplineRecord.person_id == person.id)):
        when = rec.effective_date or rec.decided_on
        if when.year != year:
            continue
        if rec.kind == "degeneration":
            vetoes.append({"kind": "degeneration", "date": when.isoformat()})
            continue
        form = rec.form or ("party" if rec.track == "party" else None)
        if form is None:
            raise InputError(f"Kỷ luật ngày {when:%d/%m/%Y} của {person.full_name} chưa ghi hình thức.",
                             field="discipline.form")
        if form == "party" and not rs.params.get("party_discipline_form"):
            form = "khien_trach"  # a Party discipline's lightest form is a reprimand
        veto: dict[str, Any] = {"kind": "discipline", "form": form, "date": when.isoformat(),
                                "source": rec.track}
        if rec.violation_id:
            veto["violation_id"] = rec.violation_id
        if rec.rating_year_applied is not None:
            veto["already_counted_year"] = rec.rating_year_applied
        vetoes.append(veto)
    if role in ("head", "deputy") and body_id is not None:
        for case in session.scalars(select(CorruptionCase).where(CorruptionCase.unit_id == unit.id,
                                                                 CorruptionCase.year == year,
                                                                 CorruptionCase.body_id == body_id)):
            veto = {"kind": "unit_corruption", "mitigated": bool(case.self_detected),
                    "note": case.description[:200]}
            if case.handled_on or case.discovered_on:
                veto["date"] = (case.handled_on or case.discovered_on).isoformat()  # type: ignore[union-attr]
            vetoes.append(veto)
    doc: dict[str, Any] = {
        "ruleset": rid,
        "person": {"code": person.code, "role": role, "category": person.category},
        "year": year,
        "periods": periods,
        "months_worked": _num(months),
        "maternity_leave": maternity,
        "vetoes": vetoes,
    }
    if rs.params.get("legacy_absence_cap") is not None:
        doc["absence_months"] = _num(min(Decimal(absence_days) / DAYS_PER_MONTH, Decimal(12))
                                     .quantize(Decimal("0.01")))
    if role == "head":
        rating = None
        if body_id is not None:
            rating = session.scalar(select(OrgRating).where(OrgRating.unit_id == unit.id,
                                                            OrgRating.body_id == body_id, OrgRating.year == year))
        if rating is None:
            rating = session.scalar(select(OrgRating).where(OrgRating.unit_id == unit.id,
                                                            OrgRating.body_id.is_(None), OrgRating.year == year))
        if rating is not None and rating.level in ("HTXS", "HTT", "HT", "KHT"):
            doc["unit_level"] = rating.level
    if rs.params.get("conditions"):
        _add_task_counts(doc, task_docs)
    if local is not None:
        doc["local"] = local
    if extra:
        doc.update(extra)
    return doc


def _add_task_counts(doc: dict[str, Any], lines: list[dict[str, Any]]) -> None:
    """QĐ 366 conditions: count the year's task lines done, on time with quality, and exceeded."""
    if not lines:
        return
    def d(x: Any) -> Decimal:
        return Decimal(str(x))
    done = on_time = exceeded = 0
    for ln in lines:
        assigned, completed = d(ln["assigned"]), d(ln["completed"])
        net_q = int(ln.get("quality_failures", 0)) - int(ln.get("quality_failures_exempt", 0))
        net_d = int(ln.get("delays", 0)) - int(ln.get("delays_exempt", 0))
        if completed >= assigned:
            done += 1
            if net_q == 0 and net_d == 0:
                on_time += 1
        if completed > assigned or (ln.get("exceeded") and completed >= assigned):
            exceeded += 1
    doc.update({"tasks_total": len(lines), "tasks_completed": done, "tasks_on_time_with_quality": on_time,
                "tasks_exceeded": exceeded})


def _history(session: Session, person: Person, year: int, level: str | None) -> list[dict[str, Any]]:
    history: dict[int, dict[str, Any]] = {}
    for ac in session.scalars(select(AnnualClassification).where(AnnualClassification.person_id == person.id,
                                                                 AnnualClassification.year != year)):
        lvl = ac.final_level or ac.level
        if lvl:
            history[ac.year] = {"year": ac.year, "level": lvl}
    if level:
        history[year] = {"year": year, "level": level}
    for contract in session.scalars(select(ResponsibilityContract).where(
            ResponsibilityContract.person_id == person.id)):
        pct = _contract_percent(person, contract)
        if pct is not None:
            history.setdefault(contract.year, {"year": contract.year, "level": "NOT_RATED"})
            history[contract.year]["contract_targets_met_percent"] = pct
    return [history[y] for y in sorted(history)]


def _contract_percent(person: Person, contract: ResponsibilityContract) -> str | None:
    targets = [t for t in contract.targets if t.actual is not None]
    if not targets or len(targets) != len(contract.targets):
        return None
    doc = {"person": {"code": person.code, "role": "head"}, "year": contract.year,
           "targets": [{"code": f"T{t.seq}", "name": t.name, "pillar": t.pillar or "dieu_hanh",
                        "baseline": str(t.baseline if t.baseline is not None else 0), "target": str(t.target),
                        "actual": str(t.actual), "direction": t.direction, "weight": str(t.weight)}
                       for t in targets],
           "pillar_weights": {p: 1 for p in {t.pillar or "dieu_hanh" for t in targets}},
           "vetoes": [{"kind": "veto", "note": v.description} for v in contract.veto_items if v.triggered]}
    try:
        return str(score_scorecard(doc)["targets_met_percent"])
    except KpiError:
        return None


def _flags(session: Session, person: Person, year: int, role: str, level: str | None) -> list[dict[str, Any]]:
    doc: dict[str, Any] = {"person": {"code": person.code, "role": role},
                           "history": _history(session, person, year, level)}
    disc = [{"form": r.form, "date": (r.effective_date or r.decided_on).isoformat()}
            for r in session.scalars(select(DisciplineRecord).where(DisciplineRecord.person_id == person.id,
                                                                    DisciplineRecord.kind == "discipline"))
            if r.form]
    if disc:
        doc["disciplines"] = disc
    if role in ("head", "deputy"):
        current = session.scalars(select(RoleAssignment).where(
            RoleAssignment.person_id == person.id, RoleAssignment.role == role)
            .order_by(RoleAssignment.start_date.desc())).first()
        if current is not None:
            doc["term"] = {"from": current.start_date.isoformat(),
                           "to": current.end_date.isoformat() if current.end_date else None}
    return list(consequence_flags(doc)["flags"])


# --- use cases -------------------------------------------------------------------------------------

def _row(person: Person, ac: AnnualClassification, flags: list[dict[str, Any]],
         problem: str | None = None) -> AnnualRow:
    result = ac.result or {}
    return AnnualRow(person.id, person.code, person.full_name, person.sort_key, ac.role,
                     ac.quota_group_code or UNGROUPED, ac.ruleset_id, ac.total, ac.band, ac.level,
                     list(result.get("reasons") or []), list(result.get("notes") or []), ac.over_quota, flags,
                     ac.state, ac.final_level, problem)


def rate_unit_year(db: Database, actor: Actor, year: int, *, unit_code: str | None = None,
                   extra_inputs: Mapping[str, Mapping[str, Any]] | None = None) -> AnnualRating:
    """Propose the annual classification of everyone in the unit, with the quota per group and the
    consequence flags. Decided classifications are kept as they are. `extra_inputs` adds contract
    fields per person code (e.g. the legacy table's criteria_1_4 for a year rated under ND 90/48)."""
    with db.session(actor) as s:
        require(actor, Action.ANNUAL_PROPOSE)
        unit = home_unit(s, unit_code)
        people = s.scalars(select(Person).where(Person.unit_id == unit.id,
                                                Person.category.in_(("cong_chuc", "vien_chuc", "can_bo")))
                           .order_by(Person.sort_key)).all()
        groups = {g.id: g.code for g in s.scalars(select(QuotaGroup).where(QuotaGroup.unit_id == unit.id))}
        existing = {ac.person_id: ac for ac in s.scalars(select(AnnualClassification).where(
            AnnualClassification.unit_id == unit.id, AnnualClassification.year == year))}
        problems: list[str] = []
        rated: list[tuple[Person, AnnualClassification]] = []
        for person in people:
            ac = existing.get(person.id)
            if ac is not None and ac.state in DECIDED_STATES:
                rated.append((person, ac))
                continue
            try:
                doc = build_annual_input(s, unit, person, year, (extra_inputs or {}).get(person.code))
                result = score_annual(doc)
            except KpiError as exc:
                if not person.active:
                    continue
                problems.append(f"{person.full_name} ({person.code}): {exc.user_text()}")
                continue
            if ac is None:
                ac = AnnualClassification(person_id=person.id, unit_id=unit.id, year=year)
                s.add(ac)
            ac.role = doc["person"]["role"]
            ac.quota_group_code = groups.get(person.quota_group_id or -1) or UNGROUPED
            ac.months_worked = int(Decimal(doc["months_worked"]).to_integral_value())
            ac.maternity_leave = bool(doc.get("maternity_leave"))
            ac.level = result["level"]
            ac.vetoes_applied = list(doc.get("vetoes") or [])
            ac.inputs = doc
            ac.result = result
            ac.ruleset_id = result["ruleset"]
            ac.ruleset_sha256 = result["ruleset_sha256"]
            ac.engine_version = result["engine_version"]
            ac.total = Decimal(result["mean"]) if result.get("mean") is not None else None
            ac.band = result["band"]
            ac.scored_at = _now()
            ac.state = "proposed"
            ac.over_quota = False
            rated.append((person, ac))
        s.flush()
        quota_results, over = _quota(s, unit, year, rated)
        over_set = set(over)
        rows = []
        for person, ac in rated:
            if ac.state not in DECIDED_STATES:
                ac.over_quota = person.code in over_set
            rows.append(_row(person, ac, _flags(s, person, year, ac.role, ac.final_level or ac.level)))
        s.flush()
        return AnnualRating(unit.code, year, rows, quota_results, over, problems)


def _quota(session: Session, unit: Unit, year: int,
           rated: list[tuple[Person, AnnualClassification]]) -> tuple[list[dict[str, Any]], list[str]]:
    org = session.scalar(select(OrgRating).where(OrgRating.unit_id == unit.id, OrgRating.body_id.is_(None),
                                                 OrgRating.year == year))
    by_ruleset: dict[str, list[dict[str, Any]]] = {}
    for person, ac in rated:
        if ac.ruleset_id is None or ac.level is None:
            continue
        level = ac.final_level if ac.state in DECIDED_STATES and ac.final_level else ac.level
        by_ruleset.setdefault(ac.ruleset_id, []).append(
            {"code": person.code, "group": ac.quota_group_code or UNGROUPED, "level": level,
             "mean": str(ac.total) if ac.total is not None else None})
    results = []
    over: list[str] = []
    for rid, people in sorted(by_ruleset.items()):
        doc: dict[str, Any] = {"ruleset": rid, "agency_excellent": bool(org and org.agency_excellent),
                               "people": people}
        rule = unit_rule(session, unit.id, date(year, 12, 31))
        local = scoring_local(rule.params) if rule is not None and rule.ruleset_id == rid else None
        if local is not None:
            doc["local"] = local
        result = score_quota(doc)
        results.append(result)
        over.extend(result["over_quota"])
    return results, over


def list_annual(db: Database, actor: Actor, year: int, *, unit_code: str | None = None) -> AnnualRating:
    """The stored classifications of a unit-year (no recomputation)."""
    with db.session(actor) as s:
        require(actor, Action.ANNUAL_VIEW)
        unit = home_unit(s, unit_code)
        rows = []
        over: list[str] = []
        for ac, person in s.execute(select(AnnualClassification, Person)
                                    .join(Person, Person.id == AnnualClassification.person_id)
                                    .where(AnnualClassification.unit_id == unit.id,
                                           AnnualClassification.year == year)
                                    .order_by(Person.sort_key)).all():
            _, body_id = role_in(s, person.id, date(year, 1, 1), date(year, 12, 31))
            if not allowed(actor, Action.ANNUAL_VIEW, person_id=person.id, body_id=body_id):
                continue
            rows.append(_row(person, ac, []))
            if ac.over_quota:
                over.append(person.code)
        return AnnualRating(unit.code, year, rows, [], over, [])


def _decision_body(session: Session, person_id: int, role: str, year: int) -> int | None:
    """Whose body decides a person's annual level: a head's goes one level up (the parent body)."""
    _, body_id = role_in(session, person_id, date(year, 1, 1), date(year, 12, 31))
    if role == "head" and body_id is not None:
        body = session.get(Body, body_id)
        if body is not None and body.parent_id is not None:
            return body.parent_id
    return body_id


def record_decision(db: Database, actor: Actor, year: int, *, decision_no: str, decision_date: date,
                    final_levels: Mapping[str, str] | None = None, reasons: Mapping[str, str] | None = None,
                    unit_code: str | None = None) -> AnnualRating:
    """The competent level decides: final level = the proposed level unless `final_levels` says
    otherwise. Everyone over the quota needs an explicit final level, and keeping HTXS needs a reason."""
    if not decision_no.strip():
        raise InputError("Phải ghi số quyết định.", field="decision_no")
    final_levels = dict(final_levels or {})
    reasons = dict(reasons or {})
    with db.session(actor) as s:
        require(actor, Action.ANNUAL_DECIDE)
        unit = home_unit(s, unit_code)
        pairs = s.execute(select(AnnualClassification, Person)
                          .join(Person, Person.id == AnnualClassification.person_id)
                          .where(AnnualClassification.unit_id == unit.id, AnnualClassification.year == year)
                          .order_by(Person.sort_key)).all()
        if not pairs:
            raise StateError(f"Chưa có đề xuất xếp loại năm {year}.", hint="Chạy: kpi annual rate --year "
                             f"{year} trước.")
        known = {p.code for _, p in pairs}
        for code, level in final_levels.items():
            if code not in known:
                raise InputError(f"Không có đề xuất xếp loại của «{code}» trong năm {year}.", field="level")
            if level not in ent.Level.codes():
                raise InputError(f"Mức «{level}» không hợp lệ (HTXS, HTT, HT, KHT, NOT_RATED).", field="level")
        in_scope: set[str] = set()
        for ac, person in pairs:
            if ac.state not in DECIDED_STATES and allowed(actor, Action.ANNUAL_DECIDE, person_id=person.id,
                                                          body_id=_decision_body(s, person.id, ac.role, year)):
                in_scope.add(person.code)
        missing = [p.code for ac, p in pairs if ac.over_quota and p.code in in_scope and p.code not in final_levels]
        if missing:
            raise StateError("Những người sau vượt tỷ lệ HTXS, cấp có thẩm quyền phải quyết định rõ mức của từng "
                             "người: " + ", ".join(missing) + ".", field="level",
                             hint="Dùng --level MÃ=MỨC (giữ HTXS thì kèm --reason MÃ=LÝ_DO).")
        outside = [code for code in final_levels if code not in in_scope]
        if outside:
            raise PermissionDenied("Không thuộc phạm vi bạn được quyết định (hoặc đã được quyết định): "
                                   + ", ".join(outside) + ".", field="level")
        decided = 0
        rows = []
        for ac, person in pairs:
            if person.code not in in_scope:
                rows.append(_row(person, ac, []))
                continue
            level = final_levels.get(person.code) or ac.level or "NOT_RATED"
            if ac.over_quota and level == "HTXS":
                reason = reasons.get(person.code, "").strip()
                if not reason:
                    raise InputError(f"Giữ mức HTXS cho {person.code} (vượt tỷ lệ) phải ghi lý do.",
                                     field=f"reason.{person.code}")
                ac.quota_approver = actor.username
                ac.quota_reason = reason
            if level != ac.level and person.code in reasons:
                ac.comment = reasons[person.code]
            ac.final_level = level
            ac.decision_no = decision_no.strip()
            ac.decision_date = decision_date
            ac.state = "decided"
            decided += 1
            rows.append(_row(person, ac, []))
        if decided == 0:
            raise PermissionDenied("Không có đề xuất nào trong phạm vi bạn được quyết định (hoặc tất cả đã được "
                                   "quyết định).")
        s.flush()
        return AnnualRating(unit.code, year, rows, [], [r.person_code for r in rows if r.over_quota], [])
