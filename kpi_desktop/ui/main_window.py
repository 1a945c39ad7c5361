"""The main window: navigation on the left, one page at a time on the right, menus and status bar.

Pages are built the first time they are shown, so start-up only pays for the first page.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from kpi_desktop import __version__
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.labels import role_label
from kpi_desktop.ui.opening import OpeningDatabase
from kpi_desktop.ui.pages.base import Page
from kpi_desktop.ui.pages.registry import PageSpec, pages_for
from kpi_desktop.ui.workers import wait_all


class MainWindow(QMainWindow):
    page_changed = Signal(str)
    logout_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, initial_page: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("KPI Desktop — Đánh giá, xếp loại theo KPI"))
        self.specs: list[PageSpec] = pages_for(ctx.actor)
        self._pages: dict[str, Page] = {}

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Danh sách trang"))
        self.navigation.setMaximumWidth(240)
        for spec in self.specs:
            item = QListWidgetItem(spec.title())
            item.setData(Qt.ItemDataRole.UserRole, spec.name)
            self.navigation.addItem(item)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        splitter = QSplitter()
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self.navigation.currentRowChanged.connect(self._on_row)

        self._build_menus()
        who = ctx.actor.display_name or ctx.actor.username
        self.user_label = QLabel(self.tr("Người dùng: {name} ({role})").format(
            name=who, role=role_label(ctx.actor.role)))
        self.statusBar().addPermanentWidget(self.user_label)
        if isinstance(ctx.db, OpeningDatabase):
            self.statusBar().showMessage(self.tr("Đang mở cơ sở dữ liệu…"))
            ctx.db.when_open(self._show_database)
        else:
            self._show_database()
        self.resize(1200, 760)
        if self.specs:
            names = self.page_names()
            self.navigation.setCurrentRow(names.index(initial_page) if initial_page in names else 0)

    def _show_database(self) -> None:
        db = self.ctx.db
        db_text = str(db.path) if db.path else db.engine.url.render_as_string(hide_password=True)
        self.statusBar().showMessage(self.tr("Cơ sở dữ liệu: {path}").format(path=db_text))

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Tệp"))
        logout = QAction(self.tr("Đăng &xuất"), self)
        logout.triggered.connect(self._logout)
        file_menu.addAction(logout)
        quit_action = QAction(self.tr("&Thoát"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.file_menu = file_menu

        go_menu = self.menuBar().addMenu(self.tr("Trang"))
        for index, spec in enumerate(self.specs):
            action = QAction(spec.title(), self)
            if index < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, name=spec.name: self.show_page(name))
            go_menu.addAction(action)

        if "catalogues" in self.page_names():
            catalogue_menu = self.menuBar().addMenu(self.tr("&Danh mục"))
            import_action = QAction(self.tr("&Nhập danh mục từ Excel…"), self)
            import_action.setObjectName("importCatalogueAction")
            import_action.triggered.connect(lambda: self._catalogue_page().import_xlsx())
            export_action = QAction(self.tr("&Xuất danh mục ra Excel…"), self)
            export_action.setObjectName("exportCatalogueAction")
            export_action.triggered.connect(lambda: self._catalogue_page().export_xlsx())
            catalogue_menu.addAction(import_action)
            catalogue_menu.addAction(export_action)
            self.catalogue_menu = catalogue_menu

        help_menu = self.menuBar().addMenu(self.tr("Trợ &giúp"))
        about = QAction(self.tr("&Giới thiệu"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    # pages ---------------------------------------------------------------------------------------
    def page_names(self) -> list[str]:
        return [spec.name for spec in self.specs]

    def page(self, name: str) -> Page:
        """The page called `name`, built on first use."""
        if name not in self._pages:
            spec = next((s for s in self.specs if s.name == name), None)
            if spec is None:
                raise KeyError(name)
            page = spec.factory(self.ctx)
            page.setObjectName(f"page_{name}")
            self._pages[name] = page
            self.stack.addWidget(page)
        return self._pages[name]

    def show_page(self, name: str) -> Page:
        row = self.page_names().index(name)
        if self.navigation.currentRow() != row:
            self.navigation.setCurrentRow(row)  # _on_row does the work
        return self._pages[name]

    def current_page_name(self) -> str:
        item = self.navigation.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ""

    def _on_row(self, row: int) -> None:
        if row < 0:
            return
        name = self.specs[row].name
        fresh = name not in self._pages
        page = self.page(name)
        self.stack.setCurrentWidget(page)
        if not fresh:
            page.refresh()
        self.page_changed.emit(name)

    def _catalogue_page(self) -> Any:
        return self.show_page("catalogues")

    # actions -------------------------------------------------------------------------------------
    def _logout(self) -> None:
        self.logout_requested.emit()
        self.close()

    def _about(self) -> None:
        if "about" in self.page_names():
            self.show_page("about")
        else:
            QMessageBox.about(self, self.tr("Giới thiệu"), f"KPI Desktop {__version__}")

    def closeEvent(self, event: QCloseEvent) -> None:
        wait_all(10000)
        super().closeEvent(event)
