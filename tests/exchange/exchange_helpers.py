"""Builders for the exchange tests: a demo PKI, valid records, and bundles with one thing wrong."""

from __future__ import annotations

import datetime as dt
import io
import stat
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa

from kpi_desktop.exchange import bundle, cms, payload, pki
from kpi_desktop.exchange.signer import FileKeySigner

UNIT_A = "26734"
UNIT_B = "26737"
PERIOD = "2026-Q1"
RULESET = "ND335-2025"


@dataclass
class Pki:
    paths: pki.DemoPki
    root: x509.Certificate
    root_key: rsa.RSAPrivateKey
    enc: x509.Certificate
    enc_key: rsa.RSAPrivateKey
    prov_sign: x509.Certificate
    prov_sign_key: rsa.RSAPrivateKey
    units: dict[str, tuple[x509.Certificate, rsa.RSAPrivateKey]]

    def signer(self, unit: str = UNIT_A) -> FileKeySigner:
        cert, key = self.units[unit]
        return FileKeySigner(cert, key, [self.root])

    def province_signer(self) -> FileKeySigner:
        return FileKeySigner(self.prov_sign, self.prov_sign_key, [self.root])

    def trust(self, **kw: Any) -> bundle.Trust:
        return bundle.Trust(roots=[self.root], decryption=[(self.enc, self.enc_key)], **kw)


def load_pki(folder: Path) -> Pki:
    paths = pki.demo_paths(folder)
    if not paths.root.exists():
        paths = pki.make_demo_pki(folder)
    return Pki(
        paths=paths,
        root=pki.load_cert(paths.root), root_key=pki.load_key(folder / "province-root.key"),
        enc=pki.load_cert(paths.enc_cert), enc_key=pki.load_key(paths.enc_key),
        prov_sign=pki.load_cert(paths.sign_cert), prov_sign_key=pki.load_key(paths.sign_key),
        units={c: (pki.load_cert(cp), pki.load_key(kp)) for c, (cp, kp) in paths.units.items()},
    )


def registered(cert: x509.Certificate, unit_code: str) -> bool:
    return pki.unit_code_of(cert) == unit_code


def record(code: str = "CC-0001", *, unit: str = UNIT_A, name: str = "Nguyễn Văn An", **patch: Any) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "kind": "period", "unit_code": unit, "period": PERIOD,
        "person": {"code": code, "full_name": name, "position": "Công chức văn phòng"},
        "input": {
            "ruleset": RULESET, "person": {"code": code, "role": "staff"}, "period": PERIOD,
            "general": {"a": 9, "b": 9, "c": 9},
            "tasks": [
                {"product": "VB-01", "k": 1, "assigned": 10, "completed": 10, "quality_failures": 0,
                 "quality_failures_exempt": 0, "delays": 2, "delays_exempt": 0},
                {"product": "BC-02", "k": 2, "assigned": 2, "completed": 2, "quality_failures": 1,
                 "quality_failures_exempt": 0, "delays": 0, "delays_exempt": 0},
            ],
            "leadership": None,
        },
        "result": {"ruleset": RULESET, "a": "100.00", "b": "96.43", "c": "96.43", "d": None, "dd": None,
                   "e": None, "task_result": "97.62", "task_points": "68.33", "general_points": "27.00",
                   "total": "95.33", "band": "HTXS"},
        "approved_by": "Trần Thị Bình", "approved_at": "2026-04-02T08:00:00+07:00",
    }
    try:  # the scoring engine's own output, so that recomputation finds nothing to flag
        from kpi_desktop.domain.scoring import score_period

        rec["result"] = score_period(rec["input"])
    except ImportError:
        pass
    rec.update(patch)
    return rec


def records(n: int = 3, unit: str = UNIT_A) -> list[dict[str, Any]]:
    return [record(f"CC-{i:04d}", unit=unit) for i in range(1, n + 1)]


def manifest_for(p: Pki, *, unit: str = UNIT_A, sequence: int = 1, supersedes: str | None = None,
                 record_count: int = 3, signer_cert: x509.Certificate | None = None,
                 recipients: list[x509.Certificate] | None = None, **extra: Any) -> dict[str, Any]:
    cert = signer_cert or p.units[unit][0]
    m = bundle.base_manifest(
        "results", cert, unit_code=unit, period=PERIOD, sequence=sequence, supersedes=supersedes,
        ruleset_id=RULESET, ruleset_sha256="0" * 64,
        recipient_cert_sha256=[pki.cert_sha256(c) for c in (recipients or [p.enc])], record_count=record_count,
    )
    m.update(extra)
    return m


def payload_files(recs: list[dict[str, Any]] | None = None, **raw: bytes) -> dict[str, bytes]:
    files = {
        "records.jsonl": payload.dumps_jsonl(recs if recs is not None else records()),
        "catalog.json": payload.dumps({"positions": "v1"}) + b"\n",
        "audit.jsonl": b"",
    }
    files.update(raw)
    return files


def valid_payload(p: Pki, **kw: Any) -> bytes:
    return payload.build_zip(manifest_for(p, **kw), payload_files())


def seal(p: Pki, zipped: bytes, *, unit: str = UNIT_A, recipients: list[x509.Certificate] | None = None) -> bytes:
    return cms.envelope(p.signer(unit).sign(zipped), recipients or [p.enc])


def make_bundle(p: Pki, *, unit: str = UNIT_A, recs: list[dict[str, Any]] | None = None, sequence: int = 1,
                supersedes: str | None = None, bundle_id: str | None = None) -> tuple[bytes, dict[str, Any]]:
    recs = recs if recs is not None else records(unit=unit)
    return bundle.build_results(unit_code=unit, period=PERIOD, sequence=sequence, supersedes=supersedes,
                                records_=recs, catalog={"positions": "v1"}, audit=[], ruleset_id=RULESET,
                                ruleset_sha256="0" * 64, signer=p.signer(unit), recipients=[p.enc],
                                bundle_id=bundle_id)


def raw_zip(entries: list[tuple[str, bytes]], *, symlink: str | None = None, encrypted: str | None = None,
            compression: dict[str, int] | None = None) -> bytes:
    """A ZIP written entry by entry, allowing what build_zip never writes."""
    import warnings

    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(buf, "w") as zf:
            for name, data in entries:
                info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = (compression or {}).get(name, zipfile.ZIP_DEFLATED)
                mode = stat.S_IFLNK | 0o777 if name == symlink else stat.S_IFREG | 0o644
                info.external_attr = mode << 16
                if name == encrypted:
                    info.flag_bits |= 0x1
                zf.writestr(info, data)
    return buf.getvalue()


def zip_with_manifest(p: Pki, files: dict[str, bytes], *, listed: dict[str, bytes] | None = None,
                      **zip_kw: Any) -> bytes:
    """A ZIP whose manifest lists `listed` (default: `files`) with correct hashes."""
    listed = files if listed is None else listed
    with_sums = dict(listed)
    with_sums[payload.SUMS] = payload.sums_text(listed)
    m = manifest_for(p)
    m["files"] = {n: {"sha256": payload.sha256_hex(d), "size": len(d)} for n, d in with_sums.items()}
    entries = [(payload.MANIFEST, payload.dumps(m) + b"\n")]
    actual = dict(files)
    actual[payload.SUMS] = with_sums[payload.SUMS]
    entries += sorted(actual.items())
    return raw_zip(entries, **zip_kw)


def openssl(*args: str, stdin: bytes | None = None) -> bytes:
    proc = subprocess.run(["openssl", *args], input=stdin, capture_output=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.decode(errors="replace"))
    return proc.stdout


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def cert_with(p: Pki, *, unit: str = UNIT_A, bits: int = 2048, not_before: dt.datetime | None = None,
              days: int = 365, self_signed: bool = False, root: tuple[x509.Certificate, rsa.RSAPrivateKey] | None = None,
              ) -> tuple[x509.Certificate, rsa.RSAPrivateKey]:
    """An odd signing certificate for `unit` (weak key, wrong dates, self-signed, other root)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    if self_signed:
        name = p.units[unit][0].subject
        start = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
        cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                .serial_number(x509.random_serial_number()).not_valid_before(start)
                .not_valid_after(start + dt.timedelta(days=days))
                .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                .sign(key, hashes.SHA256()))
        return cert, key
    issuer, issuer_key = root or (p.root, p.root_key)
    if bits < pki.MIN_RSA_BITS:
        start = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "weak"),
                             x509.NameAttribute(NameOID.SERIAL_NUMBER, unit)])
        cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer.subject)
                .public_key(key.public_key()).serial_number(x509.random_serial_number())
                .not_valid_before(start).not_valid_after(start + dt.timedelta(days=days))
                .sign(issuer_key, hashes.SHA256()))
        return cert, key
    cert = pki.issue(issuer, issuer_key, key.public_key(), common_name=f"Đơn vị {unit}", purpose="sign",
                     demo=True, unit_code=unit, not_before=not_before, days=days)
    return cert, key
