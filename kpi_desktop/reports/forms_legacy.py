"""The legacy annual forms of ND 90/2020 as amended by ND 48/2023 (for 2025, and for units without a
new regulation): Mẫu 02 (công chức) and Mẫu 03 (viên chức), "Phiếu đánh giá, xếp loại chất lượng"."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from kpi_desktop.reports.common import LEGAL_BASIS, person_lines, prose
from kpi_desktop.reports.layout import (
    NationalHeader,
    build_pdf,
    form_number,
    level_choices,
    markup,
    para,
    signature_row,
    styles,
    title_block,
)
from kpi_desktop.reports.models import LegacyAnnualForm, Regime, Signature, normalized


def legacy_form_story(form: LegacyAnnualForm) -> list[Flowable]:
    form = normalized(form)
    st = styles()
    word = form.category.word
    story: list[Flowable] = [
        form_number(f"Mẫu số {form.form_number}"),
        para(f"(Phụ lục, {LEGAL_BASIS[Regime.ND90]})", st.form_no),
        Spacer(1, 4),
        NationalHeader(form.header),
        *title_block(f"PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG {word.upper()}", f"Năm {form.year}"),
        *person_lines(form.person),
        markup("<b>I. KẾT QUẢ TỰ ĐÁNH GIÁ</b>", st.heading),
    ]
    n = 0
    for label, answer in form.self_assessment:
        n += 1
        story += prose(f"{n}. {label}:", answer)
    if form.is_leader:
        story.append(markup("<b><i>Phần dành riêng cho công chức, viên chức lãnh đạo, quản lý:</i></b>",
                            st.body_left))
        for label, answer in form.leader_assessment:
            n += 1
            story += prose(f"{n}. {label}:", answer)
    story.append(markup("<b>II. TỰ NHẬN XÉT, XẾP LOẠI CHẤT LƯỢNG</b>", st.heading))
    story += prose("1. Tự nhận xét ưu, khuyết điểm:", form.self_comment)
    story.append(markup("<b>2. Tự xếp loại chất lượng:</b>", st.body_left))
    story += level_choices(form.self_level)
    person_sig = form.person_signature
    if not person_sig.name:
        person_sig = Signature(person_sig.title, name=form.person.full_name, capacity=person_sig.capacity,
                               note=person_sig.note)
    story.append(signature_row(None, person_sig, place_date=form.place_date))
    story.append(markup("<b>III. Ý KIẾN NHẬN XÉT CỦA CẤP CÓ THẨM QUYỀN</b>", st.heading))
    story.append(para("(Dùng cho cấp có thẩm quyền nhận xét đối với cấp phó của người đứng đầu, "
                      "người quản lý trực tiếp nhận xét đối với người thuộc quyền)", st.italic_center))
    story += prose("Nhận xét:", form.manager_comment)
    story.append(signature_row(None, form.manager_signature, place_date=form.place_date))
    story.append(markup("<b>IV. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CỦA CẤP CÓ THẨM QUYỀN</b>",
                        st.heading))
    story += prose("1. Nhận xét ưu, khuyết điểm:", form.final_comment)
    story.append(markup("<b>2. Kết quả đánh giá, xếp loại chất lượng:</b>", st.body_left))
    story += level_choices(form.final_level)
    if form.reasons:
        story += [para(f"- {reason}", st.body) for reason in form.reasons]
    story.append(signature_row(None, form.reviewer_signature, place_date=form.place_date))
    return story


def render_legacy_form(form: LegacyAnnualForm) -> bytes:
    return build_pdf(legacy_form_story(form),
                     title=f"Phiếu đánh giá, xếp loại chất lượng – {form.person.full_name} – năm {form.year}",
                     subject=f"Mẫu số {form.form_number}, {LEGAL_BASIS[Regime.ND90]}",
                     author=form.header.agency)
