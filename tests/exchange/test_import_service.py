"""The province's batch import: ledger rules, quarantine, one bad file never stops the batch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from exchange_helpers import UNIT_A, UNIT_B, Pki, make_bundle, records, write
from hostile_cases import CASES
from sqlalchemy import func, select

from kpi_desktop.domain.roles import Actor, Role
from kpi_desktop.errors import PermissionDenied
from kpi_desktop.exchange.reasons import MESSAGES
from kpi_desktop.services import exchange_import, exchange_settings
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.exchange import CurrentBundle, ImportedRecord, LedgerEntry, QuarantineEntry

PROVINCE = Actor(username="so-noi-vu", role=Role.PROVINCE_HR, display_name="Sở Nội vụ")


@pytest.fixture
def prov_db(database: Database, demo_pki: Pki, data_dir: Path) -> Database:
    """The province's database, on SQLite and on PostgreSQL (tests/pg_fixtures.py)."""
    exchange_settings.install_demo_pki(database, demo_pki.paths.folder)
    return database


def _count(db: Database, model: type) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _import(db: Database, files: list[Path], tmp_path: Path, workers: int | None = None) -> exchange_import.ImportReport:
    return exchange_import.import_bundles(db, PROVINCE, files, quarantine_dir=tmp_path / "q",
                                          receipt_dir=tmp_path / "r", workers=workers)


def test_hostile_batch_rejects_each_file_and_imports_the_rest(prov_db: Database, demo_pki: Pki,
                                                              other_pki: Pki, tmp_path: Path,
                                                              needs_openssl: str) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    files: list[Path] = [write(inbox / "00-good-a.kpib", make_bundle(demo_pki)[0])]
    expected: dict[str, str] = {}
    for i, (_name, (build, code)) in enumerate(CASES.items(), 1):
        path = write(inbox / f"{i:02d}-hostile.kpib", build(demo_pki, other_pki, tmp_path))
        files.append(path)
        expected[str(path)] = code
    files.append(write(inbox / "99-good-b.kpib", make_bundle(demo_pki, unit=UNIT_B)[0]))

    report = _import(prov_db, files, tmp_path, workers=2)  # checks in worker processes, in file order

    assert not report.ok
    by_file = {f.file: f for f in report.files}
    assert by_file[str(files[0])].status == "accepted"
    assert by_file[str(files[-1])].status == "accepted"
    for path, code in expected.items():
        rep = by_file[path]
        assert (rep.status, rep.reason_code) == ("rejected", code), (path, rep.reason)
        assert rep.reason is not None and rep.reason.startswith(MESSAGES[code])
        assert rep.quarantined_to is not None and Path(rep.quarantined_to).exists()
        note = json.loads(Path(rep.quarantined_to + ".reason.json").read_text(encoding="utf-8"))
        assert note["reason_code"] == code
    # Nothing of the refused files was written: two ledger rows, six records.
    assert _count(prov_db, LedgerEntry) == 2
    assert _count(prov_db, ImportedRecord) == 6
    assert _count(prov_db, QuarantineEntry) == len(CASES)
    assert report.receipt_path is not None and Path(report.receipt_path).exists()


def test_importing_the_same_folder_twice_changes_nothing(prov_db: Database, demo_pki: Pki, tmp_path: Path) -> None:
    files = [write(tmp_path / "a.kpib", make_bundle(demo_pki)[0]),
             write(tmp_path / "b.kpib", make_bundle(demo_pki, unit=UNIT_B)[0])]
    first = _import(prov_db, files, tmp_path, workers=1)
    assert first.ok and [f.status for f in first.files] == ["accepted", "accepted"]
    with prov_db.session() as s:
        before = sorted((r.bundle_id, r.status) for r in s.scalars(select(LedgerEntry)))
    second = _import(prov_db, files, tmp_path, workers=2)
    assert second.ok and [f.status for f in second.files] == ["duplicate", "duplicate"]
    with prov_db.session() as s:
        after = sorted((r.bundle_id, r.status) for r in s.scalars(select(LedgerEntry)))
    assert after == before
    assert _count(prov_db, ImportedRecord) == 6
    assert _count(prov_db, QuarantineEntry) == 0


def test_superseding_bundle_replaces_and_history_is_kept(prov_db: Database, demo_pki: Pki, tmp_path: Path) -> None:
    first, m1 = make_bundle(demo_pki, recs=records(3))
    second, m2 = make_bundle(demo_pki, recs=records(4), sequence=2, supersedes=m1["bundle_id"])
    r1 = _import(prov_db, [write(tmp_path / "1.kpib", first)], tmp_path)
    r2 = _import(prov_db, [write(tmp_path / "2.kpib", second)], tmp_path)
    assert r1.files[0].status == "accepted"
    assert r2.files[0].status == "superseded" and r2.files[0].replaced == m1["bundle_id"]
    with prov_db.session() as s:
        rows = {r.bundle_id: r for r in s.scalars(select(LedgerEntry))}
        assert rows[m1["bundle_id"]].status == "superseded"
        assert rows[m1["bundle_id"]].superseded_by == m2["bundle_id"]
        assert rows[m2["bundle_id"]].status == "current"
        cur = s.get(CurrentBundle, (UNIT_A, "2026-Q1"))
        assert cur is not None and cur.bundle_id == m2["bundle_id"]
        current = s.scalars(select(ImportedRecord).where(ImportedRecord.current.is_(True))).all()
        old = s.scalars(select(ImportedRecord).where(ImportedRecord.current.is_(False))).all()
    assert len(current) == 4 and len(old) == 3  # history kept, only the newest counts


def test_stale_fork_and_conflict(prov_db: Database, demo_pki: Pki, tmp_path: Path) -> None:
    b1, m1 = make_bundle(demo_pki)
    b2, m2 = make_bundle(demo_pki, sequence=2, supersedes=m1["bundle_id"])
    assert _import(prov_db, [write(tmp_path / "1.kpib", b1), write(tmp_path / "2.kpib", b2)], tmp_path).ok
    stale, _ = make_bundle(demo_pki, sequence=1)
    fork, mf = make_bundle(demo_pki, sequence=3, supersedes=m1["bundle_id"])
    conflict, _ = make_bundle(demo_pki, recs=records(2), bundle_id=m2["bundle_id"], sequence=2,
                              supersedes=m1["bundle_id"])
    report = _import(prov_db, [write(tmp_path / "s.kpib", stale), write(tmp_path / "f.kpib", fork),
                               write(tmp_path / "c.kpib", conflict)], tmp_path)
    assert [f.status for f in report.files] == ["stale", "fork", "conflict"]
    assert not report.ok
    assert all(f.quarantined_to for f in report.files)
    with prov_db.session() as s:
        held = s.scalar(select(LedgerEntry).where(LedgerEntry.bundle_id == mf["bundle_id"]))
        assert held is not None and held.status == "held"
        cur = s.get(CurrentBundle, (UNIT_A, "2026-Q1"))
        assert cur is not None and cur.bundle_id == m2["bundle_id"]


def test_unregistered_certificate_is_refused(tmp_path: Path, demo_pki: Pki, data_dir: Path) -> None:
    db = Database.open(str(tmp_path / "tinh.db"))
    exchange_settings.install_demo_pki(db, demo_pki.paths.folder, units=[UNIT_B])
    report = _import(db, [write(tmp_path / "a.kpib", make_bundle(demo_pki)[0])], tmp_path)
    assert report.files[0].reason_code == "signer_not_registered"


def test_only_province_hr_imports(prov_db: Database, demo_pki: Pki, tmp_path: Path) -> None:
    clerk = Actor(username="vanthu", role=Role.CLERK, unit_code=UNIT_A)
    with pytest.raises(PermissionDenied):
        exchange_import.import_bundles(prov_db, clerk, [write(tmp_path / "a.kpib", make_bundle(demo_pki)[0])])


def test_recomputation_flags_a_result_that_differs(prov_db: Database, demo_pki: Pki, tmp_path: Path) -> None:
    pytest.importorskip("kpi_desktop.domain.scoring")
    from exchange_helpers import record

    honest = record("CC-0001")
    inflated = record("CC-0002")
    inflated["result"] = dict(inflated["result"], total="99.00")
    report = _import(prov_db, [write(tmp_path / "a.kpib", make_bundle(demo_pki, recs=[honest, inflated])[0])],
                     tmp_path)
    f = report.files[0]
    assert f.status == "accepted" and f.flag_count == 1
    assert f.flags[0]["person_code"] == "CC-0002" and f.flags[0]["field"] == "total"
    assert f.flags[0]["sent"] == "99.00" and f.flags[0]["recomputed"] == "95.33"
    with prov_db.session() as s:
        rows = {r.person_code: r for r in s.scalars(select(ImportedRecord))}
    assert rows["CC-0001"].flag_count == 0
    assert rows["CC-0002"].flag_count == 1 and rows["CC-0002"].total == "99.00"


def test_two_importers_at_once_apply_a_bundle_once(prov_db: Database, demo_pki: Pki, tmp_path: Path) -> None:
    import threading

    path = write(tmp_path / "a.kpib", make_bundle(demo_pki)[0])
    url = prov_db.url  # SQLite or PostgreSQL
    results: list[str] = []
    barrier = threading.Barrier(2)

    def run() -> None:
        db = Database.open(url)
        try:
            barrier.wait()
            report = exchange_import.import_bundles(db, PROVINCE, [path], write_receipt=False,
                                                    quarantine_dir=tmp_path / "q")
            results.extend(f.status for f in report.files)
        finally:
            db.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["accepted", "duplicate"]
    assert _count(prov_db, LedgerEntry) == 1
    assert _count(prov_db, ImportedRecord) == 3


def test_replaying_an_old_bundle_after_it_was_superseded_changes_nothing(prov_db: Database, demo_pki: Pki,
                                                                        tmp_path: Path) -> None:
    b1, m1 = make_bundle(demo_pki)
    b2, m2 = make_bundle(demo_pki, sequence=2, supersedes=m1["bundle_id"])
    f1, f2 = write(tmp_path / "1.kpib", b1), write(tmp_path / "2.kpib", b2)
    assert _import(prov_db, [f1, f2], tmp_path).ok
    replay = _import(prov_db, [f1], tmp_path)
    assert replay.ok and replay.files[0].status == "duplicate"
    with prov_db.session() as s:
        cur = s.get(CurrentBundle, (UNIT_A, "2026-Q1"))
        assert cur is not None and cur.bundle_id == m2["bundle_id"]


def test_broken_audit_chain_is_flagged(prov_db: Database, demo_pki: Pki, tmp_path: Path) -> None:
    pytest.importorskip("kpi_desktop.services.audit")
    from kpi_desktop.exchange import bundle

    forged = [{"seq": 1, "action": "update", "entity": "period_evaluations", "entity_id": "7",
               "period_code": "2026-Q1", "before": {"total": "60.00"}, "after": {"total": "95.00"},
               "hash": "0" * 64, "prev_hash": "0" * 64, "period_prev_hash": "0" * 64}]
    data, _ = bundle.build_results(unit_code=UNIT_A, period="2026-Q1", sequence=1, supersedes=None,
                                   records_=records(), catalog={}, audit=forged, ruleset_id="ND335-2025",
                                   ruleset_sha256="0" * 64, signer=demo_pki.signer(), recipients=[demo_pki.enc])
    report = _import(prov_db, [write(tmp_path / "a.kpib", data)], tmp_path)
    f = report.files[0]
    assert f.status == "accepted"
    assert any(flag["field"] == "audit.jsonl" for flag in f.flags)


def test_cancel_between_files_keeps_what_was_imported(prov_db: Database, demo_pki: Pki, tmp_path: Path) -> None:
    files = [write(tmp_path / f"{u}.kpib", make_bundle(demo_pki, unit=u)[0]) for u in (UNIT_A, UNIT_B, "26740")]

    class Cancelled(Exception):
        pass

    def progress(done: int, total: int, name: str) -> None:
        if done == 2:
            raise Cancelled

    with pytest.raises(Cancelled):
        exchange_import.import_bundles(prov_db, PROVINCE, files, quarantine_dir=tmp_path / "q",
                                       receipt_dir=tmp_path / "r", workers=2, progress=progress)
    assert _count(prov_db, LedgerEntry) == 2  # each file whole or not at all
    assert _count(prov_db, ImportedRecord) == 6
