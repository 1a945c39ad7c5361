"""Who signs a bundle: a key file, or a PKCS#11 token (the Government Cipher Committee USB tokens).

Both produce the same thing: a DER SignedData with attached content, exactly one SignerInfo,
SHA-256 and the signed attributes contentType, messageDigest and signingTime, with the signer
certificate and its chain embedded.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa

from kpi_desktop.errors import InputError
from kpi_desktop.exchange import cms


@runtime_checkable
class Signer(Protocol):
    """Anything that can sign a payload for a bundle."""

    @property
    def certificate(self) -> x509.Certificate: ...

    def sign(self, content: bytes) -> bytes:
        """Return a DER-encoded CMS SignedData (attached content) over `content`."""
        ...


class FileKeySigner:
    """Signs with a private key held in memory (loaded from an encrypted PKCS#8 file)."""

    def __init__(self, certificate: x509.Certificate, key: rsa.RSAPrivateKey,
                 chain: Sequence[x509.Certificate] = ()) -> None:
        if key.public_key().public_numbers() != certificate.public_key().public_numbers():  # type: ignore[union-attr]
            raise InputError("Khoá riêng không khớp với chứng thư số.", field="key")
        self._cert = certificate
        self._key = key
        self._chain = list(chain)

    @property
    def certificate(self) -> x509.Certificate:
        return self._cert

    def sign(self, content: bytes) -> bytes:
        return cms.sign_with_key(content, self._cert, self._key, self._chain)


def ensure_pyhanko_names() -> None:
    """pyHanko registers extra CMS attribute and extension names in asn1crypto's tables when it is
    imported; if asn1crypto already built its name → OID cache, those names are missing from it and
    signing with pyHanko fails. Add them to the caches."""
    import pyhanko.sign.ades.cades_asn1  # noqa: F401
    from asn1crypto import cms as asn1_cms
    from asn1crypto import x509 as asn1_x509

    for table in (asn1_cms.CMSAttributeType, asn1_x509.ExtensionId):
        if table._reverse_map is not None:
            for oid, name in table._map.items():
                table._reverse_map.setdefault(name, oid)


class Pkcs11Signer:
    """Signs on a PKCS#11 token through pyHanko (the key never leaves the token).

    `lib` is the token's PKCS#11 module (e.g. the vendor DLL, or libsofthsm2.so in tests).
    """

    def __init__(self, lib: str, *, token_label: str, pin: str, key_label: str,
                 chain: Sequence[x509.Certificate] = (), certificate: x509.Certificate | None = None) -> None:
        try:
            from pyhanko.config.pkcs11 import TokenCriteria
            from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session
        except ImportError as exc:  # python-pkcs11 missing
            raise InputError("Thiếu thư viện python-pkcs11 để dùng thiết bị ký số (token).",
                             hint="Cài gói python-pkcs11.") from exc
        from asn1crypto import x509 as asn1_x509
        from cryptography.hazmat.primitives import serialization

        ensure_pyhanko_names()

        try:
            self._session = open_pkcs11_session(lib, token_criteria=TokenCriteria(label=token_label), user_pin=pin)
        except Exception as exc:
            raise InputError("Không mở được thiết bị ký số (token): sai thư viện, nhãn hoặc mã PIN.",
                             field="token") from exc
        ca = [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in chain]
        signing_cert = (asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))
                        if certificate is not None else None)
        self._signer = PKCS11Signer(self._session, key_label=key_label, cert_label=None if signing_cert else key_label,
                                    signing_cert=signing_cert, ca_chain=ca, embed_roots=True)
        cert = self._signer.signing_cert
        if cert is None:
            raise InputError("Không tìm thấy chứng thư số trên thiết bị ký.", field="token")
        self._cert = x509.load_der_x509_certificate(cert.dump())

    @property
    def certificate(self) -> x509.Certificate:
        return self._cert

    def sign(self, content: bytes) -> bytes:
        import datetime as dt

        from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

        # signingTime is one of the contract's required signed attributes; pyHanko adds it only on request.
        attrs = PdfCMSSignedAttributes(signing_time=dt.datetime.now(dt.UTC))

        async def _run() -> bytes:
            ci = await self._signer.async_sign_general_data(content, "sha256", detached=False,
                                                            signed_attr_settings=attrs)
            return bytes(ci.dump())

        return asyncio.run(_run())

    def close(self) -> None:
        self._session.close()
