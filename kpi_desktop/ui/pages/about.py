"""Giới thiệu: version, database, data folder and fonts; also the smoke-test page."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from kpi_desktop import __version__
from kpi_desktop.paths import data_dir
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.pages.base import Page, page_layout
from kpi_desktop.ui.theme.fonts import load_bundled_fonts

SAMPLE_TEXT = "Đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức — Hoàn thành xuất sắc nhiệm vụ"


class AboutPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = page_layout(self, self.tr("Giới thiệu KPI Desktop"))
        intro = QLabel(self.tr(
            "Ứng dụng ngoại tuyến để theo dõi, đánh giá và xếp loại chất lượng cán bộ, công chức, "
            "viên chức theo KPI (Nghị định 335/2025/NĐ-CP, Nghị định 233/2026/NĐ-CP)."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.version = QLabel(__version__)
        self.database = QLabel()
        self.data_folder = QLabel()
        self.fonts = QLabel()
        self.sample = QLabel(SAMPLE_TEXT)
        self.sample.setObjectName("sampleText")
        for label in (self.database, self.data_folder):
            label.setWordWrap(True)
        form.addRow(self.tr("Phiên bản:"), self.version)
        form.addRow(self.tr("Cơ sở dữ liệu:"), self.database)
        form.addRow(self.tr("Thư mục dữ liệu:"), self.data_folder)
        form.addRow(self.tr("Phông chữ đi kèm:"), self.fonts)
        form.addRow(self.tr("Chữ mẫu:"), self.sample)
        layout.addLayout(form)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        db = self.ctx.db
        self.database.setText(str(db.path) if db.path else db.engine.url.render_as_string(hide_password=True))
        self.data_folder.setText(str(data_dir()))
        families = load_bundled_fonts()
        self.fonts.setText(", ".join(f for f in families if f in QFontDatabase.families()) or self.tr("(không có)"))
