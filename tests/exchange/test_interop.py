"""Interoperability with an independent verifier: the `openssl cms` and `sha256sum` commands."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from exchange_helpers import Pki, make_bundle, openssl, registered, valid_payload, write

from kpi_desktop.exchange import bundle


def test_our_bundle_decrypts_and_verifies_with_openssl(demo_pki: Pki, tmp_path: Path, needs_openssl: str) -> None:
    data, _manifest = make_bundle(demo_pki)
    kpib = write(tmp_path / "B.kpib", data)
    signed = tmp_path / "B.signed.der"
    openssl("cms", "-decrypt", "-binary", "-inform", "DER", "-in", str(kpib), "-recip",
            str(demo_pki.paths.enc_cert), "-inkey", str(demo_pki.paths.enc_key), "-out", str(signed))
    zipped = tmp_path / "payload.zip"
    openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", str(signed), "-CAfile",
            str(demo_pki.paths.root), "-purpose", "any", "-out", str(zipped))
    out = tmp_path / "p"
    out.mkdir()
    import zipfile

    with zipfile.ZipFile(zipped) as zf:
        zf.extractall(out)
    assert sorted(p.name for p in out.iterdir()) == ["SHA256SUMS", "audit.jsonl", "catalog.json",
                                                     "manifest.json", "records.jsonl"]
    if shutil.which("sha256sum") is None:
        pytest.skip("sha256sum is not installed (coreutils)")
    proc = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=out, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count(": OK") == 3
    # The signature really covers the content: openssl refuses a modified signed blob.
    blob = bytearray(signed.read_bytes())
    idx = bytes(blob).index(b"records.jsonl")
    blob[idx] ^= 0x20
    bad = write(tmp_path / "bad.der", bytes(blob))
    with pytest.raises(RuntimeError):
        openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", str(bad), "-CAfile",
                str(demo_pki.paths.root), "-purpose", "any", "-out", str(tmp_path / "x.zip"))


def test_bundle_made_with_openssl_only_is_accepted(demo_pki: Pki, tmp_path: Path, needs_openssl: str) -> None:
    zipped = write(tmp_path / "payload.zip", valid_payload(demo_pki))
    cert, key = demo_pki.paths.units["26734"]
    signed = tmp_path / "signed.der"
    openssl("cms", "-sign", "-binary", "-nodetach", "-md", "sha256", "-outform", "DER", "-in", str(zipped),
            "-signer", str(cert), "-inkey", str(key), "-out", str(signed))
    kpib = tmp_path / "B.kpib"
    openssl("cms", "-encrypt", "-binary", "-aes256", "-outform", "DER", "-in", str(signed), "-out", str(kpib),
            str(demo_pki.paths.enc_cert))
    opened = bundle.open_results(kpib.read_bytes(), demo_pki.trust(), registered=registered)
    assert opened.manifest["unit_code"] == "26734"
    assert len(opened.records) == 3
    assert opened.records[0].record["person"]["full_name"] == "Nguyễn Văn An"
