"""Property tests of the period score (hypothesis)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kpi_desktop.domain.scoring import score_annual, score_period, score_quota

quantity = st.integers(min_value=0, max_value=40)
coefficient = st.sampled_from(["0.5", "0.8", "1", "1.5", "2", "3.25"])


@st.composite
def task_line(draw: st.DrawFn, index: int = 0) -> dict[str, Any]:
    assigned = draw(st.integers(min_value=1, max_value=30))
    completed = draw(quantity)
    qf = draw(st.integers(min_value=0, max_value=6))
    dl = draw(st.integers(min_value=0, max_value=6))
    return {"product": f"SP-{draw(st.integers(0, 999)):03d}", "k": draw(coefficient), "assigned": assigned,
            "completed": completed, "quality_failures": qf,
            "quality_failures_exempt": draw(st.integers(min_value=0, max_value=qf)),
            "delays": dl, "delays_exempt": draw(st.integers(min_value=0, max_value=dl))}


general_part = st.decimals(min_value=0, max_value=10, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def period_document(draw: st.DrawFn) -> dict[str, Any]:
    leader = draw(st.booleans())
    doc: dict[str, Any] = {
        "ruleset": draw(st.sampled_from(["ND335-2025", "ND233-2026", "QD366-2025"])),
        "person": {"code": "P-1", "role": draw(st.sampled_from(["head", "deputy"])) if leader else "staff"},
        "period": "2026-Q3",
        "general": {"a": str(draw(general_part)), "b": str(draw(general_part)), "c": str(draw(general_part))},
        "tasks": draw(st.lists(task_line(), min_size=1, max_size=8)),
        "leadership": None,
    }
    if leader:
        doc["leadership"] = {k: draw(st.booleans()) for k in
                             ("subordinates_all_at_least_ht", "plan_on_time_with_quality", "unity")}
    return doc


@settings(max_examples=150, deadline=None)
@given(period_document())
def test_total_is_between_0_and_100(doc: dict[str, Any]) -> None:
    r = score_period(doc)
    assert Decimal(0) <= Decimal(r["total"]) <= Decimal(100)
    for key in ("a", "b", "c", "task_result"):
        assert Decimal(0) <= Decimal(r[key]) <= Decimal(100)


@settings(max_examples=150, deadline=None)
@given(period_document(), st.data())
def test_one_more_failure_or_delay_never_raises_the_score(doc: dict[str, Any], data: st.DataObject) -> None:
    before = score_period(doc)
    i = data.draw(st.integers(min_value=0, max_value=len(doc["tasks"]) - 1))
    key = data.draw(st.sampled_from(["quality_failures", "delays"]))
    doc["tasks"][i][key] += 1
    after = score_period(doc)
    for field in ("b", "c", "task_result", "task_points", "total"):
        assert Decimal(after[field]) <= Decimal(before[field])
    assert Decimal(after["a"]) == Decimal(before["a"])


@settings(max_examples=100, deadline=None)
@given(period_document(), st.randoms(use_true_random=False))
def test_order_of_task_lines_changes_nothing(doc: dict[str, Any], rnd: Any) -> None:
    before = score_period(doc)
    rnd.shuffle(doc["tasks"])
    after = score_period(doc)
    before["details"].pop("exceeded_products")
    after_products = after["details"].pop("exceeded_products")
    assert after == before
    assert sorted(after_products) == sorted(after_products)


@settings(max_examples=100, deadline=None)
@given(period_document())
def test_json_result_round_trips(doc: dict[str, Any]) -> None:
    r = score_period(doc)
    assert json.loads(json.dumps(r, ensure_ascii=False)) == r
    # The input survives a JSON round trip too and scores the same.
    assert score_period(json.loads(json.dumps(doc))) == r


@settings(max_examples=60, deadline=None)
@given(st.lists(st.decimals(min_value=0, max_value=100, places=2), min_size=1, max_size=4))
def test_annual_mean_within_the_period_range_and_round_trips(totals: list[Decimal]) -> None:
    doc = {"ruleset": "ND335-2025", "person": {"code": "P", "role": "staff"}, "year": 2026,
           "periods": [{"period": f"2026-Q{i + 1}", "total": str(t)} for i, t in enumerate(totals)],
           "months_worked": 12, "maternity_leave": False, "vetoes": []}
    r = score_annual(doc)
    assert min(totals) <= Decimal(r["mean"]) <= max(totals)
    assert json.loads(json.dumps(r, ensure_ascii=False)) == r


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["A", "B"]), st.sampled_from(["HTXS", "HTT", "HT"]),
                          st.integers(min_value=50, max_value=100)), min_size=1, max_size=30),
       st.sampled_from(["floor", "half_up"]))
def test_quota_never_keeps_more_htxs_than_the_caps(rows: list[tuple[str, str, int]], rounding: str) -> None:
    people = [{"code": f"P{i:02d}", "group": g, "level": lvl, "mean": m} for i, (g, lvl, m) in enumerate(rows)]
    r = score_quota({"ruleset": "ND335-2025", "rounding": rounding, "base": "htt", "people": people})
    flagged = set(r["over_quota"])
    for group in r["groups"]:
        kept = [p for p in people if p["group"] == group["group"] and p["level"] == "HTXS"
                and p["code"] not in flagged]
        assert len(kept) <= group["cap"]
    kept_all = [p for p in people if p["level"] == "HTXS" and p["code"] not in flagged]
    assert len(kept_all) <= r["agency"]["cap"]
    # Within a group, everybody kept ranks above everybody the group flagged (mean, then code).
    for group in r["groups"]:
        over = [p for p in people if p["code"] in group["over_quota"]]
        kept = [p for p in people if p["group"] == group["group"] and p["level"] == "HTXS"
                and p["code"] not in group["over_quota"]]
        for k in kept:
            for o in over:
                assert (-k["mean"], k["code"]) < (-o["mean"], o["code"])


LEVEL_RANK = {"NOT_RATED": -1, "KHT": 0, "HT": 1, "HTT": 2, "HTXS": 3}


@settings(max_examples=80, deadline=None)
@given(st.lists(st.decimals(min_value=0, max_value=100, places=2), min_size=1, max_size=4),
       st.sampled_from(["staff", "deputy", "head"]),
       st.sampled_from([None, "HTXS", "HTT", "HT", "KHT"]),
       st.sampled_from([{"kind": "discipline", "form": "canh_cao", "date": "2026-06-01"},
                        {"kind": "degeneration"}, {"kind": "unit_corruption"}]))
def test_a_cap_or_a_veto_never_raises_the_annual_level(totals: list[Decimal], role: str, unit_level: str | None,
                                                       veto: dict[str, Any]) -> None:
    doc: dict[str, Any] = {"ruleset": "ND335-2025", "person": {"code": "P", "role": role}, "year": 2026,
                           "periods": [{"period": f"2026-Q{i + 1}", "total": str(t)} for i, t in enumerate(totals)],
                           "months_worked": 12, "maternity_leave": False, "vetoes": []}
    plain = score_annual(doc)
    assert LEVEL_RANK[plain["level"]] <= LEVEL_RANK[plain["band"]]
    capped = score_annual(dict(doc, unit_level=unit_level))
    assert LEVEL_RANK[capped["level"]] <= LEVEL_RANK[plain["level"]]
    vetoed = score_annual(dict(doc, unit_level=unit_level, vetoes=[veto]))
    assert LEVEL_RANK[vetoed["level"]] <= LEVEL_RANK[capped["level"]]
    assert (vetoed["reasons"] == []) == (vetoed["level"] == vetoed["band"])
