"""Import throughput: N results bundles of P people each into a fresh SQLite province database.

    .venv/bin/python benchmarks/bench_import.py [--bundles 1000] [--people 50] [--keep DIR]

Three figures:
1. `kpi bundle import`'s service (`import_bundles`): every check of the contract, recomputation of every
   record with the scoring engine, the ledger and one transaction per bundle, plus the signed receipt.
2. The floor: the same files decrypted (`pkcs7_decrypt_der`), their signature checked (RSA over the
   signed attributes, chain built with `cryptography.x509.verification`), the ZIP and JSON read and the
   same rows inserted with plain `sqlite3` — the libraries alone, no checks of ours, no recomputation.
3. The ratio of 1 to 2 (goal: at least 50%), the share of 1 spent recomputing records with the scoring
   engine, and the peak memory (maximum resident set size of the process that ran the import; each
   measurement runs in a process of its own).

The bundles are built first (not timed): P people per bundle, one bundle per commune unit, each
commune's certificate registered, like a real province.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import json
import os
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from asn1crypto import cms as acms  # noqa: E402
from cryptography import x509  # noqa: E402
from cryptography.hazmat.primitives import hashes  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import padding  # noqa: E402
from cryptography.hazmat.primitives.serialization import pkcs7  # noqa: E402
from cryptography.x509 import verification  # noqa: E402

from kpi_desktop.domain.roles import Actor, Role  # noqa: E402
from kpi_desktop.exchange import bundle, pki  # noqa: E402
from kpi_desktop.exchange.signer import FileKeySigner  # noqa: E402

PERIOD = "2026-Q1"
RULESET = "ND335-2025"


def _record(unit: str, i: int) -> dict[str, object]:
    from kpi_desktop.domain.scoring import score_period

    code = f"CC-{i:04d}"
    data = {
        "ruleset": RULESET, "person": {"code": code, "role": "staff"}, "period": PERIOD,
        "general": {"a": 9, "b": 8 + i % 3, "c": 9},
        "tasks": [
            {"product": "VB-01", "k": 1, "assigned": 10, "completed": 10 - i % 3, "quality_failures": i % 2,
             "quality_failures_exempt": 0, "delays": i % 4, "delays_exempt": 0},
            {"product": "BC-02", "k": 2, "assigned": 2, "completed": 2, "quality_failures": 0,
             "quality_failures_exempt": 0, "delays": 0, "delays_exempt": 0},
        ],
        "leadership": None,
    }
    return {"kind": "period", "unit_code": unit, "period": PERIOD,
            "person": {"code": code, "full_name": f"Nguyễn Văn Số {i}", "position": "Công chức"},
            "input": data, "result": score_period(data)}


def build(folder: Path, pki_dir: Path, bundles: int, people: int) -> list[Path]:
    demo = pki.demo_paths(pki_dir)
    root = pki.load_cert(demo.root)
    root_key = pki.load_key(pki_dir / "province-root.key")
    enc = pki.load_cert(demo.enc_cert)
    key = pki.new_key()  # one key for all communes keeps the set-up short; one certificate per commune
    files = []
    for b in range(bundles):
        unit = f"{30000 + b}"
        cert_path = pki_dir / f"unit-{unit}.pem"
        cert = pki.issue(root, root_key, key.public_key(), common_name=f"Xã thử {unit}", purpose="sign",
                         demo=True, unit_code=unit)
        pki.write_public(cert_path, pki.cert_pem(cert))
        data, _ = bundle.build_results(
            unit_code=unit, period=PERIOD, sequence=1, supersedes=None,
            records_=[_record(unit, i) for i in range(1, people + 1)], catalog={"products": {}}, audit=[],
            ruleset_id=RULESET, ruleset_sha256="0" * 64, signer=FileKeySigner(cert, key, [root]), recipients=[enc])
        path = folder / f"{unit}.kpib"
        path.write_bytes(data)
        files.append(path)
    return files


def run_service(files: list[Path], pki_dir: Path, work: Path) -> float:
    from kpi_desktop.services import exchange_import, exchange_settings
    from kpi_desktop.store.db import Database

    db = Database.open(str(work / "tinh.db"))
    exchange_settings.install_demo_pki(db, pki_dir)
    actor = Actor(username="bench", role=Role.PROVINCE_HR)
    start = time.perf_counter()
    report = exchange_import.import_bundles(db, actor, files, quarantine_dir=work / "q", receipt_dir=work / "r")
    elapsed = time.perf_counter() - start
    bad = [f for f in report.files if f.status != "accepted"]
    if bad:
        raise SystemExit(f"unexpected: {bad[0].status} {bad[0].reason}")
    db.close()
    return elapsed


def run_recompute_only(files: list[Path], pki_dir: Path, work: Path) -> float:
    """Time the scoring engine alone on every record of the files (the part the floor does not do)."""
    from kpi_desktop.exchange import records

    demo = pki.demo_paths(pki_dir)
    trust = bundle.Trust(roots=[pki.load_cert(demo.root)],
                         decryption=[(pki.load_cert(demo.enc_cert), pki.load_key(demo.enc_key))])
    opened = [bundle.open_results(f.read_bytes(), trust, registered=lambda c, u: True, recompute=False)
              for f in files]
    start = time.perf_counter()
    for ob in opened:
        for check in ob.records:
            records.recompute(check)
    return time.perf_counter() - start


def run_floor(files: list[Path], pki_dir: Path, work: Path) -> float:
    demo = pki.demo_paths(pki_dir)
    root = pki.load_cert(demo.root)
    enc = pki.load_cert(demo.enc_cert)
    enc_key = pki.load_key(demo.enc_key)
    conn = sqlite3.connect(work / "floor.db")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("CREATE TABLE records (bundle TEXT, unit TEXT, person TEXT, name TEXT, inputs TEXT, result TEXT)")
    verifier = (verification.PolicyBuilder().store(verification.Store([root])).time(dt.datetime.now(dt.UTC))
                .extension_policies(ca_policy=verification.ExtensionPolicy.webpki_defaults_ca(),
                                    ee_policy=verification.ExtensionPolicy.webpki_defaults_ee().may_be_present(
                                        x509.SubjectAlternativeName, verification.Criticality.AGNOSTIC, None))
                .build_client_verifier())
    start = time.perf_counter()
    for path in files:
        inner = pkcs7.pkcs7_decrypt_der(path.read_bytes(), enc, enc_key, [])
        sd = acms.ContentInfo.load(inner)["content"]
        si = sd["signer_infos"][0]
        content = sd["encap_content_info"]["content"].native
        serial = si["sid"].chosen["serial_number"].native
        cert = next(x509.load_der_x509_certificate(c.chosen.dump()) for c in sd["certificates"]
                    if c.chosen.serial_number == serial)
        cert.public_key().verify(si["signature"].native, b"\x31" + si["signed_attrs"].dump()[1:],  # type: ignore[union-attr,call-arg]
                                 padding.PKCS1v15(), hashes.SHA256())  # type: ignore[call-arg]
        verifier.verify(cert, [])
        hashlib.sha256(content).digest()
        with zipfile.ZipFile(io.BytesIO(content)) as zf:
            manifest = json.loads(zf.read("manifest.json"))
            rows = [json.loads(line) for line in zf.read("records.jsonl").splitlines()]
        with conn:
            conn.executemany("INSERT INTO records VALUES (?, ?, ?, ?, ?, ?)",
                             [(manifest["bundle_id"], r["unit_code"], r["person"]["code"], r["person"]["full_name"],
                               json.dumps(r["input"]), json.dumps(r["result"])) for r in rows])
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def _child(mode: str, work: Path) -> None:
    files = sorted((work / "inbox").glob("*.kpib"))
    func = {"service": run_service, "floor": run_floor, "recompute": run_recompute_only}[mode]
    if mode == "service":
        tracemalloc_wanted = os.environ.get("KPI_BENCH_TRACEMALLOC") == "1"
        if tracemalloc_wanted:
            tracemalloc.start()
    def children() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    import multiprocessing

    cpu0, child0 = time.process_time(), children()
    elapsed = func(files, work / "pki", work)
    while multiprocessing.active_children():  # reap the import's workers so that their CPU time counts
        time.sleep(0.05)
    # CPU time of the run, worker processes included (set-up is small and the same for every mode); on
    # a shared machine it is steadier than the wall clock, so both are reported.
    cpu = time.process_time() - cpu0 + children() - child0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"elapsed": elapsed, "cpu": cpu, "max_rss_mb": rss}))


def _spawn(mode: str, work: Path) -> dict[str, float]:
    import subprocess

    out = subprocess.run([sys.executable, __file__, "--child", mode, "--keep", str(work)], check=True,
                         capture_output=True, text=True, env=os.environ.copy())
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bundles", type=int, default=1000)
    parser.add_argument("--people", type=int, default=50)
    parser.add_argument("--keep", type=Path, help="keep the work folder here")
    parser.add_argument("--child", choices=["service", "floor", "recompute"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="kpi-bench-import-"))
    os.environ["KPI_DATA_DIR"] = str(work / "data")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    if args.child:
        _child(args.child, work)
        return
    work.mkdir(parents=True, exist_ok=True)
    pki_dir = work / "pki"
    pki.make_demo_pki(pki_dir)
    inbox = work / "inbox"
    inbox.mkdir(exist_ok=True)
    t0 = time.perf_counter()
    files = build(inbox, pki_dir, args.bundles, args.people)
    built = time.perf_counter() - t0
    size = sum(f.stat().st_size for f in files)
    rows = args.bundles * args.people
    floor = _spawn("floor", work)
    service = _spawn("service", work)
    recompute = _spawn("recompute", work)
    s, f, r = service["elapsed"], floor["elapsed"], recompute["elapsed"]
    sc, fc, rc = service["cpu"], floor["cpu"], recompute["cpu"]
    print(f"bundles: {args.bundles} × {args.people} people = {rows} records; {size / 1e6:.1f} MB of .kpib "
          f"(built in {built:.1f} s)")
    print(f"import service: {s:.2f} s = {args.bundles / s:.1f} bundles/s, {rows / s:.0f} records/s; "
          f"max RSS {service['max_rss_mb']:.0f} MB")
    print(f"floor (libraries alone): {f:.2f} s = {args.bundles / f:.1f} bundles/s; max RSS {floor['max_rss_mb']:.0f} MB")
    print(f"ratio service/floor throughput: {f / s:.1%} (goal ≥ 50%)")
    print(f"of which recomputing every record with the scoring engine: {r:.2f} s ({r / s:.0%} of the import); "
          f"without it the ratio would be {f / max(s - r, 1e-9):.1%}")
    print(f"workers: {os.environ.get('KPI_IMPORT_WORKERS') or min(os.cpu_count() or 1, 4)} of {os.cpu_count()} CPUs")
    print(f"CPU time (steadier on a busy machine): service {sc:.2f} s, floor {fc:.2f} s, ratio {fc / sc:.1%}; "
          f"recomputation {rc:.2f} s ({rc / sc:.0%}); without it {fc / max(sc - rc, 1e-9):.1%}")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
