"""Responsibility contracts of heads (hợp đồng trách nhiệm) scored as a balanced scorecard.

Per target, the achievement is the share of the promised distance travelled from the baseline:
    higher is better: (actual − baseline) / (target − baseline)
    lower is better:  (baseline − actual) / (baseline − target)
clamped to [0, achievement_cap] (default 1: over-achievement is shown but not added). A target equal
to its baseline ("keep at 100%") counts 1 when the actual is on the right side of it, else 0.
Pillar score = 100 × Σ weight·achievement / Σ weight; total = Σ pillar weight·pillar score / Σ pillar
weights. A veto item (corruption in the unit …) voids the result: level KHT, total null.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from kpi_desktop.domain.scoring._common import document, header, person_of
from kpi_desktop.domain.scoring._input import (
    LEVEL_NAMES_VI,
    as_mapping,
    check_keys,
    fail,
    get_list,
    get_number,
    get_text,
    get_year,
    join,
    number,
    text,
)
from kpi_desktop.domain.scoring._numbers import HUNDRED, fmt2, fmt_plain, fmt_vi, round2
from kpi_desktop.domain.scoring._params import effective_params
from kpi_desktop.domain.scoring.rulesets import load_ruleset

DEFAULT_RULESET = "ND335-2025"
PILLAR_NAMES_VI = {
    "dieu_hanh": "Hiệu quả điều hành",
    "xa_hoi": "Tác động xã hội",
    "tiem_luc": "Xây dựng tiềm lực và liêm chính",
}
TOP_KEYS = ("ruleset", "person", "year", "pillar_weights", "targets", "vetoes", "local", "meta")
TARGET_KEYS = ("code", "name", "pillar", "baseline", "target", "actual", "direction", "weight", "unit")
VETO_KEYS = ("kind", "note", "date")
ZERO = Fraction(0)
ONE = Fraction(1)


def compute_scorecard(doc_: Any) -> tuple[dict[str, Any], list[str]]:
    doc = document(doc_)
    check_keys(doc, "", TOP_KEYS)
    rs = load_ruleset(doc.get("ruleset") or DEFAULT_RULESET)
    params = effective_params(rs, doc.get("local"))
    person = person_of(doc, None)
    year = get_year(doc, "year", "")
    weights = dict(params.pillar_weights)
    if doc.get("pillar_weights") is not None:
        raw = as_mapping(doc["pillar_weights"], "pillar_weights")
        weights = {text(k, "pillar_weights"): number(v, join("pillar_weights", str(k)), minimum=0)
                   for k, v in raw.items()}
        if not weights or sum(weights.values()) <= 0:
            raise fail("pillar_weights", "phải có ít nhất một trụ cột với trọng số dương.")
    steps = [f"Hợp đồng trách nhiệm năm {year} của {person.code}; trọng số các trụ cột: "
             + ", ".join(f"{_pillar_vi(k)} {fmt_plain(v)}" for k, v in weights.items()) + "."]
    targets = get_list(doc, "targets", "")
    if not targets:
        raise fail("targets", "rỗng: hợp đồng trách nhiệm phải có ít nhất một chỉ tiêu.")
    per_pillar: dict[str, list[tuple[Fraction, Fraction]]] = {k: [] for k in weights}
    out_targets = []
    met_count = 0
    seen: set[str] = set()
    for i, item in enumerate(targets):
        path = f"targets[{i}]"
        m = as_mapping(item, path)
        check_keys(m, path, TARGET_KEYS)
        code = get_text(m, "code", path)
        if code in seen:
            raise fail(join(path, "code"), f"«{code}» bị trùng.")
        seen.add(code)
        pillar = get_text(m, "pillar", path)
        if pillar not in weights:
            raise fail(join(path, "pillar"), f"«{pillar}» không phải trụ cột đã khai báo "
                                             f"({', '.join(weights)}).")
        direction = get_text(m, "direction", path, choices=("higher", "lower"))
        baseline = get_number(m, "baseline", path)
        target = get_number(m, "target", path)
        actual = get_number(m, "actual", path)
        weight = get_number(m, "weight", path, positive=True)
        raw_ach = _achievement(direction, baseline, target, actual, path)
        ach = min(max(raw_ach, ZERO), params.achievement_cap)
        met = raw_ach >= 1
        met_count += met
        per_pillar[pillar].append((weight, ach))
        out_targets.append({"code": code, "pillar": pillar, "achievement": fmt2(ach * 100),
                            "raw_achievement": fmt2(raw_ach * 100), "met": met})
        name = m.get("name") or code
        steps.append(f"Chỉ tiêu {code} ({name}): gốc {fmt_plain(baseline)}, mục tiêu {fmt_plain(target)}, thực "
                     f"hiện {fmt_plain(actual)} ({'càng cao càng tốt' if direction == 'higher' else 'càng thấp càng tốt'})"
                     f" → đạt {fmt_vi(raw_ach * 100)}% quãng đường cam kết, tính {fmt_vi(ach * 100)}%"
                     f" với trọng số {fmt_plain(weight)}{'; đạt chỉ tiêu' if met else '; chưa đạt chỉ tiêu'}.")
    pillars_out = []
    total_weight = ZERO
    weighted = ZERO
    for pillar, pw in weights.items():
        items = per_pillar[pillar]
        if not items:
            if pw > 0:
                raise fail(join("pillar_weights", pillar), f"có trọng số {fmt_plain(pw)} nhưng không có chỉ tiêu "
                                                           "nào thuộc trụ cột này.",
                           hint="Thêm chỉ tiêu hoặc đặt trọng số trụ cột bằng 0.")
            continue
        score = HUNDRED * sum((w * a for w, a in items), ZERO) / sum((w for w, _ in items), ZERO)
        pillars_out.append({"pillar": pillar, "weight": fmt2(pw), "score": fmt2(score)})
        total_weight += pw
        weighted += pw * score
        steps.append(f"Trụ cột {_pillar_vi(pillar)}: {fmt_vi(score)} điểm (trọng số {fmt_plain(pw)}).")
    total = weighted / total_weight
    total_r = round2(total)
    band = params.band(Fraction(total_r))
    steps.append(f"Điểm hợp đồng = Σ trọng số × điểm trụ cột / Σ trọng số = {fmt_vi(total_r)}; mức theo điểm: "
                 f"{band} — {LEVEL_NAMES_VI[band]}.")
    reasons = []
    for i, item in enumerate(get_list(doc, "vetoes", "", required=False)):
        path = f"vetoes[{i}]"
        v = as_mapping(item, path)
        check_keys(v, path, VETO_KEYS)
        kind = get_text(v, "kind", path)
        note = get_text(v, "note", path, default=kind)
        reasons.append(f"Có nội dung phủ quyết ({note}) nên kết quả hợp đồng trách nhiệm bị huỷ, xếp KHT.")
    steps.extend(reasons)
    met_percent = Fraction(met_count * 100, len(out_targets))
    steps.append(f"Đạt {met_count}/{len(out_targets)} chỉ tiêu ({fmt_vi(met_percent)}%).")
    result = header(rs)
    result.update({
        "person": person.code, "year": year,
        "targets": out_targets, "pillars": pillars_out,
        "total": None if reasons else str(total_r),
        "total_before_veto": str(total_r),
        "band": band,
        "level": "KHT" if reasons else band,
        "voided": bool(reasons),
        "reasons": reasons,
        "targets_met": met_count,
        "targets_met_percent": fmt2(met_percent),
    })
    return result, steps


def _achievement(direction: str, baseline: Fraction, target: Fraction, actual: Fraction, path: str) -> Fraction:
    if direction == "higher":
        if target < baseline:
            raise fail(join(path, "target"), "nhỏ hơn giá trị gốc trong khi chỉ tiêu là «càng cao càng tốt».",
                       hint="Kiểm tra lại direction (higher/lower).")
        if target == baseline:
            return ONE if actual >= target else ZERO
        return (actual - baseline) / (target - baseline)
    if target > baseline:
        raise fail(join(path, "target"), "lớn hơn giá trị gốc trong khi chỉ tiêu là «càng thấp càng tốt».",
                   hint="Kiểm tra lại direction (higher/lower).")
    if target == baseline:
        return ONE if actual <= target else ZERO
    return (baseline - actual) / (baseline - target)


def _pillar_vi(key: str) -> str:
    return PILLAR_NAMES_VI.get(key, key)


def score_scorecard(doc: Mapping[str, Any]) -> dict[str, Any]:
    """Score a head's responsibility contract as a balanced scorecard."""
    return compute_scorecard(doc)[0]


def explain_scorecard(doc: Mapping[str, Any]) -> list[str]:
    return compute_scorecard(doc)[1]
