"""Exchange with the province: import ledger, export counters, registered certificates, imported
records, quarantine, receipts and catalogue packs.

Concurrency: `bundle_id` is unique in the ledger, and `exchange_current` holds one row per unit and
period that a superseding import replaces with a compare-and-swap, so two importers running at once
can never apply the same bundle twice or both replace the same predecessor.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kpi_desktop.store.base import Base
from kpi_desktop.store.types import utcnow


class LedgerEntry(Base):
    """One bundle the province has taken in (accepted, superseded later, or held as a fork)."""

    __tablename__ = "exchange_ledger"
    # The row itself records who imported what and when; the bundle's catalogue and audit copies are
    # signed evidence kept verbatim, not changes made here.
    __audit_redact__ = ("catalog", "audit")

    id: Mapped[int] = mapped_column(primary_key=True)
    bundle_id: Mapped[str] = mapped_column(String(36), unique=True)
    unit_code: Mapped[str] = mapped_column(String(32), index=True)
    period: Mapped[str] = mapped_column(String(10), index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    supersedes: Mapped[str | None] = mapped_column(String(36))
    content_sha256: Mapped[str] = mapped_column(String(64))
    file_sha256: Mapped[str] = mapped_column(String(64))
    signer_cert_sha256: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(12), index=True)  # current / superseded / held
    superseded_by: Mapped[str | None] = mapped_column(String(36))
    record_count: Mapped[int] = mapped_column(Integer, default=0)
    flag_count: Mapped[int] = mapped_column(Integer, default=0)
    ruleset_id: Mapped[str] = mapped_column(String(40))
    file_name: Mapped[str] = mapped_column(String(255), default="")
    created_at_claimed: Mapped[str] = mapped_column(String(40), default="")  # the commune's clock: display only
    signing_time: Mapped[datetime | None] = mapped_column(DateTime)
    expired_override: Mapped[bool] = mapped_column(Boolean, default=False)
    manifest: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    catalog: Mapped[Any] = mapped_column(JSON, nullable=True)
    audit: Mapped[list[Any]] = mapped_column(JSON, default=list)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    imported_by: Mapped[str] = mapped_column(String(150), default="")


class CurrentBundle(Base):
    """The bundle whose records are current for a unit and period (compare-and-swap on replace)."""

    __tablename__ = "exchange_current"
    __audit__ = False  # a pointer derived from the ledger (audited), replaced by compare-and-swap

    unit_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    period: Mapped[str] = mapped_column(String(10), primary_key=True)
    bundle_id: Mapped[str] = mapped_column(String(36), unique=True)
    sequence: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ImportedRecord(Base):
    """The province's copy of one evaluation record from a commune, with the recomputation flags."""

    __tablename__ = "exchange_records"
    # A verbatim copy of signed commune data, written only with its ledger row (which is audited):
    # auditing 50 copies per bundle would double the import's work and duplicate the evidence.
    __audit__ = False
    __table_args__ = (UniqueConstraint("ledger_id", "kind", "person_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ledger_id: Mapped[int] = mapped_column(ForeignKey("exchange_ledger.id", ondelete="CASCADE"), index=True)
    unit_code: Mapped[str] = mapped_column(String(32), index=True)
    period: Mapped[str] = mapped_column(String(10), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # period / annual
    person_code: Mapped[str] = mapped_column(String(30))
    full_name: Mapped[str] = mapped_column(String(150))
    position: Mapped[str | None] = mapped_column(String(200))
    ruleset_id: Mapped[str] = mapped_column(String(40))
    total: Mapped[str | None] = mapped_column(String(20))  # as sent ("95.33"); exact text, no float
    band: Mapped[str | None] = mapped_column(String(12))
    level: Mapped[str | None] = mapped_column(String(12))
    inputs: Mapped[dict[str, Any]] = mapped_column(JSON)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    flags: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    flag_count: Mapped[int] = mapped_column(Integer, default=0)
    current: Mapped[bool] = mapped_column(Boolean, default=True, index=True)


class ExportCounter(Base):
    """The next sequence number per unit and period: taken in its own transaction, never given twice."""

    __tablename__ = "exchange_export_counters"

    unit_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    period: Mapped[str] = mapped_column(String(10), primary_key=True)
    next_sequence: Mapped[int] = mapped_column(Integer, default=1)


class ExportLog(Base):
    """Every export attempt of the commune, with what the province's receipt later said about it."""

    __tablename__ = "exchange_exports"

    id: Mapped[int] = mapped_column(primary_key=True)
    bundle_id: Mapped[str] = mapped_column(String(36), unique=True)
    unit_code: Mapped[str] = mapped_column(String(32))
    period: Mapped[str] = mapped_column(String(10), index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    supersedes: Mapped[str | None] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(12))  # started / written / failed
    path: Mapped[str] = mapped_column(Text, default="")
    content_sha256: Mapped[str | None] = mapped_column(String(64))
    record_count: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    receipt_status: Mapped[str | None] = mapped_column(String(12))  # from the province's receipt
    receipt_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(150), default="")


class UnitCertificate(Base):
    """Which certificate signs for which unit (the province's registry; step 4 of an import)."""

    __tablename__ = "exchange_unit_certs"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(32), index=True)
    cert_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    subject: Mapped[str] = mapped_column(Text)
    not_before: Mapped[datetime] = mapped_column(DateTime)
    not_after: Mapped[datetime] = mapped_column(DateTime)
    pem: Mapped[str] = mapped_column(Text)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    registered_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    registered_by: Mapped[str] = mapped_column(String(150), default="")
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)


class QuarantineEntry(Base):
    """A refused file: its copy in the quarantine folder and the reason."""

    __tablename__ = "exchange_quarantine"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(255))
    stored_path: Mapped[str] = mapped_column(Text)
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    reason_code: Mapped[str] = mapped_column(String(40), index=True)
    reason: Mapped[str] = mapped_column(Text)
    bundle_id: Mapped[str | None] = mapped_column(String(36))
    unit_code: Mapped[str | None] = mapped_column(String(32))
    period: Mapped[str | None] = mapped_column(String(10))
    batch_id: Mapped[str | None] = mapped_column(String(36), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Receipt(Base):
    """A signed receipt: written by the province per import batch, or imported by a commune."""

    __tablename__ = "exchange_receipts"

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_id: Mapped[str] = mapped_column(String(36), unique=True)
    direction: Mapped[str] = mapped_column(String(8))  # out (province wrote it) / in (commune imported it)
    batch_id: Mapped[str] = mapped_column(String(36))
    items: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    path: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class CatalogPack(Base):
    """A province catalogue pack seen by this database (built here, or imported and applied/pending)."""

    __tablename__ = "exchange_catalog_packs"

    id: Mapped[int] = mapped_column(primary_key=True)
    pack_id: Mapped[str] = mapped_column(String(36), unique=True)
    version: Mapped[int] = mapped_column(Integer, index=True)
    status: Mapped[str] = mapped_column(String(12))  # built / applied / pending
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    differences: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    signer_cert_sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    applied_at: Mapped[datetime | None] = mapped_column(DateTime)


class ExchangeSetting(Base):
    """Which certificates and keys this database uses for the exchange (paths, never key material)."""

    __tablename__ = "exchange_settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
