"""Kỳ đánh giá: the period's evaluations and the Mẫu 01 form.

A staff member fills in the general criteria (points typed are scored live by the evaluation
service's preview, i.e. by the scoring engine), their strengths and weaknesses, saves and submits. The
head confirms or adjusts each criterion (an adjustment needs a reason), comments, returns with a
reason, or approves. The clerk opens, closes (locks) and reopens periods. In a locked period every
field is read-only. The widgets only collect input; every rule is the service's.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpi_desktop.domain.roles import Role
from kpi_desktop.errors import KpiError, NotFoundError
from kpi_desktop.services import evaluation
from kpi_desktop.services.authz import Action, allowed
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.fmt import fmt_number, fmt_quantity, parse_decimal
from kpi_desktop.ui.labels import LEVEL_COLORS, level_label, period_state_label, workflow_label
from kpi_desktop.ui.models.records import Column, RecordRole, RecordTableModel, name_key
from kpi_desktop.ui.pages.base import Page, heading
from kpi_desktop.ui.widgets.fields import FieldMessage, error_text
from kpi_desktop.ui.widgets.period_combo import fill_period_combo
from kpi_desktop.ui.widgets.tables import make_table, set_column_widths

EDITABLE = ("draft", "returned")
REVIEWABLE = ("submitted", "reviewed")
LEADERSHIP_KEYS: tuple[tuple[str, object], ...] = (
    ("subordinates_all_at_least_ht",
     QT_TRANSLATE_NOOP("EvaluationForm", "d — Mọi công chức thuộc quyền đạt mức Hoàn thành trở lên")),
    ("plan_on_time_with_quality",
     QT_TRANSLATE_NOOP("EvaluationForm", "đ — Tổ chức thực hiện đúng kế hoạch, bảo đảm chất lượng")),
    ("unity", QT_TRANSLATE_NOOP("EvaluationForm", "e — Tập hợp, đoàn kết được công chức")),
)
RESULT_KEYS: tuple[tuple[str, object], ...] = (("a", QT_TRANSLATE_NOOP("EvaluationForm", "a (số lượng)")),
               ("b", QT_TRANSLATE_NOOP("EvaluationForm", "b (chất lượng)")),
               ("c", QT_TRANSLATE_NOOP("EvaluationForm", "c (tiến độ)")), ("d", "d"), ("dd", "đ"), ("e", "e"),
               ("task_result", "T"), ("task_points", QT_TRANSLATE_NOOP("EvaluationForm", "Điểm kết quả (≤ 70)")),
               ("general_points", QT_TRANSLATE_NOOP("EvaluationForm", "Điểm tiêu chí chung (≤ 30)")),
               ("total", QT_TRANSLATE_NOOP("EvaluationForm", "Tổng điểm")))


class EvaluationForm(QWidget):
    """Mẫu 01 for one person in one period."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.period: Any = None
        self.person_id: int | None = None
        self.view: Any = None
        self.title = heading("")
        self.title.setObjectName("formTitle")
        self.title.setWordWrap(True)
        self.state = QLabel()
        self.state.setObjectName("formState")

        self.criteria_box = QGroupBox(self.tr("I. Tiêu chí chung (tối đa 30 điểm)"))
        self.criteria_grid = QGridLayout(self.criteria_box)
        for col, text in enumerate((self.tr("Tiêu chí"), self.tr("Tối đa"), self.tr("Tự chấm"),
                                    self.tr("Lãnh đạo chấm"))):
            self.criteria_grid.addWidget(QLabel(f"<b>{text}</b>"), 0, col)
        self.self_points: dict[str, QLineEdit] = {}
        self.review_points: dict[str, QLineEdit] = {}
        self.point_messages: dict[str, FieldMessage] = {}

        self.leader_box = QGroupBox(self.tr("Phần dành cho lãnh đạo, quản lý (d, đ, e)"))
        leader_layout = QVBoxLayout(self.leader_box)
        self.leadership: dict[str, QCheckBox] = {}
        for key, source in LEADERSHIP_KEYS:
            box = QCheckBox(QCoreApplication.translate("EvaluationForm", str(source)))
            box.setObjectName(f"lead_{key}")
            box.setChecked(True)
            box.toggled.connect(self._schedule_preview)
            self.leadership[key] = box
            leader_layout.addWidget(box)

        self.tasks = QTableWidget(0, 8)
        self.tasks.setObjectName("taskLines")
        self.tasks.setAccessibleName(self.tr("Sản phẩm được giao trong kỳ"))
        self.tasks.setHorizontalHeaderLabels([self.tr("Sản phẩm"), "k", self.tr("Giao"), self.tr("Hoàn thành"),
                                              self.tr("Lỗi"), self.tr("Miễn"), self.tr("Trễ hạn"),
                                              self.tr("Miễn")])
        self.tasks.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.tasks.verticalHeader().setVisible(False)
        self.tasks.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tasks.horizontalHeader().setStretchLastSection(True)
        self.tasks.setMaximumHeight(160)
        self.tasks.setTabKeyNavigation(False)

        self.result_box = QGroupBox(self.tr("II. Kết quả (tính theo quy định, cập nhật khi nhập)"))
        result_form = QFormLayout(self.result_box)
        self.results: dict[str, QLabel] = {}
        for key, source in RESULT_KEYS:
            value = QLabel("—")
            value.setObjectName(f"result_{key}")
            shown = QCoreApplication.translate("EvaluationForm", str(source))
            value.setAccessibleName(shown)
            self.results[key] = value
            result_form.addRow(shown + ":", value)
        self.band = QLabel("—")
        self.band.setObjectName("resultBand")
        result_form.addRow(self.tr("Mức xếp loại:"), self.band)
        self.preview_message = FieldMessage()
        self.preview_message.setObjectName("previewMessage")
        result_form.addRow(self.preview_message)

        self.strengths = QPlainTextEdit()
        self.strengths.setObjectName("strengths")
        self.strengths.setAccessibleName(self.tr("Ưu điểm"))
        self.strengths.setTabChangesFocus(True)
        self.weaknesses = QPlainTextEdit()
        self.weaknesses.setObjectName("weaknesses")
        self.weaknesses.setAccessibleName(self.tr("Hạn chế, khuyết điểm"))
        self.weaknesses.setTabChangesFocus(True)
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("reviewerComment")
        self.comment.setAccessibleName(self.tr("Nhận xét của lãnh đạo"))
        self.comment.setTabChangesFocus(True)
        self.adjust_reason = QLineEdit()
        self.adjust_reason.setObjectName("adjustReason")
        self.adjust_reason.setAccessibleName(self.tr("Lý do điều chỉnh điểm"))
        self.reason_message = FieldMessage(self.adjust_reason)
        for edit in (self.strengths, self.weaknesses, self.comment):
            edit.setMaximumHeight(70)
        texts = QFormLayout()
        texts.addRow(self.tr("Ư&u điểm:"), self.strengths)
        texts.addRow(self.tr("&Hạn chế:"), self.weaknesses)
        texts.addRow(self.tr("Nhận &xét của lãnh đạo:"), self.comment)
        texts.addRow(self.tr("Lý do đ&iều chỉnh:"), self.adjust_reason)
        texts.addRow("", self.reason_message)

        self.save_button = QPushButton(self.tr("&Lưu nháp"))
        self.save_button.setObjectName("saveDraft")
        self.submit_button = QPushButton(self.tr("&Nộp phiếu"))
        self.submit_button.setObjectName("submitForm")
        self.review_button = QPushButton(self.tr("&Ghi nhận xét, điều chỉnh"))
        self.review_button.setObjectName("reviewForm")
        self.return_button = QPushButton(self.tr("&Trả lại"))
        self.return_button.setObjectName("returnForm")
        self.approve_button = QPushButton(self.tr("&Phê duyệt"))
        self.approve_button.setObjectName("approveForm")
        buttons = QHBoxLayout()
        for b in (self.save_button, self.submit_button, self.review_button, self.return_button, self.approve_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.message = FieldMessage()
        self.message.setObjectName("formMessage")
        self.info = QLabel()
        self.info.setObjectName("formInfo")
        self.info.setWordWrap(True)

        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(self.title)
        layout.addWidget(self.state)
        layout.addWidget(self.tasks)
        layout.addWidget(self.criteria_box)
        layout.addWidget(self.leader_box)
        layout.addWidget(self.result_box)
        layout.addLayout(texts)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.info)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(150)
        self._preview_timer.timeout.connect(self.preview)
        self.save_button.clicked.connect(lambda: self.save(submit=False))
        self.submit_button.clicked.connect(lambda: self.save(submit=True))
        self.review_button.clicked.connect(self.review)
        self.return_button.clicked.connect(lambda: self.return_form())
        self.approve_button.clicked.connect(self.approve)
        self.setEnabled(False)

    # loading -------------------------------------------------------------------------------------
    def _criteria_rows(self, maxima: dict[str, Decimal], labels: dict[str, str]) -> None:
        for key in list(self.self_points):
            for w in (self.self_points.pop(key), self.review_points.pop(key), self.point_messages.pop(key)):
                w.deleteLater()
        grid = self.criteria_grid
        while grid.count() > 4:
            item = grid.takeAt(4)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        row = 1
        for key, maximum in maxima.items():
            text = QLabel(f"{key}) {labels.get(key, '')}")
            text.setWordWrap(True)
            mine = QLineEdit()
            mine.setObjectName(f"self_{key}")
            mine.setAccessibleName(self.tr("Tự chấm tiêu chí {key}").format(key=key))
            mine.setMaximumWidth(80)
            theirs = QLineEdit()
            theirs.setObjectName(f"review_{key}")
            theirs.setAccessibleName(self.tr("Lãnh đạo chấm tiêu chí {key}").format(key=key))
            theirs.setMaximumWidth(80)
            message = FieldMessage(mine)
            mine.textEdited.connect(self._schedule_preview)
            theirs.textEdited.connect(self._schedule_preview)
            grid.addWidget(text, row, 0)
            grid.addWidget(QLabel(fmt_quantity(maximum)), row, 1)
            grid.addWidget(mine, row, 2)
            grid.addWidget(theirs, row, 3)
            grid.addWidget(message, row + 1, 0, 1, 4)
            self.self_points[key], self.review_points[key], self.point_messages[key] = mine, theirs, message
            row += 2

    def load(self, period: Any, person_id: int, person_name: str = "") -> None:
        self.period, self.person_id = period, person_id
        self.message.clear_message()
        self.reason_message.clear_message()
        try:
            self.view = evaluation.get_evaluation(self.ctx.db, self.ctx.actor, period.code, person_id)
        except NotFoundError:
            self.view = None
        except KpiError as exc:
            self.setEnabled(False)
            self.message.show_message(error_text(exc))
            return
        view = self.view
        maxima = view.general_max if view else {"a": Decimal(10), "b": Decimal(10), "c": Decimal(10)}
        self._criteria_rows(maxima, evaluation.GENERAL_LABELS_VI)
        name = view.person_name if view else person_name
        self.title.setText(self.tr("Phiếu đánh giá (Mẫu 01) — {name} — kỳ {period}").format(
            name=name, period=period.code))
        state = view.state if view else "draft"
        self.state.setText(self.tr("Trạng thái phiếu: {state}. Kỳ: {pstate}.").format(
            state=workflow_label(state) if view else self.tr("chưa lập"), pstate=period_state_label(period.state)))
        for key, edit in self.self_points.items():
            edit.setText(fmt_quantity(view.general_self.get(key)) if view else "")
            self.review_points[key].setText(fmt_quantity(view.general_reviewer.get(key)) if view else "")
        self.strengths.setPlainText((view.strengths or "") if view else "")
        self.weaknesses.setPlainText((view.weaknesses or "") if view else "")
        self.comment.setPlainText((view.reviewer_comment or "") if view else "")
        self.adjust_reason.setText((view.adjust_reason or "") if view else "")
        leader = bool(view and view.role in ("head", "deputy"))
        self.leader_box.setVisible(leader)
        if view and view.leadership:
            for key, box in self.leadership.items():
                box.setChecked(bool(view.leadership.get(key, True)))
        lines = view.tasks if view else []
        self.tasks.setRowCount(len(lines))
        for r, line in enumerate(lines):
            for c, key in enumerate(("product", "k", "assigned", "completed", "quality_failures",
                                     "quality_failures_exempt", "delays", "delays_exempt")):
                value = line.get(key, "")
                text = fmt_quantity(value) if key in ("k", "assigned", "completed") else str(value)
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.tasks.setItem(r, c, item)
        info = []
        if view and view.return_reason and state == "returned":
            info.append(self.tr("Phiếu bị trả lại: {reason}").format(reason=view.return_reason))
        if view and view.ruleset_id:
            info.append(self.tr("Quy tắc tính: {rid} (sha256 {sha}…), bộ máy tính {ver}.").format(
                rid=view.ruleset_id, sha=(view.ruleset_sha256 or "")[:12], ver=view.engine_version or ""))
        self.info.setText("\n".join(info))
        self.setEnabled(True)
        self._apply_permissions()
        self._show_result(view.result if view else None)
        if not view or view.result is None:
            self.preview()

    # who may do what now ---------------------------------------------------------------------------
    def _apply_permissions(self) -> None:
        actor, view, period = self.ctx.actor, self.view, self.period
        locked = period.state == "locked"
        state = view.state if view else "draft"
        own = actor.person_id is not None and actor.person_id == self.person_id
        can_self = own and not locked and state in EDITABLE and allowed(
            actor, Action.SELF_ASSESSMENT_EDIT, person_id=self.person_id, body_id=view.body_id if view else None)
        can_review = (not locked and not own and view is not None and state in REVIEWABLE
                      and allowed(actor, Action.REVIEW_EDIT, person_id=self.person_id, body_id=view.body_id))
        for key in self.self_points:
            self.self_points[key].setReadOnly(not can_self)
            self.review_points[key].setReadOnly(not can_review)
        for edit in (self.strengths, self.weaknesses):
            edit.setReadOnly(not can_self)
        self.comment.setReadOnly(not can_review)
        self.adjust_reason.setReadOnly(not can_review)
        for box in self.leadership.values():
            box.setEnabled(can_self or can_review)
        self.save_button.setVisible(can_self)
        self.submit_button.setVisible(can_self)
        self.review_button.setVisible(can_review)
        self.return_button.setVisible(can_review)
        self.approve_button.setVisible(can_review)
        if locked:
            self.message.show_message(self.tr("Kỳ đã khoá: phiếu chỉ để xem."))

    # live score ------------------------------------------------------------------------------------
    def _schedule_preview(self, *_args: Any) -> None:
        self._preview_timer.start()

    def _points(self, edits: dict[str, QLineEdit], fallback: dict[str, QLineEdit] | None = None,
                show: bool = True) -> dict[str, Decimal] | None:
        values: dict[str, Decimal] = {}
        ok = True
        for key, edit in edits.items():
            text = edit.text()
            if not text.strip() and fallback is not None:
                text = fallback[key].text()
            try:
                value = parse_decimal(text)
            except ArithmeticError:
                if show:
                    self.point_messages[key].show_message(self.tr("«{text}» không phải là số.").format(text=text))
                ok = False
                continue
            if value is None:
                value = Decimal(0)
            if show:
                self.point_messages[key].clear_message()
            values[key] = value
        return values if ok else None

    def _leadership(self) -> dict[str, bool] | None:
        if not self.leader_box.isVisible() and not (self.view and self.view.role in ("head", "deputy")):
            return None
        return {key: box.isChecked() for key, box in self.leadership.items()}

    def preview(self) -> None:
        if self.period is None or self.person_id is None:
            return
        reviewing = any(not e.isReadOnly() for e in self.review_points.values())
        points = (self._points(self.review_points, self.self_points) if reviewing
                  else self._points(self.self_points))
        if points is None:
            return
        try:
            result = evaluation.preview_period_score(self.ctx.db, self.ctx.actor, self.period.code, self.person_id,
                                                     points, leadership=self._leadership())
        except KpiError as exc:
            self._show_result(None)
            target = self.point_messages.get(exc.field or "") if exc.field else None
            (target or self.preview_message).show_message(error_text(exc))
            return
        self.preview_message.clear_message()
        self._show_result(result)

    def _show_result(self, result: dict[str, Any] | None) -> None:
        for key, value in self.results.items():
            raw = result.get(key) if result else None
            value.setText(fmt_number(raw) if raw not in (None, "") else "—")
        band = (result or {}).get("level") or (result or {}).get("band")
        reasons = " ".join((result or {}).get("reasons") or [])
        self.band.setText((level_label(band) + (f" — {reasons}" if reasons else "")) if band else "—")
        self.band.setStyleSheet(f"color: {LEVEL_COLORS.get(band or '', '#000')}; font-weight: bold;")

    # actions ---------------------------------------------------------------------------------------
    def _fail(self, exc: KpiError) -> None:
        target = self.point_messages.get(exc.field or "") if exc.field else None
        if exc.field in ("reason", "adjust_reason"):
            target = self.reason_message
        (target or self.message).show_message(error_text(exc))

    def save(self, *, submit: bool) -> bool:
        points = self._points(self.self_points)
        if points is None or self.period is None or self.person_id is None:
            return False
        try:
            evaluation.save_self_assessment(
                self.ctx.db, self.ctx.actor, self.period.code, self.person_id, general=points,
                leadership=self._leadership(), strengths=self.strengths.toPlainText().strip() or None,
                weaknesses=self.weaknesses.toPlainText().strip() or None, submit=submit)
        except KpiError as exc:
            self._fail(exc)
            return False
        self.load(self.period, self.person_id)
        self.message.show_message("")
        self.info.setText(self.tr("Đã nộp phiếu.") if submit else self.tr("Đã lưu nháp."))
        self.changed.emit()
        return True

    def review(self) -> bool:
        if self.period is None or self.person_id is None or self.view is None:
            return False
        adjustments: dict[str, Decimal] = {}
        for key, edit in self.review_points.items():
            try:
                value = parse_decimal(edit.text())
            except ArithmeticError:
                self.point_messages[key].show_message(self.tr("«{text}» không phải là số.").format(text=edit.text()))
                return False
            if value is not None and value != self.view.general_self.get(key):
                adjustments[key] = value
        reason = self.adjust_reason.text().strip()
        if adjustments and not reason:
            self.reason_message.show_message(self.tr("Điều chỉnh điểm phải ghi lý do."))
            self.adjust_reason.setFocus()
            return False
        try:
            evaluation.review_evaluation(self.ctx.db, self.ctx.actor, self.period.code, self.person_id,
                                         adjustments=adjustments or None, reason=reason or None,
                                         comment=self.comment.toPlainText().strip() or None,
                                         leadership=self._leadership())
        except KpiError as exc:
            self._fail(exc)
            return False
        self.load(self.period, self.person_id)
        self.info.setText(self.tr("Đã ghi nhận xét."))
        self.changed.emit()
        return True

    def return_form(self, reason: str | None = None) -> bool:
        if self.period is None or self.person_id is None:
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(self, self.tr("Trả lại phiếu"), self.tr("Lý do trả lại:"))
            if not ok:
                return False
        try:
            evaluation.return_evaluation(self.ctx.db, self.ctx.actor, self.period.code, self.person_id, reason)
        except KpiError as exc:
            self._fail(exc)
            return False
        self.load(self.period, self.person_id)
        self.changed.emit()
        return True

    def approve(self) -> bool:
        if self.period is None or self.person_id is None:
            return False
        if any(e.text().strip() for e in self.review_points.values()) and self.view is not None \
                and self.view.state == "submitted" and not self.review():
            return False
        try:
            evaluation.approve_evaluation(self.ctx.db, self.ctx.actor, self.period.code, self.person_id)
        except KpiError as exc:
            self._fail(exc)
            return False
        self.load(self.period, self.person_id)
        self.info.setText(self.tr("Đã phê duyệt."))
        self.changed.emit()
        return True



class PeriodsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("periodCombo")
        self.period_combo.setAccessibleName(self.tr("Kỳ đánh giá"))
        self.period_state = QLabel()
        self.period_state.setObjectName("periodState")
        self.can_manage = allowed(ctx.actor, Action.PERIOD_MANAGE)
        self.open_button = QPushButton(self.tr("Mở &kỳ mới…"))
        self.open_button.setObjectName("openPeriod")
        self.close_button = QPushButton(self.tr("&Khoá kỳ"))
        self.close_button.setObjectName("closePeriod")
        self.reopen_button = QPushButton(self.tr("Mở &lại kỳ…"))
        self.reopen_button.setObjectName("reopenPeriod")
        self.my_form_button = QPushButton(self.tr("Phiếu của &tôi"))
        self.my_form_button.setObjectName("myForm")
        self.my_form_button.setVisible(ctx.actor.person_id is not None)
        for b in (self.open_button, self.close_button, self.reopen_button):
            b.setVisible(self.can_manage)
        self.pdf_button = QPushButton(self.tr("Xuất &PDF cả kỳ…"))
        self.pdf_button.setObjectName("exportPeriodPdf")
        self.pdf_button.setVisible(allowed(ctx.actor, Action.REPORT_EXPORT) and ctx.actor.role is not Role.STAFF)
        self.message = FieldMessage()
        self.message.setObjectName("periodMessage")

        self.model: RecordTableModel[Any] = RecordTableModel([
            Column("name", QCoreApplication.translate("PeriodsPage", "Họ và tên"), lambda v: v.person_name, sort_key=lambda v: name_key(v.person_name)),
            Column("state", QCoreApplication.translate("PeriodsPage", "Trạng thái"), lambda v: v.state, text=lambda v: workflow_label(v.state)),
            Column("self", QCoreApplication.translate("PeriodsPage", "Tự chấm"), lambda v: v.self_total, numeric=True),
            Column("total", QCoreApplication.translate("PeriodsPage", "Điểm"), lambda v: v.total, numeric=True),
            Column("band", QCoreApplication.translate("PeriodsPage", "Mức"), lambda v: v.band or "", color=lambda v: LEVEL_COLORS.get(v.band or "")),
        ], self)
        self.table = make_table(self.model, self.tr("Phiếu đánh giá trong kỳ"))
        self.table.setObjectName("evaluationTable")
        set_column_widths(self.table, [180, 90, 60, 60])
        self.form = EvaluationForm(ctx)
        self.form.setObjectName("evaluationForm")
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.form)
        splitter.setSizes([430, 570])

        top = QHBoxLayout()
        period_label = QLabel(self.tr("&Kỳ:"))
        period_label.setBuddy(self.period_combo)
        top.addWidget(period_label)
        top.addWidget(self.period_combo)
        top.addWidget(self.period_state, 1)
        for b in (self.my_form_button, self.pdf_button, self.open_button, self.close_button, self.reopen_button):
            top.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Kỳ đánh giá")))
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

        self.periods: list[Any] = []
        self.period_combo.currentIndexChanged.connect(lambda _i: self._period_changed())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._row_changed())
        self.form.changed.connect(self._reload_list)
        self.open_button.clicked.connect(lambda: self.open_period())
        self.close_button.clicked.connect(lambda: self.close_period())
        self.reopen_button.clicked.connect(lambda: self.reopen_period())
        self.my_form_button.clicked.connect(self.show_my_form)
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.refresh()

    # periods ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        current = self.current_period().code if self.current_period() else None
        try:
            self.periods = evaluation.list_periods(self.ctx.db, self.ctx.actor)
        except KpiError as exc:
            self.message.show_message(error_text(exc))
            self.periods = []
        fill_period_combo(self.period_combo, self.periods, current)
        self._period_changed()

    def current_period(self) -> Any:
        code = self.period_combo.currentData() if hasattr(self, "period_combo") else None
        return next((p for p in getattr(self, "periods", []) if p.code == code), None)

    def select_period(self, code: str) -> None:
        self.period_combo.setCurrentIndex(self.period_combo.findData(code))

    def _period_changed(self) -> None:
        period = self.current_period()
        locked = period is not None and period.state == "locked"
        self.close_button.setEnabled(period is not None and not locked)
        self.reopen_button.setEnabled(locked)
        if period is None:
            self.period_state.setText(self.tr("Chưa có kỳ đánh giá nào."))
            self.model.set_records([])
            return
        self.period_state.setText(self.tr("{state} · {start} – {end} · {approved}/{n} phiếu đã duyệt").format(
            state=period_state_label(period.state), start=period.start_date.strftime("%d/%m/%Y"),
            end=period.end_date.strftime("%d/%m/%Y"), approved=period.approved, n=period.evaluations))
        self._reload_list()

    def _reload_list(self) -> None:
        period = self.current_period()
        if period is None:
            return
        selected = self.form.person_id
        try:
            views = evaluation.list_evaluations(self.ctx.db, self.ctx.actor, period.code)
        except KpiError as exc:
            self.message.show_message(error_text(exc))
            return
        self.model.set_records(sorted(views, key=lambda v: name_key(v.person_name)))
        row = self.model.row_of(lambda v: v.person_id == selected) if selected is not None else -1
        if row >= 0:
            self.table.selectionModel().blockSignals(True)
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.selectionModel().blockSignals(False)
        elif self.ctx.actor.role is Role.STAFF and self.ctx.actor.person_id is not None:
            self.show_my_form()
        elif self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _row_changed(self) -> None:
        index = self.table.currentIndex()
        view = self.model.data(index, RecordRole) if index.isValid() else None
        period = self.current_period()
        if view is not None and period is not None:
            self.form.load(period, view.person_id, view.person_name)

    def show_my_form(self) -> None:
        period = self.current_period()
        if period is not None and self.ctx.actor.person_id is not None:
            self.form.load(period, self.ctx.actor.person_id, self.ctx.actor.display_name)

    def export_pdf(self, folder: str | None = None) -> Any:
        from kpi_desktop.ui.pages.export import export_forms

        period = self.current_period()
        if period is None:
            return None
        self.message.show_message("")
        return export_forms(self, self.ctx, self.period_state, period_code=period.code, folder=folder)

    def open_period(self, code: str | None = None) -> bool:
        if code is None:
            code, ok = QInputDialog.getText(self, self.tr("Mở kỳ đánh giá"),
                                            self.tr("Mã kỳ (ví dụ 2026-Q3 cho quý, 2026-M07 cho tháng):"))
            if not ok:
                return False
        try:
            info = evaluation.open_period(self.ctx.db, self.ctx.actor, code.strip())
        except KpiError as exc:
            self.message.show_message(error_text(exc))
            return False
        self.message.clear_message()
        self.refresh()
        self.select_period(info.code)
        return True

    def close_period(self) -> bool:
        period = self.current_period()
        if period is None:
            return False
        try:
            evaluation.close_period(self.ctx.db, self.ctx.actor, period.code)
        except KpiError as exc:
            self.message.show_message(error_text(exc))
            return False
        self.message.clear_message()
        self.refresh()
        return True

    def reopen_period(self, reason: str | None = None) -> bool:
        period = self.current_period()
        if period is None:
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(self, self.tr("Mở lại kỳ"), self.tr("Lý do mở lại (bắt buộc):"))
            if not ok:
                return False
        try:
            evaluation.reopen_period(self.ctx.db, self.ctx.actor, period.code, reason)
        except KpiError as exc:
            self.message.show_message(error_text(exc))
            return False
        self.message.clear_message()
        self.refresh()
        return True


