"""Reading a contract document: every check names the offending field (JSON path) in Vietnamese.

Paths are written the way `jq` writes them, zero-based: `tasks[1].k` is the k of the second task line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from kpi_desktop.errors import InputError

LEVELS = ("HTXS", "HTT", "HT", "KHT")
LEVEL_RANK = {"KHT": 0, "HT": 1, "HTT": 2, "HTXS": 3}
LEVEL_NAMES_VI = {
    "HTXS": "Hoàn thành xuất sắc nhiệm vụ",
    "HTT": "Hoàn thành tốt nhiệm vụ",
    "HT": "Hoàn thành nhiệm vụ",
    "KHT": "Không hoàn thành nhiệm vụ",
    "NOT_RATED": "Không xếp loại",
}
ROLES = ("staff", "deputy", "head")
ROLE_NAMES_VI = {"staff": "công chức, viên chức không giữ chức vụ lãnh đạo",
                 "deputy": "cấp phó", "head": "người đứng đầu"}
CATEGORIES = ("cong_chuc", "vien_chuc", "can_bo")
CATEGORY_NAMES_VI = {"cong_chuc": "công chức", "vien_chuc": "viên chức", "can_bo": "cán bộ"}

_DECIMAL_RE = re.compile(r"^-?\d+(\.\d+)?$")
_PERIOD_RE = re.compile(r"^(\d{4})-(?:Q([1-4])|M?(0[1-9]|1[0-2]))$")

LABELS = {
    "ruleset": "Bộ quy tắc",
    "person": "Người được đánh giá",
    "code": "Mã",
    "role": "Vai trò",
    "category": "Đối tượng",
    "position": "Vị trí việc làm",
    "period": "Kỳ đánh giá",
    "general": "Điểm tiêu chí chung",
    "tasks": "Danh sách công việc",
    "product": "Mã sản phẩm",
    "k": "Hệ số quy đổi k",
    "group": "Nhóm",
    "assigned": "Số lượng được giao",
    "completed": "Số lượng hoàn thành",
    "quality_failures": "Số lần không đạt chất lượng",
    "quality_failures_exempt": "Số lần không đạt chất lượng được miễn trừ",
    "delays": "Số lần chậm tiến độ",
    "delays_exempt": "Số lần chậm tiến độ được miễn trừ",
    "exceeded": "Đánh dấu vượt yêu cầu",
    "leadership": "Thông tin lãnh đạo (d, đ, e)",
    "year": "Năm đánh giá",
    "periods": "Điểm các kỳ đã làm việc",
    "total": "Tổng điểm",
    "months_worked": "Số tháng làm việc trong năm",
    "maternity_leave": "Nghỉ thai sản",
    "absence_months": "Số tháng vắng mặt có lý do",
    "vetoes": "Các trường hợp xếp loại KHT",
    "kind": "Loại",
    "form": "Hình thức kỷ luật",
    "date": "Ngày",
    "unit_level": "Mức xếp loại của cơ quan, đơn vị",
    "local": "Quy chế đánh giá của đơn vị",
    "people": "Danh sách người được xếp loại",
    "level": "Mức xếp loại",
    "mean": "Điểm trung bình",
    "base": "Căn cứ tính tỷ lệ",
    "rounding": "Cách làm tròn",
    "agency_excellent": "Cơ quan được công nhận HTXS",
}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def label(path: str) -> str:
    key = re.sub(r"\[\d+\]", "", path.rsplit(".", 1)[-1])
    return LABELS.get(key, "Trường")


def fail(path: str, problem: str, hint: str | None = None) -> InputError:
    """An InputError whose message names the field in Vietnamese and by its path."""
    return InputError(nfc(f"{label(path)} ({path}) {problem}"), field=path, hint=hint)


def join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def as_mapping(value: Any, path: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise fail(path, "phải là một đối tượng JSON ({…}).")
    return value


def check_keys(m: Mapping[str, Any], path: str, allowed: Iterable[str]) -> None:
    allowed_set = set(allowed)
    for key in m:
        if key not in allowed_set:
            where = join(path, key)
            raise InputError(
                nfc(f"Trường «{where}» không có trong hợp đồng dữ liệu chấm điểm."),
                field=where,
                hint=nfc("Các trường được phép ở đây: " + ", ".join(sorted(allowed_set)) + "."),
            )


def require(m: Mapping[str, Any], key: str, path: str) -> Any:
    if key not in m or m[key] is None:
        raise fail(join(path, key), "bị thiếu; trường này là bắt buộc.")
    return m[key]


def number(value: Any, path: str, *, minimum: Fraction | int | None = None,
           maximum: Fraction | int | None = None, positive: bool = False, integer: bool = False) -> Fraction:
    """A JSON number (or a string holding a decimal number) as an exact Fraction."""
    if isinstance(value, bool) or value is None:
        raise fail(path, "phải là một số.")
    try:
        if isinstance(value, int):
            result = Fraction(value)
        elif isinstance(value, Decimal):
            if not value.is_finite():
                raise fail(path, "phải là một số hữu hạn.")
            result = Fraction(value)
        elif isinstance(value, float):
            if value != value or value in (float("inf"), float("-inf")):
                raise fail(path, "phải là một số hữu hạn.")
            result = Fraction(Decimal(repr(value)))
        elif isinstance(value, str) and _DECIMAL_RE.match(value.strip()):
            result = Fraction(Decimal(value.strip()))
        else:
            raise fail(path, f"phải là một số, nhận được «{value}».")
    except InvalidOperation as exc:
        raise fail(path, f"phải là một số, nhận được «{value}».") from exc
    if integer and result.denominator != 1:
        raise fail(path, f"phải là số nguyên, nhận được {value}.")
    if positive and result <= 0:
        raise fail(path, f"phải lớn hơn 0, nhận được {value}.")
    if minimum is not None and result < minimum:
        raise fail(path, f"không được nhỏ hơn {_show(minimum)}, nhận được {value}.")
    if maximum is not None and result > maximum:
        raise fail(path, f"không được lớn hơn {_show(maximum)}, nhận được {value}.")
    return result


def _show(value: Fraction | int) -> str:
    f = Fraction(value)
    if f.denominator == 1:
        return str(f.numerator)
    return str(Decimal(f.numerator) / Decimal(f.denominator)).replace(".", ",")


def get_number(m: Mapping[str, Any], key: str, path: str, *, default: Fraction | None = None,
               **kwargs: Any) -> Fraction:
    if key not in m or m[key] is None:
        if default is not None:
            return default
        raise fail(join(path, key), "bị thiếu; trường này là bắt buộc.")
    return number(m[key], join(path, key), **kwargs)


def opt_number(m: Mapping[str, Any], key: str, path: str, **kwargs: Any) -> Fraction | None:
    if key not in m or m[key] is None:
        return None
    return number(m[key], join(path, key), **kwargs)


def text(value: Any, path: str, *, choices: Sequence[str] | None = None) -> str:
    if not isinstance(value, str) or not value.strip():
        raise fail(path, "phải là một chuỗi ký tự không rỗng.")
    value = nfc(value.strip())
    if choices is not None and value not in choices:
        raise fail(path, f"không hợp lệ: «{value}». Giá trị được phép: {', '.join(choices)}.")
    return value


def get_text(m: Mapping[str, Any], key: str, path: str, *, choices: Sequence[str] | None = None,
             default: str | None = None) -> str:
    if key not in m or m[key] is None:
        if default is not None:
            return default
        raise fail(join(path, key), "bị thiếu; trường này là bắt buộc.")
    return text(m[key], join(path, key), choices=choices)


def get_bool(m: Mapping[str, Any], key: str, path: str, *, default: bool | None = None) -> bool:
    if key not in m or m[key] is None:
        if default is not None:
            return default
        raise fail(join(path, key), "bị thiếu; trường này là bắt buộc (true hoặc false).")
    value = m[key]
    if not isinstance(value, bool):
        raise fail(join(path, key), f"phải là true hoặc false, nhận được «{value}».")
    return value


def get_list(m: Mapping[str, Any], key: str, path: str, *, required: bool = True) -> list[Any]:
    if key not in m or m[key] is None:
        if required:
            raise fail(join(path, key), "bị thiếu; trường này là bắt buộc (một danh sách).")
        return []
    value = m[key]
    if not isinstance(value, list):
        raise fail(join(path, key), "phải là một danh sách ([…]).")
    return value


def get_year(m: Mapping[str, Any], key: str, path: str) -> int:
    value = number(require(m, key, path), join(path, key), integer=True, minimum=2000, maximum=2100)
    return int(value)


def get_date(m: Mapping[str, Any], key: str, path: str, *, required: bool = True) -> date | None:
    if key not in m or m[key] is None:
        if required:
            raise fail(join(path, key), "bị thiếu; trường này là bắt buộc (dạng YYYY-MM-DD).")
        return None
    value = m[key]
    try:
        if not isinstance(value, str):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise fail(join(path, key), f"phải là ngày dạng YYYY-MM-DD, nhận được «{value}».") from None


class PeriodId:
    """A tracking period: a month (`2026-03`, or `2026-M03` as the store writes it) or a quarter (`2026-Q1`)."""

    __slots__ = ("first_month", "kind", "last_month", "text", "year")

    def __init__(self, text_: str, year: int, kind: str, first_month: int, last_month: int) -> None:
        self.text = text_
        self.year = year
        self.kind = kind
        self.first_month = first_month
        self.last_month = last_month

    @property
    def months(self) -> int:
        return self.last_month - self.first_month + 1

    def end_date(self) -> date:
        if self.last_month == 12:
            return date(self.year, 12, 31)
        return date.fromordinal(date(self.year, self.last_month + 1, 1).toordinal() - 1)

    def label_vi(self) -> str:
        if self.kind == "quarter":
            return f"quý {self.first_month // 3 + 1}/{self.year}"
        return f"tháng {self.first_month:02d}/{self.year}"


def parse_period(value: Any, path: str) -> PeriodId:
    raw = text(value, path)
    match = _PERIOD_RE.match(raw)
    if not match:
        raise fail(path, f"không hợp lệ: «{raw}». Dùng dạng 2026-Q1 (quý) hoặc 2026-03 / 2026-M03 (tháng).")
    year = int(match.group(1))
    if match.group(2):
        q = int(match.group(2))
        return PeriodId(raw, year, "quarter", 3 * q - 2, 3 * q)
    month = int(match.group(3))
    return PeriodId(raw, year, "month", month, month)
