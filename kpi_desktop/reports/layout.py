"""Page set-up and building blocks shared by every form: A4 with the margins of Nghị định 30/2020,
the national header, titles, tables and signature blocks, all in the bundled serif font."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from kpi_desktop import __version__
from kpi_desktop.reports.fonts import SANS, SERIF, SERIF_BOLD, SERIF_ITALIC, register_fonts
from kpi_desktop.reports.models import AgencyHeader, Level, PlaceDate, Signature, nfc

# Nghị định 30/2020, Phụ lục I: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
PAGE_WIDTH, PAGE_HEIGHT = A4
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

BODY_SIZE = 13
TABLE_SIZE = 13
DENSE_SIZE = 11  # many-column statistical tables (ND 30 lets tables use a smaller size)

NATIONAL_LINE_1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_LINE_2 = "Độc lập - Tự do - Hạnh phúc"


def _style(name: str, **kw: Any) -> ParagraphStyle:
    base: dict[str, Any] = {"fontName": SERIF, "fontSize": BODY_SIZE, "leading": BODY_SIZE * 1.25}
    base.update(kw)
    return ParagraphStyle(name, **base)


class Styles:
    """Paragraph styles; built after the fonts are registered."""

    def __init__(self) -> None:
        register_fonts()
        self.body = _style("body", alignment=TA_JUSTIFY, spaceAfter=3)
        self.body_left = _style("body_left", alignment=TA_LEFT, spaceAfter=3)
        self.title = _style("title", fontName=SERIF_BOLD, fontSize=14, leading=18, alignment=TA_CENTER,
                            spaceAfter=2)
        self.subtitle = _style("subtitle", alignment=TA_CENTER, spaceAfter=2)
        self.italic_center = _style("italic_center", fontName=SERIF_ITALIC, alignment=TA_CENTER)
        self.heading = _style("heading", fontName=SERIF_BOLD, spaceBefore=6, spaceAfter=3)
        self.form_no = _style("form_no", fontName=SERIF_BOLD, fontSize=11, leading=13, alignment=TA_RIGHT)
        self.cell = _style("cell", fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.2)
        self.cell_center = _style("cell_center", fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.2,
                                  alignment=TA_CENTER)
        self.cell_right = _style("cell_right", fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.2,
                                 alignment=TA_RIGHT)
        self.cell_head = _style("cell_head", fontName=SERIF_BOLD, fontSize=TABLE_SIZE,
                                leading=TABLE_SIZE * 1.2, alignment=TA_CENTER)
        self.dense = _style("dense", fontSize=DENSE_SIZE, leading=DENSE_SIZE * 1.2)
        self.dense_center = _style("dense_center", fontSize=DENSE_SIZE, leading=DENSE_SIZE * 1.2,
                                   alignment=TA_CENTER)
        self.dense_head = _style("dense_head", fontName=SERIF_BOLD, fontSize=DENSE_SIZE,
                                 leading=DENSE_SIZE * 1.2, alignment=TA_CENTER)
        self.sign_date = _style("sign_date", fontName=SERIF_ITALIC, alignment=TA_CENTER)
        self.sign_title = _style("sign_title", fontName=SERIF_BOLD, alignment=TA_CENTER)
        self.sign_note = _style("sign_note", fontName=SERIF_ITALIC, fontSize=12, leading=15,
                                alignment=TA_CENTER)
        self.sign_name = _style("sign_name", fontName=SERIF_BOLD, alignment=TA_CENTER)


_styles: Styles | None = None


def styles() -> Styles:
    global _styles
    if _styles is None:
        _styles = Styles()
    return _styles


def text(value: str | None) -> str:
    """User text as Paragraph markup: NFC, XML-escaped, line breaks kept."""
    return escape(nfc(value)).replace("\n", "<br/>")


def para(value: str | None, style: ParagraphStyle | None = None) -> Paragraph:
    return Paragraph(text(value), style or styles().body)


def markup(value: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph from trusted markup (our own labels with <b>/<i>); user text goes through `text()`."""
    return Paragraph(value, style or styles().body)


def tick(checked: bool) -> str:
    return f'<font name="{SANS}">{"☒" if checked else "☐"}</font>'


def level_choices(chosen: Level | None) -> list[Paragraph]:
    """The four tick-boxes of an annual form, the chosen one ticked and in bold."""
    out = []
    for level in (Level.HTXS, Level.HTT, Level.HT, Level.KHT):
        label = escape(level.label)
        if level is chosen:
            label = f"<b>{label}</b>"
        out.append(markup(f"{tick(level is chosen)} {label}", styles().body_left))
    if chosen is Level.NOT_RATED:
        out.append(markup(f"{tick(True)} <b>{escape(Level.NOT_RATED.label)}</b>", styles().body_left))
    return out


class NationalHeader(Flowable):
    """Agency (left) and the national motto (right), each centred in its column and underlined, as
    Nghị định 30/2020 lays out the top of an administrative document; optionally the document number
    (left) and place and date (right) on the line below."""

    def __init__(self, header: AgencyHeader, *, number: str = "", place_date: PlaceDate | None = None) -> None:
        super().__init__()
        self.header = header
        self.number = nfc(number)
        self.place_date = place_date
        self.size1 = 12.0
        self.size2 = 13.0
        self.size_left = 12.0
        right_need = max(stringWidth(NATIONAL_LINE_1, SERIF_BOLD, self.size1),
                         stringWidth(NATIONAL_LINE_2, SERIF_BOLD, self.size2)) + 4
        self.right_width = min(right_need, CONTENT_WIDTH * 0.66)
        while stringWidth(NATIONAL_LINE_1, SERIF_BOLD, self.size1) > self.right_width and self.size1 > 9:
            self.size1 -= 0.5
        self.gap = 8.0
        self.left_width = CONTENT_WIDTH - self.right_width - self.gap
        self.left_lines: list[tuple[str, str]] = []
        if header.parent:
            for line in simpleSplit(nfc(header.parent).upper(), SERIF, self.size_left, self.left_width):
                self.left_lines.append((line, SERIF))
        for part in nfc(header.agency).upper().split("\n"):  # an explicit break is kept
            for line in simpleSplit(part, SERIF_BOLD, self.size_left, self.left_width):
                self.left_lines.append((line, SERIF_BOLD))
        self.line_h = 15.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        rows = max(len(self.left_lines), 2)
        height = rows * self.line_h + 6
        if self.number or self.place_date is not None:
            height += self.line_h + 6
        self.height = height
        return CONTENT_WIDTH, height

    def draw(self) -> None:
        c = self.canv
        top = self.height
        # Left column: managing body, agency (bold), short rule under the agency name.
        cx = self.left_width / 2
        y = top - self.size_left
        last_width = 0.0
        for line, font in self.left_lines:
            c.setFont(font, self.size_left)
            c.drawCentredString(cx, y, line)
            last_width = stringWidth(line, font, self.size_left)
            y -= self.line_h
        rule = max(last_width / 3, 15 * mm)
        c.setLineWidth(0.6)
        c.line(cx - rule / 2, y + self.line_h - 3.5, cx + rule / 2, y + self.line_h - 3.5)
        # Right column: the national motto, the second line underlined over its full width.
        rx = self.left_width + self.gap + self.right_width / 2
        y = top - self.size1
        c.setFont(SERIF_BOLD, self.size1)
        c.drawCentredString(rx, y, NATIONAL_LINE_1)
        y -= self.line_h
        c.setFont(SERIF_BOLD, self.size2)
        c.drawCentredString(rx, y, NATIONAL_LINE_2)
        w2 = stringWidth(NATIONAL_LINE_2, SERIF_BOLD, self.size2)
        c.line(rx - w2 / 2, y - 3.5, rx + w2 / 2, y - 3.5)
        if self.number or self.place_date is not None:
            y = self.line_h - 4
            if self.number:
                c.setFont(SERIF, 13)
                c.drawCentredString(cx, y, self.number)
            if self.place_date is not None:
                c.setFont(SERIF_ITALIC, 13)
                c.drawCentredString(rx, y, self.place_date.text())


def form_number(label: str) -> Paragraph:
    return markup(escape(nfc(label)), styles().form_no)


def title_block(title: str, *lines: str) -> list[Flowable]:
    out: list[Flowable] = [Spacer(1, 8), para(title.upper(), styles().title)]
    out.extend(para(line, styles().subtitle) for line in lines if line)
    out.append(Spacer(1, 6))
    return out


# Table cells default to Helvetica (a non-embedded standard font) even when they hold only Paragraphs.
CELL_FONT = ("FONTNAME", (0, 0), (-1, -1), SERIF)

GRID = [
    CELL_FONT,
    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("TOPPADDING", (0, 0), (-1, -1), 2.5),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
]


class Bold(str):
    """A plain table cell drawn in bold."""

    __slots__ = ()


def grid_table(rows: Sequence[Sequence[Any]], widths_mm: Sequence[float], *, header_rows: int = 1,
               extra: Sequence[tuple[Any, ...]] = (), top: bool = False, size: float = TABLE_SIZE) -> Table:
    """A ruled table whose column widths (in mm) are scaled to the text width; header rows repeat on
    every page.

    Cells are Paragraphs (text that may wrap) or plain strings: short figures, drawn centred in the
    serif font without Paragraph parsing, which is what keeps a batch of forms fast. `Bold` strings
    are drawn in bold."""
    scale = CONTENT_WIDTH / (sum(widths_mm) * mm)
    data = [[nfc(c) if type(c) is str else c for c in r] for r in rows]
    table = Table(data, colWidths=[w * mm * scale for w in widths_mm], repeatRows=header_rows, hAlign="LEFT")
    style: list[tuple[Any, ...]] = [*GRID, ("FONTSIZE", (0, 0), (-1, -1), size),
                                    ("LEADING", (0, 0), (-1, -1), size * 1.2), ("ALIGN", (0, 0), (-1, -1), "CENTER")]
    style += [("FONTNAME", (c, r), (c, r), SERIF_BOLD) for r, row in enumerate(data) for c, cell in enumerate(row)
              if isinstance(cell, Bold)]
    style += list(extra)
    if top:  # list tables: every figure on the first line of its row, next to the name
        style.append(("VALIGN", (0, header_rows), (-1, -1), "TOP"))
    table.setStyle(TableStyle(style))
    return table


def _sig_parts(sig: Signature | None) -> tuple[list[Flowable], list[Flowable]]:
    st = styles()
    if sig is None:
        return [], []
    head: list[Flowable] = []
    if sig.capacity:
        head.append(para(sig.capacity.upper(), st.sign_title))
    head.append(para(sig.title.upper(), st.sign_title))
    if sig.note:
        head.append(para(sig.note, st.sign_note))
    return head, ([para(sig.name, st.sign_name)] if sig.name else [])


def signature_row(left: Signature | None, right: Signature, *, place_date: PlaceDate | None = None,
                  date_left: bool = False) -> Flowable:
    """Two signature blocks side by side, titles and names on common baselines; the place and date
    sit over the right block (over both when `date_left`), as on the official forms. Kept on one page."""
    st = styles()
    left_head, left_name = _sig_parts(left)
    right_head, right_name = _sig_parts(right)
    date_cell = [para(place_date.text(), st.sign_date)] if place_date is not None else []
    rows = [[date_cell if date_left and left else [], date_cell],
            [left_head, right_head],
            [[], []],
            [left_name, right_name]]
    table = Table(rows, colWidths=[CONTENT_WIDTH * 0.45, CONTENT_WIDTH * 0.55],
                  rowHeights=[None, None, 24 * mm, None])
    table.setStyle(TableStyle([CELL_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (0, -1), 8),  # keep the two titles apart
                               ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return KeepTogether([Spacer(1, 8), table])


def single_signature(sig: Signature, *, place_date: PlaceDate | None = None,
                     left: list[Flowable] | None = None) -> Flowable:
    """One signature block on the right (with "Nơi nhận" or nothing on the left)."""
    st = styles()
    head, name = _sig_parts(sig)
    date_cell = [para(place_date.text(), st.sign_date)] if place_date is not None else []
    right = [*date_cell, *head, Spacer(1, 24 * mm), *name]
    table = Table([[left or [], right]], colWidths=[CONTENT_WIDTH * 0.45, CONTENT_WIDTH * 0.55])
    table.setStyle(TableStyle([CELL_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return KeepTogether([Spacer(1, 8), table])


def recipients(lines: Sequence[str]) -> list[Flowable]:
    """The "Nơi nhận:" block at the bottom left of a report."""
    small = _style("recipients", fontSize=11, leading=13)
    items = [markup("<b><i>Nơi nhận:</i></b>", _style("rec_head", fontSize=12, leading=14))]
    items.extend(para(f"- {line};" if i < len(lines) - 1 else f"- {line}.", small)
                 for i, line in enumerate(lines))
    return items


class _Numbered(BaseDocTemplate):
    def __init__(self, buffer: io.BytesIO, **kw: Any) -> None:
        super().__init__(buffer, pagesize=A4, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
                         topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, **kw)
        frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, CONTENT_WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
                      id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_page_number)])


def _page_number(canvas: Any, doc: Any) -> None:
    # Nghị định 30/2020: page numbers centred in the top margin, from the second page on.
    page = canvas.getPageNumber()
    if page > 1:
        canvas.saveState()
        canvas.setFont(SERIF, 13)
        canvas.drawCentredString(MARGIN_LEFT + CONTENT_WIDTH / 2, PAGE_HEIGHT - MARGIN_TOP / 2 - 4, str(page))
        canvas.restoreState()


def build_pdf(story: list[Flowable], *, title: str, subject: str = "", author: str = "") -> bytes:
    """Lay out `story` on A4 and return the PDF bytes (fonts embedded and subset)."""
    register_fonts()
    buffer = io.BytesIO()
    doc = _Numbered(buffer, title=nfc(title), subject=nfc(subject), author=nfc(author),
                    creator=f"KPI Desktop {__version__}", lang="vi-VN",
                    # Otherwise every page starts in Helvetica, a standard font that is not embedded.
                    initialFontName=SERIF, initialFontSize=BODY_SIZE)
    doc.build(story)
    return buffer.getvalue()
