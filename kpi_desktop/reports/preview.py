"""Page images of a generated PDF, for the GUI's preview (PySide6-Essentials has no PDF viewer).

The pages are rendered by PDFium (pypdfium2) from the very bytes that would be saved, so the preview
shows exactly what prints. The GUI loads each PNG with `QImage.fromData()`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from kpi_desktop.errors import InputError


@dataclass(frozen=True)
class PreviewPage:
    number: int  # 1-based
    width: int  # pixels
    height: int
    png: bytes


def page_count(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    doc = _open(pdf, pdfium)
    try:
        return len(doc)
    finally:
        doc.close()


def render_pages(pdf: bytes, *, dpi: float = 96, first: int = 1, count: int | None = None) -> list[PreviewPage]:
    """Pages `first` … `first + count - 1` (all from `first` when `count` is None) as PNG images."""
    import pypdfium2 as pdfium

    doc = _open(pdf, pdfium)
    try:
        last = len(doc) if count is None else min(len(doc), first - 1 + count)
        pages = []
        for index in range(max(first, 1) - 1, last):
            page = doc[index]
            try:
                image = page.render(scale=dpi / 72).to_pil()
            finally:
                page.close()
            buffer = io.BytesIO()
            image.save(buffer, format="PNG", optimize=False)
            pages.append(PreviewPage(index + 1, image.width, image.height, buffer.getvalue()))
        return pages
    finally:
        doc.close()


def _open(pdf: bytes, pdfium: Any) -> Any:
    try:
        return pdfium.PdfDocument(pdf)
    except Exception as exc:  # PdfiumError for anything that is not a readable PDF
        raise InputError("Không hiển thị được bản xem trước: tệp PDF không đọc được.", field="pdf") from exc
