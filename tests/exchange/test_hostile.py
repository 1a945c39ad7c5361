"""The contract's hostile-input list, at the level of the bundle reader: each file refused with its
own code and message. (test_import_service.py runs the same files through a batch import.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from exchange_helpers import Pki, make_bundle, registered
from hostile_cases import CASES

from kpi_desktop.exchange import bundle
from kpi_desktop.exchange.reasons import MESSAGES, BundleRejected


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_file_is_refused_with_its_own_reason(case: str, demo_pki: Pki, other_pki: Pki, tmp_path: Path,
                                                      needs_openssl: str) -> None:
    build, code = CASES[case]
    data = build(demo_pki, other_pki, tmp_path)
    with pytest.raises(BundleRejected) as info:
        bundle.open_results(data, demo_pki.trust(), registered=registered)
    assert info.value.code == code, info.value.user_text()
    assert info.value.message.startswith(MESSAGES[code])


def test_every_message_is_distinct_and_nfc() -> None:
    import unicodedata

    texts = list(MESSAGES.values())
    assert len(set(texts)) == len(texts)
    assert all(unicodedata.normalize("NFC", t) == t for t in texts)


def _variants(data: bytes) -> list[bytes]:
    from asn1crypto import cms as acms

    out = []
    last = bytearray(data)
    last[-1] ^= 0xFF  # padding block
    out.append(bytes(last))
    ci = acms.ContentInfo.load(data)
    params = ci["content"]["encrypted_content_info"]["content_encryption_algorithm"]["parameters"]
    ci["content"]["encrypted_content_info"]["content_encryption_algorithm"]["parameters"] = bytes(
        b ^ 0xA5 for b in params.native)  # another IV
    out.append(ci.dump(force=True))
    ci = acms.ContentInfo.load(data)
    ri = ci["content"]["recipient_infos"][0].chosen
    ri["encrypted_key"] = bytes(reversed(ri["encrypted_key"].native))  # a wrong content key
    out.append(ci.dump(force=True))
    return out


def test_decryption_failures_share_one_message(demo_pki: Pki) -> None:
    data, _ = make_bundle(demo_pki)
    seen = set()
    for broken in _variants(data):
        with pytest.raises(BundleRejected) as info:
            bundle.open_results(broken, demo_pki.trust(), registered=registered)
        seen.add((info.value.code, info.value.message))
    assert seen == {("decrypt_failed", MESSAGES["decrypt_failed"])}


def test_tampering_anywhere_in_the_ciphertext_is_refused(demo_pki: Pki) -> None:
    data, _ = make_bundle(demo_pki)
    for pos in range(len(data) - 16 * 40, len(data), 16 * 7):
        broken = bytearray(data)
        broken[pos] ^= 0x01
        # CBC has no integrity: a flipped middle block reaches the signature and chain checks,
        # which refuse it (with the reason of whichever structure the flip landed in).
        with pytest.raises(BundleRejected):
            bundle.open_results(bytes(broken), demo_pki.trust(), registered=registered)


def test_demo_certificate_refused_in_production(demo_pki: Pki) -> None:
    data, _ = make_bundle(demo_pki)
    with pytest.raises(BundleRejected) as info:
        bundle.open_results(data, demo_pki.trust(production=True), registered=registered)
    assert info.value.code == "demo_cert"


def test_expired_signer_accepted_only_with_override(demo_pki: Pki) -> None:
    import datetime as dt

    from exchange_helpers import cert_with, manifest_for, payload_files

    from kpi_desktop.exchange import cms, payload
    from kpi_desktop.exchange.signer import FileKeySigner

    cert, key = cert_with(demo_pki, not_before=dt.datetime.now(dt.UTC) - dt.timedelta(days=400), days=30)
    # Signed while the certificate was valid: build the signature with a signingTime inside the window
    # is not possible with cryptography (it stamps "now"), so the override must still refuse it.
    zipped = payload.build_zip(manifest_for(demo_pki, signer_cert=cert), payload_files())
    data = cms.envelope(FileKeySigner(cert, key, [demo_pki.root]).sign(zipped), [demo_pki.enc])
    with pytest.raises(BundleRejected) as info:
        bundle.open_results(data, demo_pki.trust(allow_expired=True), registered=registered)
    assert info.value.code == "cert_expired"


def test_expired_signer_with_override_when_signed_in_time(demo_pki: Pki) -> None:
    """Signed while the certificate was valid, imported after it expired: only the logged override
    accepts it, and the chain is then checked as of the signing time."""
    import asyncio
    import datetime as dt

    from asn1crypto import keys as akeys
    from asn1crypto import x509 as ax509
    from cryptography.hazmat.primitives import serialization
    from exchange_helpers import manifest_for, payload_files
    from pyhanko.sign import signers
    from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    from kpi_desktop.exchange import cms, payload, pki
    from kpi_desktop.exchange.signer import ensure_pyhanko_names

    ensure_pyhanko_names()
    now = dt.datetime.now(dt.UTC)
    root, root_key = pki.make_root("Sở Nội vụ (cũ)", demo=True, not_before=now - dt.timedelta(days=800))
    key = pki.new_key()
    cert = pki.issue(root, root_key, key.public_key(), common_name="UBND xã Hòa Lạc", purpose="sign", demo=True,
                     unit_code="26734", not_before=now - dt.timedelta(days=400), days=30)
    zipped = payload.build_zip(manifest_for(demo_pki, signer_cert=cert), payload_files())
    signer = signers.SimpleSigner(
        signing_cert=ax509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        signing_key=akeys.PrivateKeyInfo.load(key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())),
        cert_registry=SimpleCertificateStore.from_certs(
            [ax509.Certificate.load(root.public_bytes(serialization.Encoding.DER))]))
    signed_at = now - dt.timedelta(days=380)
    ci = asyncio.run(signer.async_sign_general_data(zipped, "sha256", detached=False,
                                                    signed_attr_settings=PdfCMSSignedAttributes(signing_time=signed_at)))
    data = cms.envelope(ci.dump(), [demo_pki.enc])
    trust = bundle.Trust(roots=[root], decryption=[(demo_pki.enc, demo_pki.enc_key)])
    with pytest.raises(BundleRejected) as info:
        bundle.open_results(data, trust, registered=registered)
    assert info.value.code == "cert_expired"
    override = bundle.Trust(roots=[root], decryption=[(demo_pki.enc, demo_pki.enc_key)], allow_expired=True)
    opened = bundle.open_results(data, override, registered=registered)
    assert opened.expired_override and len(opened.records) == 3
