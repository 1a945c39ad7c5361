"""The services give the same results on SQLite and on PostgreSQL.

Each test runs one use case on a fresh SQLite file and on a fresh PostgreSQL database and compares
what a user sees: exported files byte for byte, listings row for row (ids included).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kpi_desktop.domain.roles import Actor, Role
from kpi_desktop.errors import KpiError
from kpi_desktop.services import catalog
from kpi_desktop.store.db import Database

pytestmark = pytest.mark.postgres

CLERK = Actor(username="canbo.tochuc", role=Role.CLERK, display_name="Lê Thị Hồng Nhung")


@pytest.fixture
def both(pg_url: str, sqlite_template: Path, tmp_path: Path) -> Iterator[dict[str, Database]]:
    path = tmp_path / "xa.db"
    shutil.copyfile(sqlite_template, path)
    dbs = {"sqlite": Database.open(str(path)), "postgresql": Database.open(pg_url)}
    try:
        yield dbs
    finally:
        for db in dbs.values():
            db.close()


def _xlsx_cells(path: Path) -> dict[str, list[tuple[object, ...]]]:
    book = load_workbook(path, read_only=True)
    try:
        return {ws.title: [tuple(row) for row in ws.iter_rows(values_only=True)] for ws in book.worksheets}
    finally:
        book.close()


def test_catalogue_import_export_and_listings_match(both: dict[str, Database], tmp_path: Path) -> None:
    source = tmp_path / "danh-muc.json"
    source.write_text(json.dumps(catalog.default_catalogue(), ensure_ascii=False), encoding="utf-8")
    seen: dict[str, dict[str, object]] = {}
    for name, db in both.items():
        result = catalog.import_catalogue(db, CLERK, source)
        out_json = tmp_path / f"{name}.json"
        out_xlsx = tmp_path / f"{name}.xlsx"
        catalog.export_catalogue(db, CLERK, out_json)
        catalog.export_catalogue(db, CLERK, out_xlsx)
        again = catalog.import_catalogue(db, CLERK, out_xlsx)  # the clerk's round trip through Excel
        seen[name] = {
            "result": (result.counts, result.created, result.updated),
            "again": (again.counts, again.created),
            "json": out_json.read_bytes(),
            "xlsx": _xlsx_cells(out_xlsx),
            "positions": catalog.list_positions(db, CLERK),
            "products": catalog.list_products(db, CLERK),
            "competencies": catalog.list_competencies(db, CLERK),
        }
    lite, pg = seen["sqlite"], seen["postgresql"]
    assert lite["result"] == pg["result"]
    assert lite["positions"] and lite["products"] and lite["competencies"]
    for key in ("again", "json", "xlsx", "positions", "products", "competencies"):
        assert lite[key] == pg[key], f"{key} differs between SQLite and PostgreSQL"


def test_a_bad_catalogue_is_refused_alike_and_changes_nothing(both: dict[str, Database], tmp_path: Path) -> None:
    doc = catalog.default_catalogue()
    good = tmp_path / "tot.json"
    good.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    bad_doc = json.loads(json.dumps(doc))
    bad_doc["products"][0]["k"] = "-1"  # a complexity coefficient must be positive
    bad_doc["products"][1]["name"] = "x" * 400  # longer than the column: SQLite would not notice
    bad = tmp_path / "xau.json"
    bad.write_text(json.dumps(bad_doc, ensure_ascii=False), encoding="utf-8")
    messages: dict[str, str] = {}
    before: dict[str, object] = {}
    after: dict[str, object] = {}
    for name, db in both.items():
        catalog.import_catalogue(db, CLERK, good)
        before[name] = catalog.list_products(db, CLERK)
        with pytest.raises(KpiError) as caught:
            catalog.import_catalogue(db, CLERK, bad)
        messages[name] = caught.value.user_text()
        after[name] = catalog.list_products(db, CLERK)
    assert messages["sqlite"] == messages["postgresql"]
    assert before["sqlite"] == after["sqlite"] == before["postgresql"] == after["postgresql"]
