"""The Alembic-free revision check that `Database.open` uses agrees with Alembic in every case."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from kpi_desktop.store import schema_version
from kpi_desktop.store.db import Database
from kpi_desktop.store.migrate import head_revision, upgrade_to_head


def current_revision(db: Database) -> str | None:
    """Alembic's own reading, to compare with."""
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def test_head_constant_is_alembics_head() -> None:
    assert head_revision() == schema_version.HEAD_REVISION


def test_revision_read_without_alembic_matches_alembic(tmp_path: Path) -> None:
    db = Database.open(str(tmp_path / "empty.db"), migrate=False)
    assert schema_version.current_revision(db) is None
    assert current_revision(db) is None
    upgrade_to_head(db, target="0001_core")
    assert schema_version.current_revision(db) == current_revision(db) == "0001_core"
    assert not schema_version.is_current(db)
    upgrade_to_head(db)
    assert schema_version.current_revision(db) == current_revision(db) == head_revision()
    assert schema_version.is_current(db)
    db.close()


def test_open_migrates_an_old_database_and_leaves_a_current_one_alone(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = Database.open(str(path), migrate=False)
    upgrade_to_head(db, target="0002_exchange")
    db.close()
    again = Database.open(str(path), backup_dir=tmp_path / "backups")
    assert current_revision(again) == head_revision()
    assert list((tmp_path / "backups").iterdir()), "a backup is taken before migrating"
    with again.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1
    again.close()


def test_opening_a_current_database_does_not_load_alembic(tmp_path: Path) -> None:
    path = tmp_path / "current.db"
    Database.open(str(path)).close()
    code = ("import sys; from kpi_desktop.store.db import Database; "
            f"Database.open({str(path)!r}).close(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
