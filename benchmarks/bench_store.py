"""Store benchmarks: building the demo, catalogue export/import, people listing at commune and
province scale. Prints figures; record them in docs/performance.md.

Usage: .venv/bin/python benchmarks/bench_store.py [--people 3000]
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from kpi_desktop.domain.roles import SYSTEM
from kpi_desktop.services.catalog import export_catalogue, import_catalogue
from kpi_desktop.services.demo import build_demo
from kpi_desktop.services.people import NewPerson, PersonFilter, add_person, list_people, person_page
from kpi_desktop.services.units import home_unit_in_session
from kpi_desktop.store.db import Database


def timed(label: str, fn: Callable[[], Any], repeat: int = 1) -> Any:
    best = float("inf")
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    print(f"{label:<58} {best * 1000:9.1f} ms")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=3000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["KPI_DATA_DIR"] = str(folder / "data")
        db = Database.open(str(folder / "demo.db"))
        summary = timed("kpi demo (build the demo commune, one transaction)", lambda: build_demo(db))
        print(f"  {summary.people} people, {summary.assignments} assignments, {summary.evaluations} evaluations")
        db.engine.dispose()
        print(f"{'  demo database file size':<58} {(folder / 'demo.db').stat().st_size / 1e6:9.2f} MB")
        on = date(2026, 12, 1)
        timed("list_people on the demo (49 people, sorted)", lambda: list_people(db, SYSTEM, PersonFilter(on=on)), 5)
        first = list_people(db, SYSTEM, PersonFilter(on=on))[0].id
        timed("person_page (history + competency gaps)", lambda: person_page(db, SYSTEM, first, on=on), 5)
        for fmt in ("json", "xlsx"):
            out = folder / f"catalogue.{fmt}"
            timed(f"catalogue export {fmt}", lambda fmt=fmt, out=out: export_catalogue(db, SYSTEM, out, fmt), 3)
            other = Database.open(str(folder / f"import-{fmt}.db"))
            timed(f"catalogue import {fmt} into an empty database",
                  lambda fmt=fmt, out=out, other=other: import_catalogue(other, SYSTEM, out, fmt))
            timed(f"catalogue re-import {fmt} (all rows unchanged)",
                  lambda fmt=fmt, out=out, other=other: import_catalogue(other, SYSTEM, out, fmt), 3)
            other.close()

        def add_many() -> None:
            with db.session(SYSTEM) as s:
                unit = home_unit_in_session(s)
                assert unit is not None
                for i in range(args.people):
                    add_person(s, unit, NewPerson(code=f"BM-{i:05d}", full_name=f"Nguyễn Văn Thử {i}",
                                                  category="cong_chuc", start_date=date(2020, 1, 1),
                                                  body_code="PKT", position_code="XA-CM-09"))

        timed(f"add {args.people} people (one transaction)", add_many)
        n = len(list_people(db, SYSTEM, PersonFilter(on=on)))
        timed(f"list_people, {n} people", lambda: list_people(db, SYSTEM, PersonFilter(on=on)), 3)
        timed(f"list_people, {n} people, text search 'thu 12'",
              lambda: list_people(db, SYSTEM, PersonFilter(text="thu 12", on=on)), 3)
        db.close()
    print(f"{'peak resident memory':<58} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:9.1f} MB")


if __name__ == "__main__":
    main()
