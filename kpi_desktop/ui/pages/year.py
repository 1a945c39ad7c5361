"""Xếp loại năm (Mẫu 02): propose the annual classification of the unit (mean of the periods worked,
vetoes, a head no higher than the unit, the quota per group of similar tasks), decide the over-quota
cases, record the decision, and show the list to publish. The reasons come from the engine in plain
Vietnamese; the widgets only collect the decision."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kpi_desktop.domain.entities import Level
from kpi_desktop.errors import KpiError
from kpi_desktop.services import annual
from kpi_desktop.services.authz import Action, allowed
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.fmt import fmt_number, fmt_quantity
from kpi_desktop.ui.labels import LEVEL_COLORS, level_label
from kpi_desktop.ui.models.records import Column, RecordRole, RecordTableModel
from kpi_desktop.ui.pages.base import Page, heading
from kpi_desktop.ui.widgets.fields import FieldMessage, error_text
from kpi_desktop.ui.widgets.tables import make_table, set_column_widths
from kpi_desktop.ui.workers import run_with_progress


def _flags_text(row: Any) -> str:
    return "; ".join(str(f.get("message") or f.get("label") or f.get("kind") or "") for f in row.flags)


class YearPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.rating: Any = None
        self.decisions: dict[str, str] = {}
        self.reasons: dict[str, str] = {}
        self._busy = False
        self.can_propose = allowed(ctx.actor, Action.ANNUAL_PROPOSE)
        self.can_decide = allowed(ctx.actor, Action.ANNUAL_DECIDE)

        self.year = QSpinBox()
        self.year.setObjectName("yearSpin")
        self.year.setAccessibleName(self.tr("Năm đánh giá"))
        self.year.setRange(2020, 2100)
        self.year.setValue(date.today().year)
        self.rate_button = QPushButton(self.tr("&Tính đề xuất xếp loại"))
        self.rate_button.setObjectName("rateYear")
        self.rate_button.setVisible(self.can_propose)
        self.pdf_button = QPushButton(self.tr("Xuất &PDF cả năm…"))
        self.pdf_button.setObjectName("exportYearPdf")
        self.pdf_button.setVisible(self.can_propose or self.can_decide)
        self.message = FieldMessage()
        self.message.setObjectName("yearMessage")
        self.summary = QLabel()
        self.summary.setObjectName("yearSummary")
        self.summary.setWordWrap(True)

        self.model: RecordTableModel[Any] = RecordTableModel([
            Column("name", QCoreApplication.translate("YearPage", "Họ và tên"), lambda r: r.person_name, sort_key=lambda r: r.sort_key),
            Column("group", QCoreApplication.translate("YearPage", "Nhóm"), lambda r: r.group),
            Column("mean", QCoreApplication.translate("YearPage", "Điểm bình quân"), lambda r: r.mean, numeric=True),
            Column("band", QCoreApplication.translate("YearPage", "Theo điểm"), lambda r: r.band or ""),
            Column("level", QCoreApplication.translate("YearPage", "Đề xuất"), lambda r: r.level or "", color=lambda r: LEVEL_COLORS.get(r.level or "")),
            Column("quota", QCoreApplication.translate("YearPage", "Vượt tỷ lệ"), lambda r: r.over_quota),
            Column("final", QCoreApplication.translate("YearPage", "Quyết định"), lambda r: self._final(r),
                   color=lambda r: LEVEL_COLORS.get(self._final(r))),
            Column("reasons", QCoreApplication.translate("YearPage", "Lý do"), lambda r: " ".join([*r.reasons, *r.notes, r.problem or ""]).strip()),
        ], self)
        self.table = make_table(self.model, self.tr("Đề xuất xếp loại năm"))
        self.table.setObjectName("annualTable")
        set_column_widths(self.table, [190, 60, 100, 80, 80, 80, 90])

        # the selected person: reasons, flags, the decision for over-quota cases
        self.detail = QGroupBox(self.tr("Người đang chọn"))
        form = QFormLayout(self.detail)
        self.detail_name = QLabel()
        self.detail_name.setObjectName("annualName")
        self.detail_reasons = QPlainTextEdit()
        self.detail_reasons.setObjectName("annualReasons")
        self.detail_reasons.setReadOnly(True)
        self.detail_reasons.setMaximumHeight(110)
        self.detail_reasons.setAccessibleName(self.tr("Lý do và hệ quả"))
        self.final_combo = QComboBox()
        self.final_combo.setObjectName("finalLevel")
        self.final_combo.setAccessibleName(self.tr("Mức quyết định"))
        for lv in Level:
            self.final_combo.addItem(f"{lv.value} — {level_label(lv.value)}", lv.value)
        self.final_reason = QLineEdit()
        self.final_reason.setObjectName("finalReason")
        self.final_reason.setAccessibleName(self.tr("Lý do giữ mức vượt tỷ lệ"))
        self.final_message = FieldMessage(self.final_reason)
        self.set_final = QPushButton(self.tr("Á&p dụng mức này"))
        self.set_final.setObjectName("applyFinal")
        form.addRow(self.detail_name)
        form.addRow(self.tr("Lý do, hệ quả:"), self.detail_reasons)
        form.addRow(self.tr("&Mức quyết định:"), self.final_combo)
        form.addRow(self.tr("Lý do (nếu giữ HTXS vượt tỷ lệ):"), self.final_reason)
        form.addRow("", self.final_message)
        form.addRow(self.set_final)

        self.decision_box = QGroupBox(self.tr("Quyết định xếp loại"))
        dform = QFormLayout(self.decision_box)
        self.decision_no = QLineEdit()
        self.decision_no.setObjectName("decisionNo")
        self.decision_no.setAccessibleName(self.tr("Số quyết định"))
        self.decision_date = QDateEdit(QDate.currentDate())
        self.decision_date.setObjectName("decisionDate")
        self.decision_date.setDisplayFormat("dd/MM/yyyy")
        self.decision_date.setCalendarPopup(True)
        self.decision_date.setAccessibleName(self.tr("Ngày quyết định"))
        self.decision_message = FieldMessage(self.decision_no)
        self.decide_button = QPushButton(self.tr("&Ghi quyết định"))
        self.decide_button.setObjectName("recordDecision")
        dform.addRow(self.tr("Số &quyết định:"), self.decision_no)
        dform.addRow("", self.decision_message)
        dform.addRow(self.tr("&Ngày:"), self.decision_date)
        dform.addRow(self.decide_button)
        for w in (self.detail, self.decision_box):
            w.setVisible(self.can_decide)

        self.publication = QPlainTextEdit()
        self.publication.setObjectName("publicationList")
        self.publication.setReadOnly(True)
        self.publication.setAccessibleName(self.tr("Danh sách công khai"))

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.detail)
        side_layout.addWidget(self.decision_box)
        side_layout.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(splitter, self.tr("Đề &xuất và quyết định"))
        self.tabs.addTab(self.publication, self.tr("Danh sách &công khai"))
        self.contracts = QPlainTextEdit()
        self.contracts.setObjectName("contracts")
        self.contracts.setReadOnly(True)
        self.contracts.setAccessibleName(self.tr("Hợp đồng trách nhiệm của người đứng đầu"))
        self.tabs.addTab(self.contracts, self.tr("&Hợp đồng trách nhiệm"))

        top = QHBoxLayout()
        year_label = QLabel(self.tr("&Năm:"))
        year_label.setBuddy(self.year)
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addWidget(self.rate_button)
        top.addWidget(self.pdf_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Xếp loại chất lượng năm (Mẫu 02)")))
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)

        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.rate_button.clicked.connect(lambda: self.rate())
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._row_changed())
        self.set_final.clicked.connect(self._apply_final)
        self.decide_button.clicked.connect(lambda: self.record_decision())
        self.refresh()

    def busy(self) -> bool:
        return self._busy

    def export_pdf(self, folder: str | None = None) -> Any:
        from kpi_desktop.ui.pages.export import export_forms

        return export_forms(self, self.ctx, self.summary, year=self.year.value(), folder=folder)

    def _final(self, row: Any) -> str:
        return self.decisions.get(row.person_code) or row.final_level or ""

    # data ------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            rating = annual.list_annual(self.ctx.db, self.ctx.actor, self.year.value())
        except KpiError as exc:
            self.message.show_message(error_text(exc))
            return
        self.message.clear_message()
        self._show(rating)

    def rate(self) -> None:
        db, actor, year = self.ctx.db, self.ctx.actor, self.year.value()
        self._busy = True

        def work(progress: Any, cancel: Any) -> Any:
            progress(0, 1, self.tr("Đang tính đề xuất xếp loại năm {year}…").format(year=year))
            return annual.rate_unit_year(db, actor, year)

        def done(rating: Any) -> None:
            self._busy = False
            self.message.clear_message()
            self._show(rating)

        def failed(error: BaseException, _details: str) -> None:
            self._busy = False
            if not isinstance(error, KpiError):
                raise error
            self.message.show_message(error_text(error))

        run_with_progress(self, self.tr("Xếp loại năm"), work, on_success=done, on_failure=failed, writes=True)

    def _show(self, rating: Any) -> None:
        self.rating = rating
        self.decisions.clear()
        self.reasons.clear()
        self.model.set_records(rating.rows)
        counts: dict[str, int] = {}
        for row in rating.rows:
            level = row.final_level or row.level or "?"
            counts[level] = counts.get(level, 0) + 1
        parts = [f"{level_label(lv)}: {counts[lv]}" for lv in [lv.value for lv in Level] if lv in counts]
        quota = []
        for q in rating.quota:
            for group in q.get("groups", []) if isinstance(q, dict) else []:
                quota.append(self.tr("nhóm {g}: tối đa {cap} HTXS, đề xuất {n}").format(
                    g=group.get("group"), cap=group.get("cap"), n=group.get("htxs")))
        text = self.tr("Năm {year}: {n} người. {levels}").format(year=rating.year, n=len(rating.rows),
                                                                 levels="; ".join(parts))
        if quota:
            text += "\n" + self.tr("Tỷ lệ: {q}.").format(q="; ".join(quota))
        if rating.over_quota:
            text += "\n" + self.tr("Vượt tỷ lệ, cần cấp có thẩm quyền quyết định: {codes}.").format(
                codes=", ".join(rating.over_quota))
        if rating.problems:
            text += "\n" + "\n".join(rating.problems)
        self.summary.setText(text)
        self._publication()
        self._contracts()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _publication(self) -> None:
        rows = [r for r in (self.rating.rows if self.rating else []) if r.final_level]
        if not rows:
            self.publication.setPlainText(self.tr("Chưa có quyết định xếp loại năm này."))
            return
        lines = [self.tr("DANH SÁCH KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG NĂM {year}").format(year=self.rating.year), ""]
        for lv in Level:
            names = [r.person_name for r in rows if r.final_level == lv.value]
            if names:
                lines.append(f"{level_label(lv.value)} ({len(names)}):")
                lines.extend(f"  {i}. {name}" for i, name in enumerate(names, 1))
        self.publication.setPlainText("\n".join(lines))

    def _contracts(self) -> None:
        from kpi_desktop.services import ui_queries

        try:
            contracts = ui_queries.list_contracts(self.ctx.db, self.ctx.actor, self.year.value())
        except KpiError as exc:
            self.contracts.setPlainText(error_text(exc))
            return
        if not contracts:
            self.contracts.setPlainText(self.tr("Không có hợp đồng trách nhiệm nào trong năm này."))
            return
        lines: list[str] = []
        for c in contracts:
            met = (self.tr("đạt {p}% chỉ tiêu (thẻ điểm)").format(p=fmt_number(c.targets_met_percent))
                   if c.targets_met_percent is not None else self.tr("chưa đủ số liệu thực hiện"))
            lines.append(f"{c.person_name} ({c.person_code}) — {c.body_name or ''} — {met}")
            for t in c.targets:
                actual = fmt_quantity(t.actual) if t.actual is not None else "—"
                lines.append(self.tr("  {seq}. {name}: chỉ tiêu {target}, thực hiện {actual}, trọng số {w}").format(
                    seq=t.seq, name=t.name, target=fmt_quantity(t.target), actual=actual, w=fmt_quantity(t.weight)))
            for text, triggered in c.vetoes:
                mark = self.tr("VI PHẠM") if triggered else self.tr("không vi phạm")
                lines.append(self.tr("  Điều kiện phủ quyết: {text} — {mark}").format(text=text, mark=mark))
            lines.append("")
        self.contracts.setPlainText("\n".join(lines))

    # deciding --------------------------------------------------------------------------------------
    def _current(self) -> Any:
        index = self.table.currentIndex()
        return self.model.data(index, RecordRole) if index.isValid() else None

    def _row_changed(self) -> None:
        row = self._current()
        if row is None:
            return
        self.detail_name.setText(f"{row.person_name} ({row.person_code})")
        lines = [*row.reasons, *row.notes]
        if row.problem:
            lines.append(row.problem)
        if row.over_quota:
            lines.append(self.tr("Vượt tỷ lệ hoàn thành xuất sắc của nhóm: cần quyết định mức."))
        flags = _flags_text(row)
        if flags:
            lines.append(self.tr("Hệ quả: {flags}").format(flags=flags))
        self.detail_reasons.setPlainText("\n".join(lines) or self.tr("Mức theo điểm, không có ghi chú."))
        self.final_combo.setCurrentIndex(max(0, self.final_combo.findData(self._final(row) or row.level)))
        self.final_reason.setText(self.reasons.get(row.person_code, ""))
        self.final_message.clear_message()

    def _apply_final(self) -> None:
        row = self._current()
        if row is None:
            return
        level = self.final_combo.currentData()
        reason = self.final_reason.text().strip()
        if row.over_quota and level == "HTXS" and not reason:
            self.final_message.show_message(self.tr("Giữ mức Hoàn thành xuất sắc khi vượt tỷ lệ phải ghi lý do."))
            return
        self.final_message.clear_message()
        self.decisions[row.person_code] = level
        if reason:
            self.reasons[row.person_code] = reason
        self.model.dataChanged.emit(self.model.index(0, 0),
                                    self.model.index(self.model.rowCount() - 1, self.model.columnCount() - 1))

    def set_decision(self, person_code: str, level: str, reason: str = "") -> None:
        """Decide one person's level (as the side panel does)."""
        self.decisions[person_code] = level
        if reason:
            self.reasons[person_code] = reason

    def record_decision(self) -> bool:
        if self.rating is None:
            return False
        number = self.decision_no.text().strip()
        if not number:
            self.decision_message.show_message(self.tr("Phải ghi số quyết định."))
            self.decision_no.setFocus()
            return False
        qd = self.decision_date.date()
        try:
            rating = annual.record_decision(self.ctx.db, self.ctx.actor, self.year.value(), decision_no=number,
                                            decision_date=date(qd.year(), qd.month(), qd.day()),
                                            final_levels=dict(self.decisions), reasons=dict(self.reasons))
        except KpiError as exc:
            target = self.decision_message if exc.field == "decision_no" else self.message
            target.show_message(error_text(exc))
            return False
        self.decision_message.clear_message()
        self.message.clear_message()
        self._show(rating)
        self.tabs.setCurrentIndex(1)
        return True
