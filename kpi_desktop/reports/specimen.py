"""Specimen view-models with made-up people: the layout preview, the tests and the benchmark use them.

The figures are consistent with the scoring contract's rules (a, b, c in percent; T = mean of the
components; task points = T × 70 / 100; total = general + task points; bands 90/70/50), computed here
with the same half-up rounding, so a specimen looks like a real form. Real forms take every figure from
the stored engine result instead (kpi_desktop.services.reports).
"""

from __future__ import annotations

import random
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

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
)

Q = Decimal("0.01")

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
          "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thị Thu", "Ngọc", "Quốc", "Thanh", "Xuân"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hằng", "Hưng", "Khánh", "Lan", "Linh",
         "Loan", "Mai", "Nam", "Nga", "Nhung", "Phúc", "Phượng", "Quân", "Quyên", "Sơn", "Tâm", "Thảo",
         "Thắng", "Thủy", "Trang", "Tuấn", "Uyên", "Việt", "Xuân", "Yến", "Đạt", "Ánh", "Ước"]
POSITIONS = ["Chuyên viên", "Chuyên viên chính", "Cán sự", "Văn thư", "Kế toán viên",
             "Địa chính – Xây dựng", "Tư pháp – Hộ tịch", "Văn hóa – Xã hội"]

HEADER = AgencyHeader(agency="Ủy ban nhân dân\nxã An Bình")
PLACE = "An Bình"


def q(value: Decimal) -> Decimal:
    return value.quantize(Q, rounding=ROUND_HALF_UP)


def band_of(total: Decimal | None) -> Level | None:
    if total is None:
        return None
    if total >= 90:
        return Level.HTXS
    if total >= 70:
        return Level.HTT
    if total >= 50:
        return Level.HT
    return Level.KHT


def person_name(i: int) -> str:
    return f"{FAMILY[i % len(FAMILY)]} {MIDDLE[(i // 3) % len(MIDDLE)]} {GIVEN[(i * 7) % len(GIVEN)]}"


def specimen_period_form(i: int = 0, *, period: PeriodRef | None = None, leader: bool = False,
                         category: Category = Category.CONG_CHUC, seed: int | None = None) -> PeriodForm:
    rng = random.Random(i if seed is None else seed)
    period = period or PeriodRef(2026, "quarter", 1)
    own_general = [Decimal(rng.choice([8, 9, 9, 10])) for _ in GENERAL_CRITERIA_LABELS]
    rev_general = [max(g - Decimal(rng.choice([0, 0, 0, 1])), Decimal(0)) for g in own_general]
    keys = ["a", "b", "c"] + (["d", "đ", "e"] if leader else [])
    comps = []
    own_vals, rev_vals = [], []
    for key in keys:
        if key in ("d", "đ", "e"):
            own = Decimal(100)
            rev = Decimal(rng.choice([100, 100, 50]))
        else:
            own = q(Decimal(rng.randint(8000, 10000)) / 100)
            rev = q(own - Decimal(rng.randint(0, 600)) / 100)
        own_vals.append(own)
        rev_vals.append(rev)
        comps.append(TaskComponent(key, TASK_COMPONENT_LABELS[key], Pair(own, rev)))
    t_own, t_rev = q(sum(own_vals, Decimal(0)) / len(keys)), q(sum(rev_vals, Decimal(0)) / len(keys))
    task_own, task_rev = q(t_own * 70 / 100), q(t_rev * 70 / 100)
    g_own, g_rev = sum(own_general, Decimal(0)), sum(rev_general, Decimal(0))
    total_own, total_rev = q(g_own + task_own), q(g_rev + task_rev)
    regime = Regime.ND233 if category is Category.VIEN_CHUC else Regime.ND335
    return PeriodForm(
        regime=regime, category=category, header=HEADER,
        person=PersonInfo(person_name(i), "Trưởng phòng" if leader else POSITIONS[i % len(POSITIONS)],
                          "Phòng Văn hóa – Xã hội", code=f"CC-{i:04d}"),
        period=period, is_leader=leader,
        general=tuple(CriterionLine(n, label, Decimal(10), Pair(o, r))
                      for (n, label), o, r in zip(GENERAL_CRITERIA_LABELS, own_general, rev_general, strict=True)),
        tasks=tuple(comps),
        general_points=Pair(q(g_own), q(g_rev)), task_result=Pair(t_own, t_rev),
        task_points=Pair(task_own, task_rev), total=Pair(total_own, total_rev),
        band=band_of(total_rev), own_band=band_of(total_own),
        strengths="Chủ động, hoàn thành đúng hạn các văn bản được giao; phối hợp tốt với đồng nghiệp.",
        weaknesses="Một báo cáo chưa đạt yêu cầu về chất lượng, phải chỉnh sửa.",
        reviewer_comment="Đồng ý với kết quả tự đánh giá, điều chỉnh điểm tiến độ theo thực tế.",
        place_date=PlaceDate(PLACE, date(period.year, 3 if period.kind == "quarter" else period.number, 31)
                             if period.kind == "quarter" and period.number == 1
                             else date(period.year, 12, 15)),
        reviewer_signature=Signature("CẤP CÓ THẨM QUYỀN THEO DÕI, ĐÁNH GIÁ", name="Trần Quốc Hưng"),
    )


def specimen_annual_form(i: int = 0, *, year: int = 2026, category: Category = Category.CONG_CHUC,
                         veto: bool = False) -> AnnualForm:
    rng = random.Random(1000 + i)
    rows = []
    for quarter in range(1, 5):
        general = Decimal(rng.randint(24, 30))
        task = q(Decimal(rng.randint(4500, 7000)) / 100)
        total = q(general + task)
        rows.append(PeriodScoreRow(PeriodRef(year, "quarter", quarter), q(general), task, total, band_of(total)))
    mean_g = q(sum((r.general_points or Decimal(0) for r in rows), Decimal(0)) / 4)
    mean_t = q(sum((r.task_points or Decimal(0) for r in rows), Decimal(0)) / 4)
    mean = q(sum((r.total or Decimal(0) for r in rows), Decimal(0)) / 4)
    band = band_of(mean)
    final = Level.KHT if veto else band
    reasons = ("Bị xử lý kỷ luật (khiển trách) trong năm đánh giá: xếp loại không hoàn thành nhiệm vụ.",) if veto else ()
    regime = Regime.ND233 if category is Category.VIEN_CHUC else Regime.ND335
    return AnnualForm(
        regime=regime, category=category, header=HEADER,
        person=PersonInfo(person_name(i), POSITIONS[i % len(POSITIONS)], "Phòng Văn hóa – Xã hội",
                          code=f"CC-{i:04d}"),
        year=year, periods=tuple(rows), mean_general=mean_g, mean_task=mean_t, mean_total=mean,
        band=band, self_level=band, final_level=final, reasons=reasons,
        comments="Hoàn thành các nhiệm vụ được giao; cần nâng cao chất lượng tham mưu.",
        proposal="Tiếp tục bố trí vị trí việc làm hiện tại.",
        place_date=PlaceDate(PLACE, date(year, 12, 10)),
        reviewer_signature=Signature("CHỦ TỊCH ỦY BAN NHÂN DÂN", name="Trần Quốc Hưng"),
    )


def specimen_legacy_form(i: int = 0, *, category: Category = Category.CONG_CHUC,
                         leader: bool = False) -> LegacyAnnualForm:
    answers = (
        "Chấp hành tốt chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước.",
        "Giữ gìn đạo đức, lối sống lành mạnh, không có biểu hiện suy thoái.",
        "Tác phong chuẩn mực, làm việc khoa học, đúng giờ.",
        "Chấp hành nghiêm nội quy, quy chế của cơ quan.",
        "Hoàn thành 100% nhiệm vụ được giao đúng tiến độ, có 2/5 nhiệm vụ vượt yêu cầu.",
        "Thái độ hòa nhã, tận tình với người dân đến giao dịch.",
    )
    leader_answers = ("Đơn vị hoàn thành 100% chỉ tiêu, kế hoạch.", "Điều hành hiệu quả, kịp thời.",
                      "Tập thể đoàn kết, thống nhất.")
    return LegacyAnnualForm(
        category=category, header=HEADER,
        person=PersonInfo(person_name(i), "Trưởng phòng" if leader else POSITIONS[i % len(POSITIONS)],
                          "Phòng Văn hóa – Xã hội"),
        year=2025, is_leader=leader,
        self_assessment=tuple(zip(LEGACY_CRITERIA, answers, strict=True)),
        leader_assessment=tuple(zip(LEGACY_LEADER_CRITERIA, leader_answers, strict=True)) if leader else (),
        self_comment="Ưu điểm: nhiệt tình, trách nhiệm. Khuyết điểm: đôi lúc chậm cập nhật văn bản mới.",
        self_level=Level.HTT, manager_comment="Nhất trí với tự nhận xét của đồng chí.",
        final_comment="Hoàn thành tốt nhiệm vụ được giao.", final_level=Level.HTT,
        place_date=PlaceDate(PLACE, date(2025, 12, 10)),
        reviewer_signature=Signature("CHỦ TỊCH ỦY BAN NHÂN DÂN", name="Trần Quốc Hưng"),
    )


def specimen_unit_summary(size: int = 30, *, year: int = 2026) -> UnitSummary:
    rows = []
    for i in range(size):
        form = specimen_annual_form(i, year=year, veto=(i % 17 == 16))
        level = form.final_level if i % 23 != 22 else Level.NOT_RATED
        rows.append(UnitSummaryRow(form.person.full_name, form.person.position, Category.CONG_CHUC,
                                   None if level is Level.NOT_RATED else form.mean_total, level,
                                   note="Nghỉ thai sản" if level is Level.NOT_RATED else "",
                                   group="Chuyên môn"))
    return UnitSummary(
        header=HEADER, unit_name="Ủy ban nhân dân xã An Bình", year=year, rows=tuple(rows),
        quota_notes=("Tỷ lệ hoàn thành xuất sắc nhiệm vụ không vượt quá 20% số được xếp loại hoàn thành tốt "
                     "nhiệm vụ trong nhóm nhiệm vụ tương đồng.",),
        place_date=PlaceDate(PLACE, date(year, 12, 14)),
        signer=Signature("CHỦ TỊCH", capacity="TM. ỦY BAN NHÂN DÂN", name="Trần Quốc Hưng",
                         note="(Ký, đóng dấu)"),
    )


def specimen_commune_report(year: int = 2026) -> CommuneReport:
    summary = specimen_unit_summary(40, year=year)
    cc = LevelCounts.of(r.level for r in summary.rows[:30])
    vc = LevelCounts.of(r.level for r in summary.rows[30:])
    return CommuneReport(
        header=HEADER, commune="Xã An Bình", recipient="Sở Nội vụ tỉnh Khánh Hòa", year=year,
        by_category=(CountsRow("Công chức", cc), CountsRow("Viên chức", vc)),
        by_unit=(CountsRow("Văn phòng HĐND và UBND", LevelCounts.of(r.level for r in summary.rows[:12])),
                 CountsRow("Phòng Kinh tế", LevelCounts.of(r.level for r in summary.rows[12:22])),
                 CountsRow("Phòng Văn hóa – Xã hội", LevelCounts.of(r.level for r in summary.rows[22:30])),
                 CountsRow("Trạm Y tế xã", vc)),
        document_number="Số: 125/BC-UBND",
        remarks=("Việc đánh giá, xếp loại thực hiện đúng quy trình, công khai, minh bạch.",),
        place_date=PlaceDate(PLACE, date(year, 12, 20)),
        signer=Signature("CHỦ TỊCH", capacity="TM. ỦY BAN NHÂN DÂN", name="Trần Quốc Hưng",
                         note="(Ký, đóng dấu)"),
    )


COMMUNES = ["Xã An Bình", "Phường Nha Trang", "Phường Bắc Cam Ranh", "Xã Diên Khánh", "Xã Vạn Ninh",
            "Xã Khánh Sơn", "Phường Ninh Hòa", "Đặc khu Trường Sa", "Xã Cam Lâm", "Xã Suối Dầu",
            "Phường Tây Nha Trang", "Xã Đại Lãnh"]


def specimen_province_report(n: int = 12, year: int = 2026) -> ProvinceReport:
    rows = []
    for i in range(n):
        rng = random.Random(500 + i)
        name = COMMUNES[i] if i < len(COMMUNES) else f"Xã Số {i + 1}"
        rows.append(CountsRow(name, LevelCounts(rng.randint(2, 8), rng.randint(20, 40), rng.randint(3, 10),
                                                rng.randint(0, 2), rng.randint(0, 2))))
    return ProvinceReport(
        header=AgencyHeader(agency="Sở Nội vụ", parent="Ủy ban nhân dân tỉnh Khánh Hòa"),
        province="Khánh Hòa", year=year, communes=tuple(rows), document_number="Số: 87/BC-SNV",
        missing=("Xã Ninh Tây",),
        remarks=("Số liệu tổng hợp từ các gói dữ liệu đã nhập và kiểm tra chữ ký.",),
        place_date=PlaceDate("Khánh Hòa", date(year + 1, 1, 10)),
        signer=Signature("GIÁM ĐỐC", name="Lê Thị Thu Hà", note="(Ký, đóng dấu)"),
    )
