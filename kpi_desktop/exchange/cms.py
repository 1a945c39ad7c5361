"""CMS (RFC 5652) layers of a bundle: strict DER checks, envelope, decryption, signature verification.

Building uses `cryptography` (always `PKCS7Options.Binary`); parsing uses asn1crypto; the chain is
built with `cryptography.x509.verification` against the pinned province root; the RSA signature over
the signed attributes is checked with `cryptography`. No decrypted byte is used before the inner
signature has been verified (CBC has no integrity).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from asn1crypto import cms, core, parser

# asn1crypto builds its name → OID cache of CMS attribute types the first time one is parsed; names that
# asn1crypto.tsp and asn1crypto.pdf register when imported later (pyHanko imports them to sign a PDF)
# would be missing from it, and signing a PDF after reading a bundle failed on 'signing_certificate_v2'.
# Registering them before the first bundle is parsed keeps the cache complete.
from asn1crypto import pdf as _asn1_pdf_names  # noqa: F401
from asn1crypto import tsp as _asn1_tsp_names  # noqa: F401
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509 import verification

from kpi_desktop.exchange import pki
from kpi_desktop.exchange.reasons import BundleRejected

MAX_FILE = 20 * 1024 * 1024
MAX_CERTS = 10
MAX_RECIPIENTS = 4
MAX_DEPTH = 48
AUTH_ENVELOPED_OID = "1.2.840.113549.1.9.16.1.23"
_B64 = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\r\n \t")


# ---------------------------------------------------------------------------------------------
# Strict DER


def _walk_der(data: bytes, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise BundleRejected("not_der", "lồng quá sâu")
    _cls, method, _tag, header, contents, trailer = parser.parse(data, strict=True)
    if trailer or (len(header) >= 2 and header[1] == 0x80):
        raise BundleRejected("ber_indefinite")
    if method == 1 and not (depth == 3 and _cls == 2 and _tag == 0):
        # (depth 3, [0]) is SignedData.certificates / EnvelopedData.originatorInfo: each certificate is
        # parsed by cryptography, whose DER reader is strict, so walking it here again is only cost.
        off = 0
        while off < len(contents):
            n = parser.peek(contents[off:])
            _walk_der(contents[off:off + n], depth + 1)
            off += n


def _classify(data: bytes) -> None:
    try:
        _walk_der(data, 0)
    except BundleRejected:
        raise
    except ValueError as exc:
        text = str(exc)
        if "Insufficient data" in text:
            raise BundleRejected("truncated") from exc
        if "Extra data" in text or "trailing" in text:
            raise BundleRejected("trailing_bytes") from exc
        raise BundleRejected("not_der") from exc


def check_der(data: bytes) -> None:
    """Step 1 on one CMS blob: not empty, not PEM/base64, exactly one definite-length DER value."""
    if not data:
        raise BundleRejected("empty_file")
    if len(data) > MAX_FILE:
        raise BundleRejected("file_too_large")
    head = data[:64].lstrip()
    if head.startswith(b"-----BEGIN") or (data[:1] != b"\x30" and _looks_base64(data)):
        raise BundleRejected("pem_not_der")
    if data[:1] != b"\x30":
        raise BundleRejected("not_der")
    try:
        _classify(data)
    except BundleRejected as exc:
        if exc.code in ("trailing_bytes", "truncated", "not_der") and b"\r\n" in data:
            try:
                _classify(data.replace(b"\r\n", b"\n"))
            except BundleRejected:
                raise exc from None
            raise BundleRejected("crlf_converted") from None
        raise


def _looks_base64(data: bytes) -> bool:
    """Base64 text whose decoding starts like a DER SEQUENCE (a .kpib pasted as text)."""
    sample = data[:4096]
    if not sample or any(b not in _B64 for b in sample):
        return False
    compact = b"".join(sample.split())
    try:
        decoded = base64.b64decode(compact[: (len(compact) // 4) * 4], validate=True)
    except (binascii.Error, ValueError):
        return False
    return decoded[:1] == b"\x30"


def _load(data: bytes) -> cms.ContentInfo:
    try:
        ci = cms.ContentInfo.load(data, strict=True)
        ci["content_type"].native  # noqa: B018 - force parsing of the header
        return ci
    except (ValueError, TypeError) as exc:
        raise BundleRejected("not_der") from exc


# ---------------------------------------------------------------------------------------------
# Building


def envelope(content: bytes, recipients: Sequence[x509.Certificate]) -> bytes:
    """EnvelopedData: AES-256-CBC, RSA PKCS#1 v1.5 key transport to each recipient."""
    builder = pkcs7.PKCS7EnvelopeBuilder().set_data(content).set_content_encryption_algorithm(algorithms.AES256)
    for cert in recipients:
        builder = builder.add_recipient(cert)
    return builder.encrypt(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])


def sign_with_key(content: bytes, cert: x509.Certificate, key: rsa.RSAPrivateKey,
                  chain: Sequence[x509.Certificate] = ()) -> bytes:
    """SignedData with attached content, one SignerInfo, SHA-256, the signer certificate and chain."""
    builder = pkcs7.PKCS7SignatureBuilder().set_data(content).add_signer(cert, key, hashes.SHA256())
    for extra in chain:
        builder = builder.add_certificate(extra)
    return builder.sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])


# ---------------------------------------------------------------------------------------------
# Decryption


def _ri_matches(ri: Any, cert: x509.Certificate) -> bool:
    rid = ri["rid"]
    if rid.name == "issuer_and_serial_number":
        ias = rid.chosen
        return bool(ias["serial_number"].native == cert.serial_number
                    and ias["issuer"].dump() == cert.issuer.public_bytes())
    try:
        ski = cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
    except x509.ExtensionNotFound:
        return False
    return bool(rid.chosen.native == ski)


def decrypt(data: bytes, keys: Sequence[tuple[x509.Certificate, rsa.RSAPrivateKey]]) -> bytes:
    """Steps 1–2 for an EnvelopedData file. Returns the inner (still unverified) SignedData DER."""
    check_der(data)
    ci = _load(data)
    ctype = ci["content_type"].native
    if ctype in (AUTH_ENVELOPED_OID, "authenticated_enveloped_data"):
        raise BundleRejected("unsupported_cipher", "AES-GCM")
    if ctype != "enveloped_data":
        raise BundleRejected("wrong_content_type", str(ctype))
    try:
        ed = ci["content"]
        ris = ed["recipient_infos"]
        if len(ris) > MAX_RECIPIENTS:
            raise BundleRejected("too_many_recipients", str(len(ris)))
        ours: tuple[x509.Certificate, rsa.RSAPrivateKey] | None = None
        for ri in ris:
            if ri.name != "ktri":
                raise BundleRejected("unsupported_key_transport", ri.name)
            ktri = ri.chosen
            alg = ktri["key_encryption_algorithm"]["algorithm"].native
            if alg != "rsaes_pkcs1v15":
                raise BundleRejected("unsupported_key_transport", str(alg))
            for cert, key in keys:
                if ours is None and _ri_matches(ktri, cert):
                    ours = (cert, key)
        cea = ed["encrypted_content_info"]["content_encryption_algorithm"]["algorithm"].native
        if cea != "aes256_cbc":
            raise BundleRejected("unsupported_cipher", str(cea))
    except BundleRejected:
        raise
    except (ValueError, TypeError, KeyError) as exc:
        raise BundleRejected("not_der") from exc
    if ours is None:
        raise BundleRejected("not_for_us")
    try:
        inner = pkcs7.pkcs7_decrypt_der(data, ours[0], ours[1], [])
        # Garbage that survived the padding check is a decryption failure too: same message.
        _classify(inner)
        if _load(inner)["content_type"].native != "signed_data":
            raise ValueError("not signed data")
    except Exception:
        raise BundleRejected("decrypt_failed") from None
    return inner


# ---------------------------------------------------------------------------------------------
# Signature


@dataclass(frozen=True)
class Verified:
    content: bytes
    signer: x509.Certificate
    chain: list[x509.Certificate]
    signing_time: dt.datetime | None
    expired_override: bool = False


def _attr(si: Any, name: str) -> Any:
    found = [a for a in si["signed_attrs"] if a["type"].native == name]
    if len(found) != 1 or len(found[0]["values"]) != 1:
        return None
    return found[0]["values"][0]


def _find_signer(sid: Any, certs: list[x509.Certificate]) -> x509.Certificate | None:
    for cert in certs:
        if sid.name == "issuer_and_serial_number":
            ias = sid.chosen
            if ias["serial_number"].native == cert.serial_number and ias["issuer"].dump() == cert.issuer.public_bytes():
                return cert
        else:
            try:
                ski = cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
            except x509.ExtensionNotFound:
                continue
            if sid.chosen.native == ski:
                return cert
    return None


def _utc(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def verify_signed(data: bytes, roots: Sequence[x509.Certificate], *, now: dt.datetime | None = None,
                  allow_expired: bool = False, production: bool = False) -> Verified:
    """Step 3: one signer, SHA-256, signed attributes, RSA ≥ 2048, signature, chain to a pinned root."""
    check_der(data)
    ci = _load(data)
    if ci["content_type"].native != "signed_data":
        raise BundleRejected("wrong_content_type", str(ci["content_type"].native))
    try:
        return _verify_signed(ci["content"], roots, now or dt.datetime.now(dt.UTC), allow_expired, production)
    except BundleRejected:
        raise
    except (ValueError, TypeError, KeyError) as exc:
        raise BundleRejected("not_der") from exc


def _verify_signed(sd: Any, roots: Sequence[x509.Certificate], now: dt.datetime, allow_expired: bool,
                   production: bool) -> Verified:
    encap = sd["encap_content_info"]
    content_value = encap["content"]
    if isinstance(content_value, core.Void) or content_value.native is None:
        raise BundleRejected("detached_signature")
    content: bytes = content_value.native if isinstance(content_value.native, bytes) else content_value.contents
    if encap["content_type"].native != "data":
        raise BundleRejected("bad_signed_attributes", "eContentType")
    sis = sd["signer_infos"]
    if len(sis) == 0:
        raise BundleRejected("no_signer")
    if len(sis) > 1:
        raise BundleRejected("several_signers", str(len(sis)))
    raw_certs = sd["certificates"] if not isinstance(sd["certificates"], core.Void) else []
    if len(raw_certs) > MAX_CERTS:
        raise BundleRejected("too_many_certificates", str(len(raw_certs)))
    certs: list[x509.Certificate] = []
    for choice in raw_certs:
        if choice.name != "certificate":
            continue
        try:
            certs.append(x509.load_der_x509_certificate(choice.chosen.dump()))
        except ValueError as exc:
            raise BundleRejected("not_der", "chứng thư") from exc
    for alg in sd["digest_algorithms"]:
        if alg["algorithm"].native != "sha256":
            raise BundleRejected("unsupported_digest", str(alg["algorithm"].native))
    si = sis[0]
    if si["digest_algorithm"]["algorithm"].native != "sha256":
        raise BundleRejected("unsupported_digest", str(si["digest_algorithm"]["algorithm"].native))
    sig_alg = si["signature_algorithm"]["algorithm"].native
    if sig_alg not in ("rsassa_pkcs1v15", "sha256_rsa"):
        raise BundleRejected("unsupported_signature", str(sig_alg))
    signed_attrs = si["signed_attrs"]
    if isinstance(signed_attrs, core.Void) or len(signed_attrs) == 0:
        raise BundleRejected("no_signed_attributes")
    ctype = _attr(si, "content_type")
    digest = _attr(si, "message_digest")
    stime = _attr(si, "signing_time")
    if ctype is None or digest is None or stime is None:
        raise BundleRejected("no_signed_attributes")
    if ctype.native != "data":
        raise BundleRejected("bad_signed_attributes", "contentType")
    signing_time = _utc(stime.native) if isinstance(stime.native, dt.datetime) else None
    signer = _find_signer(si["sid"], certs)
    if signer is None:
        raise BundleRejected("missing_signer_cert")
    pub = signer.public_key()
    if not isinstance(pub, rsa.RSAPublicKey):
        raise BundleRejected("unsupported_signature", "không phải RSA")
    if pub.key_size < pki.MIN_RSA_BITS:
        raise BundleRejected("weak_key", f"{pub.key_size} bit")
    if digest.native != hashlib.sha256(content).digest():
        raise BundleRejected("bad_signature")
    to_verify = b"\x31" + signed_attrs.dump()[1:]
    try:
        pub.verify(si["signature"].native, to_verify, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        raise BundleRejected("bad_signature") from None
    root_fps = {pki.cert_sha256(r) for r in roots}
    if signer.issuer == signer.subject and pki.cert_sha256(signer) not in root_fps:
        raise BundleRejected("self_signed")
    at = now
    expired_override = False
    if now < _utc(signer.not_valid_before_utc):
        raise BundleRejected("cert_not_yet_valid", signer.not_valid_before_utc.strftime("%d/%m/%Y"))
    if now > _utc(signer.not_valid_after_utc):
        if not allow_expired:
            raise BundleRejected("cert_expired", signer.not_valid_after_utc.strftime("%d/%m/%Y"))
        if signing_time is None or not (signer.not_valid_before_utc <= signing_time <= signer.not_valid_after_utc):
            raise BundleRejected("cert_expired", "thời điểm ký nằm ngoài hạn chứng thư")
        at = signing_time
        expired_override = True
    intermediates = [c for c in certs if c is not signer and pki.cert_sha256(c) not in root_fps]
    try:
        ee = verification.ExtensionPolicy.webpki_defaults_ee().may_be_present(
            x509.SubjectAlternativeName, verification.Criticality.AGNOSTIC, None)
        verifier = (
            verification.PolicyBuilder().store(verification.Store(list(roots))).time(at)
            .max_chain_depth(3)
            .extension_policies(ca_policy=verification.ExtensionPolicy.webpki_defaults_ca(), ee_policy=ee)
            .build_client_verifier()
        )
        result = verifier.verify(signer, intermediates)
    except verification.VerificationError as exc:
        raise BundleRejected("wrong_root") from exc
    chain = list(result.chain)
    if production and any(pki.is_demo(c) for c in chain):
        raise BundleRejected("demo_cert")
    return Verified(content=content, signer=signer, chain=chain, signing_time=signing_time,
                    expired_override=expired_override)
