"""Bundles end to end: build a `results` bundle, and open one with every check of the contract in order.

    1. size caps, strict DER, no trailing bytes          (cms.check_der)
    2. decrypt; one message for every failure            (cms.decrypt)
    3. signature and chain to the pinned root, now       (cms.verify_signed)
    4. signer certificate registered to unit_code        (registry callback)
    5. recipient_cert_sha256 names our certificate
    6. ZIP entries equal `files`, hashes and sizes match (payload.read_entries)
    7. JSON, NFC, staff, ranges, record_count, rule set  (records.validate_records) + recomputation
    8. ledger rules                                      (ledger.decide, applied by the service)

Signed-only kinds (catalog-pack, receipt) skip step 2 and step 5.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa

from kpi_desktop import __version__
from kpi_desktop.exchange import cms, payload, pki, records
from kpi_desktop.exchange.reasons import BundleRejected
from kpi_desktop.exchange.signer import Signer

PERIOD_RE = re.compile(r"^\d{4}(-Q[1-4]|-M(0[1-9]|1[0-2]))?$")
HEX64 = re.compile(r"^[0-9a-f]{64}$")
UUID4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


@dataclass(frozen=True)
class Trust:
    """What the importer trusts: the pinned province root(s), our decryption keys (current first,
    then older ones kept during a rotation), and whether demo certificates are refused."""

    roots: Sequence[x509.Certificate]
    decryption: Sequence[tuple[x509.Certificate, rsa.RSAPrivateKey]] = ()
    production: bool = False
    allow_expired: bool = False  # operator's override; the caller logs it


@dataclass
class OpenedBundle:
    manifest: dict[str, Any]
    entries: dict[str, bytes]
    payload_sha256: str
    signer: x509.Certificate
    signing_time: dt.datetime | None
    expired_override: bool = False
    records: list[records.RecordCheck] = field(default_factory=list)
    catalog: Any = None
    audit: list[Any] = field(default_factory=list)

    @property
    def flag_count(self) -> int:
        return sum(len(r.flags) for r in self.records)


def _now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def base_manifest(kind: str, signer_cert: x509.Certificate, **fields: Any) -> dict[str, Any]:
    manifest: dict[str, Any] = {
        "format": payload.FORMAT,
        "schema_version": payload.SCHEMA_VERSION,
        "kind": kind,
        "bundle_id": str(uuid.uuid4()),
        "created_at": _now_iso(),
        "app_version": __version__,
        "signer_cert_sha256": pki.cert_sha256(signer_cert),
    }
    manifest.update(fields)
    return manifest


# ---------------------------------------------------------------------------------------------
# Building


def build_results(*, unit_code: str, period: str, sequence: int, supersedes: str | None,
                  records_: Sequence[dict[str, Any]], catalog: Any, audit: Iterable[Any],
                  ruleset_id: str, ruleset_sha256: str, signer: Signer,
                  recipients: Sequence[x509.Certificate], bundle_id: str | None = None) -> tuple[bytes, dict[str, Any]]:
    """Return the .kpib bytes (EnvelopedData(SignedData(payload.zip))) and the manifest written."""
    if not recipients or len(recipients) > cms.MAX_RECIPIENTS:
        raise ValueError("1–4 recipients")
    manifest = base_manifest(
        "results", signer.certificate, unit_code=unit_code, period=period, sequence=sequence,
        supersedes=supersedes, ruleset_id=ruleset_id, ruleset_sha256=ruleset_sha256,
        recipient_cert_sha256=[pki.cert_sha256(c) for c in recipients], record_count=len(records_),
    )
    if bundle_id:
        manifest["bundle_id"] = bundle_id
    files = {
        "records.jsonl": payload.dumps_jsonl(records_),
        "catalog.json": payload.dumps(catalog) + b"\n",
        "audit.jsonl": payload.dumps_jsonl(audit),
    }
    zipped = payload.build_zip(manifest, files)
    signed = signer.sign(zipped)
    return cms.envelope(signed, recipients), manifest


def build_signed(kind: str, files: dict[str, bytes], signer: Signer, **fields: Any) -> tuple[bytes, dict[str, Any]]:
    """A SignedData(payload.zip) bundle (catalog-pack, receipt)."""
    manifest = base_manifest(kind, signer.certificate, **fields)
    return signer.sign(payload.build_zip(manifest, files)), manifest


# ---------------------------------------------------------------------------------------------
# Opening


def _check_manifest_common(m: dict[str, Any], kind: str) -> None:
    if m.get("format") != payload.FORMAT or m.get("schema_version") != payload.SCHEMA_VERSION:
        raise BundleRejected("manifest_invalid", "format/schema_version")
    if m.get("kind") != kind:
        raise BundleRejected("wrong_kind", f"{m.get('kind')} ≠ {kind}")
    bid = m.get("bundle_id")
    if not isinstance(bid, str) or not UUID4.match(bid):
        raise BundleRejected("manifest_invalid", "bundle_id")
    if not isinstance(m.get("signer_cert_sha256"), str) or not HEX64.match(m["signer_cert_sha256"]):
        raise BundleRejected("manifest_invalid", "signer_cert_sha256")
    for name in ("created_at", "app_version"):
        if not isinstance(m.get(name), str):
            raise BundleRejected("manifest_invalid", name)


def _check_manifest_results(m: dict[str, Any]) -> None:
    if not isinstance(m.get("unit_code"), str) or not pki.UNIT_CODE_RE.match(m["unit_code"]):
        raise BundleRejected("manifest_invalid", "unit_code")
    if not isinstance(m.get("period"), str) or not PERIOD_RE.match(m["period"]):
        raise BundleRejected("manifest_invalid", "period")
    seq = m.get("sequence")
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
        raise BundleRejected("manifest_invalid", "sequence")
    sup = m.get("supersedes")
    if sup is not None and (not isinstance(sup, str) or not UUID4.match(sup)):
        raise BundleRejected("manifest_invalid", "supersedes")
    if sup == m["bundle_id"]:
        raise BundleRejected("manifest_invalid", "supersedes")
    rc = m.get("record_count")
    if not isinstance(rc, int) or isinstance(rc, bool) or rc < 0:
        raise BundleRejected("manifest_invalid", "record_count")
    rcs = m.get("recipient_cert_sha256")
    if (not isinstance(rcs, list) or not 1 <= len(rcs) <= cms.MAX_RECIPIENTS
            or not all(isinstance(x, str) and HEX64.match(x) for x in rcs)):
        raise BundleRejected("manifest_invalid", "recipient_cert_sha256")
    if not isinstance(m.get("ruleset_id"), str):
        raise BundleRejected("manifest_invalid", "ruleset_id")
    if not isinstance(m.get("ruleset_sha256"), str) or not HEX64.match(m["ruleset_sha256"]):
        raise BundleRejected("manifest_invalid", "ruleset_sha256")


def _verified_payload(signed: bytes, trust: Trust, kind: str) -> tuple[cms.Verified, Any, Any, dict[str, Any]]:
    verified = cms.verify_signed(signed, trust.roots, allow_expired=trust.allow_expired,
                                 production=trust.production)
    zf, infos = payload.open_zip(verified.content)
    manifest, _raw = payload.read_manifest(zf, infos)
    _check_manifest_common(manifest, kind)
    if manifest["signer_cert_sha256"] != pki.cert_sha256(verified.signer):
        raise BundleRejected("signer_hash_mismatch")
    return verified, zf, infos, manifest


def open_results(data: bytes, trust: Trust, *, registered: Callable[[x509.Certificate, str], bool],
                 recompute: bool = True, known_ruleset: Callable[[str], bool] = records.is_known_ruleset) -> OpenedBundle:
    """Every check of the contract, in its order. Raises BundleRejected with the first failure.

    `registered(cert, unit_code)` answers step 4 (the province's registry of unit certificates).
    """
    if len(data) > cms.MAX_FILE:
        raise BundleRejected("file_too_large")
    signed = cms.decrypt(data, trust.decryption)                               # 1–2
    verified, zf, infos, manifest = _verified_payload(signed, trust, "results")  # 3
    _check_manifest_results(manifest)
    if not registered(verified.signer, manifest["unit_code"]):                  # 4
        raise BundleRejected("signer_not_registered", manifest["unit_code"])
    ours = {pki.cert_sha256(c) for c, _ in trust.decryption}
    if not ours.intersection(manifest["recipient_cert_sha256"]):                # 5
        raise BundleRejected("not_our_recipient")
    entries = payload.read_entries(zf, infos, manifest)                         # 6
    for name in payload.KIND_FILES["results"]:
        if name not in entries:
            raise BundleRejected("missing_entry", name)
    recs = payload.loads_jsonl(entries["records.jsonl"], "records.jsonl")       # 7
    catalog = payload.loads_strict(entries["catalog.json"], "catalog.json")
    # Audit entries quote what users typed, verbatim (hash-chained): NFC and no control characters,
    # but a note starting with "-" is evidence, not a formula to refuse.
    audit = payload.loads_jsonl(entries["audit.jsonl"], "audit.jsonl", formula=False)
    if not known_ruleset(manifest["ruleset_id"]):
        raise BundleRejected("unknown_ruleset", manifest["ruleset_id"])
    checks = records.validate_records(recs, unit_code=manifest["unit_code"], period=manifest["period"],
                                      record_count=manifest["record_count"], known_rulesets=known_ruleset)
    if recompute:
        for check in checks:
            records.recompute(check)
    return OpenedBundle(manifest=manifest, entries=entries, payload_sha256=payload.sha256_hex(verified.content),
                        signer=verified.signer, signing_time=verified.signing_time,
                        expired_override=verified.expired_override, records=checks, catalog=catalog, audit=audit)


def open_signed(data: bytes, trust: Trust, kind: str,
                signer_ok: Callable[[x509.Certificate], bool]) -> OpenedBundle:
    """A province-signed bundle (catalog-pack, receipt): steps 1, 3, 6 and the JSON rules of 7."""
    if len(data) > cms.MAX_FILE:
        raise BundleRejected("file_too_large")
    verified, zf, infos, manifest = _verified_payload(data, trust, kind)
    if not signer_ok(verified.signer):
        raise BundleRejected("signer_not_registered", pki.common_name_of(verified.signer))
    entries = payload.read_entries(zf, infos, manifest)
    for name in payload.KIND_FILES[kind]:
        if name not in entries:
            raise BundleRejected("missing_entry", name)
    return OpenedBundle(manifest=manifest, entries=entries, payload_sha256=payload.sha256_hex(verified.content),
                        signer=verified.signer, signing_time=verified.signing_time,
                        expired_override=verified.expired_override)


def is_province_signer(cert: x509.Certificate) -> bool:
    """Province documents are signed by a certificate under the root that is not bound to a unit."""
    return pki.unit_code_of(cert) is None
