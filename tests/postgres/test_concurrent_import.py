"""Several HR staff import the same folder at the same moment into one PostgreSQL database.

Four processes each run the import service on the same 400 bundle files (two in the order sent, two
starting half-way through), released together. Afterwards the ledger must hold every bundle exactly
once, no bundle may have been applied by two importers, and everything the province sees (ledger,
current bundle per commune and period, imported records, quarantine) must equal one serial import of
the same files into a fresh database.
"""

from __future__ import annotations

import json
import multiprocessing
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest
from pg_fixtures import PgServer
from sqlalchemy import select

from kpi_desktop.domain.roles import Actor, Role
from kpi_desktop.services import exchange_import, exchange_settings
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.exchange import CurrentBundle, ImportedRecord, LedgerEntry, QuarantineEntry

from .workload import build_inbox, expected_counts, import_in_child, plan

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

FILES = 400
IMPORTERS = 4
APPLYING = {"accepted", "superseded", "fork"}  # decisions that write a ledger row


def snapshot(url: str) -> dict[str, Any]:
    """What the province sees, without what legitimately differs between runs (row ids, times, who
    imported, which of two identical files was read first)."""
    db = Database.open(url)
    try:
        with db.session() as s:
            ledger = s.scalars(select(LedgerEntry)).all()
            by_id = {e.id: e.bundle_id for e in ledger}
            return {
                "ledger": sorted(
                    (e.bundle_id, e.unit_code, e.period, e.sequence, e.supersedes or "", e.content_sha256,
                     e.signer_cert_sha256, e.status, e.superseded_by or "", e.record_count, e.flag_count,
                     e.ruleset_id) for e in ledger),
                "current": sorted((c.unit_code, c.period, c.bundle_id, c.sequence)
                                  for c in s.scalars(select(CurrentBundle))),
                "records": sorted(
                    (by_id[r.ledger_id], r.unit_code, r.period, r.kind, r.person_code, r.full_name,
                     r.total or "", r.band or "", r.level or "", r.current, r.flag_count,
                     json.dumps(r.inputs, sort_keys=True), json.dumps(r.result, sort_keys=True))
                    for r in s.scalars(select(ImportedRecord))),
                "quarantine": sorted({(q.file_name.removesuffix("-copy.kpib").removesuffix(".kpib"),
                                       q.reason_code, q.bundle_id or "")
                                      for q in s.scalars(select(QuarantineEntry))}),
            }
    finally:
        db.close()


def test_four_importers_at_once_enter_each_bundle_exactly_once(
    pg_server: PgServer, pg_url: str, tmp_path: Path
) -> None:
    units, copies = plan(FILES)
    inbox = build_inbox(tmp_path / "tinh", units=units, copies=copies)
    files = [str(p) for p in inbox.files]
    assert len(files) == FILES
    db = Database.open(pg_url)
    exchange_settings.install_demo_pki(db, inbox.pki_dir)
    db.close()

    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(IMPORTERS)
    half = len(files) // 2
    while Path(files[half]).name.split("-")[0] == Path(files[half - 1]).name.split("-")[0]:
        half += 1  # start at a commune's first file: each commune's files stay in the order sent
    orders = [files, files, files[half:] + files[:half], files[half:] + files[:half]]
    procs = []
    for i, order in enumerate(orders):
        proc = ctx.Process(target=import_in_child, args=(
            pg_url, order, f"hr{i + 1}", str(tmp_path / f"hr{i + 1}"), str(tmp_path / f"hr{i + 1}.json"), barrier))
        proc.start()
        procs.append(proc)
    for proc in procs:
        proc.join(900)
    assert [p.exitcode for p in procs] == [0] * IMPORTERS, "an importer crashed or hung"

    outputs = [json.loads((tmp_path / f"hr{i + 1}.json").read_text("utf-8")) for i in range(IMPORTERS)]
    reports = [out["files"] for out in outputs]
    print("importers' times (s):", [round(out["elapsed"], 1) for out in outputs])
    applied: dict[str, list[str]] = defaultdict(list)
    for rep in reports:
        assert len(rep) == FILES
        assert {r["status"] for r in rep} <= APPLYING | {"duplicate", "stale"}, Counter(r["status"] for r in rep)
        for r in rep:
            if r["status"] in APPLYING:
                applied[r["bundle_id"]].append(r["status"])
    twice = {b: d for b, d in applied.items() if len(d) != 1}
    assert twice == {}, f"bundles applied by more than one importer: {list(twice.items())[:5]}"

    expected = expected_counts(units)
    concurrent = snapshot(pg_url)
    assert len(concurrent["ledger"]) == len(applied) == expected["accepted"] + expected["superseded"] + expected["fork"]
    assert len({row[0] for row in concurrent["ledger"]}) == len(concurrent["ledger"])

    # The same files, one importer, a fresh database: the reference.
    serial_db_name = pg_server.acquire_migrated()
    try:
        serial_url = pg_server.url_for(serial_db_name)
        db = Database.open(serial_url)
        try:
            exchange_settings.install_demo_pki(db, inbox.pki_dir)
            report = exchange_import.import_bundles(
                db, Actor(username="hr1", role=Role.PROVINCE_HR), inbox.files,
                quarantine_dir=tmp_path / "serial" / "q", receipt_dir=tmp_path / "serial" / "r")
        finally:
            db.close()
        assert Counter(f.status for f in report.files) == Counter({**expected, "duplicate": copies})
        serial = snapshot(serial_url)
    finally:
        pg_server.release(serial_db_name)
    for key in ("ledger", "current", "records", "quarantine"):
        assert concurrent[key] == serial[key], f"{key}: the concurrent import differs from the serial one"
    assert sum(1 for r in serial["records"] if r[9]) == len(serial["current"]) * 5  # current records
