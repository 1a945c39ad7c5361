"""The audit trail as use cases: verify the database's chain, export and verify a period's entries.

Entries are written by the flush-time listener (store/audit_listener.py); nothing here writes them,
except `record_event` for happenings that are not row changes.

For bundles (exchange): `export_period_entries(db, "2026-Q1")` gives the period's entries as dicts, in
chain order, ready for `to_jsonl()`; `verify_exported_entries()` checks such a list on its own (the
importer calls it on audit.jsonl). `last_hash` of the export belongs in the signed manifest.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from kpi_desktop.domain.audit_chain import (
    EXPORT_FIELDS,
    Problem,
    canonical_json,
    verify_chain,
    verify_period_entries,
)
from kpi_desktop.domain.roles import Actor
from kpi_desktop.errors import InputError
from kpi_desktop.services.authz import Action, require
from kpi_desktop.store.audit_listener import record_event as _record_event
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.trust import AuditEntry, AuditHead

__all__ = [
    "AuditReport",
    "Problem",
    "export_period_entries",
    "from_jsonl",
    "list_entries",
    "record_event",
    "set_reason",
    "to_jsonl",
    "verify_database",
    "verify_exported_entries",
]

record_event = _record_event


def set_reason(session: Any, reason: str) -> None:
    """State why the changes in this transaction are made (reopening a period needs it); the reason is
    stored in each audit entry the transaction writes."""
    session.info["reason"] = reason


@dataclass(frozen=True)
class AuditReport:
    entry_count: int
    last_seq: int | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _as_dict(row: AuditEntry) -> dict[str, Any]:
    data: dict[str, Any] = {name: getattr(row, name) for name in EXPORT_FIELDS}
    for key in ("before", "after"):
        text = data[key]
        if text is None:
            continue
        try:
            data[key] = json.loads(text)
        except ValueError:
            data[key] = {"$unreadable": text}  # hashes differently: reported as edited
    return data


def verify_database(db: Database) -> AuditReport:
    """Check the whole trail of `db`. Reading and checking needs no special right: the report names
    entries by number and kind only, never their content."""
    with db.session() as session:
        rows = session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()
        entries = [_as_dict(r) for r in rows]
        head_row = session.get(AuditHead, 1)
        head = (head_row.seq, head_row.hash) if head_row is not None else None
    problems = verify_chain(entries, head=head)
    return AuditReport(entry_count=len(entries), last_seq=entries[-1]["seq"] if entries else None,
                       problems=problems)


def export_period_entries(db: Database, period_code: str) -> list[dict[str, Any]]:
    """A period's entries in chain order, as plain JSON-ready dicts (for audit.jsonl in a bundle)."""
    with db.session() as session:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.period_code == period_code)
                               .order_by(AuditEntry.seq)).all()
        return [_as_dict(r) for r in rows]


def verify_exported_entries(entries: Sequence[Mapping[str, Any]], *, period_code: str | None = None,
                            last_hash: str | None = None) -> list[Problem]:
    """Check an exported list on its own (no database needed). Empty list = intact."""
    return verify_period_entries(entries, period_code=period_code, last_hash=last_hash)


def to_jsonl(entries: Iterable[Mapping[str, Any]]) -> bytes:
    """One canonical JSON object per line, UTF-8 NFC, LF line ends."""
    return b"".join(canonical_json(dict(e)) + b"\n" for e in entries)


def from_jsonl(data: bytes) -> list[dict[str, Any]]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError("Tệp nhật ký không phải UTF-8.", hint="Hãy dùng tệp audit.jsonl gốc.") from exc

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in pairs]
        if len(keys) != len(set(keys)):
            raise InputError("Tệp nhật ký có khoá JSON bị lặp.", hint="Tệp đã bị sửa hoặc hỏng.")
        return dict(pairs)

    def no_constants(name: str) -> Any:
        raise InputError(f"Tệp nhật ký chứa giá trị không hợp lệ: {name}.")

    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line, object_pairs_hook=no_duplicates, parse_constant=no_constants)
        except ValueError as exc:
            raise InputError(f"Dòng {number} của tệp nhật ký không phải JSON hợp lệ.",
                             hint="Tệp đã bị sửa hoặc hỏng.") from exc
        if not isinstance(value, dict):
            raise InputError(f"Dòng {number} của tệp nhật ký không phải một mục nhật ký.")
        entries.append(value)
    return entries


def list_entries(db: Database, actor: Actor, *, period_code: str | None = None, entity: str | None = None,
                 limit: int = 200, before_seq: int | None = None) -> list[dict[str, Any]]:
    """Newest first, for the audit viewer."""
    require(actor, Action.AUDIT_VIEW)
    with db.session(actor) as session:
        query = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit)
        if period_code is not None:
            query = query.where(AuditEntry.period_code == period_code)
        if entity is not None:
            query = query.where(AuditEntry.entity == entity)
        if before_seq is not None:
            query = query.where(AuditEntry.seq < before_seq)
        return [_as_dict(r) for r in session.scalars(query).all()]


def entry_count(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)
