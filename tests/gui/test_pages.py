"""Catalogues (edit a product with validation, discard, save; Excel export and import from the menu),
the people page and the dashboard, through their widgets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kpi_desktop.domain.roles import SYSTEM, Actor, Role
from kpi_desktop.services import catalog, people, units
from kpi_desktop.store.db import Database
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.main_window import MainWindow
from kpi_desktop.ui.pages.catalogues import CataloguesPage
from kpi_desktop.ui.pages.dashboard import DashboardPage
from kpi_desktop.ui.pages.people import PeoplePage

from .helpers import type_text

pytestmark = pytest.mark.gui
CLERK = Actor(username="tochuc", role=Role.CLERK, display_name="Lê Thu Hà")


@pytest.fixture
def commune(db: Database) -> Database:
    units.create_unit(db, SYSTEM, "22453")
    for code, name, body in (("CC-0001", "Trần Văn Bình", "PKT"), ("CC-0002", "Nguyễn Thị Ánh", "PKT"),
                             ("CC-0003", "Lê Đức Anh", "VP")):
        people.create_person(db, SYSTEM, people.NewPerson(code=code, full_name=name, category="cong_chuc",
                                                          start_date=date(2021, 1, 1), body_code=body))
    return db


def test_catalogue_product_edit_validate_discard_save(qtbot: QtBot, kpi_app: QApplication,
                                                      commune: Database) -> None:
    window = MainWindow(AppContext(commune, CLERK))
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("catalogues")
    assert isinstance(page, CataloguesPage)
    page.tabs.setCurrentIndex(1)
    first = page.products.record(0)
    page.product_table.setCurrentIndex(page.products.index(0, 0))
    editor = page.editor
    qtbot.waitUntil(lambda: editor.code.text() == first.code)
    assert not editor.save.isEnabled()  # nothing changed yet

    editor.k.clear()
    type_text(editor.k, "0")
    assert editor.save.isEnabled() and editor.discard.isEnabled()
    qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
    assert editor.messages["k"].isVisible() and "số dương" in editor.messages["k"].text()
    qtbot.mouseClick(editor.discard, Qt.MouseButton.LeftButton)  # back to what is stored
    assert Decimal(editor.k.text().replace(",", ".")) == first.k and not editor.save.isEnabled()

    editor.k.clear()
    type_text(editor.k, "1,75")
    editor.name.clear()
    type_text(editor.name, "Văn bản tham mưu (đã sửa)")
    qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
    saved = next(p for p in catalog.list_products(commune, CLERK) if p.code == first.code)
    assert saved.k == Decimal("1.75") and saved.name == "Văn bản tham mưu (đã sửa)"
    assert f"Đã lưu sản phẩm {first.code}" in page.status.text()
    assert not editor.save.isEnabled()

    # unsaved edits are not lost silently: moving away asks first (here: the user keeps editing)
    editor.k.clear()
    type_text(editor.k, "2")
    from PySide6.QtWidgets import QMessageBox

    answers = [QMessageBox.StandardButton.Cancel]
    original = QMessageBox.question
    QMessageBox.question = lambda *a, **k: answers.pop()  # type: ignore[method-assign,assignment]
    try:
        page.product_table.setCurrentIndex(page.products.index(1, 0))
    finally:
        QMessageBox.question = original  # type: ignore[method-assign]
    assert editor.code.text() == first.code and editor.k.text() == "2"
    window.close()


def test_catalogue_excel_export_then_import_from_the_menu(qtbot: QtBot, kpi_app: QApplication,
                                                         commune: Database, tmp_path: Path) -> None:
    window = MainWindow(AppContext(commune, CLERK))
    qtbot.addWidget(window)
    window.show()
    assert window.catalogue_menu.title() == "&Danh mục"
    page = window.show_page("catalogues")
    assert isinstance(page, CataloguesPage)
    path = tmp_path / "danh-muc.xlsx"
    page.export_xlsx(str(path))
    qtbot.waitUntil(lambda: "Đã xuất" in page.status.text(), timeout=30000)
    assert path.stat().st_size > 0
    page.import_xlsx(str(path))
    qtbot.waitUntil(lambda: "Đã nhập danh-muc.xlsx" in page.status.text(), timeout=30000)
    bad = tmp_path / "hong.xlsx"
    bad.write_bytes(b"not a workbook")
    page.import_xlsx(str(bad))
    qtbot.waitUntil(lambda: "hong.xlsx" in page.status.text() and "Đã nhập" not in page.status.text(),
                    timeout=30000)
    window.close()


def test_people_page_search_and_person_page(qtbot: QtBot, kpi_app: QApplication, commune: Database) -> None:
    window = MainWindow(AppContext(commune, CLERK))
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("people")
    assert isinstance(page, PeoplePage)
    qtbot.waitUntil(lambda: not page.busy() and page.list.model.rowCount() == 3)
    # Vietnamese order: by given name (Anh, Ánh, Bình)
    assert [page.list.model.record(i).full_name for i in range(3)] == ["Lê Đức Anh", "Nguyễn Thị Ánh",
                                                                      "Trần Văn Bình"]
    qtbot.waitUntil(lambda: page.detail.title.text() == "Lê Đức Anh")
    qtbot.keyClicks(page.list.search, "binh")
    qtbot.waitUntil(lambda: page.list.model.rowCount() == 1)
    page.list.select_first()
    qtbot.waitUntil(lambda: page.detail.title.text() == "Trần Văn Bình")
    assert page.detail.fields["code"].text() == "CC-0001"
    assert page.detail.tabs.count() == 6
    window.close()


def test_dashboard_shows_progress_and_who_has_not_submitted(qtbot: QtBot, kpi_app: QApplication,
                                                            commune: Database) -> None:
    from kpi_desktop.services import evaluation

    evaluation.open_period(commune, CLERK, "2026-Q2")
    window = MainWindow(AppContext(commune, CLERK))
    qtbot.addWidget(window)
    window.show()
    page = window.page("dashboard")
    assert isinstance(page, DashboardPage)
    qtbot.waitUntil(lambda: page.data is not None and not page.busy(), timeout=20000)
    assert "2026-Q2" in page.period_label.text()
    names = [page.not_submitted.list.item(i).text() for i in range(page.not_submitted.list.count())]  # type: ignore[attr-defined]
    assert sorted(names) == sorted(["Trần Văn Bình", "Nguyễn Thị Ánh", "Lê Đức Anh"])
    assert page.levels_chart.categories == []  # nothing scored yet: the chart says so
    assert page.levels_chart.empty_text == "Chưa có số liệu."
    window.close()


def test_year_page_shows_heads_contracts(qtbot: QtBot, kpi_app: QApplication, commune: Database) -> None:
    from kpi_desktop.store.models.core import Unit
    from kpi_desktop.store.models.evaluation import ContractTarget, ContractVetoItem, ResponsibilityContract
    from kpi_desktop.store.models.people import Person
    from kpi_desktop.ui.pages.year import YearPage

    with commune.session(SYSTEM) as s:  # arranged in the store: contracts are entered by the CLI/demo today
        unit = s.query(Unit).one()
        head = s.query(Person).filter_by(code="CC-0001").one()
        contract = ResponsibilityContract(unit_id=unit.id, person_id=head.id, year=2026, state="signed")
        contract.targets.append(ContractTarget(seq=1, name="Thu ngân sách", target=Decimal(100),
                                               actual=Decimal(110), weight=Decimal(1)))
        contract.veto_items.append(ContractVetoItem(seq=1, description="Để xảy ra tham nhũng", triggered=False))
        s.add(contract)
    window = MainWindow(AppContext(commune, CLERK))
    qtbot.addWidget(window)
    page = window.show_page("year")
    assert isinstance(page, YearPage)
    page.year.setValue(2026)
    text = page.contracts.toPlainText()
    assert "Trần Văn Bình (CC-0001)" in text
    assert "1. Thu ngân sách: chỉ tiêu 100, thực hiện 110" in text
    assert "Điều kiện phủ quyết: Để xảy ra tham nhũng — không vi phạm" in text
    window.close()


def test_every_input_on_the_main_pages_has_an_accessible_name(qtbot: QtBot, kpi_app: QApplication,
                                                               commune: Database) -> None:
    from PySide6.QtWidgets import QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit

    window = MainWindow(AppContext(commune, CLERK))
    qtbot.addWidget(window)
    window.show()
    missing = []
    for name in window.page_names():
        page = window.show_page(name)
        qtbot.waitUntil(lambda page=page: not page.busy(), timeout=20000)
        widgets = [w for kind in (QLineEdit, QComboBox, QPlainTextEdit, QAbstractItemView)
                   for w in page.findChildren(kind)]
        for widget in widgets:
            ancestor, inner = widget.parentWidget(), False
            while ancestor is not None and ancestor is not page:
                inner = inner or isinstance(ancestor, (QComboBox, QAbstractSpinBox, QAbstractItemView))
                ancestor = ancestor.parentWidget()
            if inner:
                continue  # inner parts (a table header, a combo popup, a spin box editor): named on the outer widget
            if not widget.accessibleName():
                missing.append(f"{name}: {type(widget).__name__} {widget.objectName()}")
    assert missing == [], "\n".join(missing)
    window.close()
