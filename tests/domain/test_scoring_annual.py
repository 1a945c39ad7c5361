"""Annual classification: mean of the periods worked, vetoes, caps, time worked, transfers, legacy table."""

from __future__ import annotations

from typing import Any

import pytest
from scoring_docs import annual_doc, legacy_doc

from kpi_desktop.domain.scoring import explain_annual, score_annual
from kpi_desktop.errors import InputError


def test_mean_of_the_periods_and_no_reasons_when_level_equals_band() -> None:
    doc = annual_doc(periods=[{"period": "2026-Q1", "total": "95.33"}, {"period": "2026-Q2", "total": 88},
                              {"period": "2026-Q3", "total": "90.5"}, {"period": "2026-Q4", "total": 86.17}])
    r = score_annual(doc)
    assert r["mean"] == "90.00"  # 360 / 4
    assert r["band"] == "HTXS" and r["level"] == "HTXS" and r["reasons"] == []


def test_mean_band_edge_uses_the_rounded_mean() -> None:
    doc = annual_doc(periods=[{"period": "2026-Q1", "total": "89.99"}, {"period": "2026-Q2", "total": 90}])
    assert score_annual(doc)["mean"] == "90.00"  # 89.995 → 90.00
    assert score_annual(doc)["band"] == "HTXS"


@pytest.mark.parametrize("form", ["khien_trach", "canh_cao", "cach_chuc", "buoc_thoi_viec"])
def test_discipline_in_the_year_forces_kht(form: str) -> None:
    r = score_annual(annual_doc(vetoes=[{"kind": "discipline", "form": form, "date": "2026-05-02"}]))
    assert r["band"] == "HTXS" and r["level"] == "KHT"
    assert len(r["reasons"]) == 1 and "02/05/2026" in r["reasons"][0]


def test_discipline_of_another_year_is_not_counted() -> None:
    r = score_annual(annual_doc(vetoes=[{"kind": "discipline", "form": "canh_cao", "date": "2025-12-30"}]))
    assert r["level"] == "HTXS" and r["reasons"] == []
    assert any("2025" in n for n in r["notes"])
    r = score_annual(annual_doc(vetoes=[{"kind": "discipline", "form": "canh_cao", "date": "2026-02-01",
                                         "already_counted_year": 2025}]))
    assert r["level"] == "HTXS"


def test_degeneration_forces_kht() -> None:
    r = score_annual(annual_doc(vetoes=[{"kind": "degeneration"}]))
    assert r["level"] == "KHT" and "suy thoái" in r["reasons"][0]


def test_unit_corruption_only_for_deputy_or_head() -> None:
    veto = [{"kind": "unit_corruption", "date": "2026-08-01"}]
    staff = score_annual(annual_doc(vetoes=veto))
    assert staff["level"] == "HTXS" and staff["reasons"] == []
    deputy = score_annual(annual_doc(person={"code": "LD-02", "role": "deputy"}, vetoes=veto))
    assert deputy["level"] == "KHT" and "tham nhũng" in deputy["reasons"][0]


def test_unit_corruption_mitigation_only_under_nd233() -> None:
    veto = [{"kind": "unit_corruption", "mitigated": True}]
    vc = score_annual(annual_doc(ruleset="ND233-2026", person={"code": "LD", "role": "deputy"}, vetoes=veto))
    assert vc["level"] == "HTXS"
    cc = score_annual(annual_doc(person={"code": "LD", "role": "deputy"}, vetoes=veto))
    assert cc["level"] == "KHT"


def test_head_never_above_the_unit() -> None:
    r = score_annual(annual_doc(person={"code": "LD-01", "role": "head"}, unit_level="HTT"))
    assert r["band"] == "HTXS" and r["level"] == "HTT"
    assert "không cao hơn mức của cơ quan" in r["reasons"][0]
    # A deputy is not capped by the unit level.
    assert score_annual(annual_doc(person={"code": "LD-02", "role": "deputy"}, unit_level="HT"))["level"] == "HTXS"
    # A head with the unit rated higher keeps the band, with no reason.
    r = score_annual(annual_doc(person={"code": "LD-01", "role": "head"}, unit_level="HTXS",
                                periods=[{"period": "2026-Q1", "total": 80}]))
    assert r["level"] == "HTT" and r["reasons"] == []


def test_fewer_than_six_months_not_rated_unless_maternity() -> None:
    doc = annual_doc(months_worked=5, periods=[{"period": "2026-Q1", "total": 92}])
    r = score_annual(doc)
    assert r["level"] == "NOT_RATED" and "dưới 6 tháng" in r["reasons"][0]
    doc["maternity_leave"] = True
    r = score_annual(doc)
    assert r["level"] == "HTXS" and r["mean"] == "92.00"
    assert score_annual(annual_doc(months_worked=6))["level"] == "HTXS"


def test_transfer_periods_from_the_old_unit_count_in_the_mean() -> None:
    periods = [{"period": "2026-Q1", "total": 70, "unit": "UBND-XA-A"},
               {"period": "2026-Q2", "total": 80, "unit": "UBND-XA-A"},
               {"period": "2026-Q3", "total": 90, "unit": "UBND-XA-B"},
               {"period": "2026-Q4", "total": 100, "unit": "UBND-XA-B"}]
    r = score_annual(annual_doc(periods=periods))
    assert r["mean"] == "85.00" and r["level"] == "HTT"
    assert any("UBND-XA-A" in n for n in r["notes"])


def test_months_and_quarters_mixed_are_weighted_by_months() -> None:
    periods = [{"period": "2026-01", "total": 60}, {"period": "2026-02", "total": 60},
               {"period": "2026-03", "total": 60}, {"period": "2026-Q2", "total": 90}]
    assert score_annual(annual_doc(periods=periods))["mean"] == "75.00"


@pytest.mark.parametrize(("periods", "field"), [
    ([{"period": "2026-Q1", "total": 90}, {"period": "2026-02", "total": 90}], "periods[1].period"),
    ([{"period": "2025-Q4", "total": 90}], "periods[0].period"),
    ([{"period": "2026-Q1", "total": 101}], "periods[0].total"),
    ([], "periods"),
])
def test_bad_periods(periods: list[dict[str, Any]], field: str) -> None:
    with pytest.raises(InputError) as exc:
        score_annual(annual_doc(periods=periods))
    assert exc.value.field == field


def test_local_rule_a_kht_quarter_bars_htxs() -> None:
    doc = annual_doc(periods=[{"period": "2026-01", "total": 45}]
                     + [{"period": f"2026-{m:02d}", "total": 100} for m in range(2, 13)])
    r = score_annual(doc)
    assert r["mean"] == "95.42" and r["level"] == "HTXS"
    doc["local"] = {"kht_period_bars_htxs": True}
    r = score_annual(doc)
    assert r["level"] == "HTT" and "2026-01" in r["reasons"][0]
    doc["periods"][0]["total"] = 50  # an HT month does not bar HTXS
    assert score_annual(doc)["level"] == "HTXS"


def test_party_form_only_in_the_legacy_ruleset() -> None:
    with pytest.raises(InputError) as exc:
        score_annual(annual_doc(vetoes=[{"kind": "discipline", "form": "party", "date": "2026-03-01"}]))
    assert exc.value.field == "vetoes[0].form"
    r = score_annual(legacy_doc(vetoes=[{"kind": "discipline", "form": "party", "date": "2025-03-01"}]))
    assert r["band"] == "HTXS" and r["level"] == "KHT"


def test_qd366_annual_conditions() -> None:
    base = annual_doc(ruleset="QD366-2025", person={"code": "CB-01", "role": "staff"})
    with pytest.raises(InputError) as exc:
        score_annual(base)
    assert exc.value.field == "tasks_total"
    ok = dict(base, tasks_total=10, tasks_completed=10, tasks_on_time_with_quality=10, tasks_exceeded=3)
    assert score_annual(ok)["level"] == "HTXS"
    r = score_annual(dict(ok, tasks_exceeded=2))
    assert r["level"] == "HTT" and "30" in r["reasons"][0]
    assert score_annual(dict(ok, tasks_on_time_with_quality=8))["level"] == "HT"
    assert score_annual(dict(ok, tasks_on_time_with_quality=7))["level"] == "KHT"


# --- Legacy ND 90/2020 + ND 48/2023: the conditions table ---------------------------------------

@pytest.mark.parametrize(("changes", "level"), [
    ({}, "HTXS"),
    ({"tasks_exceeded": 4}, "HTT"),
    ({"criteria_1_4": "met"}, "HTT"),
    ({"tasks_on_time_with_quality": 8}, "HT"),
    ({"tasks_on_time_with_quality": 8, "tasks_completed": 9}, "KHT"),
    ({"tasks_on_time_with_quality": 7}, "KHT"),  # 30% lacking: the gap between 20% and 50%
    ({"tasks_on_time_with_quality": 4}, "KHT"),
    ({"criteria_1_4": "not_met"}, "KHT"),
])
def test_legacy_table_non_leader(changes: dict[str, Any], level: str) -> None:
    r = score_annual(legacy_doc(**changes))
    assert r["band"] == level and r["level"] == level and r["mean"] is None


def _leader(**changes: Any) -> dict[str, Any]:
    doc = legacy_doc(person={"code": "LD-01", "role": "head"}, unit_targets_met_share=1,
                     unit_targets_exceeded_share="0.5", unit_targets_on_time_share="0.9",
                     subunit_levels=["HTXS", "HTT", "HTT", "HT"])
    doc.update(changes)
    return doc


@pytest.mark.parametrize(("changes", "level"), [
    ({}, "HTXS"),
    ({"unit_targets_exceeded_share": "0.4"}, "HTT"),
    ({"subunit_levels": ["HTT", "HT", "HT", "HTT"]}, "HT"),  # only 50% HTT+
    ({"unit_targets_met_share": "0.9"}, "HT"),
    ({"unit_targets_met_share": "0.9", "subunit_levels": ["KHT", "KHT", "HT", "HT"]}, "KHT"),
    ({"unit_targets_met_share": "0.7"}, "KHT"),  # not more than 70%
    ({"unit_targets_met_share": "0.4"}, "KHT"),
    ({"unit_targets_exceeded_share": "0.4", "unit_targets_on_time_share": "0.7"}, "HT"),
])
def test_legacy_table_leader(changes: dict[str, Any], level: str) -> None:
    assert score_annual(_leader(**changes))["level"] == level


def test_legacy_leader_needs_unit_results() -> None:
    doc = _leader()
    del doc["unit_targets_met_share"]
    with pytest.raises(InputError) as exc:
        score_annual(doc)
    assert exc.value.field == "unit_targets_met_share"


def test_legacy_absence_three_to_six_months_caps_at_ht() -> None:
    r = score_annual(legacy_doc(absence_months=4))
    assert r["band"] == "HTXS" and r["level"] == "HT" and "4 tháng" in r["reasons"][0]
    assert score_annual(legacy_doc(absence_months=2))["level"] == "HTXS"
    assert score_annual(legacy_doc(absence_months=4, months_worked=8))["level"] == "HT"
    # The new rule sets rate on the periods worked instead: no cap.
    assert score_annual(annual_doc(absence_months=4))["level"] == "HTXS"


def test_legacy_fewer_than_six_months() -> None:
    assert score_annual(legacy_doc(months_worked=5))["level"] == "NOT_RATED"
    assert score_annual(legacy_doc(months_worked=5, maternity_leave=True))["level"] == "HTXS"


def test_explain_annual_is_vietnamese() -> None:
    steps = explain_annual(annual_doc(person={"code": "LD-01", "role": "head"}, unit_level="HT"))
    text = "\n".join(steps)
    assert "Điểm trung bình" in text and "Mức xếp loại: HT" in text


def test_legacy_not_rated_needs_no_conditions_table() -> None:
    doc = legacy_doc(months_worked=3)
    for key in ("criteria_1_4", "tasks_total", "tasks_on_time_with_quality", "tasks_exceeded"):
        del doc[key]
    r = score_annual(doc)
    assert r["level"] == "NOT_RATED" and r["band"] is None
