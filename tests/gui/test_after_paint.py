"""Background work waits for the first paint, and never reaches a widget that is gone."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kpi_desktop.ui.after_paint import after_first_paint


class _PaintLog(QObject):
    def __init__(self, log: list[str]) -> None:
        super().__init__()
        self.log = log

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.log.append("paint")
        return False


def test_a_shown_widget_runs_the_work_after_it_has_painted(qtbot: QtBot, kpi_app: QApplication) -> None:
    log: list[str] = []
    label = QLabel("Tổng quan")
    qtbot.addWidget(label)
    painted = _PaintLog(log)
    label.installEventFilter(painted)
    label.show()
    after_first_paint(label, lambda: log.append("work"), fallback_ms=60000)
    qtbot.waitUntil(lambda: "work" in log)
    assert log.index("paint") < log.index("work")
    assert log.count("work") == 1
    label.update()
    qtbot.wait(20)
    assert log.count("work") == 1, "runs once, not on every paint"


def test_a_hidden_widget_runs_the_work_at_once(qtbot: QtBot, kpi_app: QApplication) -> None:
    log: list[str] = []
    label = QLabel()
    qtbot.addWidget(label)
    after_first_paint(label, lambda: log.append("work"))
    qtbot.waitUntil(lambda: log == ["work"])


def test_no_work_reaches_a_widget_deleted_before_it_painted(qtbot: QtBot, kpi_app: QApplication) -> None:
    log: list[str] = []
    label = QLabel()
    after_first_paint(label, lambda: log.append("work"), fallback_ms=1)
    label.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # gone before any timer runs
    qtbot.wait(50)
    assert log == []
