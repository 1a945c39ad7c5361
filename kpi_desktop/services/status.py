"""A short summary of a database: its unit, bodies, people, catalogues and periods.

`database_status(db, actor) -> StatusReport` (no rights needed beyond viewing periods); the CLI's
`kpi status` prints `format_status(report)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kpi_desktop.domain.entities import Level, PeriodState
from kpi_desktop.domain.roles import Actor
from kpi_desktop.i18n import tr
from kpi_desktop.services.authz import Action, require
from kpi_desktop.services.units import BodyInfo, list_bodies
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.catalog import Competency, JobDescription, JobPosition, Product
from kpi_desktop.store.models.core import Unit
from kpi_desktop.store.models.evaluation import AnnualClassification, EvaluationPeriod, PeriodEvaluation
from kpi_desktop.store.models.people import Person
from kpi_desktop.store.postgres import safe_url
from kpi_desktop.store.schema_version import current_revision


@dataclass(frozen=True)
class PeriodStatus:
    code: str
    kind: str
    state: str
    state_label: str
    start: date
    end: date
    evaluations: int
    approved: int


@dataclass(frozen=True)
class StatusReport:
    location: str
    schema_revision: str | None
    unit_code: str | None
    unit_name: str | None
    province_name: str | None
    bodies: list[BodyInfo]
    people_active: int
    people_by_category: dict[str, int]
    positions: int
    descriptions: int
    competencies: int
    products: int
    periods: list[PeriodStatus]
    annual_by_year: dict[int, dict[str, int]]


def _count(session: Session, model: object) -> int:
    return int(session.scalar(select(func.count()).select_from(model)) or 0)  # type: ignore[arg-type]


def database_status(db: Database, actor: Actor) -> StatusReport:
    require(actor, Action.PERIOD_VIEW)
    bodies = list_bodies(db, actor)
    with db.session(actor) as session:
        unit = session.scalars(select(Unit).where(Unit.is_home.is_(True))).first()
        by_cat = dict(session.execute(select(Person.category, func.count()).where(Person.active.is_(True))
                                      .group_by(Person.category)).all())
        periods = []
        counts = dict(session.execute(select(PeriodEvaluation.period_id, func.count())
                                      .group_by(PeriodEvaluation.period_id)).all())
        approved = dict(session.execute(select(PeriodEvaluation.period_id, func.count())
                                        .where(PeriodEvaluation.state == "approved")
                                        .group_by(PeriodEvaluation.period_id)).all())
        for p in session.scalars(select(EvaluationPeriod).order_by(EvaluationPeriod.start_date, EvaluationPeriod.code)):
            periods.append(PeriodStatus(p.code, p.kind, p.state, PeriodState(p.state).label_vi, p.start_date,
                                        p.end_date, counts.get(p.id, 0), approved.get(p.id, 0)))
        annual: dict[int, dict[str, int]] = {}
        for year, level, n in session.execute(
                select(AnnualClassification.year, func.coalesce(AnnualClassification.final_level,
                                                                AnnualClassification.level), func.count())
                .group_by(AnnualClassification.year,
                          func.coalesce(AnnualClassification.final_level, AnnualClassification.level))):
            annual.setdefault(year, {})[level or "?"] = n
        return StatusReport(
            location=str(db.path) if db.path else safe_url(db.url),  # never print a password
            schema_revision=current_revision(db),
            unit_code=unit.code if unit else None, unit_name=unit.name if unit else None,
            province_name=unit.province_name if unit else None, bodies=bodies,
            people_active=sum(by_cat.values()), people_by_category=by_cat,
            positions=_count(session, JobPosition), descriptions=_count(session, JobDescription),
            competencies=_count(session, Competency), products=_count(session, Product),
            periods=periods, annual_by_year=annual)


_CATEGORY_ORDER = ("can_bo", "cong_chuc", "vien_chuc", "hop_dong")
_LEVEL_ORDER = [lv.value for lv in Level]


def format_status(r: StatusReport) -> str:
    from kpi_desktop.domain.entities import PersonCategory

    lines = [tr("Cơ sở dữ liệu: ") + r.location + f" (schema {r.schema_revision or '—'})"]
    if r.unit_code is None:
        lines.append(tr("Chưa gắn với xã, phường nào. Tạo bản demo bằng: kpi demo --db TỆP"))
        return "\n".join(lines)
    lines.append(tr("Đơn vị: ") + f"{r.unit_name} ({r.unit_code}), {r.province_name}")
    lines.append(tr("Cơ quan, đơn vị trực thuộc: ") + str(len(r.bodies)))
    for b in r.bodies:
        head = b.head_name or tr("chưa có")
        lines.append(f"  - {b.name}: {b.people} " + tr("người") + "; " + tr("trưởng: ") + head)
    cats = ", ".join(f"{tr(PersonCategory(c).label_vi).lower()} {r.people_by_category[c]}"
                     for c in _CATEGORY_ORDER if c in r.people_by_category)
    lines.append(tr("Nhân sự đang công tác: ") + f"{r.people_active}" + (f" ({cats})" if cats else ""))
    lines.append(tr("Danh mục: ") + f"{r.positions} " + tr("vị trí việc làm") + f" ({r.descriptions} "
                 + tr("bản mô tả") + f"), {r.competencies} " + tr("năng lực") + f", {r.products} " + tr("sản phẩm"))
    if not r.periods:
        lines.append(tr("Kỳ đánh giá: chưa có"))
    else:
        lines.append(tr("Kỳ đánh giá: ") + str(len(r.periods)))
        for p in r.periods:
            lines.append(f"  - {p.code} ({p.start:%d/%m/%Y}–{p.end:%d/%m/%Y}): {tr(p.state_label).lower()}; "
                         + f"{p.approved}/{p.evaluations} " + tr("phiếu đã duyệt"))
    for year, levels in sorted(r.annual_by_year.items()):
        parts = ", ".join(f"{lv} {levels[lv]}" for lv in _LEVEL_ORDER if lv in levels)
        lines.append(tr("Xếp loại năm ") + f"{year}: {parts}")
    return "\n".join(lines)
