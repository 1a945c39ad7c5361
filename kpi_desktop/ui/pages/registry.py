"""Which pages exist, in navigation order, and which roles see them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kpi_desktop.domain.roles import Role
from kpi_desktop.ui.context import AppContext
from kpi_desktop.ui.pages.base import Page

ALL_ROLES = frozenset(Role)


@dataclass(frozen=True)
class PageSpec:
    name: str
    title: Callable[[], str]
    factory: Callable[[AppContext], Page]
    roles: frozenset[Role] = ALL_ROLES


def _about(ctx: AppContext) -> Page:
    from kpi_desktop.ui.pages.about import AboutPage

    return AboutPage(ctx)


def _t(text: str) -> Callable[[], str]:
    return lambda: QCoreApplication.translate("pages", text)


def page_specs() -> list[PageSpec]:
    """Every page in navigation order. Page modules are imported when a page is first shown."""
    return [
        PageSpec("about", _t(str(QT_TRANSLATE_NOOP("pages", "Giới thiệu"))), _about),
    ]


def pages_for(role: Role) -> list[PageSpec]:
    return [spec for spec in page_specs() if role in spec.roles]

