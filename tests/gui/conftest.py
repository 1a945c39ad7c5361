"""GUI fixtures: a migrated temporary database, an application with the bundled fonts, contexts."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kpi_desktop.domain.roles import Actor, Role
from kpi_desktop.store.db import Database
from kpi_desktop.ui.context import AppContext

pytestmark = pytest.mark.gui


@pytest.fixture(scope="session")
def kpi_app(qapp: QApplication) -> QApplication:
    """The test QApplication set up like the real one (fonts, Vietnamese translators)."""
    from kpi_desktop.app import create_application

    return create_application("vi")


@pytest.fixture(scope="package", autouse=True)
def _automatic_gc_after_the_gui_tests() -> Iterator[None]:
    """`create_application` moves garbage collection to a GUI-thread timer (ui/qt_compat.py); the test
    areas after this folder run no event loop, so they get CPython's automatic collection back."""
    yield
    from kpi_desktop.ui.qt_compat import uninstall_collector
    from kpi_desktop.ui.workers import wait_all

    wait_all()
    gc.collect()  # the GUI tests' garbage, on this (the GUI) thread
    uninstall_collector()


@pytest.fixture
def db(tmp_path: Path, data_dir: Path) -> Iterator[Database]:
    database = Database.open(str(tmp_path / "unit.db"), backup_dir=tmp_path / "backups")
    yield database
    database.close()


@pytest.fixture
def admin_ctx(db: Database, kpi_app: QApplication) -> AppContext:
    return AppContext(db, Actor(username="admin", role=Role.ADMIN, display_name="Quản trị"))
