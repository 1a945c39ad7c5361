"""Mẫu 01, Phụ lục II: phiếu theo dõi, đánh giá công chức (ND 335/2025) or viên chức (ND 233/2026),
for one month or quarter."""

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
    markup,
    para,
    signature_row,
    styles,
    title_block,
)
from kpi_desktop.reports.models import (
    Pair,
    PeriodForm,
    Signature,
    fmt_max,
    fmt_number,
    normalized,
)

BOLD_ROW = ("FONTNAME", (0, 0), (-1, 0), "DejaVuSerif-Bold")


def _n(value: object) -> str:
    return fmt_number(value) if value is not None else ""  # type: ignore[arg-type]


def _pair_cells(pair: Pair, *, bold: bool = False) -> list[str]:
    return [Bold(_n(v)) if bold else _n(v) for v in (pair.own, pair.reviewer)]


def period_form_story(form: PeriodForm) -> list[Flowable]:
    form = normalized(form)
    st = styles()
    word = form.category.word
    story: list[Flowable] = [
        form_number("Mẫu số 01"),
        para(f"({APPENDIX[form.regime]}, {LEGAL_BASIS[form.regime]})", st.form_no),
        Spacer(1, 4),
        NationalHeader(form.header),
        *title_block(f"PHIẾU THEO DÕI, ĐÁNH GIÁ {word.upper()}",
                     f"Kỳ theo dõi, đánh giá: {form.period.label}"),
        *person_lines(form.person),
        markup(f"<b>I. ĐÁNH GIÁ THEO TIÊU CHÍ CHUNG</b> (tối đa {escape(fmt_max(form.general_max))} điểm)",
               st.heading),
    ]

    rows: list[list[object]] = [[
        para("TT", st.cell_head), para("Tiêu chí", st.cell_head), para("Điểm tối đa", st.cell_head),
        para("Điểm tự chấm", st.cell_head), para("Điểm cấp có thẩm quyền đánh giá", st.cell_head),
    ]]
    for line in form.general:
        rows.append([line.number, para(line.label, st.cell), _n(line.max_points), *_pair_cells(line.points)])
    rows.append(["", markup("<b>Cộng</b>", st.cell), Bold(fmt_number(form.general_max)),
                 *_pair_cells(form.general_points, bold=True)])
    story.append(grid_table(rows, [10, 78, 20, 22, 28]))

    story.append(markup("<b>II. KẾT QUẢ THEO DÕI, ĐÁNH GIÁ</b>", st.heading))
    head = [para("TT", st.cell_head), para("Nội dung", st.cell_head),
            para(f"{word.capitalize()} tự đánh giá", st.cell_head),
            para("Cấp có thẩm quyền đánh giá", st.cell_head)]
    rows = [head]
    rows.append(["1",
                 para(f"Điểm tiêu chí chung (tối đa {fmt_max(form.general_max)} điểm)", st.cell),
                 *_pair_cells(form.general_points)])
    rows.append(["2",
                 para(f"Điểm kết quả thực hiện nhiệm vụ (tối đa {fmt_max(form.task_max)} điểm)", st.cell),
                 *_pair_cells(form.task_points)])
    for comp in form.tasks:
        rows.append(["", para(comp.label, st.cell), *_pair_cells(comp.value)])
    formula = "(a + b + c + d + đ + e) / 6" if form.is_leader else "(a + b + c) / 3"
    rows.append(["",
                 para(f"Tỷ lệ kết quả thực hiện nhiệm vụ T = {formula} (%); "
                      f"điểm = T × {fmt_max(form.task_max)} / 100", st.cell),
                 *_pair_cells(form.task_result)])
    rows.append(["3", markup("<b>Tổng điểm (1 + 2)</b>", st.cell),
                 *_pair_cells(form.total, bold=True)])
    rows.append(["", para("Mức tương ứng với tổng điểm", st.cell),
                 form.own_band.value if form.own_band else "", form.band.value if form.band else ""])
    story.append(grid_table(rows, [10, 88, 30, 30]))
    story.append(Spacer(1, 3))
    if form.band is not None:
        story.append(markup(f"Tổng điểm do cấp có thẩm quyền đánh giá: <b>{escape(fmt_number(form.total.final))}"
                            f"</b> điểm, tương ứng mức <b>{escape(form.band.label.lower())}</b>.", st.body))
    story += [para(f"- {reason}", st.body) for reason in form.reasons]
    story += prose("4. Ưu điểm:", form.strengths)
    story += prose("5. Hạn chế, khuyết điểm:", form.weaknesses)
    story += prose("6. Ý kiến nhận xét của cấp có thẩm quyền:", form.reviewer_comment)

    person_sig = form.person_signature or Signature(f"{word.upper()} TỰ ĐÁNH GIÁ", name=form.person.full_name)
    story.append(signature_row(person_sig, form.reviewer_signature, place_date=form.place_date))
    return story


def render_period_form(form: PeriodForm) -> bytes:
    return build_pdf(period_form_story(form),
                     title=f"Phiếu theo dõi, đánh giá – {form.person.full_name} – {form.period.label}",
                     subject=f"Mẫu số 01, {APPENDIX[form.regime]}, {LEGAL_BASIS[form.regime]}",
                     author=form.header.agency)
