"""Print a whole period's or year's forms to PDF files: a batch off the GUI thread, with a progress
bar and Cancel (the reports service stops between files; every file is written whole)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from kpi_desktop.errors import KpiError
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.widgets.fields import error_text
from kpi_desktop.ui.workers import TaskHandle, run_with_progress


def export_forms(parent: QWidget, ctx: AppContext, status: QLabel, *, period_code: str | None = None,
                 year: int | None = None, folder: str | None = None) -> TaskHandle | None:
    if folder is None:
        folder = QFileDialog.getExistingDirectory(
            parent, QCoreApplication.translate("export", "Chọn thư mục lưu các phiếu PDF"))
    if not folder:
        return None
    from kpi_desktop.services import reports

    db, actor, target = ctx.db, ctx.actor, Path(folder)

    def work(progress: Any, cancel: Any) -> Any:
        def step(done: int, total: int, what: str) -> None:
            progress(done, total, QCoreApplication.translate("export", "Đang ghi {what}…").format(what=what)
                     if what else "")

        return reports.export_unit_forms(db, actor, target, period_code=period_code, year=year, fmt="pdf",
                                         progress=step, cancelled=lambda: cancel.cancelled)

    def done(result: Any) -> None:
        if result.cancelled:
            status.setText(QCoreApplication.translate("export", "Đã dừng theo yêu cầu: đã ghi {n} tệp vào {folder}.")
                           .format(n=len(result.written), folder=result.folder))
        else:
            status.setText(QCoreApplication.translate("export", "Đã ghi {n} tệp PDF vào {folder}.")
                           .format(n=len(result.written), folder=result.folder))

    def failed(error: BaseException, _details: str) -> None:
        if not isinstance(error, (KpiError, OSError)):
            raise error
        status.setText(error_text(error) if isinstance(error, KpiError) else str(error))

    title = QCoreApplication.translate("export", "Xuất phiếu ra PDF")
    return run_with_progress(parent, title, work, on_success=done, on_failure=failed)
