"""Cán bộ: the searchable list on the left, the selected person's page on the right (positions,
leaves, transfers, discipline and competency gaps against the position's framework)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kpi_desktop.errors import KpiError
from kpi_desktop.services import people
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.fmt import fmt_date, fmt_number
from kpi_desktop.ui.pages.base import Page, heading
from kpi_desktop.ui.pages.people_list import PeopleListWidget
from kpi_desktop.ui.widgets.fields import error_text


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.setTabKeyNavigation(False)
    table.setAccessibleName(name)
    return table


def _fill(table: QTableWidget, rows: list[list[Any]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem("" if value is None else str(value))
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


class PersonDetail(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = heading("")
        self.title.setObjectName("personName")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("personTabs")
        info = QWidget()
        self.form = QFormLayout(info)
        self.fields: dict[str, QLabel] = {}
        for key, text in (("code", self.tr("Mã cán bộ:")), ("category", self.tr("Đối tượng:")),
                          ("body", self.tr("Cơ quan, đơn vị:")), ("title", self.tr("Chức vụ:")),
                          ("rank", self.tr("Ngạch, hạng:")), ("salary", self.tr("Bậc, hệ số lương:")),
                          ("birth", self.tr("Ngày sinh:")), ("party", self.tr("Đảng viên:")),
                          ("citizen", self.tr("Số định danh cá nhân:")), ("quota", self.tr("Nhóm nhiệm vụ tương đồng:"))):
            label = QLabel()
            label.setObjectName(f"field_{key}")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = label
            self.form.addRow(text, label)
        self.tabs.addTab(info, self.tr("Thông tin chung"))
        self.positions = _table("positionsTable", [self.tr("Loại"), self.tr("Nội dung"), self.tr("Từ ngày"),
                                                   self.tr("Đến ngày"), self.tr("Ghi chú")])
        self.tabs.addTab(self.positions, self.tr("Vị trí, chức vụ"))
        self.positions.setAccessibleName(self.tr("Vị trí, chức vụ"))
        self.leaves = _table("leavesTable", [self.tr("Loại nghỉ"), self.tr("Từ ngày"), self.tr("Đến ngày"),
                                             self.tr("Ghi chú")])
        self.tabs.addTab(self.leaves, self.tr("Nghỉ"))
        self.leaves.setAccessibleName(self.tr("Nghỉ"))
        self.transfers = _table("transfersTable", [self.tr("Ngày"), self.tr("Từ đơn vị"), self.tr("Đến đơn vị"),
                                                   self.tr("Quyết định"), self.tr("Điểm chuyển theo")])
        self.tabs.addTab(self.transfers, self.tr("Điều động"))
        self.transfers.setAccessibleName(self.tr("Điều động"))
        self.discipline = _table("disciplineTable", [self.tr("Ngày quyết định"), self.tr("Hình thức"),
                                                     self.tr("Loại"), self.tr("Năm đã áp dụng"), self.tr("Lý do")])
        self.tabs.addTab(self.discipline, self.tr("Kỷ luật"))
        self.discipline.setAccessibleName(self.tr("Kỷ luật"))
        self.gaps = _table("gapsTable", [self.tr("Năng lực"), self.tr("Cấp độ yêu cầu"), self.tr("Cấp độ hiện có"),
                                         self.tr("Thiếu"), self.tr("Vị trí")])
        self.tabs.addTab(self.gaps, self.tr("Khoảng trống năng lực"))
        self.gaps.setAccessibleName(self.tr("Khoảng trống năng lực"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        self.message.hide()

    def show_error(self, text: str) -> None:
        self.title.setText("")
        self.message.setText(text)
        self.message.show()
        self.tabs.hide()

    def show_person(self, page: Any) -> None:
        self.message.hide()
        self.tabs.show()
        self.title.setText(page.full_name)
        f = self.fields
        f["code"].setText(page.code)
        f["category"].setText(page.category_label)
        f["body"].setText(page.body_name or "")
        f["title"].setText(page.title or "")
        f["rank"].setText(" ".join(x for x in (page.rank_code, page.rank_name) if x))
        salary = [str(page.salary_step) if page.salary_step else "", fmt_number(page.salary_coefficient)]
        f["salary"].setText(" / ".join(x for x in salary if x))
        f["birth"].setText(fmt_date(page.birth_date))
        f["party"].setText(self.tr("Có") if page.party_member else self.tr("Không"))
        f["citizen"].setText(page.citizen_id or "")
        f["quota"].setText(page.quota_group or "")
        _fill(self.positions, [[s.kind_label if hasattr(s, "kind_label") else _span_kind(s.kind), s.label,
                                fmt_date(s.start), fmt_date(s.end), s.detail]
                               for s in [*page.roles, *page.positions, *page.employment]])
        _fill(self.leaves, [[x.kind_label, fmt_date(x.start), fmt_date(x.end), x.note] for x in page.leaves])
        _fill(self.transfers, [[fmt_date(t.transfer_date), t.from_unit, t.to_unit, t.decision_no,
                                ", ".join(f"{s.get('period')}: {s.get('total')}" for s in t.carried_scores)]
                               for t in page.transfers])
        _fill(self.discipline, [[fmt_date(d.decided_on), d.form_label or "", d.track_label,
                                 d.rating_year_applied or "", d.reason] for d in page.discipline])
        _fill(self.gaps, [[g.competency_name, g.required_level,
                           g.assessed_level if g.assessed_level is not None else self.tr("chưa đánh giá"),
                           g.gap if g.gap is not None else "", g.position_code] for g in page.competency_gaps])
        short = sum(1 for g in page.competency_gaps if g.gap is None or g.gap > 0)
        self.tabs.setTabText(5, self.tr("Khoảng trống năng lực ({n})").format(n=short))


def _span_kind(kind: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {"role": QCoreApplication.translate("PersonDetail", "Chức vụ"),
            "position": QCoreApplication.translate("PersonDetail", "Vị trí việc làm"),
            "employment": QCoreApplication.translate("PersonDetail", "Công tác")}.get(kind, kind)


class PeoplePage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.list = PeopleListWidget()
        self.detail = PersonDetail()
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Cán bộ, công chức, viên chức")))
        layout.addWidget(splitter, 1)
        self.list.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.list.model.modelReset.connect(self._after_reset)
        self.refresh()

    def refresh(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        self.list.load(lambda: people.list_people(db, actor, people.PersonFilter()),
                       on_error=lambda e, _d: self.detail.show_error(
                           error_text(e) if isinstance(e, KpiError) else str(e)))

    def busy(self) -> bool:
        return self.list.busy()

    def _after_reset(self) -> None:
        if self.list.model.rowCount() and not self.list.table.currentIndex().isValid():
            self.list.table.setCurrentIndex(self.list.model.index(0, 0))

    def _show_current(self) -> None:
        person_id = self.list.current_person_id()
        if person_id is None:
            return
        try:
            page = people.person_page(self.ctx.db, self.ctx.actor, person_id)
        except KpiError as exc:
            self.detail.show_error(error_text(exc))
            return
        self.detail.show_person(page)
