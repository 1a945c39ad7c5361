"""The Excel versions: the same figures as real numbers, and user text that can never become a formula."""

from __future__ import annotations

import dataclasses
import zipfile
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from kpi_desktop.reports.models import Level, PersonInfo
from kpi_desktop.reports.render import write_report
from kpi_desktop.reports.specimen import (
    specimen_annual_form,
    specimen_commune_report,
    specimen_legacy_form,
    specimen_period_form,
    specimen_province_report,
    specimen_unit_summary,
)

HOSTILE = ["=HYPERLINK(\"http://x\",\"bấm\")", "+1+2", "-3*4", "@SUM(A1)", "=cmd|' /C calc'!A0"]


def cells(path: Path) -> dict[str, list[tuple[object, str]]]:
    wb = load_workbook(path)
    return {ws.title: [(c.value, c.data_type) for row in ws.iter_rows() for c in row if c.value is not None]
            for ws in wb.worksheets}


def test_period_form_figures_are_numbers(tmp_path: Path) -> None:
    form = specimen_period_form(3)
    data = cells(write_report(form, tmp_path / "p.xlsx"))["Mẫu 01"]
    values = [v for v, _t in data]
    numbers = [v for v, t in data if t == "n"]
    assert f"Họ và tên: {form.person.full_name}" in values
    for pair in (form.total, form.general_points, form.task_points, form.task_result, *[c.value for c in form.tasks]):
        assert float(pair.own) in numbers and float(pair.reviewer) in numbers  # type: ignore[arg-type]
    assert form.band is not None and form.band.label in values


def test_user_text_never_becomes_a_formula(tmp_path: Path) -> None:
    form = dataclasses.replace(specimen_period_form(1), person=PersonInfo(HOSTILE[0], HOSTILE[1], HOSTILE[2]),
                               strengths=HOSTILE[3], weaknesses=HOSTILE[4])
    summary = specimen_unit_summary(3)
    summary = dataclasses.replace(summary, rows=tuple(dataclasses.replace(r, full_name=h, note=h)
                                                      for r, h in zip(summary.rows, HOSTILE, strict=False)))
    for model, name in ((form, "p.xlsx"), (summary, "u.xlsx")):
        path = write_report(model, tmp_path / name)
        with zipfile.ZipFile(path) as zf:
            xml = "".join(zf.read(n).decode("utf-8") for n in zf.namelist() if n.startswith("xl/worksheets/"))
        assert "<f>" not in xml and "<f " not in xml  # no formula anywhere in the file
        wb = load_workbook(path)
        texts = {c.value: c for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
        for hostile in HOSTILE[:3] if name == "u.xlsx" else HOSTILE:
            found = [c for v, c in texts.items() if hostile in v]
            assert found, hostile
            for c in found:
                assert c.data_type == "s"
                if c.value.startswith(("=", "+", "-", "@")):
                    assert c.quotePrefix


def test_unit_summary_workbook(tmp_path: Path) -> None:
    summary = specimen_unit_summary(40)
    wb = load_workbook(write_report(summary, tmp_path / "u.xlsx"))
    assert wb.sheetnames == ["Danh sách", "Tổng hợp"]
    rows = [[c.value for c in row] for row in wb["Danh sách"].iter_rows()]
    people = [r for r in rows if isinstance(r[0], int)]
    assert [r[1] for r in people] == [r.full_name for r in summary.rows]
    for got, row in zip(people, summary.rows, strict=True):
        assert (Decimal(str(got[5])) if got[5] is not None else None) == row.mean
        assert got[6] == (row.level or Level.NOT_RATED).short
    totals = {r[0]: r[1:] for r in ([c.value for c in row] for row in wb["Tổng hợp"].iter_rows()) if r[0]}
    counts = summary.counts
    assert totals[Level.HTT.label][0] == counts.htt
    assert Decimal(str(totals[Level.HTT.label][1])) == counts.share(Level.HTT)
    assert totals["Tổng số"][0] == 40


def test_reports_and_legacy_workbooks(tmp_path: Path) -> None:
    province = specimen_province_report(12)
    wb = load_workbook(write_report(province, tmp_path / "v.xlsx"))
    rows = [[c.value for c in row] for row in wb["Theo xã"].iter_rows()]
    by_name = {r[1]: r for r in rows if isinstance(r[0], int) or r[1] == "Tổng cộng"}
    for row in province.communes:
        got = by_name[row.label]
        assert got[2:8] == [row.counts.total, row.counts.htxs, row.counts.htt, row.counts.ht, row.counts.kht,
                            row.counts.not_rated]
    assert by_name["Tổng cộng"][2] == province.totals.total
    commune = load_workbook(write_report(specimen_commune_report(), tmp_path / "c.xlsx"))
    assert commune.sheetnames == ["Tổng hợp", "Theo đối tượng", "Theo đơn vị"]
    annual = specimen_annual_form(2)
    values = [c.value for row in load_workbook(write_report(annual, tmp_path / "a.xlsx")).active.iter_rows() for c in row]
    assert float(annual.mean_total) in values  # type: ignore[arg-type]
    legacy = specimen_legacy_form(1)
    values = [c.value for row in load_workbook(write_report(legacy, tmp_path / "l.xlsx")).active.iter_rows() for c in row]
    assert legacy.self_assessment[4][1] in values


def test_batch_table_of_period_forms(tmp_path: Path) -> None:
    forms = [specimen_period_form(i) for i in range(8)]
    ws = load_workbook(write_report(forms, tmp_path / "t.xlsx")).active
    rows = [[c.value for c in row] for row in ws.iter_rows() if isinstance(row[0].value, int)]
    assert [r[1] for r in rows] == [f.person.full_name for f in forms]
    assert [Decimal(str(r[16])) for r in rows] == [f.total.final for f in forms]
