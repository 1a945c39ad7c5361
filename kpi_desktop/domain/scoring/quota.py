"""The HTXS quota: per group of similar tasks and for the agency as a whole.

cap = rounding(rate × base count), rate 20% (25% for an agency recognised HTXS), base = the number
rated HTT (or HTT and above). The HTXS people beyond the cap, lowest-ranked first (by mean, then by
code), are *proposed* as over quota for the competent level to decide; nobody's level is changed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from kpi_desktop.domain.scoring._common import document, header, ruleset_for
from kpi_desktop.domain.scoring._input import (
    as_mapping,
    check_keys,
    fail,
    get_bool,
    get_list,
    get_text,
    join,
    number,
)
from kpi_desktop.domain.scoring._numbers import fmt2, fmt_plain
from kpi_desktop.domain.scoring._params import QUOTA_BASES, ROUNDINGS, Params, effective_params

TOP_KEYS = ("ruleset", "agency_excellent", "base", "rounding", "people", "local", "meta", "agency")
PERSON_KEYS = ("code", "group", "level", "mean", "name")
QUOTA_LEVELS = ("HTXS", "HTT", "HT", "KHT", "NOT_RATED")


def _cap(rate: Fraction, base: int, rounding: str, min_cap: int) -> int:
    exact = rate * base
    cap = math.floor(exact) if rounding == "floor" else math.floor(exact + Fraction(1, 2))
    if base > 0:
        cap = max(cap, min_cap)
    return cap


def _rank_key(p: tuple[str, str, str, Fraction | None]) -> tuple[Fraction, str]:
    # Highest mean first; equal means by code. A missing mean (a year rated under the legacy
    # conditions table has no points) ranks after every mean, then by code.
    mean = p[3]
    return (-(mean if mean is not None else Fraction(-1)), p[0])


def _option(doc: Mapping[str, Any], key: str, choices: tuple[str, ...], params: Params, local_value: str,
            local_set: bool) -> str:
    if doc.get(key) is None:
        return local_value
    value = get_text(doc, key, "", choices=choices)
    if local_set and value != local_value:
        raise fail(key, f"(«{value}») mâu thuẫn với quy chế của đơn vị (local.quota.{key} = «{local_value}»).",
                   hint="Bỏ một trong hai, hoặc sửa cho khớp.")
    return value


def compute_quota(doc_: Any) -> tuple[dict[str, Any], list[str]]:
    doc = document(doc_)
    check_keys(doc, "", TOP_KEYS)
    rs = ruleset_for(doc, "quota")
    params = effective_params(rs, doc.get("local"))
    local_quota = as_mapping(doc["local"], "local").get("quota") if doc.get("local") is not None else None
    local_q = local_quota if isinstance(local_quota, Mapping) else {}
    base_kind = _option(doc, "base", QUOTA_BASES, params, params.quota_base, local_q.get("base") is not None)
    rounding = _option(doc, "rounding", ROUNDINGS, params, params.quota_rounding,
                       local_q.get("rounding") is not None)
    excellent = get_bool(doc, "agency_excellent", "", default=False)
    rate = params.quota_rate_excellent if excellent else params.quota_rate
    people: list[tuple[str, str, str, Fraction | None]] = []
    seen: set[str] = set()
    for i, item in enumerate(get_list(doc, "people", "")):
        path = f"people[{i}]"
        m = as_mapping(item, path)
        check_keys(m, path, PERSON_KEYS)
        code = get_text(m, "code", path)
        if code in seen:
            raise fail(join(path, "code"), f"«{code}» bị trùng trong danh sách.")
        seen.add(code)
        group = get_text(m, "group", path)
        level = get_text(m, "level", path, choices=QUOTA_LEVELS)
        mean = None if m.get("mean") is None else number(m["mean"], join(path, "mean"), minimum=0, maximum=100)
        people.append((code, group, level, mean))
    base_levels = ("HTT",) if base_kind == "htt" else ("HTT", "HTXS")
    steps = [f"Bộ quy tắc {rs.id}; tỷ lệ tối đa {fmt_plain(rate * 100)}%"
             + (" (cơ quan được công nhận HTXS)" if excellent else "")
             + f"; căn cứ: số người {'HTT' if base_kind == 'htt' else 'từ HTT trở lên'}; làm tròn "
             + ("xuống" if rounding == "floor" else "nửa lên") + "."]

    def assess(name: str, members: list[tuple[str, str, str, Fraction | None]],
               already: set[str]) -> dict[str, Any]:
        base = sum(1 for p in members if p[2] in base_levels)
        cap = _cap(rate, base, rounding, params.quota_min_cap)
        ranked = sorted((p for p in members if p[2] == "HTXS"), key=_rank_key)
        over = [p[0] for p in ranked[cap:]]
        fresh = [c for c in over if c not in already]
        steps.append(f"{name}: căn cứ {base} người, giới hạn = {fmt_plain(rate)} × {base} = "
                     f"{fmt_plain(rate * base)} → {cap}; có {len(ranked)} người HTXS"
                     + (f"; vượt tỷ lệ (đề xuất cấp có thẩm quyền xem xét): {', '.join(over)}." if over else
                        "; không vượt tỷ lệ."))
        return {"base_count": base, "cap": cap, "htxs": len(ranked), "over_quota": over,
                "new_over_quota": fresh}

    groups: list[dict[str, Any]] = []
    flagged: set[str] = set()
    for group in sorted({p[1] for p in people}):
        members = [p for p in people if p[1] == group]
        info = assess(f"Nhóm «{group}»", members, flagged)
        flagged.update(info.pop("new_over_quota"))
        groups.append({"group": group, **info})
    # The agency as a whole: the HTXS people the groups let through may still exceed the agency's cap.
    agency = assess("Toàn cơ quan", people, flagged)
    agency_extra = agency.pop("new_over_quota")
    flagged.update(agency_extra)
    agency["over_quota_beyond_groups"] = agency_extra
    ranked_all = sorted((p for p in people if p[0] in flagged), key=_rank_key)
    result = header(rs)
    result.update({
        "rate": fmt2(rate * 100),
        "base": base_kind,
        "rounding": rounding,
        "groups": groups,
        "agency": agency,
        "over_quota": [p[0] for p in reversed(ranked_all)],
    })
    steps.append("Phần mềm chỉ đề xuất; không tự hạ mức của ai. Danh sách vượt tỷ lệ, từ thấp điểm nhất: "
                 + (", ".join(result["over_quota"]) or "không có") + ".")
    return result, steps


def score_quota(doc: Mapping[str, Any]) -> dict[str, Any]:
    """Check the HTXS quota of one agency (the contract's `kpi score quota`)."""
    return compute_quota(doc)[0]


def explain_quota(doc: Mapping[str, Any]) -> list[str]:
    return compute_quota(doc)[1]


