"""A small commune database for the report service tests: two bodies, six people, four quarters of
scored period evaluations and the annual classification, stored the way the scoring service stores them
(contract inputs and results)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from kpi_desktop.domain.names import sort_key_text
from kpi_desktop.domain.roles import SYSTEM
from kpi_desktop.domain.scoring import score_annual, score_period
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.core import Body, Unit
from kpi_desktop.store.models.evaluation import (
    AnnualClassification,
    CriterionScore,
    EvaluationPeriod,
    PeriodEvaluation,
)
from kpi_desktop.store.models.people import Person, RoleAssignment

PEOPLE = [
    # code, family, middle, given, category, body, role, title
    ("CC-0001", "Trần", "Quốc", "Hưng", "cong_chuc", "VP", "head", "Chánh Văn phòng"),
    ("CC-0002", "Nguyễn", "Thị", "Ánh", "cong_chuc", "VP", "staff", "Chuyên viên"),
    ("CC-0003", "Lê", "Văn", "Bình", "cong_chuc", "VP", "staff", "Văn thư"),
    ("CC-0004", "Phạm", "Thị Thu", "Hà", "cong_chuc", "KT", "staff", "Chuyên viên Địa chính"),
    ("CC-0005", "Đặng", "Hữu", "Đạt", "cong_chuc", "KT", "staff", "Kế toán viên"),
    ("VC-0001", "Võ", "Ngọc", "Yến", "vien_chuc", "KT", "staff", "Viên chức Trạm Y tế"),
]
# Per person and quarter: general (a, b, c) and the task line (completed of 10, quality failures, delays).
SCORES: dict[str, list[tuple[tuple[int, int, int], tuple[int, int, int]]]] = {
    "CC-0001": [((9, 9, 9), (10, 0, 1))] * 4,
    "CC-0002": [((9, 9, 9), (10, 1, 2)), ((9, 9, 9), (10, 0, 0)), ((9, 8, 9), (10, 0, 1)), ((9, 9, 9), (10, 0, 0))],
    "CC-0003": [((8, 8, 8), (9, 2, 2)), ((8, 9, 8), (10, 1, 1)), ((8, 8, 8), (8, 1, 3)), ((9, 9, 8), (10, 0, 1))],
    "CC-0004": [((7, 7, 6), (7, 3, 4))] * 4,
    "CC-0005": [((10, 10, 10), (10, 0, 0))] * 4,
    "VC-0001": [((9, 8, 8), (9, 1, 1))] * 4,
}


def period_inputs(code: str, period: str, general: tuple[int, int, int], line: tuple[int, int, int],
                  leader: bool, ruleset: str) -> dict[str, Any]:
    completed, failures, delays = line
    return {"ruleset": ruleset, "person": {"code": code, "role": "head" if leader else "staff"}, "period": period,
            "general": dict(zip("abc", general, strict=True)),
            "tasks": [{"product": "VB-01", "k": 1, "assigned": 10, "completed": completed,
                       "quality_failures": failures, "quality_failures_exempt": 0, "delays": delays,
                       "delays_exempt": 0},
                      {"product": "BC-02", "k": 2, "assigned": 2, "completed": 2, "quality_failures": 0,
                       "quality_failures_exempt": 0, "delays": 0, "delays_exempt": 0}],
            "leadership": {"subordinates_all_at_least_ht": True, "plan_on_time_with_quality": True,
                           "unity": False} if leader else None}


def build(path: Path | str, year: int = 2026) -> Database:
    db = Database.open(str(path))
    with db.session(SYSTEM) as s:
        unit = Unit(code="22366", name="Xã An Bình", division_type="xã", province_code="56",
                    province_name="Tỉnh Khánh Hòa", is_home=True)
        s.add(unit)
        s.flush()
        bodies = {"VP": Body(unit_id=unit.id, code="VP", name="Văn phòng HĐND và UBND", kind="van_phong", sort_order=1),
                  "KT": Body(unit_id=unit.id, code="KT", name="Phòng Kinh tế", kind="phong_chuyen_mon", sort_order=2)}
        s.add_all(bodies.values())
        periods = [EvaluationPeriod(unit_id=unit.id, code=f"{year}-Q{n}", kind="quarter", year=year, number=n,
                                    start_date=date(year, 3 * n - 2, 1), end_date=date(year, 3 * n, 28),
                                    ruleset_id="ND335-2025") for n in range(1, 5)]
        s.add_all(periods)
        s.flush()
        persons: dict[str, Person] = {}
        for code, fam, mid, given, cat, body, role, title in PEOPLE:
            p = Person(unit_id=unit.id, code=code, full_name=f"{fam} {mid} {given}", family_name=fam, middle_name=mid,
                       given_name=given, sort_key=sort_key_text(fam, mid, given), category=cat)
            s.add(p)
            s.flush()
            persons[code] = p
            s.add(RoleAssignment(person_id=p.id, body_id=bodies[body].id, role=role, title=title,
                                 start_date=date(2020, 1, 1)))
        head = persons["CC-0001"]
        for code, quarters in SCORES.items():
            p = persons[code]
            leader = code == "CC-0001"
            ruleset = "ND233-2026" if p.category == "vien_chuc" else "ND335-2025"
            body_id = bodies["VP" if code in ("CC-0001", "CC-0002", "CC-0003") else "KT"].id
            totals = []
            for period, (general, line) in zip(periods, quarters, strict=True):
                inputs = period_inputs(code, period.code, general, line, leader, ruleset)
                result = score_period(inputs)
                self_general = tuple(min(g + 1, 10) for g in general)
                own = score_period({**inputs, "general": dict(zip("abc", self_general, strict=True))})
                ev = PeriodEvaluation(
                    period_id=period.id, person_id=p.id, body_id=body_id, role="head" if leader else "staff",
                    state="approved", inputs=inputs, result=result, ruleset_id=ruleset,
                    ruleset_sha256=result["ruleset_sha256"], engine_version=result["engine_version"],
                    total=Decimal(result["total"]), band=result["band"], self_total=Decimal(own["total"]),
                    self_band=own["band"], strengths="Hoàn thành đúng hạn các văn bản.",
                    weaknesses="Còn chậm cập nhật số liệu.", reviewer_comment="Đồng ý, điều chỉnh điểm tiêu chí chung.",
                    reviewer_person_id=None if leader else head.id,
                    approved_at=datetime(period.year, period.end_date.month, 28),
                    scored_at=datetime(period.year, period.end_date.month, 28))
                ev.criteria = [CriterionScore(seq=i, code=k, label=label, max_points=Decimal(10),
                                              self_points=Decimal(sg), reviewer_points=Decimal(g))
                               for i, (k, label, sg, g) in enumerate(zip(
                                   "abc", ("Phẩm chất chính trị, đạo đức", "Năng lực chuyên môn", "Đổi mới, sáng tạo"),
                                   self_general, general, strict=True), 1)]
                s.add(ev)
                totals.append(result["total"])
            vetoes = ([{"kind": "discipline", "form": "khien_trach", "date": f"{year}-05-02"}]
                      if code == "CC-0004" else [])
            annual_inputs = {"ruleset": ruleset, "person": {"code": code, "role": "head" if leader else "staff"},
                             "year": year, "months_worked": 12, "maternity_leave": False, "vetoes": vetoes,
                             "periods": [{"period": pr.code, "total": t} for pr, t in zip(periods, totals, strict=True)]}
            annual = score_annual(annual_inputs)
            s.add(AnnualClassification(
                person_id=p.id, unit_id=unit.id, year=year, role="head" if leader else "staff",
                quota_group_code="CM", months_worked=12, inputs=annual_inputs, result=annual, ruleset_id=ruleset,
                ruleset_sha256=annual["ruleset_sha256"], engine_version=annual["engine_version"],
                total=Decimal(annual["mean"]), band=annual["band"], level=annual["level"],
                final_level=annual["level"], self_proposed_level=annual["band"], state="decided",
                comment="Hoàn thành nhiệm vụ được giao.", proposed_action="Tiếp tục bố trí công tác.",
                decision_date=date(year, 12, 12)))
        # 2025 was rated under ND 90/48 (legacy form): one person, from the engine's legacy table.
        legacy_inputs = {"ruleset": "ND90-2020-ND48-2023", "person": {"code": "CC-0002", "role": "staff"},
                         "year": 2025, "months_worked": 12, "maternity_leave": False, "vetoes": [],
                         "criteria_1_4": "well", "tasks_total": 10, "tasks_on_time_with_quality": 10,
                         "tasks_exceeded": 6}
        legacy = score_annual(legacy_inputs)
        s.add(AnnualClassification(
            person_id=persons["CC-0002"].id, unit_id=unit.id, year=2025, role="staff", months_worked=12,
            inputs=legacy_inputs, result=legacy, ruleset_id="ND90-2020-ND48-2023", total=None, band=legacy["band"],
            level=legacy["level"], final_level=legacy["level"], self_proposed_level="HTT", state="decided",
            comment="Hoàn thành xuất sắc nhiệm vụ năm 2025.", decision_date=date(2025, 12, 10)))
    return db
