"""Rule sets are data: one JSON file per rule set in `kpi_desktop/resources/rulesets/`.

A rule set's identity for reproducibility is its id plus the sha256 of the file's bytes; a result
stores both, and `kpi recompute` refuses to compare against a rule set whose bytes have changed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from kpi_desktop.domain.scoring._input import CATEGORIES, CATEGORY_NAMES_VI, nfc, parse_period
from kpi_desktop.errors import InputError

KINDS = ("period", "annual", "quota")


@dataclass(frozen=True)
class RuleSet:
    id: str
    title: str
    legal_basis: str
    sha256: str
    categories: tuple[str, ...]
    windows: Mapping[str, tuple[date, date | None]]
    kinds: tuple[str, ...]
    params: Mapping[str, Any]
    notes: Mapping[str, str] = field(default_factory=dict)

    @property
    def effective_from(self) -> date:
        return min(start for start, _ in self.windows.values())

    @property
    def effective_to(self) -> date | None:
        ends = [end for _, end in self.windows.values()]
        return None if any(e is None for e in ends) else max(e for e in ends if e is not None)

    @property
    def is_legacy(self) -> bool:
        return self.params.get("legacy_table") is not None

    def in_force(self, category: str, on: date) -> bool:
        window = self.windows.get(category)
        if window is None:
            return False
        start, end = window
        return start <= on and (end is None or on <= end)

    def supports(self, kind: str) -> bool:
        return kind in self.kinds


def _parse_date(value: Any, where: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise InputError(f"Tệp bộ quy tắc hỏng: {where} không phải ngày YYYY-MM-DD.") from None


def ruleset_from_bytes(data: bytes, *, expected_id: str | None = None) -> RuleSet:
    """Build a RuleSet from a rule-set file's bytes (the sha256 is of exactly these bytes)."""
    try:
        doc = json.loads(data.decode("utf-8"), parse_float=Decimal)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"Tệp bộ quy tắc không đọc được: {exc}") from exc
    rid = doc.get("id")
    if not isinstance(rid, str) or (expected_id is not None and rid != expected_id):
        raise InputError(f"Tệp bộ quy tắc hỏng: mã «{rid}» không khớp với tên tệp «{expected_id}».")
    windows: dict[str, tuple[date, date | None]] = {}
    for cat, span in (doc.get("categories") or {}).items():
        if cat not in CATEGORIES:
            raise InputError(f"Tệp bộ quy tắc {rid}: đối tượng «{cat}» không hợp lệ.")
        start = _parse_date(span.get("from"), f"categories.{cat}.from")
        if start is None:
            raise InputError(f"Tệp bộ quy tắc {rid}: thiếu categories.{cat}.from.")
        windows[cat] = (start, _parse_date(span.get("to"), f"categories.{cat}.to"))
    kinds = tuple(doc.get("kinds") or ())
    if not windows or not kinds or any(k not in KINDS for k in kinds):
        raise InputError(f"Tệp bộ quy tắc {rid}: thiếu đối tượng áp dụng hoặc loại chấm điểm.")
    return RuleSet(
        id=rid,
        title=nfc(doc.get("title", rid)),
        legal_basis=nfc(doc.get("legal_basis", "")),
        sha256=hashlib.sha256(data).hexdigest(),
        categories=tuple(windows),
        windows=windows,
        kinds=kinds,
        params=doc.get("params") or {},
        notes={k: nfc(v) for k, v in (doc.get("notes") or {}).items()},
    )


def _folder() -> Any:
    return resources.files("kpi_desktop.resources").joinpath("rulesets")


@cache
def ruleset_ids() -> tuple[str, ...]:
    """The ids of every shipped rule set, sorted."""
    return tuple(sorted(e.name[:-5] for e in _folder().iterdir() if e.name.endswith(".json")))


@cache
def _load(ruleset_id: str) -> RuleSet:
    return ruleset_from_bytes(_folder().joinpath(f"{ruleset_id}.json").read_bytes(), expected_id=ruleset_id)


def load_ruleset(ruleset_id: Any, *, field: str = "ruleset") -> RuleSet:
    """The shipped rule set with this id; an unknown id is an InputError naming `field`."""
    if not isinstance(ruleset_id, str) or ruleset_id not in ruleset_ids():
        raise InputError(
            f"Bộ quy tắc ({field}) không tồn tại: «{ruleset_id}».",
            field=field,
            hint="Các bộ quy tắc có sẵn: " + ", ".join(ruleset_ids()) + ".",
        )
    return _load(ruleset_id)


def list_rulesets() -> list[RuleSet]:
    return [_load(rid) for rid in ruleset_ids()]


def _as_date(on: date | str | int) -> date:
    if isinstance(on, date):
        return on
    if isinstance(on, int) and not isinstance(on, bool):
        return date(on, 12, 31)
    if isinstance(on, str):
        text = on.strip()
        if text.isdigit() and len(text) == 4:
            return date(int(text), 12, 31)
        try:
            return date.fromisoformat(text)
        except ValueError:
            return parse_period(text, "period").end_date()
    raise InputError(f"Không hiểu mốc thời gian «{on}».", field="period")


def ruleset_in_force(category: str, on: date | str | int, *, kind: str | None = None) -> RuleSet:
    """The rule set in force for `category` (cong_chuc, vien_chuc, can_bo) on a date.

    `on` may be a date, a year (its 31 December: the annual rating is made at year end) or a period
    such as `2026-Q3` or `2026-07` (its last day). With `kind`, only rule sets that score that kind
    of document are considered. Several in force at once: the one that started latest wins.
    """
    if category not in CATEGORIES:
        raise InputError(f"Đối tượng «{category}» không hợp lệ; dùng một trong: {', '.join(CATEGORIES)}.",
                         field="person.category")
    when = _as_date(on)
    candidates = [r for r in list_rulesets() if r.in_force(category, when) and (kind is None or r.supports(kind))]
    if not candidates:
        raise InputError(
            f"Không có bộ quy tắc nào áp dụng cho {CATEGORY_NAMES_VI[category]} vào ngày {when:%d/%m/%Y}"
            + (f" để chấm loại «{kind}»." if kind else "."),
            field="ruleset",
            hint="Chỉ định bộ quy tắc trong trường ruleset.",
        )
    return max(candidates, key=lambda r: r.windows[category][0])
