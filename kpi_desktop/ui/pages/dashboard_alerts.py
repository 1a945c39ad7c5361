"""The dashboard's "needs attention" box: steps past their deadline (`deadlines.overdue_steps`) and the
consequence flags of the latest annual classification year (`annual.list_annual(with_flags=True)`).
Loaded in the dashboard's worker thread; what the actor may not see is simply left out."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QVBoxLayout, QWidget

from kpi_desktop.errors import KpiError
from kpi_desktop.ui.context import AppContext


@dataclass
class AlertsData:
    overdue: list[str] = field(default_factory=list)
    flags_year: int | None = None
    flags: list[str] = field(default_factory=list)


def load_alerts(ctx: AppContext, year: int | None) -> AlertsData:
    """`ctx.db` must be the real database (called from the dashboard's loader)."""
    from kpi_desktop.services import annual, deadlines

    data = AlertsData()
    try:
        data.overdue = [step.message for step in deadlines.overdue_steps(ctx.db, ctx.actor)]
    except KpiError:
        data.overdue = []
    if year is not None:
        try:
            rating = annual.list_annual(ctx.db, ctx.actor, year, with_flags=True)
        except KpiError:
            return data
        data.flags_year = year
        data.flags = [f"{row.person_name}: {flag['message']}" for row in rating.rows for flag in row.flags]
    return data


class AlertsBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Cần xử lý"), parent)
        self.setObjectName("alertsBox")
        layout = QVBoxLayout(self)
        self.overdue_title = QLabel()
        self.overdue = QListWidget()
        self.overdue.setObjectName("overdueSteps")
        self.overdue.setAccessibleName(self.tr("Bước quá hạn"))
        self.flags_title = QLabel()
        self.flags = QListWidget()
        self.flags.setObjectName("consequenceFlags")
        self.flags.setAccessibleName(self.tr("Diện cần xem xét theo kết quả xếp loại"))
        for item in (self.overdue, self.flags):
            item.setMaximumHeight(150)
        for widget in (self.overdue_title, self.overdue, self.flags_title, self.flags):
            layout.addWidget(widget)

    def show_data(self, data: AlertsData) -> None:
        self.overdue_title.setText(self.tr("Bước quá hạn ({n})").format(n=len(data.overdue)))
        self.overdue.clear()
        self.overdue.addItems(data.overdue or [self.tr("Không có bước nào quá hạn.")])
        if data.flags_year is None:
            self.flags_title.setText(self.tr("Diện cần xem xét"))
            self.flags.clear()
            self.flags.addItem(self.tr("Chưa có kết quả xếp loại năm."))
            return
        self.flags_title.setText(self.tr("Diện cần xem xét theo xếp loại năm {year} ({n})").format(
            year=data.flags_year, n=len(data.flags)))
        self.flags.clear()
        self.flags.addItems(data.flags or [self.tr("Không có ai thuộc diện cần xem xét.")])
