"""Pieces the individual forms share: form numbers, legal basis, person lines, prose answers."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from kpi_desktop.reports.fonts import SERIF, register_fonts
from kpi_desktop.reports.layout import BODY_SIZE, CONTENT_WIDTH, markup, styles, text
from kpi_desktop.reports.models import PersonInfo, Regime, nfc

LEGAL_BASIS = {
    Regime.ND335: "Nghị định số 335/2025/NĐ-CP ngày 21/12/2025 của Chính phủ",
    Regime.ND233: "Nghị định số 233/2026/NĐ-CP ngày 26/6/2026 của Chính phủ",
    Regime.ND90: "Nghị định số 90/2020/NĐ-CP, sửa đổi bởi Nghị định số 48/2023/NĐ-CP",
    Regime.QD366: "Quy định số 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị",
}


APPENDIX = {Regime.ND335: "Phụ lục II", Regime.ND233: "Phụ lục II", Regime.ND90: "Phụ lục", Regime.QD366: "Phụ lục"}


def dots(width: float) -> str:
    """Enough "…" to fill `width` points at body size: a line to write on by hand."""
    register_fonts()
    return "…" * max(int(width / stringWidth("…", SERIF, BODY_SIZE)) - 1, 3)


def labelled(label: str, value: str | None) -> Paragraph:
    """"Họ và tên: Nguyễn Văn An" with the label plain and the value in bold."""
    shown = f"<b>{text(value)}</b>" if nfc(value) else dots(CONTENT_WIDTH * 0.6)
    return markup(f"{escape(label)}: {shown}", styles().body_left)


def person_lines(person: PersonInfo) -> list[Flowable]:
    return [
        labelled("Họ và tên", person.full_name),
        labelled("Chức vụ, chức danh", person.position),
        labelled("Đơn vị công tác", person.unit),
    ]


def prose(label: str, value: str | None) -> list[Flowable]:
    """A numbered free-text answer; dotted lines to write on when it is empty."""
    st = styles()
    out: list[Flowable] = [markup(f"<b>{escape(label)}</b>", st.body_left)]
    if nfc(value):
        out.append(markup(text(value), st.body))
    else:
        out.extend(markup(dots(CONTENT_WIDTH), st.body_left) for _ in range(2))
    return out
