"""The demo commune built once per test session; each test works on its own copy of the file."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kpi_desktop.services.auth import DEMO_PASSWORD
from kpi_desktop.store.db import Database


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kpi_desktop.services.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    db = Database.open(str(path))
    try:
        build_demo(db)
    finally:
        db.close()
    return path


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path, data_dir: Path) -> Iterator[Database]:
    path = tmp_path / "xa-demo.db"
    shutil.copyfile(demo_file, path)
    db = Database.open(str(path))
    yield db
    db.close()


__all__ = ["DEMO_PASSWORD", "demo_db", "demo_file"]
