"""Commune side of the exchange: export a period's results bundle, import the province's receipts.

`export_period(db, actor, "2026-Q1", out)` refuses while any evaluation of the period is not approved
(listing who is missing), takes the next sequence number in its own transaction (so a number is never
reused, also after a failed export), builds EnvelopedData(SignedData(payload.zip)), checks its own
signature and payload before encrypting, writes atomically (tmp, fsync, rename) and reads the file
back to compare.

`import_receipt(db, actor, file)` verifies a province receipt and records, per exported bundle of
this unit, whether it was accepted or rejected and why (`exports(db, actor)` lists them).
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kpi_desktop.domain.roles import Actor
from kpi_desktop.errors import InputError, KpiError, NotFoundError, StateError
from kpi_desktop.exchange import bundle, cms, payload, pki, receipts
from kpi_desktop.exchange.reasons import BundleRejected
from kpi_desktop.exchange.signer import Signer
from kpi_desktop.services import exchange_settings as settings_svc
from kpi_desktop.services.authz import Action, require
from kpi_desktop.store.db import Database
from kpi_desktop.store.files import atomic_write
from kpi_desktop.store.models.core import Unit
from kpi_desktop.store.models.evaluation import AnnualClassification, EvaluationPeriod, PeriodEvaluation
from kpi_desktop.store.models.exchange import ExportCounter, ExportLog, Receipt
from kpi_desktop.store.models.people import Person

STATE_LABELS_VI = {
    "draft": "chưa tự đánh giá", "submitted": "đã nộp, chưa xem xét", "reviewed": "đã xem xét, chưa phê duyệt",
    "returned": "bị trả lại", "proposed": "đã đề xuất, chưa quyết định",
}
ANNUAL_DONE = ("decided", "published")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    bundle_id: str
    unit_code: str
    period: str
    sequence: int
    supersedes: str | None
    record_count: int
    file_sha256: str
    recipients: list[str]


@dataclass(frozen=True)
class ExportRow:
    bundle_id: str
    period: str
    sequence: int
    status: str
    path: str
    created_at: datetime
    receipt_status: str | None
    receipt_reason: str | None


def _home_unit(s: Session) -> Unit:
    unit = s.scalar(select(Unit).where(Unit.is_home.is_(True)))
    if unit is None:
        raise StateError("Cơ sở dữ liệu chưa có đơn vị chủ quản (xã/phường của máy này).",
                         hint="Hãy khai báo đơn vị trong phần Tổ chức trước khi gửi dữ liệu.")
    return unit


def _position_names(s: Session, person_ids: Sequence[int]) -> dict[int, str]:
    from kpi_desktop.store.models.catalog import JobPosition
    from kpi_desktop.store.models.people import PersonPosition

    out: dict[int, str] = {}
    rows = s.execute(select(PersonPosition.person_id, JobPosition.name, PersonPosition.kind)
                     .join(JobPosition, JobPosition.id == PersonPosition.position_id)
                     .where(PersonPosition.person_id.in_(person_ids), PersonPosition.end_date.is_(None)))
    for pid, name, kind in rows:
        if pid not in out or kind == "primary":
            out[pid] = name
    return out


def _expected_people(s: Session, unit: Unit, persons: dict[int, Person], start: date, end: date) -> set[int]:
    """Who must have an evaluation: cán bộ, công chức, viên chức (not contract staff) employed in this
    unit for the whole period and not on leave during it; a person without any employment span counts
    when active."""
    from kpi_desktop.store.models.people import EmploymentSpan, Leave

    spans: dict[int, list[EmploymentSpan]] = {}
    for span in s.scalars(select(EmploymentSpan).where(EmploymentSpan.person_id.in_(list(persons)))):
        spans.setdefault(span.person_id, []).append(span)
    on_leave = set(s.scalars(select(Leave.person_id).where(
        Leave.person_id.in_(list(persons)), Leave.start_date <= end,
        (Leave.end_date.is_(None)) | (Leave.end_date >= start))))
    out: set[int] = set()
    for pid, person in persons.items():
        if person.category == "hop_dong" or pid in on_leave:
            continue
        own = spans.get(pid)
        if own is None:
            if person.active:
                out.add(pid)
            continue
        if any(sp.start_date <= start and (sp.end_date is None or sp.end_date >= end)
               and sp.unit_id in (None, unit.id) for sp in own):
            out.add(pid)
    return out


def _collect(s: Session, unit: Unit, period_code: str) -> tuple[list[dict[str, Any]], str | None, list[str]]:
    """Records of the period, its rule set, and the list of what is missing (Vietnamese lines)."""
    period = s.scalar(select(EvaluationPeriod).where(EvaluationPeriod.unit_id == unit.id,
                                                     EvaluationPeriod.code == period_code))
    annual = bundle.PERIOD_RE.match(period_code) is not None and len(period_code) == 4
    if period is None and not annual:
        codes = s.scalars(select(EvaluationPeriod.code).where(EvaluationPeriod.unit_id == unit.id)
                          .order_by(EvaluationPeriod.code)).all()
        raise NotFoundError(f"Không có kỳ đánh giá «{period_code}» ở đơn vị {unit.name}.", field="period",
                            hint=("Các kỳ hiện có: " + ", ".join(codes)) if codes else "Chưa có kỳ nào.")
    persons = {p.id: p for p in s.scalars(select(Person).where(Person.unit_id == unit.id))}
    missing: list[str] = []
    records: list[dict[str, Any]] = []
    ruleset: str | None = period.ruleset_id if period is not None else None
    evals: list[Any]
    done: tuple[str, ...]
    if annual:
        evals = list(s.scalars(select(AnnualClassification).where(AnnualClassification.unit_id == unit.id,
                                                                 AnnualClassification.year == int(period_code))))
        done = ANNUAL_DONE
        kind = "annual"
    else:
        assert period is not None
        evals = list(s.scalars(select(PeriodEvaluation).where(PeriodEvaluation.period_id == period.id)))
        done = ("approved",)
        kind = "period"
    seen = {e.person_id for e in evals}
    start, end = ((date(int(period_code), 1, 1), date(int(period_code), 12, 31)) if period is None
                  else (period.start_date, period.end_date))
    for pid in _expected_people(s, unit, persons, start, end) - seen:
        person = persons[pid]
        missing.append(f"{person.full_name} ({person.code}): chưa có phiếu đánh giá")
    positions = _position_names(s, [e.person_id for e in evals])
    for ev in evals:
        found = persons.get(ev.person_id) or s.get(Person, ev.person_id)
        assert found is not None
        person = found
        if ev.state not in done:
            missing.append(f"{person.full_name} ({person.code}): {STATE_LABELS_VI.get(ev.state, ev.state)}")
            continue
        if not ev.inputs or not ev.result:
            missing.append(f"{person.full_name} ({person.code}): chưa có kết quả chấm điểm")
            continue
        inputs = dict(ev.inputs)
        ruleset = ruleset or ev.ruleset_id or inputs.get("ruleset")
        rec: dict[str, Any] = {
            "kind": kind, "unit_code": unit.code, "period": period_code,
            "person": {"code": person.code, "full_name": person.full_name},
            "input": inputs, "result": dict(ev.result),
        }
        if positions.get(ev.person_id):
            rec["person"]["position"] = positions[ev.person_id]
        stamp = getattr(ev, "approved_at", None) or getattr(ev, "decision_date", None)
        if stamp is not None:
            rec["approved_at"] = stamp.isoformat()
        records.append(rec)
    records.sort(key=lambda r: r["person"]["code"])
    return records, ruleset, sorted(missing)


def _catalog_for(s: Session, records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The catalogue versions the records refer to (products used in the tasks)."""
    from kpi_desktop.store.models.catalog import Product

    codes = sorted({str(t["product"]) for r in records for t in (r["input"].get("tasks") or [])
                    if isinstance(t, dict) and isinstance(t.get("product"), str)})
    products = {p.code: {"name": p.name, "k": str(p.k), "version": p.version}
                for p in s.scalars(select(Product).where(Product.code.in_(codes)))} if codes else {}
    return {"products": products}


def _ruleset_sha(ruleset_id: str, records: Sequence[dict[str, Any]]) -> str:
    try:
        mod = importlib.import_module("kpi_desktop.domain.scoring.rulesets")
        return str(mod.load_ruleset(ruleset_id).sha256)
    except (ImportError, KpiError, AttributeError):
        pass
    for rec in records:
        value = rec["result"].get("ruleset_sha256")
        if isinstance(value, str) and bundle.HEX64.match(value):
            return value
    return "0" * 64  # unknown on this machine; the province recomputes with its own copy anyway


def _audit_entries(db: Database, period_code: str) -> tuple[list[dict[str, Any]], str | None]:
    """The period's hash-chained audit entries, when the audit service exists on this build."""
    try:
        audit = importlib.import_module("kpi_desktop.services.audit")
    except ImportError:
        return [], None
    entries = list(audit.export_period_entries(db, period_code))
    last = entries[-1].get("hash") if entries else None
    return entries, last if isinstance(last, str) else None


def _next_sequence(db: Database, actor: Actor, unit_code: str, period: str, bundle_id: str) -> tuple[int, str | None]:
    """Take the next number and log the attempt in a transaction of its own: never reused."""
    with db.session(actor) as s:
        counter = s.get(ExportCounter, (unit_code, period))
        if counter is None:
            counter = ExportCounter(unit_code=unit_code, period=period, next_sequence=1)
            s.add(counter)
            s.flush()
        seq = counter.next_sequence
        counter.next_sequence = seq + 1
        last = s.scalar(select(ExportLog).where(ExportLog.unit_code == unit_code, ExportLog.period == period,
                                                ExportLog.status == "written")
                        .order_by(ExportLog.sequence.desc()).limit(1))
        supersedes = last.bundle_id if last is not None else None
        s.add(ExportLog(bundle_id=bundle_id, unit_code=unit_code, period=period, sequence=seq,
                        supersedes=supersedes, status="started", created_by=actor.username))
    return seq, supersedes


def export_period(db: Database, actor: Actor, period: str, out: Path, *, signer: Signer | None = None,
                  recipients: Sequence[Any] | None = None, passphrase: str | None = None) -> ExportResult:
    require(actor, Action.BUNDLE_EXPORT)
    if not bundle.PERIOD_RE.match(period or ""):
        raise InputError(f"Mã kỳ «{period}» không hợp lệ (ví dụ 2026-Q1, 2026-M03, 2026).", field="period")
    with db.session(actor) as s:
        unit = _home_unit(s)
        unit_code = unit.code
        records, ruleset, missing = _collect(s, unit, period)
        catalog = _catalog_for(s, records)
    if missing:
        raise StateError(
            f"Chưa thể gửi kỳ {period}: còn {len(missing)} phiếu chưa được phê duyệt:\n  - " + "\n  - ".join(missing),
            field="period", hint="Hoàn tất phê duyệt tất cả phiếu của kỳ rồi xuất lại.")
    if not records:
        raise StateError(f"Kỳ {period} chưa có phiếu đánh giá nào để gửi.", field="period")
    signer = signer or settings_svc.unit_signer(db, passphrase=passphrase)
    if pki.unit_code_of(signer.certificate) not in (None, unit_code):
        raise StateError(f"Chứng thư ký là của đơn vị {pki.unit_code_of(signer.certificate)}, "
                         f"không phải {unit_code}.", hint="Cài đúng chứng thư của đơn vị (kpi pki install).")
    recips = list(recipients) if recipients is not None else settings_svc.recipients(db)
    roots = settings_svc.province_roots(db)
    audit, audit_last = _audit_entries(db, period)
    ruleset_id = ruleset or records[0]["input"].get("ruleset") or ""
    bundle_id = bundle.base_manifest("results", signer.certificate)["bundle_id"]
    seq, supersedes = _next_sequence(db, actor, unit_code, period, bundle_id)
    try:
        data, manifest = _build_and_check(signer, recips, roots, unit_code=unit_code, period=period, seq=seq,
                                          supersedes=supersedes, records=records, catalog=catalog, audit=audit,
                                          audit_last=audit_last, ruleset_id=ruleset_id, bundle_id=bundle_id)
        atomic_write(out, data)
        if out.read_bytes() != data:
            raise StateError(f"Tệp «{out}» đọc lại không khớp dữ liệu vừa ghi.", hint="Kiểm tra ổ đĩa/USB rồi xuất lại.")
        cms.check_der(out.read_bytes())
    except Exception as exc:
        _mark(db, bundle_id, "failed", error=str(exc)[:500])
        if isinstance(exc, KpiError):
            raise
        if isinstance(exc, (OSError, ValueError)):
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise StateError(f"Không ghi được tệp «{out}»: {why}.", field="out",
                             hint="Chọn thư mục khác (còn chỗ trống, có quyền ghi).") from exc
        raise
    digest = hashlib.sha256(data).hexdigest()
    _mark(db, bundle_id, "written", path=str(out), sha=digest, count=len(records))
    return ExportResult(path=out, bundle_id=bundle_id, unit_code=unit_code, period=period, sequence=seq,
                        supersedes=supersedes, record_count=len(records), file_sha256=digest,
                        recipients=manifest["recipient_cert_sha256"])


def _build_and_check(signer: Signer, recips: Sequence[Any], roots: Sequence[Any], *, unit_code: str, period: str,
                     seq: int, supersedes: str | None, records: list[dict[str, Any]], catalog: Any,
                     audit: list[dict[str, Any]], audit_last: str | None, ruleset_id: str,
                     bundle_id: str) -> tuple[bytes, dict[str, Any]]:
    manifest = bundle.base_manifest(
        "results", signer.certificate, unit_code=unit_code, period=period, sequence=seq, supersedes=supersedes,
        ruleset_id=ruleset_id, ruleset_sha256=_ruleset_sha(ruleset_id, records),
        recipient_cert_sha256=[pki.cert_sha256(c) for c in recips], record_count=len(records),
    )
    manifest["bundle_id"] = bundle_id
    if audit_last:
        manifest["audit_last_hash"] = audit_last
    try:
        from kpi_desktop.services.audit import to_jsonl as audit_jsonl

        audit_bytes = audit_jsonl(audit)
    except ImportError:
        audit_bytes = payload.dumps_jsonl(audit)
    files = {"records.jsonl": payload.dumps_jsonl(records), "catalog.json": payload.dumps(catalog) + b"\n",
             "audit.jsonl": audit_bytes}
    try:
        zipped = payload.build_zip(manifest, files)
    except BundleRejected as exc:
        raise StateError(f"Dữ liệu của kỳ có giá trị không gửi được: {exc.user_text()}",
                         hint="Sửa giá trị đó (tên, ghi chú…) rồi xuất lại.") from exc
    signed = signer.sign(zipped)
    # Check our own output the way the province will (decrypt-free): signature, chain, payload, records.
    verified = cms.verify_signed(signed, roots)
    if verified.content != zipped:
        raise StateError("Chữ ký vừa tạo không bao đúng nội dung; không xuất.")
    pl = payload.read_payload(verified.content)
    from kpi_desktop.exchange import records as records_mod

    try:
        recs = payload.loads_jsonl(pl.entries["records.jsonl"], "records.jsonl")
        records_mod.validate_records(recs, unit_code=unit_code, period=period, record_count=len(records),
                                     known_rulesets=lambda _r: True)
    except BundleRejected as exc:
        raise StateError(f"Gói vừa tạo không qua được kiểm tra của Sở: {exc.user_text()}",
                         hint="Sửa dữ liệu được nêu rồi xuất lại.") from exc
    return cms.envelope(signed, list(recips)), manifest


def _mark(db: Database, bundle_id: str, status: str, *, path: str = "", sha: str | None = None, count: int = 0,
          error: str | None = None) -> None:
    with db.session() as s:
        row = s.scalar(select(ExportLog).where(ExportLog.bundle_id == bundle_id))
        if row is None:
            return
        row.status = status
        row.path = path or row.path
        row.content_sha256 = sha
        row.record_count = count
        row.error = error


def exports(db: Database, actor: Actor, period: str | None = None) -> list[ExportRow]:
    """This unit's exports with what the province's receipts said (newest first)."""
    require(actor, Action.BUNDLE_EXPORT)
    with db.session(actor) as s:
        q = select(ExportLog).order_by(ExportLog.created_at.desc(), ExportLog.sequence.desc())
        if period:
            q = q.where(ExportLog.period == period)
        return [ExportRow(r.bundle_id, r.period, r.sequence, r.status, r.path, r.created_at, r.receipt_status,
                          r.receipt_reason) for r in s.scalars(q)]


@dataclass(frozen=True)
class ReceiptLine:
    bundle_id: str | None
    period: str | None
    sequence: int | None
    status: str
    reason: str | None
    ours: bool


def import_receipt(db: Database, actor: Actor, path: Path) -> list[ReceiptLine]:
    """Verify a province receipt and record what it says about this unit's bundles."""
    require(actor, Action.BUNDLE_EXPORT)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"Không đọc được tệp «{path}»: {exc.strerror}.", field="file") from exc
    trust = settings_svc.load_trust(db, with_decryption=False)
    manifest, body = receipts.open_receipt(data, trust)
    lines: list[ReceiptLine] = []
    with db.session(actor) as s:
        unit = _home_unit(s)
        ours_by_id = {r.bundle_id: r for r in s.scalars(select(ExportLog))}
        ours_by_sha = {r.content_sha256: r for r in ours_by_id.values() if r.content_sha256}
        mine: list[dict[str, Any]] = []
        for item in body["items"]:
            row = ours_by_id.get(item.get("bundle_id") or "") or ours_by_sha.get(item.get("file_sha256") or "")
            ours = row is not None or item.get("unit_code") == unit.code
            # A later "already imported" never hides what the province said the first time.
            if row is not None and not (item["status"] == "duplicate" and row.receipt_status):
                row.receipt_status = item["status"]
                row.receipt_reason = item.get("reason")
            if ours:
                mine.append(item)
                lines.append(ReceiptLine(item.get("bundle_id"), item.get("period"), item.get("sequence"),
                                         item["status"], item.get("reason"), True))
        if s.scalar(select(Receipt).where(Receipt.receipt_id == manifest["bundle_id"])) is None:
            s.add(Receipt(receipt_id=manifest["bundle_id"], direction="in", batch_id=str(body.get("batch_id", "")),
                          items=mine, path=str(path), created_at=datetime.now(UTC).replace(tzinfo=None)))
    return lines
