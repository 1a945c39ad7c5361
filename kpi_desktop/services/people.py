"""People: listing, search, a person's page, and recording their history.

For the GUI and the CLI (every call checks the actor's rights through `services.authz`):

- `list_people(db, actor, flt: PersonFilter = PersonFilter()) -> list[PersonRow]`
  filter by `text` (name or code, case-insensitive; typed without diacritics it ignores them), `body_id`, `position_id`, `category`,
  `active_only`, on the date `on` (default today); sorted the Vietnamese way (given name, middle name,
  family name). A head sees their body (and themself), a staff member only themself.
- `person_page(db, actor, person_id, on=None) -> PersonPage`: identity, current body/role/positions,
  roles, positions, employment, leaves, transfers, discipline (masked unless the actor may see personal
  data), and competency gaps against the framework of the person's current positions.
- `create_person(db, actor, data: NewPerson) -> int` (id of the new person).
- `update_person(db, actor, person_id, changes: dict) -> None`: identity and personnel fields
  (`UPDATABLE_FIELDS`), validated like a new person; the name is re-split and re-keyed for sorting.
- `change_post(db, actor, person_id, on, *, body_code=None, role=None, position_code=None, title=None)`:
  from date `on`, a new body/role and/or primary position; the current ones end the day before.
- `record_leave(db, actor, person_id, kind, start, end, note=None) -> int`
- `record_discipline(db, actor, person_id, form, track, decided_on, ...) -> int`
- `record_transfer(db, actor, person_id, transfer_date, ...) -> int`
- `record_competency(db, actor, person_id, competency_code, level, assessed_on) -> int`
- `work_time(session, person_id, year) -> WorkTime`: months worked in a year and maternity leave.

Session-level helpers with the same validation (`add_person`, `add_leave`, `add_discipline`,
`add_transfer`, `assess_competency`, `assign_role`, `assign_position`) are used by the demo builder and
by importers that already hold a transaction.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from kpi_desktop.domain.entities import (
    DisciplineForm,
    DisciplineTrack,
    Gender,
    LeadershipRole,
    LeaveKind,
    PersonCategory,
    PositionAssignmentKind,
    valid_citizen_id,
)
from kpi_desktop.domain.names import clean_name, sort_key_text, split_full_name
from kpi_desktop.domain.roles import Actor
from kpi_desktop.errors import InputError, NotFoundError
from kpi_desktop.services.authz import Action, redact_personal, require, visible_person_filter
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.catalog import Competency, JobPosition, PositionCompetency
from kpi_desktop.store.models.core import Body, QuotaGroup, Unit
from kpi_desktop.store.models.people import (
    DisciplineRecord,
    EmploymentSpan,
    Leave,
    Person,
    PersonCompetency,
    PersonPosition,
    RoleAssignment,
    Transfer,
)

# ---------------------------------------------------------------------------------------------------
# DTOs


@dataclass(frozen=True)
class PersonFilter:
    text: str | None = None
    body_id: int | None = None
    position_id: int | None = None
    category: str | None = None
    active_only: bool = True
    on: date | None = None


@dataclass(frozen=True)
class PersonRow:
    id: int
    code: str
    full_name: str
    category: str
    category_label: str
    party_member: bool
    body_id: int | None
    body_name: str | None
    role: str | None
    role_label: str | None
    title: str | None
    position_code: str | None
    position_name: str | None
    quota_group: str | None
    active: bool


@dataclass(frozen=True)
class Span:
    kind: str  # role / position / employment
    label: str
    start: date
    end: date | None
    detail: str = ""


@dataclass(frozen=True)
class LeaveItem:
    id: int
    kind: str
    kind_label: str
    start: date
    end: date | None
    note: str | None


@dataclass(frozen=True)
class TransferItem:
    id: int
    transfer_date: date
    from_unit: str | None
    to_unit: str | None
    carried_scores: list[dict[str, Any]]
    decision_no: str | None


@dataclass(frozen=True)
class DisciplineItem:
    id: int
    kind: str
    form: str | None
    form_label: str | None
    track: str
    track_label: str
    decided_on: date
    violation_id: str | None
    rating_year_applied: int | None
    reason: str | None


@dataclass(frozen=True)
class CompetencyGap:
    competency_code: str
    competency_name: str
    kind: str
    required_level: int
    assessed_level: int | None
    gap: int | None  # required − assessed (positive: below requirement); None: not assessed
    position_code: str


@dataclass(frozen=True)
class PersonPage:
    id: int
    person_id: int
    body_id: int | None
    code: str
    full_name: str
    family_name: str
    middle_name: str
    given_name: str
    birth_date: date | None
    gender: str | None
    category: str
    category_label: str
    party_member: bool
    rank_code: str | None
    rank_name: str | None
    salary_step: int | None
    salary_coefficient: Decimal | None
    citizen_id: str | None
    national_code: str | None
    quota_group: str | None
    active: bool
    body_name: str | None
    role: str | None
    title: str | None
    roles: list[Span]
    positions: list[Span]
    employment: list[Span]
    leaves: list[LeaveItem]
    transfers: list[TransferItem]
    discipline: list[DisciplineItem]
    competency_gaps: list[CompetencyGap]


@dataclass
class NewPerson:
    code: str
    full_name: str
    category: str
    start_date: date
    body_code: str | None = None
    role: str = LeadershipRole.STAFF.value
    title: str | None = None
    scope: str | None = None
    position_code: str | None = None
    concurrent_position_codes: list[str] = field(default_factory=list)
    birth_date: date | None = None
    gender: str | None = None
    party_member: bool = False
    party_joined_on: date | None = None
    rank_code: str | None = None
    rank_name: str | None = None
    salary_step: int | None = None
    salary_coefficient: Decimal | None = None
    career_step: int | None = None
    citizen_id: str | None = None
    national_code: str | None = None
    quota_group_code: str | None = None
    email: str | None = None
    phone: str | None = None
    end_date: date | None = None


@dataclass(frozen=True)
class WorkTime:
    months_worked: int
    maternity_leave: bool
    days_employed: int
    days_on_leave: int


# ---------------------------------------------------------------------------------------------------
# Session-level helpers


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _enum_value(enum: Any, value: str | None, field_name: str, label: str) -> str:
    try:
        return str(enum.parse(value).value) if value is not None else ""
    except ValueError as exc:
        allowed = ", ".join(f"{m.value} ({m.label_vi})" for m in enum)
        raise InputError(f"{label} «{value}» không hợp lệ.", field=field_name, hint=f"Chọn: {allowed}.") from exc


def _body(session: Session, unit: Unit, code: str) -> Body:
    body = session.scalars(select(Body).where(Body.unit_id == unit.id, Body.code == code.strip().upper())).first()
    if body is None:
        raise InputError(f"Không có cơ quan, đơn vị mã «{code}» trong {unit.name}.", field="body_code")
    return body


def _position(session: Session, code: str) -> JobPosition:
    pos = session.scalars(select(JobPosition).where(JobPosition.code == code.strip())).first()
    if pos is None:
        raise InputError(f"Không có vị trí việc làm mã «{code}» trong danh mục.", field="position_code",
                         hint="Thêm vị trí vào danh mục trước (kpi catalog import).")
    return pos


def add_person(session: Session, unit: Unit, data: NewPerson) -> Person:
    code = data.code.strip()
    if not code:
        raise InputError("Mã cán bộ không được để trống.", field="code")
    full_name = clean_name(data.full_name)
    family, middle, given = split_full_name(full_name)
    if not family or not given:
        raise InputError(f"Họ và tên «{full_name}» phải có ít nhất họ và tên.", field="full_name")
    category = _enum_value(PersonCategory, data.category, "category", "Đối tượng")
    gender = _enum_value(Gender, data.gender, "gender", "Giới tính") if data.gender else None
    citizen_id = data.citizen_id.strip() if data.citizen_id else None
    if citizen_id is not None and not valid_citizen_id(citizen_id):
        raise InputError(f"Số căn cước «{citizen_id}» không hợp lệ.", field="citizen_id",
                         hint="Số căn cước gồm đúng 12 chữ số; 3 chữ số đầu là mã tỉnh nơi đăng ký khai sinh.")
    if session.scalars(select(Person.id).where(Person.unit_id == unit.id, Person.code == code)).first():
        raise InputError(f"Mã cán bộ «{code}» đã có.", field="code")
    if citizen_id and session.scalars(select(Person.id).where(Person.citizen_id == citizen_id)).first():
        raise InputError(f"Số căn cước «{citizen_id}» đã thuộc về người khác.", field="citizen_id")
    if data.birth_date and data.birth_date >= data.start_date:
        raise InputError("Ngày sinh phải trước ngày bắt đầu công tác.", field="birth_date")
    quota_group_id = None
    if data.quota_group_code:
        group = session.scalars(select(QuotaGroup).where(QuotaGroup.unit_id == unit.id,
                                                         QuotaGroup.code == data.quota_group_code)).first()
        if group is None:
            raise InputError(f"Không có nhóm nhiệm vụ tương đồng «{data.quota_group_code}».",
                             field="quota_group_code")
        quota_group_id = group.id
    person = Person(
        unit_id=unit.id, code=code, full_name=full_name, family_name=family, middle_name=middle, given_name=given,
        sort_key=sort_key_text(family, middle, given), birth_date=data.birth_date, gender=gender or None,
        category=category, party_member=data.party_member, party_joined_on=data.party_joined_on,
        rank_code=data.rank_code, rank_name=data.rank_name, salary_step=data.salary_step,
        salary_coefficient=data.salary_coefficient, career_step=data.career_step, citizen_id=citizen_id,
        national_code=data.national_code, quota_group_id=quota_group_id, email=data.email, phone=data.phone,
        active=data.end_date is None,
    )
    session.add(person)
    session.flush()
    session.add(EmploymentSpan(person_id=person.id, unit_id=unit.id, start_date=data.start_date,
                               end_date=data.end_date))
    if data.body_code:
        assign_role(session, person, _body(session, unit, data.body_code), data.role, data.start_date,
                    end=data.end_date, title=data.title, scope=data.scope)
    if data.position_code:
        assign_position(session, person, data.position_code, data.start_date, end=data.end_date)
    for extra in data.concurrent_position_codes:
        assign_position(session, person, extra, data.start_date, end=data.end_date,
                        kind=PositionAssignmentKind.CONCURRENT.value)
    session.flush()
    return person


def assign_role(session: Session, person: Person, body: Body, role: str, start: date, *,
                end: date | None = None, title: str | None = None, scope: str | None = None) -> RoleAssignment:
    value = _enum_value(LeadershipRole, role, "role", "Vai trò")
    if end is not None and end < start:
        raise InputError("Ngày kết thúc phải sau ngày bắt đầu.", field="end_date")
    ra = RoleAssignment(person_id=person.id, body_id=body.id, role=value, title=title, scope=scope,
                        start_date=start, end_date=end)
    session.add(ra)
    session.flush()
    return ra


def assign_position(session: Session, person: Person, position_code: str, start: date, *,
                    end: date | None = None, kind: str = PositionAssignmentKind.PRIMARY.value) -> PersonPosition:
    value = _enum_value(PositionAssignmentKind, kind, "kind", "Loại vị trí")
    pp = PersonPosition(person_id=person.id, position_id=_position(session, position_code).id, kind=value,
                        start_date=start, end_date=end)
    session.add(pp)
    session.flush()
    return pp


def add_leave(session: Session, person: Person, kind: str, start: date, end: date | None,
              note: str | None = None, decision_no: str | None = None) -> Leave:
    value = _enum_value(LeaveKind, kind, "kind", "Loại nghỉ")
    if end is not None and end < start:
        raise InputError("Ngày kết thúc nghỉ phải sau ngày bắt đầu.", field="end_date")
    leave = Leave(person_id=person.id, kind=value, start_date=start, end_date=end, note=note,
                  decision_no=decision_no)
    session.add(leave)
    session.flush()
    return leave


def add_discipline(session: Session, person: Person, *, form: str | None, track: str, decided_on: date,
                   kind: str = "discipline", violation_id: str | None = None, decision_no: str | None = None,
                   reason: str | None = None, effective_date: date | None = None) -> DisciplineRecord:
    track_value = _enum_value(DisciplineTrack, track, "track", "Hình thức kỷ luật (Đảng/hành chính)")
    form_value = _enum_value(DisciplineForm, form, "form", "Hình thức kỷ luật") if form else None
    if kind == "discipline" and form_value is None:
        raise InputError("Phải ghi hình thức kỷ luật.", field="form")
    rec = DisciplineRecord(person_id=person.id, kind=kind, form=form_value, track=track_value,
                           decided_on=decided_on, effective_date=effective_date or decided_on,
                           violation_id=violation_id, decision_no=decision_no, reason=reason)
    session.add(rec)
    session.flush()
    return rec


def add_transfer(session: Session, person: Person, transfer_date: date, *, from_unit_code: str | None,
                 from_unit_name: str | None, to_unit_code: str | None, to_unit_name: str | None,
                 carried_scores: list[dict[str, Any]] | None = None, decision_no: str | None = None,
                 old_unit_opinion: str | None = None) -> Transfer:
    tr = Transfer(person_id=person.id, transfer_date=transfer_date, from_unit_code=from_unit_code,
                  from_unit_name=from_unit_name, to_unit_code=to_unit_code, to_unit_name=to_unit_name,
                  carried_scores=carried_scores or [], decision_no=decision_no, old_unit_opinion=old_unit_opinion)
    session.add(tr)
    session.flush()
    return tr


def assess_competency(session: Session, person: Person, competency_code: str, level: int, on: date,
                      assessed_by: str | None = None) -> PersonCompetency:
    comp = session.scalars(select(Competency).where(Competency.code == competency_code)).first()
    if comp is None:
        raise InputError(f"Không có năng lực mã «{competency_code}».", field="competency_code")
    if not 1 <= level <= 5:
        raise InputError(f"Cấp độ {level} phải từ 1 đến 5.", field="level")
    pc = PersonCompetency(person_id=person.id, competency_id=comp.id, level=level, assessed_on=on,
                          assessed_by=assessed_by)
    session.add(pc)
    session.flush()
    return pc


def _overlap_days(a_start: date, a_end: date, b_start: date, b_end: date) -> int:
    start, end = max(a_start, b_start), min(a_end, b_end)
    return (end - start).days + 1 if end >= start else 0


def work_time(session: Session, person_id: int, year: int) -> WorkTime:
    """Months actually worked in `year`: days employed minus days on leave, in whole months (30 days,
    rounded down). Maternity leave is flagged separately (it does not bar the rating)."""
    y0, y1 = date(year, 1, 1), date(year, 12, 31)
    spans = session.scalars(select(EmploymentSpan).where(EmploymentSpan.person_id == person_id)).all()
    employed = sum(_overlap_days(s.start_date, s.end_date or y1, y0, y1) for s in spans)
    leaves = session.scalars(select(Leave).where(Leave.person_id == person_id)).all()
    on_leave = 0
    maternity = False
    for leave in leaves:
        days = _overlap_days(leave.start_date, leave.end_date or y1, y0, y1)
        if days and leave.kind == LeaveKind.MATERNITY.value:
            maternity = True
        on_leave += days
    worked = max(employed - on_leave, 0)
    return WorkTime(months_worked=min(12, worked // 30), maternity_leave=maternity, days_employed=employed,
                    days_on_leave=on_leave)


# ---------------------------------------------------------------------------------------------------
# Use cases


def _current(model: Any, day: date) -> Any:
    return and_(model.start_date <= day, or_(model.end_date.is_(None), model.end_date >= day))


def _current_role(session: Session, person_id: int, day: date) -> RoleAssignment | None:
    rows = session.scalars(select(RoleAssignment).where(RoleAssignment.person_id == person_id,
                                                        _current(RoleAssignment, day))
                           .order_by(RoleAssignment.start_date.desc())).all()
    order = {"head": 0, "deputy": 1, "staff": 2}
    return min(rows, key=lambda r: order.get(r.role, 9)) if rows else None


def body_of(session: Session, person_id: int, on: date | None = None) -> int | None:
    """The body a person belongs to on a date (their highest current role), for permission checks."""
    role = _current_role(session, person_id, on or date.today())
    if role is None:  # left or not yet placed: the last body they were in
        role = session.scalars(select(RoleAssignment).where(RoleAssignment.person_id == person_id)
                               .order_by(RoleAssignment.start_date.desc())).first()
    return role.body_id if role else None


_LIST_COLUMNS = (Person.id, Person.code, Person.full_name, Person.category, Person.party_member,
                 Person.quota_group_id, Person.active)


def _listing_query(flt: PersonFilter, day: date, restrict: dict[str, int] | None,
                   actor: Actor) -> Any:
    # Plain columns, not ORM objects: a province database lists thousands of people.
    query = select(*_LIST_COLUMNS).order_by(Person.sort_key, Person.id)
    if flt.active_only:
        query = query.where(Person.active.is_(True))
    if flt.category:
        query = query.where(Person.category == _enum_value(PersonCategory, flt.category, "category", "Đối tượng"))
    body_id = flt.body_id
    if restrict and "person_id" in restrict:
        query = query.where(Person.id == restrict["person_id"])
    if restrict and "body_id" in restrict:
        in_body = select(RoleAssignment.person_id).where(RoleAssignment.body_id == restrict["body_id"],
                                                         _current(RoleAssignment, day))
        query = query.where(or_(Person.id.in_(in_body), Person.id == (actor.person_id or -1)))
    if body_id is not None:
        query = query.where(Person.id.in_(select(RoleAssignment.person_id).where(
            RoleAssignment.body_id == body_id, _current(RoleAssignment, day))))
    if flt.position_id is not None:
        query = query.where(Person.id.in_(select(PersonPosition.person_id).where(
            PersonPosition.position_id == flt.position_id, _current(PersonPosition, day))))
    return query


_ROLE_ORDER = {"head": 0, "deputy": 1, "staff": 2}


def list_people(db: Database, actor: Actor, flt: PersonFilter | None = None) -> list[PersonRow]:
    flt = flt or PersonFilter()
    restrict = visible_person_filter(actor, Action.PERSON_VIEW)
    day = flt.on or date.today()
    with db.session(actor) as session:
        people = session.execute(_listing_query(flt, day, restrict, actor)).all()
        if flt.text and flt.text.strip():
            query = clean_name(flt.text).casefold()
            if _fold(query) == query:  # typed without diacritics: match regardless of them
                people = [p for p in people if query in _fold(p.full_name) or query in _fold(p.code)]
            else:  # typed with diacritics: they count ("Ánh" does not find "Anh")
                people = [p for p in people if query in p.full_name.casefold() or query in p.code.casefold()]
        wanted = {p.id for p in people}
        roles: dict[int, tuple[int, str, str | None]] = {}
        for pid, bid, role, title in session.execute(
                select(RoleAssignment.person_id, RoleAssignment.body_id, RoleAssignment.role, RoleAssignment.title)
                .where(_current(RoleAssignment, day))):
            if pid not in wanted:
                continue
            best = roles.get(pid)
            if best is None or _ROLE_ORDER.get(role, 9) < _ROLE_ORDER.get(best[1], 9):
                roles[pid] = (bid, role, title)
        positions: dict[int, tuple[str, str]] = {}
        for pid, code, name in session.execute(
                select(PersonPosition.person_id, JobPosition.code, JobPosition.name)
                .join(JobPosition, JobPosition.id == PersonPosition.position_id)
                .where(PersonPosition.kind == "primary", _current(PersonPosition, day))):
            if pid in wanted:
                positions[pid] = (code, name)
        bodies = dict(session.execute(select(Body.id, Body.name)).all())
        groups = dict(session.execute(select(QuotaGroup.id, QuotaGroup.code)).all())
        category_labels = {c.value: c.label_vi for c in PersonCategory}
        role_labels = {r.value: r.label_vi for r in LeadershipRole}
        out = []
        for p in people:
            ra = roles.get(p.id)
            pos = positions.get(p.id)
            out.append(PersonRow(
                id=p.id, code=p.code, full_name=p.full_name, category=p.category,
                category_label=category_labels[p.category], party_member=p.party_member,
                body_id=ra[0] if ra else None, body_name=bodies.get(ra[0]) if ra else None,
                role=ra[1] if ra else None, role_label=role_labels[ra[1]] if ra else None,
                title=ra[2] if ra else None, position_code=pos[0] if pos else None,
                position_name=pos[1] if pos else None,
                quota_group=groups.get(p.quota_group_id) if p.quota_group_id else None, active=p.active))
        return out


def person_page(db: Database, actor: Actor, person_id: int, on: date | None = None) -> PersonPage:
    day = on or date.today()
    with db.session(actor) as session:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFoundError(f"Không có cán bộ mã số {person_id}.", field="person_id")
        body_id = body_of(session, person_id, day)
        require(actor, Action.PERSON_VIEW, person_id=person_id, body_id=body_id)
        bodies = {b.id: b for b in session.scalars(select(Body))}
        role_rows = session.scalars(select(RoleAssignment).where(RoleAssignment.person_id == person_id)
                                    .order_by(RoleAssignment.start_date)).all()
        current = _current_role(session, person_id, day)
        roles = [Span("role", f"{LeadershipRole(r.role).label_vi} — {bodies[r.body_id].name}", r.start_date,
                      r.end_date, r.title or "") for r in role_rows]
        pos_rows = session.execute(
            select(PersonPosition, JobPosition).join(JobPosition, JobPosition.id == PersonPosition.position_id)
            .where(PersonPosition.person_id == person_id).order_by(PersonPosition.start_date)).all()
        positions = [Span("position", f"{pos.code} {pos.name}", pp.start_date, pp.end_date,
                          PositionAssignmentKind(pp.kind).label_vi) for pp, pos in pos_rows]
        employment = [Span("employment", "Công tác tại đơn vị", s.start_date, s.end_date, s.note or "")
                      for s in session.scalars(select(EmploymentSpan).where(EmploymentSpan.person_id == person_id)
                                               .order_by(EmploymentSpan.start_date))]
        leaves = [LeaveItem(lv.id, lv.kind, LeaveKind(lv.kind).label_vi, lv.start_date, lv.end_date, lv.note)
                  for lv in session.scalars(select(Leave).where(Leave.person_id == person_id)
                                            .order_by(Leave.start_date))]
        transfers = [TransferItem(t.id, t.transfer_date, t.from_unit_name, t.to_unit_name, list(t.carried_scores),
                                  t.decision_no)
                     for t in session.scalars(select(Transfer).where(Transfer.person_id == person_id)
                                              .order_by(Transfer.transfer_date))]
        discipline = [
            DisciplineItem(d.id, d.kind, d.form, DisciplineForm(d.form).label_vi if d.form else None, d.track,
                           DisciplineTrack(d.track).label_vi, d.decided_on, d.violation_id, d.rating_year_applied,
                           d.reason)
            for d in session.scalars(select(DisciplineRecord).where(DisciplineRecord.person_id == person_id)
                                     .order_by(DisciplineRecord.decided_on))]
        gaps = _competency_gaps(session, person_id, [pos for pp, pos in pos_rows
                                                     if pp.start_date <= day and (pp.end_date is None
                                                                                  or pp.end_date >= day)])
        group = session.get(QuotaGroup, person.quota_group_id) if person.quota_group_id else None
        page = PersonPage(
            id=person.id, person_id=person.id, body_id=body_id, code=person.code, full_name=person.full_name,
            family_name=person.family_name, middle_name=person.middle_name, given_name=person.given_name,
            birth_date=person.birth_date, gender=person.gender, category=person.category,
            category_label=PersonCategory(person.category).label_vi, party_member=person.party_member,
            rank_code=person.rank_code, rank_name=person.rank_name, salary_step=person.salary_step,
            salary_coefficient=person.salary_coefficient, citizen_id=person.citizen_id,
            national_code=person.national_code, quota_group=group.code if group else None, active=person.active,
            body_name=bodies[current.body_id].name if current else None,
            role=current.role if current else None, title=current.title if current else None,
            roles=roles, positions=positions, employment=employment, leaves=leaves, transfers=transfers,
            discipline=discipline, competency_gaps=gaps)
        return redact_personal(actor, page, person_id=person_id, body_id=body_id)


def _competency_gaps(session: Session, person_id: int, positions: list[JobPosition]) -> list[CompetencyGap]:
    assessed: dict[int, PersonCompetency] = {}
    for pc in session.scalars(select(PersonCompetency).where(PersonCompetency.person_id == person_id)
                              .order_by(PersonCompetency.assessed_on)):
        assessed[pc.competency_id] = pc  # the latest assessment wins
    seen: dict[int, CompetencyGap] = {}
    for pos in positions:
        rows = session.execute(
            select(PositionCompetency, Competency).join(Competency, Competency.id == PositionCompetency.competency_id)
            .where(PositionCompetency.position_id == pos.id)
            .order_by(Competency.sort_order, Competency.code)).all()
        for req, comp in rows:
            have = assessed.get(comp.id)
            gap = CompetencyGap(comp.code, comp.name, comp.kind, req.required_level,
                                have.level if have else None,
                                (req.required_level - have.level) if have else None, pos.code)
            if comp.id not in seen or req.required_level > seen[comp.id].required_level:
                seen[comp.id] = gap
    return list(seen.values())


def _home_unit(session: Session) -> Unit:
    unit = session.scalars(select(Unit).where(Unit.is_home.is_(True))).first()
    if unit is None:
        raise NotFoundError("Cơ sở dữ liệu chưa gắn với xã, phường nào.",
                            hint="Tạo đơn vị trước (kpi demo, hoặc trong chương trình: Thiết lập đơn vị).")
    return unit


def create_person(db: Database, actor: Actor, data: NewPerson) -> int:
    require(actor, Action.PERSON_EDIT)
    with db.session(actor) as session:
        return add_person(session, _home_unit(session), data).id


def _person_for_edit(session: Session, actor: Actor, person_id: int, action: Action) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(f"Không có cán bộ mã số {person_id}.", field="person_id")
    require(actor, action, person_id=person_id, body_id=body_of(session, person_id))
    return person


def record_leave(db: Database, actor: Actor, person_id: int, kind: str, start: date, end: date | None,
                 note: str | None = None) -> int:
    with db.session(actor) as session:
        person = _person_for_edit(session, actor, person_id, Action.PERSON_EDIT)
        return add_leave(session, person, kind, start, end, note).id


def record_discipline(db: Database, actor: Actor, person_id: int, form: str | None, track: str,
                      decided_on: date, *, kind: str = "discipline", violation_id: str | None = None,
                      decision_no: str | None = None, reason: str | None = None) -> int:
    with db.session(actor) as session:
        person = _person_for_edit(session, actor, person_id, Action.DISCIPLINE_EDIT)
        return add_discipline(session, person, form=form, track=track, decided_on=decided_on, kind=kind,
                              violation_id=violation_id, decision_no=decision_no, reason=reason).id


def record_transfer(db: Database, actor: Actor, person_id: int, transfer_date: date, *,
                    from_unit_code: str | None, from_unit_name: str | None, to_unit_code: str | None,
                    to_unit_name: str | None, carried_scores: list[dict[str, Any]] | None = None,
                    decision_no: str | None = None) -> int:
    with db.session(actor) as session:
        person = _person_for_edit(session, actor, person_id, Action.PERSON_EDIT)
        return add_transfer(session, person, transfer_date, from_unit_code=from_unit_code,
                            from_unit_name=from_unit_name, to_unit_code=to_unit_code, to_unit_name=to_unit_name,
                            carried_scores=carried_scores, decision_no=decision_no).id


def record_competency(db: Database, actor: Actor, person_id: int, competency_code: str, level: int,
                      assessed_on: date) -> int:
    with db.session(actor) as session:
        person = _person_for_edit(session, actor, person_id, Action.PERSON_EDIT)
        return assess_competency(session, person, competency_code, level, assessed_on,
                                 assessed_by=actor.display_name or actor.username).id


def end_of_month(day: date) -> date:
    nxt = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


UPDATABLE_FIELDS = frozenset({
    "full_name", "birth_date", "gender", "category", "party_member", "party_joined_on", "rank_code",
    "rank_name", "salary_step", "salary_coefficient", "career_step", "citizen_id", "national_code",
    "quota_group_code", "email", "phone", "active", "note",
})


def update_person(db: Database, actor: Actor, person_id: int, changes: dict[str, Any]) -> None:
    unknown = set(changes) - UPDATABLE_FIELDS
    if unknown:
        raise InputError(f"Không sửa được trường: {', '.join(sorted(unknown))}.", field=sorted(unknown)[0])
    with db.session(actor) as session:
        person = _person_for_edit(session, actor, person_id, Action.PERSON_EDIT)
        values = dict(changes)
        if "full_name" in values:
            full_name = clean_name(str(values.pop("full_name")))
            family, middle, given = split_full_name(full_name)
            if not family or not given:
                raise InputError(f"Họ và tên «{full_name}» phải có ít nhất họ và tên.", field="full_name")
            person.full_name, person.family_name, person.middle_name, person.given_name = (
                full_name, family, middle, given)
            person.sort_key = sort_key_text(family, middle, given)
        if "category" in values:
            person.category = _enum_value(PersonCategory, values.pop("category"), "category", "Đối tượng")
        if "gender" in values:
            gender = values.pop("gender")
            person.gender = _enum_value(Gender, gender, "gender", "Giới tính") if gender else None
        if "citizen_id" in values:
            citizen_id = (values.pop("citizen_id") or "").strip() or None
            if citizen_id is not None and not valid_citizen_id(citizen_id):
                raise InputError(f"Số căn cước «{citizen_id}» không hợp lệ.", field="citizen_id",
                                 hint="Số căn cước gồm đúng 12 chữ số; 3 chữ số đầu là mã tỉnh.")
            if citizen_id and session.scalars(select(Person.id).where(Person.citizen_id == citizen_id,
                                                                      Person.id != person_id)).first():
                raise InputError(f"Số căn cước «{citizen_id}» đã thuộc về người khác.", field="citizen_id")
            person.citizen_id = citizen_id
        if "quota_group_code" in values:
            code = values.pop("quota_group_code")
            if code:
                group = session.scalars(select(QuotaGroup).where(QuotaGroup.unit_id == person.unit_id,
                                                                 QuotaGroup.code == code)).first()
                if group is None:
                    raise InputError(f"Không có nhóm nhiệm vụ tương đồng «{code}».", field="quota_group_code")
                person.quota_group_id = group.id
            else:
                person.quota_group_id = None
        if "salary_coefficient" in values and values["salary_coefficient"] is not None:
            try:
                values["salary_coefficient"] = Decimal(str(values["salary_coefficient"]))
            except ArithmeticError as exc:
                raise InputError("Hệ số lương phải là số.", field="salary_coefficient") from exc
        for key, value in values.items():
            setattr(person, key, value)


def change_post(db: Database, actor: Actor, person_id: int, on: date, *, body_code: str | None = None,
                role: str | None = None, position_code: str | None = None, title: str | None = None) -> None:
    if body_code is None and role is None and position_code is None:
        raise InputError("Chưa chọn thay đổi nào (cơ quan, vai trò hoặc vị trí việc làm).", field="body_code")
    with db.session(actor) as session:
        person = _person_for_edit(session, actor, person_id, Action.PERSON_EDIT)
        unit = session.get(Unit, person.unit_id)
        assert unit is not None
        day_before = on - timedelta(days=1)
        if body_code is not None or role is not None:
            current = _current_role(session, person_id, on)
            body = _body(session, unit, body_code) if body_code is not None else (
                session.get(Body, current.body_id) if current else None)
            if body is None:
                raise InputError("Người này chưa thuộc cơ quan nào: hãy chọn cơ quan.", field="body_code")
            new_role = role or (current.role if current else LeadershipRole.STAFF.value)
            for ra in session.scalars(select(RoleAssignment).where(RoleAssignment.person_id == person_id,
                                                                   _current(RoleAssignment, on))):
                if ra.start_date >= on:
                    raise InputError("Đã có thay đổi từ ngày này trở đi.", field="on")
                ra.end_date = day_before
            assign_role(session, person, body, new_role, on, title=title)
        if position_code is not None:
            for pp in session.scalars(select(PersonPosition).where(PersonPosition.person_id == person_id,
                                                                   PersonPosition.kind == "primary",
                                                                   _current(PersonPosition, on))):
                if pp.start_date >= on:
                    raise InputError("Đã có thay đổi vị trí từ ngày này trở đi.", field="on")
                pp.end_date = day_before
            assign_position(session, person, position_code, on)
