"""Provinces and communes/wards after the 2025 two-level reform, from the `vietnam-provinces` package.

For the GUI and the CLI (no database needed):

- `provinces() -> list[ProvinceInfo]`: the 34 provinces and cities, sorted the Vietnamese way.
- `wards_of(province_code: str | int) -> list[WardInfo]`: the communes, wards and special zones of one
  province, sorted by name. Raises `NotFoundError` for an unknown province.
- `find_ward(code: str | int) -> WardInfo`: one commune/ward by its official code; raises `InputError`
  (field "unit_code") when the code is not an official one.
- `search_wards(text: str, province_code: str | int | None = None) -> list[WardInfo]`: by name,
  accent- and case-insensitive.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from vietnam_provinces import Province, ProvinceCode, Ward

from kpi_desktop.domain.names import text_sort_key
from kpi_desktop.errors import InputError, NotFoundError


@dataclass(frozen=True)
class ProvinceInfo:
    code: str
    name: str
    division_type: str  # "tỉnh" / "thành phố trung ương"


@dataclass(frozen=True)
class WardInfo:
    code: str
    name: str  # e.g. "Phường Nha Trang", "Xã Cam Lâm"
    division_type: str  # "xã" / "phường" / "đặc khu"
    province_code: str
    province_name: str


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@cache
def _provinces() -> dict[str, ProvinceInfo]:
    return {
        str(int(p.code)): ProvinceInfo(str(int(p.code)), _nfc(p.name), _nfc(str(p.division_type.value)))
        for p in Province.iter_all()
    }


@cache
def _wards() -> dict[str, WardInfo]:
    provinces = _provinces()
    out: dict[str, WardInfo] = {}
    for w in Ward.iter_all():
        pcode = str(int(w.province_code))
        out[str(int(w.code))] = WardInfo(
            code=str(int(w.code)), name=_nfc(w.name), division_type=_nfc(str(w.division_type.value)),
            province_code=pcode, province_name=provinces[pcode].name)
    return out


def _without_division(ward: WardInfo) -> str:
    prefix = ward.division_type.casefold() + " "
    return ward.name[len(prefix):] if ward.name.casefold().startswith(prefix) else ward.name


def provinces() -> list[ProvinceInfo]:
    return sorted(_provinces().values(), key=lambda p: text_sort_key(p.name.removeprefix("Thành phố ")))


def _province_code(code: str | int) -> str:
    text = str(code).strip()
    if not text.isdigit() or str(int(text)) not in _provinces():
        raise NotFoundError(f"Không có tỉnh, thành phố mã «{text}».", field="province_code")
    return str(int(text))


def wards_of(province_code: str | int) -> list[WardInfo]:
    pcode = _province_code(province_code)
    wards = [w for w in _wards().values() if w.province_code == pcode]
    # "Xã Cam Lâm" sorts under "Cam Lâm": the division word would only group xã and phường apart.
    return sorted(wards, key=lambda w: text_sort_key(_without_division(w)))


def is_ward_code(code: str | int | None) -> bool:
    if code is None:
        return False
    text = str(code).strip()
    return text.isdigit() and str(int(text)) in _wards()


def find_ward(code: str | int) -> WardInfo:
    text = str(code).strip()
    if not is_ward_code(text):
        raise InputError(
            f"Mã xã, phường «{text}» không có trong danh mục đơn vị hành chính sau sắp xếp năm 2025.",
            field="unit_code",
            hint="Dùng mã chính thức (ví dụ 22366 là Phường Nha Trang, Khánh Hòa); "
                 "tra cứu bằng lệnh «kpi status» hoặc trong chương trình.",
        )
    return _wards()[str(int(text))]


def search_wards(text: str, province_code: str | int | None = None) -> list[WardInfo]:
    needle = _fold(" ".join(text.split()))
    pool = wards_of(province_code) if province_code is not None else sorted(
        _wards().values(), key=lambda w: (text_sort_key(w.province_name), text_sort_key(_without_division(w))))
    return [w for w in pool if needle in _fold(w.name)]


__all__ = ["ProvinceCode", "ProvinceInfo", "WardInfo", "find_ward", "is_ward_code", "provinces",
           "search_wards", "wards_of"]
