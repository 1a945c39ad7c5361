"""Where the application keeps its files. platformdirs decides; `--db` and `KPI_DB` override."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "kpi-desktop"
APP_AUTHOR = "KPI Desktop"


def data_dir() -> Path:
    override = os.environ.get("KPI_DATA_DIR")
    path = Path(override) if override else user_data_path(APP_NAME, APP_AUTHOR)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_url() -> str:
    return f"sqlite:///{data_dir() / 'kpi.db'}"


def resolve_db(db: str | None) -> str:
    """Turn `--db` / `KPI_DB` / the default into a SQLAlchemy URL.

    A plain path means a SQLite file; anything with `://` is taken as a SQLAlchemy URL
    (e.g. `postgresql+psycopg://…`).
    """
    value = db or os.environ.get("KPI_DB")
    if not value:
        return default_db_url()
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other back ends / in-memory databases."""
    prefix = "sqlite:///"
    if url.startswith(prefix) and url[len(prefix):] not in ("", ":memory:"):
        return Path(url[len(prefix):])
    return None


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def logs_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path
