"""The printed forms, read back with poppler and pypdf: every name, figure and level is there exactly,
the Vietnamese is intact, fonts are embedded, qpdf accepts the file, the page is A4 with ND 30 margins."""

from __future__ import annotations

import dataclasses
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from reports_pdfcheck import (
    assert_clean_vietnamese,
    flat,
    pdffonts,
    pdftotext,
    pypdf_text,
    qpdf_check,
    words,
)

from kpi_desktop.reports.models import (
    Category,
    Level,
    Pair,
    PeriodRef,
    PersonInfo,
    fmt_number,
)
from kpi_desktop.reports.render import render_pdf, write_report
from kpi_desktop.reports.specimen import (
    specimen_annual_form,
    specimen_commune_report,
    specimen_legacy_form,
    specimen_period_form,
    specimen_province_report,
    specimen_unit_summary,
)

MM = 72 / 25.4


def write(tmp_path: Path, model: object, name: str = "out.pdf") -> Path:
    return write_report(model, tmp_path / name)  # type: ignore[arg-type]


def layout_line(text: str, label: str) -> str:
    lines = [line for line in text.splitlines() if label in line]
    assert lines, f"no line with {label!r}"
    return " ".join(lines[0].split())


def check_file(pdf: Path) -> None:
    """Properties every generated PDF must have."""
    fonts = pdffonts(pdf)
    assert fonts, "no fonts in the PDF"
    for font in fonts:
        assert font.embedded and font.subset and font.unicode, font
        assert "DejaVu" in font.name, font
    check = qpdf_check(pdf)
    assert check.returncode == 0, check.stdout + check.stderr
    all_words, sizes = words(pdf)
    for width, height in sizes:
        assert abs(width - 595.28) < 0.5 and abs(height - 841.89) < 0.5  # A4 portrait
    body = [w for w in all_words if not (w.y < 20 * MM and w.text.isdigit())]  # page numbers sit in the top margin
    assert min(w.x for w in body) >= 30 * MM - 0.5  # left margin 30 mm
    assert min(w.y for w in body) >= 20 * MM - 0.5  # top margin 20 mm
    text = pdftotext(pdf)
    assert_clean_vietnamese(text)


def test_period_form_shows_every_figure(tmp_path: Path) -> None:
    form = specimen_period_form(3)
    pdf = write(tmp_path, form)
    check_file(pdf)
    text = flat(pdftotext(pdf))
    layout = pdftotext(pdf, layout=True)
    for phrase in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                   "ỦY BAN NHÂN DÂN XÃ AN BÌNH", "PHIẾU THEO DÕI, ĐÁNH GIÁ CÔNG CHỨC",
                   "Kỳ theo dõi, đánh giá: Quý I năm 2026", f"Họ và tên: {form.person.full_name}",
                   f"Chức vụ, chức danh: {form.person.position}", f"Đơn vị công tác: {form.person.unit}",
                   "Nghị định số 335/2025/NĐ-CP", "An Bình, ngày 31 tháng 3 năm 2026",
                   "CÔNG CHỨC TỰ ĐÁNH GIÁ", "CẤP CÓ THẨM QUYỀN THEO DÕI,", "Trần Quốc Hưng",
                   form.strengths, form.weaknesses, form.reviewer_comment, "(a + b + c) / 3"):
        assert phrase in text, phrase
    assert "d – Kết quả hoạt động" not in text  # not a leader
    # Each table row carries its own figures, in order: own, then the competent level's.
    total = layout_line(layout, "Tổng điểm (1 + 2)")
    assert total.endswith(f"{fmt_number(form.total.own)} {fmt_number(form.total.reviewer)}")
    general = layout_line(layout, "Cộng")
    assert general.endswith(f"30,00 {fmt_number(form.general_points.own)} {fmt_number(form.general_points.reviewer)}")
    for comp in form.tasks:
        assert f"{fmt_number(comp.value.own)} {fmt_number(comp.value.reviewer)}" in text, comp.key
    for pair in (form.task_points, form.task_result):
        assert f"{fmt_number(pair.own)} {fmt_number(pair.reviewer)}" in text
    for line in form.general:
        assert f"10,00 {fmt_number(line.points.own)} {fmt_number(line.points.reviewer)}" in text
    assert form.band is not None
    assert (f"Tổng điểm do cấp có thẩm quyền đánh giá: {fmt_number(form.total.reviewer)} điểm, "
            f"tương ứng mức {form.band.label.lower()}.") in text
    band_row = layout_line(layout, "Mức tương ứng với tổng điểm")
    assert band_row.endswith(f"{form.own_band.value} {form.band.value}")  # type: ignore[union-attr]
    # A second, independent reader agrees on the person and the total.
    second = flat(pypdf_text(pdf))
    assert form.person.full_name in second
    assert fmt_number(form.total.reviewer) in second


def test_leader_and_vien_chuc_variant(tmp_path: Path) -> None:
    form = specimen_period_form(5, leader=True, category=Category.VIEN_CHUC)
    pdf = write(tmp_path, form)
    check_file(pdf)
    text = flat(pdftotext(pdf))
    for phrase in ("PHIẾU THEO DÕI, ĐÁNH GIÁ VIÊN CHỨC", "Nghị định số 233/2026/NĐ-CP", "VIÊN CHỨC TỰ ĐÁNH GIÁ",
                   "(a + b + c + d + đ + e) / 6", "đ – Năng lực tổ chức triển khai thực hiện nhiệm vụ (%)",
                   "e – Năng lực tập hợp, đoàn kết công chức, viên chức (%)", "Trưởng phòng"):
        assert phrase in text, phrase
    assert [c.key for c in form.tasks] == ["a", "b", "c", "d", "đ", "e"]
    for comp in form.tasks:
        assert f"{fmt_number(comp.value.own)} {fmt_number(comp.value.reviewer)}" in text


def test_can_bo_under_qd366(tmp_path: Path) -> None:
    from kpi_desktop.reports.models import Regime

    form = dataclasses.replace(specimen_period_form(8), regime=Regime.QD366, category=Category.CAN_BO)
    text = flat(pdftotext(write(tmp_path, form)))
    assert "PHIẾU THEO DÕI, ĐÁNH GIÁ CÁN BỘ" in text
    assert "(Phụ lục, Quy định số 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị)" in text
    assert "CÁN BỘ TỰ ĐÁNH GIÁ" in text


def test_monthly_period_and_unfilled_fields(tmp_path: Path) -> None:
    form = dataclasses.replace(
        specimen_period_form(1, period=PeriodRef(2026, "month", 2)),
        total=Pair(Decimal("88.50"), None), band=None, strengths="", weaknesses="", reviewer_comment="",
        person=PersonInfo("Lê Văn Bình", "", "Phòng Kinh tế"),
    )
    pdf = write(tmp_path, form)
    check_file(pdf)
    text = flat(pdftotext(pdf))
    assert "Kỳ theo dõi, đánh giá: Tháng 2 năm 2026" in text
    assert "Tổng điểm (1 + 2) 88,50" in text  # the competent level has not scored yet: blank cell
    assert "Chức vụ, chức danh: ……" in text  # dotted line to fill in by hand
    assert "4. Ưu điểm: ……" in text


def test_text_is_normalised_and_never_markup(tmp_path: Path) -> None:
    nfd_name = unicodedata.normalize("NFD", "Nguyễn Thị Ánh Tuyết")
    form = dataclasses.replace(
        specimen_period_form(2),
        person=PersonInfo(nfd_name, "Chuyên viên", "Phòng Tư pháp"),
        strengths="Dùng <b>thẻ</b> & ký hiệu <br/> như chữ; =SUM(A1:A9)",
    )
    pdf = write(tmp_path, form)
    text = flat(pdftotext(pdf))
    assert "Nguyễn Thị Ánh Tuyết" in text
    assert nfd_name not in text
    assert "Dùng <b>thẻ</b> & ký hiệu <br/> như chữ; =SUM(A1:A9)" in text
    assert_clean_vietnamese(text)


def test_annual_form_periods_mean_and_levels(tmp_path: Path) -> None:
    form = specimen_annual_form(3, veto=True)
    assert form.final_level is Level.KHT and form.band is not Level.KHT
    pdf = write(tmp_path, form)
    check_file(pdf)
    layout = pdftotext(pdf, layout=True)
    text = flat(pdftotext(pdf))
    for phrase in ("PHIẾU XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC", "Năm 2026", f"Họ và tên: {form.person.full_name}",
                   "II. CÔNG CHỨC TỰ XẾP LOẠI CHẤT LƯỢNG", "III. KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG CỦA CẤP CÓ THẨM QUYỀN",
                   "IV. Ý KIẾN NHẬN XÉT VÀ ĐỀ XUẤT PHƯƠNG ÁN XỬ LÝ", form.comments, form.proposal,
                   *form.reasons, "An Bình, ngày 10 tháng 12 năm 2026"):
        assert phrase in text, phrase
    for row in form.periods:
        line = layout_line(layout, row.period.short_label)
        assert line.endswith(f"{fmt_number(row.general_points)} {fmt_number(row.task_points)} "
                             f"{fmt_number(row.total)} {row.band.value if row.band else ''}".strip())
    mean = layout_line(layout, "Trung bình năm")
    assert f"{fmt_number(form.mean_general)} {fmt_number(form.mean_task)} {fmt_number(form.mean_total)}" in mean
    # Exactly two ticked boxes: the person's own level and the competent level's decision.
    assert text.count("☒") == 2
    assert f"☒ {form.self_level.label}" in text  # type: ignore[union-attr]
    assert "☒ Không hoàn thành nhiệm vụ" in text
    assert text.count("☐") == 6


def test_annual_form_vien_chuc_not_rated(tmp_path: Path) -> None:
    form = dataclasses.replace(specimen_annual_form(4, category=Category.VIEN_CHUC),
                               final_level=Level.NOT_RATED,
                               reasons=("Thời gian công tác trong năm dưới 6 tháng.",))
    pdf = write(tmp_path, form)
    text = flat(pdftotext(pdf))
    assert "PHIẾU XẾP LOẠI CHẤT LƯỢNG VIÊN CHỨC" in text
    assert "Nghị định số 233/2026/NĐ-CP" in text
    assert "☒ Không xếp loại (chưa đủ thời gian công tác)" in text
    assert "Thời gian công tác trong năm dưới 6 tháng." in text


@pytest.mark.parametrize(("category", "number", "word"), [(Category.CONG_CHUC, "02", "CÔNG CHỨC"),
                                                           (Category.VIEN_CHUC, "03", "VIÊN CHỨC")])
def test_legacy_nd90_forms(tmp_path: Path, category: Category, number: str, word: str) -> None:
    form = specimen_legacy_form(6, category=category, leader=True)
    pdf = write(tmp_path, form)
    check_file(pdf)
    text = flat(pdftotext(pdf))
    for phrase in (f"Mẫu số {number}", f"PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG {word}", "Năm 2025",
                   "Nghị định số 90/2020/NĐ-CP", "I. KẾT QUẢ TỰ ĐÁNH GIÁ", "1. Chính trị tư tưởng:",
                   "6. Thái độ phục vụ nhân dân, doanh nghiệp:", "9. Năng lực tập hợp, đoàn kết:",
                   "II. TỰ NHẬN XÉT, XẾP LOẠI CHẤT LƯỢNG", "III. Ý KIẾN NHẬN XÉT CỦA CẤP CÓ THẨM QUYỀN",
                   "IV. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CỦA CẤP CÓ THẨM QUYỀN", form.self_comment,
                   form.manager_comment, form.final_comment, "☒ Hoàn thành tốt nhiệm vụ", form.person.full_name):
        assert phrase in text, phrase
    for _label, answer in (*form.self_assessment, *form.leader_assessment):
        assert answer in text
    staff = write(tmp_path, specimen_legacy_form(7, category=category), "staff.pdf")
    assert "Phần dành riêng" not in flat(pdftotext(staff))


def test_unit_summary_lists_everyone_and_repeats_the_header(tmp_path: Path) -> None:
    summary = specimen_unit_summary(100)
    pdf = write(tmp_path, summary)
    check_file(pdf)
    layout = pdftotext(pdf, layout=True)
    text = flat(pdftotext(pdf))
    for i, row in enumerate(summary.rows, 1):
        line = layout_line(layout, row.full_name)
        assert line.startswith(f"{i} {row.full_name} {row.position.split()[0]}"), line
        level = row.level or Level.NOT_RATED
        assert f"{fmt_number(row.mean)} {level.short.split()[0]}".strip() in line, line
        assert row.position in text
    counts = summary.counts
    assert counts.total == 100 and counts.not_rated == 4
    for level in (Level.HTXS, Level.HTT, Level.HT, Level.KHT):
        share = fmt_number(counts.share(level))
        assert f"{level.label} {counts.count(level)} {share}" in text
    pages = layout.count("\f")
    assert pages >= 3
    assert layout.count("Họ và tên") >= pages - 1  # the table header repeats on each page it spans
    assert "BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG" in text
    assert "TM. ỦY BAN NHÂN DÂN" in text


def test_commune_report(tmp_path: Path) -> None:
    report = specimen_commune_report()
    pdf = write(tmp_path, report)
    check_file(pdf)
    layout = pdftotext(pdf, layout=True)
    text = flat(pdftotext(pdf))
    for phrase in ("BÁO CÁO", "Kính gửi: Sở Nội vụ tỉnh Khánh Hòa", "Số: 125/BC-UBND",
                   "An Bình, ngày 20 tháng 12 năm 2026", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
                   *report.remarks):
        assert phrase in text, phrase
    totals = report.totals
    line = layout_line(layout, "Tổng cộng")
    assert line.endswith(f"{totals.total} {totals.htxs} {totals.htt} {totals.ht} {totals.kht} {totals.not_rated} "
                         f"{fmt_number(totals.share(Level.HTXS))} {fmt_number(totals.share_htt_or_above)}")
    for row in report.by_category:
        c = row.counts
        assert f"{row.label} {c.total} {c.htxs} {c.htt} {c.ht} {c.kht} {c.not_rated}" in layout_line(layout, row.label)


def test_province_report_with_charts(tmp_path: Path) -> None:
    report = specimen_province_report(40)
    pdf = write(tmp_path, report)
    check_file(pdf)
    text = flat(pdftotext(pdf))
    layout = pdftotext(pdf, layout=True)
    totals = report.totals
    assert f"tổng số được đánh giá: {totals.total} người" in text
    assert "Cơ cấu mức xếp loại toàn tỉnh năm 2026" in text
    assert "Tỷ lệ các mức xếp loại theo đơn vị (1–30)" in text  # 40 communes: two bar charts
    assert "Tỷ lệ các mức xếp loại theo đơn vị (31–40)" in text
    assert f"HTXS: {totals.htxs} (" in text  # pie label
    assert "Đơn vị chưa gửi số liệu: Xã Ninh Tây." in text
    lines = [" ".join(line.split()) for line in layout.splitlines()]
    for i, row in enumerate(report.communes, 1):
        c = row.counts
        # A long name wraps inside its cell; the figures stay on the row's first line.
        first = next(line for line in lines if line.startswith(f"{i} {row.label.split()[0]} "))
        assert first.endswith(f"{c.total} {c.htxs} {c.htt} {c.ht} {c.kht} {c.not_rated} "
                              f"{fmt_number(c.share(Level.HTXS))} {fmt_number(c.share_htt_or_above)}"), first
        assert row.label in text


def test_render_pdf_rejects_unknown_models() -> None:
    with pytest.raises(TypeError):
        render_pdf(object())  # type: ignore[arg-type]
