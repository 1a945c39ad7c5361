"""`kpi score …`: contract JSON out, exit 2 with the field named on bad input, --explain."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from scoring_docs import WORKED_EXAMPLE, annual_doc, period_doc

from kpi_desktop.cli import main


def _write(tmp_path: Path, doc: Any, name: str = "in.json") -> str:
    path = tmp_path / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_score_period_writes_the_contract_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", "period", _write(tmp_path, WORKED_EXAMPLE)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["total"] == "95.33" and out["band"] == "HTXS" and out["b"] == "96.43"


def test_score_reads_standard_input() -> None:
    proc = subprocess.run([sys.executable, "-m", "kpi_desktop", "score", "annual", "-"],
                          input=json.dumps(annual_doc()), capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["level"] == "HTXS"


def _bad(task_change: dict[str, Any] | None = None, **changes: Any) -> dict[str, Any]:
    doc = period_doc(**changes)
    if task_change:
        doc["tasks"][0].update(task_change)
    return doc


@pytest.mark.parametrize(("doc", "field"), [
    (_bad({"assigned": -1}), "tasks[0].assigned"),
    (_bad({"completed": -3}), "tasks[0].completed"),
    (_bad({"k": 0}), "tasks[0].k"),
    (_bad({"k": -1}), "tasks[0].k"),
    (_bad(general={"a": 10, "b": 10, "c": 10.5}), "general.c"),
    (_bad(ruleset="ND000-1999"), "ruleset"),
    (_bad(person={"code": "X", "role": "giam_doc"}), "person.role"),
    (_bad(person={"code": "X", "role": "head"}), "leadership"),
    (_bad(tasks=[]), "tasks"),
    ('{"ruleset": "ND335-2025", "tasks": [', "$"),
    ("[1, 2]", "$"),
    ('{"ruleset": "ND335-2025", "general": {"a": NaN}}', "$"),
])
def test_bad_input_exits_2_naming_the_field(tmp_path: Path, capsys: pytest.CaptureFixture[str], doc: Any,
                                            field: str) -> None:
    assert main(["score", "period", _write(tmp_path, doc)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"[{field}]" in captured.err
    assert "Traceback" not in captured.err


def test_bad_input_through_a_real_process(tmp_path: Path) -> None:
    path = _write(tmp_path, _bad({"k": 0}))
    proc = subprocess.run([sys.executable, "-m", "kpi_desktop", "score", "period", path],
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 2
    assert "tasks[0].k" in proc.stderr and "Hệ số quy đổi k" in proc.stderr
    assert proc.stdout == ""


def test_missing_file_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", "quota", str(tmp_path / "khong-co.json")]) == 2
    assert "Không tìm thấy tệp" in capsys.readouterr().err


def test_explain_prints_vietnamese_steps(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", "period", "--explain", _write(tmp_path, WORKED_EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1. Bộ quy tắc ND335-2025")
    assert "c (tiến độ) = 100 × 13,5 / 14 = 96,43%" in out


def test_explain_in_english_keeps_vietnamese_steps_but_help_is_english(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KPI_LANG", "en")
    with pytest.raises(SystemExit):
        main(["score", "--help"])
    out = capsys.readouterr().out
    assert "Usage: kpi score" in out and "contract" in out


def test_rulesets_listing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", "rulesets", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["id"] for r in rows} >= {"ND335-2025", "ND90-2020-ND48-2023"}
    assert all(len(r["sha256"]) == 64 for r in rows)
