"""HTXS quota per group of similar tasks and for the agency; rounding both ways; never downgrades."""

from __future__ import annotations

from typing import Any

import pytest

from kpi_desktop.domain.scoring import explain_quota, score_quota
from kpi_desktop.errors import InputError


def _people(group: str, htt: int, htxs_means: list[Any], prefix: str = "") -> list[dict[str, Any]]:
    people = [{"code": f"{prefix}{group}-T{i:02d}", "group": group, "level": "HTT", "mean": 80} for i in range(htt)]
    people += [{"code": f"{prefix}{group}-X{i:02d}", "group": group, "level": "HTXS", "mean": m}
               for i, m in enumerate(htxs_means)]
    return people


def _doc(people: list[dict[str, Any]], **changes: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {"ruleset": "ND335-2025", "agency_excellent": False, "base": "htt",
                           "rounding": "floor", "people": people}
    doc.update(changes)
    return doc


@pytest.mark.parametrize(("htt", "rounding", "cap"), [
    (12, "floor", 2), (12, "half_up", 2),  # 2.4
    (13, "floor", 2), (13, "half_up", 3),  # 2.6
    (4, "floor", 0), (4, "half_up", 1),  # 0.8
    (5, "floor", 1), (5, "half_up", 1),  # 1.0
])
def test_cap_rounding_both_ways(htt: int, rounding: str, cap: int) -> None:
    r = score_quota(_doc(_people("CM", htt, [95, 94, 93]), rounding=rounding))
    group = r["groups"][0]
    assert group["base_count"] == htt and group["cap"] == cap and group["htxs"] == 3
    assert len(group["over_quota"]) == 3 - cap


def test_over_quota_is_the_lowest_ranked_by_mean_then_code() -> None:
    people = [
        *_people("CM", 10, []),
        {"code": "B", "group": "CM", "level": "HTXS", "mean": 93},
        {"code": "A", "group": "CM", "level": "HTXS", "mean": 91},
        {"code": "C", "group": "CM", "level": "HTXS", "mean": 91},
        {"code": "D", "group": "CM", "level": "HTXS", "mean": "95.5"},
    ]
    r = score_quota(_doc(people))  # cap floor(0.2 × 10) = 2: D, B stay
    assert r["groups"][0]["over_quota"] == ["A", "C"]  # equal means ranked by code
    assert r["over_quota"] == ["C", "A"]  # lowest-ranked first
    # The engine proposes; it never changes anyone's level.
    assert all(p["level"] == "HTXS" for p in people if p["code"] in "ABCD")
    assert "level" not in r["groups"][0]


def test_excellent_agency_raises_the_rate_to_25_percent() -> None:
    people = _people("CM", 8, [95, 94, 93])
    assert score_quota(_doc(people))["groups"][0]["cap"] == 1
    r = score_quota(_doc(people, agency_excellent=True))
    assert r["rate"] == "25.00" and r["groups"][0]["cap"] == 2


def test_base_htt_and_above() -> None:
    people = _people("CM", 8, [95, 94])
    assert score_quota(_doc(people))["groups"][0]["base_count"] == 8
    r = score_quota(_doc(people, base="htt_and_above"))
    assert r["groups"][0]["base_count"] == 10 and r["groups"][0]["cap"] == 2


def test_per_group_and_agency_caps() -> None:
    # Three groups of 3 HTT each, one HTXS each: half_up gives each group a cap of 1 (0.6 → 1), but the
    # agency as a whole has 9 HTT → 1.8 → 2, so the lowest-ranked of the three is over quota.
    people = _people("A", 3, [95]) + _people("B", 3, [91]) + _people("C", 3, [93])
    r = score_quota(_doc(people, rounding="half_up"))
    assert [g["over_quota"] for g in r["groups"]] == [[], [], []]
    assert r["agency"]["cap"] == 2 and r["agency"]["htxs"] == 3
    assert r["agency"]["over_quota_beyond_groups"] == ["B-X00"]
    assert r["over_quota"] == ["B-X00"]


def test_local_quota_rules_and_conflicts() -> None:
    people = _people("CM", 13, [95, 94, 93])
    doc = _doc(people, local={"quota": {"rounding": "half_up"}})
    del doc["rounding"]
    assert score_quota(doc)["groups"][0]["cap"] == 3
    with pytest.raises(InputError) as exc:
        score_quota(_doc(people, local={"quota": {"rounding": "half_up"}}))
    assert exc.value.field == "rounding"
    with pytest.raises(InputError) as exc:
        score_quota(_doc(people, local={"quota": {"rate": "0.30"}}))
    assert exc.value.field == "local.quota.rate"
    small = _people("CM", 2, [95])
    assert score_quota(_doc(small))["groups"][0]["cap"] == 0
    assert score_quota(_doc(small, local={"quota": {"min_cap": 1}}))["groups"][0]["cap"] == 1


@pytest.mark.parametrize(("person", "field"), [
    ({"code": "CM-T00", "group": "CM", "level": "HTT"}, "people[3].code"),
    ({"code": "Z", "group": "CM", "level": "GOOD"}, "people[3].level"),
    ({"code": "Z", "group": "CM", "level": "HTXS", "mean": 101}, "people[3].mean"),
    ({"code": "Z", "level": "HTT"}, "people[3].group"),
])
def test_bad_people(person: dict[str, Any], field: str) -> None:
    with pytest.raises(InputError) as exc:
        score_quota(_doc([*_people("CM", 3, []), person]))
    assert exc.value.field == field


def test_htxs_without_a_mean_ranks_last_by_code() -> None:
    # The legacy conditions table gives levels without points.
    people = [*_people("CM", 5, []), {"code": "B", "group": "CM", "level": "HTXS"},
              {"code": "A", "group": "CM", "level": "HTXS"}, {"code": "C", "group": "CM", "level": "HTXS", "mean": 60}]
    r = score_quota(_doc(people, ruleset="ND90-2020-ND48-2023"))
    assert r["groups"][0]["cap"] == 1 and r["groups"][0]["over_quota"] == ["A", "B"]


def test_explain_quota() -> None:
    text = "\n".join(explain_quota(_doc(_people("CM", 13, [95, 94, 93]))))
    assert "Nhóm «CM»" in text and "CM-X02" in text and "không tự hạ mức" in text
