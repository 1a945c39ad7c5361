"""The commune's report to the province, and the province's report across its communes with charts
(reportlab.graphics, drawn as vector graphics in the DejaVu fonts)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics import shapes
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from kpi_desktop.reports.fonts import SANS, SANS_BOLD
from kpi_desktop.reports.layout import (
    CONTENT_WIDTH,
    DENSE_SIZE,
    Bold,
    NationalHeader,
    build_pdf,
    grid_table,
    markup,
    para,
    recipients,
    single_signature,
    styles,
    title_block,
)
from kpi_desktop.reports.models import (
    RATED_LEVELS,
    CommuneReport,
    CountsRow,
    Level,
    LevelCounts,
    ProvinceReport,
    fmt_number,
    fmt_percent,
    normalized,
)
from kpi_desktop.reports.unit_summary import counts_table

LEVEL_COLOURS = {
    Level.HTXS: colors.HexColor("#1b7837"),
    Level.HTT: colors.HexColor("#5aae61"),
    Level.HT: colors.HexColor("#f1a340"),
    Level.KHT: colors.HexColor("#d73027"),
}
# A drawing's initial graphics state names Helvetica, which would add a non-embedded standard font to
# the PDF even though every label sets its own font; charts here always start in the bundled sans.
shapes.STATE_DEFAULTS["fontName"] = SANS

CHART_ROWS = 30  # communes per bar chart; a longer list continues in another chart


def counts_grid(rows: Sequence[CountsRow], first_header: str, *, total: LevelCounts | None = None) -> Flowable:
    """Name | total | HTXS | HTT | HT | KHT | not rated | % HTXS | % HTT or above."""
    st = styles()
    data: list[list[object]] = [[
        para("TT", st.dense_head), para(first_header, st.dense_head), para("Tổng số", st.dense_head),
        para("HTXS", st.dense_head), para("HTT", st.dense_head), para("HT", st.dense_head),
        para("KHT", st.dense_head), para("Không xếp loại", st.dense_head),
        para("Tỷ lệ HTXS (%)", st.dense_head), para("Tỷ lệ HTT trở lên (%)", st.dense_head),
    ]]

    def line(no: str, label: str, c: LevelCounts, bold: bool = False) -> list[object]:
        cells = [str(c.total), str(c.htxs), str(c.htt), str(c.ht), str(c.kht), str(c.not_rated),
                 fmt_number(c.share(Level.HTXS)), fmt_number(c.share_htt_or_above)]
        name = para(label, st.dense)
        if bold:
            name = markup(f"<b>{name.text}</b>", st.dense)
        return [no, name, *[Bold(v) if bold else v for v in cells]]

    for i, row in enumerate(rows, 1):
        data.append(line(str(i), row.label, row.counts))
    if total is not None:
        data.append(line("", "Tổng cộng", total, bold=True))
    return grid_table(data, [9, 37, 14, 15, 12, 11, 13, 17, 18, 19], top=True, size=DENSE_SIZE)


def _legend(x: float, y: float) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName, legend.fontSize = SANS, 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 90
    legend.dx = legend.dy = 7
    legend.colorNamePairs = [(LEVEL_COLOURS[level], level.value) for level in RATED_LEVELS]
    return legend


def distribution_pie(counts: LevelCounts, title: str) -> Drawing:
    width, height = CONTENT_WIDTH, 200
    drawing = Drawing(width, height)
    drawing.add(String(width / 2, height - 12, title, fontName=SANS_BOLD, fontSize=10, textAnchor="middle"))
    pie = Pie()
    pie.x, pie.y, pie.width, pie.height = width / 2 - 70, 25, 140, 140
    levels = [level for level in RATED_LEVELS if counts.count(level) > 0]
    if not levels:
        drawing.add(String(width / 2, height / 2, "Chưa có người được xếp loại", fontName=SANS, fontSize=10,
                           textAnchor="middle"))
        return drawing
    pie.data = [counts.count(level) for level in levels]
    pie.labels = [f"{level.value}: {counts.count(level)} ({fmt_percent(counts.share(level))})" for level in levels]
    pie.sideLabels = True
    pie.slices.fontName = SANS
    pie.slices.fontSize = 8
    pie.slices.strokeColor = colors.white
    for i, level in enumerate(levels):
        pie.slices[i].fillColor = LEVEL_COLOURS[level]
    drawing.add(pie)
    return drawing


def shares_chart(rows: Sequence[CountsRow], title: str) -> Drawing:
    """Stacked horizontal bars: each commune's levels as percent of those rated."""
    bar_h = 13
    width = CONTENT_WIDTH
    height = 60 + bar_h * len(rows)
    drawing = Drawing(width, height)
    drawing.add(String(width / 2, height - 12, title, fontName=SANS_BOLD, fontSize=10, textAnchor="middle"))
    chart = HorizontalBarChart()
    chart.x, chart.y = 120, 30
    chart.width, chart.height = width - 130, bar_h * len(rows)
    # Bottom-up drawing order, so reverse to list the first commune at the top.
    ordered = list(reversed(rows))
    chart.data = [[float(r.counts.share(level) or 0) for r in ordered] for level in RATED_LEVELS]
    chart.categoryAxis.categoryNames = [r.label[:28] for r in ordered]
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.style = "stacked"
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = SANS
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.barSpacing = 0
    chart.groupSpacing = 3
    for i, level in enumerate(RATED_LEVELS):
        chart.bars[i].fillColor = LEVEL_COLOURS[level]
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    drawing.add(_legend(120, 12))
    return drawing


def commune_report_story(report: CommuneReport) -> list[Flowable]:
    report = normalized(report)
    st = styles()
    totals = report.totals
    story: list[Flowable] = [
        NationalHeader(report.header, number=report.document_number, place_date=report.place_date),
        *title_block("BÁO CÁO", f"Kết quả đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức "
                                f"năm {report.year}"),
        para(f"Kính gửi: {report.recipient}", st.subtitle),
        Spacer(1, 6),
        para(f"{report.header.agency} báo cáo kết quả đánh giá, xếp loại chất lượng cán bộ, công chức, "
             f"viên chức năm {report.year} của {report.commune} như sau:", st.body),
        markup("<b>I. TỔNG HỢP CHUNG</b>", st.heading),
        para(f"Tổng số được đánh giá: {totals.total} người; được xếp loại: {totals.rated} người; "
             f"không xếp loại: {totals.not_rated} người.", st.body),
        counts_table(totals),
        markup("<b>II. KẾT QUẢ THEO ĐỐI TƯỢNG</b>", st.heading),
        counts_grid(report.by_category, "Đối tượng", total=totals),
        markup("<b>III. KẾT QUẢ THEO CƠ QUAN, ĐƠN VỊ</b>", st.heading),
        counts_grid(report.by_unit, "Cơ quan, đơn vị"),
    ]
    if report.remarks:
        story.append(markup("<b>IV. NHẬN XÉT, KIẾN NGHỊ</b>", st.heading))
        story += [para(f"- {r}", st.body) for r in report.remarks]
    story.append(single_signature(report.signer, left=recipients([report.recipient, "Lưu: VT"])))
    return story


def province_report_story(report: ProvinceReport) -> list[Flowable]:
    report = normalized(report)
    st = styles()
    totals = report.totals
    story: list[Flowable] = [
        NationalHeader(report.header, number=report.document_number, place_date=report.place_date),
        *title_block("BÁO CÁO", f"Tổng hợp kết quả đánh giá, xếp loại chất lượng cán bộ, công chức, "
                                f"viên chức cấp xã năm {report.year}", f"Tỉnh {report.province}"),
        markup("<b>I. TỔNG HỢP TOÀN TỈNH</b>", st.heading),
        para(f"Số đơn vị cấp xã có số liệu: {len(report.communes)}; tổng số được đánh giá: {totals.total} người; "
             f"được xếp loại: {totals.rated} người; không xếp loại: {totals.not_rated} người.", st.body),
        counts_table(totals),
        Spacer(1, 6),
        KeepTogether([distribution_pie(totals, f"Cơ cấu mức xếp loại toàn tỉnh năm {report.year}")]),
    ]
    if report.missing:
        story.append(para("Đơn vị chưa gửi số liệu: " + ", ".join(report.missing) + ".", st.body))
    story += [PageBreak(), markup("<b>II. KẾT QUẢ THEO ĐƠN VỊ CẤP XÃ</b>", st.heading),
              counts_grid(report.communes, "Xã, phường, đặc khu", total=totals)]
    for start in range(0, len(report.communes), CHART_ROWS):
        chunk = report.communes[start:start + CHART_ROWS]
        suffix = "" if len(report.communes) <= CHART_ROWS else f" ({start + 1}–{start + len(chunk)})"
        story += [Spacer(1, 8), KeepTogether([shares_chart(chunk, f"Tỷ lệ các mức xếp loại theo đơn vị{suffix}")])]
    if report.remarks:
        story.append(markup("<b>III. NHẬN XÉT, KIẾN NGHỊ</b>", st.heading))
        story += [para(f"- {r}", st.body) for r in report.remarks]
    story.append(single_signature(report.signer, left=recipients(["Ủy ban nhân dân tỉnh", "Lưu: VT"])))
    return story


def render_commune_report(report: CommuneReport) -> bytes:
    return build_pdf(commune_report_story(report),
                     title=f"Báo cáo kết quả xếp loại năm {report.year} – {report.commune}",
                     author=report.header.agency)


def render_province_report(report: ProvinceReport) -> bytes:
    return build_pdf(province_report_story(report),
                     title=f"Báo cáo tổng hợp kết quả xếp loại năm {report.year} – tỉnh {report.province}",
                     author=report.header.agency)
