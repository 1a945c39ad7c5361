"""Biểu mẫu, báo cáo: preview a form as page images, save it as PDF or Excel, and write the whole unit's
forms into a folder in one batch (off the GUI thread, with a progress bar and Cancel), optionally signed
(PAdES) with the unit's certificate.

The figures come from the reports service (what the scoring engine stored); the preview shows the very
PDF bytes that would be saved, rendered by PDFium (`reports.preview`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kpi_desktop.errors import InputError, KpiError
from kpi_desktop.services.authz import Action, Scope, scope_of
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.pages.base import Page, heading
from kpi_desktop.ui.widgets.fields import FieldMessage, error_text
from kpi_desktop.ui.workers import TaskHandle, run_task

# The kinds of document: (key, needs a period, needs a person)
KINDS: tuple[tuple[str, bool, bool], ...] = (
    ("period", True, True),  # Mẫu 01: one person, one month or quarter
    ("annual", False, True),  # Mẫu 02 (or the legacy ND 90 form for a year rated under it)
    ("unit", False, False),  # the unit's summary of annual results
    ("commune", False, False),  # the commune's report to the province
)


def _kind_titles() -> dict[str, str]:
    return {
        "period": QCoreApplication.translate("ReportsPage", "Phiếu theo dõi, đánh giá theo kỳ (Mẫu 01)"),
        "annual": QCoreApplication.translate("ReportsPage", "Phiếu xếp loại chất lượng năm (Mẫu 02 hoặc mẫu cũ)"),
        "unit": QCoreApplication.translate("ReportsPage", "Bảng tổng hợp kết quả xếp loại của đơn vị"),
        "commune": QCoreApplication.translate("ReportsPage", "Báo cáo kết quả xếp loại gửi Sở Nội vụ"),
    }


@dataclass(frozen=True)
class Request:
    """What the user chose: plain data handed to the worker."""

    kind: str
    period_code: str | None
    year: int
    person_id: int | None


@dataclass(frozen=True)
class SignConfig:
    cert: str
    key: str
    passphrase: str
    location: str


def build_model(ctx: AppContext, request: Request) -> Any:
    """The report view-model for `request`, from the reports service (runs in a worker)."""
    from kpi_desktop.services import reports

    if request.kind == "period":
        if not request.period_code:
            raise InputError(QCoreApplication.translate("ReportsPage", "Chưa chọn kỳ đánh giá."), field="period")
        if request.person_id is None:
            raise InputError(QCoreApplication.translate("ReportsPage", "Chưa chọn người."), field="person")
        return reports.period_form(ctx.db, ctx.actor, period_code=request.period_code, person_id=request.person_id)
    if request.kind == "annual":
        if request.person_id is None:
            raise InputError(QCoreApplication.translate("ReportsPage", "Chưa chọn người."), field="person")
        return reports.annual_form(ctx.db, ctx.actor, year=request.year, person_id=request.person_id)
    if request.kind == "unit":
        return reports.unit_summary(ctx.db, ctx.actor, year=request.year)
    return reports.commune_report(ctx.db, ctx.actor, year=request.year)


def load_signer(config: SignConfig | None) -> object | None:
    if config is None:
        return None
    from kpi_desktop.reports.signing import load_signer as load

    if not config.cert:
        raise InputError(QCoreApplication.translate("ReportsPage", "Chưa chọn tệp chứng thư số để ký."), field="cert",
                         hint=QCoreApplication.translate("ReportsPage", "Chọn tệp .p12/.pfx, hoặc tệp .pem kèm khoá riêng."))
    return load(Path(config.cert), Path(config.key) if config.key else None, passphrase=config.passphrase or None)


class ReportsPage(Page):
    batch_progress = Signal(int, int)  # (done, total), for tests and screen readers

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._busy = False
        self._preview_generation = 0
        self.batch_handle: TaskHandle | None = None
        self.preview_pages: list[QImage] = []
        self.page_labels: list[QLabel] = []
        scope = scope_of(ctx.actor, Action.REPORT_EXPORT)
        self.whole_unit = scope is Scope.ALL
        self.can_batch = scope in (Scope.ALL, Scope.BODY)  # a head prints their own body's forms
        titles = _kind_titles()

        self.kind = QComboBox()
        self.kind.setObjectName("reportKind")
        self.kind.setAccessibleName(self.tr("Loại biểu mẫu"))
        for key, _p, _q in KINDS:
            if key == "commune" and not self.whole_unit:
                continue
            self.kind.addItem(titles[key], key)
        self.period = QComboBox()
        self.period.setObjectName("reportPeriod")
        self.period.setAccessibleName(self.tr("Kỳ đánh giá"))
        self.year = QSpinBox()
        self.year.setObjectName("reportYear")
        self.year.setAccessibleName(self.tr("Năm"))
        self.year.setRange(2020, 2100)
        self.year.setValue(date.today().year)
        self.person = QComboBox()
        self.person.setObjectName("reportPerson")
        self.person.setAccessibleName(self.tr("Người được đánh giá"))
        self.person.setEditable(True)  # type a name to jump to it
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.fmt = QComboBox()
        self.fmt.setObjectName("reportFormat")
        self.fmt.setAccessibleName(self.tr("Định dạng tệp"))
        self.fmt.addItem(self.tr("PDF (để in, ký)"), "pdf")
        self.fmt.addItem(self.tr("Excel (.xlsx)"), "xlsx")

        self.preview_button = QPushButton(self.tr("&Xem trước"))
        self.preview_button.setObjectName("previewReport")
        self.save_button = QPushButton(self.tr("&Lưu tệp…"))
        self.save_button.setObjectName("saveReport")
        self.batch_button = QPushButton(self.tr("In &cả đơn vị vào thư mục…"))
        self.batch_button.setObjectName("batchReports")
        self.cancel_button = QPushButton(self.tr("&Dừng"))
        self.cancel_button.setObjectName("cancelBatch")
        self.cancel_button.setEnabled(False)
        for button in (self.preview_button, self.save_button, self.batch_button, self.cancel_button):
            button.setAccessibleName(button.text().replace("&", ""))
        self.progress = QProgressBar()
        self.progress.setObjectName("batchProgress")
        self.progress.setAccessibleName(self.tr("Tiến độ in cả đơn vị"))
        self.progress.setRange(0, 1)
        self.progress.setValue(0)

        # signing (PAdES) with the unit's certificate
        self.sign_box = QGroupBox(self.tr("&Ký số tệp PDF bằng chứng thư của đơn vị"))
        self.sign_box.setObjectName("signBox")
        self.sign_box.setCheckable(True)
        self.sign_box.setChecked(False)
        sform = QFormLayout(self.sign_box)
        self.cert = QLineEdit()
        self.cert.setObjectName("signCert")
        self.cert.setAccessibleName(self.tr("Tệp chứng thư số (.p12, .pfx hoặc .pem)"))
        self.key = QLineEdit()
        self.key.setObjectName("signKey")
        self.key.setAccessibleName(self.tr("Tệp khoá riêng (.pem)"))
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("signPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Mật khẩu của khoá"))
        self.place = QLineEdit()
        self.place.setObjectName("signPlace")
        self.place.setAccessibleName(self.tr("Nơi ký"))
        browse = QPushButton(self.tr("Chọn…"))
        browse.setAccessibleName(self.tr("Chọn tệp chứng thư số"))
        browse.clicked.connect(self._browse_cert)
        cert_row = QHBoxLayout()
        cert_row.addWidget(self.cert, 1)
        cert_row.addWidget(browse)
        sform.addRow(self.tr("Chứng thư:"), cert_row)
        sform.addRow(self.tr("Khoá riêng:"), self.key)
        sform.addRow(self.tr("Mật khẩu:"), self.passphrase)
        sform.addRow(self.tr("Nơi ký:"), self.place)
        self.cert_message = FieldMessage(self.cert)
        sform.addRow("", self.cert_message)
        self._prefill_signer()

        self.message = FieldMessage()
        self.message.setObjectName("reportsMessage")
        self.status = QLabel()
        self.status.setObjectName("reportsStatus")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Kết quả"))

        self.pages_widget = QWidget()
        self.pages_widget.setObjectName("previewPages")
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.preview_area = QScrollArea()
        self.preview_area.setObjectName("previewScroll")
        self.preview_area.setAccessibleName(self.tr("Bản xem trước"))
        self.preview_area.setWidgetResizable(True)
        self.preview_area.setWidget(self.pages_widget)
        self.placeholder = QLabel(self.tr("Chọn biểu mẫu rồi bấm «Xem trước»."))
        self.pages_layout.addWidget(self.placeholder)

        form = QFormLayout()
        form.addRow(self._label(self.tr("&Biểu mẫu:"), self.kind), self.kind)
        self.period_label = self._label(self.tr("&Kỳ:"), self.period)
        form.addRow(self.period_label, self.period)
        self.year_label = self._label(self.tr("&Năm:"), self.year)
        form.addRow(self.year_label, self.year)
        self.person_label = self._label(self.tr("&Người:"), self.person)
        form.addRow(self.person_label, self.person)
        form.addRow(self._label(self.tr("Định &dạng:"), self.fmt), self.fmt)
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        form.addRow(buttons)
        batch = QHBoxLayout()
        batch.addWidget(self.batch_button)
        batch.addWidget(self.cancel_button)
        form.addRow(batch)
        form.addRow(self.progress)

        side = QWidget()
        side.setMaximumWidth(460)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addLayout(form)
        side_layout.addWidget(self.sign_box)
        side_layout.addWidget(self.message)
        side_layout.addWidget(self.status)
        side_layout.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(side)
        body.addWidget(self.preview_area, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Biểu mẫu, báo cáo")))
        layout.addLayout(body, 1)

        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.year.valueChanged.connect(lambda _v: self._load_periods())
        self.preview_button.clicked.connect(lambda: self.preview())
        self.save_button.clicked.connect(lambda: self.save())
        self.batch_button.clicked.connect(lambda: self.print_unit())
        self.cancel_button.clicked.connect(self.cancel_batch)
        self.batch_button.setVisible(self.can_batch)
        self.cancel_button.setVisible(self.can_batch)
        self.progress.setVisible(self.can_batch)
        self.refresh()
        if self.period.count() and self.person.count():  # show something useful straight away
            self.preview()

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def busy(self) -> bool:
        return self._busy or self.batch_handle is not None

    # choices ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._load_people()
        self._load_periods()
        self._kind_changed()

    def _load_people(self) -> None:
        from kpi_desktop.services import people

        current = self.person.currentData()
        self.person.clear()
        try:
            rows = people.list_people(self.ctx.db, self.ctx.actor)
        except KpiError:
            rows = []  # a role that cannot list people prints the unit's documents only
        for row in rows:
            self.person.addItem(f"{row.full_name} ({row.code})", row.id)
        wanted = current if current is not None else self.ctx.actor.person_id
        if wanted is not None and (i := self.person.findData(wanted)) >= 0:
            self.person.setCurrentIndex(i)

    def _load_periods(self) -> None:
        from kpi_desktop.services import evaluation

        current = self.period.currentData()
        self.period.clear()
        try:
            periods = evaluation.list_periods(self.ctx.db, self.ctx.actor, year=self.year.value())
        except KpiError:
            periods = []
        for p in periods:
            self.period.addItem(p.code, p.code)
        if current is not None and (i := self.period.findData(current)) >= 0:
            self.period.setCurrentIndex(i)

    def _kind_changed(self) -> None:
        key = self.kind.currentData()
        needs_period, needs_person = next(((p, q) for k, p, q in KINDS if k == key), (False, False))
        for widget in (self.period, self.period_label):
            widget.setVisible(needs_period)
        for widget in (self.person, self.person_label):
            widget.setVisible(needs_person)
        self.message.clear_message()

    def request(self) -> Request:
        return Request(kind=str(self.kind.currentData()), period_code=self.period.currentData(),
                       year=self.year.value(), person_id=self.person.currentData())

    def select(self, *, kind: str | None = None, period_code: str | None = None, year: int | None = None,
               person_id: int | None = None) -> None:
        """Choose as the user would in the combo boxes (used by the screenshot tool and tests)."""
        if kind is not None:
            self.kind.setCurrentIndex(self.kind.findData(kind))
        if year is not None:
            self.year.setValue(year)
        if period_code is not None:
            self.period.setCurrentIndex(self.period.findData(period_code))
        if person_id is not None:
            self.person.setCurrentIndex(self.person.findData(person_id))

    def _sign_config(self) -> SignConfig | None:
        if not self.sign_box.isChecked():
            return None
        return SignConfig(self.cert.text().strip(), self.key.text().strip(), self.passphrase.text(),
                          self.place.text().strip())

    def _prefill_signer(self) -> None:
        """The unit's certificate as the exchange settings name it (files, not an installed token)."""
        try:
            from kpi_desktop.services.exchange_settings import get_settings

            conf = get_settings(self.ctx.db).get("unit_signer") or {}
        except Exception:  # no exchange tables in this build or database: nothing to prefill
            conf = {}
        if isinstance(conf, dict) and conf.get("cert") and conf.get("key") not in (None, "installed"):
            self.cert.setText(str(conf["cert"]))
            self.key.setText(str(conf["key"]))

    def _browse_cert(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp chứng thư số"), "",
                                              self.tr("Chứng thư số (*.p12 *.pfx *.pem *.crt *.cer)"))
        if path:
            self.cert.setText(path)

    def _show_error(self, error: BaseException) -> None:
        if not isinstance(error, (KpiError, OSError)):
            raise error
        text = error_text(error) if isinstance(error, KpiError) else str(error)
        if isinstance(error, KpiError) and error.field in ("cert", "key"):
            self.cert_message.show_message(text)
        else:
            self.message.show_message(text)

    # preview ---------------------------------------------------------------------------------------
    def _fit_width(self) -> int:
        """The width at which a page fills the preview area (never wider than its rendering)."""
        margins = self.pages_layout.contentsMargins()
        scrollbar = self.preview_area.verticalScrollBar().sizeHint().width()  # pages make it appear
        return max(200, self.preview_area.width() - scrollbar - margins.left() - margins.right() - 8)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_pages()

    def preview(self, dpi: float = 110) -> TaskHandle:
        ctx, request = self.ctx, self.request()
        self._preview_generation += 1
        generation = self._preview_generation  # only the latest request's pages are shown
        self._busy = True
        self.message.clear_message()
        self.status.setText(self.tr("Đang dựng bản xem trước…"))

        def work(progress: Any, cancel: Any) -> Any:
            from kpi_desktop.reports.preview import render_pages
            from kpi_desktop.reports.render import render_pdf

            model = build_model(ctx, request)
            cancel.check()
            return render_pages(render_pdf(model), dpi=dpi)

        def done(pages: Any) -> None:
            if generation != self._preview_generation:
                return
            self._busy = False
            self._show_pages(pages)
            self.status.setText(self.tr("Bản xem trước: {n} trang.").format(n=len(pages)))

        def failed(error: BaseException, _details: str) -> None:
            if generation != self._preview_generation:
                return
            self._busy = False
            self._show_pages([])
            self.status.clear()
            self._show_error(error)

        return run_task(work, on_success=done, on_failure=failed)

    def _show_pages(self, pages: list[Any]) -> None:
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.placeholder:
                widget.hide()
                widget.setObjectName("")  # no longer one of the preview's pages, even before it is deleted
                widget.deleteLater()
        self.placeholder.setVisible(not pages)
        self.pages_layout.addWidget(self.placeholder)
        self.preview_pages = []
        self.page_labels = []
        for page in pages:
            image = QImage.fromData(page.png)
            self.preview_pages.append(image)
            label = QLabel()
            label.setObjectName(f"previewPage{page.number}")
            label.setAccessibleName(self.tr("Trang {n}").format(n=page.number))
            label.setStyleSheet("border: 1px solid #999;")
            self.pages_layout.addWidget(label)
            label.setVisible(self.pages_widget.isVisible())  # a layout only shows new children later
            self.page_labels.append(label)
        self._fit_pages()

    def _fit_pages(self) -> None:
        """Each page scaled to the preview's width, one under the other; the area scrolls."""
        width = self._fit_width()
        for image, label in zip(self.preview_pages, self.page_labels, strict=True):
            shown = image if image.width() <= width else image.scaledToWidth(
                width, Qt.TransformationMode.SmoothTransformation)
            label.setPixmap(QPixmap.fromImage(shown))
            label.setFixedSize(shown.size())
        self.pages_layout.activate()
        self.pages_widget.adjustSize()

    # saving ----------------------------------------------------------------------------------------
    def save(self, path: str | None = None) -> TaskHandle | None:
        fmt = str(self.fmt.currentData())
        if path is None:
            pattern = self.tr("Tệp PDF (*.pdf)") if fmt == "pdf" else self.tr("Bảng tính Excel (*.xlsx)")
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu biểu mẫu"), "", pattern)
        if not path:
            return None
        ctx, request, sign = self.ctx, self.request(), self._sign_config() if fmt == "pdf" else None
        target = Path(path)
        if target.suffix.lower() != f".{fmt}":
            target = target.with_name(target.name + f".{fmt}")
        self._busy = True
        self.message.clear_message()
        self.cert_message.clear_message()

        def work(progress: Any, cancel: Any) -> Any:
            from kpi_desktop.reports.render import write_report

            signer = load_signer(sign)
            model = build_model(ctx, request)
            return write_report(model, target, fmt, signer=signer, location=sign.location if sign else "")

        def done(written: Any) -> None:
            self._busy = False
            text = self.tr("Đã lưu {file}.").format(file=written)
            if sign is not None:
                text += " " + self.tr("Tệp đã được ký số.")
            self.status.setText(text)

        def failed(error: BaseException, _details: str) -> None:
            self._busy = False
            self._show_error(error)

        return run_task(work, on_success=done, on_failure=failed)

    # the whole unit --------------------------------------------------------------------------------
    def print_unit(self, folder: str | None = None) -> TaskHandle | None:
        if self.batch_handle is not None:
            return None
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục lưu biểu mẫu của cả đơn vị"))
        if not folder:
            return None
        request, fmt = self.request(), str(self.fmt.currentData())
        sign = self._sign_config() if fmt == "pdf" else None
        db, actor, target = self.ctx.db, self.ctx.actor, Path(folder)
        period_code = request.period_code if request.kind == "period" else None
        year = None if request.kind == "period" else request.year
        self._busy = True
        self.message.clear_message()
        self.cert_message.clear_message()
        self.progress.setRange(0, 0)  # busy until the first count arrives
        self.progress.setValue(0)
        self.batch_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(self.tr("Đang chuẩn bị…"))

        def work(progress: Any, cancel: Any) -> Any:
            from kpi_desktop.services import reports

            signer = load_signer(sign)
            options = reports.ReportOptions(place=sign.location or None) if sign else reports.ReportOptions()
            return reports.export_unit_forms(db, actor, target, period_code=period_code, year=year, fmt=fmt,
                                             options=options, signer=signer, progress=progress,
                                             cancelled=lambda: cancel.cancelled)

        def step(done: int, total: int, what: str) -> None:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(min(done, total))
            if what:
                self.status.setText(self.tr("Đã ghi {done}/{total}: {what}").format(done=done, total=total, what=what))
            self.batch_progress.emit(done, total)

        def finish() -> None:
            self._busy = False
            self.batch_handle = None
            self.batch_button.setEnabled(True)
            self.cancel_button.setEnabled(False)

        def done(result: Any) -> None:
            finish()
            if result.cancelled:
                self.status.setText(self.tr("Đã dừng theo yêu cầu: đã ghi {n} tệp vào {folder}.")
                                    .format(n=len(result.written), folder=result.folder))
            else:
                self.progress.setValue(self.progress.maximum())
                self.status.setText(self.tr("Đã ghi {n} tệp vào {folder}.")
                                    .format(n=len(result.written), folder=result.folder))

        def failed(error: BaseException, _details: str) -> None:
            finish()
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self.status.clear()
            from kpi_desktop.ui.workers import Cancelled

            if isinstance(error, Cancelled):
                self.status.setText(self.tr("Đã dừng theo yêu cầu: chưa ghi tệp nào."))
                return
            self._show_error(error)

        self.batch_handle = run_task(work, on_success=done, on_failure=failed, on_progress=step)
        return self.batch_handle

    def cancel_batch(self) -> None:
        if self.batch_handle is not None:
            self.batch_handle.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Đang dừng sau tệp hiện tại…"))
