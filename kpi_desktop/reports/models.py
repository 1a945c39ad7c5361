"""What each printed form and report says, as plain data.

The services build these from the database (or the province's imported bundles); the PDF and Excel
writers only lay them out. Nothing here computes a score: every figure comes from the scoring engine's
stored result, so a form always shows exactly what `kpi score` computed.

All text is normalised to NFC when a model is built (reportlab draws NFD marks in the wrong place).
Figures are `Decimal` with two places; `None` means "not filled in" and prints as an empty cell.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, fields, is_dataclass, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any, TypeVar

from kpi_desktop.errors import InputError

T = TypeVar("T")


class Regime(StrEnum):
    """The rule set a form belongs to (ids as in the scoring contract)."""

    ND335 = "ND335-2025"  # công chức, from 1/1/2026
    ND233 = "ND233-2026"  # viên chức, from 1/7/2026
    ND90 = "ND90-2020-ND48-2023"  # legacy annual rating (2025, and units without a new regulation)
    QD366 = "QD366-2025"  # cán bộ and Party members: the Party's 100-point frame (same 30/70 layout)


class Category(StrEnum):
    CONG_CHUC = "cong_chuc"
    VIEN_CHUC = "vien_chuc"
    CAN_BO = "can_bo"

    @property
    def word(self) -> str:
        """The noun the form titles use: "công chức", "viên chức", "cán bộ"."""
        return {"cong_chuc": "công chức", "vien_chuc": "viên chức", "can_bo": "cán bộ"}[self.value]


class Level(StrEnum):
    """Annual levels (and the band a period total falls in)."""

    HTXS = "HTXS"
    HTT = "HTT"
    HT = "HT"
    KHT = "KHT"
    NOT_RATED = "NOT_RATED"

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self]

    @property
    def short(self) -> str:
        return "Không xếp loại" if self is Level.NOT_RATED else self.value


LEVEL_LABELS = {
    Level.HTXS: "Hoàn thành xuất sắc nhiệm vụ",
    Level.HTT: "Hoàn thành tốt nhiệm vụ",
    Level.HT: "Hoàn thành nhiệm vụ",
    Level.KHT: "Không hoàn thành nhiệm vụ",
    Level.NOT_RATED: "Không xếp loại (chưa đủ thời gian công tác)",
}
RATED_LEVELS = (Level.HTXS, Level.HTT, Level.HT, Level.KHT)


def parse_level(value: str | Level | None) -> Level | None:
    if value is None or value == "":
        return None
    try:
        return Level(str(value).upper())
    except ValueError:
        raise InputError(f"Mức xếp loại «{value}» không hợp lệ.", field="level",
                         hint="Dùng một trong HTXS, HTT, HT, KHT, NOT_RATED.") from None


TWO_PLACES = Decimal("0.01")


def dec(value: Decimal | float | int | str | None) -> Decimal | None:
    """A figure as the engine reports it: Decimal rounded half-up to 2 places (None stays None)."""
    if value is None or value == "":
        return None
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except ArithmeticError:
        raise InputError(f"«{value}» không phải là số.", field="figure") from None
    if not number.is_finite():
        raise InputError(f"«{value}» không phải là số hữu hạn.", field="figure")
    return number.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def fmt_number(value: Decimal | None, *, blank: str = "") -> str:
    """Vietnamese notation: decimal comma, two places (95,33). None prints as `blank`."""
    if value is None:
        return blank
    return f"{value:.2f}".replace(".", ",")


def fmt_max(value: Decimal) -> str:
    """A maximum as printed in a label: "30" when whole, else "12,5"."""
    return str(int(value)) if value == value.to_integral_value() else fmt_number(value).rstrip("0")


def fmt_percent(value: Decimal | None) -> str:
    return "" if value is None else f"{fmt_number(value)}%"


def fmt_date(value: date | None) -> str:
    return "" if value is None else value.strftime("%d/%m/%Y")


def nfc(value: str | None) -> str:
    return unicodedata.normalize("NFC", value or "").strip()


def roman(n: int) -> str:
    return ["", "I", "II", "III", "IV"][n] if 0 < n <= 4 else str(n)


@dataclass(frozen=True)
class PeriodRef:
    """A tracking period: a month (1–12) or a quarter (1–4) of a year."""

    year: int
    kind: str  # "month" | "quarter"
    number: int

    def __post_init__(self) -> None:
        top = {"month": 12, "quarter": 4}.get(self.kind)
        if top is None or not 1 <= self.number <= top or not 2000 <= self.year <= 2100:
            raise InputError(f"Kỳ đánh giá không hợp lệ: {self.kind} {self.number}/{self.year}.",
                             field="period", hint="Ví dụ: 2026-03 (tháng) hoặc 2026-Q1 (quý).")

    @classmethod
    def parse(cls, text: str) -> PeriodRef:
        """`2026-Q1` or `2026-03` (the scoring contract's period codes)."""
        raw = text.strip().upper()
        try:
            year_text, rest = raw.split("-", 1)
            if rest.startswith("Q"):
                return cls(int(year_text), "quarter", int(rest[1:]))
            return cls(int(year_text), "month", int(rest))
        except (ValueError, InputError):
            raise InputError(f"Kỳ đánh giá «{text}» không hợp lệ.", field="period",
                             hint="Ví dụ: 2026-03 (tháng 3) hoặc 2026-Q1 (quý I).") from None

    @property
    def code(self) -> str:
        return f"{self.year}-Q{self.number}" if self.kind == "quarter" else f"{self.year}-{self.number:02d}"

    @property
    def label(self) -> str:
        """"Quý I năm 2026" / "Tháng 3 năm 2026"."""
        if self.kind == "quarter":
            return f"Quý {roman(self.number)} năm {self.year}"
        return f"Tháng {self.number} năm {self.year}"

    @property
    def short_label(self) -> str:
        return f"Quý {roman(self.number)}/{self.year}" if self.kind == "quarter" else f"Tháng {self.number}/{self.year}"


@dataclass(frozen=True)
class AgencyHeader:
    """The top-left block: the managing body (optional) over the agency that issues the form.
    A line break in `agency` is kept ("Ủy ban nhân dân\nxã Cam Lâm")."""

    agency: str
    parent: str = ""


@dataclass(frozen=True)
class PlaceDate:
    """"Xã An Bình, ngày 05 tháng 12 năm 2026"; dots where the clerk writes by hand."""

    place: str = ""
    on: date | None = None

    def text(self) -> str:
        place = self.place or "……………"
        if self.on is None:
            return f"{place}, ngày …… tháng …… năm ……"
        # Nghị định 30/2020: a leading zero for days below 10 and for months 1 and 2.
        day = f"{self.on.day:02d}"
        month = f"{self.on.month:02d}" if self.on.month < 3 else str(self.on.month)
        return f"{place}, ngày {day} tháng {month} năm {self.on.year}"


@dataclass(frozen=True)
class Signature:
    """One signature block: capacity line(s), the "(Ký, ghi rõ họ tên)" note, then the printed name."""

    title: str
    name: str = ""
    capacity: str = ""  # e.g. "TM. ỦY BAN NHÂN DÂN" above the title
    note: str = "(Ký, ghi rõ họ tên)"


@dataclass(frozen=True)
class PersonInfo:
    full_name: str
    position: str = ""  # chức vụ, chức danh
    unit: str = ""  # đơn vị công tác
    code: str = ""


@dataclass(frozen=True)
class Pair:
    """A figure as the person scored it and as the competent level confirmed or adjusted it."""

    own: Decimal | None = None
    reviewer: Decimal | None = None

    @property
    def final(self) -> Decimal | None:
        return self.reviewer if self.reviewer is not None else self.own


@dataclass(frozen=True)
class CriterionLine:
    """One general criterion (tiêu chí chung) with its maximum and the two scores."""

    number: str
    label: str
    max_points: Decimal
    points: Pair = Pair()


@dataclass(frozen=True)
class TaskComponent:
    """One task-result component: a, b, c (all) and d, đ, e (leaders), in percent."""

    key: str
    label: str
    value: Pair = Pair()


GENERAL_CRITERIA_LABELS = (
    ("1", "Phẩm chất chính trị, đạo đức, lối sống, văn hoá công vụ, ý thức tổ chức kỷ luật"),
    ("2", "Năng lực chuyên môn, nghiệp vụ theo vị trí việc làm; khả năng đáp ứng yêu cầu nhiệm vụ; "
          "tinh thần trách nhiệm, thái độ phục vụ nhân dân, doanh nghiệp; phối hợp trong công tác"),
    ("3", "Tinh thần đổi mới, sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm vì lợi ích chung"),
)

TASK_COMPONENT_LABELS = {
    "a": "a – Số lượng sản phẩm, công việc hoàn thành (%)",
    "b": "b – Chất lượng sản phẩm, công việc (%)",
    "c": "c – Tiến độ hoàn thành sản phẩm, công việc (%)",
    "d": "d – Kết quả hoạt động của lĩnh vực, đơn vị được giao phụ trách (%)",
    "đ": "đ – Năng lực tổ chức triển khai thực hiện nhiệm vụ (%)",
    "e": "e – Năng lực tập hợp, đoàn kết công chức, viên chức (%)",
}


@dataclass(frozen=True)
class PeriodForm:
    """Mẫu 01 (Phụ lục II, ND 335/2025 for công chức; ND 233/2026 for viên chức)."""

    regime: Regime
    category: Category
    header: AgencyHeader
    person: PersonInfo
    period: PeriodRef
    is_leader: bool
    general: tuple[CriterionLine, ...]
    tasks: tuple[TaskComponent, ...]
    general_points: Pair
    task_result: Pair  # T, in percent
    task_points: Pair  # T × 70 / 100
    total: Pair
    band: Level | None = None  # the level of the final (reviewed) total
    own_band: Level | None = None  # the level of the person's own total
    reasons: tuple[str, ...] = ()  # why the level differs from the points band (the engine's reasons)
    strengths: str = ""
    weaknesses: str = ""
    reviewer_comment: str = ""
    place_date: PlaceDate = PlaceDate()
    person_signature: Signature | None = None  # default: "<CÔNG CHỨC|VIÊN CHỨC> TỰ ĐÁNH GIÁ"
    reviewer_signature: Signature = Signature("CẤP CÓ THẨM QUYỀN THEO DÕI, ĐÁNH GIÁ")
    general_max: Decimal = Decimal("30.00")
    task_max: Decimal = Decimal("70.00")


@dataclass(frozen=True)
class PeriodScoreRow:
    period: PeriodRef
    general_points: Decimal | None
    task_points: Decimal | None
    total: Decimal | None
    band: Level | None = None


@dataclass(frozen=True)
class AnnualForm:
    """Mẫu 02 (Phụ lục II): the annual quality rating built from the period scores."""

    regime: Regime
    category: Category
    header: AgencyHeader
    person: PersonInfo
    year: int
    periods: tuple[PeriodScoreRow, ...]
    mean_general: Decimal | None
    mean_task: Decimal | None
    mean_total: Decimal | None
    band: Level | None  # band of the mean, before vetoes and caps
    self_level: Level | None
    final_level: Level | None
    reasons: tuple[str, ...] = ()  # why the level differs from the band (vetoes, caps)
    comments: str = ""  # ý kiến nhận xét
    proposal: str = ""  # đề xuất phương án xử lý
    place_date: PlaceDate = PlaceDate()
    person_signature: Signature = Signature("NGƯỜI TỰ XẾP LOẠI")
    reviewer_signature: Signature = Signature("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ")


@dataclass(frozen=True)
class LegacyAnnualForm:
    """Mẫu 02 (công chức) / Mẫu 03 (viên chức) of ND 90/2020 as amended by ND 48/2023: mostly prose."""

    category: Category
    header: AgencyHeader
    person: PersonInfo
    year: int
    is_leader: bool
    self_assessment: tuple[tuple[str, str], ...]  # (criterion label, the person's own text), items 1–6
    leader_assessment: tuple[tuple[str, str], ...] = ()  # items 7–9, leaders only
    self_comment: str = ""  # tự nhận xét ưu, khuyết điểm
    self_level: Level | None = None
    manager_comment: str = ""  # III: ý kiến của cấp có thẩm quyền / người quản lý trực tiếp
    final_comment: str = ""  # IV.1
    final_level: Level | None = None  # IV.2
    reasons: tuple[str, ...] = ()
    place_date: PlaceDate = PlaceDate()
    person_signature: Signature = Signature("NGƯỜI TỰ NHẬN XÉT")
    manager_signature: Signature = Signature("NGƯỜI NHẬN XÉT")
    reviewer_signature: Signature = Signature("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ")

    @property
    def form_number(self) -> str:
        return "03" if self.category is Category.VIEN_CHUC else "02"


LEGACY_CRITERIA = (
    "Chính trị tư tưởng",
    "Đạo đức, lối sống",
    "Tác phong, lề lối làm việc",
    "Ý thức tổ chức kỷ luật",
    "Kết quả thực hiện chức trách, nhiệm vụ được giao",
    "Thái độ phục vụ nhân dân, doanh nghiệp",
)
LEGACY_LEADER_CRITERIA = (
    "Kết quả hoạt động của cơ quan, tổ chức, đơn vị được giao lãnh đạo, quản lý, phụ trách",
    "Năng lực lãnh đạo, quản lý",
    "Năng lực tập hợp, đoàn kết",
)


@dataclass(frozen=True)
class LevelCounts:
    htxs: int = 0
    htt: int = 0
    ht: int = 0
    kht: int = 0
    not_rated: int = 0

    @classmethod
    def of(cls, levels: Iterable[Level | None]) -> LevelCounts:
        counts = dict.fromkeys(Level, 0)
        for level in levels:
            counts[level or Level.NOT_RATED] += 1
        return cls(counts[Level.HTXS], counts[Level.HTT], counts[Level.HT], counts[Level.KHT],
                    counts[Level.NOT_RATED])

    def __add__(self, other: LevelCounts) -> LevelCounts:
        return LevelCounts(self.htxs + other.htxs, self.htt + other.htt, self.ht + other.ht,
                           self.kht + other.kht, self.not_rated + other.not_rated)

    def count(self, level: Level) -> int:
        return {Level.HTXS: self.htxs, Level.HTT: self.htt, Level.HT: self.ht, Level.KHT: self.kht,
                Level.NOT_RATED: self.not_rated}[level]

    @property
    def total(self) -> int:
        return self.htxs + self.htt + self.ht + self.kht + self.not_rated

    @property
    def rated(self) -> int:
        return self.total - self.not_rated

    def share(self, level: Level) -> Decimal | None:
        """Percent of those rated (the base the published tables use); None when nobody was rated."""
        if self.rated == 0 or level is Level.NOT_RATED:
            return None
        return (Decimal(100 * self.count(level)) / Decimal(self.rated)).quantize(TWO_PLACES, ROUND_HALF_UP)


    @property
    def share_htt_or_above(self) -> Decimal | None:
        if self.rated == 0:
            return None
        return (Decimal(100 * (self.htxs + self.htt)) / Decimal(self.rated)).quantize(TWO_PLACES, ROUND_HALF_UP)


@dataclass(frozen=True)
class UnitSummaryRow:
    full_name: str
    position: str
    category: Category
    mean: Decimal | None
    level: Level | None
    note: str = ""
    group: str = ""  # nhóm nhiệm vụ tương đồng


@dataclass(frozen=True)
class UnitSummary:
    """The unit's table of annual results, for publication inside the agency."""

    header: AgencyHeader
    unit_name: str
    year: int
    rows: tuple[UnitSummaryRow, ...]
    quota_notes: tuple[str, ...] = ()
    place_date: PlaceDate = PlaceDate()
    signer: Signature = Signature("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ")

    @property
    def counts(self) -> LevelCounts:
        return LevelCounts.of(r.level for r in self.rows)


@dataclass(frozen=True)
class CountsRow:
    label: str
    counts: LevelCounts
    note: str = ""


@dataclass(frozen=True)
class CommuneReport:
    """What a commune (xã, phường, đặc khu) reports to the province about one year's rating."""

    header: AgencyHeader
    commune: str
    recipient: str  # "Sở Nội vụ tỉnh …"
    year: int
    by_category: tuple[CountsRow, ...]
    by_unit: tuple[CountsRow, ...]
    document_number: str = ""  # "Số: …/BC-UBND"
    remarks: tuple[str, ...] = ()
    place_date: PlaceDate = PlaceDate()
    signer: Signature = Signature("CHỦ TỊCH", capacity="TM. ỦY BAN NHÂN DÂN", note="(Ký, đóng dấu)")

    @property
    def totals(self) -> LevelCounts:
        total = LevelCounts()
        for row in self.by_category:
            total = total + row.counts
        return total


@dataclass(frozen=True)
class ProvinceReport:
    """The province's report across its communes, with charts."""

    header: AgencyHeader
    province: str
    year: int
    communes: tuple[CountsRow, ...]
    document_number: str = ""
    missing: tuple[str, ...] = ()  # communes that sent nothing
    remarks: tuple[str, ...] = ()
    place_date: PlaceDate = PlaceDate()
    signer: Signature = Signature("GIÁM ĐỐC", note="(Ký, đóng dấu)")

    @property
    def totals(self) -> LevelCounts:
        total = LevelCounts()
        for row in self.communes:
            total = total + row.counts
        return total


AnyReport = PeriodForm | AnnualForm | LegacyAnnualForm | UnitSummary | CommuneReport | ProvinceReport


def normalized(model: T) -> T:
    """A copy of `model` with every string (also inside nested dataclasses and tuples) in NFC."""

    def fix(value: Any) -> Any:
        if isinstance(value, StrEnum):
            return value
        if isinstance(value, str):
            return unicodedata.normalize("NFC", value)
        if isinstance(value, tuple):
            return tuple(fix(v) for v in value)
        if is_dataclass(value) and not isinstance(value, type):
            return replace(value, **{f.name: fix(getattr(value, f.name)) for f in fields(value) if f.init})
        return value

    return fix(model)  # type: ignore[no-any-return]

