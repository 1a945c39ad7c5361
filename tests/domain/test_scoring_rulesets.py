"""Rule sets are data files: id, sha256 of the bytes, effective dates per category."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from importlib import resources

import pytest

from kpi_desktop.domain.scoring import list_rulesets, load_ruleset, ruleset_from_bytes, ruleset_in_force
from kpi_desktop.errors import InputError


def test_the_four_rule_sets_ship_with_their_sha256() -> None:
    ids = {rs.id for rs in list_rulesets()}
    assert ids == {"ND335-2025", "ND233-2026", "QD366-2025", "ND90-2020-ND48-2023"}
    for rs in list_rulesets():
        data = resources.files("kpi_desktop.resources").joinpath("rulesets", f"{rs.id}.json").read_bytes()
        assert rs.sha256 == hashlib.sha256(data).hexdigest()
        # Every parameter that is not [V] says so in a note.
        assert rs.notes, rs.id


def test_changing_a_byte_changes_the_sha256() -> None:
    data = resources.files("kpi_desktop.resources").joinpath("rulesets", "ND335-2025.json").read_bytes()
    changed = ruleset_from_bytes(data.replace(b'"rate": "0.20"', b'"rate": "0.15"'))
    assert changed.sha256 != load_ruleset("ND335-2025").sha256
    assert changed.params["quota"]["rate"] != load_ruleset("ND335-2025").params["quota"]["rate"]


@pytest.mark.parametrize(("category", "on", "expected"), [
    ("cong_chuc", 2025, "ND90-2020-ND48-2023"),
    ("cong_chuc", "2026-Q1", "ND335-2025"),
    ("cong_chuc", date(2026, 1, 1), "ND335-2025"),
    ("vien_chuc", "2026-Q2", "ND90-2020-ND48-2023"),
    ("vien_chuc", "2026-Q3", "ND233-2026"),
    ("vien_chuc", "2026-07", "ND233-2026"),
    ("vien_chuc", 2026, "ND233-2026"),
    ("can_bo", "2025-08-29", "ND90-2020-ND48-2023"),
    ("can_bo", "2025-Q3", "QD366-2025"),
])
def test_ruleset_in_force(category: str, on: object, expected: str) -> None:
    assert ruleset_in_force(category, on).id == expected  # type: ignore[arg-type]


def test_in_force_by_kind_and_errors() -> None:
    with pytest.raises(InputError):
        ruleset_in_force("vien_chuc", "2026-Q2", kind="period")  # ND 90 has no period scoring
    with pytest.raises(InputError) as exc:
        ruleset_in_force("hop_dong", 2026)
    assert exc.value.field == "person.category"
    with pytest.raises(InputError):
        ruleset_in_force("cong_chuc", 2019)


def test_effective_dates_and_categories() -> None:
    legacy = load_ruleset("ND90-2020-ND48-2023")
    assert legacy.effective_to == date(2026, 6, 30)
    assert set(legacy.categories) == {"cong_chuc", "vien_chuc", "can_bo"}
    nd335 = load_ruleset("ND335-2025")
    assert nd335.effective_from == date(2026, 1, 1) and nd335.effective_to is None
    assert nd335.categories == ("cong_chuc",)


def test_rule_set_files_are_nfc_json() -> None:
    import unicodedata

    for rs in list_rulesets():
        text = resources.files("kpi_desktop.resources").joinpath("rulesets", f"{rs.id}.json").read_text("utf-8")
        assert unicodedata.normalize("NFC", text) == text
        assert json.loads(text)["id"] == rs.id
