"""PAdES signatures on the generated PDFs (pyHanko), with the unit's certificate and key.

The signature is PAdES baseline B-B (ETSI.CAdES.detached, SHA-256, signing-certificate attribute), an
incremental update over the unsigned file, so any PDF reader that trusts the unit's certificate chain
(Adobe Reader, Foxit, pyHanko) reports it valid and the document unmodified. No time-stamp: the
application runs offline, so the signing time is the signer's clock (a claimed time, as PAdES B-B allows).

The certificate and key come from a PKCS#12 file (.p12/.pfx, as Vietnamese CA tokens export them) or a
PEM certificate plus a PEM private key.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.util import get_pyca_cryptography_hash

from kpi_desktop.errors import InputError
from kpi_desktop.reports.models import nfc

log = logging.getLogger(__name__)

FIELD_NAME = "KPIDesktop_ChuKyDonVi"


class UnitSigner(signers.SimpleSigner):
    """pyHanko's in-memory signer, with the private key parsed once.

    `SimpleSigner.sign_raw` re-parses (and for RSA re-validates) the key for every signature, about
    0.1 s each and twice per PDF; signing a unit's batch of forms would spend most of its time there.
    RSA PKCS#1 v1.5 and ECDSA, the mechanisms CA tokens in Vietnam issue, use the cached key; anything
    else goes through pyHanko unchanged."""

    _parsed_key: Any = None

    @classmethod
    def of(cls, signer: signers.SimpleSigner) -> UnitSigner:
        return cls(signing_cert=signer.signing_cert, signing_key=signer.signing_key,
                   cert_registry=signer.cert_registry, signature_mechanism=signer.signature_mechanism)

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        mechanism_spec = self.get_signature_mechanism_for_digest(digest_algorithm)
        try:
            mechanism = mechanism_spec.signature_algo
        except ValueError:
            mechanism = mechanism_spec["algorithm"].native
        if mechanism not in ("rsassa_pkcs1v15", "ecdsa"):
            return bytes(super().sign_raw(data, digest_algorithm))
        if self._parsed_key is None:
            self._parsed_key = serialization.load_der_private_key(self.signing_key.dump(), password=None)
        hash_algo = get_pyca_cryptography_hash(digest_algorithm)
        if mechanism == "rsassa_pkcs1v15":
            assert isinstance(self._parsed_key, rsa.RSAPrivateKey)
            return self._parsed_key.sign(data, PKCS1v15(), hash_algo)
        assert isinstance(self._parsed_key, ec.EllipticCurvePrivateKey)
        return self._parsed_key.sign(data, ec.ECDSA(hash_algo))


def load_signer(cert_path: Path, key_path: Path | None = None, *, passphrase: str | None = None,
                chain: tuple[Path, ...] = ()) -> UnitSigner:
    """The unit's signer from a .p12/.pfx file, or from a PEM/DER certificate plus its private key."""
    pw = passphrase.encode("utf-8") if passphrase else None
    if not cert_path.is_file():
        raise InputError(f"Không tìm thấy tệp chứng thư số «{cert_path}».", field="cert",
                         hint="Chọn tệp .p12/.pfx, hoặc tệp chứng thư .pem kèm khoá riêng (--key).")
    try:
        if cert_path.suffix.lower() in (".p12", ".pfx"):
            signer = signers.SimpleSigner.load_pkcs12(str(cert_path), passphrase=pw,
                                                      ca_chain_files=[str(p) for p in chain] or None)
        else:
            if key_path is None or not key_path.is_file():
                raise InputError("Thiếu tệp khoá riêng của chứng thư số.", field="key",
                                 hint="Dùng --key TỆP_KHOÁ.pem, hoặc dùng tệp .p12/.pfx chứa cả khoá.")
            signer = signers.SimpleSigner.load(str(key_path), str(cert_path), key_passphrase=pw,
                                               ca_chain_files=[str(p) for p in chain] or None)
    except InputError:
        raise
    except Exception as exc:  # pyHanko raises assorted parsing errors for a bad file or password
        log.debug("signer load failed", exc_info=True)
        raise InputError("Không đọc được chứng thư số hoặc khoá riêng (tệp hỏng hoặc sai mật khẩu).",
                         field="cert", hint="Kiểm tra tệp và mật khẩu của khoá.") from exc
    if signer is None:  # older pyHanko returns None instead of raising
        raise InputError("Không đọc được chứng thư số hoặc khoá riêng (tệp hỏng hoặc sai mật khẩu).",
                         field="cert", hint="Kiểm tra tệp và mật khẩu của khoá.")
    return UnitSigner.of(signer)


def sign_pdf(pdf: bytes, signer: signers.Signer, *, reason: str = "Xác nhận kết quả đánh giá, xếp loại",
             location: str = "", signer_name: str | None = None) -> bytes:
    """Return `pdf` with one PAdES signature appended as an incremental update."""
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME, md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES,
        reason=nfc(reason), location=nfc(location) or None, name=nfc(signer_name) or None,
    )
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        out = signers.sign_pdf(writer, meta, signer=signer)
    except Exception as exc:
        log.debug("signing failed", exc_info=True)
        raise InputError("Không ký được tệp PDF bằng chứng thư số của đơn vị.", field="cert",
                         hint="Chứng thư phải còn hạn và dùng được để ký (digitalSignature).") from exc
    return bytes(out.getvalue())


@dataclass(frozen=True)
class SignatureCheck:
    field: str
    signer: str  # subject common name
    signed_at: datetime | None
    intact: bool  # the signed bytes are unchanged
    valid: bool  # the cryptographic signature is correct
    trusted: bool  # the certificate chains to one of the given roots
    covers_whole_file: bool
    pades: bool

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and self.trusted and self.covers_whole_file


def load_certificate(data: bytes) -> asn1_x509.Certificate:
    from cryptography import x509 as c_x509
    from cryptography.hazmat.primitives.serialization import Encoding

    cert = c_x509.load_pem_x509_certificate(data) if b"-----BEGIN" in data else c_x509.load_der_x509_certificate(data)
    return asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))


def verify_pdf(pdf: bytes, trust_roots: list[asn1_x509.Certificate]) -> list[SignatureCheck]:
    """Check every signature in `pdf` against `trust_roots` (offline: no revocation fetching)."""
    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    context = ValidationContext(trust_roots=trust_roots, allow_fetching=False, revocation_mode="soft-fail")
    checks = []
    for sig in reader.embedded_signatures:
        status = validate_pdf_signature(sig, context)
        cert = sig.signer_cert
        checks.append(SignatureCheck(
            field=sig.field_name,
            signer=str(cert.subject.native.get("common_name", "")),
            signed_at=sig.self_reported_timestamp,
            intact=bool(status.intact), valid=bool(status.valid), trusted=bool(status.trusted),
            covers_whole_file=status.coverage is not None and status.coverage.name == "ENTIRE_FILE",
            pades=sig.sig_object.get("/SubFilter") == "/ETSI.CAdES.detached",
        ))
    return checks
