"""A small commune database for the report service tests: two bodies, six people, four quarters of
scored period evaluations and the annual classification, stored the way the scoring service stores them
(contract inputs and results)."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from kpi_desktop.domain.roles import SYSTEM
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.core import Body, Unit
from kpi_desktop.store.models.evaluation import (
    AnnualClassification,
    CriterionScore,
    EvaluationPeriod,
    PeriodEvaluation,
)
from kpi_desktop.store.models.people import Person, RoleAssignment

Q = Decimal("0.01")
PEOPLE = [
    # code, family, middle, given, category, body, role, title
    ("CC-0001", "Trần", "Quốc", "Hưng", "cong_chuc", "VP", "head", "Chánh Văn phòng"),
    ("CC-0002", "Nguyễn", "Thị", "Ánh", "cong_chuc", "VP", "staff", "Chuyên viên"),
    ("CC-0003", "Lê", "Văn", "Bình", "cong_chuc", "VP", "staff", "Văn thư"),
    ("CC-0004", "Phạm", "Thị Thu", "Hà", "cong_chuc", "KT", "staff", "Chuyên viên Địa chính"),
    ("CC-0005", "Đặng", "Hữu", "Đạt", "cong_chuc", "KT", "staff", "Kế toán viên"),
    ("VC-0001", "Võ", "Ngọc", "Yến", "vien_chuc", "KT", "staff", "Viên chức Trạm Y tế"),
]
# Per person: (general a, b, c) and (a%, b%, c%) for each quarter.
SCORES = {
    "CC-0002": [((9, 9, 9), ("100.00", "96.43", "96.43"))] * 4,
    "CC-0003": [((8, 8, 8), ("90.00", "85.00", "80.00")), ((8, 9, 8), ("95.00", "90.00", "90.00")),
                ((8, 8, 8), ("80.00", "75.00", "70.00")), ((9, 9, 8), ("100.00", "100.00", "95.00"))],
    "CC-0004": [((7, 7, 6), ("70.00", "60.00", "55.00"))] * 4,
    "CC-0005": [((10, 10, 10), ("100.00", "100.00", "100.00"))] * 4,
    "VC-0001": [((9, 8, 8), ("90.00", "90.00", "85.00"))] * 4,
    "CC-0001": [((9, 9, 9), ("95.00", "95.00", "90.00"))] * 4,
}


def sort_key(text: str) -> str:
    """Given name first, diacritics folded (đ after d), as the store's sort key orders names."""
    folded = unicodedata.normalize("NFKD", text.lower().replace("đ", "d~"))
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def q(x: Decimal) -> Decimal:
    return x.quantize(Q, rounding=ROUND_HALF_UP)


def band(total: Decimal) -> str:
    return "HTXS" if total >= 90 else "HTT" if total >= 70 else "HT" if total >= 50 else "KHT"


def period_result(general: tuple[int, int, int], abc: tuple[str, str, str], leader: bool) -> dict[str, Any]:
    comps = [Decimal(v) for v in abc] + ([Decimal(100), Decimal(100), Decimal(50)] if leader else [])
    t = sum(comps, Decimal(0)) / len(comps)
    task = t * 70 / 100
    g = Decimal(sum(general))
    total = q(g + task)
    return {"ruleset": "ND335-2025", "a": abc[0], "b": abc[1], "c": abc[2],
            "d": "100.00" if leader else None, "dd": "100.00" if leader else None, "e": "50.00" if leader else None,
            "task_result": str(q(t)), "task_points": str(q(task)), "general_points": str(q(g)),
            "total": str(total), "band": band(total)}


def build(path: Path, year: int = 2026) -> Database:
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
                       given_name=given, sort_key=sort_key(f"{given} {mid} {fam}"), category=cat)
            s.add(p)
            s.flush()
            persons[code] = p
            s.add(RoleAssignment(person_id=p.id, body_id=bodies[body].id, role=role, title=title,
                                 start_date=date(2020, 1, 1)))
        head = persons["CC-0001"]
        for code, quarters in SCORES.items():
            p = persons[code]
            leader = code == "CC-0001"
            body_id = bodies["VP" if code in ("CC-0001", "CC-0002", "CC-0003") else "KT"].id
            totals = []
            for period, (general, abc) in zip(periods, quarters, strict=True):
                result = period_result(general, abc, leader)
                self_general = tuple(min(g + 1, 10) for g in general)
                self_total = q(Decimal(sum(self_general)) + Decimal(result["task_points"]))
                ev = PeriodEvaluation(
                    period_id=period.id, person_id=p.id, body_id=body_id, role="head" if leader else "staff",
                    state="approved", inputs={"ruleset": "ND335-2025", "period": period.code,
                                              "general": dict(zip("abc", general, strict=True))},
                    result=result, ruleset_id="ND335-2025", ruleset_sha256="0" * 64, engine_version="test",
                    total=Decimal(result["total"]), band=result["band"], self_total=self_total,
                    self_band=band(self_total), strengths="Hoàn thành đúng hạn các văn bản.",
                    weaknesses="Còn chậm cập nhật số liệu.", reviewer_comment="Đồng ý, điều chỉnh điểm tiêu chí chung.",
                    reviewer_person_id=None if leader else head.id, approved_at=datetime(period.year, period.end_date.month, 28),
                    scored_at=datetime(period.year, period.end_date.month, 28))
                ev.criteria = [CriterionScore(seq=i, code=k, label=label, max_points=Decimal(10),
                                              self_points=Decimal(sg), reviewer_points=Decimal(g))
                               for i, (k, label, sg, g) in enumerate(zip(
                                   "abc", ("Phẩm chất chính trị, đạo đức", "Năng lực chuyên môn", "Đổi mới, sáng tạo"),
                                   self_general, general, strict=True), 1)]
                s.add(ev)
                totals.append(Decimal(result["total"]))
            mean = q(sum(totals, Decimal(0)) / 4)
            level = band(mean)
            reasons = []
            if code == "CC-0004":
                level = "KHT"
                reasons = ["Bị kỷ luật khiển trách trong năm: xếp loại không hoàn thành nhiệm vụ."]
            s.add(AnnualClassification(
                person_id=p.id, unit_id=unit.id, year=year, role="head" if leader else "staff",
                quota_group_code="CM", months_worked=12,
                inputs={"ruleset": "ND335-2025", "year": year,
                        "periods": [{"period": pr.code, "total": str(t)} for pr, t in zip(periods, totals, strict=True)]},
                result={"mean": str(mean), "band": band(mean), "level": level, "reasons": reasons},
                ruleset_id="ND335-2025", total=mean, band=band(mean), level=level, final_level=level,
                self_proposed_level=band(mean), state="decided", comment="Hoàn thành nhiệm vụ được giao.",
                proposed_action="Tiếp tục bố trí công tác.", decision_date=date(year, 12, 12)))
    return db
