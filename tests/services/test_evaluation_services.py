"""Use cases of periods, Mẫu 01 workflow, the annual rating and recompute, on a real SQLite database."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from kpi_desktop.cli import main
from kpi_desktop.domain.names import full_name_sort_key
from kpi_desktop.domain.roles import SYSTEM, Actor, Role
from kpi_desktop.errors import InputError, PermissionDenied, StateError
from kpi_desktop.services import annual as annual_svc
from kpi_desktop.services import auth
from kpi_desktop.services import evaluation as ev_svc
from kpi_desktop.services import recompute as rc_svc
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.catalog import Product
from kpi_desktop.store.models.core import Body, OrgRating, QuotaGroup, Unit
from kpi_desktop.store.models.evaluation import (
    Assignment,
    CompletionRecord,
    DelayEvent,
    EvaluationPeriod,
    PeriodEvaluation,
    QualityFailure,
)
from kpi_desktop.store.models.people import DisciplineRecord, Person, RoleAssignment

CLERK = Actor(username="canbo.tochuc", role=Role.CLERK, display_name="Cán bộ tổ chức")
PASSWORD = "Mat-khau-thu-nghiem-1"


class World:
    def __init__(self, db: Database, ids: dict[str, int]) -> None:
        self.db = db
        self.ids = ids

    def actor(self, code: str, role: Role) -> Actor:
        body = self.ids["body_pkt"] if code != "CT-01" else self.ids["body_ld"]
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





def seed(path: Path | str) -> World:
    db = Database.open(str(path))
    ids: dict[str, int] = {}
    with db.session(SYSTEM) as s:
        unit = Unit(code="99999", name="Xã Thử Nghiệm", division_type="xã", province_code="56",
                    province_name="Khánh Hòa", is_home=True)
        s.add(unit)
        s.flush()
        ld = Body(unit_id=unit.id, code="LD", name="Lãnh đạo UBND", kind="khac")
        s.add(ld)
        s.flush()
        pkt = Body(unit_id=unit.id, code="PKT", name="Phòng Kinh tế", kind="phong_chuyen_mon", parent_id=ld.id)
        group = QuotaGroup(unit_id=unit.id, code="CMNV", name="Chuyên môn, nghiệp vụ")
        s.add_all([pkt, group])
        s.flush()
        people = [("CC-0007", "Nguyễn Văn An", "staff", pkt), ("CC-0008", "Trần Thị Bình", "staff", pkt),
                  ("LD-01", "Lê Văn Cường", "head", pkt), ("CT-01", "Phạm Minh Dũng", "head", ld)]
        for code, name, role, body in people:
            family, *middle, given = name.split()
            p = Person(unit_id=unit.id, code=code, full_name=name, family_name=family,
                       middle_name=" ".join(middle), given_name=given, sort_key=f"{given} {family}".lower(),
                       category="cong_chuc", quota_group_id=group.id)
            s.add(p)
            s.flush()
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
                                         ("lanhdao", "head", "LD-01", "body_pkt"),
                                         ("chutich", "head", "CT-01", "body_ld")]:
        auth.create_user(db, admin, username, PASSWORD, role, person_id=ids[person] if person else None,
                         body_id=ids[body] if body else None, must_change_password=False)
    return World(db, ids)


def cli(monkeypatch: pytest.MonkeyPatch, user: str, *argv: str) -> int:
    """Run `kpi …` logged in as `user`."""
    monkeypatch.setenv("KPI_PASSWORD", PASSWORD)
    return main([*argv, "--user", user])


def assign(w: World, period: str, person: str, product: str, qty: int, k: str, completed: int, *,
           quality: int = 0, delays: int = 0, delays_exempt: int = 0) -> None:
    with w.db.session(SYSTEM) as s:
        pid = s.scalar(select(EvaluationPeriod.id).where(EvaluationPeriod.code == period))
        a = Assignment(period_id=pid, person_id=w.ids[person], product_id=w.ids[product], quantity=Decimal(qty),
                       k=Decimal(k))
        s.add(a)
        s.flush()
        if completed:
            s.add(CompletionRecord(assignment_id=a.id, quantity=Decimal(completed), completed_on=date(2026, 3, 20)))
        if quality:
            s.add(QualityFailure(assignment_id=a.id, count=quality))
        for i in range(delays):
            s.add(DelayEvent(assignment_id=a.id, count=1, exempt=i < delays_exempt))


def worked_example(w: World, period: str, person: str = "CC-0007") -> None:
    assign(w, period, person, "VB-01", 10, "1", 10, delays=2)
    assign(w, period, person, "BC-02", 2, "2", 2, quality=1)


@pytest.fixture
def world(db_url: str) -> World:
    w = seed(db_url)
    ev_svc.open_period(w.db, CLERK, "2026-Q1")
    worked_example(w, "2026-Q1")
    return w


GENERAL = {"a": 9, "b": 9, "c": 9}
LEAD = {"subordinates_all_at_least_ht": True, "plan_on_time_with_quality": True, "unity": True}


def test_full_workflow_stores_a_reproducible_score(world: World) -> None:
    w = world
    pid = w.ids["CC-0007"]
    v = ev_svc.save_self_assessment(w.db, w.staff, "2026-Q1", pid, general=GENERAL, strengths="Chủ động")
    assert v.state == "draft" and v.self_total == Decimal("95.33") and v.self_band == "HTXS"
    assert v.result is not None and v.result["b"] == "96.43" and v.result["c"] == "96.43"
    assert [t["product"] for t in v.tasks] == ["VB-01", "BC-02"]
    v = ev_svc.submit_self_assessment(w.db, w.staff, "2026-Q1", pid)
    assert v.state == "submitted"
    with pytest.raises(InputError) as exc:
        ev_svc.review_evaluation(w.db, w.head, "2026-Q1", pid, adjustments={"c": 8})
    assert exc.value.field == "reason"
    v = ev_svc.review_evaluation(w.db, w.head, "2026-Q1", pid, adjustments={"c": 8}, reason="Chưa chủ động đổi mới",
                                 comment="Hoàn thành tốt")
    assert v.state == "reviewed" and v.total == Decimal("94.33") and v.self_total == Decimal("95.33")
    assert v.general_reviewer == {"a": Decimal("9.00"), "b": Decimal("9.00"), "c": Decimal("8.00")}
    v = ev_svc.approve_evaluation(w.db, w.head, "2026-Q1", pid)
    assert v.state == "approved"
    assert v.ruleset_id == "ND335-2025" and v.ruleset_sha256 and v.engine_version
    assert v.inputs is not None and v.inputs["general"]["c"] == "8"
    report = rc_svc.recompute(w.db, CLERK)
    assert report.checked == 1 and report.differences == []


def test_role_checks(world: World) -> None:
    w = world
    other = w.actor("CC-0008", Role.STAFF)
    with pytest.raises(PermissionDenied):
        ev_svc.save_self_assessment(w.db, other, "2026-Q1", w.ids["CC-0007"], general=GENERAL)
    ev_svc.save_self_assessment(w.db, w.staff, "2026-Q1", w.ids["CC-0007"], general=GENERAL, submit=True)
    with pytest.raises(PermissionDenied):
        ev_svc.review_evaluation(w.db, w.staff, "2026-Q1", w.ids["CC-0007"])
    with pytest.raises(PermissionDenied):
        ev_svc.open_period(w.db, w.staff, "2026-Q2")
    with pytest.raises(PermissionDenied):
        ev_svc.close_period(w.db, w.head, "2026-Q1")
    # A head of another body cannot review this person.
    with pytest.raises(PermissionDenied):
        ev_svc.review_evaluation(w.db, w.chair, "2026-Q1", w.ids["CC-0007"])
    assert [v.person_code for v in ev_svc.list_evaluations(w.db, other, "2026-Q1")] == []
    assert [v.person_code for v in ev_svc.list_evaluations(w.db, w.head, "2026-Q1")] == ["CC-0007"]


def test_return_goes_back_to_draft_and_can_be_resubmitted(world: World) -> None:
    w = world
    pid = w.ids["CC-0007"]
    ev_svc.save_self_assessment(w.db, w.staff, "2026-Q1", pid, general=GENERAL, submit=True)
    with pytest.raises(StateError):
        ev_svc.save_self_assessment(w.db, w.staff, "2026-Q1", pid, general=GENERAL)
    with pytest.raises(InputError):
        ev_svc.return_evaluation(w.db, w.head, "2026-Q1", pid, " ")
    v = ev_svc.return_evaluation(w.db, w.head, "2026-Q1", pid, "Bổ sung minh chứng")
    assert v.state == "draft" and v.return_reason == "Bổ sung minh chứng"
    v = ev_svc.save_self_assessment(w.db, w.staff, "2026-Q1", pid, general={"a": 10, "b": 9, "c": 9}, submit=True)
    assert v.state == "submitted" and v.self_total == Decimal("96.33")
    with pytest.raises(StateError):
        ev_svc.approve_evaluation(w.db, w.head, "2026-Q1", pid)  # not reviewed yet


def test_locked_period_is_read_only_and_reopen_needs_a_reason(world: World) -> None:
    w = world
    pid = w.ids["CC-0007"]
    info = ev_svc.close_period(w.db, CLERK, "2026-Q1")
    assert info.state == "locked" and info.locked_by == "canbo.tochuc"
    with pytest.raises(StateError) as exc:
        ev_svc.save_self_assessment(w.db, w.staff, "2026-Q1", pid, general=GENERAL)
    assert "khoá" in exc.value.message
    with pytest.raises(InputError):
        ev_svc.reopen_period(w.db, CLERK, "2026-Q1", "")
    info = ev_svc.reopen_period(w.db, CLERK, "2026-Q1", "Bổ sung kết quả nhiệm vụ phát sinh")
    assert info.state == "reopened" and info.reopen_reason
    assert ev_svc.save_self_assessment(w.db, w.staff, "2026-Q1", pid, general=GENERAL).total == Decimal("95.33")
    with pytest.raises(StateError):
        ev_svc.open_period(w.db, CLERK, "2026-Q1")


def test_bad_general_points_and_missing_tasks(world: World) -> None:
    w = world
    with pytest.raises(InputError) as exc:
        ev_svc.save_self_assessment(w.db, w.staff, "2026-Q1", w.ids["CC-0007"], general={"a": 11, "b": 9, "c": 9})
    assert exc.value.field == "general.a"
    other = w.actor("CC-0008", Role.STAFF)
    with pytest.raises(InputError) as exc:  # nobody assigned anything to CC-0008: never an automatic 100
        ev_svc.save_self_assessment(w.db, other, "2026-Q1", w.ids["CC-0008"], general=GENERAL)
    assert exc.value.field == "tasks"
    with w.db.session(SYSTEM) as s:  # nothing half-written
        assert s.scalar(select(PeriodEvaluation).where(PeriodEvaluation.person_id == w.ids["CC-0008"])) is None


def test_a_heads_evaluation_is_reviewed_one_level_up(world: World) -> None:
    w = world
    lid = w.ids["LD-01"]
    worked_example(w, "2026-Q1", "LD-01")
    with pytest.raises(InputError) as exc:
        ev_svc.save_self_assessment(w.db, w.head, "2026-Q1", lid, general=GENERAL)
    assert exc.value.field == "leadership"
    v = ev_svc.save_self_assessment(w.db, w.head, "2026-Q1", lid, general=GENERAL, leadership=LEAD, submit=True)
    assert v.role == "head" and v.result is not None and v.result["d"] == "100.00"
    with pytest.raises(PermissionDenied):
        ev_svc.review_evaluation(w.db, w.head, "2026-Q1", lid)
    v = ev_svc.review_evaluation(w.db, w.chair, "2026-Q1", lid,
                                 leadership=dict(LEAD, plan_on_time_with_quality=False), reason="đ 50%")
    assert v.result is not None and v.result["dd"] == "50.00" and v.total == Decimal("90.33")


def _approve(w: World, period: str, person: str, general: dict[str, Any], reviewer: Actor,
             leadership: dict[str, bool] | None = None) -> None:
    actor = w.actor(person, Role.HEAD if person.startswith(("LD", "CT")) else Role.STAFF)
    ev_svc.save_self_assessment(w.db, actor, period, w.ids[person], general=general, leadership=leadership,
                                submit=True)
    ev_svc.review_evaluation(w.db, reviewer, period, w.ids[person])
    ev_svc.approve_evaluation(w.db, reviewer, period, w.ids[person])


def _year(w: World) -> None:
    for q in (2, 3, 4):
        ev_svc.open_period(w.db, CLERK, f"2026-Q{q}")
    for q in (1, 2, 3, 4):
        p = f"2026-Q{q}"
        if q > 1:
            worked_example(w, p)
        assign(w, p, "CC-0008", "VB-01", 10, "1", 10)
        worked_example(w, p, "LD-01")
        _approve(w, p, "CC-0007", GENERAL, w.head)  # 95.33
        _approve(w, p, "CC-0008", {"a": 10, "b": 10, "c": 10}, w.head)  # 100
        _approve(w, p, "LD-01", GENERAL, w.chair, LEAD)  # 95.33
    assign(w, "2026-Q1", "CT-01", "VB-01", 10, "1", 5)
    _approve(w, "2026-Q1", "CT-01", {"a": 5, "b": 5, "c": 5}, SYSTEM, LEAD)


def test_annual_rating_quota_and_decision(world: World) -> None:
    w = world
    _year(w)
    with w.db.session(SYSTEM) as s:
        s.add(DisciplineRecord(person_id=w.ids["LD-01"], kind="discipline", form="khien_trach",
                               decided_on=date(2026, 9, 1)))
        s.add(OrgRating(unit_id=w.ids["unit"], body_id=None, year=2026, level="HTT"))
    r = annual_svc.rate_unit_year(w.db, CLERK, 2026)
    rows = {row.person_code: row for row in r.rows}
    assert rows["CC-0008"].mean == Decimal("100.00") and rows["CC-0008"].level == "HTXS"
    assert rows["CC-0007"].mean == Decimal("95.33") and rows["CC-0007"].level == "HTXS"
    assert rows["LD-01"].band == "HTXS" and rows["LD-01"].level == "KHT"
    assert "khiển trách" in rows["LD-01"].reasons[-1]
    # CT-01 worked one quarter: 3 months from the periods scored → not rated.
    assert rows["CT-01"].level == "NOT_RATED"
    # Quota: no one rated HTT in the group → cap 0 → both HTXS over quota, lowest first.
    assert r.over_quota == ["CC-0007", "CC-0008"]
    assert rows["CC-0007"].over_quota and not rows["LD-01"].over_quota
    with pytest.raises(StateError) as exc:
        annual_svc.record_decision(w.db, SYSTEM, 2026, decision_no="15/QĐ-UBND", decision_date=date(2026, 12, 10))
    assert "CC-0007" in exc.value.message
    with pytest.raises(InputError):
        annual_svc.record_decision(w.db, SYSTEM, 2026, decision_no="15/QĐ-UBND", decision_date=date(2026, 12, 10),
                                   final_levels={"CC-0007": "HTT", "CC-0008": "HTXS"})
    d = annual_svc.record_decision(w.db, SYSTEM, 2026, decision_no="15/QĐ-UBND", decision_date=date(2026, 12, 10),
                                   final_levels={"CC-0007": "HTT", "CC-0008": "HTXS"},
                                   reasons={"CC-0008": "Thành tích đột xuất được UBND tỉnh khen thưởng"})
    final = {row.person_code: row.final_level for row in d.rows}
    assert final == {"CC-0007": "HTT", "CC-0008": "HTXS", "LD-01": "KHT", "CT-01": "NOT_RATED"}
    # A decided year is not re-rated.
    again = annual_svc.rate_unit_year(w.db, CLERK, 2026)
    assert {row.person_code: row.state for row in again.rows}["CC-0007"] == "decided"
    with pytest.raises(PermissionDenied):
        annual_svc.rate_unit_year(w.db, w.staff, 2026)


def test_kht_two_years_running_is_flagged(world: World) -> None:
    w = world
    _year(w)
    from kpi_desktop.store.models.evaluation import AnnualClassification

    with w.db.session(SYSTEM) as s:
        s.add(AnnualClassification(person_id=w.ids["LD-01"], unit_id=w.ids["unit"], year=2025, level="KHT",
                                   final_level="KHT", state="decided"))
        s.add(DisciplineRecord(person_id=w.ids["LD-01"], kind="discipline", form="canh_cao",
                               decided_on=date(2026, 2, 1)))
    r = annual_svc.rate_unit_year(w.db, CLERK, 2026)
    flags = {row.person_code: [f["code"] for f in row.flags] for row in r.rows}
    assert flags["LD-01"] == ["KHT_TWO_YEARS"]
    assert flags["CC-0007"] == []


def test_recompute_reports_every_difference(world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    w = world
    _approve(w, "2026-Q1", "CC-0007", GENERAL, w.head)
    assert cli(monkeypatch, "canbo", "recompute", "--db", world.db.url) == 0
    with w.db.session(SYSTEM) as s:
        ev = s.scalar(select(PeriodEvaluation).where(PeriodEvaluation.person_id == w.ids["CC-0007"]))
        assert ev is not None
        tampered = dict(ev.result or {}, total="99.00", band="HTXS")
        s.execute(update(PeriodEvaluation).where(PeriodEvaluation.id == ev.id).values(result=tampered))
    report = rc_svc.recompute(w.db, CLERK, period="2026-Q1")
    assert report.checked == 1
    assert [(d.field, d.stored, d.recomputed) for d in report.differences] == [("total", "99.00", "95.33")]
    parallel = rc_svc.recompute(w.db, CLERK, jobs=2)  # workers read their own slices of ids
    assert parallel.checked == 1 and parallel.differences == report.differences
    capsys.readouterr()
    assert cli(monkeypatch, "canbo", "recompute", "--db", world.db.url) == 1
    out = capsys.readouterr().out
    assert "CC-0007" in out and "99.00" in out and "95.33" in out
    with pytest.raises(PermissionDenied):
        rc_svc.recompute(w.db, w.staff)
    capsys.readouterr()
    assert cli(monkeypatch, "nhanvien", "recompute", "--db", world.db.url) == 3
    assert "không có quyền" in capsys.readouterr().err
    assert main(["recompute", "--db", world.db.url]) == 3  # no login at all


def test_period_cli(world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                    monkeypatch: pytest.MonkeyPatch) -> None:
    db = world.db.url
    assert cli(monkeypatch, "nhanvien", "period", "open", "2026-Q2", "--db", db) == 3
    assert "không có quyền" in capsys.readouterr().err
    assert cli(monkeypatch, "canbo", "period", "open", "2026-Q2", "--db", db) == 0
    assert cli(monkeypatch, "canbo", "period", "close", "2026-Q2", "--db", db) == 0
    assert cli(monkeypatch, "canbo", "period", "reopen", "2026-Q2", "--db", db) == 2
    assert "lý do" in capsys.readouterr().err
    assert cli(monkeypatch, "canbo", "period", "reopen", "2026-Q2", "--reason", "Sửa sai sót", "--db", db) == 0
    capsys.readouterr()
    assert cli(monkeypatch, "nhanvien", "period", "list", "--db", db, "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["code"], r["state"]) for r in rows] == [("2026-Q1", "open"), ("2026-Q2", "reopened")]


def test_eval_and_annual_cli(world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                             monkeypatch: pytest.MonkeyPatch) -> None:
    w = world
    db = world.db.url
    _year(w)
    capsys.readouterr()
    assert cli(monkeypatch, "nhanvien", "eval", "show", "2026-Q1", "CC-0007", "--db", db) == 0
    out = capsys.readouterr().out
    assert "95,33" in out and "Đã duyệt" in out
    assert cli(monkeypatch, "nhanvien", "eval", "show", "2026-Q1", "CC-0008", "--db", db) == 3
    assert cli(monkeypatch, "lanhdao", "annual", "rate", "--year", "2026", "--db", db) == 3
    capsys.readouterr()
    assert cli(monkeypatch, "canbo", "annual", "rate", "--year", "2026", "--db", db) == 0
    out = capsys.readouterr().out
    assert "Nguyễn Văn An" in out and "Vượt tỷ lệ HTXS" in out and "CC-0007" in out
    assert cli(monkeypatch, "lanhdao", "annual", "decide", "--year", "2026", "--decision-no", "15/QĐ-UBND",
               "--date", "10/12/2026", "--db", db) == 2
    assert "vượt tỷ lệ" in capsys.readouterr().err
    assert cli(monkeypatch, "lanhdao", "annual", "decide", "--year", "2026", "--decision-no", "15/QĐ-UBND",
               "--date", "10/12/2026", "--level", "CC-0007=HTT,CC-0008=HTT,LD-01=HTT", "--db", db) == 3
    assert "LD-01" in capsys.readouterr().err  # a head's own level is decided one level up
    assert cli(monkeypatch, "lanhdao", "annual", "decide", "--year", "2026", "--decision-no", "15/QĐ-UBND",
               "--date", "10/12/2026", "--level", "CC-0007=HTT", "--level", "CC-0008=HTXS",
               "--reason", "CC-0008=Bằng khen của UBND tỉnh", "--db", db) == 0
    capsys.readouterr()
    assert cli(monkeypatch, "chutich", "annual", "decide", "--year", "2026", "--decision-no", "16/QĐ-UBND",
               "--date", "11/12/2026", "--level", "LD-01=HTXS", "--reason", "LD-01=Đơn vị dẫn đầu", "--db", db) == 0
    capsys.readouterr()
    assert cli(monkeypatch, "canbo", "annual", "show", "--year", "2026", "--db", db, "--json") == 0
    shown = {r["person_code"]: (r["final_level"], r["state"]) for r in json.loads(capsys.readouterr().out)["rows"]}
    assert shown["CC-0007"] == ("HTT", "decided") and shown["CC-0008"] == ("HTXS", "decided")
    assert shown["LD-01"] == ("HTXS", "decided") and shown["CT-01"] == (None, "proposed")




def test_eval_workflow_through_the_cli(world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    db = world.db.url
    assert cli(monkeypatch, "nhanvien", "eval", "save", "2026-Q1", "CC-0007", "--general", "a=9,b=9,c=9",
               "--db", db) == 0
    assert "95,33" in capsys.readouterr().out
    assert cli(monkeypatch, "nhanvien", "eval", "save", "2026-Q1", "CC-0007", "--general", "a=9,b=9",
               "--db", db) == 2
    assert "[general.c]" in capsys.readouterr().err
    assert cli(monkeypatch, "lanhdao", "eval", "save", "2026-Q1", "CC-0007", "--general", "a=10,b=10,c=10",
               "--db", db) == 3  # a head does not fill in someone else's self-assessment
    assert cli(monkeypatch, "nhanvien", "eval", "submit", "2026-Q1", "CC-0007", "--db", db) == 0
    assert cli(monkeypatch, "nhanvien", "eval", "approve", "2026-Q1", "CC-0007", "--db", db) == 3
    assert cli(monkeypatch, "lanhdao", "eval", "review", "2026-Q1", "CC-0007", "--set", "c=8", "--db", db) == 2
    assert "lý do" in capsys.readouterr().err
    assert cli(monkeypatch, "lanhdao", "eval", "review", "2026-Q1", "CC-0007", "--set", "c=8", "--reason",
               "Chưa đổi mới", "--db", db) == 0
    assert cli(monkeypatch, "lanhdao", "eval", "approve", "2026-Q1", "CC-0007", "--db", db, "--json") == 0
    out = capsys.readouterr().out
    shown = json.loads(out[out.index("{\n  \"id\""):])
    assert shown["state"] == "approved" and shown["total"] == "94.33"
    assert cli(monkeypatch, "canbo", "eval", "list", "2026-Q1", "--db", db) == 0
    assert "CC-0007" in capsys.readouterr().out


def test_annual_inputs_from_transfers_spans_and_leaves(world: World) -> None:
    from kpi_desktop.store.models.people import EmploymentSpan, Leave, Transfer

    w = world
    # CC-0008 joined from another commune on 1 April: Q1 was scored there and travels with the transfer.
    ev_svc.open_period(w.db, CLERK, "2026-Q2")
    assign(w, "2026-Q2", "CC-0008", "VB-01", 10, "1", 10)
    _approve(w, "2026-Q2", "CC-0008", {"a": 10, "b": 10, "c": 10}, w.head)
    with w.db.session(SYSTEM) as s:
        s.add(Transfer(person_id=w.ids["CC-0008"], from_unit_code="88888", from_unit_name="Xã Cũ",
                       transfer_date=date(2026, 4, 1),
                       carried_scores=[{"period": "2026-Q1", "total": "80.00", "band": "HTT"},
                                       {"period": "2025-Q4", "total": "70.00"}]))
        s.add(EmploymentSpan(person_id=w.ids["CC-0008"], start_date=date(2020, 1, 1)))
        # CC-0007 worked the whole year but was on maternity leave for 8 months.
        s.add(EmploymentSpan(person_id=w.ids["CC-0007"], start_date=date(2021, 1, 1)))
        s.add(Leave(person_id=w.ids["CC-0007"], kind="maternity", start_date=date(2026, 4, 1),
                    end_date=date(2026, 11, 30)))
    _approve(w, "2026-Q1", "CC-0007", GENERAL, w.head)
    r = annual_svc.rate_unit_year(w.db, CLERK, 2026)
    rows = {row.person_code: row for row in r.rows}
    assert rows["CC-0008"].mean == Decimal("90.00") and rows["CC-0008"].level == "HTXS"  # (80 + 100) / 2
    assert any("88888" in n for n in rows["CC-0008"].notes)
    # About 4 months worked, but maternity leave: rated on the one quarter actually worked.
    assert rows["CC-0007"].level == "HTXS" and rows["CC-0007"].mean == Decimal("95.33")
    assert any("thai sản" in n for n in rows["CC-0007"].notes)
    with w.db.session(SYSTEM) as s:
        from kpi_desktop.store.models.evaluation import AnnualClassification

        ac = s.scalar(select(AnnualClassification).where(AnnualClassification.person_id == w.ids["CC-0007"]))
        assert ac is not None and ac.maternity_leave and ac.months_worked == 4
        assert ac.inputs is not None and ac.inputs["maternity_leave"] is True
        assert ac.ruleset_id == "ND335-2025" and ac.engine_version
    assert rc_svc.recompute(w.db, CLERK, period="2026").differences == []


def test_period_ruleset_applies_to_the_categories_it_covers(world: World) -> None:
    w = world
    with pytest.raises(InputError) as exc:
        ev_svc.open_period(w.db, CLERK, "2026-Q2", ruleset_id="ND999")
    assert exc.value.field == "ruleset"
    info = ev_svc.open_period(w.db, CLERK, "2026-Q2", ruleset_id="QD366-2025")
    assert info.ruleset_id == "QD366-2025"
    worked_example(w, "2026-Q2")
    v = ev_svc.save_self_assessment(w.db, w.staff, "2026-Q2", w.ids["CC-0007"], general=GENERAL)
    assert v.ruleset_id == "ND335-2025"  # a công chức: QĐ 366 covers cán bộ only
    with w.db.session(SYSTEM) as s:
        s.execute(update(Person).where(Person.id == w.ids["CC-0007"]).values(category="can_bo"))
    v = ev_svc.save_self_assessment(w.db, w.staff, "2026-Q2", w.ids["CC-0007"], general=GENERAL)
    assert v.ruleset_id == "QD366-2025" and v.band == "KHT"  # 95.33 points, but late work (QĐ 366 Art 11)
    assert v.result is not None and v.result["band"] == "HTXS" and len(v.result["reasons"]) == 3


def test_legacy_year_rated_with_the_conditions_table(world: World, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from kpi_desktop.store.models.people import EmploymentSpan

    w = world
    with w.db.session(SYSTEM) as s:
        for code in ("CC-0007", "CC-0008", "LD-01"):
            s.add(EmploymentSpan(person_id=w.ids[code], start_date=date(2020, 1, 1)))
    extra = {"CC-0007": {"criteria_1_4": "well", "tasks_total": 10, "tasks_on_time_with_quality": 10,
                         "tasks_exceeded": 6},
             "CC-0008": {"criteria_1_4": "met", "tasks_total": 10, "tasks_on_time_with_quality": 8,
                         "tasks_exceeded": 0}}
    r = annual_svc.rate_unit_year(w.db, CLERK, 2025, extra_inputs=extra)
    rows = {row.person_code: row for row in r.rows}
    assert rows["CC-0007"].ruleset_id == "ND90-2020-ND48-2023" and rows["CC-0007"].level == "HTXS"
    assert rows["CC-0008"].level == "HT" and rows["CC-0008"].mean is None
    # Without the table's inputs the clerk is told what is missing, per person; nothing is guessed.
    assert any("LD-01" in p and "criteria_1_4" in p for p in r.problems)
    assert rows["CT-01"].level == "NOT_RATED"  # no employment history and no scored period: 0 months
    path = tmp_path / "extra.json"
    path.write_text(json.dumps({"CC-0007": {"criteria_1_4": "not_met", "tasks_total": 10,
                                            "tasks_on_time_with_quality": 10, "tasks_exceeded": 6}}),
                    encoding="utf-8")
    capsys.readouterr()
    assert cli(monkeypatch, "canbo", "annual", "rate", "--year", "2025", "--extra", str(path), "--db",
               w.db.url, "--json") == 0
    shown = {row["person_code"]: row["level"] for row in json.loads(capsys.readouterr().out)["rows"]}
    assert shown["CC-0007"] == "KHT"


def test_the_units_quy_che_is_applied_without_its_other_settings(world: World) -> None:
    from kpi_desktop.store.models.core import UnitRule

    w = world
    with w.db.session(SYSTEM) as s:
        s.add(UnitRule(unit_id=w.ids["unit"], name="Quy chế UBND xã Thử Nghiệm", ruleset_id="ND335-2025",
                       effective_from=date(2026, 1, 1),
                       params={"general_parts": {"a": 12, "b": 12, "c": 6}, "tracking": "quarter",
                               "quota": {"rounding": "half_up"}, "self_due_days": 5, "review_due_days": 10}))
    with pytest.raises(InputError) as exc:  # c is now worth at most 6
        ev_svc.save_self_assessment(w.db, w.staff, "2026-Q1", w.ids["CC-0007"], general=GENERAL)
    assert exc.value.field == "general.c"
    v = ev_svc.save_self_assessment(w.db, w.staff, "2026-Q1", w.ids["CC-0007"], general={"a": 12, "b": 11, "c": 4})
    assert v.total == Decimal("95.33") and v.general_max["c"] == Decimal("6.00")
    assert v.inputs is not None and v.inputs["local"]["name"] == "Quy chế UBND xã Thử Nghiệm"
    assert "self_due_days" not in v.inputs["local"]


def test_period_list_follows_vietnamese_name_order(tmp_path: Path) -> None:
    """The clerk's period list reads like the people list: by given name (Vietnamese letter order), then
    middle and family names — not by staff code."""
    from kpi_desktop.services.demo import build_demo

    db = Database.open(str(tmp_path / "demo.db"))
    try:
        build_demo(db)
        names = [v.person_name for v in ev_svc.list_evaluations(db, CLERK, "2026-Q2")]
        assert len(names) > 40
        assert names == sorted(names, key=full_name_sort_key)
        givens = [n.split()[-1] for n in names]
        # Vietnamese letter order: Đ comes after D, and "An" before "Anh"
        if "Đạt" in givens and "Dũng" in givens:
            assert givens.index("Dũng") < givens.index("Đạt")
    finally:
        db.close()
