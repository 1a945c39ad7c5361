"""Which pages exist, in navigation order, and who sees them (by the authz matrix, the same rules
the services enforce)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kpi_desktop.domain.roles import Actor, Role
from kpi_desktop.services.authz import Action, Scope, scope_of
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.pages.base import Page


@dataclass(frozen=True)
class PageSpec:
    name: str
    title: Callable[[], str]
    factory: Callable[[AppContext], Page]
    action: Action | None = None  # the right needed to see the page (any scope)


def _t(text: object) -> Callable[[], str]:
    return lambda: QCoreApplication.translate("pages", str(text))


def _dashboard(ctx: AppContext) -> Page:
    from kpi_desktop.ui.pages.dashboard import DashboardPage

    return DashboardPage(ctx)


def _people(ctx: AppContext) -> Page:
    from kpi_desktop.ui.pages.people import PeoplePage

    return PeoplePage(ctx)


def _periods(ctx: AppContext) -> Page:
    from kpi_desktop.ui.pages.periods import PeriodsPage

    return PeriodsPage(ctx)


def _year(ctx: AppContext) -> Page:
    from kpi_desktop.ui.pages.year import YearPage

    return YearPage(ctx)


def _catalogues(ctx: AppContext) -> Page:
    from kpi_desktop.ui.pages.catalogues import CataloguesPage

    return CataloguesPage(ctx)


def _province(ctx: AppContext) -> Page:
    from kpi_desktop.ui.pages.province import ProvincePage

    return ProvincePage(ctx)


def _about(ctx: AppContext) -> Page:
    from kpi_desktop.ui.pages.about import AboutPage

    return AboutPage(ctx)


def _reports(ctx: AppContext) -> Page:
    from kpi_desktop.ui.pages.reports import ReportsPage

    return ReportsPage(ctx)


def _admin(ctx: AppContext) -> Page:
    from kpi_desktop.ui.pages.admin import AdminPage

    return AdminPage(ctx)


def page_specs() -> list[PageSpec]:
    """Every page in navigation order. Page modules are imported when a page is first shown."""
    return [
        PageSpec("dashboard", _t(QT_TRANSLATE_NOOP("pages", "Tổng quan")), _dashboard, Action.PERIOD_VIEW),
        PageSpec("periods", _t(QT_TRANSLATE_NOOP("pages", "Kỳ đánh giá")), _periods, Action.PERIOD_VIEW),
        PageSpec("assignments", _t(QT_TRANSLATE_NOOP("pages", "Giao việc")), lambda ctx: __import__("kpi_desktop.ui.pages.assignments", fromlist=["AssignmentsPage"]).AssignmentsPage(ctx), Action.ASSIGNMENT_VIEW),
        PageSpec("year", _t(QT_TRANSLATE_NOOP("pages", "Xếp loại năm")), _year, Action.ANNUAL_VIEW),
        PageSpec("people", _t(QT_TRANSLATE_NOOP("pages", "Cán bộ")), _people, Action.PERSON_VIEW),
        PageSpec("province", _t(QT_TRANSLATE_NOOP("pages", "Các xã, phường")), _province, Action.BUNDLE_IMPORT),
        PageSpec("catalogues", _t(QT_TRANSLATE_NOOP("pages", "Danh mục")), _catalogues, Action.CATALOG_VIEW),
        PageSpec("reports", _t(QT_TRANSLATE_NOOP("pages", "Biểu mẫu, báo cáo")), _reports, Action.REPORT_EXPORT),
        PageSpec("admin", _t(QT_TRANSLATE_NOOP("pages", "Quản trị")), _admin, Action.ACCOUNT_MANAGE),
        PageSpec("about", _t(QT_TRANSLATE_NOOP("pages", "Giới thiệu")), _about),
    ]


def pages_for(actor: Actor) -> list[PageSpec]:
    specs = [spec for spec in page_specs() if spec.action is None or scope_of(actor, spec.action) is not Scope.NONE]
    if actor.role is Role.PROVINCE_HR:  # the province's work starts from the communes' results
        specs.sort(key=lambda spec: spec.name != "province")
    return specs
