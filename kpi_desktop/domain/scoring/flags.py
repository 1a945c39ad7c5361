"""Consequence flags a personnel clerk must see. The engine flags; people decide.

- KHT two years running: a leader "thuộc diện xem xét miễn nhiệm" (QĐ 41-QĐ/TW, point a); a staff
  member is considered for a lower job position or dismissal (Luật CBCC 2025 Art 27).
- Reprimanded or warned twice within one appointment term: considered for miễn nhiệm (QĐ 41, point c).
- A head below the threshold (default 70%) of the responsibility-contract targets for N years running
  (default 2) — a configurable local rule (`local.head_targets_rule`, null to switch it off).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from fractions import Fraction
from typing import Any

from kpi_desktop.domain.scoring._common import document, header, person_of
from kpi_desktop.domain.scoring._input import (
    as_mapping,
    check_keys,
    fail,
    get_date,
    get_list,
    get_number,
    get_text,
    get_year,
    join,
)
from kpi_desktop.domain.scoring._numbers import fmt_plain
from kpi_desktop.domain.scoring._params import effective_params
from kpi_desktop.domain.scoring.rulesets import load_ruleset

TOP_KEYS = ("ruleset", "person", "history", "disciplines", "term", "local", "meta")
HISTORY_KEYS = ("year", "level", "contract_targets_met_percent")
DISCIPLINE_KEYS = ("form", "date", "source", "violation_id", "note")
FLAG_LEVELS = ("HTXS", "HTT", "HT", "KHT", "NOT_RATED")
TERM_FORMS = ("khien_trach", "canh_cao")
ALL_FORMS = ("khien_trach", "canh_cao", "cach_chuc", "buoc_thoi_viec", "party")


def _dmy(d: date) -> str:
    return f"{d:%d/%m/%Y}"


def _runs(years: list[int], length: int) -> list[list[int]]:
    """Every run of `length` consecutive years within the sorted `years`."""
    found = []
    for i in range(len(years) - length + 1):
        window = years[i:i + length]
        if window[-1] - window[0] == length - 1:
            found.append(window)
    return found


def consequence_flags(doc_: Mapping[str, Any]) -> dict[str, Any]:
    doc = document(doc_)
    check_keys(doc, "", TOP_KEYS)
    rs = load_ruleset(doc.get("ruleset") or "ND335-2025")
    params = effective_params(rs, doc.get("local"))
    person = person_of(doc, None)
    history: dict[int, tuple[str, Fraction | None]] = {}
    for i, item in enumerate(get_list(doc, "history", "", required=False)):
        path = f"history[{i}]"
        m = as_mapping(item, path)
        check_keys(m, path, HISTORY_KEYS)
        year = get_year(m, "year", path)
        if year in history:
            raise fail(join(path, "year"), f"năm {year} bị lặp lại.")
        level = get_text(m, "level", path, choices=FLAG_LEVELS)
        pct = None
        if m.get("contract_targets_met_percent") is not None:
            pct = get_number(m, "contract_targets_met_percent", path, minimum=0, maximum=100)
        history[year] = (level, pct)
    flags: list[dict[str, Any]] = []

    kht_years = sorted(y for y, (lvl, _) in history.items() if lvl == "KHT")
    runs = _runs(kht_years, 2)
    if runs:
        pair = runs[-1]
        if person.is_leader:
            message = (f"Hai năm liên tiếp ({pair[0]}, {pair[1]}) xếp loại không hoàn thành nhiệm vụ: thuộc diện "
                       "xem xét miễn nhiệm.")
            basis = "Quy định 41-QĐ/TW, Điều 3, điểm a"
        else:
            message = (f"Hai năm liên tiếp ({pair[0]}, {pair[1]}) xếp loại không hoàn thành nhiệm vụ: thuộc diện "
                       "xem xét bố trí vị trí việc làm thấp hơn hoặc cho thôi việc.")
            basis = "Luật Cán bộ, công chức 2025, Điều 27"
        flags.append({"code": "KHT_TWO_YEARS", "message": message, "years": pair, "basis": basis})

    disciplines: list[tuple[str, date]] = []
    for i, item in enumerate(get_list(doc, "disciplines", "", required=False)):
        path = f"disciplines[{i}]"
        m = as_mapping(item, path)
        check_keys(m, path, DISCIPLINE_KEYS)
        form = get_text(m, "form", path, choices=ALL_FORMS)
        when = get_date(m, "date", path)
        assert when is not None
        disciplines.append((form, when))
    if doc.get("term") is not None:
        term = as_mapping(doc["term"], "term")
        check_keys(term, "term", ("from", "to", "name"))
        start = get_date(term, "from", "term")
        end = get_date(term, "to", "term", required=False)
        assert start is not None
        if end is not None and end < start:
            raise fail("term.to", "trước ngày bắt đầu nhiệm kỳ.")
        within = sorted(d for f, d in disciplines if f in TERM_FORMS and d >= start and (end is None or d <= end))
        if len(within) >= 2:
            flags.append({
                "code": "REPRIMANDED_TWICE_IN_TERM",
                "message": (f"Bị khiển trách hoặc cảnh cáo {len(within)} lần trong cùng nhiệm kỳ ("
                            + ", ".join(_dmy(d) for d in within) + "): thuộc diện xem xét miễn nhiệm."),
                "dates": [d.isoformat() for d in within],
                "basis": "Quy định 41-QĐ/TW, Điều 3, điểm c",
            })

    if person.is_leader and params.head_targets_threshold is not None:
        limit = params.head_targets_threshold * 100
        below = sorted(y for y, (_, pct) in history.items() if pct is not None and pct < limit)
        runs = _runs(below, params.head_targets_years)
        if runs:
            window = runs[-1]
            flags.append({
                "code": "HEAD_TARGETS_BELOW_THRESHOLD",
                "message": (f"Đạt dưới {fmt_plain(limit)}% chỉ tiêu hợp đồng trách nhiệm {len(window)} năm liên "
                            f"tiếp ({', '.join(str(y) for y in window)}): đề nghị xem xét trách nhiệm người đứng "
                            "đầu theo quy chế của đơn vị."),
                "years": window,
                "basis": "Quy tắc địa phương (local.head_targets_rule); QĐ 377-QĐ/TW",
            })
    result = header(rs)
    result.update({"person": person.code, "flags": flags})
    return result
