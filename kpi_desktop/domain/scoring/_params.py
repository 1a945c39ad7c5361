"""Effective parameters: a rule set's defaults, overridden by a unit's quy chế (the `local` object).

The `local` object is the same in every contract document so that a unit can keep one copy of its
quy chế and pass it along; each computation uses the parts it needs. A local rule may tighten a
decree (a smaller quota, a KHT quarter barring HTXS) but may not loosen it: a quota rate above the
rule set's is refused, and the split of the general points must add up to the rule set's maximum.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from kpi_desktop.domain.scoring._input import (
    as_mapping,
    check_keys,
    fail,
    get_bool,
    get_number,
    get_text,
    join,
    number,
    text,
)
from kpi_desktop.domain.scoring.rulesets import RuleSet

LOCAL_KEYS = (
    "name", "general_parts", "coefficient_groups", "position_multipliers", "tracking", "quota",
    "kht_period_bars_htxs", "head_targets_rule", "pillar_weights", "achievement_cap",
)
QUOTA_BASES = ("htt", "htt_and_above")


def scoring_local(params: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The part of a unit's stored quy chế parameters that the engine reads (the `local` object).

    A unit's rules may also hold settings for other parts of the application (deadlines …); those stay
    out of the scoring documents, which refuse unknown fields."""
    if not params:
        return None
    local = {k: v for k, v in params.items() if k in LOCAL_KEYS}
    return local or None
ROUNDINGS = ("floor", "half_up")


def _f(value: Any) -> Fraction:
    return number(value, "ruleset.params")


@dataclass(frozen=True)
class Params:
    ruleset: RuleSet
    general_max: Fraction
    general_parts: dict[str, Fraction]
    task_max: Fraction
    quality_deduction: Fraction
    delay_deduction: Fraction
    cap_line_at_assigned: bool
    leader_full: Fraction
    leader_partial: Fraction
    bands: tuple[tuple[str, Fraction], ...]
    conditions: Mapping[str, Mapping[str, Any]] | None
    tracking: tuple[str, ...]
    min_months_worked: Fraction
    maternity_exempt: bool
    head_capped_by_unit_level: bool
    veto_discipline_forms: tuple[str, ...]
    party_discipline_form: bool
    unit_corruption_mitigation: bool
    legacy_absence_cap: Mapping[str, Any] | None
    legacy_table: Mapping[str, Fraction] | None
    quota_rate: Fraction
    quota_rate_excellent: Fraction
    quota_base: str
    quota_rounding: str
    quota_min_cap: int
    kht_period_bars_htxs: bool
    head_targets_threshold: Fraction | None
    head_targets_years: int
    pillar_weights: dict[str, Fraction]
    achievement_cap: Fraction
    coefficient_groups: dict[str, Fraction] = field(default_factory=dict)
    position_multipliers: dict[str, Fraction] = field(default_factory=dict)
    local_name: str | None = None
    overridden: tuple[str, ...] = ()

    def band(self, total: Fraction) -> str:
        for level, minimum in self.bands:
            if total >= minimum:
                return level
        return "KHT"


def base_params(rs: RuleSet) -> dict[str, Any]:
    p = rs.params
    quota = p.get("quota") or {}
    rule = p.get("head_targets_rule")
    table = p.get("legacy_table")
    return {
        "ruleset": rs,
        "general_max": _f(p["general_max"]),
        "general_parts": {k: _f(v) for k, v in p["general_parts"].items()},
        "task_max": _f(p["task_max"]),
        "quality_deduction": _f(p["quality_deduction"]),
        "delay_deduction": _f(p["delay_deduction"]),
        "cap_line_at_assigned": bool(p.get("cap_line_at_assigned", True)),
        "leader_full": _f(p["leader_full"]),
        "leader_partial": _f(p["leader_partial"]),
        "bands": tuple((lvl, _f(p["bands"][lvl])) for lvl in ("HTXS", "HTT", "HT")),
        "conditions": p.get("conditions"),
        "tracking": tuple(p.get("tracking") or ("month", "quarter")),
        "min_months_worked": _f(p.get("min_months_worked", 6)),
        "maternity_exempt": bool(p.get("maternity_exempt", True)),
        "head_capped_by_unit_level": bool(p.get("head_capped_by_unit_level", False)),
        "veto_discipline_forms": tuple(p.get("veto_discipline_forms") or ()),
        "party_discipline_form": bool(p.get("party_discipline_form", False)),
        "unit_corruption_mitigation": bool(p.get("unit_corruption_mitigation", False)),
        "legacy_absence_cap": p.get("legacy_absence_cap"),
        "legacy_table": None if table is None else {k: _f(v) for k, v in table.items()},
        "quota_rate": _f(quota.get("rate", "0.20")),
        "quota_rate_excellent": _f(quota.get("rate_excellent", "0.25")),
        "quota_base": quota.get("base", "htt"),
        "quota_rounding": quota.get("rounding", "floor"),
        "quota_min_cap": int(quota.get("min_cap", 0)),
        "kht_period_bars_htxs": bool(p.get("kht_period_bars_htxs", False)),
        "head_targets_threshold": None if rule is None else _f(rule["threshold"]),
        "head_targets_years": 2 if rule is None else int(rule["years"]),
        "pillar_weights": {k: _f(v) for k, v in (p.get("pillar_weights") or {}).items()},
        "achievement_cap": _f(p.get("achievement_cap", 1)),
    }


def _positive_map(value: Any, path: str) -> dict[str, Fraction]:
    m = as_mapping(value, path)
    if not m:
        raise fail(path, "không được rỗng.")
    return {text(k, join(path, str(k))): number(v, join(path, str(k)), positive=True) for k, v in m.items()}


_CACHE: dict[tuple[str, str, str], Params] = {}


def effective_params(rs: RuleSet, local: Any, path: str = "local") -> Params:
    """The rule set's parameters with the unit's quy chế (`local`, may be None) applied and validated.

    Cached by rule set (id and sha256) and the quy chế's canonical JSON: recomputing a province's
    records applies the same few quy chế over and over."""
    try:
        key = (rs.id, rs.sha256, json.dumps(local, sort_keys=True, default=str) + path)
    except (TypeError, ValueError):
        return _effective_params(rs, local, path)
    cached = _CACHE.get(key)
    if cached is None:
        cached = _effective_params(rs, local, path)
        if len(_CACHE) < 1000:
            _CACHE[key] = cached
    return cached


def _effective_params(rs: RuleSet, local: Any, path: str) -> Params:
    values = base_params(rs)
    overridden: list[str] = []
    if local is not None:
        m = as_mapping(local, path)
        check_keys(m, path, LOCAL_KEYS)
        if "name" in m and m["name"] is not None:
            values["local_name"] = text(m["name"], join(path, "name"))
        if m.get("general_parts") is not None:
            where = join(path, "general_parts")
            parts = as_mapping(m["general_parts"], where)
            split: dict[str, Fraction] = {}
            for key, val in parts.items():
                name = text(key, where)
                split[name] = number(val, join(where, name), minimum=0)
            if not split or sum(split.values()) != values["general_max"]:
                raise fail(where, f"phải chia đủ {values['general_max']} điểm tiêu chí chung; tổng hiện là "
                                  f"{float(sum(split.values(), Fraction(0))):g}.")
            values["general_parts"] = split
            overridden.append("general_parts")
        if m.get("coefficient_groups") is not None:
            values["coefficient_groups"] = _positive_map(m["coefficient_groups"], join(path, "coefficient_groups"))
            overridden.append("coefficient_groups")
        if m.get("position_multipliers") is not None:
            values["position_multipliers"] = _positive_map(m["position_multipliers"],
                                                           join(path, "position_multipliers"))
            overridden.append("position_multipliers")
        if m.get("tracking") is not None:
            allowed = values["tracking"]
            values["tracking"] = (get_text(m, "tracking", path, choices=allowed),)
            overridden.append("tracking")
        if m.get("quota") is not None:
            where = join(path, "quota")
            q = as_mapping(m["quota"], where)
            check_keys(q, where, ("base", "rounding", "rate", "rate_excellent", "min_cap"))
            if q.get("base") is not None:
                values["quota_base"] = get_text(q, "base", where, choices=QUOTA_BASES)
            if q.get("rounding") is not None:
                values["quota_rounding"] = get_text(q, "rounding", where, choices=ROUNDINGS)
            if q.get("rate") is not None:
                values["quota_rate"] = get_number(q, "rate", where, minimum=0, maximum=values["quota_rate"])
            if q.get("rate_excellent") is not None:
                values["quota_rate_excellent"] = get_number(q, "rate_excellent", where, minimum=0,
                                                            maximum=values["quota_rate_excellent"])
            if q.get("min_cap") is not None:
                values["quota_min_cap"] = int(get_number(q, "min_cap", where, minimum=0, maximum=1,
                                                         integer=True))
            overridden.append("quota")
        if m.get("kht_period_bars_htxs") is not None:
            values["kht_period_bars_htxs"] = get_bool(m, "kht_period_bars_htxs", path)
            overridden.append("kht_period_bars_htxs")
        if "head_targets_rule" in m:
            where = join(path, "head_targets_rule")
            if m["head_targets_rule"] is None:
                values["head_targets_threshold"] = None
            else:
                r = as_mapping(m["head_targets_rule"], where)
                check_keys(r, where, ("threshold", "years"))
                values["head_targets_threshold"] = get_number(r, "threshold", where, minimum=0, maximum=1)
                values["head_targets_years"] = int(get_number(r, "years", where, integer=True, minimum=1,
                                                              maximum=10))
            overridden.append("head_targets_rule")
        if m.get("pillar_weights") is not None:
            where = join(path, "pillar_weights")
            weights = as_mapping(m["pillar_weights"], where)
            parsed = {text(k, where): number(v, join(where, str(k)), minimum=0) for k, v in weights.items()}
            if not parsed or sum(parsed.values()) <= 0:
                raise fail(where, "phải có ít nhất một trụ cột với trọng số dương.")
            values["pillar_weights"] = parsed
            overridden.append("pillar_weights")
        if m.get("achievement_cap") is not None:
            values["achievement_cap"] = get_number(m, "achievement_cap", path, minimum=1, maximum=2)
            overridden.append("achievement_cap")
    values["overridden"] = tuple(overridden)
    return Params(**values)
