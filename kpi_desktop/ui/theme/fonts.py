"""The bundled DejaVu fonts, registered with Qt so that Vietnamese renders on a machine with no fonts.

The Qt wheels ship no fonts and a clean Windows or Linux machine may have none that cover every
Vietnamese letter; the same TTF files are embedded in the PDFs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

import kpi_desktop.resources

UI_FAMILY = "DejaVu Sans"
UI_POINT_SIZE = 10
FONTS_DIR = Path(kpi_desktop.resources.__file__).resolve().parent / "fonts"

# Every precomposed Vietnamese letter the UI may show, lower and upper case.
VIETNAMESE_LETTERS = (
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
)

_loaded: list[str] = []


def load_bundled_fonts() -> list[str]:
    """Register every bundled TTF once; returns the font families Qt now knows from them."""
    if _loaded:
        return list(_loaded)
    families: list[str] = []
    # Only the UI family: the serif files are for the printed forms (reportlab reads them itself).
    for path in sorted(FONTS_DIR.glob("DejaVuSans*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    _loaded.extend(dict.fromkeys(families))
    return list(_loaded)


def ui_font(point_size: int = UI_POINT_SIZE) -> QFont:
    font = QFont(UI_FAMILY, point_size)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return font


def missing_glyphs(font: QFont, text: str) -> str:
    """The characters of `text` that `font` cannot draw (empty when all render)."""
    metrics = QFontMetrics(font)
    return "".join(dict.fromkeys(ch for ch in text if not ch.isspace() and not metrics.inFontUcs4(ord(ch))))
