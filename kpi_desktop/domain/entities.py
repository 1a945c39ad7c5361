"""Plain domain vocabulary: the closed sets of values the store keeps as short ASCII codes.

Each enum's value is what the database stores; `label_vi` is what a user reads. Nothing here imports
SQLAlchemy or Qt. Where the law does not fix a list (domain.md marks it [S] or [R]) the set is still
closed here but the catalogues and unit rules decide how the values are used.
"""

from __future__ import annotations

import re
from enum import StrEnum


class _Labelled(StrEnum):
    @property
    def label_vi(self) -> str:
        return _LABELS[type(self).__name__][self.value]

    @classmethod
    def parse(cls, value: str) -> _Labelled:
        """Accept the stored code or the Vietnamese label (case-insensitive); raise ValueError otherwise."""
        text = value.strip()
        for member in cls:
            if text == member.value or text.casefold() == member.label_vi.casefold():
                return member
        raise ValueError(text)

    @classmethod
    def codes(cls) -> list[str]:
        return [m.value for m in cls]


class Gender(_Labelled):
    MALE = "nam"
    FEMALE = "nu"
    OTHER = "khac"


class PersonCategory(_Labelled):
    """Who a person is in law: each category has its own rulebook (domain.md §0)."""

    CAN_BO = "can_bo"
    CONG_CHUC = "cong_chuc"
    VIEN_CHUC = "vien_chuc"
    HOP_DONG = "hop_dong"


class LeadershipRole(_Labelled):
    HEAD = "head"
    DEPUTY = "deputy"
    STAFF = "staff"


class BodyKind(_Labelled):
    """The bodies inside a commune or ward after the 2025 two-level reform."""

    VAN_PHONG = "van_phong"  # Văn phòng HĐND và UBND
    PHONG_CHUYEN_MON = "phong_chuyen_mon"  # Phòng Kinh tế / Văn hóa - Xã hội …
    TRUNG_TAM_PVHCC = "trung_tam_pvhcc"  # Trung tâm phục vụ hành chính công
    DON_VI_SU_NGHIEP = "don_vi_su_nghiep"
    BAN_CHQS = "ban_chqs"  # Ban Chỉ huy quân sự
    DANG_DOAN_THE = "dang_doan_the"  # Đảng ủy, MTTQ and mass organisations
    KHAC = "khac"


class PositionGroup(_Labelled):
    """Job-position groups of Luật CBCC 2025 / ND 361 / ND 232."""

    LANH_DAO_QUAN_LY = "lanh_dao_quan_ly"
    CHUYEN_MON_NGHIEP_VU = "chuyen_mon_nghiep_vu"
    HO_TRO_PHUC_VU = "ho_tro_phuc_vu"


class PositionAssignmentKind(_Labelled):
    PRIMARY = "primary"
    CONCURRENT = "concurrent"


class CompetencyKind(_Labelled):
    CHUNG = "chung"
    CHUYEN_MON = "chuyen_mon"
    QUAN_LY = "quan_ly"


class ProductStatus(_Labelled):
    DRAFT = "draft"
    PILOT = "pilot"
    OFFICIAL = "official"


class ComplexityGroup(_Labelled):
    """Product complexity groups N1–N5 [S: one public implementation of the MOHA handbook draft]."""

    N1 = "N1"
    N2 = "N2"
    N3 = "N3"
    N4 = "N4"
    N5 = "N5"


class LeaveKind(_Labelled):
    SICK = "sick"
    MATERNITY = "maternity"
    UNPAID = "unpaid"
    STUDY = "study"
    OTHER = "other"


class DisciplineForm(_Labelled):
    KHIEN_TRACH = "khien_trach"
    CANH_CAO = "canh_cao"
    CACH_CHUC = "cach_chuc"
    BUOC_THOI_VIEC = "buoc_thoi_viec"


class DisciplineTrack(_Labelled):
    PARTY = "party"
    ADMINISTRATIVE = "administrative"


class ConclusionKind(_Labelled):
    """What a discipline/conclusion record is: a discipline, or a degeneration conclusion (a veto too)."""

    DISCIPLINE = "discipline"
    DEGENERATION = "degeneration"


class PeriodKind(_Labelled):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


class PeriodState(_Labelled):
    OPEN = "open"
    LOCKED = "locked"
    REOPENED = "reopened"


class WorkflowState(_Labelled):
    """Mẫu 01 workflow: draft → submitted → reviewed → approved, or returned to the person."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    REVIEWED = "reviewed"
    APPROVED = "approved"
    RETURNED = "returned"


class Level(_Labelled):
    """Annual levels; NOT_RATED for fewer than 6 months worked (domain.md §1, §2.2)."""

    HTXS = "HTXS"
    HTT = "HTT"
    HT = "HT"
    KHT = "KHT"
    NOT_RATED = "NOT_RATED"


class AssignmentSource(_Labelled):
    PLAN = "plan"
    AD_HOC = "ad_hoc"
    E_OFFICE = "e_office"
    IMPORT = "import"


class TargetDirection(_Labelled):
    HIGHER_IS_BETTER = "higher"
    LOWER_IS_BETTER = "lower"


_LABELS: dict[str, dict[str, str]] = {
    "Gender": {"nam": "Nam", "nu": "Nữ", "khac": "Khác"},
    "PersonCategory": {"can_bo": "Cán bộ", "cong_chuc": "Công chức", "vien_chuc": "Viên chức",
                       "hop_dong": "Hợp đồng lao động"},
    "LeadershipRole": {"head": "Cấp trưởng", "deputy": "Cấp phó", "staff": "Nhân viên"},
    "BodyKind": {
        "van_phong": "Văn phòng HĐND và UBND",
        "phong_chuyen_mon": "Phòng chuyên môn",
        "trung_tam_pvhcc": "Trung tâm phục vụ hành chính công",
        "don_vi_su_nghiep": "Đơn vị sự nghiệp công lập",
        "ban_chqs": "Ban Chỉ huy quân sự",
        "dang_doan_the": "Cơ quan Đảng, Mặt trận, đoàn thể",
        "khac": "Khác",
    },
    "PositionGroup": {"lanh_dao_quan_ly": "Lãnh đạo, quản lý",
                      "chuyen_mon_nghiep_vu": "Chuyên môn, nghiệp vụ",
                      "ho_tro_phuc_vu": "Hỗ trợ, phục vụ"},
    "PositionAssignmentKind": {"primary": "Vị trí chính", "concurrent": "Kiêm nhiệm"},
    "CompetencyKind": {"chung": "Năng lực chung", "chuyen_mon": "Năng lực chuyên môn",
                       "quan_ly": "Năng lực quản lý"},
    "ProductStatus": {"draft": "Dự thảo", "pilot": "Thí điểm", "official": "Chính thức"},
    "ComplexityGroup": {f"N{i}": f"Nhóm {i}" for i in range(1, 6)},
    "LeaveKind": {"sick": "Nghỉ ốm", "maternity": "Nghỉ thai sản", "unpaid": "Nghỉ không lương",
                  "study": "Đi học", "other": "Nghỉ khác"},
    "DisciplineForm": {"khien_trach": "Khiển trách", "canh_cao": "Cảnh cáo", "cach_chuc": "Cách chức",
                       "buoc_thoi_viec": "Buộc thôi việc"},
    "DisciplineTrack": {"party": "Kỷ luật Đảng", "administrative": "Kỷ luật hành chính"},
    "ConclusionKind": {"discipline": "Kỷ luật",
                       "degeneration": "Kết luận suy thoái, tự diễn biến, tự chuyển hóa"},
    "PeriodKind": {"month": "Tháng", "quarter": "Quý", "year": "Năm"},
    "PeriodState": {"open": "Đang mở", "locked": "Đã khóa", "reopened": "Mở lại"},
    "WorkflowState": {"draft": "Nháp", "submitted": "Đã nộp", "reviewed": "Đã nhận xét",
                      "approved": "Đã duyệt", "returned": "Trả lại"},
    "Level": {"HTXS": "Hoàn thành xuất sắc nhiệm vụ", "HTT": "Hoàn thành tốt nhiệm vụ",
              "HT": "Hoàn thành nhiệm vụ", "KHT": "Không hoàn thành nhiệm vụ",
              "NOT_RATED": "Không xếp loại"},
    "AssignmentSource": {"plan": "Kế hoạch", "ad_hoc": "Phát sinh", "e_office": "E-Office",
                         "import": "Nhập từ tệp"},
    "TargetDirection": {"higher": "Càng cao càng tốt", "lower": "Càng thấp càng tốt"},
}

CITIZEN_ID_RE = re.compile(r"^\d{12}$")


def valid_citizen_id(value: str) -> bool:
    """A căn cước (CCCD) number: exactly 12 digits; the first three are a province code 001–096."""
    if not CITIZEN_ID_RE.match(value):
        return False
    return 1 <= int(value[:3]) <= 96


_PERIOD_RE = re.compile(r"^(?P<year>\d{4})(?:-(?:Q(?P<q>[1-4])|M(?P<m>0[1-9]|1[0-2])))?$")


def parse_period_code(code: str) -> tuple[PeriodKind, int, int | None]:
    """'2026-Q1' → (quarter, 2026, 1); '2026-M03' → (month, 2026, 3); '2026' → (year, 2026, None)."""
    match = _PERIOD_RE.match(code.strip())
    if not match:
        raise ValueError(code)
    year = int(match["year"])
    if match["q"]:
        return PeriodKind.QUARTER, year, int(match["q"])
    if match["m"]:
        return PeriodKind.MONTH, year, int(match["m"])
    return PeriodKind.YEAR, year, None


def period_code(kind: PeriodKind, year: int, number: int | None = None) -> str:
    if kind is PeriodKind.QUARTER:
        return f"{year}-Q{number}"
    if kind is PeriodKind.MONTH:
        return f"{year}-M{number:02d}"
    return str(year)
