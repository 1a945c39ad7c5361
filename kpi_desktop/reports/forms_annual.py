"""Mẫu 02, Phụ lục II: phiếu xếp loại chất lượng công chức (ND 335/2025) or viên chức (ND 233/2026)
for one year, built from the period scores."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Spacer

from kpi_desktop.reports.common import APPENDIX, LEGAL_BASIS, person_lines, prose
from kpi_desktop.reports.layout import (
    Bold,
    NationalHeader,
    build_pdf,
    form_number,
    grid_table,
    level_choices,
    markup,
    para,
    signature_row,
    styles,
    title_block,
)
from kpi_desktop.reports.models import AnnualForm, Signature, fmt_number, normalized


def annual_form_story(form: AnnualForm) -> list[Flowable]:
    form = normalized(form)
    st = styles()
    word = form.category.word
    story: list[Flowable] = [
        form_number("Mẫu số 02"),
        para(f"({APPENDIX[form.regime]}, {LEGAL_BASIS[form.regime]})", st.form_no),
        Spacer(1, 4),
        NationalHeader(form.header),
        *title_block(f"PHIẾU XẾP LOẠI CHẤT LƯỢNG {word.upper()}", f"Năm {form.year}"),
        *person_lines(form.person),
        markup("<b>I. TỔNG HỢP KẾT QUẢ THEO DÕI, ĐÁNH GIÁ TRONG NĂM</b>", st.heading),
    ]
    rows: list[list[object]] = [[
        para("TT", st.cell_head), para("Kỳ đánh giá", st.cell_head),
        para("Điểm tiêu chí chung (tối đa 30)", st.cell_head),
        para("Điểm kết quả thực hiện nhiệm vụ (tối đa 70)", st.cell_head),
        para("Tổng điểm", st.cell_head), para("Mức tương ứng", st.cell_head),
    ]]
    for i, row in enumerate(form.periods, 1):
        rows.append([str(i), para(row.period.short_label, st.cell), fmt_number(row.general_points),
                     fmt_number(row.task_points), fmt_number(row.total), row.band.value if row.band else ""])
    rows.append(["", markup("<b>Trung bình năm</b>", st.cell), Bold(fmt_number(form.mean_general)),
                 Bold(fmt_number(form.mean_task)), Bold(fmt_number(form.mean_total)),
                 Bold(form.band.value if form.band else "")])
    story.append(grid_table(rows, [9, 46, 29, 35, 24, 22]))
    story.append(Spacer(1, 3))
    story.append(markup(
        f"Số kỳ được theo dõi, đánh giá: <b>{len(form.periods)}</b>. "
        f"Điểm trung bình năm: <b>{fmt_number(form.mean_total)}</b> điểm"
        + (f", tương ứng mức <b>{escape(form.band.label.lower())}</b>." if form.band else "."),
        st.body))

    story.append(markup(f"<b>II. {word.upper()} TỰ XẾP LOẠI CHẤT LƯỢNG</b>", st.heading))
    story += level_choices(form.self_level)
    story.append(markup("<b>III. KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG CỦA CẤP CÓ THẨM QUYỀN</b>", st.heading))
    story += level_choices(form.final_level)
    if form.reasons:
        story.append(markup("<i>Căn cứ xếp loại khác mức theo điểm:</i>", st.body_left))
        story += [para(f"- {reason}", st.body) for reason in form.reasons]
    story.append(markup("<b>IV. Ý KIẾN NHẬN XÉT VÀ ĐỀ XUẤT PHƯƠNG ÁN XỬ LÝ</b>", st.heading))
    story += prose("1. Nhận xét:", form.comments)
    story += prose("2. Đề xuất phương án bố trí, sử dụng, xử lý:", form.proposal)
    person_sig = form.person_signature
    if person_sig.title == "NGƯỜI TỰ XẾP LOẠI" and not person_sig.name:
        person_sig = Signature(f"{word.upper()} TỰ XẾP LOẠI", name=form.person.full_name)
    story.append(signature_row(person_sig, form.reviewer_signature, place_date=form.place_date))
    return story


def render_annual_form(form: AnnualForm) -> bytes:
    return build_pdf(annual_form_story(form),
                     title=f"Phiếu xếp loại chất lượng – {form.person.full_name} – năm {form.year}",
                     subject=f"Mẫu số 02, {APPENDIX[form.regime]}, {LEGAL_BASIS[form.regime]}",
                     author=form.header.agency)
