"""Fixtures for the trust tests: a fresh migrated database and ready-made accounts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kpi_desktop.domain.roles import Actor
from kpi_desktop.services import auth
from kpi_desktop.store.db import Database

ADMIN_PASSWORD = "Quan-tri-2026!"


@pytest.fixture
def db_path(tmp_path: Path, data_dir: Path) -> Path:
    return tmp_path / "kpi.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = Database.open(str(db_path))
    yield database
    database.close()


@pytest.fixture
def admin(db: Database) -> Actor:
    return auth.create_first_admin(db, "quantri", ADMIN_PASSWORD, "Quản trị viên")
