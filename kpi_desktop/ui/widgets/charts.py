"""Charts drawn with QPainter (no chart library: the installer stays small).

`StackedBarChart`: one horizontal bar per category (a body), split into coloured segments (the
number of people at each level). `BarChart`: one value per category (mean score), with a scale.
Both draw their legend and give the numbers as text for screen readers (`accessibleDescription`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kpi_desktop.ui.fmt import fmt_number


@dataclass(frozen=True)
class Series:
    name: str
    color: str


class _ChartBase(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setAccessibleName(title)
        # Vertically Minimum: a layout short of room must scroll, not squeeze rows and legend away.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.empty_text = ""

    def minimumSizeHint(self) -> QSize:
        return QSize(240, max(120, self.sizeHint().height()))

    def _row_height(self) -> int:
        return max(22, self.fontMetrics().height() + 8)

    def _draw_title(self, painter: QPainter) -> float:
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        height = QFontMetrics(font).height()
        painter.drawText(QRectF(0, 0, self.width(), height), Qt.AlignmentFlag.AlignLeft, self.title)
        font.setBold(False)
        painter.setFont(font)
        return height + 6


class StackedBarChart(_ChartBase):
    def __init__(self, title: str, series: Sequence[Series], parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.series = list(series)
        self.categories: list[str] = []
        self.values: list[list[int]] = []

    def set_data(self, categories: Sequence[str], values: Sequence[Sequence[int]]) -> None:
        self.categories = list(categories)
        self.values = [list(v) for v in values]
        lines = [f"{c}: " + ", ".join(f"{s.name} {n}" for s, n in zip(self.series, v, strict=False))
                 for c, v in zip(self.categories, self.values, strict=True)]
        self.setAccessibleDescription("; ".join(lines))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, int(self._row_height() * (len(self.categories) + 3) + 10))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = self._draw_title(painter)
        metrics = self.fontMetrics()
        row_h = self._row_height()
        if not self.categories:
            painter.drawText(QRectF(0, top, self.width(), row_h), Qt.AlignmentFlag.AlignLeft, self.empty_text)
            return
        label_w = min(max(metrics.horizontalAdvance(c) for c in self.categories) + 12, self.width() // 3)
        total_max = max((sum(v) for v in self.values), default=0) or 1
        count_w = metrics.horizontalAdvance("0000") + 8
        bar_w = max(10, self.width() - label_w - count_w - 4)
        y = top
        for category, values in zip(self.categories, self.values, strict=True):
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRectF(0, y, label_w - 6, row_h),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             metrics.elidedText(category, Qt.TextElideMode.ElideRight, label_w - 6))
            x = float(label_w)
            for series, n in zip(self.series, values, strict=False):
                if n <= 0:
                    continue
                w = bar_w * n / total_max
                painter.fillRect(QRectF(x, y + 3, w, row_h - 6), QColor(series.color))
                if w > metrics.horizontalAdvance(str(n)) + 4:
                    painter.setPen(QColor("white"))
                    painter.drawText(QRectF(x, y, w, row_h), Qt.AlignmentFlag.AlignCenter, str(n))
                x += w
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRectF(x + 4, y, count_w, row_h), Qt.AlignmentFlag.AlignVCenter, str(sum(values)))
            y += row_h
        # legend
        x = 0.0
        y += 6
        for series in self.series:
            painter.fillRect(QRectF(x, y + 4, 12, 12), QColor(series.color))
            painter.setPen(self.palette().windowText().color())
            text_w = metrics.horizontalAdvance(series.name)
            painter.drawText(QRectF(x + 16, y, text_w + 4, row_h), Qt.AlignmentFlag.AlignLeft, series.name)
            x += text_w + 32


class BarChart(_ChartBase):
    """Horizontal bars from 0 to `maximum`, with optional reference lines (the level thresholds)."""

    def __init__(self, title: str, maximum: float = 100.0, color: str = "#1f5fa8",
                 references: Sequence[tuple[float, str]] = (), parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.maximum = maximum
        self.color = color
        self.references = list(references)
        self.categories: list[str] = []
        self.values: list[float] = []
        self.labels: list[str] = []

    def set_data(self, categories: Sequence[str], values: Sequence[float], labels: Sequence[str] | None = None) -> None:
        self.categories = list(categories)
        self.values = [float(v) for v in values]
        self.labels = list(labels) if labels is not None else [fmt_number(v) for v in values]
        self.setAccessibleDescription("; ".join(f"{c}: {t}" for c, t in zip(self.categories, self.labels,
                                                                             strict=True)))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, int(self._row_height() * (len(self.categories) + 2) + 10))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = self._draw_title(painter)
        metrics = self.fontMetrics()
        row_h = self._row_height()
        if not self.categories:
            painter.drawText(QRectF(0, top, self.width(), row_h), Qt.AlignmentFlag.AlignLeft, self.empty_text)
            return
        label_w = min(max(metrics.horizontalAdvance(c) for c in self.categories) + 12, self.width() // 3)
        value_w = metrics.horizontalAdvance("100,00") + 10
        bar_w = max(10, self.width() - label_w - value_w)
        y = top
        for category, value, text in zip(self.categories, self.values, self.labels, strict=True):
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRectF(0, y, label_w - 6, row_h),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             metrics.elidedText(category, Qt.TextElideMode.ElideRight, label_w - 6))
            w = bar_w * max(0.0, min(value, self.maximum)) / self.maximum
            painter.fillRect(QRectF(label_w, y + 3, w, row_h - 6), QColor(self.color))
            painter.drawText(QRectF(label_w + w + 4, y, value_w, row_h), Qt.AlignmentFlag.AlignVCenter, text)
            y += row_h
        for threshold, name in self.references:
            x = label_w + bar_w * threshold / self.maximum
            painter.setPen(QPen(QColor("#888888"), 1, Qt.PenStyle.DashLine))
            painter.drawLine(int(x), int(top), int(x), int(y))
            painter.drawText(QRectF(x - 30, y, 60, row_h), Qt.AlignmentFlag.AlignHCenter, name)
