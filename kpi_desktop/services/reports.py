"""Reports from the database: the report view-models, and the files (single or a whole unit in a batch).

Every figure comes from what the scoring engine stored (`PeriodEvaluation.result`,
`AnnualClassification.result` and their `total`/`band` columns); nothing is rescored here, so a form
always shows what `kpi score` computed for the same inputs. The only arithmetic is presentation: the
means of the general and task points over the periods of a year (the engine stores the mean total),
and the shares in the statistical tables.

The batch entry point takes a progress callback and a cancel flag so that the GUI can run it off the
GUI thread; each file is written atomically, and a cancelled batch stops between files.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kpi_desktop.domain.roles import Actor
from kpi_desktop.errors import InputError, KpiError, NotFoundError, PermissionDenied
from kpi_desktop.reports.models import (
    GENERAL_CRITERIA_LABELS,
    LEGACY_CRITERIA,
    LEGACY_LEADER_CRITERIA,
    TASK_COMPONENT_LABELS,
    AgencyHeader,
    AnnualForm,
    Category,
    CommuneReport,
    CountsRow,
    CriterionLine,
    LegacyAnnualForm,
    Level,
    LevelCounts,
    Pair,
    PeriodForm,
    PeriodRef,
    PeriodScoreRow,
    PersonInfo,
    PlaceDate,
    ProvinceReport,
    Regime,
    Signature,
    TaskComponent,
    UnitSummary,
    UnitSummaryRow,
    dec,
    nfc,
)
from kpi_desktop.reports.render import format_for, write_many
from kpi_desktop.services.authz import Action, Scope, require, scope_of
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.core import Body, Unit
from kpi_desktop.store.models.evaluation import AnnualClassification, EvaluationPeriod, PeriodEvaluation
from kpi_desktop.store.models.people import Person, RoleAssignment

Progress = Callable[[int, int, str], None]  # (done, total, what is being written)
Cancelled = Callable[[], bool]

REVIEWED_STATES = ("reviewed", "approved")
CATEGORY_LABELS = {"can_bo": "Cán bộ", "cong_chuc": "Công chức", "vien_chuc": "Viên chức",
                   "hop_dong": "Hợp đồng lao động"}
DIVISION_PREFIX = re.compile(r"^(xã|phường|thị trấn|đặc khu|thị xã|thành phố|tỉnh)\s+", re.IGNORECASE)
LEGACY_RULESET = "ND90-2020-ND48-2023"


@dataclass(frozen=True)
class ReportOptions:
    """What the database does not hold: where and when the forms are signed, who signs the summaries."""

    sign_date: date | None = None  # None: the form's own date (approval), else dots to fill in
    place: str | None = None  # None: the unit's name without "Xã"/"Phường"
    signer_name: str = ""  # who signs the unit summary and the reports
    signer_title: str = "CHỦ TỊCH"
    signer_capacity: str = "TM. ỦY BAN NHÂN DÂN"
    recipient: str = ""  # the commune report's "Kính gửi"; default: the province's Sở Nội vụ
    document_number: str = ""


# --------------------------------------------------------------------------------------- helpers


def _level(value: str | None) -> Level | None:
    if not value:
        return None
    try:
        return Level(str(value).upper())
    except ValueError:
        return None


def _dec_or_none(value: Any) -> Decimal | None:
    try:
        return dec(value)
    except InputError:
        return None


def _category(person: Person) -> Category:
    return Category.VIEN_CHUC if person.category == "vien_chuc" else (
        Category.CAN_BO if person.category == "can_bo" else Category.CONG_CHUC)


def _regime(ruleset_id: str | None, category: Category) -> Regime:
    rid = (ruleset_id or "").upper()
    if rid.startswith("ND90"):
        return Regime.ND90
    if rid.startswith("ND233"):
        return Regime.ND233
    if rid.startswith("ND335"):
        return Regime.ND335
    if rid.startswith("QD366"):
        return Regime.QD366
    return Regime.ND233 if category is Category.VIEN_CHUC else Regime.ND335


def _place(unit: Unit, options: ReportOptions) -> str:
    return nfc(options.place) if options.place else DIVISION_PREFIX.sub("", nfc(unit.name))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _province_full(name: str | None) -> str:
    """"Khánh Hòa" → "tỉnh Khánh Hòa"; names that carry their kind ("Thành phố Huế") keep it."""
    text = nfc(name)
    if not text:
        return ""
    return _lower_first(text) if DIVISION_PREFIX.match(text) else f"tỉnh {text}"


def _header(unit: Unit) -> AgencyHeader:
    # A commune's People's Committee heads its own documents (no managing body above it):
    # "ỦY BAN NHÂN DÂN" over "XÃ CAM LÂM", as Nghị định 30/2020 lays it out.
    return AgencyHeader(agency=f"Ủy ban nhân dân\n{_lower_first(nfc(unit.name))}")


def _on(moment: datetime | date | None) -> date | None:
    if isinstance(moment, datetime):
        return moment.date()
    return moment


def _role_on(session: Session, person_id: int, on: date) -> RoleAssignment | None:
    rows = session.scalars(
        select(RoleAssignment).where(RoleAssignment.person_id == person_id).order_by(RoleAssignment.start_date)
    ).all()
    current = [r for r in rows if r.start_date <= on and (r.end_date is None or r.end_date >= on)]
    chosen = current or list(rows)
    return chosen[-1] if chosen else None


def _person_info(session: Session, person: Person, on: date, body_id: int | None = None) -> PersonInfo:
    role = _role_on(session, person.id, on)
    body = session.get(Body, body_id) if body_id else (session.get(Body, role.body_id) if role else None)
    position = (role.title if role and role.title else None) or person.rank_name or ""
    unit = session.get(Unit, person.unit_id)
    return PersonInfo(full_name=nfc(person.full_name), position=nfc(position),
                      unit=nfc(body.name if body else (unit.name if unit else "")), code=person.code)


def _head_of(session: Session, body_id: int | None, on: date, *, exclude: int) -> Person | None:
    """Who heads the body on that day (the competent level for its staff), if it is not the person."""
    if body_id is None:
        return None
    for role in session.scalars(select(RoleAssignment).where(RoleAssignment.body_id == body_id,
                                                             RoleAssignment.role == "head")):
        if role.person_id != exclude and role.start_date <= on and (role.end_date is None or role.end_date >= on):
            return session.get(Person, role.person_id)
    return None


def _find_person(session: Session, code: str, unit_code: str | None) -> Person:
    query = select(Person).where(Person.code == code.strip())
    if unit_code:
        query = query.join(Unit, Unit.id == Person.unit_id).where(Unit.code == unit_code.strip())
    people = session.scalars(query).all()
    if not people:
        raise NotFoundError(f"Không có cán bộ, công chức, viên chức mã «{code}».", field="person",
                            hint="Kiểm tra mã (ví dụ CC-0007); xem danh sách trong phần Hồ sơ.")
    if len(people) > 1:
        raise InputError(f"Mã «{code}» có ở nhiều đơn vị.", field="person", hint="Thêm --unit MÃ_ĐƠN_VỊ.")
    return people[0]


def _person(session: Session, code: str | None, unit_code: str | None, person_id: int | None) -> Person:
    if person_id is not None:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFoundError("Không tìm thấy hồ sơ cán bộ, công chức, viên chức này.", field="person")
        return person
    if not code:
        raise InputError("Chưa chọn người.", field="person", hint="Nhập mã cán bộ, công chức, viên chức.")
    return _find_person(session, code, unit_code)


def _home_unit(session: Session, unit_code: str | None = None) -> Unit:
    if unit_code:
        unit = session.scalars(select(Unit).where(Unit.code == unit_code.strip())).first()
        if unit is None:
            raise NotFoundError(f"Không có đơn vị mã «{unit_code}» trong cơ sở dữ liệu.", field="unit")
        return unit
    unit = session.scalars(select(Unit).where(Unit.is_home.is_(True))).first()
    if unit is None:
        units = session.scalars(select(Unit)).all()
        if len(units) == 1:
            return units[0]
        raise NotFoundError("Cơ sở dữ liệu chưa có đơn vị chủ quản." if not units
                            else "Cơ sở dữ liệu có nhiều đơn vị: hãy chỉ rõ đơn vị.",
                            field="unit", hint="Thêm --unit MÃ_ĐƠN_VỊ." if units else "Hãy khai báo đơn vị trước.")
    return unit


def _find_period(session: Session, unit_id: int, code: str) -> EvaluationPeriod:
    wanted = code.strip().upper()
    candidates = {wanted}
    try:
        ref = PeriodRef.parse(wanted)
        candidates |= {ref.code, f"{ref.year}-M{ref.number:02d}" if ref.kind == "month" else ref.code}
    except InputError:
        pass
    period = session.scalars(select(EvaluationPeriod).where(EvaluationPeriod.unit_id == unit_id,
                                                            EvaluationPeriod.code.in_(candidates))).first()
    if period is None:
        raise NotFoundError(f"Không có kỳ đánh giá «{code}».", field="period",
                            hint="Ví dụ: 2026-Q1 (quý) hoặc 2026-03 (tháng).")
    return period


def _period_ref(period: EvaluationPeriod) -> PeriodRef:
    if period.kind in ("month", "quarter") and period.number:
        return PeriodRef(period.year, period.kind, period.number)
    return PeriodRef.parse(period.code.replace("-M", "-"))


def _person_or_denied(actor: Actor, person: Person, body_id: int | None) -> None:
    require(actor, Action.REPORT_EXPORT, person_id=person.id, body_id=body_id)


# --------------------------------------------------------------------------------------- period form


def _period_form(session: Session, ev: PeriodEvaluation, period: EvaluationPeriod, person: Person,
                 options: ReportOptions) -> PeriodForm:
    unit = session.get(Unit, person.unit_id)
    assert unit is not None
    category = _category(person)
    regime = _regime(ev.ruleset_id or period.ruleset_id, category)
    result: dict[str, Any] = ev.result or {}
    reviewed = ev.state in REVIEWED_STATES or any(c.reviewer_points is not None for c in ev.criteria)
    is_leader = ev.role in ("head", "deputy") or result.get("d") is not None

    criteria = ev.criteria
    if criteria:
        general = tuple(CriterionLine(str(i), nfc(c.label), c.max_points, Pair(c.self_points, c.reviewer_points))
                        for i, c in enumerate(criteria, 1))
    else:  # scored from the contract JSON only: the parts as the engine received them
        parts = (ev.inputs or {}).get("general") or {}
        general = tuple(CriterionLine(num, label, Decimal(10), Pair(None, _dec_or_none(parts.get(key))))
                        for (num, label), key in zip(GENERAL_CRITERIA_LABELS, ("a", "b", "c"), strict=True))
    own_general = (sum((c.points.own for c in general if c.points.own is not None), Decimal(0))
                   if any(c.points.own is not None for c in general) else None)

    general_points = _dec_or_none(result.get("general_points"))
    task_points = _dec_or_none(result.get("task_points"))
    task_result = _dec_or_none(result.get("task_result"))
    total = _dec_or_none(result.get("total")) if result else ev.total
    band = _level(result.get("level")) or _level(result.get("band")) or _level(ev.band)
    keys = ["a", "b", "c"] + (["d", "đ", "e"] if is_leader else [])
    values = {k: _dec_or_none(result.get("dd" if k == "đ" else k)) for k in keys}

    own_total = ev.self_total
    own_task = (own_total - own_general).quantize(Decimal("0.01")) if (
        own_total is not None and own_general is not None) else None
    if reviewed:
        comps = tuple(TaskComponent(k, TASK_COMPONENT_LABELS[k], Pair(None, values[k])) for k in keys)
        pairs = dict(general=Pair(own_general, general_points), task=Pair(own_task, task_points),
                     t=Pair(None, task_result), total=Pair(own_total, total))
        own_band, final_band = _level(ev.self_band), band
    else:  # not reviewed yet: the engine's figures are the person's own; the reviewer's column stays empty
        comps = tuple(TaskComponent(k, TASK_COMPONENT_LABELS[k], Pair(values[k], None)) for k in keys)
        pairs = dict(general=Pair(general_points if own_general is None else own_general, None),
                     task=Pair(task_points, None), t=Pair(task_result, None),
                     total=Pair(own_total if own_total is not None else total, None))
        own_band, final_band = _level(ev.self_band) or band, None

    reviewer = session.get(Person, ev.reviewer_person_id) if ev.reviewer_person_id else None
    if reviewer is None and reviewed:
        reviewer = _head_of(session, ev.body_id, period.end_date, exclude=person.id)
    on = options.sign_date or _on(ev.approved_at or ev.reviewed_at)
    return PeriodForm(
        regime=regime, category=category, header=_header(unit),
        person=_person_info(session, person, period.end_date, ev.body_id),
        period=_period_ref(period), is_leader=is_leader, general=general, tasks=comps,
        general_points=pairs["general"], task_result=pairs["t"], task_points=pairs["task"], total=pairs["total"],
        band=final_band, own_band=own_band,
        reasons=tuple(nfc(str(r)) for r in result.get("reasons") or []) if final_band is not None else (),
        strengths=nfc(ev.strengths), weaknesses=nfc(ev.weaknesses), reviewer_comment=nfc(ev.reviewer_comment),
        place_date=PlaceDate(_place(unit, options), on),
        reviewer_signature=Signature("CẤP CÓ THẨM QUYỀN THEO DÕI, ĐÁNH GIÁ",
                                     name=nfc(reviewer.full_name) if reviewer else ""),
    )


def period_form(db: Database, actor: Actor, *, person_code: str | None = None, period_code: str,
                unit_code: str | None = None, person_id: int | None = None,
                options: ReportOptions = ReportOptions()) -> PeriodForm:
    """Mẫu 01 for one person (by staff code, or by `person_id` from the GUI) and one month or quarter."""
    with db.session(actor) as session:
        person = _person(session, person_code, unit_code, person_id)
        period = _find_period(session, person.unit_id, period_code)
        ev = session.scalars(select(PeriodEvaluation).where(PeriodEvaluation.period_id == period.id,
                                                            PeriodEvaluation.person_id == person.id)).first()
        _person_or_denied(actor, person, ev.body_id if ev else None)
        if ev is None:
            raise NotFoundError(f"{person.full_name} chưa có phiếu đánh giá kỳ {period.code}.", field="period",
                                hint="Phiếu được tạo khi công chức tự đánh giá trong kỳ.")
        return _period_form(session, ev, period, person, options)


# --------------------------------------------------------------------------------------- annual form


def _mean(values: Sequence[Decimal]) -> Decimal | None:
    if not values:
        return None
    return (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _reasons(ac: AnnualClassification) -> tuple[str, ...]:
    reasons = [nfc(str(r)) for r in (ac.result or {}).get("reasons") or []]
    if ac.over_quota:
        reasons.append("Vượt tỷ lệ hoàn thành xuất sắc nhiệm vụ của nhóm"
                       + (f"; cấp có thẩm quyền quyết định: {nfc(ac.quota_reason)}" if ac.quota_reason else "") + ".")
    return tuple(reasons)


def _annual_form(session: Session, ac: AnnualClassification, person: Person,
                 options: ReportOptions) -> AnnualForm | LegacyAnnualForm:
    unit = session.get(Unit, ac.unit_id)
    assert unit is not None
    category = _category(person)
    regime = _regime(ac.ruleset_id, category)
    info = _person_info(session, person, date(ac.year, 12, 31))
    on = options.sign_date or ac.decision_date
    place = PlaceDate(_place(unit, options), on)
    final = _level(ac.final_level) or _level(ac.level)
    if regime is Regime.ND90:
        return _legacy_form(ac, person, info, unit, place, final)

    listed = [(str(p.get("period", "")), _dec_or_none(p.get("total"))) for p in (ac.inputs or {}).get("periods") or []]
    evaluations = {
        code: ev for ev, code in session.execute(
            select(PeriodEvaluation, EvaluationPeriod.code)
            .join(EvaluationPeriod, EvaluationPeriod.id == PeriodEvaluation.period_id)
            .where(PeriodEvaluation.person_id == person.id, EvaluationPeriod.year == ac.year)
        )
    }
    if not listed:  # inputs not kept: take the person's period evaluations of that year
        listed = [(code, ev.total) for code, ev in sorted(evaluations.items())]
    rows = []
    for code, total in listed:
        ev = evaluations.get(code) or evaluations.get(code.replace("-M", "-"))
        result = (ev.result or {}) if ev else {}
        try:
            ref = PeriodRef.parse(code.replace("-M", "-"))
        except InputError:
            continue
        rows.append(PeriodScoreRow(ref, _dec_or_none(result.get("general_points")),
                                   _dec_or_none(result.get("task_points")), total,
                                   _level(result.get("band")) or (_level(ev.band) if ev else None)))
    generals = [r.general_points for r in rows if r.general_points is not None]
    tasks = [r.task_points for r in rows if r.task_points is not None]
    result = ac.result or {}
    return AnnualForm(
        regime=regime, category=category, header=_header(unit), person=info, year=ac.year, periods=tuple(rows),
        mean_general=_mean(generals) if len(generals) == len(rows) else None,
        mean_task=_mean(tasks) if len(tasks) == len(rows) else None,
        mean_total=_dec_or_none(result.get("mean")) or ac.total,
        band=_level(result.get("band")) or _level(ac.band),
        self_level=_level(ac.self_proposed_level), final_level=final, reasons=_reasons(ac),
        comments=nfc(ac.comment), proposal=nfc(ac.proposed_action), place_date=place,
        reviewer_signature=Signature("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", name=nfc(options.signer_name)),
    )


_LEGACY_MEASURE = {"well": "Thực hiện tốt.", "met": "Đáp ứng yêu cầu.", "not_met": "Chưa đáp ứng yêu cầu."}


def _legacy_form(ac: AnnualClassification, person: Person, info: PersonInfo, unit: Unit, place: PlaceDate,
                 final: Level | None) -> LegacyAnnualForm:
    inputs = ac.inputs or {}
    measure = _LEGACY_MEASURE.get(str(inputs.get("criteria_1_4", "")), "")
    total, on_time, exceeded = (inputs.get(k) for k in ("tasks_total", "tasks_on_time_with_quality", "tasks_exceeded"))
    results = ""
    if total is not None:
        results = (f"Được giao {total} nhiệm vụ; hoàn thành đúng hạn, bảo đảm chất lượng {on_time or 0}; "
                   f"vượt yêu cầu {exceeded or 0}.")
    answers = [measure, measure, measure, measure, results, ""]
    is_leader = ac.role in ("head", "deputy")
    leader: tuple[tuple[str, str], ...] = ()
    if is_leader:
        share = inputs.get("unit_targets_met_pct") or inputs.get("unit_share_targets_met")
        leader = ((LEGACY_LEADER_CRITERIA[0], f"Tỷ lệ chỉ tiêu, nhiệm vụ hoàn thành: {share}%." if share else ""),
                  (LEGACY_LEADER_CRITERIA[1], ""), (LEGACY_LEADER_CRITERIA[2], ""))
    return LegacyAnnualForm(
        category=_category(person), header=_header(unit), person=info, year=ac.year, is_leader=is_leader,
        self_assessment=tuple(zip(LEGACY_CRITERIA, answers, strict=True)), leader_assessment=leader,
        self_comment="", self_level=_level(ac.self_proposed_level), manager_comment=nfc(ac.comment),
        final_comment=nfc(ac.comment), final_level=final, reasons=_reasons(ac), place_date=place,
    )


def annual_form(db: Database, actor: Actor, *, person_code: str | None = None, year: int,
                unit_code: str | None = None, person_id: int | None = None,
                options: ReportOptions = ReportOptions()) -> AnnualForm | LegacyAnnualForm:
    """Mẫu 02 (ND 335/233), or the legacy ND 90 form when the year was rated under ND 90/48."""
    with db.session(actor) as session:
        person = _person(session, person_code, unit_code, person_id)
        _person_or_denied(actor, person, None)
        ac = session.scalars(select(AnnualClassification).where(AnnualClassification.person_id == person.id,
                                                                AnnualClassification.year == year)).first()
        if ac is None:
            raise NotFoundError(f"{person.full_name} chưa được xếp loại năm {year}.", field="year",
                                hint="Xếp loại năm trước khi in phiếu.")
        return _annual_form(session, ac, person, options)


# --------------------------------------------------------------------------------------- summaries


def _signer(options: ReportOptions) -> Signature:
    return Signature(options.signer_title, name=nfc(options.signer_name), capacity=options.signer_capacity,
                     note="(Ký, đóng dấu)")


def _classifications(session: Session, unit_id: int | None, year: int) -> list[tuple[AnnualClassification, Person]]:
    query = (select(AnnualClassification, Person).join(Person, Person.id == AnnualClassification.person_id)
             .where(AnnualClassification.year == year).order_by(Person.sort_key, Person.code))
    if unit_id is not None:
        query = query.where(AnnualClassification.unit_id == unit_id)
    return list(session.execute(query))


def _body_of(session: Session, person_id: int, year: int) -> Body | None:
    role = _role_on(session, person_id, date(year, 12, 31))
    return session.get(Body, role.body_id) if role else None


def unit_summary(db: Database, actor: Actor, *, year: int, unit_code: str | None = None,
                 options: ReportOptions = ReportOptions()) -> UnitSummary:
    """Everyone's annual result in the unit, for publication inside the agency."""
    with db.session(actor) as session:
        require(actor, Action.REPORT_EXPORT)
        unit = _home_unit(session, unit_code)
        rows = []
        for ac, person in _classifications(session, unit.id, year):
            if not _allowed(actor, person.id, session, year):
                continue
            level = _level(ac.final_level) or _level(ac.level)
            notes = []
            if ac.over_quota:
                notes.append("Vượt tỷ lệ")
            if ac.maternity_leave:
                notes.append("Nghỉ thai sản")
            if level is Level.NOT_RATED and ac.months_worked is not None:
                notes.append(f"Công tác {ac.months_worked} tháng")
            if ac.state not in ("decided", "published"):
                notes.append("Chưa quyết định")
            rows.append(UnitSummaryRow(nfc(person.full_name), _person_info(session, person, date(year, 12, 31)).position,
                                       _category(person), ac.total, level, "; ".join(notes),
                                       group=nfc(ac.quota_group_code)))
        if not rows:
            raise NotFoundError(f"Chưa có kết quả xếp loại năm {year} của {unit.name}.", field="year",
                                hint="Xếp loại năm trước khi lập bảng tổng hợp.")
        notes = ["Tỷ lệ hoàn thành xuất sắc nhiệm vụ không vượt quá 20% số được xếp loại hoàn thành tốt nhiệm vụ "
                 "trong từng nhóm nhiệm vụ tương đồng (25% khi cơ quan được đánh giá hoàn thành xuất sắc)."]
        return UnitSummary(header=_header(unit), unit_name=nfc(unit.name), year=year, rows=tuple(rows),
                           quota_notes=tuple(notes), place_date=PlaceDate(_place(unit, options), options.sign_date),
                           signer=_signer(options))


def _allowed(actor: Actor, person_id: int, session: Session, year: int) -> bool:
    """A head's summary lists their own body only; clerks and the province see everyone."""
    body = _body_of(session, person_id, year)
    try:
        require(actor, Action.REPORT_EXPORT, person_id=person_id, body_id=body.id if body else None)
    except PermissionDenied:
        return False
    return True


def commune_report(db: Database, actor: Actor, *, year: int, unit_code: str | None = None,
                   options: ReportOptions = ReportOptions()) -> CommuneReport:
    """The commune's report to the province: levels by category of staff and by body."""
    with db.session(actor) as session:
        require(actor, Action.REPORT_EXPORT, body_id=None)
        _require_all(actor)
        unit = _home_unit(session, unit_code)
        by_cat: dict[str, list[Level | None]] = defaultdict(list)
        by_body: dict[str, list[Level | None]] = defaultdict(list)
        body_order: dict[str, int] = {}
        for ac, person in _classifications(session, unit.id, year):
            level = _level(ac.final_level) or _level(ac.level)
            by_cat[person.category].append(level)
            body = _body_of(session, person.id, year)
            name = nfc(body.name) if body else "Khác"
            by_body[name].append(level)
            body_order.setdefault(name, body.sort_order if body else 10**6)
        if not by_cat:
            raise NotFoundError(f"Chưa có kết quả xếp loại năm {year} của {unit.name}.", field="year")
        cats = [CountsRow(CATEGORY_LABELS.get(c, c), LevelCounts.of(by_cat[c]))
                for c in ("can_bo", "cong_chuc", "vien_chuc", "hop_dong") if c in by_cat]
        bodies = [CountsRow(name, LevelCounts.of(levels))
                  for name, levels in sorted(by_body.items(), key=lambda kv: (body_order[kv[0]], kv[0]))]
        return CommuneReport(
            header=_header(unit), commune=nfc(unit.name),
            recipient=nfc(options.recipient) or f"Sở Nội vụ {_province_full(unit.province_name)}",
            year=year, by_category=tuple(cats), by_unit=tuple(bodies),
            document_number=nfc(options.document_number) or "Số:      /BC-UBND",
            place_date=PlaceDate(_place(unit, options), options.sign_date), signer=_signer(options))


def _require_all(actor: Actor) -> None:
    if scope_of(actor, Action.REPORT_EXPORT) is not Scope.ALL:
        raise PermissionDenied("Báo cáo toàn đơn vị chỉ dành cho cán bộ tổ chức hoặc Sở Nội vụ.",
                               hint="Lãnh đạo phòng xem bảng tổng hợp của phòng mình.")


def _imported_annual(session: Session, year: int) -> tuple[dict[str, list[Level | None]], set[str], bool]:
    """Annual levels per commune code from the province's imported bundles (current records only),
    every commune code the exchange knows (registered certificate or any bundle), and whether some
    record carried only the engine's level (no decision of the competent level, e.g. on the quota).
    Empty when this build has no exchange tables."""
    try:
        exchange = importlib.import_module("kpi_desktop.store.models.exchange")
    except ImportError:
        return {}, set(), False
    per_unit: dict[str, list[Level | None]] = defaultdict(list)
    engine_only = False
    records = session.scalars(select(exchange.ImportedRecord).where(
        exchange.ImportedRecord.kind == "annual", exchange.ImportedRecord.current.is_(True),
        exchange.ImportedRecord.period == str(year)))
    for rec in records:
        result = rec.result or {}
        decided = _level(result.get("final_level"))
        engine_only = engine_only or decided is None
        per_unit[rec.unit_code].append(decided or _level(rec.level) or _level(result.get("level")))
    known = set(session.scalars(select(exchange.LedgerEntry.unit_code).distinct()))
    known |= set(session.scalars(select(exchange.UnitCertificate.unit_code).distinct()))
    return per_unit, known, engine_only


def _ward(code: str) -> Any:
    """The official commune record for a code (vietnam-provinces), or None for a code it does not know."""
    from kpi_desktop.services import geography

    try:
        return geography.find_ward(code)
    except KpiError:
        return None


def _province_of(province_code: str) -> str:
    """"tỉnh Khánh Hòa" / "thành phố Hà Nội" from the official list."""
    from kpi_desktop.services import geography

    for p in geography.provinces():
        if p.code == province_code:
            kind = "thành phố" if p.division_type.startswith("thành phố") else "tỉnh"
            return p.name if DIVISION_PREFIX.match(p.name) else f"{kind} {p.name}"
    return ""


def province_report(db: Database, actor: Actor, *, year: int, province_code: str | None = None,
                    options: ReportOptions = ReportOptions()) -> ProvinceReport:
    """Across the communes: the annual levels the communes sent (imported bundles), and for communes
    whose data sits in this database itself (no bundle), the local classifications."""
    with db.session(actor) as session:
        require(actor, Action.REPORT_EXPORT)
        _require_all(actor)
        query = select(Unit).order_by(Unit.code)
        if province_code:
            query = query.where(Unit.province_code == province_code.strip())
        units = {u.code: u for u in session.scalars(query)}
        imported, known, engine_only = _imported_annual(session, year)
        local: dict[str, list[Level | None]] = defaultdict(list)
        by_id = {u.id: u.code for u in units.values()}
        for ac, _person in _classifications(session, None, year):
            if ac.unit_id in by_id:
                local[by_id[ac.unit_id]].append(_level(ac.final_level) or _level(ac.level))
        # A commune's own bundle wins over anything typed into the province's database for it.
        levels = {**local, **imported}
        if province_code:
            levels = {code: v for code, v in levels.items() if code in units or code in imported}
        codes = sorted(set(levels) | known | {c for c, u in units.items() if not u.is_home})
        if not codes:
            raise NotFoundError("Cơ sở dữ liệu chưa có xã, phường nào.", field="province",
                                hint="Nhập các gói dữ liệu của xã trước khi lập báo cáo tỉnh.")

        def name(code: str) -> str:
            if code in units:
                return nfc(units[code].name)
            ward = _ward(code)
            return ward.name if ward else code

        rows = [CountsRow(name(c), LevelCounts.of(levels[c])) for c in codes if levels.get(c)]
        missing = tuple(name(c) for c in codes if not levels.get(c) and not (c in units and units[c].is_home))
        if not rows:
            raise NotFoundError(f"Chưa có kết quả xếp loại năm {year} của xã, phường nào.", field="year",
                                hint="Nhập gói dữ liệu xếp loại năm của các xã trước.")
        home = next((u for u in units.values() if u.is_home), None) or next(iter(units.values()), None)
        province = nfc(home.province_name) if home else ""
        full = _province_full(province)
        if not province:  # a province database holding only imported bundles: the communes' own province
            ward = next((w for w in map(_ward, codes) if w is not None), None)
            province, full = (ward.province_name, _province_of(ward.province_code)) if ward else ("", "")
        return ProvinceReport(
            header=AgencyHeader(agency="Sở Nội vụ", parent=f"Ủy ban nhân dân {full}" if full else ""),
            province=DIVISION_PREFIX.sub("", province), year=year, communes=tuple(rows), missing=missing,
            remarks=(("Với các xã gửi số liệu bằng gói dữ liệu, mức xếp loại là kết quả chấm điểm trong gói; "
                      "quyết định điều chỉnh của cấp có thẩm quyền (như theo tỷ lệ hoàn thành xuất sắc) "
                      "không có trong gói nên chưa được phản ánh."),) if engine_only else (),
            document_number=nfc(options.document_number) or "Số:      /BC-SNV",
            place_date=PlaceDate(nfc(options.place) or DIVISION_PREFIX.sub("", province), options.sign_date),
            signer=Signature(options.signer_title if options.signer_title != "CHỦ TỊCH" else "GIÁM ĐỐC",
                             name=nfc(options.signer_name), note="(Ký, đóng dấu)"))


# --------------------------------------------------------------------------------------- batches


@dataclass
class BatchResult:
    folder: Path
    written: list[Path] = field(default_factory=list)
    cancelled: bool = False


def slug(text: str) -> str:
    """An ASCII file-name part: "Nguyễn Thị Ánh" → "Nguyen_Thi_Anh"."""
    plain = unicodedata.normalize("NFKD", nfc(text).replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return re.sub(r"[^A-Za-z0-9]+", "_", plain).strip("_") or "x"


def _run_batch(items: Sequence[tuple[str, Any]], folder: Path, fmt: str, *, signer: object | None,
               location: str, progress: Progress | None, cancelled: Cancelled | None, workers: int) -> BatchResult:
    written, stopped = write_many([(model, folder / f"{name}.{fmt}") for name, model in items], fmt, signer=signer,
                                  location=location, workers=workers, progress=progress, cancelled=cancelled)
    return BatchResult(folder, written, stopped)


def export_unit_forms(db: Database, actor: Actor, folder: Path, *, period_code: str | None = None,
                      year: int | None = None, fmt: str = "pdf", unit_code: str | None = None,
                      options: ReportOptions = ReportOptions(), signer: object | None = None,
                      progress: Progress | None = None, cancelled: Cancelled | None = None,
                      workers: int = 1) -> BatchResult:
    """Every form of a unit into `folder`: the Mẫu 01 of every person for `period_code`, or the annual
    form of every person for `year` plus the unit summary. The view-models are read in one transaction;
    rendering happens after it, so the database is not held while files are written."""
    fmt = format_for(folder / f"x.{fmt}", fmt)
    if (period_code is None) == (year is None):
        raise InputError("Chọn một kỳ (--period) hoặc một năm (--year).", field="period")
    with db.session(actor) as session:
        require(actor, Action.REPORT_EXPORT)
        unit = _home_unit(session, unit_code)
        models: list[tuple[str, Any]] = []
        if period_code is not None:
            period = _find_period(session, unit.id, period_code)
            evs = session.execute(
                select(PeriodEvaluation, Person).join(Person, Person.id == PeriodEvaluation.person_id)
                .where(PeriodEvaluation.period_id == period.id).order_by(Person.sort_key, Person.code))
            for ev, person in evs:
                if _allowed(actor, person.id, session, period.year):
                    models.append((f"Mau01_{period.code}_{person.code}_{slug(person.full_name)}",
                                   _period_form(session, ev, period, person, options)))
            if not models:
                raise NotFoundError(f"Kỳ {period.code} chưa có phiếu đánh giá nào.", field="period")
        else:
            assert year is not None
            for ac, person in _classifications(session, unit.id, year):
                if _allowed(actor, person.id, session, year):
                    annual = _annual_form(session, ac, person, options)
                    number = "02" if isinstance(annual, AnnualForm) else annual.form_number
                    models.append((f"Mau{number}_{year}_{person.code}_{slug(person.full_name)}", annual))
            if not models:
                raise NotFoundError(f"Chưa có kết quả xếp loại năm {year}.", field="year")
    if year is not None:
        summary = unit_summary(db, actor, year=year, unit_code=unit_code, options=options)
        models.append((f"TongHop_{year}_{slug(summary.unit_name)}", summary))
    location = options.place or ""
    return _run_batch(models, folder, fmt, signer=signer, location=location, progress=progress,
                      cancelled=cancelled, workers=workers)


def period_forms(db: Database, actor: Actor, *, period_code: str, unit_code: str | None = None,
                 options: ReportOptions = ReportOptions()) -> list[PeriodForm]:
    """All Mẫu 01 of a period (for the one-sheet Excel table and the GUI preview list)."""
    with db.session(actor) as session:
        require(actor, Action.REPORT_EXPORT)
        unit = _home_unit(session, unit_code)
        period = _find_period(session, unit.id, period_code)
        out = []
        for ev, person in session.execute(
                select(PeriodEvaluation, Person).join(Person, Person.id == PeriodEvaluation.person_id)
                .where(PeriodEvaluation.period_id == period.id).order_by(Person.sort_key, Person.code)):
            if _allowed(actor, person.id, session, period.year):
                out.append(_period_form(session, ev, period, person, options))
        return out
