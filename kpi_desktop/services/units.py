"""The unit a database belongs to, its bodies and quota groups.

- `create_unit(db, actor, ward_code, *, bodies=DEFAULT_BODIES, seed_catalogue=True) -> UnitInfo`:
  make the database the home of one commune/ward (official code from `vietnam-provinces`), create its
  bodies and default quota groups, its default quy chế (ND 335 parameters), and load the default
  catalogues. Refuses a second home unit (`StateError`) and an unknown code (`InputError`).
- `create_unit_in_session(session, ward_code, ...) -> Unit`: the same inside an open transaction.
- `home_unit(db, actor) -> UnitInfo | None`; `list_bodies(db, actor) -> list[BodyInfo]`;
  `list_quota_groups(db, actor) -> list[QuotaGroupInfo]`.
- `add_body(session, unit, code, name, kind) -> Body`; `add_quota_group(session, unit, code, name) -> QuotaGroup`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kpi_desktop.domain.entities import BodyKind
from kpi_desktop.domain.names import clean_name
from kpi_desktop.domain.roles import Actor
from kpi_desktop.errors import InputError, StateError
from kpi_desktop.services.authz import Action, require
from kpi_desktop.services.catalog import seed_default_catalogue
from kpi_desktop.services.geography import find_ward
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.core import Body, QuotaGroup, Unit, UnitRule
from kpi_desktop.store.models.people import Person, RoleAssignment

# The bodies every commune/ward has after the 2025 reform [S: news summaries of the reform].
DEFAULT_BODIES: tuple[tuple[str, str, BodyKind], ...] = (
    ("VP", "Văn phòng HĐND và UBND", BodyKind.VAN_PHONG),
    ("PKT", "Phòng Kinh tế", BodyKind.PHONG_CHUYEN_MON),
    ("PVHXH", "Phòng Văn hóa - Xã hội", BodyKind.PHONG_CHUYEN_MON),
    ("TTPVHCC", "Trung tâm phục vụ hành chính công", BodyKind.TRUNG_TAM_PVHCC),
)
DEFAULT_QUOTA_GROUPS = (
    ("LDQL", "Lãnh đạo, quản lý"),
    ("CMNV", "Chuyên môn, nghiệp vụ"),
    ("HTPV", "Hỗ trợ, phục vụ"),
)
# Local parameters of the default quy chế; every value is a [S]/[R] default the unit may change.
DEFAULT_RULE_PARAMS = {
    "tracking": "quarter",
    "general_parts": {"a": 10, "b": 10, "c": 10},
    "quota": {"rate": "0.20", "rate_excellent": "0.25", "base": "htt", "rounding": "floor"},
    "self_due_days": 5,
    "review_due_days": 10,
}


@dataclass(frozen=True)
class UnitInfo:
    id: int
    code: str
    name: str
    division_type: str
    province_code: str
    province_name: str


@dataclass(frozen=True)
class BodyInfo:
    id: int
    code: str
    name: str
    kind: str
    kind_label: str
    people: int
    head_name: str | None


@dataclass(frozen=True)
class QuotaGroupInfo:
    id: int
    code: str
    name: str
    people: int


def _info(unit: Unit) -> UnitInfo:
    return UnitInfo(unit.id, unit.code, unit.name, unit.division_type, unit.province_code, unit.province_name)


def create_unit_in_session(session: Session, ward_code: str | int, *,
                           bodies: tuple[tuple[str, str, BodyKind], ...] = DEFAULT_BODIES,
                           seed_catalogue: bool = True, rules_from: date | None = None) -> Unit:
    ward = find_ward(ward_code)
    existing = session.scalars(select(Unit).where(Unit.is_home.is_(True))).first()
    if existing is not None:
        raise StateError(
            f"Cơ sở dữ liệu này đã thuộc về {existing.name} ({existing.code}).",
            hint="Mỗi cơ sở dữ liệu chỉ dành cho một xã, phường; hãy tạo tệp mới cho đơn vị khác.")
    unit = Unit(code=ward.code, name=ward.name, division_type=ward.division_type,
                province_code=ward.province_code, province_name=ward.province_name, is_home=True)
    session.add(unit)
    session.flush()
    for order, (code, name, kind) in enumerate(bodies, 1):
        add_body(session, unit, code, name, kind, sort_order=order)
    for code, name in DEFAULT_QUOTA_GROUPS:
        add_quota_group(session, unit, code, name)
    session.add(UnitRule(unit_id=unit.id, name="Quy chế đánh giá (mặc định theo Nghị định 335/2025/NĐ-CP)",
                         ruleset_id="ND335-2025", params=dict(DEFAULT_RULE_PARAMS),
                         effective_from=rules_from or date(2026, 1, 1),
                         note="Tham số mặc định [S]/[R]: đơn vị sửa theo quy chế đã ban hành."))
    if seed_catalogue:
        seed_default_catalogue(session)
    session.flush()
    return unit


def create_unit(db: Database, actor: Actor, ward_code: str | int, *,
                bodies: tuple[tuple[str, str, BodyKind], ...] = DEFAULT_BODIES,
                seed_catalogue: bool = True) -> UnitInfo:
    require(actor, Action.ORG_EDIT)
    with db.session(actor) as session:
        return _info(create_unit_in_session(session, ward_code, bodies=bodies, seed_catalogue=seed_catalogue))


def add_body(session: Session, unit: Unit, code: str, name: str, kind: BodyKind | str, *,
             sort_order: int = 0, parent: Body | None = None) -> Body:
    code = code.strip().upper()
    if not code:
        raise InputError("Mã cơ quan, đơn vị không được để trống.", field="code")
    try:
        kind_value = BodyKind(kind).value
    except ValueError as exc:
        raise InputError(f"Loại cơ quan «{kind}» không hợp lệ.", field="kind") from exc
    body = Body(unit_id=unit.id, code=code, name=clean_name(name), kind=kind_value, sort_order=sort_order,
                parent_id=parent.id if parent else None)
    session.add(body)
    session.flush()
    return body


def add_quota_group(session: Session, unit: Unit, code: str, name: str) -> QuotaGroup:
    group = QuotaGroup(unit_id=unit.id, code=code.strip().upper(), name=clean_name(name))
    session.add(group)
    session.flush()
    return group


def home_unit_in_session(session: Session) -> Unit | None:
    return session.scalars(select(Unit).where(Unit.is_home.is_(True))).first()


def home_unit(db: Database, actor: Actor) -> UnitInfo | None:
    require(actor, Action.PERIOD_VIEW)
    with db.session(actor) as session:
        unit = home_unit_in_session(session)
        return _info(unit) if unit else None


def list_bodies(db: Database, actor: Actor, on: date | None = None) -> list[BodyInfo]:
    require(actor, Action.PERIOD_VIEW)
    day = on or date.today()
    with db.session(actor) as session:
        current = ((RoleAssignment.start_date <= day)
                   & ((RoleAssignment.end_date.is_(None)) | (RoleAssignment.end_date >= day)))
        people = dict(session.execute(
            select(RoleAssignment.body_id, func.count(func.distinct(RoleAssignment.person_id)))
            .join(Person, Person.id == RoleAssignment.person_id)
            .where(current, Person.active.is_(True)).group_by(RoleAssignment.body_id)).all())
        heads = dict(session.execute(
            select(RoleAssignment.body_id, Person.full_name).join(Person, Person.id == RoleAssignment.person_id)
            .where(current, RoleAssignment.role == "head")).all())
        bodies = session.scalars(select(Body).order_by(Body.sort_order, Body.code)).all()
        return [BodyInfo(b.id, b.code, b.name, b.kind, BodyKind(b.kind).label_vi, people.get(b.id, 0),
                         heads.get(b.id)) for b in bodies]


def list_quota_groups(db: Database, actor: Actor) -> list[QuotaGroupInfo]:
    require(actor, Action.PERIOD_VIEW)
    with db.session(actor) as session:
        people = dict(session.execute(
            select(Person.quota_group_id, func.count()).where(Person.active.is_(True))
            .group_by(Person.quota_group_id)).all())
        groups = session.scalars(select(QuotaGroup).order_by(QuotaGroup.code)).all()
        return [QuotaGroupInfo(g.id, g.code, g.name, people.get(g.id, 0)) for g in groups]
