"""The same figures as the PDFs, as Excel workbooks (openpyxl).

Figures are real numbers (number format 0.00) so the province can sum and filter them. Text typed by
users (names, comments) is always stored as text: a value starting with "=", "+", "-" or "@" would
otherwise be read by Excel as a formula (CSV/formula injection), so such cells are forced to the string
type and carry the quote prefix.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kpi_desktop import __version__
from kpi_desktop.reports.models import (
    RATED_LEVELS,
    AnnualForm,
    AnyReport,
    CommuneReport,
    CountsRow,
    LegacyAnnualForm,
    Level,
    LevelCounts,
    Pair,
    PeriodForm,
    ProvinceReport,
    UnitSummary,
    nfc,
    normalized,
)

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER_FORMAT = "0.00"
FONT = "Times New Roman"  # what Vietnamese offices have; Excel substitutes if missing
THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def put(ws: Worksheet, row: int, col: int, value: Any, *, bold: bool = False, number: bool = False,
        border: bool = False, wrap: bool = False, center: bool = False) -> Cell:
    """Write one cell. Strings never become formulas; Decimals stay exact numbers."""
    cell: Cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        value = nfc(value)
        cell.value = value
        cell.data_type = "s"
        if value.startswith(FORMULA_START):
            cell.quotePrefix = True
    elif isinstance(value, Level):
        cell.value = value.value
        cell.data_type = "s"
    else:
        cell.value = value
        if isinstance(value, Decimal | float) or number:
            cell.number_format = NUMBER_FORMAT
    cell.font = Font(name=FONT, size=12, bold=bold)
    if border:
        cell.border = BORDER
    if wrap or center:
        cell.alignment = Alignment(wrap_text=wrap, horizontal="center" if center else None, vertical="center")
    return cell


def table(ws: Worksheet, top: int, header: Sequence[str], rows: Iterable[Sequence[Any]],
          *, bold_last: bool = False) -> int:
    """A bordered table; returns the next free row."""
    for col, title in enumerate(header, 1):
        put(ws, top, col, title, bold=True, border=True, wrap=True, center=True)
    r = top
    materialised = list(rows)
    for i, values in enumerate(materialised):
        r += 1
        last = bold_last and i == len(materialised) - 1
        for col, value in enumerate(values, 1):
            put(ws, r, col, value, border=True, bold=last, wrap=isinstance(value, str) and col > 1)
    return r + 1


def widths(ws: Worksheet, *chars: int) -> None:
    for i, w in enumerate(chars, 1):
        ws.column_dimensions[get_column_letter(i)].width = w


def _setup(ws: Worksheet, title: str) -> None:
    ws.title = title[:31]
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left, ws.page_margins.right = 30 / 25.4, 15 / 25.4
    ws.page_margins.top, ws.page_margins.bottom = 20 / 25.4, 20 / 25.4


def _heading(ws: Worksheet, agency: str, lines: Sequence[str]) -> int:
    put(ws, 1, 1, agency.upper(), bold=True)
    r = 3
    for line in lines:
        put(ws, r, 1, line, bold=r == 3)
        r += 1
    return r + 1


def _pair(p: Pair) -> list[Decimal | None]:
    return [p.own, p.reviewer]


def period_form_sheet(ws: Worksheet, form: PeriodForm) -> None:
    _setup(ws, "Mẫu 01")
    word = form.category.word
    r = _heading(ws, form.header.agency, [
        f"PHIẾU THEO DÕI, ĐÁNH GIÁ {word.upper()}", f"Kỳ theo dõi, đánh giá: {form.period.label}",
        f"Họ và tên: {form.person.full_name}", f"Chức vụ, chức danh: {form.person.position}",
        f"Đơn vị công tác: {form.person.unit}",
    ])
    put(ws, r, 1, "I. Đánh giá theo tiêu chí chung", bold=True)
    r = table(ws, r + 1, ["TT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm cấp có thẩm quyền"],
              [[line.number, line.label, line.max_points, *_pair(line.points)] for line in form.general]
              + [["", "Cộng", form.general_max, *_pair(form.general_points)]], bold_last=True)
    put(ws, r, 1, "II. Kết quả theo dõi, đánh giá", bold=True)
    rows: list[list[Any]] = [["1", "Điểm tiêu chí chung", *_pair(form.general_points)],
                             ["2", "Điểm kết quả thực hiện nhiệm vụ", *_pair(form.task_points)]]
    rows += [["", c.label, *_pair(c.value)] for c in form.tasks]
    rows += [["", "Tỷ lệ kết quả thực hiện nhiệm vụ T (%)", *_pair(form.task_result)],
             ["3", "Tổng điểm", *_pair(form.total)],
             ["", "Mức tương ứng", form.own_band.label if form.own_band else "",
              form.band.label if form.band else ""]]
    r = table(ws, r + 1, ["TT", "Nội dung", f"{word.capitalize()} tự đánh giá", "Cấp có thẩm quyền đánh giá"], rows)
    for label, value in (("4. Ưu điểm", form.strengths), ("5. Hạn chế, khuyết điểm", form.weaknesses),
                         ("6. Ý kiến nhận xét của cấp có thẩm quyền", form.reviewer_comment)):
        put(ws, r, 1, label, bold=True)
        put(ws, r + 1, 2, value, wrap=True)
        r += 2
    put(ws, r + 1, 2, form.place_date.text())
    widths(ws, 6, 70, 16, 16, 18)


def annual_form_sheet(ws: Worksheet, form: AnnualForm) -> None:
    _setup(ws, "Mẫu 02")
    word = form.category.word
    r = _heading(ws, form.header.agency, [
        f"PHIẾU XẾP LOẠI CHẤT LƯỢNG {word.upper()}", f"Năm {form.year}",
        f"Họ và tên: {form.person.full_name}", f"Chức vụ, chức danh: {form.person.position}",
        f"Đơn vị công tác: {form.person.unit}",
    ])
    put(ws, r, 1, "I. Tổng hợp kết quả theo dõi, đánh giá trong năm", bold=True)
    rows: list[list[Any]] = [[i, p.period.short_label, p.general_points, p.task_points, p.total,
                              p.band.value if p.band else ""] for i, p in enumerate(form.periods, 1)]
    rows.append(["", "Điểm trung bình năm", form.mean_general, form.mean_task, form.mean_total,
                 form.band.value if form.band else ""])
    r = table(ws, r + 1, ["TT", "Kỳ", "Điểm tiêu chí chung", "Điểm kết quả thực hiện nhiệm vụ", "Tổng điểm",
                          "Mức tương ứng"], rows, bold_last=True)
    for label, level in ((f"II. {word.capitalize()} tự xếp loại", form.self_level),
                         ("III. Kết quả xếp loại của cấp có thẩm quyền", form.final_level)):
        put(ws, r, 1, label, bold=True)
        put(ws, r, 3, level.value if level else "", bold=True)
        put(ws, r + 1, 2, level.label if level else "")
        r += 2
    for reason in form.reasons:
        put(ws, r, 2, reason, wrap=True)
        r += 1
    for label, value in (("IV.1 Nhận xét", form.comments), ("IV.2 Đề xuất phương án xử lý", form.proposal)):
        put(ws, r, 1, label, bold=True)
        put(ws, r + 1, 2, value, wrap=True)
        r += 2
    put(ws, r + 1, 2, form.place_date.text())
    widths(ws, 6, 40, 16, 20, 14, 14)


def legacy_form_sheet(ws: Worksheet, form: LegacyAnnualForm) -> None:
    _setup(ws, f"Mẫu {form.form_number}")
    word = form.category.word
    r = _heading(ws, form.header.agency, [
        f"PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG {word.upper()}", f"Năm {form.year}",
        f"Họ và tên: {form.person.full_name}", f"Chức vụ, chức danh: {form.person.position}",
        f"Đơn vị công tác: {form.person.unit}",
    ])
    items = [*form.self_assessment, *form.leader_assessment]
    r = table(ws, r, ["TT", "Nội dung", "Tự đánh giá"],
              [[i, label, answer] for i, (label, answer) in enumerate(items, 1)])
    rows = [["Tự nhận xét ưu, khuyết điểm", form.self_comment],
            ["Tự xếp loại", form.self_level.label if form.self_level else ""],
            ["Ý kiến nhận xét của cấp có thẩm quyền", form.manager_comment],
            ["Nhận xét ưu, khuyết điểm (cấp có thẩm quyền)", form.final_comment],
            ["Kết quả xếp loại", form.final_level.label if form.final_level else ""],
            *[["Căn cứ", reason] for reason in form.reasons]]
    for label, value in rows:
        put(ws, r, 1, label, bold=True)
        put(ws, r, 3, value, wrap=True)
        r += 1
    widths(ws, 6, 50, 70)


def counts_values(label: str, c: LevelCounts) -> list[Any]:
    return [label, c.total, c.htxs, c.htt, c.ht, c.kht, c.not_rated, c.share(Level.HTXS), c.share_htt_or_above]


COUNTS_HEADER = ["Tổng số", "HTXS", "HTT", "HT", "KHT", "Không xếp loại", "Tỷ lệ HTXS (%)",
                 "Tỷ lệ HTT trở lên (%)"]


def counts_sheet(ws: Worksheet, title: str, first: str, rows: Sequence[CountsRow],
                 total: LevelCounts | None, lines: Sequence[str], agency: str) -> None:
    _setup(ws, title)
    r = _heading(ws, agency, lines)
    data = [[i, *counts_values(row.label, row.counts)] for i, row in enumerate(rows, 1)]
    if total is not None:
        data.append(["", *counts_values("Tổng cộng", total)])
    table(ws, r, ["TT", first, *COUNTS_HEADER], data, bold_last=total is not None)
    widths(ws, 6, 34, 10, 9, 9, 9, 9, 12, 12, 14)


def level_sheet(ws: Worksheet, counts: LevelCounts, lines: Sequence[str], agency: str) -> None:
    _setup(ws, "Tổng hợp")
    r = _heading(ws, agency, lines)
    rows: list[list[Any]] = [[level.label, counts.count(level), counts.share(level)] for level in RATED_LEVELS]
    rows += [["Không xếp loại", counts.not_rated, None], ["Tổng số", counts.total, None]]
    table(ws, r, ["Mức xếp loại", "Số người", "Tỷ lệ (%)"], rows, bold_last=True)
    widths(ws, 40, 12, 12)


def unit_summary_sheets(wb: Workbook, summary: UnitSummary) -> None:
    ws = wb.active
    _setup(ws, "Danh sách")
    lines = ["BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG",
             f"CÔNG CHỨC, VIÊN CHỨC NĂM {summary.year}", summary.unit_name]
    r = _heading(ws, summary.header.agency, lines)
    table(ws, r, ["TT", "Họ và tên", "Chức vụ, chức danh", "Đối tượng", "Nhóm nhiệm vụ", "Điểm trung bình năm",
                  "Mức xếp loại", "Ghi chú"],
          [[i, row.full_name, row.position, row.category.word, row.group, row.mean,
            (row.level or Level.NOT_RATED).short, row.note] for i, row in enumerate(summary.rows, 1)])
    widths(ws, 6, 30, 26, 12, 16, 14, 14, 24)
    ws.freeze_panes = ws.cell(row=r + 1, column=1)
    level_sheet(wb.create_sheet(), summary.counts, [*lines, *summary.quota_notes], summary.header.agency)


def commune_report_sheets(wb: Workbook, report: CommuneReport) -> None:
    lines = [f"BÁO CÁO KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM {report.year}", report.commune,
             f"Kính gửi: {report.recipient}", report.document_number, report.place_date.text()]
    level_sheet(wb.active, report.totals, lines, report.header.agency)
    counts_sheet(wb.create_sheet(), "Theo đối tượng", "Đối tượng", report.by_category, report.totals, lines,
                 report.header.agency)
    counts_sheet(wb.create_sheet(), "Theo đơn vị", "Cơ quan, đơn vị", report.by_unit, None, lines,
                 report.header.agency)


def province_report_sheets(wb: Workbook, report: ProvinceReport) -> None:
    lines = [f"BÁO CÁO TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM {report.year}",
             f"Tỉnh {report.province}", report.document_number, report.place_date.text()]
    level_sheet(wb.active, report.totals, lines, report.header.agency)
    counts_sheet(wb.create_sheet(), "Theo xã", "Xã, phường, đặc khu", report.communes, report.totals,
                 [*lines, *(["Đơn vị chưa gửi số liệu: " + ", ".join(report.missing)] if report.missing else [])],
                 report.header.agency)


def period_forms_table(wb: Workbook, forms: Sequence[PeriodForm]) -> None:
    """One row per person: every figure of a batch of period forms (the clerk's checking sheet)."""
    ws = wb.active
    _setup(ws, "Kết quả kỳ")
    header = ["TT", "Họ và tên", "Chức vụ, chức danh", "Đơn vị", "Kỳ", "Điểm TCC tự chấm", "Điểm TCC được duyệt",
              "a (%)", "b (%)", "c (%)", "d (%)", "đ (%)", "e (%)", "T (%)", "Điểm KQTHNV", "Tổng điểm tự chấm",
              "Tổng điểm", "Mức"]
    rows = []
    for i, f in enumerate(forms, 1):
        comp = {c.key: c.value.final for c in f.tasks}
        rows.append([i, f.person.full_name, f.person.position, f.person.unit, f.period.short_label,
                     f.general_points.own, f.general_points.final,
                     *[comp.get(k) for k in ("a", "b", "c", "d", "đ", "e")],
                     f.task_result.final, f.task_points.final, f.total.own, f.total.final,
                     f.band.value if f.band else ""])
    top = _heading(ws, forms[0].header.agency if forms else "", ["KẾT QUẢ THEO DÕI, ĐÁNH GIÁ THEO KỲ"])
    table(ws, top, header, rows)
    widths(ws, 6, 28, 22, 22, 14, *([11] * 12), 8)
    ws.freeze_panes = ws.cell(row=top + 1, column=3)


def workbook_for(model: AnyReport | Sequence[PeriodForm]) -> Workbook:
    wb = Workbook()
    if isinstance(model, list | tuple):
        period_forms_table(wb, [normalized(f) for f in model])
        subject = "Kết quả theo dõi, đánh giá theo kỳ"
    else:
        model = normalized(model)
        if isinstance(model, PeriodForm):
            period_form_sheet(wb.active, model)
        elif isinstance(model, AnnualForm):
            annual_form_sheet(wb.active, model)
        elif isinstance(model, LegacyAnnualForm):
            legacy_form_sheet(wb.active, model)
        elif isinstance(model, UnitSummary):
            unit_summary_sheets(wb, model)
        elif isinstance(model, CommuneReport):
            commune_report_sheets(wb, model)
        elif isinstance(model, ProvinceReport):
            province_report_sheets(wb, model)
        else:  # pragma: no cover - the type union is closed
            raise TypeError(type(model))
        subject = type(model).__name__
    wb.properties.creator = f"KPI Desktop {__version__}"
    wb.properties.subject = subject
    return wb


def render_xlsx(model: AnyReport | Sequence[PeriodForm]) -> bytes:
    buffer = io.BytesIO()
    workbook_for(model).save(buffer)
    return buffer.getvalue()


__all__ = ["put", "render_xlsx", "workbook_for"]
