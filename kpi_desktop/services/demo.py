"""A realistic demo commune in Khánh Hòa with a full year (2026) of quarterly evaluations.

`build_demo(db, *, ward_code=DEMO_WARD_CODE, seed=2026) -> DemoSummary` fills an empty database:
the unit and its 5 bodies, the default catalogues, ~50 people with heads and deputies, competency
assessments, the four quarters of 2026 with assignments, completions, quality failures and delays
(some exempt, with approver and reason), self-assessments and approved evaluations (Mẫu 01), the
annual classification (Mẫu 02) with the quota check, responsibility contracts for heads, and the
cases a real year has: an over-achiever, a reprimanded person, a mid-year transfer, maternity leave,
someone with under 6 months worked, a KHT. Everything is deterministic for a given seed.

Every score is computed by the scoring engine (`kpi_desktop.domain.scoring`) from the contract
input stored next to it.

Accounts: once the demo data is committed, `build_demo` calls `create_demo_accounts(db)` of
`kpi_desktop.services.auth` (the security area owns accounts) when that function exists, and lists the
accounts in the summary.
"""

from __future__ import annotations

import dataclasses
import importlib
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kpi_desktop.domain.entities import BodyKind, Level
from kpi_desktop.domain.roles import SYSTEM, Actor
from kpi_desktop.errors import KpiError, StateError
from kpi_desktop.services.geography import find_ward
from kpi_desktop.services.people import (
    NewPerson,
    add_discipline,
    add_leave,
    add_person,
    add_transfer,
    assess_competency,
    work_time,
)
from kpi_desktop.services.units import create_unit_in_session
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.catalog import Competency, JobPosition, PositionCompetency, Product
from kpi_desktop.store.models.core import Body, OrgRating, Unit
from kpi_desktop.store.models.evaluation import (
    AnnualClassification,
    Assignment,
    CompletionRecord,
    ContractTarget,
    ContractVetoItem,
    CriterionScore,
    DelayEvent,
    EvaluationPeriod,
    PeriodEvaluation,
    QualityFailure,
    ResponsibilityContract,
)
from kpi_desktop.store.models.people import Person

DEMO_WARD_CODE = "22453"  # Xã Cam Lâm, tỉnh Khánh Hòa (official code after the 2025 reform)
TRANSFER_FROM_WARD = "22435"  # the old unit of the mid-year transfer
YEAR = 2026
RULESET = "ND335-2025"
TWO = Decimal("0.01")

BODIES: tuple[tuple[str, str, BodyKind], ...] = (
    ("VP", "Văn phòng HĐND và UBND", BodyKind.VAN_PHONG),
    ("PKT", "Phòng Kinh tế", BodyKind.PHONG_CHUYEN_MON),
    ("PVHXH", "Phòng Văn hóa - Xã hội", BodyKind.PHONG_CHUYEN_MON),
    ("TTPVHCC", "Trung tâm phục vụ hành chính công", BodyKind.TRUNG_TAM_PVHCC),
    ("BCHQS", "Ban Chỉ huy quân sự xã", BodyKind.BAN_CHQS),
)
BODY_RATING = {"VP": "HTXS", "PKT": "HTT", "PVHXH": "HTT", "TTPVHCC": "HTXS", "BCHQS": "HTT"}

# body, role, position, title, profile; special markers in the profile after ":".
STAFFING: tuple[tuple[str, str, str, str, str], ...] = (
    ("VP", "head", "XA-LD-01", "Chánh Văn phòng HĐND và UBND", "excellent"),
    ("VP", "deputy", "XA-LD-02", "Phó Chánh Văn phòng HĐND và UBND", "good"),
    ("VP", "deputy", "XA-LD-02", "Phó Chánh Văn phòng HĐND và UBND", "very_good"),
    ("VP", "staff", "XA-CM-01", "Chuyên viên tổng hợp", "good"),
    ("VP", "staff", "XA-CM-01", "Chuyên viên tổng hợp", "good"),
    ("VP", "staff", "XA-CM-02", "Văn thư, lưu trữ", "good"),
    ("VP", "staff", "XA-CM-02", "Văn thư, lưu trữ", "average"),
    ("VP", "staff", "XA-CM-03", "Kế toán", "good:sick"),
    ("VP", "staff", "XA-CM-07", "Chuyên viên tổ chức - nội vụ", "good"),
    ("VP", "staff", "XA-CM-08", "Chuyên viên thi đua, khen thưởng", "good"),
    ("VP", "staff", "XA-CM-06", "Công chức tư pháp - hộ tịch", "good"),
    ("VP", "staff", "XA-CM-06", "Công chức tư pháp - hộ tịch", "good:maternity"),
    ("VP", "staff", "XA-CM-21", "Chuyên viên thanh tra, tiếp công dân", "good"),
    ("VP", "staff", "XA-HT-01", "Lái xe", "contract"),
    ("VP", "staff", "XA-HT-02", "Nhân viên bảo vệ", "contract"),
    ("PKT", "head", "XA-LD-03", "Trưởng phòng Kinh tế", "very_good"),
    ("PKT", "deputy", "XA-LD-04", "Phó Trưởng phòng Kinh tế", "good"),
    ("PKT", "deputy", "XA-LD-04", "Phó Trưởng phòng Kinh tế", "good"),
    ("PKT", "staff", "XA-CM-04", "Chuyên viên tài chính - ngân sách", "good"),
    ("PKT", "staff", "XA-CM-05", "Chuyên viên kế hoạch - đầu tư", "good:transfer"),
    ("PKT", "staff", "XA-CM-09", "Công chức địa chính", "excellent:over"),
    ("PKT", "staff", "XA-CM-09", "Công chức địa chính", "good"),
    ("PKT", "staff", "XA-CM-09", "Công chức địa chính", "average"),
    ("PKT", "staff", "XA-CM-10", "Chuyên viên quy hoạch - xây dựng", "good:reprimand"),
    ("PKT", "staff", "XA-CM-10", "Chuyên viên quy hoạch - xây dựng", "very_good"),
    ("PKT", "staff", "XA-CM-11", "Chuyên viên nông nghiệp", "good"),
    ("PKT", "staff", "XA-CM-11", "Chuyên viên nông nghiệp", "weak"),
    ("PKT", "staff", "XA-CM-12", "Chuyên viên tài nguyên - môi trường", "good"),
    ("PKT", "staff", "XA-CM-13", "Chuyên viên kinh tế - hạ tầng", "good:newcomer"),
    ("PVHXH", "head", "XA-LD-03", "Trưởng phòng Văn hóa - Xã hội", "good"),
    ("PVHXH", "deputy", "XA-LD-04", "Phó Trưởng phòng Văn hóa - Xã hội", "good"),
    ("PVHXH", "staff", "XA-CM-14", "Chuyên viên văn hóa - thể thao", "good"),
    ("PVHXH", "staff", "XA-CM-14", "Chuyên viên văn hóa - thể thao", "average"),
    ("PVHXH", "staff", "XA-CM-15", "Chuyên viên chuyển đổi số", "very_good"),
    ("PVHXH", "staff", "XA-CM-15", "Chuyên viên thông tin - truyền thông", "good"),
    ("PVHXH", "staff", "XA-CM-16", "Chuyên viên giáo dục", "good"),
    ("PVHXH", "staff", "XA-CM-17", "Chuyên viên y tế", "average"),
    ("PVHXH", "staff", "XA-CM-18", "Chuyên viên lao động - xã hội", "excellent"),
    ("PVHXH", "staff", "XA-CM-18", "Chuyên viên lao động - xã hội", "good"),
    ("PVHXH", "staff", "XA-CM-19", "Chuyên viên dân tộc - tôn giáo", "average"),
    ("TTPVHCC", "head", "XA-LD-05", "Giám đốc Trung tâm phục vụ hành chính công", "very_good"),
    ("TTPVHCC", "deputy", "XA-LD-06", "Phó Giám đốc Trung tâm phục vụ hành chính công", "excellent"),
    ("TTPVHCC", "staff", "XA-CM-20", "Công chức một cửa", "very_good"),
    ("TTPVHCC", "staff", "XA-CM-20", "Công chức một cửa", "good"),
    ("TTPVHCC", "staff", "XA-CM-20", "Công chức một cửa", "average"),
    ("TTPVHCC", "staff", "XA-CM-20", "Công chức một cửa", "good"),
    ("BCHQS", "head", "XA-LD-07", "Chỉ huy trưởng Ban Chỉ huy quân sự", "good"),
    ("BCHQS", "deputy", "XA-LD-08", "Chỉ huy phó Ban Chỉ huy quân sự", "good"),
    ("BCHQS", "staff", "XA-CM-22", "Trợ lý quân sự", "good"),
)

# completion ratio range, chance of a quality failure / delay per line, general points per part
PROFILES: dict[str, tuple[tuple[float, float], float, float, tuple[int, int]]] = {
    "excellent": ((1.0, 1.0), 0.0, 0.05, (9, 10)),
    "very_good": ((0.93, 1.0), 0.15, 0.2, (8, 10)),
    "good": ((0.82, 0.95), 0.25, 0.35, (8, 9)),
    "average": ((0.58, 0.7), 0.5, 0.6, (6, 8)),
    "weak": ((0.38, 0.5), 0.8, 0.9, (5, 7)),
}

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
          "Ngô", "Dương", "Lý", "Trương", "Đinh", "Lâm", "Mai", "Tôn", "Cao", "Lưu", "Châu"]
MALE_MIDDLE = ["Văn", "Đức", "Minh", "Quốc", "Hữu", "Thanh", "Công", "Xuân", "Ngọc", "Hoàng", "Tấn", "Trọng"]
FEMALE_MIDDLE = ["Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Mỹ", "Phương", "Thị Thu", "Thị Kim", "Bảo"]
MALE_GIVEN = ["Anh", "Bảo", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hùng", "Huy", "Khoa", "Long",
              "Nam", "Phong", "Phúc", "Quang", "Sơn", "Tài", "Thắng", "Toàn", "Trung", "Tuấn", "Vinh", "Lộc",
              "Khánh", "Nhân", "Đông", "Thịnh"]
FEMALE_GIVEN = ["An", "Ánh", "Châu", "Diệp", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Lan",
                "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quyên", "Thảo",
                "Trang", "Uyên", "Vân", "Yến", "Ngọc", "Thủy"]
GENERAL_LABELS = (
    ("a", "Phẩm chất chính trị, đạo đức, văn hóa công vụ, ý thức tổ chức kỷ luật"),
    ("b", "Năng lực chuyên môn theo vị trí việc làm, trách nhiệm, thái độ phục vụ, phối hợp"),
    ("c", "Đổi mới, sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm"),
)
COMMON_PRODUCTS = ["VB-01", "VB-02", "BC-01", "BC-02", "BC-03", "KH-01", "HN-01", "HN-02"]
LEADER_PRODUCTS = ["LD-01", "LD-02", "LD-03"]


@dataclass
class DemoPerson:
    person: Person
    body_code: str
    role: str
    position_code: str
    profile: str
    marker: str
    category: str
    rated: bool = True
    totals: dict[str, Decimal] = field(default_factory=dict)
    self_totals: dict[str, Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class DemoSummary:
    unit_code: str
    unit_name: str
    province_name: str
    bodies: int
    people: int
    rated_people: int
    positions: int
    products: int
    periods: list[str]
    assignments: int
    evaluations: int
    annual: int
    levels: dict[str, int]
    highlights: dict[str, str]  # case → person name (over-achiever, reprimanded, …)
    accounts: list[tuple[str, str, str, str]] = field(default_factory=list)  # username, password, role, name


def _scoring() -> tuple[Callable[[Any], dict[str, Any]], Callable[[Any], dict[str, Any]],
                        Callable[[Any], dict[str, Any]]]:
    try:
        from kpi_desktop.domain.scoring import score_annual, score_period, score_quota
    except ImportError as exc:  # the engine is its own area; say so rather than fail obscurely
        raise KpiError("Chưa có bộ máy chấm điểm (kpi_desktop.domain.scoring) nên không tạo được bản demo.",
                       hint="Cập nhật mã nguồn lên bản có bộ máy chấm điểm rồi chạy lại.") from exc
    return score_period, score_annual, score_quota


def _d(value: Any) -> Decimal:
    return Decimal(str(value)).quantize(TWO, rounding=ROUND_HALF_UP)


def _quarter_bounds(q: int) -> tuple[date, date]:
    start = date(YEAR, 3 * q - 2, 1)
    end = date(YEAR + (q == 4), (3 * q) % 12 + 1, 1) - timedelta(days=1)
    return start, end


def _at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour, 0))


class _Builder:
    def __init__(self, session: Session, rng: random.Random, ward_code: str) -> None:
        self.s = session
        self.rng = rng
        self.ward_code = ward_code
        self.people: list[DemoPerson] = []
        self.used_names: set[str] = set()
        self.highlights: dict[str, str] = {}
        self.score_period, self.score_annual, self.score_quota = _scoring()

    # -- organisation and people ------------------------------------------------------------------
    def build_unit(self) -> Unit:
        self.unit = create_unit_in_session(self.s, self.ward_code, bodies=BODIES)
        self.bodies = {b.code: b for b in self.s.scalars(select(Body).where(Body.unit_id == self.unit.id))}
        return self.unit

    def _name(self, female: bool) -> str:
        while True:
            family = self.rng.choice(FAMILY)
            middle = self.rng.choice(FEMALE_MIDDLE if female else MALE_MIDDLE)
            given = self.rng.choice(FEMALE_GIVEN if female else MALE_GIVEN)
            name = f"{family} {middle} {given}"
            if name not in self.used_names:
                self.used_names.add(name)
                return name

    def _citizen_id(self, birth: date, female: bool) -> str:
        century = 0 if birth.year < 2000 else 2
        return f"056{century + int(female)}{birth.year % 100:02d}{self.rng.randrange(10**6):06d}"

    def build_people(self) -> None:
        counters: dict[str, int] = {}
        for body_code, role, position_code, title, profile_spec in STAFFING:
            profile, _, marker = profile_spec.partition(":")
            female = marker == "maternity" or self.rng.random() < 0.45
            leader = role in ("head", "deputy")
            birth = date(self.rng.randint(1970, 1988) if leader else self.rng.randint(1975, 1999),
                         self.rng.randint(1, 12), self.rng.randint(1, 28))
            if marker == "maternity":
                birth = date(1994, 5, 17)
            category = "hop_dong" if profile == "contract" else "cong_chuc"
            prefix = "HD" if category == "hop_dong" else "CC"
            counters[prefix] = counters.get(prefix, 0) + 1
            code = f"{prefix}-{counters[prefix]:04d}"
            start = date(self.rng.randint(2008, 2022), self.rng.randint(1, 12), 1)
            if marker == "newcomer":
                start = date(YEAR, 8, 1)
            if marker == "transfer":
                start = date(YEAR, 7, 1)
            step = self.rng.randint(1, 7)
            rank: tuple[str | None, str | None, Decimal | None]
            if category == "hop_dong":
                rank = (None, None, None)
            elif leader:
                rank = ("01.002", "Chuyên viên chính", Decimal("4.40") + Decimal("0.34") * (min(step, 6) - 1))
            else:
                rank = ("01.003", "Chuyên viên", Decimal("2.34") + Decimal("0.33") * (step - 1))
            quota = "HTPV" if category == "hop_dong" else ("LDQL" if leader else "CMNV")
            data = NewPerson(
                code=code, full_name=self._name(female), category=category, start_date=start,
                body_code=body_code, role=role, title=title, position_code=position_code,
                birth_date=birth, gender="nu" if female else "nam",
                party_member=leader or self.rng.random() < 0.55,
                rank_code=rank[0], rank_name=rank[1], salary_step=step if category != "hop_dong" else None,
                salary_coefficient=rank[2], citizen_id=self._citizen_id(birth, female),
                national_code=None if category == "hop_dong" else f"CBCCVC-56-{self.rng.randrange(10**7):07d}",
                quota_group_code=quota, phone=f"09{self.rng.randrange(10**8):08d}",
                scope="Phụ trách lĩnh vực được phân công" if role == "deputy" else None,
            )
            person = add_person(self.s, self.unit, data)
            dp = DemoPerson(person, body_code, role, position_code, profile, marker, category,
                            rated=category != "hop_dong")
            self.people.append(dp)
        self._special_cases()

    def _special_cases(self) -> None:
        for dp in self.people:
            p = dp.person
            if dp.marker == "maternity":
                add_leave(self.s, p, "maternity", date(YEAR, 2, 16), date(YEAR, 8, 15),
                          note="Nghỉ sinh con thứ nhất", decision_no="45/QĐ-UBND")
                self.highlights["maternity"] = p.full_name
            elif dp.marker == "sick":
                add_leave(self.s, p, "sick", date(YEAR, 4, 6), date(YEAR, 4, 24), note="Điều trị nội trú")
            elif dp.marker == "reprimand":
                add_discipline(self.s, p, form="khien_trach", track="administrative", decided_on=date(YEAR, 6, 12),
                               violation_id="VP-2026-03", decision_no="112/QĐ-UBND",
                               reason="Tham mưu cấp phép xây dựng sai quy hoạch chi tiết tại thôn Tân Lập")
                self.highlights["reprimand"] = p.full_name
            elif dp.marker == "transfer":
                old = find_ward(TRANSFER_FROM_WARD)
                carried = self._carried_scores(dp, old.code, old.name)
                add_transfer(self.s, p, date(YEAR, 7, 1), from_unit_code=old.code, from_unit_name=old.name,
                             to_unit_code=self.unit.code, to_unit_name=self.unit.name, carried_scores=carried,
                             decision_no="87/QĐ-UBND",
                             old_unit_opinion="Hoàn thành tốt nhiệm vụ trong 6 tháng đầu năm tại đơn vị cũ.")
                self.highlights["transfer"] = p.full_name
            elif dp.marker == "newcomer":
                self.highlights["under_6_months"] = p.full_name
            elif dp.marker == "over":
                self.highlights["over_achiever"] = p.full_name
            if dp.profile == "weak":
                self.highlights["kht"] = p.full_name

    def _carried_scores(self, dp: DemoPerson, unit_code: str, unit_name: str) -> list[dict[str, Any]]:
        """The old unit's Q1 and Q2 results, scored by the engine as the old unit would have."""
        carried = []
        for q in (1, 2):
            period = f"{YEAR}-Q{q}"
            doc = {"ruleset": RULESET, "person": {"code": dp.person.code, "role": "staff", "category": "cong_chuc"},
                   "period": period, "general": {"a": 9, "b": 8, "c": 9},
                   "tasks": [{"product": "BC-01", "k": "2", "assigned": 6, "completed": 6, "quality_failures": q - 1,
                              "quality_failures_exempt": 0, "delays": 1, "delays_exempt": 0},
                             {"product": "DT-01", "k": "5", "assigned": 2, "completed": 2, "quality_failures": 0,
                              "quality_failures_exempt": 0, "delays": 0, "delays_exempt": 0}],
                   "leadership": None}
            result = self.score_period(doc)
            dp.totals[period] = _d(result["total"])
            carried.append({"period": period, "total": str(_d(result["total"])), "band": result["band"],
                            "unit_code": unit_code, "unit_name": unit_name, "ruleset": result["ruleset"],
                            "ruleset_sha256": result["ruleset_sha256"], "engine_version": result["engine_version"],
                            "inputs": doc, "result": result})
        return carried

    def build_competencies(self) -> None:
        comps = {c.id: c.code for c in self.s.scalars(select(Competency))}
        positions = {p.code: p.id for p in self.s.scalars(select(JobPosition))}
        for dp in self.people:
            reqs = self.s.scalars(select(PositionCompetency).where(
                PositionCompetency.position_id == positions[dp.position_code])).all()
            bias = {"excellent": 1, "very_good": 0, "good": 0, "average": -1, "weak": -1}.get(dp.profile, -1)
            for req in reqs:
                level = max(1, min(5, req.required_level + bias + self.rng.choice((-1, 0, 0, 0, 1))))
                assess_competency(self.s, dp.person, comps[req.competency_id], level, date(YEAR, 1, 20),
                                  assessed_by="Hội đồng đánh giá năng lực xã")

    # -- periods ------------------------------------------------------------------------------------
    def build_periods(self) -> None:
        self.products = {p.code: p for p in self.s.scalars(select(Product))}
        self.product_positions: dict[str, list[str]] = {}
        for prod in self.products.values():
            for pos in prod.positions:
                self.product_positions.setdefault(pos.code, []).append(prod.code)
        self.periods: dict[int, EvaluationPeriod] = {}
        for q in range(1, 5):
            start, end = _quarter_bounds(q)
            period = EvaluationPeriod(unit_id=self.unit.id, code=f"{YEAR}-Q{q}", kind="quarter", year=YEAR, number=q,
                                      start_date=start, end_date=end, state="open", ruleset_id=RULESET,
                                      self_due=end + timedelta(days=5), review_due=end + timedelta(days=12))
            self.s.add(period)
            self.periods[q] = period
        self.s.flush()
        # Leaders last: their d component depends on their subordinates' results.
        order = {"staff": 0, "deputy": 1, "head": 2}
        for q in range(1, 5):
            for dp in sorted(self.people, key=lambda d: order[d.role]):
                if dp.rated:
                    self._evaluate(dp, q)
        self.s.flush()

    def _worked_days(self, dp: DemoPerson, start: date, end: date) -> int:
        if dp.marker == "transfer" and end < date(YEAR, 7, 1):
            return 0
        emp_start = max(start, date(YEAR, 8, 1) if dp.marker == "newcomer" else start)
        days = (end - emp_start).days + 1 if end >= emp_start else 0
        if dp.marker == "maternity":
            leave_s, leave_e = date(YEAR, 2, 16), date(YEAR, 8, 15)
            overlap = (min(end, leave_e) - max(start, leave_s)).days + 1
            days -= max(0, overlap)
        return max(days, 0)

    def _evaluate(self, dp: DemoPerson, q: int) -> None:
        period = self.periods[q]
        start, end = period.start_date, period.end_date
        worked = self._worked_days(dp, start, end)
        if worked < 20:  # not working this quarter: no assignments, no evaluation
            return
        share = worked / ((end - start).days + 1)
        ratio_range, p_fail, p_delay, general_range = PROFILES[dp.profile]
        rng = self.rng
        leader = dp.role in ("head", "deputy")
        own = self.product_positions.get(dp.position_code, [])
        candidates = [c for c in own if c not in LEADER_PRODUCTS]
        picks: list[str] = []
        if leader:
            picks += ["LD-01", "LD-02"] + (["LD-03"] if dp.role == "head" else [])
        picks += rng.sample(candidates, min(len(candidates), 2 if leader else 3))
        picks += rng.sample(COMMON_PRODUCTS, 2 if leader else rng.randint(1, 2))
        lines = []
        for code in dict.fromkeys(picks):
            prod = self.products[code]
            k = prod.k
            base = max(1, round(float(rng.uniform(10, 24) / float(k)) * share))
            assigned = min(base, 60)
            lo, hi = ratio_range
            ratio = rng.uniform(lo, hi)
            completed = min(assigned, max(0, round(assigned * ratio)))
            if dp.marker == "over":
                completed = assigned + max(1, round(assigned * 0.3))
            fails = sum(1 for _ in range(max(1, completed // 6)) if rng.random() < p_fail) if completed else 0
            delays = sum(1 for _ in range(max(1, completed // 5)) if rng.random() < p_delay) if completed else 0
            fails_exempt = 1 if fails and rng.random() < 0.2 else 0
            delays_exempt = 1 if delays and rng.random() < 0.25 else 0
            deadline = end - timedelta(days=rng.choice((0, 5, 10, 15)))
            a = Assignment(period_id=period.id, person_id=dp.person.id, product_id=prod.id,
                           quantity=Decimal(assigned), k=k, deadline=deadline, source="plan",
                           assigned_by=self._head_name(dp), created_at=_at(start + timedelta(days=2)))
            if completed:
                first = completed // 2
                done_day = min(deadline, end - timedelta(days=1))
                if first:
                    a.completions.append(CompletionRecord(quantity=Decimal(first), completed_on=start + timedelta(days=40),
                                                          accepted_by=self._head_name(dp)))
                a.completions.append(CompletionRecord(quantity=Decimal(completed - first), completed_on=done_day,
                                                      accepted_by=self._head_name(dp)))
            if fails:
                a.quality_failures.append(QualityFailure(count=fails - fails_exempt, occurred_on=end - timedelta(days=20)))
                if fails_exempt:
                    a.quality_failures.append(QualityFailure(
                        count=fails_exempt, occurred_on=end - timedelta(days=25), exempt=True,
                        approver=self._head_name(dp),
                        reason="Sai sót do văn bản hướng dẫn của cấp trên thay đổi sau khi giao việc"))
                a.quality_failures[:] = [f for f in a.quality_failures if f.count > 0]
            if delays:
                if delays - delays_exempt > 0:
                    a.delays.append(DelayEvent(count=delays - delays_exempt, occurred_on=deadline + timedelta(days=3)))
                if delays_exempt:
                    a.delays.append(DelayEvent(count=delays_exempt, occurred_on=deadline + timedelta(days=2), exempt=True,
                                               approver=self._head_name(dp),
                                               reason="Chậm do hệ thống dịch vụ công của tỉnh gián đoạn"))
            self.s.add(a)
            lines.append({"product": code, "k": format(k, "f"), "assigned": assigned, "completed": completed,
                          "quality_failures": fails, "quality_failures_exempt": fails_exempt,
                          "delays": delays, "delays_exempt": delays_exempt, "exceeded": completed > assigned})
        glo, ghi = general_range
        self_general = {c: rng.randint(glo, ghi) for c, _ in GENERAL_LABELS}
        reviewer_general = dict(self_general)
        adjust_reason = None
        if rng.random() < 0.3 and max(self_general.values()) > 6:
            part = rng.choice([c for c, v in self_general.items() if v > 6])
            reviewer_general[part] -= 1
            adjust_reason = "Điều chỉnh giảm 1 điểm tiêu chí chung: còn chậm phối hợp với bộ phận liên quan."
        leadership = None
        if leader:
            leadership = {"subordinates_all_at_least_ht": self._subordinates_ok(dp, q),
                          "plan_on_time_with_quality": dp.profile in ("excellent", "very_good"),
                          "unity": True}
        person_doc = {"code": dp.person.code, "role": dp.role, "category": dp.category,
                      "position": dp.position_code, "name": dp.person.full_name}
        inputs = {"ruleset": RULESET, "person": person_doc, "period": period.code, "general": reviewer_general,
                  "tasks": lines, "leadership": leadership}
        result = self.score_period(inputs)
        self_result = self.score_period({**inputs, "general": self_general})
        total = _d(result["total"])
        dp.totals[period.code] = total
        dp.self_totals[period.code] = _d(self_result["total"])
        ev = PeriodEvaluation(
            period_id=period.id, person_id=dp.person.id, body_id=self.bodies[dp.body_code].id, role=dp.role,
            state="approved", leadership=leadership, self_total=_d(self_result["total"]),
            self_band=self_result["band"], strengths=self._strengths(dp), weaknesses=self._weaknesses(dp),
            reviewer_comment=self._review_comment(result["band"]), adjust_reason=adjust_reason,
            reviewer_person_id=self._reviewer_id(dp), approver_person_id=self._reviewer_id(dp),
            submitted_at=_at(end + timedelta(days=3)), reviewed_at=_at(end + timedelta(days=8), 14),
            approved_at=_at(end + timedelta(days=10), 16),
            inputs=inputs, result=result, ruleset_id=result["ruleset"], ruleset_sha256=result["ruleset_sha256"],
            engine_version=result["engine_version"], total=total, band=result["band"],
            scored_at=_at(end + timedelta(days=10), 16))
        for seq, (code, label) in enumerate(GENERAL_LABELS, 1):
            ev.criteria.append(CriterionScore(
                seq=seq, code=code, label=label, max_points=Decimal(10), self_points=Decimal(self_general[code]),
                reviewer_points=Decimal(reviewer_general[code]),
                reviewer_comment=adjust_reason if reviewer_general[code] != self_general[code] else None))
        self.s.add(ev)
        self.s.flush()

    def _subordinates_ok(self, dp: DemoPerson, q: int) -> bool:
        code = f"{YEAR}-Q{q}"
        subs = [d for d in self.people if d.body_code == dp.body_code and d is not dp and d.rated
                and (dp.role == "head" or d.role == "staff")]
        return all(d.totals.get(code, Decimal(100)) >= 50 for d in subs)

    def _head(self, body_code: str) -> DemoPerson:
        return next(d for d in self.people if d.body_code == body_code and d.role == "head")

    def _head_name(self, dp: DemoPerson) -> str:
        if dp.role == "head":
            return "Chủ tịch UBND xã"
        return self._head(dp.body_code).person.full_name

    def _reviewer_id(self, dp: DemoPerson) -> int | None:
        return None if dp.role == "head" else self._head(dp.body_code).person.id

    def _strengths(self, dp: DemoPerson) -> str:
        return {
            "excellent": "Chủ động, hoàn thành vượt khối lượng được giao, chất lượng cao; tích cực ứng dụng công nghệ.",
            "very_good": "Hoàn thành đầy đủ, đúng hạn các nhiệm vụ; tinh thần trách nhiệm cao.",
            "good": "Chấp hành tốt sự phân công; phối hợp tốt với đồng nghiệp.",
            "average": "Chấp hành kỷ luật, giờ giấc làm việc.",
            "weak": "Có cố gắng trong giao tiếp với người dân.",
        }[dp.profile]

    def _weaknesses(self, dp: DemoPerson) -> str:
        return {
            "excellent": "Chưa có.",
            "very_good": "Đôi lúc còn chậm cập nhật hồ sơ trên hệ thống.",
            "good": "Một số sản phẩm còn chậm tiến độ, phải chỉnh sửa.",
            "average": "Nhiều sản phẩm chưa hoàn thành, chất lượng chưa đạt yêu cầu.",
            "weak": "Không hoàn thành phần lớn khối lượng được giao; nhiều sản phẩm phải làm lại.",
        }[dp.profile]

    @staticmethod
    def _review_comment(band: str) -> str:
        return {
            "HTXS": "Thống nhất với kết quả tự đánh giá; đề nghị biểu dương.",
            "HTT": "Cơ bản thống nhất; cần khắc phục các sản phẩm chậm tiến độ.",
            "HT": "Cần chấn chỉnh, nâng cao chất lượng và tiến độ công việc.",
            "KHT": "Không hoàn thành nhiệm vụ; yêu cầu kiểm điểm, có kế hoạch khắc phục.",
        }[band]

    # -- the year -----------------------------------------------------------------------------------
    def build_annual(self) -> list[AnnualClassification]:
        for code, level in BODY_RATING.items():
            self.s.add(OrgRating(unit_id=self.unit.id, body_id=self.bodies[code].id, year=YEAR, level=level,
                                 agency_excellent=level == "HTXS", decision_no="205/QĐ-UBND",
                                 decision_date=date(YEAR, 12, 8)))
        self.s.add(OrgRating(unit_id=self.unit.id, body_id=None, year=YEAR, level="HTT",
                             decision_no="1890/QĐ-UBND tỉnh", decision_date=date(YEAR, 12, 5)))
        rows: list[tuple[DemoPerson, AnnualClassification, dict[str, Any]]] = []
        for dp in self.people:
            if not dp.rated:
                continue
            wt = work_time(self.s, dp.person.id, YEAR)
            months = wt.months_worked
            if dp.marker == "transfer":
                months = 12  # six months here plus six in the old unit, whose results travel with the person
            vetoes = []
            if dp.marker == "reprimand":
                vetoes.append({"kind": "discipline", "form": "khien_trach", "date": f"{YEAR}-06-12",
                               "violation_id": "VP-2026-03"})
            periods = []
            for code, total in sorted(dp.totals.items()):
                entry: dict[str, Any] = {"period": code, "total": str(total)}
                if dp.marker == "transfer" and code in (f"{YEAR}-Q1", f"{YEAR}-Q2"):
                    entry["unit"] = TRANSFER_FROM_WARD
                periods.append(entry)
            inputs: dict[str, Any] = {
                "ruleset": RULESET,
                "person": {"code": dp.person.code, "role": dp.role, "category": dp.category,
                           "position": dp.position_code, "name": dp.person.full_name},
                "year": YEAR, "periods": periods, "months_worked": months, "maternity_leave": wt.maternity_leave,
                "vetoes": vetoes,
            }
            if dp.role == "head":
                inputs["unit_level"] = BODY_RATING[dp.body_code]
            result = self.score_annual(inputs)
            self_mean = (sum(dp.self_totals.values(), Decimal(0)) / len(dp.self_totals)) if dp.self_totals else None
            self_level = None
            if self_mean is not None:
                self_level = "HTXS" if self_mean >= 90 else "HTT" if self_mean >= 70 else "HT" if self_mean >= 50 else "KHT"
            ac = AnnualClassification(
                person_id=dp.person.id, unit_id=self.unit.id, year=YEAR, role=dp.role,
                quota_group_code="LDQL" if dp.role != "staff" else "CMNV", months_worked=months,
                maternity_leave=wt.maternity_leave, level=result["level"], self_proposed_level=self_level,
                final_level=result["level"], vetoes_applied=vetoes, state="published",
                inputs=inputs, result=result, ruleset_id=result["ruleset"], ruleset_sha256=result["ruleset_sha256"],
                engine_version=result["engine_version"],
                total=_d(result["mean"]) if result.get("mean") is not None else None, band=result.get("band"),
                scored_at=_at(date(YEAR, 12, 9)), decision_no="215/QĐ-UBND", decision_date=date(YEAR, 12, 10),
                published=True, published_at=_at(date(YEAR, 12, 11)),
                meeting_minutes="Hội nghị nhận xét, đánh giá ngày 03/12/2026; 100% ý kiến thống nhất.",
                party_committee_opinion="Đảng ủy xã thống nhất." if dp.role != "staff" else None,
                comment="; ".join(result.get("reasons") or []) or None)
            if result["level"] == Level.KHT.value:
                ac.proposed_action = "Bố trí công việc phù hợp, theo dõi khắc phục; năm thứ hai KHT xem xét cho thôi việc."
            self.s.add(ac)
            rows.append((dp, ac, result))
        self.s.flush()
        self._quota(rows)
        return [ac for _, ac, _ in rows]

    def _quota(self, rows: list[tuple[DemoPerson, AnnualClassification, dict[str, Any]]]) -> None:
        people = [{"code": dp.person.code, "group": ac.quota_group_code, "level": ac.level,
                   "mean": str(ac.total) if ac.total is not None else "0"} for dp, ac, _ in rows]
        result = self.score_quota({"ruleset": RULESET, "agency_excellent": False, "base": "htt",
                                   "rounding": "floor", "people": people})
        over: set[str] = set(result.get("over_quota") or [])
        for group in result.get("groups") or []:
            over.update(group.get("over_quota") or [])
        for dp, ac, _ in rows:
            if dp.person.code in over:
                ac.over_quota = True
                ac.final_level = Level.HTT.value
                ac.quota_approver = "Chủ tịch UBND xã"
                ac.quota_reason = ("Vượt tỷ lệ 20% HTXS trong nhóm nhiệm vụ tương đồng; người có điểm trung bình "
                                   "thấp hơn được xếp Hoàn thành tốt nhiệm vụ theo quyết định của Chủ tịch UBND xã.")

    def build_contracts(self) -> None:
        targets = (
            ("Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", "dieu_hanh", "%", "92", "98", "higher", "0.4"),
            ("Số văn bản trễ hạn trong năm", "dieu_hanh", "văn bản", "14", "5", "lower", "0.2"),
            ("Mức độ hài lòng của người dân", "xa_hoi", "%", "85", "90", "higher", "0.3"),
            ("Tỷ lệ công chức được bồi dưỡng", "tiem_luc", "%", "60", "80", "higher", "0.1"),
        )
        for dp in self.people:
            if dp.role != "head":
                continue
            contract = ResponsibilityContract(unit_id=self.unit.id, body_id=self.bodies[dp.body_code].id,
                                              person_id=dp.person.id, year=YEAR, signed_on=date(YEAR, 1, 15),
                                              state="signed")
            for seq, (name, pillar, uom, base, target, direction, weight) in enumerate(targets, 1):
                actual = Decimal(target) + Decimal(self.rng.choice((-3, -1, 0, 1, 2))) * (
                    1 if direction == "higher" else -1)
                contract.targets.append(ContractTarget(seq=seq, name=name, pillar=pillar, unit_of_measure=uom,
                                                       baseline=Decimal(base), target=Decimal(target),
                                                       actual=actual, direction=direction, weight=Decimal(weight)))
            contract.veto_items.append(ContractVetoItem(seq=1, description="Để xảy ra tham nhũng, lãng phí trong đơn vị"))
            contract.veto_items.append(ContractVetoItem(seq=2, description="Để xảy ra khiếu nại đông người kéo dài"))
            self.s.add(contract)
        self.s.flush()

    def lock_periods(self) -> None:
        for q, period in self.periods.items():
            if q < 4:
                period.state = "locked"
                period.locked_at = _at(period.end_date + timedelta(days=15))
                period.locked_by = "Cán bộ tổ chức"
        # Q2 was reopened once to add missing evidence, then locked again: its reason stays on record.
        self.periods[2].reopen_reason = ("Mở lại ngày 20/07/2026 để bổ sung minh chứng sản phẩm của Phòng Kinh tế; "
                                         "đã khóa lại ngày 24/07/2026.")
        self.s.flush()


def _demo_accounts(db: Database) -> list[tuple[str, str, str, str]]:
    """(username, password, role, display name) of the demo accounts, if the accounts area is installed."""
    try:
        auth = importlib.import_module("kpi_desktop.services.auth")
    except ModuleNotFoundError:
        return []
    create = getattr(auth, "create_demo_accounts", None)
    if create is None:
        return []
    return [(a.username, a.password, str(a.role), a.display_name) for a in create(db)]


def build_demo(db: Database, *, ward_code: str = DEMO_WARD_CODE, seed: int = 2026,
               actor: Actor = SYSTEM) -> DemoSummary:
    """Fill an empty database with the demo commune (one transaction: all or nothing)."""
    with db.session(actor) as session:
        if session.scalar(select(func.count()).select_from(Unit)):
            raise StateError("Cơ sở dữ liệu đã có dữ liệu; bản demo chỉ tạo trên tệp mới.",
                             hint="Chọn một đường dẫn --db chưa tồn tại.")
        b = _Builder(session, random.Random(seed), ward_code)
        b.build_unit()
        b.build_people()
        b.build_competencies()
        b.build_periods()
        annual = b.build_annual()
        b.build_contracts()
        b.lock_periods()
        levels: dict[str, int] = {}
        for ac in annual:
            key = ac.final_level or "?"
            levels[key] = levels.get(key, 0) + 1
        n_assign = session.scalar(select(func.count()).select_from(Assignment)) or 0
        n_eval = session.scalar(select(func.count()).select_from(PeriodEvaluation)) or 0
        summary = DemoSummary(
            unit_code=b.unit.code, unit_name=b.unit.name, province_name=b.unit.province_name,
            bodies=len(b.bodies), people=len(b.people), rated_people=sum(1 for d in b.people if d.rated),
            positions=session.scalar(select(func.count()).select_from(JobPosition)) or 0,
            products=len(b.products), periods=[p.code for p in b.periods.values()], assignments=n_assign,
            evaluations=n_eval, annual=len(annual), levels=levels, highlights=dict(b.highlights))
    accounts = _demo_accounts(db)
    return dataclasses.replace(summary, accounts=accounts)


__all__ = ["DEMO_WARD_CODE", "DemoSummary", "build_demo"]
