"""Test-wide settings: offscreen Qt, a throw-away data folder, Vietnamese by default, no network."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LANG"] = "C.UTF-8"
os.environ.pop("KPI_LANG", None)
os.environ.pop("KPI_DB", None)
# Never touch a developer's real data folder or keyring.
os.environ["KPI_DATA_DIR"] = tempfile.mkdtemp(prefix="kpi-test-data-")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"

import pytest

# Back-end fixtures (`database`, `db_url`, `backend`, `pg_url`, …): SQLite and PostgreSQL alike.
from pg_fixtures import (  # noqa: F401
    backend,
    database,
    db_url,
    module_db_url,
    pg_empty_url,
    pg_server,
    pg_url,
    sqlite_template,
)

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh application data folder for one test."""
    path = tmp_path / "data"
    path.mkdir()
    monkeypatch.setenv("KPI_DATA_DIR", str(path))
    return path
