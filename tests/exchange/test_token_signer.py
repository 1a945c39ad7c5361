"""A PKCS#11 token signs a bundle (SoftHSM stands in for the Government Cipher Committee USB token)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from exchange_helpers import PERIOD, RULESET, UNIT_A, Pki, records

from kpi_desktop.exchange import bundle, cms, pki

LIB_CANDIDATES = ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                  "/usr/local/lib/softhsm/libsofthsm2.so")


@pytest.fixture
def softhsm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    lib = next((p for p in LIB_CANDIDATES if Path(p).exists()), None)
    if lib is None or shutil.which("softhsm2-util") is None:
        pytest.skip("SoftHSM is not installed (apt-get install -y softhsm2 opensc)")
    pytest.importorskip("pkcs11", reason="python-pkcs11 is not installed (pip install python-pkcs11)")
    tokens = tmp_path / "tokens"
    tokens.mkdir()
    conf = tmp_path / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n")
    monkeypatch.setenv("SOFTHSM2_CONF", str(conf))
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", "kpi-unit", "--pin", "123456",
                    "--so-pin", "12345678"], check=True, capture_output=True)
    return lib


def test_token_signs_a_bundle_the_province_accepts(softhsm: str, demo_pki: Pki) -> None:
    import pkcs11
    from cryptography.hazmat.primitives.asymmetric import rsa

    from kpi_desktop.exchange.signer import Pkcs11Signer

    lib = pkcs11.lib(softhsm)
    token = lib.get_token(token_label="kpi-unit")
    with token.open(user_pin="123456", rw=True) as session:
        pub, _priv = session.generate_keypair(pkcs11.KeyType.RSA, 2048, label="unit-key", id=b"\x01", store=True)
        modulus = int.from_bytes(pub[pkcs11.Attribute.MODULUS], "big")
        exponent = int.from_bytes(pub[pkcs11.Attribute.PUBLIC_EXPONENT], "big")
    public_key = rsa.RSAPublicNumbers(exponent, modulus).public_key()
    cert = pki.issue(demo_pki.root, demo_pki.root_key, public_key, common_name="UBND xã Hòa Lạc (token)",
                     purpose="sign", demo=True, unit_code=UNIT_A)

    signer = Pkcs11Signer(softhsm, token_label="kpi-unit", pin="123456", key_label="unit-key",
                          certificate=cert, chain=[demo_pki.root])
    try:
        signed = signer.sign(b"payload")
        verified = cms.verify_signed(signed, [demo_pki.root])
        assert verified.content == b"payload" and pki.cert_sha256(verified.signer) == pki.cert_sha256(cert)
        data, manifest = bundle.build_results(
            unit_code=UNIT_A, period=PERIOD, sequence=1, supersedes=None, records_=records(), catalog={},
            audit=[], ruleset_id=RULESET, ruleset_sha256="0" * 64, signer=signer, recipients=[demo_pki.enc])
    finally:
        signer.close()
    opened = bundle.open_results(data, demo_pki.trust(),
                                 registered=lambda c, u: pki.cert_sha256(c) == pki.cert_sha256(cert) and u == UNIT_A)
    assert opened.manifest["bundle_id"] == manifest["bundle_id"] and len(opened.records) == 3


def test_wrong_pin_is_a_clear_error(softhsm: str) -> None:
    from kpi_desktop.errors import InputError
    from kpi_desktop.exchange.signer import Pkcs11Signer

    with pytest.raises(InputError, match="PIN"):
        Pkcs11Signer(softhsm, token_label="kpi-unit", pin="000000", key_label="unit-key")
