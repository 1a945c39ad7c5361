"""Period score: ND 335/2025 Art 14–17, the worked example of domain.md §2.2, edges, leaders, errors."""

from __future__ import annotations

from typing import Any

import pytest
from scoring_docs import WORKED_EXAMPLE, perfect_tasks, period_doc

from kpi_desktop.domain.scoring import ENGINE_VERSION, explain_period, load_ruleset, score_period
from kpi_desktop.errors import InputError


def test_worked_example_of_the_domain_reference() -> None:
    r = score_period(WORKED_EXAMPLE)
    assert (r["a"], r["b"], r["c"]) == ("100.00", "96.43", "96.43")
    assert r["task_result"] == "97.62"
    assert r["task_points"] == "68.33"
    assert r["general_points"] == "27.00"
    assert r["total"] == "95.33"
    assert r["band"] == "HTXS" and r["level"] == "HTXS" and r["reasons"] == []
    assert (r["d"], r["dd"], r["e"]) == (None, None, None)
    rs = load_ruleset("ND335-2025")
    assert r["ruleset"] == "ND335-2025" and r["ruleset_sha256"] == rs.sha256
    assert r["engine_version"] == ENGINE_VERSION


def _total(general_a: Any, general_b: Any = 10, general_c: Any = 0) -> dict[str, Any]:
    return score_period(period_doc(general={"a": general_a, "b": general_b, "c": general_c},
                                   tasks=perfect_tasks()))


@pytest.mark.parametrize(("a", "total", "band"), [
    ("9.995", "89.995", "HTXS"),  # rounds half-up to 90.00 → HTXS
    ("9.99", "89.99", "HTT"),
    ("9.994999", "89.99", "HTT"),
])
def test_band_edge_at_90_uses_the_rounded_total(a: str, total: str, band: str) -> None:
    r = _total(a)
    assert r["band"] == band
    assert r["total"] == ("90.00" if band == "HTXS" else "89.99")


def test_seventy_is_htt_and_just_below_is_ht() -> None:
    r = score_period(period_doc(general={"a": 0, "b": 0, "c": 0}, tasks=perfect_tasks()))
    assert r["total"] == "70.00" and r["band"] == "HTT"
    tasks = [{"product": "VB-01", "k": 1, "assigned": 100, "completed": 100, "delays": 1}]
    r = score_period(period_doc(general={"a": 0, "b": 0, "c": 0}, tasks=tasks))
    # c = 99.75 → T = 99.9166… → 69.941666… → 69.94
    assert r["total"] == "69.94" and r["band"] == "HT"


def test_ht_and_kht_bands() -> None:
    # Half the documents completed: a = 50, b = c = 50 → T = 50 → 35 task points.
    tasks = [{"product": "VB-01", "k": 1, "assigned": 10, "completed": 5}]
    assert score_period(period_doc(general={"a": 5, "b": 5, "c": 5}, tasks=tasks))["band"] == "HT"  # 50.00
    r = score_period(period_doc(general={"a": 5, "b": 5, "c": "4.99"}, tasks=tasks))
    assert r["total"] == "49.99" and r["band"] == "KHT"


def test_leader_d_dd_e() -> None:
    doc = period_doc(person={"code": "LD-01", "role": "head"},
                     leadership={"subordinates_all_at_least_ht": True, "plan_on_time_with_quality": False,
                                 "unity": True})
    r = score_period(doc)
    assert (r["d"], r["dd"], r["e"]) == ("100.00", "50.00", "100.00")
    # (100 + 96.428571 + 96.428571 + 100 + 50 + 100) / 6 = 90.476190…
    assert r["task_result"] == "90.48"
    assert r["task_points"] == "63.33"
    assert r["total"] == "90.33"


def test_deputy_with_all_leadership_components_at_50() -> None:
    doc = period_doc(person={"code": "LD-02", "role": "deputy"}, tasks=perfect_tasks(),
                     leadership={"subordinates_all_at_least_ht": False, "plan_on_time_with_quality": False,
                                 "unity": False})
    r = score_period(doc)
    assert r["task_result"] == "75.00"  # (300 + 150) / 6
    assert r["total"] == "79.50"


def test_leader_without_leadership_is_an_error() -> None:
    with pytest.raises(InputError) as exc:
        score_period(period_doc(person={"code": "LD-01", "role": "head"}))
    assert exc.value.field == "leadership"
    assert "d, đ, e" in exc.value.message


def test_staff_with_leadership_is_an_error() -> None:
    doc = period_doc(leadership={"subordinates_all_at_least_ht": True, "plan_on_time_with_quality": True,
                                 "unity": True})
    with pytest.raises(InputError) as exc:
        score_period(doc)
    assert exc.value.field == "leadership"


def test_no_task_is_an_error_never_100() -> None:
    with pytest.raises(InputError) as exc:
        score_period(period_doc(tasks=[]))
    assert exc.value.field == "tasks"
    assert "không đủ dữ liệu" in exc.value.message
    with pytest.raises(InputError) as exc:
        score_period(period_doc(tasks=[{"product": "X", "k": 1, "assigned": 0, "completed": 0}]))
    assert exc.value.field == "tasks"


@pytest.mark.parametrize(("change", "field"), [
    ({"k": 0}, "tasks[1].k"),
    ({"k": -1}, "tasks[1].k"),
    ({"assigned": -2}, "tasks[1].assigned"),
    ({"completed": -1}, "tasks[1].completed"),
    ({"quality_failures": -1}, "tasks[1].quality_failures"),
    ({"quality_failures": 1.5}, "tasks[1].quality_failures"),
    ({"quality_failures_exempt": 2}, "tasks[1].quality_failures_exempt"),
    ({"delays_exempt": 1}, "tasks[1].delays_exempt"),
    ({"k": "hai"}, "tasks[1].k"),
    ({"k": True}, "tasks[1].k"),
    ({"qualty_failures": 1}, "tasks[1].qualty_failures"),
])
def test_bad_task_lines_name_the_field(change: dict[str, Any], field: str) -> None:
    doc = period_doc()
    doc["tasks"][1].update(change)
    with pytest.raises(InputError) as exc:
        score_period(doc)
    assert exc.value.field == field
    assert field in exc.value.message


@pytest.mark.parametrize(("general", "field"), [
    ({"a": 11, "b": 9, "c": 9}, "general.a"),
    ({"a": 9, "b": -1, "c": 9}, "general.b"),
    ({"a": 9, "b": 9}, "general.c"),
    ({"a": 9, "b": 9, "c": 9, "d": 1}, "general.d"),
])
def test_general_points_checked_against_the_part_maxima(general: dict[str, Any], field: str) -> None:
    with pytest.raises(InputError) as exc:
        score_period(period_doc(general=general))
    assert exc.value.field == field


def test_unknown_ruleset_and_role() -> None:
    with pytest.raises(InputError) as exc:
        score_period(period_doc(ruleset="ND999-2030"))
    assert exc.value.field == "ruleset"
    assert "ND335-2025" in (exc.value.hint or "")
    with pytest.raises(InputError) as exc:
        score_period(period_doc(person={"code": "X", "role": "boss"}))
    assert exc.value.field == "person.role"


def test_legacy_ruleset_has_no_period_scoring() -> None:
    with pytest.raises(InputError) as exc:
        score_period(period_doc(ruleset="ND90-2020-ND48-2023"))
    assert exc.value.field == "ruleset"


def test_category_must_match_the_ruleset() -> None:
    with pytest.raises(InputError) as exc:
        score_period(period_doc(person={"code": "X", "role": "staff", "category": "vien_chuc"}))
    assert exc.value.field == "person.category"
    ok = score_period(period_doc(ruleset="ND233-2026", period="2026-Q3",
                                 person={"code": "X", "role": "staff", "category": "vien_chuc"}))
    assert ok["total"] == "95.33"


def test_completed_beyond_assigned_is_reported_not_added() -> None:
    tasks = [{"product": "VB-01", "k": 1, "assigned": 10, "completed": 14},
             {"product": "BC-02", "k": 2, "assigned": 5, "completed": 4}]
    r = score_period(period_doc(tasks=tasks))
    assert r["a"] == "90.00"  # (10 + 8) / 20, the 4 extra documents do not count
    assert r["details"]["exceeded_standard"] == "4.00"
    assert r["details"]["exceeded_products"] == ["VB-01"]


def test_deductions_floor_at_zero_and_exemptions_cancel() -> None:
    tasks = [{"product": "VB-01", "k": 1, "assigned": 1, "completed": 1, "quality_failures": 6, "delays": 3,
              "delays_exempt": 3}]
    r = score_period(period_doc(tasks=tasks))
    assert r["b"] == "0.00"  # 1 − 0.25 × 6 < 0 → 0
    assert r["c"] == "100.00"  # every delay exempted


def test_local_general_split_and_coefficient_groups() -> None:
    local = {"name": "Quy chế UBND xã Thử", "general_parts": {"a": 12, "b": 12, "c": 6},
             "coefficient_groups": {"N1": 1, "N2": 2}}
    tasks = [{"product": "VB-01", "group": "N1", "assigned": 10, "completed": 10, "delays": 2},
             {"product": "BC-02", "group": "N2", "assigned": 2, "completed": 2, "quality_failures": 1}]
    r = score_period(period_doc(general={"a": 12, "b": 11, "c": 4}, tasks=tasks, local=local))
    assert r["b"] == "96.43" and r["c"] == "96.43"
    assert r["general_points"] == "27.00" and r["total"] == "95.33"
    with pytest.raises(InputError) as exc:
        score_period(period_doc(general={"a": 13, "b": 11, "c": 4}, local=local))
    assert exc.value.field == "general.a"
    bad = dict(local, general_parts={"a": 10, "b": 10, "c": 5})
    with pytest.raises(InputError) as exc:
        score_period(period_doc(local=bad))
    assert exc.value.field == "local.general_parts"
    tasks[0]["group"] = "N9"
    with pytest.raises(InputError) as exc:
        score_period(period_doc(general={"a": 12, "b": 11, "c": 4}, tasks=tasks, local=local))
    assert exc.value.field == "tasks[0].group"


def test_monthly_tracking_rejects_a_quarter() -> None:
    with pytest.raises(InputError) as exc:
        score_period(period_doc(local={"tracking": "month"}))
    assert exc.value.field == "period"
    assert score_period(period_doc(period="2026-03", local={"tracking": "month"}))["total"] == "95.33"
    with pytest.raises(InputError) as exc:
        score_period(period_doc(period="2026-13"))
    assert exc.value.field == "period"


def test_position_multiplier_changes_workload_not_the_score() -> None:
    local = {"position_multipliers": {"chuyen_vien": "1.2", "van_thu": 1}}
    base = score_period(period_doc())
    r = score_period(period_doc(person={"code": "CC-0007", "role": "staff", "position": "chuyen_vien"},
                                local=local))
    assert r["total"] == base["total"]
    assert r["details"]["workload"] == "16.80"  # 14 standard products × 1.2


def test_qd366_extra_htxs_conditions() -> None:
    perfect = [{"product": "NQ-01", "k": 1, "assigned": 10, "completed": 10}]
    doc = period_doc(ruleset="QD366-2025", person={"code": "CB-01", "role": "staff"},
                     general={"a": 10, "b": 10, "c": 10}, tasks=perfect)
    r = score_period(doc)
    assert r["band"] == "HTXS" and r["level"] == "HTT"  # 100 points but nothing exceeded
    assert "30" in r["reasons"][0]
    doc["tasks"] = [{"product": "NQ-01", "k": 1, "assigned": 7, "completed": 7},
                    {"product": "NQ-02", "k": 1, "assigned": 3, "completed": 3, "exceeded": True}]
    r = score_period(doc)
    assert r["level"] == "HTXS" and r["reasons"] == []
    # The worked example under QĐ 366: 95.33 points but late work → not even HTT; ≤20% late fails too.
    r = score_period(period_doc(ruleset="QD366-2025"))
    assert r["band"] == "HTXS" and r["level"] == "KHT"
    assert len(r["reasons"]) == 3


def test_explain_walks_through_every_step_in_vietnamese() -> None:
    steps = explain_period(WORKED_EXAMPLE)
    text = "\n".join(steps)
    assert "b (chất lượng) = 100 × 13,5 / 14 = 96,43%" in text
    assert "T = (a + b + c) / 3 = 97,62" in text
    assert "95,33" in text and "HTXS" in text
    assert "Dòng 2 (BC-02)" in text


def test_numbers_may_be_strings_or_decimals_and_input_is_not_modified() -> None:
    doc = period_doc(general={"a": "9", "b": "9.0", "c": 9})
    before = repr(doc)
    assert score_period(doc)["total"] == "95.33"
    assert repr(doc) == before


def test_store_style_month_codes_are_accepted() -> None:
    r = score_period(period_doc(period="2026-M03", local={"tracking": "month"}))
    assert r["period"] == "2026-M03" and r["total"] == "95.33"
