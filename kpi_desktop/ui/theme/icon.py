"""The application icon, drawn with QPainter so that it needs no image plug-in."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from kpi_desktop.ui.theme.fonts import UI_FAMILY

PRIMARY = QColor("#1f5fa8")
ACCENT = QColor("#e0a020")


def icon_pixmap(size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(PRIMARY)
    radius = size * 0.18
    painter.drawRoundedRect(QRectF(0, 0, size, size), radius, radius)
    # three rising bars: scores that grow
    painter.setBrush(ACCENT)
    bar = size * 0.14
    for i, height in enumerate((0.22, 0.34, 0.46)):
        x = size * (0.2 + i * 0.22)
        painter.drawRect(QRectF(x, size * 0.86 - size * height, bar, size * height))
    painter.setPen(QColor("white"))
    font = QFont(UI_FAMILY)
    font.setBold(True)
    font.setPixelSize(max(6, int(size * 0.26)))
    painter.setFont(font)
    painter.drawText(QRectF(0, size * 0.06, size, size * 0.34), Qt.AlignmentFlag.AlignCenter, "KPI")
    painter.end()
    return pixmap


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addPixmap(icon_pixmap(size))
    return icon
