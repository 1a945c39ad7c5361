"""Golden layout: page count and where the key labels sit on the page stay as they are.

A deliberate layout change regenerates the expectations with `KPI_UPDATE_GOLDEN=1 pytest tests/reports`
(then review the diff of tests/reports/golden/layout.json and the rendered pages)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from reports_pdfcheck import find_phrase, words

from kpi_desktop.reports.models import Category
from kpi_desktop.reports.render import write_report
from kpi_desktop.reports.specimen import (
    specimen_annual_form,
    specimen_commune_report,
    specimen_legacy_form,
    specimen_period_form,
    specimen_province_report,
    specimen_unit_summary,
)

GOLDEN = Path(__file__).with_name("golden") / "layout.json"
TOLERANCE = 1.5  # points

CASES: dict[str, tuple[Callable[[], Any], list[str]]] = {
    "period_staff": (lambda: specimen_period_form(3), [
        "Mẫu số 01", "CỘNG HÒA XÃ HỘI", "Độc lập - Tự do", "PHIẾU THEO DÕI, ĐÁNH GIÁ", "Họ và tên:",
        "I. ĐÁNH GIÁ THEO", "II. KẾT QUẢ THEO", "Tổng điểm (1 + 2)", "4. Ưu điểm:", "6. Ý kiến nhận xét",
        "CÔNG CHỨC TỰ ĐÁNH GIÁ", "Trần Quốc Hưng"]),
    "period_leader_vc": (lambda: specimen_period_form(5, leader=True, category=Category.VIEN_CHUC), [
        "PHIẾU THEO DÕI, ĐÁNH GIÁ VIÊN CHỨC", "e – Năng lực", "Tổng điểm (1 + 2)", "VIÊN CHỨC TỰ ĐÁNH GIÁ"]),
    "annual": (lambda: specimen_annual_form(3, veto=True), [
        "Mẫu số 02", "PHIẾU XẾP LOẠI CHẤT LƯỢNG", "I. TỔNG HỢP KẾT QUẢ", "Trung bình năm",
        "II. CÔNG CHỨC TỰ XẾP LOẠI", "III. KẾT QUẢ XẾP LOẠI", "IV. Ý KIẾN NHẬN XÉT", "CÔNG CHỨC TỰ XẾP LOẠI"]),
    "legacy_vc_leader": (lambda: specimen_legacy_form(6, category=Category.VIEN_CHUC, leader=True), [
        "Mẫu số 03", "PHIẾU ĐÁNH GIÁ, XẾP LOẠI", "I. KẾT QUẢ TỰ ĐÁNH GIÁ", "7. Kết quả hoạt động",
        "II. TỰ NHẬN XÉT,", "III. Ý KIẾN NHẬN XÉT", "IV. KẾT QUẢ ĐÁNH GIÁ,"]),
    "unit_summary_40": (lambda: specimen_unit_summary(40), [
        "BẢNG TỔNG HỢP KẾT QUẢ", "I. KẾT QUẢ CỦA TỪNG NGƯỜI", "II. TỔNG HỢP", "TM. ỦY BAN NHÂN DÂN"]),
    "commune": (lambda: specimen_commune_report(), [
        "Số: 125/BC-UBND", "BÁO CÁO", "Kính gửi:", "I. TỔNG HỢP CHUNG", "II. KẾT QUẢ THEO ĐỐI TƯỢNG",
        "III. KẾT QUẢ THEO CƠ", "Nơi nhận:"]),
    "province": (lambda: specimen_province_report(12), [
        "SỞ NỘI VỤ", "BÁO CÁO", "I. TỔNG HỢP TOÀN TỈNH", "Cơ cấu mức xếp loại", "II. KẾT QUẢ THEO ĐƠN VỊ",
        "Tỷ lệ các mức xếp loại", "III. NHẬN XÉT, KIẾN NGHỊ", "GIÁM ĐỐC"]),
}


def measure(pdf: Path, labels: list[str]) -> dict[str, Any]:
    all_words, sizes = words(pdf)
    found: dict[str, Any] = {}
    for label in labels:
        word = find_phrase(all_words, label)
        assert word is not None, f"label {label!r} not found"
        found[label] = [word.page, round(word.x, 1), round(word.y, 1)]
    return {"pages": len(sizes), "labels": found}


def test_layout_matches_golden(tmp_path: Path) -> None:
    measured = {name: measure(write_report(build(), tmp_path / f"{name}.pdf"), labels)
                for name, (build, labels) in CASES.items()}
    if os.environ.get("KPI_UPDATE_GOLDEN") == "1" or not GOLDEN.exists():
        if not os.environ.get("KPI_UPDATE_GOLDEN"):
            pytest.fail(f"{GOLDEN} is missing: run with KPI_UPDATE_GOLDEN=1 to create it")
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(measured, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert set(measured) == set(expected)
    for name, got in measured.items():
        want = expected[name]
        assert got["pages"] == want["pages"], f"{name}: page count changed"
        for label, (page, x, y) in want["labels"].items():
            g_page, g_x, g_y = got["labels"][label]
            assert g_page == page, f"{name}: {label!r} moved to page {g_page} (was {page})"
            assert abs(g_x - x) <= TOLERANCE and abs(g_y - y) <= TOLERANCE, (
                f"{name}: {label!r} moved to ({g_x}, {g_y}) from ({x}, {y})")
