"""Evaluation records inside a results bundle: their shape, their checks, and the recomputation.

One line of records.jsonl:

    {"kind": "period" | "annual", "unit_code": "26734", "period": "2026-Q1",
     "person": {"code": "CC-0007", "full_name": "Nguyễn Văn A", "position": "…"},
     "input": {… the scoring contract's input …}, "result": {… the engine's output …},
     "approved_by": "…", "approved_at": "2026-04-02T08:00:00+07:00"}

On import every record is recomputed with `kpi_desktop.domain.scoring` and each difference between
the sent result and the recomputed one becomes a flag (the record is still stored, flagged).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from kpi_desktop.errors import KpiError
from kpi_desktop.exchange.reasons import BundleRejected

PERIOD_KINDS = ("period", "annual")
# result field → (minimum, maximum) for a score to be in range
RESULT_RANGES: dict[str, tuple[int, int]] = {
    "a": (0, 100), "b": (0, 100), "c": (0, 100), "d": (0, 100), "dd": (0, 100), "e": (0, 100),
    "task_result": (0, 100), "task_points": (0, 70), "general_points": (0, 30), "total": (0, 100),
    "mean": (0, 100),
}
# Result fields that must be present and equal to the recomputation; others are compared when sent.
ESSENTIAL = {"period": ("total", "band"), "annual": ("mean", "band", "level")}
COUNT_FIELDS = ("assigned", "completed", "quality_failures", "quality_failures_exempt", "delays", "delays_exempt")


@dataclass
class RecordCheck:
    """One record after validation, with the recomputation flags."""

    record: dict[str, Any]
    flags: list[dict[str, Any]] = field(default_factory=list)

    @property
    def person_code(self) -> str:
        return str(self.record["person"]["code"])


def _num(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _in_range(value: Any, lo: int, hi: int, where: str) -> None:
    if value is None:
        return
    num = _num(value)
    if num is None:
        raise BundleRejected("record_invalid", f"{where} không phải số")
    if not (lo <= num <= hi):
        raise BundleRejected("score_out_of_range", f"{where} = {value}")


def _check_input_ranges(kind: str, data: dict[str, Any], where: str) -> None:
    if kind == "period":
        general = data.get("general")
        if isinstance(general, dict):
            for part, value in general.items():
                _in_range(value, 0, 30, f"{where}.input.general.{part}")
            total = sum((_num(v) or Decimal(0)) for v in general.values())
            if total > 30:
                raise BundleRejected("score_out_of_range", f"{where}.input.general tổng {total}")
        tasks = data.get("tasks")
        if isinstance(tasks, list):
            for i, task in enumerate(tasks):
                if not isinstance(task, dict):
                    raise BundleRejected("record_invalid", f"{where}.input.tasks[{i}]")
                for name in COUNT_FIELDS:
                    value = task.get(name, 0)
                    num = _num(value)
                    if num is None or num < 0 or num > 100000:
                        raise BundleRejected("score_out_of_range", f"{where}.input.tasks[{i}].{name} = {value}")
                k = _num(task.get("k", 1))
                if k is None or k <= 0 or k > 1000:
                    raise BundleRejected("score_out_of_range", f"{where}.input.tasks[{i}].k")
    else:
        for i, p in enumerate(data.get("periods") or []):
            if isinstance(p, dict):
                _in_range(p.get("total"), 0, 100, f"{where}.input.periods[{i}].total")
        _in_range(data.get("months_worked"), 0, 12, f"{where}.input.months_worked")


def validate_records(records: Sequence[Any], *, unit_code: str, period: str, record_count: int,
                     known_rulesets: Callable[[str], bool]) -> list[RecordCheck]:
    """Step 7 (schema and meaning) for a results bundle's records. Raises BundleRejected."""
    if len(records) != record_count:
        raise BundleRejected("record_count_mismatch", f"{len(records)} ≠ {record_count}")
    seen: set[tuple[str, str]] = set()
    out: list[RecordCheck] = []
    for n, rec in enumerate(records, 1):
        where = f"records.jsonl:{n}"
        if not isinstance(rec, dict):
            raise BundleRejected("record_invalid", where)
        kind = rec.get("kind")
        person = rec.get("person")
        data = rec.get("input")
        result = rec.get("result")
        if (kind not in PERIOD_KINDS or not isinstance(person, dict) or not isinstance(person.get("code"), str)
                or not isinstance(person.get("full_name"), str) or not isinstance(data, dict)
                or not isinstance(result, dict) or not isinstance(rec.get("unit_code"), str)):
            raise BundleRejected("record_invalid", where)
        if rec["unit_code"] != unit_code:
            raise BundleRejected("foreign_staff", f"{where}: {person['code']} thuộc đơn vị {rec['unit_code']}")
        in_person = data.get("person")
        if isinstance(in_person, dict) and in_person.get("code") not in (None, person["code"]):
            raise BundleRejected("record_invalid", f"{where}: mã người trong input khác")
        if rec.get("period") != period:
            raise BundleRejected("period_mismatch", f"{where}: {rec.get('period')}")
        if kind == "period" and data.get("period") not in (None, period):
            raise BundleRejected("period_mismatch", f"{where}: {data.get('period')}")
        key = (kind, person["code"])
        if key in seen:
            raise BundleRejected("duplicate_staff", f"{where}: {person['code']}")
        seen.add(key)
        ruleset = data.get("ruleset")
        if not isinstance(ruleset, str) or not known_rulesets(ruleset):
            raise BundleRejected("unknown_ruleset", f"{where}: {ruleset}")
        for name, (lo, hi) in RESULT_RANGES.items():
            _in_range(result.get(name), lo, hi, f"{where}.result.{name}")
        _check_input_ranges(kind, data, where)
        out.append(RecordCheck(rec))
    return out


# ---------------------------------------------------------------------------------------------
# Recomputation with the one scoring engine


def _engine() -> Any | None:
    try:
        return importlib.import_module("kpi_desktop.domain.scoring")
    except ImportError:
        return None


def known_ruleset_ids() -> tuple[str, ...] | None:
    """The rule sets the scoring engine knows, or None when the engine is not installed."""
    try:
        mod = importlib.import_module("kpi_desktop.domain.scoring.rulesets")
    except ImportError:
        return None
    return tuple(mod.ruleset_ids())


# The contract's rule sets, used only while the scoring engine is not installed.
CONTRACT_RULESETS = ("ND335-2025", "ND233-2026", "QD366-2025", "ND90-2020-ND48-2023")


def is_known_ruleset(ruleset_id: str) -> bool:
    ids = known_ruleset_ids()
    return ruleset_id in (ids if ids is not None else CONTRACT_RULESETS)


def _same(sent: Any, recomputed: Any) -> bool:
    if sent == recomputed:
        return True
    a, b = _num(sent), _num(recomputed)
    return a is not None and b is not None and a == b


def recompute(check: RecordCheck) -> RecordCheck:
    """Run the scoring engine on the record's input and flag every field that differs."""
    engine = _engine()
    rec = check.record
    if engine is None:
        check.flags.append({"field": "*", "problem": "engine_unavailable",
                            "message": "Không kiểm tra lại được: chưa có bộ máy chấm điểm."})
        return check
    func = engine.score_period if rec["kind"] == "period" else engine.score_annual
    try:
        fresh = func(rec["input"])
    except KpiError as exc:
        check.flags.append({"field": exc.field or "*", "problem": "input_rejected",
                            "message": f"Bộ máy chấm điểm từ chối dữ liệu: {exc.message}"})
        return check
    sent = rec["result"]
    essential = ESSENTIAL[rec["kind"]]
    for name, value in sorted(dict(fresh).items()):
        if name == "engine_version" or (name not in sent and name not in essential):
            continue  # the sender may omit explanations; what it sent, and the outcome, must match
        if not _same(sent.get(name), value):
            check.flags.append({"field": name, "problem": "differs", "sent": sent.get(name),
                                "recomputed": value,
                                "message": f"Kết quả «{name}» gửi lên {_show(sent.get(name))} khác kết quả tính lại {_show(value)}."})
    return check


def _show(value: Any) -> str:
    return "(không có)" if value is None else str(value)
