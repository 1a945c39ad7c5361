"""Tổng quan: the current period's progress (who has not submitted, overdue reviews), the spread of
levels and of scores by body as charts, the year's levels, and the deadline reminders. Everything is
read through the services in a worker thread; the page draws when the data arrives."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kpi_desktop.domain.entities import Level
from kpi_desktop.errors import KpiError
from kpi_desktop.services.authz import Action, allowed
from kpi_desktop.ui.after_paint import after_first_paint
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.labels import LEVEL_COLORS
from kpi_desktop.ui.opening import real_database
from kpi_desktop.ui.pages.base import Page, heading
from kpi_desktop.ui.pages.dashboard_alerts import AlertsBox, AlertsData, load_alerts
from kpi_desktop.ui.widgets.charts import BarChart, Series, StackedBarChart
from kpi_desktop.ui.widgets.fields import error_text
from kpi_desktop.ui.workers import run_task

BANDS = ("HTXS", "HTT", "HT", "KHT")


@dataclass
class DashboardData:
    unit: str = ""
    people_active: int = 0
    period: Any = None
    evaluations: list[Any] = field(default_factory=list)
    not_submitted: list[str] = field(default_factory=list)
    awaiting_review: list[str] = field(default_factory=list)
    overdue: list[str] = field(default_factory=list)
    bodies: dict[int, str] = field(default_factory=dict)
    annual_year: int | None = None
    annual_levels: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    alerts: AlertsData = field(default_factory=AlertsData)


def overdue_messages(ctx: AppContext) -> list[str]:
    """Deadline reminders the actor may see (empty when the deadline service is not available)."""
    try:
        from kpi_desktop.services import deadlines
    except ImportError:
        return []
    try:
        return [step.message for step in deadlines.pending_steps(ctx.db, ctx.actor)]
    except KpiError:
        return []


def load_dashboard(ctx: AppContext) -> DashboardData:
    # Imported here, in the worker thread: the services pull in SQLAlchemy queries and the scoring
    # engine, which the window does not need to paint.
    from kpi_desktop.services import evaluation, people, status, units

    ctx = replace(ctx, db=real_database(ctx.db))
    data = DashboardData()
    report = status.database_status(ctx.db, ctx.actor)
    data.unit = f"{report.unit_name} — {report.province_name}" if report.unit_name else ""
    data.people_active = report.people_active
    data.bodies = {b.id: b.name for b in units.list_bodies(ctx.db, ctx.actor)}
    if report.annual_by_year:
        data.annual_year = max(report.annual_by_year)
        data.annual_levels = dict(report.annual_by_year[data.annual_year])
    periods = evaluation.list_periods(ctx.db, ctx.actor)
    current = [p for p in periods if p.state != "locked"] or periods
    if current:
        period = data.period = current[-1]
        data.evaluations = evaluation.list_evaluations(ctx.db, ctx.actor, period.code)
        by_person = {v.person_id: v for v in data.evaluations}
        if allowed(ctx.actor, Action.PERSON_VIEW):
            try:
                staff = people.list_people(ctx.db, ctx.actor, people.PersonFilter())
            except KpiError:
                staff = []
            for p in staff:
                if p.category == "hop_dong":
                    continue
                v = by_person.get(p.id)
                if v is None or v.state in ("draft", "returned"):
                    data.not_submitted.append(p.full_name)
        data.awaiting_review = [v.person_name for v in data.evaluations if v.state in ("submitted", "reviewed")]
    data.overdue = overdue_messages(ctx)
    data.alerts = load_alerts(ctx, data.annual_year)
    return data



class DashboardPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._loading = False
        self.data: DashboardData | None = None
        self.unit = QLabel()
        self.unit.setObjectName("dashboardUnit")
        self.message = QLabel()
        self.message.setObjectName("dashboardMessage")
        self.message.setWordWrap(True)

        self.period_box = QGroupBox(self.tr("Kỳ hiện tại"))
        pbox = QVBoxLayout(self.period_box)
        self.period_label = QLabel()
        self.period_label.setObjectName("periodLabel")
        self.progress = QProgressBar()
        self.progress.setObjectName("periodProgress")
        self.progress.setAccessibleName(self.tr("Tiến độ phê duyệt phiếu trong kỳ"))
        self.progress.setFormat(self.tr("%v/%m phiếu đã duyệt"))
        pbox.addWidget(self.period_label)
        pbox.addWidget(self.progress)

        self.not_submitted = self._list("notSubmitted", self.tr("Chưa nộp phiếu"))
        self.awaiting = self._list("awaitingReview", self.tr("Chờ lãnh đạo đánh giá"))
        self.overdue = self._list("overdueList", self.tr("Nhắc hạn (quá hạn và sắp đến hạn)"))

        self.levels_chart = StackedBarChart(self.tr("Mức xếp loại theo cơ quan (kỳ hiện tại)"),
                                            [Series(b, LEVEL_COLORS[b]) for b in BANDS])
        self.levels_chart.setObjectName("levelsChart")
        self.scores_chart = BarChart(self.tr("Điểm bình quân theo cơ quan (kỳ hiện tại)"), 100.0,
                                     references=[(50, "50"), (70, "70"), (90, "90")])
        self.scores_chart.setObjectName("scoresChart")
        self.year_chart = StackedBarChart(self.tr("Xếp loại năm"),
                                          [Series(lv.value if lv.value != "NOT_RATED" else self.tr("Không xếp loại"),
                                                  LEVEL_COLORS[lv.value]) for lv in Level])
        self.year_chart.setObjectName("yearChart")
        for chart in (self.levels_chart, self.scores_chart, self.year_chart):
            chart.empty_text = self.tr("Chưa có số liệu.")

        grid = QGridLayout()
        grid.addWidget(self.period_box, 0, 0, 1, 2)
        grid.addWidget(self.not_submitted, 1, 0)
        grid.addWidget(self.awaiting, 1, 1)
        grid.addWidget(self.levels_chart, 2, 0)
        grid.addWidget(self.scores_chart, 2, 1)
        grid.addWidget(self.year_chart, 3, 0)
        grid.addWidget(self.overdue, 3, 1)
        self.alerts = AlertsBox()
        grid.addWidget(self.alerts, 4, 0, 1, 2)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(heading(self.tr("Tổng quan")))
        layout.addWidget(self.unit)
        layout.addWidget(self.message)
        layout.addLayout(grid)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        # Load after the page has painted once: the services' imports then do not delay the window.
        self._loading = True
        after_first_paint(self, self._first_load)

    def _first_load(self) -> None:
        self._loading = False
        self.refresh()

    def _list(self, name: str, title: str) -> QGroupBox:
        box = QGroupBox(title)
        widget = QListWidget()
        widget.setObjectName(name)
        widget.setAccessibleName(title)
        widget.setMaximumHeight(150)
        QVBoxLayout(box).addWidget(widget)
        box.list = widget  # type: ignore[attr-defined]
        return box

    def busy(self) -> bool:
        return self._loading

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        ctx = self.ctx

        def failed(error: BaseException, _details: str) -> None:
            self._loading = False
            if not isinstance(error, KpiError):
                raise error
            self.message.setText(error_text(error))

        run_task(lambda _p, _c: load_dashboard(ctx), on_success=self._show, on_failure=failed)

    def _fill(self, box: QGroupBox, items: list[str], empty: str) -> None:
        widget: QListWidget = box.list  # type: ignore[attr-defined]
        widget.clear()
        widget.addItems(items or [empty])
        box.setTitle(box.title().split(" (")[0] + f" ({len(items)})")

    def _show(self, data: DashboardData) -> None:
        self._loading = False
        self.data = data
        self.unit.setText(self.tr("{unit} · {n} người đang công tác").format(unit=data.unit, n=data.people_active))
        period = data.period
        if period is None:
            self.period_label.setText(self.tr("Chưa có kỳ đánh giá. Cán bộ tổ chức mở kỳ ở trang Kỳ đánh giá."))
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
        else:
            total = max(len(data.evaluations) + len(data.not_submitted) - sum(
                1 for v in data.evaluations if v.state in ("draft", "returned")), len(data.evaluations), 1)
            approved = sum(1 for v in data.evaluations if v.state == "approved")
            self.period_label.setText(self.tr("Kỳ {code} ({start} – {end}): {approved} phiếu đã duyệt / {total}.")
                                      .format(code=period.code, start=period.start_date.strftime("%d/%m/%Y"),
                                              end=period.end_date.strftime("%d/%m/%Y"), approved=approved,
                                              total=total))
            self.progress.setRange(0, total)
            self.progress.setValue(approved)
        self._fill(self.not_submitted, data.not_submitted, self.tr("Mọi người đã nộp."))
        self._fill(self.awaiting, data.awaiting_review, self.tr("Không có phiếu chờ đánh giá."))
        self._fill(self.overdue, data.overdue, self.tr("Không có việc quá hạn."))
        self.alerts.show_data(data.alerts)

        by_body: dict[str, list[Any]] = {}
        for v in data.evaluations:
            if v.band or v.total is not None:
                by_body.setdefault(data.bodies.get(v.body_id or -1, self.tr("(khác)")), []).append(v)
        names = sorted(by_body)
        self.levels_chart.set_data(names, [[sum(1 for v in by_body[n] if v.band == b) for b in BANDS]
                                           for n in names])
        means = []
        for n in names:
            scores = [v.total for v in by_body[n] if v.total is not None]
            means.append(float(sum(scores, Decimal(0)) / len(scores)) if scores else 0.0)
        self.scores_chart.set_data(names, means)
        if data.annual_year is not None:
            self.year_chart.title = self.tr("Xếp loại năm {year}").format(year=data.annual_year)
            self.year_chart.set_data([str(data.annual_year)],
                                     [[data.annual_levels.get(lv.value, 0) for lv in Level]])
        else:
            self.year_chart.set_data([], [])


