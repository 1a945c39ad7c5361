"""Keys and certificates for the exchange: the demo PKI, requests, issuing, loading and checks.

Every certificate this module issues is RSA ≥ 2048 with SHA-256. A unit's signing certificate is
bound to its administrative unit code through the subject's serialNumber attribute; the province
additionally registers which certificate signs for which unit (the registry, not the subject, is
what import trusts). Demo certificates carry "DEMO" in the subject AND the demo certificate policy
below, so production mode can refuse them whatever their subject says.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from kpi_desktop.errors import InputError
from kpi_desktop.store.files import atomic_write

# A UUID-based OID (X.667 arc 2.25): unique without registration. Marks demo certificates.
DEMO_POLICY_OID = x509.ObjectIdentifier("2.25.229147163932734593453457716958271146513")
# Marks certificates issued by KPI Desktop for unit signing (informational).
UNIT_SIGNING_POLICY_OID = x509.ObjectIdentifier("2.25.229147163932734593453457716958271146514")

MIN_RSA_BITS = 2048
DEFAULT_RSA_BITS = 2048
UNIT_CODE_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$")

DEMO_UNITS: tuple[tuple[str, str], ...] = (
    ("26734", "UBND xã Hòa Lạc"),
    ("26737", "UBND xã Tân Phú"),
    ("26740", "UBND xã Bình An"),
)
DEMO_UNIT_CODES: tuple[str, ...] = tuple(pair[0] for pair in DEMO_UNITS)


def new_key(bits: int = DEFAULT_RSA_BITS) -> rsa.RSAPrivateKey:
    if bits < MIN_RSA_BITS:
        raise InputError(f"Khoá RSA phải dài ít nhất {MIN_RSA_BITS} bit.", field="bits")
    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


def cert_sha256(cert: x509.Certificate) -> str:
    return cert.fingerprint(hashes.SHA256()).hex()


def cert_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def key_pem(key: rsa.RSAPrivateKey, password: bytes | None = None) -> bytes:
    enc: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(password) if password else serialization.NoEncryption()
    )
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, enc)


def check_unit_code(code: str) -> str:
    if not UNIT_CODE_RE.match(code or ""):
        raise InputError(f"Mã đơn vị «{code}» không hợp lệ (chỉ gồm chữ số, chữ cái, dấu chấm, gạch).",
                         field="unit_code")
    return code


def _name(common_name: str, *, org: str, unit_code: str | None = None) -> x509.Name:
    attrs = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ]
    if unit_code is not None:
        attrs.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, unit_code))
    return x509.Name(attrs)


def _policies(demo: bool) -> x509.CertificatePolicies:
    oids = [UNIT_SIGNING_POLICY_OID]
    if demo:
        oids.insert(0, DEMO_POLICY_OID)
    return x509.CertificatePolicies([x509.PolicyInformation(o, None) for o in oids])


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def make_root(common_name: str, *, demo: bool, days: int = 3650,
              key: rsa.RSAPrivateKey | None = None,
              not_before: dt.datetime | None = None) -> tuple[x509.Certificate, rsa.RSAPrivateKey]:
    key = key or new_key()
    name = _name(common_name, org=("DEMO " if demo else "") + "Sở Nội vụ")
    start = not_before or (_now() - dt.timedelta(days=1))
    builder = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start).not_valid_after(start + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False,
                                     key_encipherment=False, data_encipherment=False, key_agreement=False,
                                     key_cert_sign=True, crl_sign=True, encipher_only=False,
                                     decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(_policies(demo), critical=False)
    )
    return builder.sign(key, hashes.SHA256()), key


def issue(root: x509.Certificate, root_key: rsa.RSAPrivateKey, public_key: rsa.RSAPublicKey, *,
          common_name: str, purpose: str, demo: bool, unit_code: str | None = None, days: int = 1095,
          not_before: dt.datetime | None = None,
          hash_alg: hashes.HashAlgorithm | None = None) -> x509.Certificate:
    """Issue an end-entity certificate under `root`. `purpose`: "sign" (unit or province signing)
    or "encrypt" (the province's encryption certificate)."""
    if not isinstance(public_key, rsa.RSAPublicKey):
        raise InputError("Chỉ chấp nhận khoá RSA.", field="csr")
    if public_key.key_size < MIN_RSA_BITS:
        raise InputError(f"Khoá RSA {public_key.key_size} bit quá ngắn; cần ít nhất {MIN_RSA_BITS} bit.",
                         field="csr")
    if unit_code is not None:
        check_unit_code(unit_code)
    org = ("DEMO " if demo else "") + (common_name if unit_code else "Sở Nội vụ")
    start = not_before or (_now() - dt.timedelta(hours=1))
    sign = purpose == "sign"
    usage = x509.KeyUsage(digital_signature=sign, content_commitment=sign,
                          key_encipherment=not sign, data_encipherment=False, key_agreement=False,
                          key_cert_sign=False, crl_sign=False, encipher_only=False, decipher_only=False)
    eku = [ExtendedKeyUsageOID.EMAIL_PROTECTION]
    if sign:
        # cryptography's client verifier (used to build the chain) requires clientAuth.
        eku.append(ExtendedKeyUsageOID.CLIENT_AUTH)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(("DEMO " if demo else "") + common_name, org=org, unit_code=unit_code))
        .issuer_name(root.subject).public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start).not_valid_after(start + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(usage, critical=True)
        .add_extension(x509.ExtendedKeyUsage(eku), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()),
                       critical=False)
        .add_extension(_policies(demo), critical=False)
    )
    return builder.sign(root_key, hash_alg or hashes.SHA256())  # type: ignore[arg-type]


def is_demo(cert: x509.Certificate) -> bool:
    """True for a certificate carrying the demo policy or "DEMO" in its subject."""
    try:
        pols = cert.extensions.get_extension_for_class(x509.CertificatePolicies).value
        if any(p.policy_identifier == DEMO_POLICY_OID for p in pols):
            return True
    except x509.ExtensionNotFound:
        pass
    return "DEMO" in cert.subject.rfc4514_string().upper()


def unit_code_of(cert: x509.Certificate) -> str | None:
    values = cert.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)
    return str(values[0].value) if values else None


def common_name_of(cert: x509.Certificate) -> str:
    values = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(values[0].value) if values else cert.subject.rfc4514_string()


# ---------------------------------------------------------------------------------------------
# Files


def load_cert(path: Path) -> x509.Certificate:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"Không đọc được tệp chứng thư «{path}»: {exc.strerror}.", field=str(path)) from exc
    try:
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except ValueError as exc:
        raise InputError(f"Tệp «{path}» không phải chứng thư số X.509 hợp lệ.", field=str(path)) from exc


def load_certs(path: Path) -> list[x509.Certificate]:
    data = path.read_bytes()
    try:
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_certificates(data)
        return [x509.load_der_x509_certificate(data)]
    except ValueError as exc:
        raise InputError(f"Tệp «{path}» không phải chứng thư số X.509 hợp lệ.", field=str(path)) from exc


def load_key(path: Path, password: bytes | None = None) -> rsa.RSAPrivateKey:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"Không đọc được tệp khoá «{path}»: {exc.strerror}.", field=str(path)) from exc
    try:
        key = serialization.load_pem_private_key(data, password=password)
    except TypeError as exc:
        raise InputError(f"Khoá «{path}» được mã hoá; cần mật khẩu để mở.", field=str(path)) from exc
    except ValueError as exc:
        raise InputError(f"Không mở được khoá «{path}» (sai mật khẩu hoặc tệp hỏng).", field=str(path)) from exc
    if not isinstance(key, rsa.RSAPrivateKey):
        raise InputError(f"Khoá «{path}» không phải khoá RSA.", field=str(path))
    return key


def write_private(path: Path, data: bytes) -> None:
    """Write a key file readable by its owner only, atomically (tmp file created 0600, fsync, rename)."""
    atomic_write(path, data, mode=0o600)


def write_public(path: Path, data: bytes) -> None:
    atomic_write(path, data)


# ---------------------------------------------------------------------------------------------
# Demo PKI


@dataclass(frozen=True)
class DemoPki:
    folder: Path
    root: Path
    enc_cert: Path
    enc_key: Path
    sign_cert: Path
    sign_key: Path
    units: dict[str, tuple[Path, Path]]  # unit code → (cert, key)


def demo_paths(folder: Path, unit_codes: Iterable[str] = DEMO_UNIT_CODES) -> DemoPki:
    return DemoPki(
        folder=folder,
        root=folder / "province-root.pem",
        enc_cert=folder / "province-enc.pem",
        enc_key=folder / "province-enc.key",
        sign_cert=folder / "province-sign.pem",
        sign_key=folder / "province-sign.key",
        units={c: (folder / f"unit-{c}.pem", folder / f"unit-{c}.key") for c in unit_codes},
    )


def make_demo_pki(folder: Path, units: Sequence[tuple[str, str]] = DEMO_UNITS) -> DemoPki:
    """Write a DEMO province root, the province's encryption and signing certificates (keys
    unencrypted: demo only) and a signing certificate and key per demo unit."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = demo_paths(folder, [c for c, _ in units])
    root, root_key = make_root("DEMO Sở Nội vụ — CA gốc thử nghiệm", demo=True)
    write_public(paths.root, cert_pem(root))
    # The root key is kept so the demo province can issue further certificates (`kpi pki issue`).
    write_private(folder / "province-root.key", key_pem(root_key))
    for cert_path, key_path, purpose, cn in (
        (paths.enc_cert, paths.enc_key, "encrypt", "Sở Nội vụ — mã hoá"),
        (paths.sign_cert, paths.sign_key, "sign", "Sở Nội vụ — ký gói"),
    ):
        key = new_key()
        cert = issue(root, root_key, key.public_key(), common_name=cn, purpose=purpose, demo=True)
        write_private(key_path, key_pem(key))
        write_public(cert_path, cert_pem(cert))
    for code, name in units:
        key = new_key()
        cert = issue(root, root_key, key.public_key(), common_name=name, purpose="sign", demo=True,
                     unit_code=code)
        cert_path, key_path = paths.units[code]
        write_private(key_path, key_pem(key))
        write_public(cert_path, cert_pem(cert))
    return paths


def make_csr(key: rsa.RSAPrivateKey, unit_code: str, unit_name: str) -> x509.CertificateSigningRequest:
    check_unit_code(unit_code)
    return (
        x509.CertificateSigningRequestBuilder()
        .subject_name(_name(unit_name, org=unit_name, unit_code=unit_code))
        .sign(key, hashes.SHA256())
    )


def load_csr(path: Path) -> x509.CertificateSigningRequest:
    try:
        data = path.read_bytes()
        csr = (x509.load_pem_x509_csr(data) if b"-----BEGIN" in data else x509.load_der_x509_csr(data))
    except (OSError, ValueError) as exc:
        raise InputError(f"Tệp «{path}» không phải yêu cầu cấp chứng thư (CSR) hợp lệ.", field=str(path)) from exc
    if not csr.is_signature_valid:
        raise InputError(f"Chữ ký trong yêu cầu «{path}» không hợp lệ.", field=str(path))
    return csr


def issue_from_csr(csr: x509.CertificateSigningRequest, root: x509.Certificate,
                   root_key: rsa.RSAPrivateKey, *, unit_code: str, days: int = 1095) -> x509.Certificate:
    """The province turns a unit's request into a signing certificate bound to `unit_code`
    (the code the province decides, not the one the request claims)."""
    pub = csr.public_key()
    if not isinstance(pub, rsa.RSAPublicKey):
        raise InputError("Yêu cầu phải dùng khoá RSA.", field="csr")
    cns = csr.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    name = str(cns[0].value) if cns else unit_code
    return issue(root, root_key, pub, common_name=name.removeprefix("DEMO "), purpose="sign",
                 demo=is_demo(root), unit_code=unit_code, days=days)


def fingerprint_text(cert: x509.Certificate) -> str:
    digest = hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest().upper()
    return ":".join(digest[i:i + 2] for i in range(0, len(digest), 2))
