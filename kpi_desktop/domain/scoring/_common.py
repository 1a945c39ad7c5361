"""Pieces shared by the period, annual, quota and scorecard computations."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kpi_desktop.domain.scoring._input import (
    CATEGORIES,
    CATEGORY_NAMES_VI,
    ROLES,
    as_mapping,
    check_keys,
    fail,
    get_text,
    require,
)
from kpi_desktop.domain.scoring.rulesets import RuleSet, load_ruleset
from kpi_desktop.domain.scoring.version import ENGINE_VERSION
from kpi_desktop.errors import InputError

KIND_NAMES_VI = {"period": "chấm điểm theo kỳ", "annual": "xếp loại năm", "quota": "kiểm tra tỷ lệ HTXS"}


@dataclass(frozen=True)
class Person:
    code: str
    role: str
    category: str | None
    position: str | None

    @property
    def is_leader(self) -> bool:
        return self.role in ("deputy", "head")


def document(doc: Any) -> Mapping[str, Any]:
    if not isinstance(doc, Mapping):
        raise InputError("Dữ liệu đầu vào phải là một đối tượng JSON ({…}).", field="$")
    return doc


def ruleset_for(doc: Mapping[str, Any], kind: str) -> RuleSet:
    rs = load_ruleset(require(doc, "ruleset", ""))
    if not rs.supports(kind):
        raise InputError(
            f"Bộ quy tắc {rs.id} không dùng để {KIND_NAMES_VI[kind]}.",
            field="ruleset",
            hint="Bộ quy tắc này dùng cho: " + ", ".join(KIND_NAMES_VI[k] for k in rs.kinds) + ".",
        )
    return rs


def person_of(doc: Mapping[str, Any], rs: RuleSet | None) -> Person:
    m = as_mapping(require(doc, "person", ""), "person")
    check_keys(m, "person", ("code", "role", "category", "position", "name", "unit"))
    code = get_text(m, "code", "person")
    role = get_text(m, "role", "person", choices=ROLES)
    category = None
    if m.get("category") is not None:
        category = get_text(m, "category", "person", choices=CATEGORIES)
        if rs is not None and category not in rs.categories:
            raise fail("person.category",
                       f"là {CATEGORY_NAMES_VI[category]}, nhưng bộ quy tắc {rs.id} chỉ áp dụng cho "
                       + ", ".join(CATEGORY_NAMES_VI[c] for c in rs.categories) + ".")
    position = get_text(m, "position", "person") if m.get("position") is not None else None
    return Person(code, role, category, position)


def header(rs: RuleSet) -> dict[str, Any]:
    return {"ruleset": rs.id, "ruleset_sha256": rs.sha256, "engine_version": ENGINE_VERSION}
