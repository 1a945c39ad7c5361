"""Catalogues: job positions, job descriptions, competency frameworks and products.

Use cases (GUI and CLI):

- `default_catalogue() -> dict`: the shipped default catalogue (resources/catalogues/default.json).
- `seed_default_catalogue(session) -> CatalogueImportResult`: load it into a new unit's database.
- `export_catalogue(db, actor, path, fmt) -> CatalogueCounts`: write the catalogue as "json" or "xlsx".
- `import_catalogue(db, actor, path, fmt) -> CatalogueImportResult`: read, validate everything, then
  write in one transaction. Any bad row raises `InputError` listing every problem by sheet, row and
  column (in Vietnamese) and nothing is written.
- `catalogue_document(session) -> dict`: the catalogue as the JSON document (the export format).
- `apply_document(session, doc, where=...)`: validate and upsert a JSON document within a session.
- `list_positions(db, actor) / list_products(db, actor) / list_competencies(db, actor)`: DTOs for the GUI.
- `position_document(db, actor, code) -> dict`, `product_document(db, actor, code) -> dict`: one item in
  the JSON form (what an edit form shows).
- `save_items(db, actor, *, positions=[], products=[], competencies=[]) -> CatalogueImportResult`:
  insert or update items given in the JSON form (the clerk's edit form), validated exactly like an
  import; errors name the item and the field ("Sản phẩm «VB-01», «Hệ số k»: …").
- `delete_product(db, actor, code)`, `delete_position(db, actor, code)`: refused (`StateError`) while
  assignments or people refer to the item.

Import semantics: rows are matched by code and inserted or updated; a position's description (same
version), its tasks and its competency framework are replaced by the file's; a product's list of
positions likewise. Rows that are not in the file are kept (they may be referenced by assignments).
In `save_items` a position's `competencies` list is its whole framework: an empty list removes every
competency (in a file, a position without framework rows keeps its framework).

History: the first change to an existing position's current version (its fields, description, tasks or
framework) first records that version as it was in `job_position_versions` (name, group and the JSON
form in `snapshot`). A new version (higher `version`, with a description of that version) keeps the old
description beside it; an in-place correction of the same version keeps its original text in history.

Exchange formats. JSON: the document of `catalogue_document()`. XLSX: one sheet per table (see
`SHEETS`), Vietnamese headers on row 1; enumerations may be written as their code or their Vietnamese
label; dates dd/mm/yyyy; booleans "Có"/"Không"; a product's positions as codes separated by ";".
Text beginning with = + - @ is written as a text cell (never a formula) and read back as text.
"""

from __future__ import annotations

import io
import json
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kpi_desktop.domain.entities import (
    CompetencyKind,
    ComplexityGroup,
    PersonCategory,
    PositionGroup,
    ProductStatus,
    _Labelled,
)
from kpi_desktop.domain.roles import Actor
from kpi_desktop.errors import InputError, NotFoundError, StateError
from kpi_desktop.services.authz import Action, require
from kpi_desktop.services.geography import find_ward, is_ward_code
from kpi_desktop.store.db import Database
from kpi_desktop.store.files import atomic_write
from kpi_desktop.store.models.catalog import (
    Competency,
    CompetencyLevel,
    JobDescription,
    JobPosition,
    JobPositionVersion,
    JobTask,
    PositionCompetency,
    Product,
)
from kpi_desktop.store.models.core import Unit

FORMAT = "kpi-desktop-catalogue"
FORMAT_VERSION = 1
MAX_ERRORS = 200
FORMULA_START = ("=", "+", "-", "@")
FORM_SOURCE = "\x00form"  # errors of `save_items` name the item and field, not a file

# ---------------------------------------------------------------------------------------------------
# Column specifications, shared by the XLSX and JSON readers


@dataclass(frozen=True)
class Col:
    key: str
    header: str  # Vietnamese column header in the workbook
    kind: str  # str, text, int, dec, date, bool, list, enum
    required: bool = False
    max_len: int | None = None
    enum: type[_Labelled] | None = None
    lo: int | None = None
    hi: int | None = None


def _c(key: str, header: str, kind: str = "str", **kw: Any) -> Col:
    return Col(key, header, kind, **kw)


COMPETENCY_COLS = [
    _c("code", "Mã năng lực", required=True, max_len=30),
    _c("name", "Tên năng lực", required=True, max_len=200),
    _c("kind", "Loại năng lực", "enum", required=True, enum=CompetencyKind),
    _c("description", "Mô tả", "text"),
    _c("sort_order", "Thứ tự", "int"),
    *[_c(f"level_{i}", f"Cấp độ {i}", "text", required=True) for i in range(1, 6)],
]
POSITION_COLS = [
    _c("code", "Mã vị trí", required=True, max_len=30),
    _c("name", "Tên vị trí việc làm", required=True, max_len=200),
    _c("group", "Nhóm vị trí", "enum", required=True, enum=PositionGroup),
    _c("framework_list", "Danh mục khung", max_len=40),
    _c("framework_code", "Số thứ tự trong danh mục", max_len=30),
    _c("category", "Đối tượng", "enum", enum=PersonCategory),
    _c("field", "Lĩnh vực", max_len=150),
    _c("career_step_min", "Bậc thấp nhất", "int", lo=1, hi=5),
    _c("career_step_max", "Bậc cao nhất", "int", lo=1, hi=5),
    _c("provenance", "Nguồn (V/S/R)", max_len=5),
    _c("version", "Phiên bản", "int", lo=1),
    _c("effective_from", "Hiệu lực từ", "date"),
    _c("active", "Đang dùng", "bool"),
    _c("sort_order", "Thứ tự", "int"),
    _c("note", "Ghi chú", "text"),
]
DESCRIPTION_COLS = [
    _c("position_code", "Mã vị trí", required=True, max_len=30),
    _c("version", "Phiên bản", "int", lo=1),
    _c("effective_from", "Hiệu lực từ", "date"),
    _c("objective", "Mục tiêu", "text", required=True),
    _c("working_relations", "Mối quan hệ công việc", "text"),
    _c("scope_of_authority", "Phạm vi quyền hạn", "text"),
    _c("requirements", "Yêu cầu trình độ, năng lực", "text"),
    _c("conditions", "Điều kiện làm việc", "text"),
]
TASK_COLS = [
    _c("position_code", "Mã vị trí", required=True, max_len=30),
    _c("version", "Phiên bản mô tả", "int", lo=1),
    _c("seq", "STT", "int", required=True, lo=1),
    _c("kind", "Loại công việc", max_len=20),
    _c("task", "Công việc", "text", required=True),
    _c("output_products", "Sản phẩm đầu ra", "text"),
    _c("evaluation_criteria", "Tiêu chí đánh giá", "text"),
    _c("career_step", "Bậc", "int", lo=1, hi=5),
]
FRAMEWORK_COLS = [
    _c("position_code", "Mã vị trí", required=True, max_len=30),
    _c("competency", "Mã năng lực", required=True, max_len=30),
    _c("required_level", "Cấp độ yêu cầu", "int", required=True, lo=1, hi=5),
]
PRODUCT_COLS = [
    _c("code", "Mã sản phẩm", required=True, max_len=30),
    _c("name", "Tên sản phẩm", required=True, max_len=300),
    _c("unit_of_measure", "Đơn vị tính", required=True, max_len=50),
    _c("work_group", "Nhóm công việc", max_len=10),
    _c("complexity_group", "Nhóm độ phức tạp", "enum", required=True, enum=ComplexityGroup),
    _c("k", "Hệ số k", "dec", required=True),
    _c("standard_points", "Điểm chuẩn", "dec"),
    _c("standard_hours", "Giờ chuẩn", "dec"),
    _c("status", "Trạng thái", "enum", enum=ProductStatus),
    _c("version", "Phiên bản", "int", lo=1),
    _c("effective_from", "Hiệu lực từ", "date"),
    _c("description", "Mô tả", "text"),
    _c("active", "Đang dùng", "bool"),
    _c("positions", "Áp dụng cho vị trí", "list"),
]

SHEET_INFO = "Thông tin"
SHEETS: dict[str, list[Col]] = {
    "Năng lực": COMPETENCY_COLS,
    "Vị trí việc làm": POSITION_COLS,
    "Mô tả công việc": DESCRIPTION_COLS,
    "Nhiệm vụ": TASK_COLS,
    "Khung năng lực": FRAMEWORK_COLS,
    "Sản phẩm": PRODUCT_COLS,
}
_DEC_QUANTUM = {"k": Decimal("0.001")}


# ---------------------------------------------------------------------------------------------------
# DTOs


@dataclass(frozen=True)
class CatalogueCounts:
    positions: int
    descriptions: int
    competencies: int
    products: int


@dataclass(frozen=True)
class CatalogueImportResult:
    counts: CatalogueCounts
    created: int
    updated: int
    unit_code: str | None
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PositionRow:
    id: int
    code: str
    name: str
    group: str
    group_label: str
    framework_list: str
    version: int
    active: bool
    has_description: bool
    competency_count: int


@dataclass(frozen=True)
class ProductRow:
    id: int
    code: str
    name: str
    unit_of_measure: str
    complexity_group: str
    k: Decimal
    standard_points: Decimal | None
    status: str
    version: int
    position_codes: list[str]


@dataclass(frozen=True)
class CompetencyRow:
    id: int
    code: str
    name: str
    kind: str
    levels: dict[int, str]


# ---------------------------------------------------------------------------------------------------
# Validation


@dataclass
class Problems:
    items: list[str] = field(default_factory=list)

    def add(self, where: str, message: str) -> None:
        if len(self.items) < MAX_ERRORS:
            self.items.append(f"{where}: {message}")

    def raise_if_any(self, source: str) -> None:
        if self.items:
            more = "" if len(self.items) < MAX_ERRORS else f"\n  … (chỉ liệt kê {MAX_ERRORS} lỗi đầu)"
            what = f"Tệp danh mục «{source}»" if source != FORM_SOURCE else "Dữ liệu danh mục"
            raise InputError(
                f"{what} có {len(self.items)} lỗi, chưa nhập gì:\n  "
                + "\n  ".join(self.items) + more,
                field="catalogue",
                hint="Sửa các ô được nêu rồi nhập lại; dữ liệu hiện có không bị thay đổi.",
            )


@dataclass
class Row:
    """One row of one table, with a way to say where each of its cells came from."""

    values: dict[str, Any]
    where: Callable[[str | None], str]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _convert(col: Col, raw: Any, problems: Problems, where: str) -> Any:
    """Turn one cell value into the column's type; record a problem and return None if it cannot."""
    if isinstance(raw, str):
        raw = _nfc(raw)
        if col.kind not in ("text",):
            raw = raw.strip()
        if raw == "":
            raw = None
    if raw is None:
        if col.required:
            problems.add(where, "thiếu giá trị bắt buộc")
        return None
    kind = col.kind
    if kind in ("str", "text"):
        value = raw if isinstance(raw, str) else _plain_text(raw)
        if col.max_len and len(value) > col.max_len:
            problems.add(where, f"dài {len(value)} ký tự, tối đa {col.max_len}")
            return None
        return value
    if kind == "int":
        number: int | None = None
        if isinstance(raw, bool):
            number = None
        elif isinstance(raw, int):
            number = raw
        elif (isinstance(raw, float) and raw.is_integer()) or (isinstance(raw, str) and raw.lstrip("-").isdigit()):
            number = int(raw)
        if number is None:
            problems.add(where, f"«{raw}» không phải số nguyên")
            return None
        if (col.lo is not None and number < col.lo) or (col.hi is not None and number > col.hi):
            bounds = f"từ {col.lo} đến {col.hi}" if col.hi is not None else f"từ {col.lo} trở lên"
            problems.add(where, f"{number} nằm ngoài khoảng cho phép ({bounds})")
            return None
        return number
    if kind == "dec":
        try:
            if isinstance(raw, bool):
                raise InvalidOperation
            dec = Decimal(str(raw).replace(",", ".")) if isinstance(raw, str | int | float | Decimal) else None
            if dec is None or not dec.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            problems.add(where, f"«{raw}» không phải số (ví dụ 1.5)")
            return None
        if dec < 0 or (col.key == "k" and dec <= 0):
            problems.add(where, f"{raw} phải là số dương")
            return None
        quantum = _DEC_QUANTUM.get(col.key, Decimal("0.01"))
        if dec != dec.quantize(quantum):
            places = len(str(quantum).split(".")[1])
            problems.add(where, f"{raw} có quá nhiều chữ số thập phân (tối đa {places})")
            return None
        return dec.quantize(quantum)
    if kind == "date":
        if isinstance(raw, datetime):
            return raw.date()
        if isinstance(raw, date):
            return raw
        if isinstance(raw, str):
            for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
                try:
                    return datetime.strptime(raw, fmt).date()
                except ValueError:
                    continue
        problems.add(where, f"«{raw}» không phải ngày (dd/mm/yyyy)")
        return None
    if kind == "bool":
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().casefold()
        if text in ("có", "co", "x", "1", "true", "yes"):
            return True
        if text in ("không", "khong", "0", "false", "no"):
            return False
        problems.add(where, f"«{raw}» phải là «Có» hoặc «Không»")
        return None
    if kind == "list":
        items = raw if isinstance(raw, list) else str(raw).replace(",", ";").split(";")
        out = []
        for item in items:
            if not isinstance(item, str):
                problems.add(where, f"«{item}» không phải mã")
                continue
            text = _nfc(item).strip()
            if text:
                out.append(text)
        return out
    if kind == "enum":
        assert col.enum is not None
        try:
            return col.enum.parse(str(raw)).value
        except ValueError:
            allowed = ", ".join(f"{m.value} ({m.label_vi})" for m in col.enum)
            problems.add(where, f"«{raw}» không hợp lệ; chọn một trong: {allowed}")
            return None
    raise AssertionError(kind)


def _plain_text(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, datetime | date):
        return raw.strftime("%d/%m/%Y")
    return str(raw)


def _typed_rows(rows: list[Row], cols: list[Col], problems: Problems) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        typed: dict[str, Any] = {"_where": row.where}
        for col in cols:
            typed[col.key] = _convert(col, row.values.get(col.key), problems, row.where(col.key))
        out.append(typed)
    return out


def _check_duplicates(rows: list[dict[str, Any]], keys: tuple[str, ...], label: str, problems: Problems) -> None:
    seen: dict[tuple[Any, ...], str] = {}
    for row in rows:
        key = tuple(row.get(k) for k in keys)
        if any(v is None for v in key):
            continue
        folded = tuple(v.casefold() if isinstance(v, str) else v for v in key)
        if folded in seen:
            problems.add(row["_where"](keys[-1]),
                         f"{label} «{' / '.join(str(v) for v in key)}» bị trùng (đã có ở {seen[folded]})")
        else:
            seen[folded] = row["_where"](None)


@dataclass
class Tables:
    """A catalogue read from a file, before validation: rows per table, plus the unit code."""

    unit_code: Any
    unit_where: str
    rows: dict[str, list[Row]]
    source: str
    # Positions whose competency framework is given in full, even when empty (the edit form): any
    # competency not listed is removed. A file's rows only add or change (an empty sheet changes nothing).
    full_frameworks: set[str] = field(default_factory=set)


@dataclass
class Validated:
    unit_code: str | None
    competencies: list[dict[str, Any]]
    positions: list[dict[str, Any]]
    descriptions: list[dict[str, Any]]
    tasks: list[dict[str, Any]]
    frameworks: list[dict[str, Any]]
    products: list[dict[str, Any]]
    full_frameworks: set[str] = field(default_factory=set)


def validate(tables: Tables, session: Session) -> Validated:
    problems = Problems()
    unit_code: str | None = None
    if tables.unit_code not in (None, ""):
        text = _plain_text(tables.unit_code).strip()
        if not is_ward_code(text):
            problems.add(tables.unit_where,
                         f"mã xã, phường «{text}» không có trong danh mục đơn vị hành chính (sau 2025)")
        else:
            unit_code = find_ward(text).code

    comps = _typed_rows(tables.rows["Năng lực"], COMPETENCY_COLS, problems)
    positions = _typed_rows(tables.rows["Vị trí việc làm"], POSITION_COLS, problems)
    descriptions = _typed_rows(tables.rows["Mô tả công việc"], DESCRIPTION_COLS, problems)
    tasks = _typed_rows(tables.rows["Nhiệm vụ"], TASK_COLS, problems)
    frameworks = _typed_rows(tables.rows["Khung năng lực"], FRAMEWORK_COLS, problems)
    products = _typed_rows(tables.rows["Sản phẩm"], PRODUCT_COLS, problems)

    _check_duplicates(comps, ("code",), "Mã năng lực", problems)
    _check_duplicates(positions, ("code",), "Mã vị trí", problems)
    _check_duplicates(products, ("code",), "Mã sản phẩm", problems)
    versions = {c: v for c, v in session.execute(select(JobPosition.code, JobPosition.version))}
    versions.update({p["code"]: p["version"] or 1 for p in positions if p["code"]})
    for row in descriptions + tasks:
        if row["version"] is None:
            row["version"] = versions.get(row["position_code"], 1)
    _check_duplicates(descriptions, ("position_code", "version"), "Bản mô tả (vị trí / phiên bản)", problems)
    _check_duplicates(tasks, ("position_code", "version", "seq"), "Nhiệm vụ (vị trí / phiên bản / STT)",
                      problems)
    _check_duplicates(frameworks, ("position_code", "competency"), "Khung năng lực (vị trí / năng lực)", problems)

    for p in positions:
        lo, hi = p.get("career_step_min"), p.get("career_step_max")
        if lo is not None and hi is not None and lo > hi:
            problems.add(p["_where"]("career_step_max"), f"bậc cao nhất {hi} nhỏ hơn bậc thấp nhất {lo}")

    known_positions = {p["code"].casefold(): p["code"] for p in positions if p["code"]}
    known_positions.update({c.casefold(): c for c in session.scalars(select(JobPosition.code))})
    known_comps = {c["code"].casefold(): c["code"] for c in comps if c["code"]}
    known_comps.update({c.casefold(): c for c in session.scalars(select(Competency.code))})

    def _ref(rows: list[dict[str, Any]], key: str, known: dict[str, str], label: str) -> None:
        for row in rows:
            value = row.get(key)
            if value is None:
                continue
            if value.casefold() not in known:
                problems.add(row["_where"](key), f"{label} «{value}» không có trong tệp hay trong cơ sở dữ liệu")
            else:
                row[key] = known[value.casefold()]

    _ref(descriptions, "position_code", known_positions, "vị trí")
    _ref(tasks, "position_code", known_positions, "vị trí")
    _ref(frameworks, "position_code", known_positions, "vị trí")
    _ref(frameworks, "competency", known_comps, "năng lực")
    for product in products:
        codes = product.get("positions") or []
        resolved = []
        for code in codes:
            if code.casefold() not in known_positions:
                problems.add(product["_where"]("positions"),
                             f"vị trí «{code}» không có trong tệp hay trong cơ sở dữ liệu")
            else:
                resolved.append(known_positions[code.casefold()])
        if len(set(resolved)) != len(resolved):
            problems.add(product["_where"]("positions"), "một vị trí được liệt kê hai lần")
        product["positions"] = resolved

    problems.raise_if_any(tables.source)
    full = {known_positions[c.casefold()] for c in tables.full_frameworks if c and c.casefold() in known_positions}
    return Validated(unit_code, comps, positions, descriptions, tasks, frameworks, products, full)


# ---------------------------------------------------------------------------------------------------
# Writing validated rows


def _apply(session: Session, v: Validated) -> tuple[int, int]:
    created = updated = 0

    def _set(obj: Any, values: dict[str, Any], keys: Iterable[str]) -> bool:
        changed = False
        for key in keys:
            if getattr(obj, key) != values[key]:
                setattr(obj, key, values[key])
                changed = True
        return changed

    comps = {c.code: c for c in session.scalars(select(Competency).options(selectinload(Competency.levels)))}
    for row in v.competencies:
        comp = comps.get(row["code"])
        if comp is None:
            comp = Competency(code=row["code"])
            session.add(comp)
            comps[row["code"]] = comp
            created += 1
        row["description"] = row["description"] or ""
        row["sort_order"] = row["sort_order"] if row["sort_order"] is not None else 0
        changed = _set(comp, row, ("name", "kind", "description", "sort_order"))
        levels = {lv.level: lv for lv in comp.levels}
        for i in range(1, 6):
            text = row[f"level_{i}"]
            if i in levels:
                if levels[i].descriptor != text:
                    levels[i].descriptor = text
                    changed = True
            else:
                comp.levels.append(CompetencyLevel(level=i, descriptor=text))
        if changed and comp.id is not None:
            updated += 1
    session.flush()

    positions = {p.code: p for p in session.scalars(select(JobPosition))}
    touched: set[str] = set()  # existing positions whose description, tasks or framework changed
    new_positions: set[str] = set()
    before = _history_before(session, v)
    for row in v.positions:
        pos = positions.get(row["code"])
        row["framework_list"] = row["framework_list"] or ""
        row["category"] = row["category"] or PersonCategory.CONG_CHUC.value
        row["provenance"] = row["provenance"] or "R"
        row["version"] = row["version"] or 1
        row["active"] = True if row["active"] is None else row["active"]
        row["sort_order"] = row["sort_order"] if row["sort_order"] is not None else 0
        keys = ("name", "group", "framework_list", "framework_code", "category", "field", "career_step_min",
                "career_step_max", "provenance", "version", "effective_from", "active", "sort_order", "note")
        if pos is None:
            pos = JobPosition(code=row["code"])
            session.add(pos)
            positions[row["code"]] = pos
            _set(pos, row, keys)
            new_positions.add(row["code"])
            created += 1
        elif _set(pos, row, keys):
            touched.add(row["code"])
    session.flush()

    descriptions = {(d.position_id, d.version): d for d in session.scalars(select(JobDescription))}
    for row in v.descriptions:
        pos = positions.get(row["position_code"]) or _position(session, row["position_code"])
        desc = descriptions.get((pos.id, row["version"]))
        for key in ("working_relations", "scope_of_authority", "requirements", "conditions"):
            row[key] = row[key] or ""
        if desc is None:
            desc = JobDescription(position_id=pos.id, version=row["version"])
            session.add(desc)
            descriptions[(pos.id, row["version"])] = desc
            created += 1
        if _set(desc, row, ("effective_from", "objective", "working_relations", "scope_of_authority",
                            "requirements", "conditions")):
            touched.add(row["position_code"])
    session.flush()

    # A description in the file brings its whole task list (possibly empty). Tasks are matched by their
    # number and changed in place, so re-importing an unchanged catalogue writes nothing.
    tasks_by_desc: dict[tuple[str, int], list[dict[str, Any]]] = {
        (row["position_code"], row["version"]): [] for row in v.descriptions}
    for row in v.tasks:
        tasks_by_desc.setdefault((row["position_code"], row["version"]), []).append(row)
    for (code, version), rows in tasks_by_desc.items():
        pos = positions.get(code) or _position(session, code)
        desc = descriptions.get((pos.id, version))
        if desc is None:
            desc = JobDescription(position_id=pos.id, version=version, objective="")
            session.add(desc)
            descriptions[(pos.id, version)] = desc
            session.flush()
        by_seq = {t.seq: t for t in desc.tasks}
        wanted_seqs = {row["seq"] for row in rows}
        for seq, old in by_seq.items():
            if seq not in wanted_seqs:
                desc.tasks.remove(old)
                touched.add(code)
        session.flush()
        for row in sorted(rows, key=lambda r: r["seq"]):
            row["kind"] = row["kind"] or "chuyen_mon"
            row["output_products"] = row["output_products"] or ""
            row["evaluation_criteria"] = row["evaluation_criteria"] or ""
            task = by_seq.get(row["seq"])
            if task is None:
                desc.tasks.append(JobTask(seq=row["seq"], kind=row["kind"], task=row["task"],
                                          output_products=row["output_products"],
                                          evaluation_criteria=row["evaluation_criteria"],
                                          career_step=row["career_step"]))
                touched.add(code)
            elif _set(task, row, ("kind", "task", "output_products", "evaluation_criteria", "career_step")):
                touched.add(code)
    session.flush()

    fw_by_pos: dict[str, list[dict[str, Any]]] = {code: [] for code in v.full_frameworks}
    for row in v.frameworks:
        fw_by_pos.setdefault(row["position_code"], []).append(row)
    for code, rows in fw_by_pos.items():
        pos = positions.get(code) or _position(session, code)
        existing = {pc.competency_id: pc for pc in session.scalars(
            select(PositionCompetency).where(PositionCompetency.position_id == pos.id))}
        wanted = {comps[r["competency"]].id if r["competency"] in comps else _competency(session, r["competency"]).id:
                  r["required_level"] for r in rows}
        for comp_id, pc in existing.items():
            if comp_id not in wanted:
                session.delete(pc)
                touched.add(code)
        for comp_id, level in wanted.items():
            if comp_id in existing:
                if existing[comp_id].required_level != level:
                    existing[comp_id].required_level = level
                    touched.add(code)
            else:
                session.add(PositionCompetency(position_id=pos.id, competency_id=comp_id, required_level=level))
                touched.add(code)
    session.flush()
    updated += len(touched - new_positions)
    for code in sorted(touched - new_positions):
        if code in before:
            session.add(before[code])
    session.flush()

    products = {p.code: p for p in session.scalars(select(Product).options(selectinload(Product.positions)))}
    for row in v.products:
        prod = products.get(row["code"])
        row["status"] = row["status"] or ProductStatus.OFFICIAL.value
        row["version"] = row["version"] or 1
        row["description"] = row["description"] or ""
        row["active"] = True if row["active"] is None else row["active"]
        product_keys = ("name", "unit_of_measure", "work_group", "complexity_group", "k", "standard_points",
                        "standard_hours", "status", "version", "effective_from", "description", "active")
        if prod is None:
            prod = Product(code=row["code"])
            session.add(prod)
            products[row["code"]] = prod
            created += 1
            _set(prod, row, product_keys)
        changed = prod.id is not None and _set(prod, row, product_keys)
        wanted_pos = [positions.get(c) or _position(session, c) for c in row["positions"]]
        if {p.code for p in prod.positions} != {p.code for p in wanted_pos}:
            prod.positions = wanted_pos
            changed = True
        if changed and prod.id is not None:
            updated += 1
    session.flush()
    return created, updated


def _position(session: Session, code: str) -> JobPosition:
    return session.scalars(select(JobPosition).where(JobPosition.code == code)).one()


def _competency(session: Session, code: str) -> Competency:
    return session.scalars(select(Competency).where(Competency.code == code)).one()


def _history_before(session: Session, v: Validated) -> dict[str, JobPositionVersion]:
    """The history rows to keep if these existing positions change: each position's state before the
    first change made to its current version (its name, group, description, tasks and framework), so
    that neither a new version nor an in-place correction loses what the version said before."""
    referenced = {row["code"] for row in v.positions} | {
        row["position_code"] for row in (*v.descriptions, *v.tasks, *v.frameworks)} | v.full_frameworks
    referenced.discard(None)
    if not referenced:
        return {}
    recorded = {(pid, ver) for pid, ver in session.execute(
        select(JobPositionVersion.position_id, JobPositionVersion.version))}
    existing = session.scalars(select(JobPosition).where(JobPosition.code.in_(referenced)).options(
        selectinload(JobPosition.descriptions).selectinload(JobDescription.tasks),
        selectinload(JobPosition.competencies).selectinload(PositionCompetency.competency))).all()
    return {pos.code: JobPositionVersion(position_id=pos.id, version=pos.version, name=pos.name, group=pos.group,
                                         effective_from=pos.effective_from, snapshot=_position_doc(session, pos))
            for pos in existing if (pos.id, pos.version) not in recorded}


# ---------------------------------------------------------------------------------------------------
# The document (JSON form)


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _dec(d: Decimal | None) -> str | None:
    return None if d is None else format(d, "f")


def _position_doc(session: Session, pos: JobPosition) -> dict[str, Any]:
    descs = sorted(pos.descriptions, key=lambda d: d.version)
    current = next((d for d in reversed(descs) if d.version <= pos.version), descs[-1] if descs else None)
    fw = sorted(pos.competencies, key=lambda pc: (pc.competency.sort_order, pc.competency.code))
    return {
        "code": pos.code, "name": pos.name, "group": pos.group, "framework_list": pos.framework_list,
        "framework_code": pos.framework_code, "category": pos.category, "field": pos.field,
        "career_step_min": pos.career_step_min, "career_step_max": pos.career_step_max,
        "provenance": pos.provenance, "version": pos.version, "effective_from": _iso(pos.effective_from),
        "active": pos.active, "sort_order": pos.sort_order, "note": pos.note,
        "descriptions": [_description_doc(d) for d in descs],
        "description": _description_doc(current) if current else None,
        "competencies": [{"competency": pc.competency.code, "required_level": pc.required_level} for pc in fw],
    }


def _description_doc(d: JobDescription) -> dict[str, Any]:
    return {
        "version": d.version, "effective_from": _iso(d.effective_from), "objective": d.objective,
        "tasks": [{"seq": t.seq, "kind": t.kind, "task": t.task, "output_products": t.output_products,
                   "evaluation_criteria": t.evaluation_criteria, "career_step": t.career_step} for t in d.tasks],
        "working_relations": d.working_relations, "scope_of_authority": d.scope_of_authority,
        "requirements": d.requirements, "conditions": d.conditions,
    }


def catalogue_document(session: Session) -> dict[str, Any]:
    """The whole catalogue as the JSON exchange document (stable order: by sort order, then code)."""
    home = session.scalars(select(Unit).where(Unit.is_home.is_(True))).first()
    comps = session.scalars(select(Competency).options(selectinload(Competency.levels))
                            .order_by(Competency.sort_order, Competency.code)).all()
    positions = session.scalars(
        select(JobPosition).options(
            selectinload(JobPosition.descriptions).selectinload(JobDescription.tasks),
            selectinload(JobPosition.competencies).selectinload(PositionCompetency.competency))
        .order_by(JobPosition.sort_order, JobPosition.code)).all()
    products = session.scalars(select(Product).options(selectinload(Product.positions))
                               .order_by(Product.code)).all()
    pos_docs = []
    for pos in positions:
        doc = _position_doc(session, pos)
        descs = doc.pop("descriptions")
        current = doc["description"]
        # Only the current description sits inside the position; older/newer versions go alongside.
        others = [d for d in descs if current is None or d["version"] != current["version"]]
        if others:
            doc["other_descriptions"] = others
        pos_docs.append(doc)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "unit_code": home.code if home else None,
        "competencies": [
            {"code": c.code, "name": c.name, "kind": c.kind, "description": c.description,
             "sort_order": c.sort_order, "levels": {str(lv.level): lv.descriptor for lv in c.levels}}
            for c in comps
        ],
        "positions": pos_docs,
        "products": [
            {"code": p.code, "name": p.name, "unit_of_measure": p.unit_of_measure, "work_group": p.work_group,
             "complexity_group": p.complexity_group, "k": _dec(p.k), "standard_points": _dec(p.standard_points),
             "standard_hours": _dec(p.standard_hours), "status": p.status, "version": p.version,
             "effective_from": _iso(p.effective_from), "description": p.description, "active": p.active,
             "positions": sorted(pos.code for pos in p.positions)}
            for p in products
        ],
    }


def tables_from_document(doc: Any, source: str) -> Tables:
    """Flatten a JSON document into tables; structural problems are reported like bad cells."""
    problems = Problems()
    if not isinstance(doc, dict):
        problems.add("JSON", "tệp phải là một đối tượng JSON ({…})")
        problems.raise_if_any(source)
    if doc.get("format") not in (None, FORMAT):
        problems.add("JSON «format»", f"«{doc.get('format')}» không phải tệp danh mục KPI Desktop")
    if doc.get("format_version", FORMAT_VERSION) != FORMAT_VERSION:
        problems.add("JSON «format_version»", f"phiên bản {doc.get('format_version')} chưa được hỗ trợ")
    rows: dict[str, list[Row]] = {name: [] for name in SHEETS}

    def where(path: str) -> Callable[[str | None], str]:
        return lambda key: f"JSON {path}" + (f", trường «{key}»" if key else "")

    def items(key: str) -> list[Any]:
        value = doc.get(key, [])
        if not isinstance(value, list):
            problems.add(f"JSON «{key}»", "phải là một danh sách […]")
            return []
        return value

    def as_obj(item: Any, path: str) -> dict[str, Any] | None:
        if not isinstance(item, dict):
            problems.add(f"JSON {path}", "phải là một đối tượng {…}")
            return None
        return item

    for i, item in enumerate(items("competencies")):
        path = f"competencies[{i}]"
        obj = as_obj(item, path)
        if obj is None:
            continue
        values = dict(obj)
        levels = obj.get("levels") or {}
        if not isinstance(levels, dict):
            problems.add(f"JSON {path}.levels", "phải là đối tượng {\"1\": …, \"5\": …}")
            levels = {}
        for lv in range(1, 6):
            values[f"level_{lv}"] = levels.get(str(lv))
        rows["Năng lực"].append(Row(values, where(path)))

    for i, item in enumerate(items("positions")):
        path = f"positions[{i}]"
        obj = as_obj(item, path)
        if obj is None:
            continue
        rows["Vị trí việc làm"].append(Row(dict(obj), where(path)))
        code = obj.get("code")
        descs: list[tuple[str, Any]] = []
        if obj.get("description") is not None:
            descs.append((f"{path}.description", obj["description"]))
        for j, other in enumerate(obj.get("other_descriptions") or []):
            descs.append((f"{path}.other_descriptions[{j}]", other))
        for dpath, desc in descs:
            dobj = as_obj(desc, dpath)
            if dobj is None:
                continue
            rows["Mô tả công việc"].append(Row({**dobj, "position_code": code}, where(dpath)))
            tasks = dobj.get("tasks") or []
            if not isinstance(tasks, list):
                problems.add(f"JSON {dpath}.tasks", "phải là một danh sách […]")
                tasks = []
            for k, task in enumerate(tasks):
                tobj = as_obj(task, f"{dpath}.tasks[{k}]")
                if tobj is not None:
                    rows["Nhiệm vụ"].append(Row({**tobj, "position_code": code, "version": dobj.get("version")},
                                                where(f"{dpath}.tasks[{k}]")))
        comps = obj.get("competencies") or []
        if not isinstance(comps, list):
            problems.add(f"JSON {path}.competencies", "phải là một danh sách […]")
            comps = []
        for k, fw in enumerate(comps):
            fobj = as_obj(fw, f"{path}.competencies[{k}]")
            if fobj is not None:
                rows["Khung năng lực"].append(
                    Row({**fobj, "position_code": code}, where(f"{path}.competencies[{k}]")))

    for i, item in enumerate(items("products")):
        obj = as_obj(item, f"products[{i}]")
        if obj is not None:
            rows["Sản phẩm"].append(Row(dict(obj), where(f"products[{i}]")))
    problems.raise_if_any(source)
    return Tables(doc.get("unit_code"), "JSON «unit_code»", rows, source)


# ---------------------------------------------------------------------------------------------------
# XLSX


def _col_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def write_xlsx(doc: dict[str, Any], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    info = wb.active
    assert info is not None
    info.title = SHEET_INFO
    bold = Font(bold=True)
    info_rows: list[tuple[str, Any]] = [
        ("Định dạng", FORMAT), ("Phiên bản định dạng", FORMAT_VERSION), ("Mã xã, phường", doc.get("unit_code")),
        ("Hướng dẫn", "Mỗi trang là một bảng; giữ nguyên dòng tiêu đề. Mã (vị trí, năng lực, sản phẩm) "
                      "dùng để ghép các trang với nhau. Nhóm, trạng thái, loại: ghi mã hoặc tên tiếng Việt. "
                      "Ngày dd/mm/yyyy. Đúng/sai: Có/Không. Nhiều vị trí: cách nhau bằng dấu ;"),
    ]
    for r, (label, value) in enumerate(info_rows, 1):
        info.cell(row=r, column=1, value=label).font = bold
        _put(info.cell(row=r, column=2), value)
    info.column_dimensions["A"].width = 22
    info.column_dimensions["B"].width = 90

    for sheet_name, cols in SHEETS.items():
        ws = wb.create_sheet(sheet_name)
        for c, col in enumerate(cols, 1):
            cell = ws.cell(row=1, column=c, value=col.header)
            cell.font = bold
            ws.column_dimensions[_col_letter(c)].width = 40 if col.kind == "text" else 16
        ws.freeze_panes = "A2"
        for r, values in enumerate(_sheet_rows(doc, sheet_name), 2):
            for c, col in enumerate(cols, 1):
                cell = ws.cell(row=r, column=c)
                _put(cell, _cell_value(col, values.get(col.key)))
                if col.kind == "text":
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    wb.save(buffer)
    atomic_write(path, buffer.getvalue())


def _put(cell: Any, value: Any) -> None:
    """Write a value; text that a spreadsheet would run as a formula is forced to plain text."""
    if isinstance(value, str):
        cell.value = value
        if value.startswith(FORMULA_START):
            cell.data_type = "s"
            cell.quotePrefix = True
        return
    cell.value = value
    if isinstance(value, date):
        cell.number_format = "DD/MM/YYYY"


def _cell_value(col: Col, value: Any) -> Any:
    if value is None:
        return None
    if col.kind == "date":
        return date.fromisoformat(value) if isinstance(value, str) else value
    if col.kind == "bool":
        return "Có" if value else "Không"
    if col.kind == "list":
        return "; ".join(value)
    if col.kind == "dec":
        dec = Decimal(str(value))
        return int(dec) if dec == dec.to_integral_value() else float(dec)
    if col.kind == "enum":
        assert col.enum is not None
        return col.enum(value).label_vi
    return value


def _sheet_rows(doc: dict[str, Any], sheet: str) -> list[dict[str, Any]]:
    if sheet == "Năng lực":
        return [{**c, **{f"level_{i}": c["levels"].get(str(i)) for i in range(1, 6)}} for c in doc["competencies"]]
    if sheet == "Vị trí việc làm":
        return doc["positions"]
    if sheet == "Mô tả công việc":
        out = []
        for p in doc["positions"]:
            for d in ([p["description"]] if p.get("description") else []) + p.get("other_descriptions", []):
                out.append({**d, "position_code": p["code"]})
        return out
    if sheet == "Nhiệm vụ":
        return [{**t, "position_code": p["code"], "version": d["version"]} for p in doc["positions"]
                for d in ([p["description"]] if p.get("description") else []) + p.get("other_descriptions", [])
                for t in d.get("tasks") or []]
    if sheet == "Khung năng lực":
        return [{**fw, "position_code": p["code"]} for p in doc["positions"] for fw in p["competencies"]]
    if sheet == "Sản phẩm":
        return doc["products"]
    raise AssertionError(sheet)


def read_xlsx(path: Path) -> Tables:
    from openpyxl import load_workbook

    source = path.name
    problems = Problems()
    try:
        wb = load_workbook(path, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise InputError(f"Không đọc được tệp Excel «{source}»: {exc}", field="file",
                         hint="Hãy lưu lại dưới dạng .xlsx (Excel Workbook) rồi thử lại.") from exc
    unit_code: Any = None
    unit_where = f"Trang «{SHEET_INFO}»"
    if SHEET_INFO in wb.sheetnames:
        ws = wb[SHEET_INFO]
        for r in range(1, ws.max_row + 1):
            label = ws.cell(row=r, column=1).value
            if isinstance(label, str) and _nfc(label).strip().casefold() == "mã xã, phường":
                unit_code = ws.cell(row=r, column=2).value
                unit_where = f"Trang «{SHEET_INFO}», dòng {r}, cột B"
    rows: dict[str, list[Row]] = {}
    for sheet_name, cols in SHEETS.items():
        rows[sheet_name] = []
        if sheet_name not in wb.sheetnames:
            problems.add(f"Tệp «{source}»", f"thiếu trang «{sheet_name}»")
            continue
        ws = wb[sheet_name]
        header_map: dict[int, Col] = {}
        by_header = {_nfc(c.header).casefold(): c for c in cols} | {c.key.casefold(): c for c in cols}
        for c in range(1, ws.max_column + 1):
            head = ws.cell(row=1, column=c).value
            if isinstance(head, str) and _nfc(head).strip().casefold() in by_header:
                header_map[c] = by_header[_nfc(head).strip().casefold()]
        present = {col.key for col in header_map.values()}
        missing = [col for col in cols if col.required and col.key not in present]
        for col in missing:
            problems.add(f"Trang «{sheet_name}», dòng 1", f"thiếu cột «{col.header}»")
        if missing:
            continue
        letters = {col.key: _col_letter(c) for c, col in header_map.items()}
        headers = {col.key: col.header for col in cols}
        for r in range(2, ws.max_row + 1):
            values: dict[str, Any] = {}
            for c, col in header_map.items():
                cell = ws.cell(row=r, column=c)
                values[col.key] = cell.value  # a formula cell gives its text ("=…"): kept as text
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in values.values()):
                continue

            def where(key: str | None, r: int = r, sheet: str = sheet_name,
                      letters: dict[str, str] = letters, headers: dict[str, str] = headers) -> str:
                if key is None:
                    return f"Trang «{sheet}», dòng {r}"
                return f"Trang «{sheet}», dòng {r}, cột {letters.get(key, '?')} «{headers.get(key, key)}»"

            rows[sheet_name].append(Row(values, where))
    problems.raise_if_any(source)
    return Tables(unit_code, unit_where, rows, source)


# ---------------------------------------------------------------------------------------------------
# Use cases


def default_catalogue() -> dict[str, Any]:
    text = resources.files("kpi_desktop.resources").joinpath("catalogues", "default.json").read_text("utf-8")
    doc: dict[str, Any] = json.loads(text)
    return doc


def apply_document(session: Session, doc: Any, source: str = "JSON") -> CatalogueImportResult:
    tables = tables_from_document(doc, source)
    return _apply_tables(session, tables)


def _apply_tables(session: Session, tables: Tables) -> CatalogueImportResult:
    validated = validate(tables, session)
    created, updated = _apply(session, validated)
    notes = []
    home = session.scalars(select(Unit).where(Unit.is_home.is_(True))).first()
    if validated.unit_code and home is not None and home.code != validated.unit_code:
        ward = find_ward(validated.unit_code)
        notes.append(f"Danh mục được lập cho {ward.name} ({ward.province_name}), không phải đơn vị này.")
    return CatalogueImportResult(counts(session), created, updated, validated.unit_code, notes)


def seed_default_catalogue(session: Session) -> CatalogueImportResult:
    return apply_document(session, default_catalogue(), "danh mục mặc định")


def counts(session: Session) -> CatalogueCounts:
    from sqlalchemy import func

    def n(model: Any) -> int:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)

    return CatalogueCounts(n(JobPosition), n(JobDescription), n(Competency), n(Product))


def _format(path: Path, fmt: str | None) -> str:
    chosen = (fmt or path.suffix.lstrip(".")).lower()
    if chosen not in ("json", "xlsx"):
        raise InputError(f"Định dạng «{chosen}» không được hỗ trợ.", field="format", hint="Dùng json hoặc xlsx.")
    return chosen


def export_catalogue(db: Database, actor: Actor, path: Path, fmt: str | None = None) -> CatalogueCounts:
    require(actor, Action.CATALOG_VIEW)
    chosen = _format(path, fmt)
    with db.session(actor) as session:
        doc = catalogue_document(session)
        result = counts(session)
    if chosen == "json":
        atomic_write(path, (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    else:
        write_xlsx(doc, path)
    return result


def import_catalogue(db: Database, actor: Actor, path: Path, fmt: str | None = None) -> CatalogueImportResult:
    require(actor, Action.CATALOG_EDIT)
    chosen = _format(path, fmt)
    if not path.is_file():
        raise InputError(f"Không thấy tệp «{path}».", field="file")
    if chosen == "json":
        try:
            doc = json.loads(path.read_text(encoding="utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"Tệp «{path.name}» không phải JSON hợp lệ: {exc}", field="file") from exc
        tables = tables_from_document(doc, path.name)
    else:
        tables = read_xlsx(path)
    with db.session(actor) as session:
        return _apply_tables(session, tables)


def list_positions(db: Database, actor: Actor) -> list[PositionRow]:
    require(actor, Action.CATALOG_VIEW)
    with db.session(actor) as session:
        rows = session.scalars(select(JobPosition).options(
            selectinload(JobPosition.descriptions), selectinload(JobPosition.competencies))
            .order_by(JobPosition.sort_order, JobPosition.code)).all()
        return [PositionRow(p.id, p.code, p.name, p.group, PositionGroup(p.group).label_vi, p.framework_list,
                            p.version, p.active, bool(p.descriptions), len(p.competencies)) for p in rows]


def list_products(db: Database, actor: Actor) -> list[ProductRow]:
    require(actor, Action.CATALOG_VIEW)
    with db.session(actor) as session:
        rows = session.scalars(select(Product).options(selectinload(Product.positions))
                               .order_by(Product.code)).all()
        return [ProductRow(p.id, p.code, p.name, p.unit_of_measure, p.complexity_group, p.k, p.standard_points,
                           p.status, p.version, sorted(x.code for x in p.positions)) for p in rows]


def list_competencies(db: Database, actor: Actor) -> list[CompetencyRow]:
    require(actor, Action.CATALOG_VIEW)
    with db.session(actor) as session:
        rows = session.scalars(select(Competency).options(selectinload(Competency.levels))
                               .order_by(Competency.sort_order, Competency.code)).all()
        return [CompetencyRow(c.id, c.code, c.name, c.kind, {lv.level: lv.descriptor for lv in c.levels})
                for c in rows]


# ---------------------------------------------------------------------------------------------------
# Editing single items (the clerk's forms)


def _form_where(sheet: str, values: dict[str, Any]) -> Callable[[str | None], str]:
    headers = {c.key: c.header for c in SHEETS[sheet]}
    ident = values.get("code") or values.get("position_code") or "(mới)"
    if sheet == "Nhiệm vụ" and values.get("seq") is not None:
        ident = f"{ident}» nhiệm vụ «{values['seq']}"
    if sheet == "Khung năng lực" and values.get("competency"):
        ident = f"{ident}» năng lực «{values['competency']}"
    return lambda key: f"{sheet} «{ident}»" + (f", «{headers.get(key, key)}»" if key else "")


def save_items(db: Database, actor: Actor, *, positions: Iterable[dict[str, Any]] = (),
               products: Iterable[dict[str, Any]] = (),
               competencies: Iterable[dict[str, Any]] = ()) -> CatalogueImportResult:
    require(actor, Action.CATALOG_EDIT)
    position_list = list(positions)
    doc = {"format": FORMAT, "format_version": FORMAT_VERSION, "positions": position_list,
           "products": list(products), "competencies": list(competencies)}
    tables = tables_from_document(doc, FORM_SOURCE)
    tables.full_frameworks = {p["code"] for p in position_list
                              if isinstance(p, dict) and isinstance(p.get("code"), str)
                              and isinstance(p.get("competencies"), list)}
    for sheet, rows in tables.rows.items():
        for row in rows:
            row.where = _form_where(sheet, row.values)
    with db.session(actor) as session:
        return _apply_tables(session, tables)


def position_document(db: Database, actor: Actor, code: str) -> dict[str, Any]:
    require(actor, Action.CATALOG_VIEW)
    with db.session(actor) as session:
        for pos in catalogue_document(session)["positions"]:
            if pos["code"] == code:
                result: dict[str, Any] = pos
                return result
    raise NotFoundError(f"Không có vị trí việc làm mã «{code}».", field="code")


def product_document(db: Database, actor: Actor, code: str) -> dict[str, Any]:
    require(actor, Action.CATALOG_VIEW)
    with db.session(actor) as session:
        for prod in catalogue_document(session)["products"]:
            if prod["code"] == code:
                result: dict[str, Any] = prod
                return result
    raise NotFoundError(f"Không có sản phẩm mã «{code}».", field="code")


def delete_product(db: Database, actor: Actor, code: str) -> None:
    from sqlalchemy import func

    from kpi_desktop.store.models.evaluation import Assignment

    require(actor, Action.CATALOG_EDIT)
    with db.session(actor) as session:
        prod = session.scalars(select(Product).where(Product.code == code)).first()
        if prod is None:
            raise NotFoundError(f"Không có sản phẩm mã «{code}».", field="code")
        used = session.scalar(select(func.count()).select_from(Assignment).where(Assignment.product_id == prod.id))
        if used:
            raise StateError(f"Sản phẩm «{code}» đã được giao {used} lần nên không xoá được.",
                             hint="Đánh dấu «Đang dùng: Không» để ngừng dùng mà vẫn giữ lịch sử.")
        session.delete(prod)


def delete_position(db: Database, actor: Actor, code: str) -> None:
    from sqlalchemy import func

    from kpi_desktop.store.models.people import PersonPosition

    require(actor, Action.CATALOG_EDIT)
    with db.session(actor) as session:
        pos = session.scalars(select(JobPosition).where(JobPosition.code == code)).first()
        if pos is None:
            raise NotFoundError(f"Không có vị trí việc làm mã «{code}».", field="code")
        used = session.scalar(select(func.count()).select_from(PersonPosition)
                              .where(PersonPosition.position_id == pos.id))
        if used:
            raise StateError(f"Vị trí «{code}» đang hoặc đã được {used} lượt cán bộ đảm nhiệm nên không xoá được.",
                             hint="Đánh dấu «Đang dùng: Không» để ngừng dùng mà vẫn giữ lịch sử.")
        session.delete(pos)
