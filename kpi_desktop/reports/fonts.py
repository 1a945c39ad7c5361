"""The fonts every printed form uses: DejaVu Serif for text, DejaVu Sans for tick-boxes and charts.

They ship in `kpi_desktop/resources/fonts/` (with their licence), so a PDF renders the same on a machine
with no fonts of its own; reportlab embeds a subset of each TTF in every PDF. The standard PDF fonts
(Helvetica, Times) lack most Vietnamese letters, so they are never used.
"""

from __future__ import annotations

import threading
from importlib import resources
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kpi_desktop.errors import KpiError

SERIF = "DejaVuSerif"
SERIF_BOLD = "DejaVuSerif-Bold"
SERIF_ITALIC = "DejaVuSerif-Italic"
SERIF_BOLD_ITALIC = "DejaVuSerif-BoldItalic"
SANS = "DejaVuSans"
SANS_BOLD = "DejaVuSans-Bold"

_FILES = {
    SERIF: "DejaVuSerif.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
    SERIF_ITALIC: "DejaVuSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "DejaVuSerif-BoldItalic.ttf",
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
}

_lock = threading.Lock()
_registered = False


def fonts_dir() -> Path:
    return Path(str(resources.files("kpi_desktop.resources").joinpath("fonts")))


def register_fonts() -> None:
    """Register the bundled fonts with reportlab once per process (safe from worker threads)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        # Binary (Flate only) streams: ASCII85 on top costs time and makes files a quarter bigger.
        rl_config.useA85 = 0
        folder = fonts_dir()
        for name, filename in _FILES.items():
            path = folder / filename
            if not path.is_file():
                raise KpiError(
                    f"Thiếu tệp phông chữ «{filename}» trong thư mục cài đặt ({folder}).",
                    hint="Hãy cài lại KPI Desktop; phông DejaVu đi kèm ứng dụng.",
                )
            pdfmetrics.registerFont(TTFont(name, str(path)))
        # <b>/<i> inside a Paragraph pick the right face of the family.
        pdfmetrics.registerFontFamily(SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC,
                                      boldItalic=SERIF_BOLD_ITALIC)
        addMapping(SANS, 0, 0, SANS)
        addMapping(SANS, 1, 0, SANS_BOLD)
        addMapping(SANS, 0, 1, SANS)
        addMapping(SANS, 1, 1, SANS_BOLD)
        _registered = True
