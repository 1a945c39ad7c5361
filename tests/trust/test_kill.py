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
