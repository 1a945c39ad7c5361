"""Responsibility contracts (balanced scorecard) and consequence flags."""

from __future__ import annotations

from typing import Any

import pytest

from kpi_desktop.domain.scoring import consequence_flags, score_scorecard
from kpi_desktop.errors import InputError


def _contract(**changes: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "person": {"code": "CT-UBND", "role": "head"},
        "year": 2026,
        "targets": [
            # "giảm 5% tai nạn giao thông": 200 → 190, actual 195: half way.
            {"code": "TNGT", "name": "Giảm 5% tai nạn giao thông", "pillar": "xa_hoi", "baseline": 200,
             "target": 190, "actual": 195, "direction": "lower", "weight": 1},
            # "tăng 10% tỷ lệ hồ sơ trực tuyến": 40 → 50, actual 52: over-achieved, counted as 100%.
            {"code": "HSTT", "name": "Tăng tỷ lệ hồ sơ trực tuyến", "pillar": "dieu_hanh", "baseline": 40,
             "target": 50, "actual": 52, "direction": "higher", "weight": 2},
            # "giải ngân 100% vốn đầu tư công": 0 → 100, actual 85.
            {"code": "GN", "name": "Giải ngân vốn đầu tư công", "pillar": "dieu_hanh", "baseline": 0,
             "target": 100, "actual": 85, "direction": "higher", "weight": 1},
            {"code": "DT", "name": "Đào tạo cán bộ", "pillar": "tiem_luc", "baseline": 0, "target": 20,
             "actual": 20, "direction": "higher", "weight": 1},
        ],
        "vetoes": [],
    }
    doc.update(changes)
    return doc


def test_scorecard_pillars_and_total() -> None:
    r = score_scorecard(_contract())
    ach = {t["code"]: t["achievement"] for t in r["targets"]}
    assert ach == {"TNGT": "50.00", "HSTT": "100.00", "GN": "85.00", "DT": "100.00"}
    pillars = {p["pillar"]: p["score"] for p in r["pillars"]}
    assert pillars == {"dieu_hanh": "95.00", "xa_hoi": "50.00", "tiem_luc": "100.00"}  # (2×100 + 85)/3 = 95
    # 0.4 × 95 + 0.3 × 50 + 0.3 × 100 = 83
    assert r["total"] == "83.00" and r["level"] == "HTT" and not r["voided"]
    assert r["targets_met"] == 2 and r["targets_met_percent"] == "50.00"


def test_scorecard_custom_weights_and_veto() -> None:
    r = score_scorecard(_contract(pillar_weights={"dieu_hanh": 50, "xa_hoi": 25, "tiem_luc": 25}))
    assert r["total"] == "85.00"  # 47.5 + 12.5 + 25
    v = score_scorecard(_contract(vetoes=[{"kind": "unit_corruption", "note": "tham nhũng tại Phòng Kinh tế"}]))
    assert v["voided"] and v["total"] is None and v["level"] == "KHT"
    assert "tham nhũng" in v["reasons"][0]


def test_scorecard_errors() -> None:
    doc = _contract()
    doc["targets"][0]["direction"] = "higher"  # 200 → 190 cannot be "higher is better"
    with pytest.raises(InputError) as exc:
        score_scorecard(doc)
    assert exc.value.field == "targets[0].target"
    with pytest.raises(InputError) as exc:
        score_scorecard(_contract(targets=_contract()["targets"][1:2]))
    assert exc.value.field == "pillar_weights.xa_hoi"
    with pytest.raises(InputError) as exc:
        score_scorecard(_contract(targets=[]))
    assert exc.value.field == "targets"


def _flags(**changes: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {"person": {"code": "LD-01", "role": "head"}, "history": []}
    doc.update(changes)
    return consequence_flags(doc)


def test_kht_two_years_running() -> None:
    r = _flags(history=[{"year": 2024, "level": "KHT"}, {"year": 2025, "level": "HT"},
                        {"year": 2026, "level": "KHT"}])
    assert r["flags"] == []
    r = _flags(history=[{"year": 2025, "level": "KHT"}, {"year": 2026, "level": "KHT"}])
    assert r["flags"][0]["code"] == "KHT_TWO_YEARS"
    assert "thuộc diện xem xét miễn nhiệm" in r["flags"][0]["message"]
    staff = consequence_flags({"person": {"code": "CC-1", "role": "staff"},
                               "history": [{"year": 2025, "level": "KHT"}, {"year": 2026, "level": "KHT"}]})
    assert "cho thôi việc" in staff["flags"][0]["message"]


def test_reprimanded_twice_in_one_term() -> None:
    term = {"from": "2021-07-01", "to": "2026-06-30"}
    once = _flags(term=term, disciplines=[{"form": "khien_trach", "date": "2022-03-01"},
                                          {"form": "canh_cao", "date": "2020-01-01"}])
    assert once["flags"] == []
    twice = _flags(term=term, disciplines=[{"form": "khien_trach", "date": "2022-03-01"},
                                           {"form": "canh_cao", "date": "2025-11-20"}])
    flag = twice["flags"][0]
    assert flag["code"] == "REPRIMANDED_TWICE_IN_TERM" and "20/11/2025" in flag["message"]


def test_head_below_contract_threshold_two_years_configurable() -> None:
    history = [{"year": 2025, "level": "HT", "contract_targets_met_percent": 65},
               {"year": 2026, "level": "HT", "contract_targets_met_percent": "69.99"}]
    r = _flags(history=history)
    assert [f["code"] for f in r["flags"]] == ["HEAD_TARGETS_BELOW_THRESHOLD"]
    assert r["flags"][0]["years"] == [2025, 2026]
    assert _flags(history=history, local={"head_targets_rule": {"threshold": "0.6", "years": 2}})["flags"] == []
    assert _flags(history=history, local={"head_targets_rule": None})["flags"] == []
    assert _flags(history=history, local={"head_targets_rule": {"threshold": "0.7", "years": 3}})["flags"] == []


def test_flags_bad_input() -> None:
    with pytest.raises(InputError) as exc:
        _flags(history=[{"year": 2025, "level": "KHT"}, {"year": 2025, "level": "HT"}])
    assert exc.value.field == "history[1].year"
