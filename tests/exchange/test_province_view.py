"""The province's view: who sent what, results, flags, who is late."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from exchange_helpers import UNIT_A, UNIT_B, Pki, make_bundle, record, write

from kpi_desktop.domain.roles import Actor, Role
from kpi_desktop.errors import PermissionDenied
from kpi_desktop.services import exchange_import, exchange_settings, province
from kpi_desktop.store.db import Database

PROVINCE = Actor(username="so", role=Role.PROVINCE_HR)


def test_overview_results_flags_and_late(database: Database, tmp_path: Path, demo_pki: Pki, data_dir: Path) -> None:
    db = database  # SQLite and PostgreSQL (tests/pg_fixtures.py)
    exchange_settings.install_demo_pki(db, demo_pki.paths.folder)  # registers 26734, 26737, 26740
    odd = record("CC-0002")
    odd["result"] = dict(odd["result"], band="KHT")
    b1, m1 = make_bundle(demo_pki, recs=[record("CC-0001"), odd])
    b2, m2 = make_bundle(demo_pki, sequence=2, supersedes=m1["bundle_id"], recs=[record("CC-0001"), record("CC-0002")])
    exchange_import.import_bundles(db, PROVINCE, [write(tmp_path / "1.kpib", b1), write(tmp_path / "2.kpib", b2),
                                                  write(tmp_path / "b.kpib", make_bundle(demo_pki, unit=UNIT_B)[0])],
                                   quarantine_dir=tmp_path / "q", receipt_dir=tmp_path / "r")

    summary = {c.unit_code: c for c in province.communes(db, PROVINCE)}
    assert set(summary) == {"26734", "26737", "26740"}
    assert summary[UNIT_A].periods_sent == ["2026-Q1"] and summary[UNIT_A].record_count == 2
    assert summary["26740"].periods_sent == []

    status = {p.unit_code: p for p in province.period_status(db, PROVINCE, "2026-Q1", today=date(2026, 4, 20))}
    assert status[UNIT_A].received and status[UNIT_A].bundle_id == m2["bundle_id"] and status[UNIT_A].sequence == 2
    assert status["26740"].due == date(2026, 4, 15)
    assert [p.unit_code for p in province.late(db, PROVINCE, "2026-Q1", today=date(2026, 4, 20))] == ["26740"]
    assert province.late(db, PROVINCE, "2026-Q1", today=date(2026, 4, 10)) == []

    rows = province.results(db, PROVINCE, UNIT_A, "2026-Q1")
    assert [(r.person_code, r.total, r.band) for r in rows] == [("CC-0001", "95.33", "HTXS"), ("CC-0002", "95.33", "HTXS")]
    # The flag of the superseded bundle is history, not a current flag.
    assert province.flags(db, PROVINCE, period="2026-Q1") == []
    hist = province.history(db, PROVINCE, UNIT_A, "2026-Q1")
    assert [(h.sequence, h.status) for h in hist] == [(1, "superseded"), (2, "current")]
    assert hist[0].flag_count == 1

    with pytest.raises(PermissionDenied):
        province.communes(db, Actor(username="x", role=Role.STAFF))


def test_period_end() -> None:
    assert province.period_end("2026-Q1") == date(2026, 3, 31)
    assert province.period_end("2028-M02") == date(2028, 2, 29)
    assert province.period_end("2026") == date(2026, 12, 31)
