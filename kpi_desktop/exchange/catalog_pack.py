"""Catalogue packs: the province's signed positions, job descriptions, competency frameworks, products
and rule-set parameters, and the three-way comparison a commune runs before applying one.

catalog.json of a `catalog-pack` bundle:

    {"version": 3, "title": "…", "sections": {
        "positions":      {"<code>": {field: value, …}, …},
        "competencies":   {"<code>": {…, "levels": {"1": "…", …}}, …},
        "products":       {"<code>": {…, "k": "1.000", …}, …},
        "descriptions":   {"<position code>": {"objective": "…", …, "tasks": [{…}, …]}, …},
        "ruleset_params": {"<rule set id>": {…}, …}}}

Decimals travel as strings. A difference is "add" (new item), "update" (the commune had not changed
the item since the last pack it applied, so taking the new value loses nothing) or "conflict" (the
commune edited the item locally): conflicts are never applied without the user's explicit consent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from kpi_desktop.exchange.reasons import BundleRejected

SECTIONS = ("positions", "competencies", "products", "descriptions", "ruleset_params")
SECTION_LABELS_VI = {
    "positions": "Vị trí việc làm", "competencies": "Khung năng lực", "products": "Danh mục sản phẩm",
    "descriptions": "Bản mô tả công việc", "ruleset_params": "Tham số bộ quy tắc",
}


@dataclass(frozen=True)
class Difference:
    section: str
    code: str
    kind: str  # add / update / conflict
    field: str | None
    local: Any
    incoming: Any
    base: Any = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def text_vi(self) -> str:
        where = f"{SECTION_LABELS_VI[self.section]} {self.code}"
        if self.kind == "add":
            return f"Thêm mới: {where}"
        field = f" — {self.field}" if self.field else ""
        label = "Cập nhật" if self.kind == "update" else "XUNG ĐỘT (đơn vị đã sửa)"
        return f"{label}: {where}{field}: «{_short(self.local)}» → «{_short(self.incoming)}»"


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def validate_content(content: Any) -> dict[str, Any]:
    if not isinstance(content, dict) or not isinstance(content.get("version"), int) or content["version"] < 1:
        raise BundleRejected("manifest_invalid", "catalog.json: version")
    sections = content.get("sections")
    if not isinstance(sections, dict) or set(sections) - set(SECTIONS):
        raise BundleRejected("manifest_invalid", "catalog.json: sections")
    for name, items in sections.items():
        if not isinstance(items, dict) or not all(isinstance(v, dict) for v in items.values()):
            raise BundleRejected("manifest_invalid", f"catalog.json: {name}")
    return content


def compare(incoming: Mapping[str, Mapping[str, Mapping[str, Any]]],
            local: Mapping[str, Mapping[str, Mapping[str, Any]]],
            base: Mapping[str, Mapping[str, Mapping[str, Any]]] | None) -> list[Difference]:
    """Three-way comparison per field: `base` is the last pack this commune applied (None: never)."""
    out: list[Difference] = []
    for section in SECTIONS:
        new_items = incoming.get(section, {})
        here = local.get(section, {})
        before = (base or {}).get(section, {})
        for code in sorted(new_items):
            new = new_items[code]
            cur = here.get(code)
            if cur is None:
                out.append(Difference(section, code, "add", None, None, new))
                continue
            old = before.get(code)
            for field in sorted(new):
                if cur.get(field) == new[field]:
                    continue
                unedited = old is not None and old.get(field) == cur.get(field)
                out.append(Difference(section, code, "update" if unedited else "conflict", field,
                                      cur.get(field), new[field], None if old is None else old.get(field)))
    return out
