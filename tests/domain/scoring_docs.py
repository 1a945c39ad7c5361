"""Builders for scoring-contract documents used by the scoring tests."""

from __future__ import annotations

import copy
from typing import Any

WORKED_EXAMPLE: dict[str, Any] = {
    "ruleset": "ND335-2025",
    "person": {"code": "CC-0007", "role": "staff"},
    "period": "2026-Q1",
    "general": {"a": 9, "b": 9, "c": 9},
    "tasks": [
        {"product": "VB-01", "k": 1, "assigned": 10, "completed": 10,
         "quality_failures": 0, "quality_failures_exempt": 0, "delays": 2, "delays_exempt": 0},
        {"product": "BC-02", "k": 2, "assigned": 2, "completed": 2,
         "quality_failures": 1, "quality_failures_exempt": 0, "delays": 0, "delays_exempt": 0},
    ],
    "leadership": None,
}


def period_doc(**changes: Any) -> dict[str, Any]:
    doc = copy.deepcopy(WORKED_EXAMPLE)
    doc.update(changes)
    return doc


def perfect_tasks() -> list[dict[str, Any]]:
    return [{"product": "VB-01", "k": 1, "assigned": 4, "completed": 4}]


def annual_doc(**changes: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "ruleset": "ND335-2025",
        "person": {"code": "CC-0007", "role": "staff"},
        "year": 2026,
        "periods": [{"period": f"2026-Q{q}", "total": 92} for q in range(1, 5)],
        "months_worked": 12,
        "maternity_leave": False,
        "vetoes": [],
    }
    doc.update(changes)
    return doc


def legacy_doc(**changes: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "ruleset": "ND90-2020-ND48-2023",
        "person": {"code": "VC-0001", "role": "staff"},
        "year": 2025,
        "months_worked": 12,
        "maternity_leave": False,
        "vetoes": [],
        "criteria_1_4": "well",
        "tasks_total": 10,
        "tasks_on_time_with_quality": 10,
        "tasks_exceeded": 5,
    }
    doc.update(changes)
    return doc
