"""Period work: products assigned to a person, their completions, quality failures and delays.

These rows are what `services.evaluation.task_lines` turns into the scoring contract's task lines, so
whatever is recorded here is exactly what the engine scores (a, b, c). Each function takes a
`Database` and an `Actor`, runs in one transaction, checks rights with `authz.require`
(`ASSIGNMENT_EDIT` to write, `ASSIGNMENT_VIEW` to read) and returns frozen dataclasses.

- k is the product's coefficient from the catalogue at the time of assignment (kept on the row, so a
  later catalogue edit does not rescore old periods). Position multipliers are *not* folded into k:
  the scoring engine applies them from the unit's quy chế (`local.position_multipliers`).
- A product whose catalogue entry lists applicable positions, assigned to a person holding none of
  them in the period, is allowed (arising tasks happen) but carries a warning on every view.
- Completing more than assigned is allowed; the view reports the excess (`exceeded`), and the engine
  caps each line at the assigned quantity, reporting the excess separately (scoring contract).
- An exemption (objective cause) needs both the approver and the reason.
- Writes into a locked period are refused (`StateError`), here and by the store itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kpi_desktop.domain import entities as ent
from kpi_desktop.domain.roles import Actor
from kpi_desktop.errors import InputError, NotFoundError
from kpi_desktop.services.authz import Action, require, visible_person_filter
from kpi_desktop.services.evaluation import find_period, home_unit, role_in
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.catalog import JobPosition, Product, ProductPosition
from kpi_desktop.store.models.evaluation import (
    Assignment,
    CompletionRecord,
    DelayEvent,
    EvaluationPeriod,
    QualityFailure,
)
from kpi_desktop.store.models.people import Person, PersonPosition, RoleAssignment

SOURCES = tuple(s.value for s in ent.AssignmentSource)


# --- DTOs ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CompletionView:
    id: int
    quantity: Decimal
    completed_on: date
    accepted_by: str | None
    note: str | None


@dataclass(frozen=True)
class IncidentView:
    """A quality failure (`kind="quality"`) or a delay (`kind="delay"`)."""

    id: int
    kind: str
    count: int
    occurred_on: date | None
    exempt: bool
    approver: str | None
    reason: str | None


@dataclass(frozen=True)
class AssignmentView:
    id: int
    period_code: str
    period_state: str
    person_id: int
    person_code: str
    person_name: str
    body_id: int | None
    product_id: int
    product_code: str
    product_name: str
    unit_of_measure: str
    k: Decimal
    quantity: Decimal
    deadline: date | None
    source: str
    description: str | None
    assigned_by: str | None
    completed: Decimal
    quality_failures: int
    quality_failures_exempt: int
    delays: int
    delays_exempt: int
    completions: tuple[CompletionView, ...] = ()
    incidents: tuple[IncidentView, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def exceeded(self) -> Decimal:
        """How much was completed beyond the assigned quantity (0 when not exceeded)."""
        return max(self.completed - self.quantity, Decimal(0))

    @property
    def source_vi(self) -> str:
        return ent.AssignmentSource(self.source).label_vi


@dataclass(frozen=True)
class PersonChoice:
    id: int
    code: str
    full_name: str
    body_id: int | None
    role: str


@dataclass(frozen=True)
class ProductChoice:
    id: int
    code: str
    name: str
    unit_of_measure: str
    k: Decimal
    applicable: bool  # the catalogue lists no positions, or one the person holds in the period


# --- parsing ---------------------------------------------------------------------------------------

def parse_quantity(value: Any, field: str = "quantity", *, allow_zero: bool = False) -> Decimal:
    """A quantity typed by a user ("2,5" or "2.5") → Decimal; refuses non-numbers and negatives."""
    text = str(value if value is not None else "").strip().replace(",", ".")
    if not text:
        raise InputError("Chưa nhập số lượng.", field=field, hint="Nhập một số, ví dụ 10 hoặc 2,5.")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise InputError(f"Số lượng phải là một số, nhận được «{value}».", field=field,
                         hint="Nhập một số, ví dụ 10 hoặc 2,5.") from None
    if not number.is_finite():
        raise InputError(f"Số lượng «{value}» không hợp lệ.", field=field)
    if number < 0 or (number == 0 and not allow_zero):
        raise InputError(f"Số lượng phải lớn hơn 0, nhận được {value}.", field=field,
                         hint="Số lượng không được âm hoặc bằng 0.")
    if number.as_tuple().exponent < -2:  # type: ignore[operator]
        raise InputError(f"Số lượng «{value}» có quá hai chữ số thập phân.", field=field)
    return number


def parse_count(value: Any, field: str = "count") -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        raise InputError(f"Số lần phải là số nguyên, nhận được «{value}».", field=field) from None
    if number < 1:
        raise InputError(f"Số lần phải từ 1 trở lên, nhận được {value}.", field=field)
    return number


def _check_source(source: str) -> str:
    if source not in SOURCES:
        names = ", ".join(f"{s} ({ent.AssignmentSource(s).label_vi})" for s in SOURCES)
        raise InputError(f"Nguồn giao việc «{source}» không hợp lệ.", field="source", hint=f"Chọn một trong: {names}.")
    return source


def _exemption(exempt: bool, approver: str | None, reason: str | None) -> tuple[str | None, str | None]:
    approver = (approver or "").strip() or None
    reason = (reason or "").strip() or None
    if exempt:
        if approver is None:
            raise InputError("Miễn trừ phải ghi rõ người (cấp có thẩm quyền) xác nhận.", field="approver",
                             hint="Nhập họ tên, chức vụ người xác nhận nguyên nhân khách quan.")
        if reason is None:
            raise InputError("Miễn trừ phải ghi rõ lý do (nguyên nhân khách quan).", field="reason")
    return approver, reason


# --- lookups ---------------------------------------------------------------------------------------

def _period_locked(period: EvaluationPeriod) -> bool:
    return period.state == "locked"


def _person_in_unit(s: Session, period: EvaluationPeriod, person_id: int) -> Person:
    person = s.get(Person, person_id)
    if person is None:
        raise NotFoundError(f"Không có người có mã số nội bộ {person_id}.", field="person")
    if person.unit_id != period.unit_id:
        raise InputError(f"{person.full_name} ({person.code}) không thuộc đơn vị của kỳ {period.code}.",
                         field="person", hint="Chỉ giao việc cho cán bộ của đơn vị mình.")
    return person


def _product(s: Session, code: str) -> Product:
    product = s.scalar(select(Product).where(Product.code == code.strip()))
    if product is None:
        raise NotFoundError(f"Không có sản phẩm mã «{code}» trong danh mục.", field="product",
                            hint="Xem danh mục sản phẩm (kpi catalog) hoặc thêm sản phẩm trước khi giao.")
    if not product.active:
        raise InputError(f"Sản phẩm «{product.code}» đã ngừng sử dụng trong danh mục.", field="product")
    return product


def _held_positions(s: Session, person_id: int, start: date, end: date) -> set[int]:
    return set(s.scalars(select(PersonPosition.position_id).where(
        PersonPosition.person_id == person_id, PersonPosition.start_date <= end,
        (PersonPosition.end_date.is_(None)) | (PersonPosition.end_date >= start))))


def _applicability_warning(s: Session, product_id: int, person: Person, period: EvaluationPeriod) -> str | None:
    listed = set(s.scalars(select(ProductPosition.position_id).where(ProductPosition.product_id == product_id)))
    if not listed or listed & _held_positions(s, person.id, period.start_date, period.end_date):
        return None
    names = sorted(s.scalars(select(JobPosition.name).where(JobPosition.id.in_(listed))))
    return (f"Sản phẩm này theo danh mục dành cho vị trí: {', '.join(names)}; {person.full_name} "
            "không giữ vị trí nào trong số đó trong kỳ.")


def _assignment(s: Session, assignment_id: int) -> tuple[Assignment, EvaluationPeriod, Person]:
    a = s.get(Assignment, assignment_id)
    if a is None:
        raise NotFoundError(f"Không có nhiệm vụ số {assignment_id}.", field="assignment",
                            hint="Xem danh sách bằng: kpi assign list MÃ_KỲ.")
    period = s.get(EvaluationPeriod, a.period_id)
    person = s.get(Person, a.person_id)
    assert period is not None and person is not None
    return a, period, person


def _require_edit(s: Session, actor: Actor, period: EvaluationPeriod, person: Person) -> int | None:
    _, body_id = role_in(s, person.id, period.start_date, period.end_date)
    require(actor, Action.ASSIGNMENT_EDIT, person_id=person.id, body_id=body_id,
            period_locked=_period_locked(period))
    return body_id


def _view(s: Session, a: Assignment, period: EvaluationPeriod, person: Person,
          body_id: int | None) -> AssignmentView:
    product = s.get(Product, a.product_id)
    assert product is not None
    completions = tuple(CompletionView(c.id, c.quantity, c.completed_on, c.accepted_by, c.note)
                        for c in sorted(a.completions, key=lambda c: (c.completed_on, c.id)))
    incidents = tuple(
        [IncidentView(q.id, "quality", q.count, q.occurred_on, q.exempt, q.approver, q.reason)
         for q in sorted(a.quality_failures, key=lambda q: q.id)]
        + [IncidentView(d.id, "delay", d.count, d.occurred_on, d.exempt, d.approver, d.reason)
           for d in sorted(a.delays, key=lambda d: d.id)])
    warning = _applicability_warning(s, product.id, person, period)
    return AssignmentView(
        id=a.id, period_code=period.code, period_state=period.state, person_id=person.id,
        person_code=person.code, person_name=person.full_name, body_id=body_id, product_id=product.id,
        product_code=product.code, product_name=product.name, unit_of_measure=product.unit_of_measure,
        k=a.k, quantity=a.quantity, deadline=a.deadline, source=a.source, description=a.description,
        assigned_by=a.assigned_by, completed=sum((c.quantity for c in a.completions), Decimal(0)),
        quality_failures=sum(q.count for q in a.quality_failures),
        quality_failures_exempt=sum(q.count for q in a.quality_failures if q.exempt),
        delays=sum(d.count for d in a.delays), delays_exempt=sum(d.count for d in a.delays if d.exempt),
        completions=completions, incidents=incidents, warnings=(warning,) if warning else ())


# --- use cases -------------------------------------------------------------------------------------

def assign_product(db: Database, actor: Actor, period_code: str, person_id: int, product_code: str,
                   quantity: Any, *, deadline: date | None = None, source: str = "plan",
                   description: str | None = None, unit_code: str | None = None) -> AssignmentView:
    """Assign `quantity` of a catalogue product to a person for a period (k taken from the catalogue)."""
    qty = parse_quantity(quantity)
    _check_source(source)
    with db.session(actor) as s:
        period = find_period(s, period_code, unit_code)
        person = _person_in_unit(s, period, person_id)
        body_id = _require_edit(s, actor, period, person)
        if not person.active:
            raise InputError(f"{person.full_name} ({person.code}) không còn công tác tại đơn vị.", field="person")
        product = _product(s, product_code)
        if deadline is not None and deadline < period.start_date:
            raise InputError(f"Hạn hoàn thành {deadline:%d/%m/%Y} trước ngày bắt đầu kỳ "
                             f"({period.start_date:%d/%m/%Y}).", field="deadline")
        a = Assignment(period_id=period.id, person_id=person.id, product_id=product.id, quantity=qty,
                       k=product.k, deadline=deadline, source=source,
                       description=(description or "").strip() or None, assigned_by=actor.username)
        s.add(a)
        s.flush()
        return _view(s, a, period, person, body_id)


_UNSET: Any = object()


def update_assignment(db: Database, actor: Actor, assignment_id: int, *, quantity: Any = None,
                      deadline: date | None = _UNSET, source: str | None = None,
                      description: str | None = _UNSET) -> AssignmentView:
    """Change the quantity, deadline, source or description of an assignment (k stays as assigned)."""
    qty = parse_quantity(quantity) if quantity is not None else None
    if source is not None:
        _check_source(source)
    with db.session(actor) as s:
        a, period, person = _assignment(s, assignment_id)
        body_id = _require_edit(s, actor, period, person)
        if qty is not None:
            a.quantity = qty
        if deadline is not _UNSET:
            if deadline is not None and deadline < period.start_date:
                raise InputError(f"Hạn hoàn thành {deadline:%d/%m/%Y} trước ngày bắt đầu kỳ "
                                 f"({period.start_date:%d/%m/%Y}).", field="deadline")
            a.deadline = deadline
        if source is not None:
            a.source = source
        if description is not _UNSET:
            a.description = (description or "").strip() or None
        s.flush()
        return _view(s, a, period, person, body_id)


def remove_assignment(db: Database, actor: Actor, assignment_id: int) -> AssignmentView:
    """Remove an assignment with its completions, failures and delays; returns what was removed."""
    with db.session(actor) as s:
        a, period, person = _assignment(s, assignment_id)
        body_id = _require_edit(s, actor, period, person)
        view = _view(s, a, period, person, body_id)
        s.delete(a)
        s.flush()
        return view


def record_completion(db: Database, actor: Actor, assignment_id: int, quantity: Any, completed_on: date, *,
                      note: str | None = None) -> AssignmentView:
    """Record a quantity completed (accepted) on a date. More than assigned is allowed and reported."""
    qty = parse_quantity(quantity)
    if not isinstance(completed_on, date):
        raise InputError("Chưa nhập ngày hoàn thành.", field="completed_on")
    with db.session(actor) as s:
        a, period, person = _assignment(s, assignment_id)
        body_id = _require_edit(s, actor, period, person)
        if completed_on < period.start_date:
            raise InputError(f"Ngày hoàn thành {completed_on:%d/%m/%Y} trước ngày bắt đầu kỳ "
                             f"({period.start_date:%d/%m/%Y}).", field="completed_on")
        a.completions.append(CompletionRecord(quantity=qty, completed_on=completed_on, accepted_by=actor.username,
                                              note=(note or "").strip() or None))
        s.flush()
        return _view(s, a, period, person, body_id)


def _incident(db: Database, actor: Actor, assignment_id: int, kind: str, count: Any, occurred_on: date | None,
              exempt: bool, approver: str | None, reason: str | None) -> AssignmentView:
    n = parse_count(count)
    approver, reason = _exemption(exempt, approver, reason)
    with db.session(actor) as s:
        a, period, person = _assignment(s, assignment_id)
        body_id = _require_edit(s, actor, period, person)
        row_type = QualityFailure if kind == "quality" else DelayEvent
        row = row_type(count=n, occurred_on=occurred_on, exempt=bool(exempt), approver=approver, reason=reason)
        if kind == "quality":
            a.quality_failures.append(row)  # type: ignore[arg-type]
        else:
            a.delays.append(row)  # type: ignore[arg-type]
        s.flush()
        return _view(s, a, period, person, body_id)


def record_quality_failure(db: Database, actor: Actor, assignment_id: int, count: Any = 1, *,
                           occurred_on: date | None = None, exempt: bool = False, approver: str | None = None,
                           reason: str | None = None) -> AssignmentView:
    """Failed quality checks caused by a major content error (each deducts 25% of the line's b)."""
    return _incident(db, actor, assignment_id, "quality", count, occurred_on, exempt, approver, reason)


def record_delay(db: Database, actor: Actor, assignment_id: int, count: Any = 1, *,
                 occurred_on: date | None = None, exempt: bool = False, approver: str | None = None,
                 reason: str | None = None) -> AssignmentView:
    """Delays (each deducts 25% of the line's c unless exempt)."""
    return _incident(db, actor, assignment_id, "delay", count, occurred_on, exempt, approver, reason)


RECORD_KINDS = ("completion", "quality", "delay")


def remove_record(db: Database, actor: Actor, kind: str, record_id: int) -> AssignmentView:
    """Remove one completion (`kind="completion"`), quality failure (`"quality"`) or delay (`"delay"`)
    recorded by mistake; returns the assignment as it is afterwards."""
    if kind not in RECORD_KINDS:
        raise InputError(f"Loại ghi nhận «{kind}» không hợp lệ.", field="kind",
                         hint="Chọn completion (hoàn thành), quality (lỗi chất lượng) hoặc delay (trễ hạn).")
    with db.session(actor) as s:
        row: CompletionRecord | QualityFailure | DelayEvent | None = (
            s.get(CompletionRecord, record_id) if kind == "completion" else
            s.get(QualityFailure, record_id) if kind == "quality" else s.get(DelayEvent, record_id))
        if row is None:
            raise NotFoundError(f"Không có ghi nhận số {record_id} thuộc loại này.", field="record",
                                hint="Xem số ghi nhận bằng: kpi assign list MÃ_KỲ --json.")
        a, period, person = _assignment(s, row.assignment_id)
        body_id = _require_edit(s, actor, period, person)
        s.delete(row)
        s.flush()
        s.expire(a)
        return _view(s, a, period, person, body_id)


def get_assignment(db: Database, actor: Actor, assignment_id: int) -> AssignmentView:
    with db.session(actor) as s:
        a, period, person = _assignment(s, assignment_id)
        _, body_id = role_in(s, person.id, period.start_date, period.end_date)
        require(actor, Action.ASSIGNMENT_VIEW, person_id=person.id, body_id=body_id)
        return _view(s, a, period, person, body_id)


def _body_members(s: Session, body_id: int, period: EvaluationPeriod) -> set[int]:
    return set(s.scalars(select(RoleAssignment.person_id).where(
        RoleAssignment.body_id == body_id, RoleAssignment.start_date <= period.end_date,
        (RoleAssignment.end_date.is_(None)) | (RoleAssignment.end_date >= period.start_date))))


def list_assignments(db: Database, actor: Actor, period_code: str, *, person_id: int | None = None,
                     body_id: int | None = None, unit_code: str | None = None) -> list[AssignmentView]:
    """A person's, a body's, or (no filter) every visible person's assignments in a period."""
    with db.session(actor) as s:
        period = find_period(s, period_code, unit_code)
        if person_id is not None:
            person = _person_in_unit(s, period, person_id)
            _, pbody = role_in(s, person.id, period.start_date, period.end_date)
            require(actor, Action.ASSIGNMENT_VIEW, person_id=person.id, body_id=pbody)
        elif body_id is not None:
            require(actor, Action.ASSIGNMENT_VIEW, body_id=body_id)
        narrow = visible_person_filter(actor, Action.ASSIGNMENT_VIEW)
        q = select(Assignment).where(Assignment.period_id == period.id)
        if person_id is not None:
            q = q.where(Assignment.person_id == person_id)
        if body_id is not None:
            q = q.where(Assignment.person_id.in_(_body_members(s, body_id, period) or {-1}))
        rows = s.scalars(q.order_by(Assignment.id)).all()
        views: list[AssignmentView] = []
        bodies: dict[int, int | None] = {}
        for a in rows:
            who = s.get(Person, a.person_id)
            assert who is not None
            if a.person_id not in bodies:
                bodies[a.person_id] = role_in(s, a.person_id, period.start_date, period.end_date)[1]
            pbody = bodies[a.person_id]
            if narrow and "person_id" in narrow and a.person_id != narrow["person_id"]:
                continue
            if narrow and "body_id" in narrow and pbody != narrow["body_id"] and a.person_id != actor.person_id:
                continue
            views.append(_view(s, a, period, who, pbody))
        return views


def assignable_people(db: Database, actor: Actor, period_code: str, *,
                      unit_code: str | None = None) -> list[PersonChoice]:
    """The active people of the period's unit the actor may assign work to (for pickers)."""
    with db.session(actor) as s:
        require(actor, Action.ASSIGNMENT_VIEW)
        period = find_period(s, period_code, unit_code)
        narrow = visible_person_filter(actor, Action.ASSIGNMENT_VIEW)
        people = s.scalars(select(Person).where(Person.unit_id == period.unit_id, Person.active.is_(True))
                           .order_by(Person.sort_key, Person.code)).all()
        out: list[PersonChoice] = []
        for p in people:
            role, body = role_in(s, p.id, period.start_date, period.end_date)
            if narrow and "person_id" in narrow and p.id != narrow["person_id"]:
                continue
            if narrow and "body_id" in narrow and body != narrow["body_id"] and p.id != actor.person_id:
                continue
            out.append(PersonChoice(p.id, p.code, p.full_name, body, role))
        return out


def product_choices(db: Database, actor: Actor, period_code: str, person_id: int, *,
                    unit_code: str | None = None) -> list[ProductChoice]:
    """Active catalogue products, those applicable to the person's positions in the period first."""
    with db.session(actor) as s:
        require(actor, Action.CATALOG_VIEW)
        period = find_period(s, period_code, unit_code)
        person = _person_in_unit(s, period, person_id)
        held = _held_positions(s, person.id, period.start_date, period.end_date)
        listed: dict[int, set[int]] = {}
        for pid, pos in s.execute(select(ProductPosition.product_id, ProductPosition.position_id)):
            listed.setdefault(pid, set()).add(pos)
        products = s.scalars(select(Product).where(Product.active.is_(True)).order_by(Product.code)).all()
        out = [ProductChoice(p.id, p.code, p.name, p.unit_of_measure, p.k,
                             not listed.get(p.id) or bool(listed[p.id] & held)) for p in products]
        return sorted(out, key=lambda c: (not c.applicable, c.code))


def find_person_id(db: Database, actor: Actor, code: str, *, unit_code: str | None = None) -> int:
    """A person's internal id from their staff code in the (home) unit."""
    from kpi_desktop.services.evaluation import find_person

    with db.session(actor) as s:
        unit = home_unit(s, unit_code)
        return find_person(s, code, unit.id).id


def find_body_id(db: Database, actor: Actor, code: str, *, unit_code: str | None = None) -> int:
    """A body's internal id from its code in the (home) unit."""
    from kpi_desktop.store.models.core import Body

    with db.session(actor) as s:
        unit = home_unit(s, unit_code)
        body = s.scalar(select(Body).where(Body.unit_id == unit.id, Body.code == code.strip()))
        if body is None:
            raise NotFoundError(f"Không có cơ quan, đơn vị mã «{code}» trong đơn vị {unit.code}.", field="body")
        return body.id
