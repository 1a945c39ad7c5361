"""Period work (assignments, completions, quality failures, delays) through the service and `kpi assign`,
checked against what the evaluation service and `kpi score period` compute from the same rows."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kpi_desktop.cli import main
from kpi_desktop.domain.roles import SYSTEM, Actor, Role
from kpi_desktop.errors import InputError, NotFoundError, PermissionDenied, StateError
from kpi_desktop.services import assignments as svc
from kpi_desktop.services import auth
from kpi_desktop.services import evaluation as ev_svc
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.catalog import JobPosition, Product, ProductPosition
from kpi_desktop.store.models.core import Body, Unit
from kpi_desktop.store.models.evaluation import Assignment, CompletionRecord, QualityFailure
from kpi_desktop.store.models.people import Person, PersonPosition, RoleAssignment

PASSWORD = "Mat-khau-thu-nghiem-1"
CLERK = Actor(username="canbo", role=Role.CLERK, display_name="Cán bộ tổ chức")
GENERAL = {"a": 9, "b": 9, "c": 9}


class World:
    def __init__(self, db: Database, ids: dict[str, int], url: str) -> None:
        self.db = db
        self.ids = ids
        self.url = url

    def actor(self, code: str, role: Role) -> Actor:
        body = self.ids["body_ld"] if code == "CT-01" else self.ids["body_pkt"]
        return Actor(username=code.lower(), role=role, person_id=self.ids[code], body_id=body)

    @property
    def staff(self) -> Actor:
        return self.actor("CC-0007", Role.STAFF)

    @property
    def head(self) -> Actor:
        return self.actor("LD-01", Role.HEAD)

    @property
    def chair(self) -> Actor:
        return self.actor("CT-01", Role.HEAD)


def seed(url: str) -> World:
    db = Database.open(url)
    ids: dict[str, int] = {}
    with db.session(SYSTEM) as s:
        unit = Unit(code="99999", name="Xã Thử Nghiệm", division_type="xã", province_code="56",
                    province_name="Khánh Hòa", is_home=True)
        other = Unit(code="88888", name="Xã Bên Cạnh", division_type="xã", province_code="56",
                     province_name="Khánh Hòa", is_home=False)
        s.add_all([unit, other])
        s.flush()
        ld = Body(unit_id=unit.id, code="LD", name="Lãnh đạo UBND", kind="khac")
        s.add(ld)
        s.flush()
        pkt = Body(unit_id=unit.id, code="PKT", name="Phòng Kinh tế", kind="phong_chuyen_mon", parent_id=ld.id)
        s.add(pkt)
        s.flush()
        people = [("CC-0007", "Nguyễn Văn An", "staff", pkt, unit), ("CC-0008", "Trần Thị Bình", "staff", pkt, unit),
                  ("LD-01", "Lê Văn Cường", "head", pkt, unit), ("CT-01", "Phạm Minh Dũng", "head", ld, unit),
                  ("NG-01", "Võ Thị Hoa", "staff", None, other)]
        for code, name, role, body, u in people:
            family, *middle, given = name.split()
            p = Person(unit_id=u.id, code=code, full_name=name, family_name=family, middle_name=" ".join(middle),
                       given_name=given, sort_key=f"{given} {family}".lower(), category="cong_chuc")
            s.add(p)
            s.flush()
            if body is not None:
                s.add(RoleAssignment(person_id=p.id, body_id=body.id, role=role, start_date=date(2025, 1, 1)))
            ids[code] = p.id
        for code, k in (("VB-01", "1"), ("BC-02", "2")):
            prod = Product(code=code, name=f"Sản phẩm {code}", unit_of_measure="văn bản", complexity_group="N1",
                           k=Decimal(k))
            s.add(prod)
            s.flush()
            ids[code] = prod.id
        ids["unit"], ids["body_ld"], ids["body_pkt"] = unit.id, ld.id, pkt.id
    admin = auth.create_first_admin(db, "quantri", PASSWORD)
    for username, role, person, body in [("canbo", "clerk", None, None),
                                         ("nhanvien", "staff", "CC-0007", "body_pkt"),
                                         ("lanhdao", "head", "LD-01", "body_pkt")]:
        auth.create_user(db, admin, username, PASSWORD, role, person_id=ids[person] if person else None,
                         body_id=ids[body] if body else None, must_change_password=False)
    ev_svc.open_period(db, CLERK, "2026-Q1")
    return World(db, ids, url)


@pytest.fixture
def world(db_url: str) -> World:
    return seed(db_url)


def cli(monkeypatch: pytest.MonkeyPatch, user: str, *argv: str) -> int:
    monkeypatch.setenv("KPI_PASSWORD", PASSWORD)
    return main([*argv, "--user", user])


def _count(w: World, model: type) -> int:
    with w.db.session(SYSTEM) as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _score_with_cli(doc: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    path = tmp_path / "input.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert main(["score", "period", str(path)]) == 0
    return dict(json.loads(capsys.readouterr().out))


def test_recorded_work_is_what_the_evaluation_scores(world: World, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    w = world
    pid = w.ids["CC-0007"]
    vb = svc.assign_product(w.db, CLERK, "2026-Q1", pid, "VB-01", "10", deadline=date(2026, 3, 31))
    assert vb.k == Decimal("1") and vb.quantity == Decimal("10") and vb.assigned_by == "canbo"
    bc = svc.assign_product(w.db, w.head, "2026-Q1", pid, "BC-02", 2, source="ad_hoc")
    assert bc.k == Decimal("2") and bc.source_vi == "Phát sinh"
    svc.record_completion(w.db, CLERK, vb.id, "6", date(2026, 2, 10))
    svc.record_completion(w.db, CLERK, vb.id, "4", date(2026, 3, 20))
    svc.record_delay(w.db, CLERK, vb.id, 2)
    # An exempt failure (objective cause, confirmed) must not cost anything.
    v = svc.record_quality_failure(w.db, w.head, vb.id, 1, exempt=True, approver="Chủ tịch UBND xã",
                                   reason="Văn bản cấp trên thay đổi sau khi trình")
    assert (v.completed, v.delays, v.delays_exempt, v.quality_failures, v.quality_failures_exempt) == (
        Decimal("10"), 2, 0, 1, 1)
    svc.record_completion(w.db, CLERK, bc.id, "2", date(2026, 3, 25))
    svc.record_quality_failure(w.db, CLERK, bc.id)

    ev = ev_svc.save_self_assessment(w.db, w.staff, "2026-Q1", pid, general=GENERAL)
    assert ev.result is not None and ev.inputs is not None
    assert ev.inputs["tasks"] == [
        {"product": "VB-01", "k": "1", "assigned": "10", "completed": "10", "quality_failures": 1,
         "quality_failures_exempt": 1, "delays": 2, "delays_exempt": 0},
        {"product": "BC-02", "k": "2", "assigned": "2", "completed": "2", "quality_failures": 1,
         "quality_failures_exempt": 0, "delays": 0, "delays_exempt": 0}]
    # The worked example of the scoring contract: 14 standard products, b and c lose 0.5 each.
    assert (ev.result["a"], ev.result["b"], ev.result["c"]) == ("100.00", "96.43", "96.43")
    by_cli = _score_with_cli(ev.inputs, tmp_path, capsys)
    assert {k: by_cli[k] for k in ("a", "b", "c", "total", "level")} == {
        k: ev.result[k] for k in ("a", "b", "c", "total", "level")}


def test_exceeding_is_allowed_and_reported(world: World) -> None:
    w = world
    a = svc.assign_product(w.db, CLERK, "2026-Q1", w.ids["CC-0007"], "VB-01", 10)
    v = svc.record_completion(w.db, CLERK, a.id, "12,5", date(2026, 3, 1))
    assert v.completed == Decimal("12.5") and v.exceeded == Decimal("2.5")
    ev = ev_svc.save_self_assessment(w.db, w.staff, "2026-Q1", w.ids["CC-0007"], general=GENERAL)
    assert ev.result is not None and ev.result["a"] == "100.00"  # capped at the assigned quantity


def test_validation_messages_name_the_field_and_write_nothing(world: World) -> None:
    w = world
    pid = w.ids["CC-0007"]
    cases = [
        (lambda: svc.assign_product(w.db, CLERK, "2026-Q1", pid, "VB-01", "-3"), InputError, "quantity"),
        (lambda: svc.assign_product(w.db, CLERK, "2026-Q1", pid, "VB-01", "mười"), InputError, "quantity"),
        (lambda: svc.assign_product(w.db, CLERK, "2026-Q1", pid, "XX-99", 1), NotFoundError, "product"),
        (lambda: svc.assign_product(w.db, CLERK, "2026-Q1", w.ids["NG-01"], "VB-01", 1), InputError, "person"),
        (lambda: svc.assign_product(w.db, CLERK, "2026-Q1", pid, "VB-01", 1, source="zalo"), InputError, "source"),
        (lambda: svc.assign_product(w.db, CLERK, "2026-Q1", pid, "VB-01", 1, deadline=date(2025, 12, 1)),
         InputError, "deadline"),
    ]
    for call, exc_type, field in cases:
        with pytest.raises(exc_type) as exc:
            call()
        assert exc.value.field == field
        assert any(ch in exc.value.message for ch in "ảốệđơư")  # Vietnamese, with diacritics
    assert _count(w, Assignment) == 0
    a = svc.assign_product(w.db, CLERK, "2026-Q1", pid, "VB-01", 1)
    with pytest.raises(InputError) as exc:
        svc.record_quality_failure(w.db, CLERK, a.id, 1, exempt=True, reason="Khách quan")
    assert exc.value.field == "approver"
    with pytest.raises(InputError) as exc:
        svc.record_delay(w.db, CLERK, a.id, 1, exempt=True, approver="Chủ tịch UBND xã")
    assert exc.value.field == "reason"
    with pytest.raises(InputError) as exc:
        svc.record_delay(w.db, CLERK, a.id, 0)
    assert exc.value.field == "count"
    with pytest.raises(InputError) as exc:
        svc.record_completion(w.db, CLERK, a.id, "-1", date(2026, 3, 1))
    assert exc.value.field == "quantity"
    assert _count(w, QualityFailure) == 0 and _count(w, CompletionRecord) == 0


def test_change_remove_and_list_by_person_and_body(world: World) -> None:
    w = world
    a = svc.assign_product(w.db, CLERK, "2026-Q1", w.ids["CC-0007"], "VB-01", 10)
    svc.assign_product(w.db, CLERK, "2026-Q1", w.ids["CC-0008"], "BC-02", 3)
    svc.assign_product(w.db, CLERK, "2026-Q1", w.ids["CT-01"], "BC-02", 1)
    v = svc.update_assignment(w.db, CLERK, a.id, quantity="8", deadline=date(2026, 3, 15))
    assert v.quantity == Decimal("8") and v.deadline == date(2026, 3, 15) and v.k == Decimal("1")
    svc.record_completion(w.db, CLERK, a.id, 8, date(2026, 3, 10))
    assert [x.person_code for x in svc.list_assignments(w.db, CLERK, "2026-Q1", body_id=w.ids["body_pkt"])] == [
        "CC-0007", "CC-0008"]
    assert [x.product_code for x in svc.list_assignments(w.db, CLERK, "2026-Q1", person_id=w.ids["CC-0007"])] == [
        "VB-01"]
    assert len(svc.list_assignments(w.db, CLERK, "2026-Q1")) == 3
    # A head sees their body (and themselves), staff only their own.
    assert {x.person_code for x in svc.list_assignments(w.db, w.head, "2026-Q1")} == {"CC-0007", "CC-0008"}
    assert [x.person_code for x in svc.list_assignments(w.db, w.staff, "2026-Q1")] == ["CC-0007"]
    removed = svc.remove_assignment(w.db, CLERK, a.id)
    assert removed.completed == Decimal("8")
    assert _count(w, CompletionRecord) == 0
    assert [x.person_code for x in svc.list_assignments(w.db, CLERK, "2026-Q1", body_id=w.ids["body_pkt"])] == [
        "CC-0008"]


def test_roles(world: World) -> None:
    w = world
    pid = w.ids["CC-0007"]
    with pytest.raises(PermissionDenied):
        svc.assign_product(w.db, w.staff, "2026-Q1", pid, "VB-01", 1)
    with pytest.raises(PermissionDenied):  # the chair heads another body
        svc.assign_product(w.db, w.chair, "2026-Q1", pid, "VB-01", 1)
    a = svc.assign_product(w.db, w.head, "2026-Q1", pid, "VB-01", 1)
    with pytest.raises(PermissionDenied):
        svc.record_completion(w.db, w.staff, a.id, 1, date(2026, 3, 1))
    with pytest.raises(PermissionDenied):
        svc.list_assignments(w.db, w.staff, "2026-Q1", person_id=w.ids["CC-0008"])
    assert _count(w, CompletionRecord) == 0


def test_locked_period_is_refused_by_the_service_and_the_store(world: World) -> None:
    w = world
    a = svc.assign_product(w.db, CLERK, "2026-Q1", w.ids["CC-0007"], "VB-01", 10)
    ev_svc.close_period(w.db, CLERK, "2026-Q1")
    with pytest.raises(StateError):
        svc.assign_product(w.db, CLERK, "2026-Q1", w.ids["CC-0007"], "VB-01", 1)
    with pytest.raises(StateError):
        svc.record_completion(w.db, CLERK, a.id, 10, date(2026, 3, 1))
    with pytest.raises(StateError):
        svc.remove_assignment(w.db, CLERK, a.id)
    # The store's own guard, even for a caller that skips the service's check.
    with pytest.raises(StateError), w.db.session(SYSTEM) as s:
        s.add(CompletionRecord(assignment_id=a.id, quantity=Decimal(1), completed_on=date(2026, 3, 1)))
    assert _count(w, CompletionRecord) == 0 and _count(w, Assignment) == 1
    assert svc.list_assignments(w.db, CLERK, "2026-Q1")[0].period_state == "locked"


def test_product_for_another_position_is_a_warning(world: World) -> None:
    w = world
    with w.db.session(SYSTEM) as s:
        kt = JobPosition(code="KT", name="Kế toán", group="chuyen_mon")
        dc = JobPosition(code="DC", name="Địa chính", group="chuyen_mon")
        s.add_all([kt, dc])
        s.flush()
        s.add(ProductPosition(product_id=w.ids["BC-02"], position_id=kt.id))
        s.add(PersonPosition(person_id=w.ids["CC-0007"], position_id=dc.id, start_date=date(2025, 1, 1)))
    v = svc.assign_product(w.db, CLERK, "2026-Q1", w.ids["CC-0007"], "BC-02", 1)
    assert len(v.warnings) == 1 and "Kế toán" in v.warnings[0]
    assert svc.assign_product(w.db, CLERK, "2026-Q1", w.ids["CC-0007"], "VB-01", 1).warnings == ()
    choices = svc.product_choices(w.db, CLERK, "2026-Q1", w.ids["CC-0007"])
    assert [(c.code, c.applicable) for c in choices] == [("VB-01", True), ("BC-02", False)]


def test_cli_end_to_end(world: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                        tmp_path: Path) -> None:
    w = world
    db = ["--db", w.url]
    assert cli(monkeypatch, "canbo", "assign", "add", "2026-Q1", "CC-0007", "VB-01", "10",
               "--deadline", "31/03/2026", *db) == 0
    out = capsys.readouterr().out
    assert "Đã giao nhiệm vụ" in out and "VB-01" in out
    aid = svc.list_assignments(w.db, CLERK, "2026-Q1")[0].id
    assert cli(monkeypatch, "canbo", "assign", "complete", str(aid), "10", "--date", "20/03/2026", *db) == 0
    assert cli(monkeypatch, "canbo", "assign", "delay", str(aid), "--count", "2", *db) == 0
    capsys.readouterr()
    # An exemption without its approver: exit 2, a Vietnamese message, nothing written.
    assert cli(monkeypatch, "canbo", "assign", "fail", str(aid), "--exempt", "--reason", "Khách quan", *db) == 2
    assert "người" in capsys.readouterr().err
    assert cli(monkeypatch, "canbo", "assign", "fail", str(aid), "--exempt", "--reason", "Khách quan",
               "--approver", "Chủ tịch UBND xã", *db) == 0
    assert cli(monkeypatch, "nhanvien", "assign", "add", "2026-Q1", "CC-0007", "VB-01", "1", *db) == 3
    capsys.readouterr()
    assert cli(monkeypatch, "canbo", "assign", "list", "2026-Q1", "CC-0007", "--json", *db) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["product_code"], r["completed"], r["delays"], r["quality_failures_exempt"]) for r in rows] == [
        ("VB-01", "10.00", 2, 1)]
    ev = ev_svc.save_self_assessment(w.db, w.staff, "2026-Q1", w.ids["CC-0007"], general=GENERAL)
    assert ev.result is not None
    assert (Decimal(ev.result["a"]), Decimal(ev.result["b"]), Decimal(ev.result["c"])) == (100, 100, 95)
    assert ev.inputs is not None and ev.inputs["tasks"][0]["delays"] == 2
    by_cli = _score_with_cli(ev.inputs, tmp_path, capsys)
    assert (by_cli["a"], by_cli["b"], by_cli["c"]) == (ev.result["a"], ev.result["b"], ev.result["c"])
    assert cli(monkeypatch, "canbo", "assign", "remove", str(aid), *db) == 0
    assert _count(w, Assignment) == 0


def test_a_record_entered_by_mistake_can_be_removed(world: World, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    w = world
    a = svc.assign_product(w.db, CLERK, "2026-Q1", w.ids["CC-0007"], "VB-01", 10)
    svc.record_completion(w.db, CLERK, a.id, 10, date(2026, 3, 1))
    v = svc.record_delay(w.db, CLERK, a.id, 3)
    delay_id = next(i.id for i in v.incidents if i.kind == "delay")
    v = svc.remove_record(w.db, CLERK, "delay", delay_id)
    assert v.delays == 0 and v.completed == Decimal("10") and v.incidents == ()
    with pytest.raises(NotFoundError):
        svc.remove_record(w.db, CLERK, "delay", delay_id)
    with pytest.raises(InputError) as exc:
        svc.remove_record(w.db, CLERK, "loi", 1)
    assert exc.value.field == "kind"
    with pytest.raises(PermissionDenied):
        svc.remove_record(w.db, w.staff, "completion", v.completions[0].id)
    assert cli(monkeypatch, "canbo", "assign", "undo", "completion", str(v.completions[0].id), "--json",
               "--db", w.url) == 0
    assert json.loads(capsys.readouterr().out)["completed"] == "0"
    ev = ev_svc.save_self_assessment(w.db, w.staff, "2026-Q1", w.ids["CC-0007"], general=GENERAL)
    assert ev.inputs is not None and ev.inputs["tasks"][0]["completed"] == "0"
    svc.record_completion(w.db, CLERK, a.id, 4, date(2026, 3, 1))
    ev_svc.close_period(w.db, CLERK, "2026-Q1")
    record_id = svc.get_assignment(w.db, CLERK, a.id).completions[0].id
    with pytest.raises(StateError):
        svc.remove_record(w.db, CLERK, "completion", record_id)
