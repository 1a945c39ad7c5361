"""Sở Nội vụ: import the communes' bundles (with progress and cancel), see which communes have sent a
period and which are late, the communes' summaries and the recomputation flags to review."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kpi_desktop.errors import KpiError
from kpi_desktop.ui.after_paint import after_first_paint
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.fmt import fmt_date
from kpi_desktop.ui.labels import tr_label
from kpi_desktop.ui.models.records import Column, RecordTableModel
from kpi_desktop.ui.pages.base import Page, heading
from kpi_desktop.ui.widgets.fields import FieldMessage, error_text
from kpi_desktop.ui.widgets.tables import make_table, set_column_widths
from kpi_desktop.ui.workers import run_with_progress

LATE_COLOR = "#b3261e"


def current_quarter(today: date | None = None) -> str:
    day = today or date.today()
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def _yes(value: bool) -> str:
    return QCoreApplication.translate("ProvincePage", "Có") if value else ""


class ProvincePage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._busy = False
        self.period = QLineEdit(current_quarter())
        self.period.setObjectName("provincePeriod")
        self.period.setAccessibleName(self.tr("Kỳ cần xem"))
        self.period.setMaximumWidth(120)
        self.period_message = FieldMessage(self.period)
        self.show_button = QPushButton(self.tr("&Xem"))
        self.show_button.setObjectName("showPeriod")
        self.import_button = QPushButton(self.tr("&Nhập gói dữ liệu…"))
        self.import_button.setObjectName("importBundles")
        self.summary = QLabel()
        self.summary.setObjectName("provinceSummary")
        self.summary.setWordWrap(True)

        self.status_model: RecordTableModel[Any] = RecordTableModel([
            Column("unit", QCoreApplication.translate("ProvincePage", "Xã, phường"), lambda r: r.unit_name),
            Column("code", QCoreApplication.translate("ProvincePage", "Mã"), lambda r: r.unit_code),
            Column("received", QCoreApplication.translate("ProvincePage", "Đã nhận"), lambda r: r.received,
                   text=lambda r: _yes(r.received)),
            Column("records", QCoreApplication.translate("ProvincePage", "Số bản ghi"), lambda r: r.record_count,
                   numeric=True),
            Column("flags", QCoreApplication.translate("ProvincePage", "Cần xem lại"), lambda r: r.flag_count,
                   numeric=True),
            Column("at", QCoreApplication.translate("ProvincePage", "Ngày nhận"), lambda r: r.received_at,
                   text=lambda r: fmt_date(r.received_at)),
            Column("due", QCoreApplication.translate("ProvincePage", "Hạn"), lambda r: r.due),
            Column("late", QCoreApplication.translate("ProvincePage", "Trễ (ngày)"), lambda r: r.days_late,
                   numeric=True, text=lambda r: str(r.days_late) if r.late else "",
                   color=lambda r: LATE_COLOR if r.late else None),
        ], self)
        self.communes_model: RecordTableModel[Any] = RecordTableModel([
            Column("unit", QCoreApplication.translate("ProvincePage", "Xã, phường"), lambda c: c.unit_name),
            Column("code", QCoreApplication.translate("ProvincePage", "Mã"), lambda c: c.unit_code),
            Column("periods", QCoreApplication.translate("ProvincePage", "Các kỳ đã gửi"),
                   lambda c: ", ".join(c.periods_sent)),
            Column("records", QCoreApplication.translate("ProvincePage", "Số bản ghi"), lambda c: c.record_count,
                   numeric=True),
            Column("flags", QCoreApplication.translate("ProvincePage", "Cần xem lại"), lambda c: c.flag_count,
                   numeric=True),
            Column("last", QCoreApplication.translate("ProvincePage", "Gói gần nhất"), lambda c: c.last_received_at,
                   text=lambda c: fmt_date(c.last_received_at)),
        ], self)
        self.flags_model: RecordTableModel[Any] = RecordTableModel([
            Column("unit", QCoreApplication.translate("ProvincePage", "Mã xã"), lambda f: f.unit_code),
            Column("period", QCoreApplication.translate("ProvincePage", "Kỳ"), lambda f: f.period),
            Column("person", QCoreApplication.translate("ProvincePage", "Họ và tên"), lambda f: f.full_name),
            Column("field", QCoreApplication.translate("ProvincePage", "Trường"), lambda f: f.field),
            Column("sent", QCoreApplication.translate("ProvincePage", "Xã gửi"), lambda f: str(f.sent)),
            Column("recomputed", QCoreApplication.translate("ProvincePage", "Tỉnh tính lại"),
                   lambda f: str(f.recomputed)),
            Column("message", QCoreApplication.translate("ProvincePage", "Ghi chú"), lambda f: f.message),
        ], self)
        self.status_table = make_table(self.status_model, self.tr("Tình hình gửi kết quả theo xã"))
        self.status_table.setObjectName("periodStatusTable")
        set_column_widths(self.status_table, [220, 70, 70, 90, 90, 100, 100])
        self.communes_table = make_table(self.communes_model, self.tr("Các xã, phường"))
        self.communes_table.setObjectName("communesTable")
        set_column_widths(self.communes_table, [220, 70, 260, 90, 90])
        self.flags_table = make_table(self.flags_model, self.tr("Khác biệt khi tính lại"))
        self.flags_table.setObjectName("flagsTable")
        self.report = QPlainTextEdit()
        self.report.setObjectName("importReport")
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("Kết quả nhập gói"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.status_table, self.tr("Kỳ: ai đã gửi, ai &trễ"))
        self.tabs.addTab(self.communes_table, self.tr("&Các xã"))
        self.tabs.addTab(self.flags_table, self.tr("Cần &xem lại"))
        self.tabs.addTab(self.report, self.tr("Lần nhập &gần nhất"))

        top = QHBoxLayout()
        label = QLabel(self.tr("&Kỳ:"))
        label.setBuddy(self.period)
        top.addWidget(label)
        top.addWidget(self.period)
        top.addWidget(self.show_button)
        top.addStretch(1)
        top.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Kết quả các xã, phường")))
        layout.addLayout(top)
        layout.addWidget(self.period_message)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        self.show_button.clicked.connect(self.refresh)
        self.period.returnPressed.connect(self.refresh)
        self.import_button.clicked.connect(lambda: self.import_files())
        self._busy = True  # the first load waits for the first paint: see ui/after_paint.py
        after_first_paint(self, self._first_load)

    def _first_load(self) -> None:
        self._busy = False
        self.refresh()

    def busy(self) -> bool:
        return self._busy

    def refresh(self) -> None:
        from kpi_desktop.services import province

        code = self.period.text().strip().upper()
        db, actor = self.ctx.db, self.ctx.actor
        try:
            status = province.period_status(db, actor, code)
            self.communes_model.set_records(province.communes(db, actor))
            self.flags_model.set_records(province.flags(db, actor, period=code))
        except KpiError as exc:
            self.period_message.show_message(error_text(exc))
            return
        self.period_message.clear_message()
        self.status_model.set_records(status)
        late = [s.unit_name for s in status if s.late]
        received = sum(1 for s in status if s.received)
        text = self.tr("Kỳ {period}: {received}/{n} xã đã gửi.").format(period=code, received=received, n=len(status))
        if late:
            text += " " + self.tr("Trễ hạn: {names}.").format(names=", ".join(late))
        self.summary.setText(text)

    def import_files(self, paths: list[str] | None = None) -> None:
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Nhập gói dữ liệu của các xã"), "",
                                                    self.tr("Gói dữ liệu KPI (*.kpib);;Mọi tệp (*)"))
        if not paths:
            return
        from kpi_desktop.services import exchange_import

        db, actor, files = self.ctx.db, self.ctx.actor, [Path(p) for p in paths]
        self._busy = True
        finished: list[Any] = []  # each file's report as it is done (appended by the worker)

        def work(progress: Any, cancel: Any) -> Any:
            def step(done: int, total: int, name: str) -> None:
                if done < total:  # between files: each file is imported whole or not at all; after
                    cancel.check()  # the last one the batch is complete and ends with its receipt
                progress(done, total, self.tr("Đang nhập {name}…").format(name=name) if name else "")

            return exchange_import.import_bundles(db, actor, files, progress=step, on_file=finished.append)

        def done(report: Any) -> None:
            self._busy = False
            lines = [self._summary(report.files), *self._file_lines(report.files)]
            if report.receipt_path:
                lines.append(self.tr("Biên nhận: {path}").format(path=report.receipt_path))
            self.report.setPlainText("\n".join(lines))
            self.tabs.setCurrentWidget(self.report)
            self.refresh()

        def failed(error: BaseException, _details: str) -> None:
            self._busy = False
            if not isinstance(error, KpiError):
                raise error
            # After a Cancel (or an error) between files, the files done so far stay imported or
            # refused: list them before the message, so the user knows what still needs importing.
            self.report.setPlainText("\n".join([*self._file_lines(finished), error_text(error)]))
            self.tabs.setCurrentWidget(self.report)
            self.refresh()

        run_with_progress(self, self.tr("Nhập gói dữ liệu"), work, on_success=done, on_failure=failed, writes=True)

    def _summary(self, files: list[Any]) -> str:
        accepted = sum(1 for f in files if f.ok)
        text = self.tr("Đã nhận {ok}/{n} tệp.").format(ok=accepted, n=len(files))
        bad = len(files) - accepted
        folders = sorted({str(Path(f.quarantined_to).parent) for f in files if f.quarantined_to})
        if bad and folders:
            text += " " + self.tr("{bad} tệp bị từ chối hoặc giữ lại chờ xem xét, đã chép vào thư mục cách ly "
                                  "{folder}.").format(bad=bad, folder=", ".join(folders))
        elif bad:
            text += " " + self.tr("{bad} tệp bị từ chối hoặc giữ lại chờ xem xét.").format(bad=bad)
        return text

    def _file_lines(self, files: list[Any]) -> list[str]:
        return [f"{f.file}: {tr_label(f.label_vi)}" + (f" — {f.reason}" if f.reason else "")
                + (self.tr(" ({n} bản ghi, {k} cần xem lại)").format(n=f.record_count, k=f.flag_count)
                   if f.ok else "") for f in files]
