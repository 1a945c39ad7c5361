"""The demo commune built with `kpi demo --db postgresql+psycopg://…` is the same commune as on SQLite:
same people in the same order, same status, same reports, and a recompute that finds nothing.

The two databases are built once for the module (a full year of a ~50-person commune each).
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from pg_fixtures import PgServer

from kpi_desktop.domain.roles import SYSTEM
from kpi_desktop.services import people, recompute, reports, status
from kpi_desktop.store.db import Database

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def _demo(db: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "kpi_desktop", "demo", "--db", db],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.fixture(scope="module")
def demos(pg_server: PgServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    path = tmp_path_factory.mktemp("demo") / "xa.db"
    name = pg_server.create_database()  # empty: `kpi demo` migrates it itself
    try:
        url = pg_server.url_for(name)
        out = {"sqlite": _demo(str(path)), "postgresql": _demo(url)}
        dbs = {"sqlite": Database.open(str(path)), "postgresql": Database.open(url)}
        yield {"out": out, "dbs": dbs}
        for db in dbs.values():
            db.close()
    finally:
        pg_server.drop_database(name)
        shutil.rmtree(path.parent, ignore_errors=True)


def _both(demos: dict[str, Any], fn: Any) -> tuple[Any, Any]:
    return fn(demos["dbs"]["sqlite"]), fn(demos["dbs"]["postgresql"])


def test_the_build_reports_the_same_commune(demos: dict[str, Any]) -> None:
    assert demos["out"]["sqlite"] == demos["out"]["postgresql"]
    assert "Xã Cam Lâm" in demos["out"]["postgresql"]


def test_people_listing_is_identical(demos: dict[str, Any]) -> None:
    lite, pg = _both(demos, lambda db: people.list_people(db, SYSTEM))
    assert len(lite) >= 40
    assert lite == pg  # same rows, same Vietnamese order, same ids
    text = people.PersonFilter(text="nguyen")
    lite, pg = _both(demos, lambda db: people.list_people(db, SYSTEM, text))
    assert lite and lite == pg


def test_status_is_identical(demos: dict[str, Any]) -> None:
    lite, pg = _both(demos, lambda db: status.database_status(db, SYSTEM))
    assert dataclasses.replace(lite, location="") == dataclasses.replace(pg, location="")
    assert lite.annual_by_year.get(2026)


def test_reports_are_identical(demos: dict[str, Any]) -> None:
    lite, pg = _both(demos, lambda db: reports.unit_summary(db, SYSTEM, year=2026))
    assert lite.rows and lite == pg
    lite, pg = _both(demos, lambda db: reports.commune_report(db, SYSTEM, year=2026))
    assert lite == pg
    code = people.list_people(demos["dbs"]["sqlite"], SYSTEM)[0].code
    lite, pg = _both(demos, lambda db: reports.annual_form(db, SYSTEM, person_code=code, year=2026))
    assert lite == pg
    lite, pg = _both(demos, lambda db: reports.period_form(db, SYSTEM, person_code=code, period_code="2026-Q3"))
    assert lite == pg


def test_recompute_finds_nothing_on_either(demos: dict[str, Any]) -> None:
    lite, pg = _both(demos, lambda db: recompute.recompute(db, SYSTEM))
    assert lite.checked > 100 and lite.checked == pg.checked
    assert lite.differences == pg.differences == []
    assert lite.engine_versions == pg.engine_versions


def test_demo_refuses_a_database_that_is_not_empty(demos: dict[str, Any]) -> None:
    url = demos["dbs"]["postgresql"].url
    proc = subprocess.run([sys.executable, "-m", "kpi_desktop", "demo", "--db", url],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
