"""Crash safety: at least 50 random `kill -9` of a process doing imports, exports, edits and backups.

Afterwards the database passes integrity_check, the audit chain verifies (no change without its entry
and no entry without its change), no import is half-applied, and every acknowledged change is there.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from kpi_desktop.services import audit, backup
from kpi_desktop.store.db import Database

from .conftest import Accounts

KILLS = 55
WORKER = Path(__file__).with_name("kill_worker.py")


def _spawn(db_path: Path, work: Path, seed: int) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(WORKER), str(db_path), str(work), str(seed)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
def test_random_kill_9_loses_nothing_acknowledged(db: Database, accounts: Accounts, db_path: Path,
                                                   tmp_path: Path) -> None:
    db.close()
    work = tmp_path / "work"
    work.mkdir()
    rng = random.Random(20261125)
    acks: list[tuple[str, int]] = []
    kills = 0
    for i in range(KILLS):
        proc = _spawn(db_path, work, rng.randrange(1 << 30))
        assert proc.stdout is not None
        first = proc.stdout.readline().strip()
        assert first == "READY", proc.stderr.read() if proc.stderr else first
        time.sleep(rng.uniform(0.0, 0.6) if i % 5 else rng.uniform(0.0, 0.05))
        os.kill(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        assert proc.returncode == -signal.SIGKILL, err
        kills += 1
        for line in out.splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[0] == "ACK":
                acks.append((parts[1], int(parts[2])))
    assert kills >= 50
    kinds = {k for k, _ in acks}
    assert {"user", "name", "import"} <= kinds, kinds

    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        users = {r[0] for r in conn.execute("SELECT username FROM users")}
        display = conn.execute("SELECT display_name FROM users WHERE username = 'canbo'").fetchone()[0]
        setting = conn.execute("SELECT value FROM app_settings WHERE key = 'test.kill_counter'").fetchone()
        names = [r[0] for r in conn.execute("SELECT name FROM products")]
        user_inserts = conn.execute(
            "SELECT count(*) FROM audit_log WHERE entity = 'users' AND action = 'insert'").fetchone()[0]

    # every acknowledged change is there (a later, unacknowledged one may have committed too)
    for kind, token in acks:
        if kind == "user":
            assert f"u{token}" in users
    last = {kind: max(t for k, t in acks if k == kind) for kind in kinds}
    if "name" in last:
        assert int(display.rsplit(" ", 1)[1]) >= last["name"]
    if "setting" in last:
        assert setting is not None and int(json.loads(setting[0])) >= last["setting"]
    # no import half-applied: every product carries the same import's token
    tokens = {name.rsplit("#", 1)[1] for name in names}
    assert len(tokens) == 1, tokens
    assert int(tokens.pop()) >= last["import"]
    # the trail: intact, and one entry per row change (no change without its entry)
    db2 = Database.open(str(db_path))
    try:
        report = audit.verify_database(db2)
        assert report.ok, report.problems[:5]
        assert user_inserts == len(users)
        # files written by the worker are whole
        if (work / "xuat.json").exists():
            assert json.loads((work / "xuat.json").read_text(encoding="utf-8"))["products"]
        if (work / "audit.jsonl").exists():
            entries = audit.from_jsonl((work / "audit.jsonl").read_bytes())
            assert audit.verify_exported_entries(entries) == []
        for info in backup.list_backups(db_path):
            backup.check_backup_file(info.path)
    finally:
        db2.close()


PROVINCE_KILLS = 20


@pytest.mark.slow
def test_random_kill_9_during_bundle_imports(tmp_path: Path, data_dir: Path) -> None:
    """The province imports a chain of bundles (each superseding the one before) while being killed:
    no bundle is half-imported, every acknowledged one is in the ledger, the chain ends where it should."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exchange"))
    import exchange_helpers as xh  # the exchange area's test helpers (demo PKI, bundle builder)

    from kpi_desktop.services import exchange_settings
    from kpi_desktop.store.models.exchange import CurrentBundle, ImportedRecord, LedgerEntry

    p = xh.load_pki(tmp_path / "pki")
    db_path = tmp_path / "tinh.db"
    db = Database.open(str(db_path))
    exchange_settings.install_demo_pki(db, p.paths.folder)
    db.close()
    work = tmp_path / "work"
    (work / "bundles").mkdir(parents=True)
    previous = None
    ids = []
    for sequence in range(1, 7):
        data, manifest = xh.make_bundle(p, recs=xh.records(4), sequence=sequence, supersedes=previous)
        previous = manifest["bundle_id"]
        ids.append(previous)
        (work / "bundles" / f"{sequence:02d}.kpib").write_bytes(data)

    rng = random.Random(7)
    acks: list[tuple[str, str]] = []
    for _ in range(PROVINCE_KILLS):
        proc = subprocess.Popen([sys.executable, str(WORKER), "province", str(db_path), str(work)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "READY", proc.stderr.read() if proc.stderr else ""
        time.sleep(rng.uniform(0.05, 1.5))
        os.kill(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        assert proc.returncode == -signal.SIGKILL, err  # killed, not crashed
        acks += [(parts[1], parts[2]) for parts in (line.split() for line in out.splitlines())
                 if len(parts) == 4 and parts[0] == "ACK"]
    accepted = {bid for status, bid in acks if status == "accepted"}
    assert accepted, acks[:5]

    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db = Database.open(str(db_path))
    try:
        from sqlalchemy import func, select

        with db.session() as s:
            ledger = {e.bundle_id: e for e in s.scalars(select(LedgerEntry)).all()}
            counts = dict(s.execute(select(ImportedRecord.ledger_id, func.count())
                                    .group_by(ImportedRecord.ledger_id)).all())
            current = s.scalars(select(CurrentBundle)).all()
        assert accepted <= set(ledger)  # every acknowledged import is there
        for entry in ledger.values():  # and none is half there
            assert counts.get(entry.id, 0) == entry.record_count == 4
        # the chain advanced in order: 1 … n imported, the newest is current, the others superseded
        assert len(current) == 1
        imported = sorted(ids.index(b) for b in ledger)
        assert imported == list(range(len(imported)))
        assert current[0].bundle_id == ids[imported[-1]]
        assert {ledger[ids[i]].status for i in imported[:-1]} <= {"superseded"}
        assert ledger[ids[imported[-1]]].status == "current"
        assert audit.verify_database(db).ok
    finally:
        db.close()
