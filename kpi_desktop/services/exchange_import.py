"""Province side: import a batch of results bundles.

`import_bundles(db, actor, files)` runs every check of the contract on each file, applies the ledger
rules in one transaction per bundle, copies every refused file to the quarantine folder with its
reason, and never lets one bad file stop the batch. It returns an `ImportReport` (one `FileReport`
per file) and, when a province signing certificate is configured, writes one signed receipt for the
batch (see `receipts`).

Statuses per file: accepted, superseded (accepted, replacing the unit's previous bundle for the period),
duplicate (already imported: nothing changes), stale, fork (held for review), conflict, rejected.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import json
import os
import shutil
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from kpi_desktop.domain.roles import Actor
from kpi_desktop.errors import KpiError, StateError
from kpi_desktop.exchange import bundle, cms, ledger, pki
from kpi_desktop.exchange.ledger import Decision
from kpi_desktop.exchange.reasons import MESSAGES, BundleRejected
from kpi_desktop.services import exchange_settings as settings_svc
from kpi_desktop.services.authz import Action, require
from kpi_desktop.store.db import Database
from kpi_desktop.store.files import atomic_write
from kpi_desktop.store.models.exchange import CurrentBundle, ImportedRecord, LedgerEntry, QuarantineEntry
from kpi_desktop.store.postgres import advisory_xact_lock

STATUS_LABELS_VI = {
    "accepted": "Đã nhận",
    "superseded": "Đã nhận, thay thế gói trước",
    "duplicate": "Đã nhập trước đó",
    "stale": "Gói cũ, bị từ chối",
    "fork": "Rẽ nhánh, giữ lại chờ xem xét",
    "conflict": "Xung đột, đã cách ly",
    "rejected": "Bị từ chối",
}
OK_STATUSES = frozenset({"accepted", "superseded", "duplicate"})
APPLY_ATTEMPTS = 5
PARALLEL_MIN_FILES = 8


@dataclass
class FileReport:
    file: str
    status: str
    reason_code: str | None = None
    reason: str | None = None
    bundle_id: str | None = None
    unit_code: str | None = None
    period: str | None = None
    sequence: int | None = None
    record_count: int = 0
    flag_count: int = 0
    flags: list[dict[str, Any]] = field(default_factory=list)
    file_sha256: str = ""
    quarantined_to: str | None = None
    replaced: str | None = None  # the bundle_id this one superseded

    @property
    def ok(self) -> bool:
        return self.status in OK_STATUSES

    @property
    def label_vi(self) -> str:
        return STATUS_LABELS_VI[self.status]


@dataclass
class ImportReport:
    batch_id: str
    files: list[FileReport]
    receipt_path: str | None = None

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.files)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for f in self.files:
            out[f.status] = out.get(f.status, 0) + 1
        return out

    def to_json(self) -> dict[str, Any]:
        return {"batch_id": self.batch_id, "ok": self.ok, "counts": self.counts(),
                "receipt": self.receipt_path, "files": [asdict(f) for f in self.files]}


ProgressFn = Callable[[int, int, str], None]


def import_bundles(db: Database, actor: Actor, files: Sequence[Path], *, trust: bundle.Trust | None = None,
                   quarantine_dir: Path | None = None, receipt_dir: Path | None = None,
                   write_receipt: bool = True, allow_expired: bool = False, override_reason: str | None = None,
                   progress: ProgressFn | None = None, workers: int | None = None,
                   on_file: Callable[[FileReport], None] | None = None) -> ImportReport:
    """Import `files` (each a .kpib); see the module docstring. `allow_expired` is the operator's
    override for an expired signer and needs `override_reason` (both are logged in the ledger row).
    `on_file` receives each file's final report as soon as that file is done, so a caller whose
    `progress` stops the batch (the GUI's Cancel) can still say which files were imported or refused.

    The checks of steps 1–7 (decryption, signature, ZIP, JSON, recomputation) are CPU work with no
    database access; with `workers` > 1 (default: the CPU count, at most 4, and 1 in a frozen build or
    for fewer than 8 files) they run in worker processes while this process applies the ledger rules,
    file by file in the given order."""
    require(actor, Action.BUNDLE_IMPORT)
    if allow_expired and not (override_reason or "").strip():
        raise StateError("Cho phép chữ ký hết hạn cần ghi rõ lý do.", hint="Dùng --override-reason \"…\".")
    trust = trust or settings_svc.load_trust(db, allow_expired=allow_expired)
    quarantine = quarantine_dir or settings_svc.folder(db, "quarantine_dir", "quarantine")
    registry = settings_svc.registered_units(db)
    batch_id = str(uuid.uuid4())
    if files:
        _backup_before_batch(db)

    reports: list[FileReport] = []
    for n, (path, checked) in enumerate(_checked_files(files, trust, registry, workers), 1):
        if progress is not None:
            progress(n - 1, len(files), path.name)
        report = _import_one(db, actor, path, checked, batch_id, override_reason)
        if not report.ok and report.status != "duplicate":
            report.quarantined_to = _quarantine(db, path, report, quarantine, batch_id)
        reports.append(report)
        if on_file is not None:
            on_file(report)
    if progress is not None:
        progress(len(files), len(files), "")
    result = ImportReport(batch_id=batch_id, files=reports)
    if write_receipt and files:
        try:
            result.receipt_path = str(write_batch_receipt(db, actor, result, receipt_dir))
        except StateError:
            result.receipt_path = None  # no province signer configured: no receipt, said in the CLI
    return result


def _backup_before_batch(db: Database) -> Path | None:
    """One automatic backup of the province database before a batch writes anything (SQLite only: a
    server database is backed up by the server's tools). A batch that cannot be backed up does not run."""
    from kpi_desktop.services import backup

    try:
        return backup.backup_before(db, "truoc-nhap")
    except OSError as exc:
        raise KpiError(f"Không sao lưu được cơ sở dữ liệu trước khi nhập: {exc.strerror or exc}.",
                       hint="Kiểm tra chỗ trống trên ổ đĩa và quyền ghi vào thư mục sao lưu, rồi nhập lại.") from exc


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise BundleRejected("empty_file", exc.strerror or "") from exc
    if size > cms.MAX_FILE:
        raise BundleRejected("file_too_large")
    with path.open("rb") as fh:
        data = fh.read(cms.MAX_FILE + 1)
    if len(data) > cms.MAX_FILE:
        raise BundleRejected("file_too_large")
    return data


@dataclass
class Checked:
    """The outcome of steps 1–7 for one file: an opened bundle, or the refusal (picklable)."""

    file_sha256: str = ""
    opened: bundle.OpenedBundle | None = None
    signer_der: bytes = b""
    code: str | None = None
    message: str | None = None


def check_file(path: Path, trust: bundle.Trust, registry: dict[str, set[str]]) -> Checked:
    """Steps 1–7 on one file; never raises for a bad file."""
    def registered(cert: x509.Certificate, unit_code: str) -> bool:
        return unit_code in registry.get(pki.cert_sha256(cert), set())

    out = Checked()
    try:
        data = _read(path)
        out.file_sha256 = hashlib.sha256(data).hexdigest()
        out.opened = bundle.open_results(data, trust, registered=registered)
    except BundleRejected as exc:
        out.code, out.message = exc.code, exc.message
    except OSError as exc:
        out.code, out.message = "unreadable", f"Không đọc được tệp: {exc.strerror}."
    return out


# Worker processes: the trust material arrives once, through the pool's initializer.
_worker_state: dict[str, Any] = {}


def _worker_init(roots_pem: list[bytes], keys_pem: list[tuple[bytes, bytes]], production: bool,
                 allow_expired: bool, registry: dict[str, set[str]]) -> None:
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    roots = [x509.load_pem_x509_certificate(p) for p in roots_pem]
    keys = [(x509.load_pem_x509_certificate(c), load_pem_private_key(k, None)) for c, k in keys_pem]
    _worker_state["trust"] = bundle.Trust(roots=roots, decryption=keys, production=production,  # type: ignore[arg-type]
                                          allow_expired=allow_expired)
    _worker_state["registry"] = registry


def _worker_check(path: str) -> Checked:
    from cryptography.hazmat.primitives import serialization

    checked = check_file(Path(path), _worker_state["trust"], _worker_state["registry"])
    if checked.opened is not None:  # certificates do not pickle: send DER, rebuild in the parent
        checked.signer_der = checked.opened.signer.public_bytes(serialization.Encoding.DER)
        checked.opened.signer = None  # type: ignore[assignment]
    return checked


def default_workers(count: int) -> int:
    if getattr(sys, "frozen", False) or count < PARALLEL_MIN_FILES:
        return 1
    env = os.environ.get("KPI_IMPORT_WORKERS")
    if env and env.isdigit():
        return max(1, int(env))
    return max(1, min(os.cpu_count() or 1, 4))


def _checked_files(files: Sequence[Path], trust: bundle.Trust, registry: dict[str, set[str]],
                   workers: int | None) -> Iterator[tuple[Path, Checked]]:
    n = workers if workers is not None else default_workers(len(files))
    if n <= 1 or len(files) < 2:
        for path in files:
            yield path, check_file(path, trust, registry)
        return
    from concurrent.futures import ProcessPoolExecutor

    from cryptography.hazmat.primitives import serialization

    pem = serialization.Encoding.PEM
    keys_pem = [(c.public_bytes(pem), k.private_bytes(pem, serialization.PrivateFormat.PKCS8,
                                                      serialization.NoEncryption())) for c, k in trust.decryption]
    import multiprocessing

    try:
        # "spawn", not fork: the GUI calls this from a Qt process with threads, which must not be forked.
        pool = ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_worker_init,
                                   initargs=([r.public_bytes(pem) for r in trust.roots], keys_pem,
                                             trust.production, trust.allow_expired, registry))
    except (OSError, ValueError, NotImplementedError):
        for path in files:
            yield path, check_file(path, trust, registry)
        return
    try:
        for path, checked in zip(files, pool.map(_worker_check, [str(f) for f in files], chunksize=4),
                                 strict=True):
            if checked.opened is not None:
                checked.opened.signer = x509.load_der_x509_certificate(checked.signer_der)
            yield path, checked
    finally:
        # Also when the caller stops early (the GUI's Cancel between files): drop the checks not started.
        pool.shutdown(wait=False, cancel_futures=True)


def _import_one(db: Database, actor: Actor, path: Path, checked: Checked, batch_id: str,
                override_reason: str | None) -> FileReport:
    report = FileReport(file=str(path), status="rejected", file_sha256=checked.file_sha256)
    opened = checked.opened
    if opened is None:
        report.reason_code, report.reason = checked.code, checked.message
        return report
    m = opened.manifest
    report.bundle_id, report.unit_code, report.period = m["bundle_id"], m["unit_code"], m["period"]
    report.sequence, report.record_count = m["sequence"], len(opened.records)
    report.flag_count = opened.flag_count
    report.flags = [dict(f, person_code=r.person_code) for r in opened.records for f in r.flags]
    for problem in _audit_problems(opened):
        report.flags.append(problem)
        report.flag_count += 1
    for attempt in range(APPLY_ATTEMPTS):
        try:
            with db.session(actor) as s:
                decision, replaced = _apply(s, opened, report, path, actor, override_reason)
            break
        except (IntegrityError, OperationalError) as exc:
            # Another importer got there first (same bundle_id, or the same predecessor), or holds the
            # write lock: the transaction rolled back as a whole; decide again on fresh data.
            if isinstance(exc, OperationalError) and "locked" not in str(exc).lower():
                raise
            if attempt == APPLY_ATTEMPTS - 1:
                raise StateError("Cơ sở dữ liệu đang bận (một phiên nhập khác đang ghi); gói chưa được nhập.",
                                 hint="Chạy lại lệnh nhập: các gói đã nhận sẽ được báo là đã nhập trước đó.") from exc
            time.sleep(0.05 * (attempt + 1))
    report.status = decision.value
    report.replaced = replaced
    if not decision.ok:
        code = decision.value
        report.reason_code, report.reason = code, MESSAGES[code]
    return report


@functools.cache
def _audit_service() -> Any:
    try:
        return importlib.import_module("kpi_desktop.services.audit")
    except ImportError:
        return None


def _audit_problems(opened: bundle.OpenedBundle) -> list[dict[str, Any]]:
    """Check the bundle's audit.jsonl chain with the audit service, when this build has it."""
    audit = _audit_service()
    if audit is None:
        return []
    try:
        problems = audit.verify_exported_entries(opened.audit, period_code=opened.manifest["period"],
                                                 last_hash=opened.manifest.get("audit_last_hash"))
    except KpiError as exc:
        return [{"field": "audit.jsonl", "problem": "audit_unreadable", "message": exc.message}]
    return [{"field": "audit.jsonl", "problem": "audit_chain", "message": str(getattr(p, "message", p))}
            for p in problems]


def _known(row: LedgerEntry | None) -> ledger.Known | None:
    if row is None:
        return None
    return ledger.Known(row.bundle_id, row.sequence, row.content_sha256, row.status)


def _apply(s: Session, opened: bundle.OpenedBundle, report: FileReport, path: Path, actor: Actor,
           override_reason: str | None) -> tuple[Decision, str | None]:
    m = opened.manifest
    incoming = ledger.Incoming(m["bundle_id"], m["unit_code"], m["period"], m["sequence"], m["supersedes"],
                               opened.payload_sha256)
    # PostgreSQL: importers of the same unit and period take turns from here to commit, so the
    # decision below is made on what the previous one committed (the unique constraints and the
    # compare-and-swap stay as the backstop). SQLite already has one writer at a time.
    advisory_xact_lock(s, "exchange-ledger", incoming.unit_code, incoming.period)
    same = s.scalar(select(LedgerEntry).where(LedgerEntry.bundle_id == incoming.bundle_id))
    cur = s.get(CurrentBundle, (incoming.unit_code, incoming.period))
    cur_row = (s.scalar(select(LedgerEntry).where(LedgerEntry.bundle_id == cur.bundle_id))
               if cur is not None else None)
    decision = ledger.decide(incoming, _known(same), _known(cur_row))
    if decision in (Decision.DUPLICATE, Decision.CONFLICT, Decision.STALE):
        return decision, None
    status = "held" if decision is Decision.FORK else "current"
    entry = LedgerEntry(
        bundle_id=incoming.bundle_id, unit_code=incoming.unit_code, period=incoming.period,
        sequence=incoming.sequence, supersedes=incoming.supersedes, content_sha256=incoming.content_sha256,
        file_sha256=report.file_sha256, signer_cert_sha256=pki.cert_sha256(opened.signer), status=status,
        record_count=len(opened.records), flag_count=report.flag_count, ruleset_id=m["ruleset_id"],
        file_name=path.name[:255], created_at_claimed=str(m.get("created_at", ""))[:40],
        signing_time=opened.signing_time.replace(tzinfo=None) if opened.signing_time else None,
        expired_override=opened.expired_override,
        manifest=dict(m, **({"override_reason": override_reason} if opened.expired_override else {})),
        catalog=opened.catalog, audit=opened.audit, imported_by=actor.username,
    )
    s.add(entry)
    s.flush()  # IntegrityError here when a concurrent importer inserted the same bundle_id
    replaced: str | None = None
    if decision is Decision.ACCEPTED:
        s.add(CurrentBundle(unit_code=incoming.unit_code, period=incoming.period,
                            bundle_id=incoming.bundle_id, sequence=incoming.sequence))
    elif decision is Decision.SUPERSEDED:
        assert cur_row is not None
        swapped = s.execute(
            update(CurrentBundle)
            .where(CurrentBundle.unit_code == incoming.unit_code, CurrentBundle.period == incoming.period,
                   CurrentBundle.bundle_id == cur_row.bundle_id)
            .values(bundle_id=incoming.bundle_id, sequence=incoming.sequence,
                    updated_at=datetime.now(UTC).replace(tzinfo=None))
        )
        if swapped.rowcount != 1:  # type: ignore[attr-defined]
            raise IntegrityError("current bundle changed under us", None, Exception())
        cur_row.status = "superseded"
        cur_row.superseded_by = incoming.bundle_id
        s.execute(update(ImportedRecord).where(ImportedRecord.ledger_id == cur_row.id).values(current=False))
        replaced = cur_row.bundle_id
    current = decision.applies
    rows = [_record_row(entry.id, check, current) for check in opened.records]
    if rows:
        s.execute(insert(ImportedRecord), rows)  # one executemany: 50 ORM objects cost more than the checks
    return decision, replaced


def _record_row(ledger_id: int, check: Any, current: bool) -> dict[str, Any]:
    rec = check.record
    result = rec["result"]
    flags = json.loads(json.dumps(check.flags, default=str)) if check.flags else []
    total = result.get("total", result.get("mean"))
    return {
        "ledger_id": ledger_id, "unit_code": rec["unit_code"], "period": rec["period"], "kind": rec["kind"],
        "person_code": rec["person"]["code"], "full_name": rec["person"]["full_name"],
        "position": rec["person"].get("position"), "ruleset_id": rec["input"]["ruleset"],
        "total": None if total is None else str(total), "band": result.get("band"), "level": result.get("level"),
        "inputs": rec["input"], "result": result, "flags": flags, "flag_count": len(flags), "current": current,
    }


def _quarantine(db: Database, path: Path, report: FileReport, folder: Path, batch_id: str) -> str | None:
    """Copy the refused file aside with a note of why; never fails the batch."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    digest = (report.file_sha256 or "nohash")[:12]
    target = folder / f"{stamp}-{digest}-{path.name}"[:200]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size <= cms.MAX_FILE * 4:
            shutil.copyfile(path, target)
        else:
            target.write_bytes(b"")  # too large to keep: the note still says why
        note = {"file": str(path), "reason_code": report.reason_code, "reason": report.reason,
                "status": report.status, "bundle_id": report.bundle_id, "unit_code": report.unit_code,
                "period": report.period, "file_sha256": report.file_sha256, "batch_id": batch_id}
        target.with_name(target.name + ".reason.json").write_text(
            json.dumps(note, ensure_ascii=False, indent=2), encoding="utf-8")
        with db.session() as s:
            s.add(QuarantineEntry(file_name=path.name[:255], stored_path=str(target),
                                  file_sha256=report.file_sha256 or "", reason_code=report.reason_code or "",
                                  reason=report.reason or "", bundle_id=report.bundle_id,
                                  unit_code=report.unit_code, period=report.period, batch_id=batch_id))
    except (OSError, KpiError):
        return None
    return str(target)


def write_batch_receipt(db: Database, actor: Actor, report: ImportReport, folder: Path | None = None) -> Path:
    """Sign and write the receipt of one import batch; raises StateError without a province signer."""
    from kpi_desktop.exchange import receipts
    from kpi_desktop.store.models.exchange import Receipt

    signer = settings_svc.province_signer(db)
    items = [asdict(f) for f in report.files]
    data, manifest = receipts.build_receipt(report.batch_id, items, signer)
    folder = folder or settings_svc.folder(db, "receipt_dir", "receipts")
    target = folder / f"bien-nhan-{report.batch_id}.kpib"
    atomic_write(target, data)
    with db.session(actor) as s:
        s.add(Receipt(receipt_id=manifest["bundle_id"], direction="out", batch_id=report.batch_id,
                      items=[{k: i.get(k) for k in receipts.ITEM_FIELDS} for i in items], path=str(target)))
    return target
