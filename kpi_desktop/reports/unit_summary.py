"""The unit's table of annual results, published inside the agency (Luật CBCC 2025 Art 26)."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from kpi_desktop.reports.layout import (
    DENSE_SIZE,
    Bold,
    NationalHeader,
    build_pdf,
    grid_table,
    markup,
    para,
    single_signature,
    styles,
    title_block,
)
from kpi_desktop.reports.models import (
    RATED_LEVELS,
    Level,
    LevelCounts,
    UnitSummary,
    fmt_number,
    fmt_percent,
    normalized,
)


def counts_table(counts: LevelCounts) -> Flowable:
    """Level | count | share of those rated, plus the not-rated and total lines."""
    st = styles()
    rows: list[list[object]] = [[para("Mức xếp loại", st.cell_head), para("Số người", st.cell_head),
                                 para("Tỷ lệ (%)", st.cell_head)]]
    for level in RATED_LEVELS:
        rows.append([para(level.label, st.cell), str(counts.count(level)), fmt_number(counts.share(level))])
    rows.append([para("Không xếp loại", st.cell), str(counts.not_rated), ""])
    rows.append([markup("<b>Tổng số</b>", st.cell), Bold(str(counts.total)), ""])
    return grid_table(rows, [90, 35, 35])


def unit_summary_story(summary: UnitSummary) -> list[Flowable]:
    summary = normalized(summary)
    st = styles()
    story: list[Flowable] = [
        NationalHeader(summary.header),
        *title_block("BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI",
                     f"CHẤT LƯỢNG CÔNG CHỨC, VIÊN CHỨC NĂM {summary.year}", summary.unit_name),
        markup("<b>I. KẾT QUẢ CỦA TỪNG NGƯỜI</b>", st.heading),
    ]
    rows: list[list[object]] = [[
        para("TT", st.dense_head), para("Họ và tên", st.dense_head), para("Chức vụ, chức danh", st.dense_head),
        para("Điểm trung bình năm", st.dense_head), para("Mức xếp loại", st.dense_head),
        para("Ghi chú", st.dense_head),
    ]]
    for i, row in enumerate(summary.rows, 1):
        level = row.level or Level.NOT_RATED
        rows.append([str(i), para(row.full_name, st.dense), para(row.position, st.dense), fmt_number(row.mean),
                     level.short if level is not Level.NOT_RATED else para(level.short, st.dense_center),
                     para(row.note, st.dense) if row.note else ""])
    story.append(grid_table(rows, [10, 52, 40, 22, 22, 24], top=True, size=DENSE_SIZE))
    story.append(para("Ghi chú: HTXS – hoàn thành xuất sắc nhiệm vụ; HTT – hoàn thành tốt nhiệm vụ; "
                      "HT – hoàn thành nhiệm vụ; KHT – không hoàn thành nhiệm vụ.", st.sign_note))
    story.append(markup("<b>II. TỔNG HỢP</b>", st.heading))
    counts = summary.counts
    story.append(counts_table(counts))
    story.append(Spacer(1, 3))
    story.append(para(
        f"Tổng số được đánh giá: {counts.total} người; được xếp loại: {counts.rated} người, trong đó "
        f"hoàn thành xuất sắc nhiệm vụ {counts.htxs} người ({fmt_percent(counts.share(Level.HTXS)) or '0%'}).",
        st.body))
    story += [para(note, st.body) for note in summary.quota_notes]
    story.append(single_signature(summary.signer, place_date=summary.place_date))
    return story


def render_unit_summary(summary: UnitSummary) -> bytes:
    return build_pdf(unit_summary_story(summary),
                     title=f"Tổng hợp kết quả xếp loại năm {summary.year} – {summary.unit_name}",
                     author=summary.header.agency)
