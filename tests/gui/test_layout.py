# ruff: noqa: F811  (the demo fixtures are imported from demo_db.py)
"""Layout at the screenshot size on the demo commune: every chart gets the height its rows need (a window
short of room scrolls rather than squeezing the last body and the legend under the next chart), and
no table heading is cut off."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kpi_desktop.domain.roles import Actor, Role
from kpi_desktop.store.db import Database
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.main_window import MainWindow
from kpi_desktop.ui.pages.dashboard import DashboardPage
from kpi_desktop.ui.widgets.charts import BarChart, StackedBarChart

from .demo_db import demo_db, demo_file  # noqa: F401

CLERK = Actor(username="tochuc", role=Role.CLERK, display_name="Cán bộ tổ chức")


def test_charts_keep_the_height_their_rows_need(qtbot: QtBot, kpi_app: QApplication, demo_db: Database) -> None:
    window = MainWindow(AppContext(demo_db, CLERK))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    page = window.page("dashboard")
    assert isinstance(page, DashboardPage)
    qtbot.waitUntil(lambda: page.data is not None and not page.busy(), timeout=20000)
    charts = [page.levels_chart, page.scores_chart]
    assert len(page.levels_chart.categories) == 5  # the demo's five bodies

    def laid_out() -> None:  # the layout settles in posted events after the data arrives
        for chart in charts:
            assert isinstance(chart, (BarChart, StackedBarChart))
            assert chart.height() >= chart.sizeHint().height(), chart.title

    qtbot.waitUntil(laid_out, timeout=5000)
    # nothing laid over the charts: the widgets below start where the charts end
    lowest_chart = max(c.mapTo(page, c.rect().bottomLeft()).y() for c in charts)
    below = page.year_chart.mapTo(page, page.year_chart.rect().topLeft()).y()
    assert below > lowest_chart
    window.close()


def test_no_table_heading_is_cut_off(qtbot: QtBot, kpi_app: QApplication, demo_db: Database) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTableView

    window = MainWindow(AppContext(demo_db, CLERK))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    for name in ("periods", "year", "assignments", "people"):
        page = window.show_page(name)
        qtbot.waitUntil(lambda page=page: not page.busy(), timeout=20000)
        for view in page.findChildren(QTableView):
            header, model = view.horizontalHeader(), view.model()
            for column in range(model.columnCount() - 1):  # the last one stretches
                text = str(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))
                assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(text), (name, text)
    window.close()
