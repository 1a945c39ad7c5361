"""A province's inbox of results bundles, for the concurrent-import test and the import benchmark.

`build_inbox(folder, units=…)` writes a demo PKI (province root, encryption and signing certificates,
one signing certificate per commune) to `folder/pki` and the bundles to `folder/inbox`, named
`<unit>-<k>.kpib` so that sorting the names gives each commune's files in the order they were sent.
With `ledger_cases=True` the inbox exercises every ledger rule, in these proportions per 40 units:

- every unit: sequence 1 (accepted);
- 8 units in 40: sequence 2 superseding 1 (superseded), and 3 of those a sequence 3 superseding 2;
- 1 unit in 40: a fork (sequence 2 whose `supersedes` names no bundle we have: held for review);
- 1 unit in 40: a stale bundle (a second sequence 1 sent after sequence 2: rejected);
- `copies` files sent a second time under another name (duplicate: nothing happens).

Every record carries the scoring engine's own result, so the province's recomputation agrees.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kpi_desktop.exchange import bundle, pki
from kpi_desktop.exchange.signer import FileKeySigner

PERIOD = "2026-Q1"
RULESET = "ND335-2025"
FIRST_UNIT = 30000


@dataclass(frozen=True)
class Inbox:
    pki_dir: Path
    files: list[Path]
    units: list[str]


def _record(unit: str, i: int, sequence: int) -> dict[str, Any]:
    from kpi_desktop.domain.scoring import score_period

    code = f"CC-{i:04d}"
    data = {
        "ruleset": RULESET, "person": {"code": code, "role": "staff"}, "period": PERIOD,
        "general": {"a": 9, "b": 8 + (i + sequence) % 3, "c": 9},
        "tasks": [
            {"product": "VB-01", "k": 1, "assigned": 10, "completed": 10 - (i + sequence) % 3,
             "quality_failures": i % 2, "quality_failures_exempt": 0, "delays": i % 4, "delays_exempt": 0},
            {"product": "BC-02", "k": 2, "assigned": 2, "completed": 2, "quality_failures": 0,
             "quality_failures_exempt": 0, "delays": 0, "delays_exempt": 0},
        ],
        "leadership": None,
    }
    return {"kind": "period", "unit_code": unit, "period": PERIOD,
            "person": {"code": code, "full_name": f"Nguyễn Thị Ánh {i}", "position": "Công chức"},
            "input": data, "result": score_period(data)}


def build_inbox(folder: Path, *, units: int, people: int = 5, ledger_cases: bool = True, copies: int = 0) -> Inbox:
    pki_dir = folder / "pki"
    inbox = folder / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    pki.make_demo_pki(pki_dir, units=[])
    root = pki.load_cert(pki_dir / "province-root.pem")
    root_key = pki.load_key(pki_dir / "province-root.key")
    enc = pki.load_cert(pki_dir / "province-enc.pem")
    key = pki.new_key()  # one key for every commune keeps the set-up short; one certificate each
    files: list[Path] = []
    codes: list[str] = []
    for n in range(units):
        unit = str(FIRST_UNIT + n)
        codes.append(unit)
        cert = pki.issue(root, root_key, key.public_key(), common_name=f"Xã thử {unit}", purpose="sign",
                         demo=True, unit_code=unit)
        pki.write_public(pki_dir / f"unit-{unit}.pem", pki.cert_pem(cert))
        signer = FileKeySigner(cert, key, [root])

        def send(k: int, sequence: int, supersedes: str | None, unit: str = unit,
                 signer: FileKeySigner = signer) -> str:
            data, manifest = bundle.build_results(
                unit_code=unit, period=PERIOD, sequence=sequence, supersedes=supersedes,
                records_=[_record(unit, i, sequence) for i in range(1, people + 1)],
                catalog={"products": {}}, audit=[], ruleset_id=RULESET, ruleset_sha256="0" * 64,
                signer=signer, recipients=[enc])
            path = inbox / f"{unit}-{k}.kpib"
            path.write_bytes(data)
            files.append(path)
            return str(manifest["bundle_id"])

        first = send(1, 1, None)
        if not ledger_cases:
            continue
        slot = n % 40
        if slot < 8:
            second = send(2, 2, first)
            if slot < 3:
                send(3, 3, second)
        elif slot == 8:
            send(2, 2, str(uuid.uuid4()))  # fork: names a predecessor the province never saw
        elif slot == 9:
            send(2, 2, first)
            send(3, 1, None)  # stale: a lower sequence than the current bundle
    for path in sorted(files)[:copies]:  # the same file sent twice (a clerk's second e-mail)
        copy = inbox / f"{path.stem}-copy.kpib"
        copy.write_bytes(path.read_bytes())
        files.append(copy)
    return Inbox(pki_dir, sorted(files), codes)


def plan(total: int) -> tuple[int, int]:
    """(units, copies) giving exactly `total` files with every ledger case present."""
    units = max(u for u in range(1, total + 1) if files_count(u) <= total)
    return units, total - files_count(units)


def expected_counts(units: int) -> dict[str, int]:
    """What one serial import of `build_inbox(units=…)` decides, by decision."""
    per40 = {"accepted": 40, "superseded": 8 + 3 + 1, "fork": 1, "stale": 1}
    whole, rest = divmod(units, 40)
    counts = {k: v * whole for k, v in per40.items()}
    for slot in range(rest):
        counts["accepted"] += 1
        if slot < 8:
            counts["superseded"] += 2 if slot < 3 else 1
        elif slot == 8:
            counts["fork"] += 1
        elif slot == 9:
            counts["superseded"] += 1
            counts["stale"] += 1
    return counts


def files_count(units: int) -> int:
    return sum(expected_counts(units).values())


def import_in_child(url: str, files: list[str], username: str, work: str, out: str, barrier: Any) -> None:
    """One HR clerk's `kpi bundle import` in a process of its own (the concurrent-import test)."""
    import json
    import time

    from kpi_desktop.domain.roles import Actor, Role
    from kpi_desktop.services import exchange_import
    from kpi_desktop.store.db import Database

    db = Database.open(url)
    try:
        barrier.wait(timeout=120)
        start = time.perf_counter()
        report = exchange_import.import_bundles(
            db, Actor(username=username, role=Role.PROVINCE_HR), [Path(f) for f in files],
            quarantine_dir=Path(work) / "quarantine", receipt_dir=Path(work) / "receipts")
        elapsed = time.perf_counter() - start
    finally:
        db.close()
    Path(out).write_text(json.dumps({"elapsed": elapsed, "files": [
        {"file": Path(f.file).name, "status": f.status, "bundle_id": f.bundle_id, "reason": f.reason}
        for f in report.files]}), encoding="utf-8")
