"""The GUI preview: page images rendered from the PDF bytes, ink only inside the ND 30 margins."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from kpi_desktop.errors import InputError
from kpi_desktop.reports.preview import page_count, render_pages
from kpi_desktop.reports.render import render_pdf
from kpi_desktop.reports.specimen import specimen_annual_form

DPI = 72  # one pixel per point


def test_preview_pages_are_a4_with_ink_inside_the_margins() -> None:
    pdf = render_pdf(specimen_annual_form(2))
    pages = render_pages(pdf, dpi=DPI)
    assert len(pages) == page_count(pdf) == 2
    first = pages[0]
    assert abs(first.width - 595) <= 1 and abs(first.height - 842) <= 1  # A4 in points
    image = Image.open(io.BytesIO(first.png)).convert("L")
    ink = image.point(lambda v: 255 if v < 200 else 0).getbbox()
    assert ink is not None
    left, top, right, _bottom = ink
    mm = 72 / 25.4
    # 2 px for anti-aliasing at the edge of the first glyph
    assert left >= 30 * mm - 2 and top >= 20 * mm - 2 and right <= 595 - 15 * mm + 2
    only_second = render_pages(pdf, dpi=DPI, first=2, count=1)
    assert [p.number for p in only_second] == [2]


def test_preview_of_a_broken_file_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="không đọc được"):
        render_pages(b"%PDF-1.4 broken")
